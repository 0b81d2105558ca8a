"""Test helpers: type Vietnamese through real key events (qtbot.keyClicks aborts on non-ASCII)."""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.masterdata import default_master
from app.domain.synthetic import generate_worklist
from app.domain.worklist import WorklistIndex

TODAY = date(2026, 11, 22)


def type_text(widget: QWidget, text: str) -> None:
    """One KeyPress/KeyRelease pair per character, as a keyboard (or an IME commit) sends."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def worklist(count: int = 60, seed: int = 7):
    entries = generate_worklist(default_master(), count, seed, TODAY)
    index = WorklistIndex(entries)
    return entries, (lambda text: [e.to_json() for e in index.search(text)])


class ThreadGuard:
    """Wraps service methods so any call made on the GUI (main) thread is recorded."""

    def __init__(self) -> None:
        self.on_gui: list[str] = []
        self.calls: list[str] = []

    def wrap(self, monkeypatch, cls: type, names: list[str]) -> None:  # noqa: ANN001
        for name in names:
            original = getattr(cls, name)

            def wrapper(*a, __orig=original, __name=name, **kw):  # noqa: ANN002, ANN003
                self.calls.append(__name)
                if threading.current_thread() is threading.main_thread():
                    self.on_gui.append(__name)
                return __orig(*a, **kw)

            monkeypatch.setattr(cls, name, wrapper)
