"""operations.run: answers reach a live parent on the GUI thread; a deleted parent gets none;
a callback that ends a nested event loop (a dialog, pytest-qt's waitSignal) cannot crash the
relay's teardown (it used to segfault in ~QObject on DeferredDelete)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.ui import operations


class _W(QWidget):
    sig = Signal(str)


def test_callback_ending_a_nested_loop_then_parent_deleted(qtbot, station):
    w = _W()
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.sig, timeout=5000) as blocker:
        operations.run(lambda: "x", w.sig.emit, lambda e: None, w)
    assert blocker.args == ["x"]


def test_answers_on_the_gui_thread_and_none_after_the_parent_is_gone(qtbot, station):
    seen: list[object] = []
    w = QWidget()
    operations.run(lambda: 1, lambda r: seen.append(threading.current_thread()), seen.append, w)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [threading.main_thread()]
    gate = threading.Event()
    late: list[object] = []
    gone = QWidget()
    operations.run(lambda: gate.wait(5), late.append, late.append, gone)
    gone.deleteLater()
    qtbot.wait(20)
    gate.set()
    qtbot.wait(100)
    assert late == []
