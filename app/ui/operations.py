"""Run a blocking service call off the GUI thread; get success or failure back on it.

The GUI thread never waits on the database, a device or the network. Errors are shown by
default (a StationError's message in the current language) unless the caller handles them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.domain.errors import StationError
from app.ui.i18n import lang, t


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_live: set[_Job] = set()  # keeps each job's Python side alive until its answer is delivered


class _Relay(QObject):
    """Lives on the GUI thread, so signals from the pool arrive here as queued calls."""

    def __init__(self, parent: QObject, on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_error = on_error

    @Slot(object)
    def done(self, result: Any) -> None:
        self.deleteLater()
        self._on_done(result)

    @Slot(object)
    def failed(self, exc: BaseException) -> None:
        self.deleteLater()
        self._on_error(exc)


def describe(exc: BaseException) -> str:
    if isinstance(exc, StationError):
        return exc.message(lang())
    return t("Lỗi không mong đợi ({kind}). Dữ liệu đã lưu không bị ảnh hưởng.",
             "Unexpected error ({kind}). Saved data is not affected.").format(
                 kind=type(exc).__name__)


def run(fn: Callable[[], Any], on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None], parent: QObject) -> None:
    """Queue `fn` on the shared pool; callbacks run on the GUI thread that owns `parent`."""
    relay = _Relay(parent, on_done, on_error)
    job = _Job(fn)
    _live.add(job)
    relay.destroyed.connect(lambda *_: _live.discard(job))
    job.signals.done.connect(relay.done)
    job.signals.failed.connect(relay.failed)
    QThreadPool.globalInstance().start(job)
