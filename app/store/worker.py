"""One thread owns the SQLite connection; everyone else gets futures.

SQLite connections are not to be shared across threads, and the GUI must never wait on disk, so
every database call is a function queued to this worker. Writes are serialised by construction.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from app.domain.errors import StorageError

T = TypeVar("T")


def closed_error() -> StorageError:
    return StorageError("store_closed", "Kho dữ liệu đã đóng (trạm đang tắt hoặc đã đăng xuất).",
                        "The data store is closed (the station is shutting down or logged out).")

_STOP = object()


class DbWorker:
    """Runs `fn(resource, *args)` calls one at a time on a dedicated thread."""

    def __init__(self, opener: Callable[[], Any], closer: Callable[[Any], None], name: str = "db"):
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._lock = threading.Lock()  # submit vs close: nothing is queued behind the stop
        self._closed = False
        self._opener = opener
        self._closer = closer
        self._ready: Future[None] = Future()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        self._ready.result()  # re-raises whatever the opener raised

    def _run(self) -> None:
        try:
            resource = self._opener()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller of __init__
            self._ready.set_exception(exc)
            return
        self._ready.set_result(None)
        try:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    return
                fut, fn, args, kwargs = item
                if not fut.set_running_or_notify_cancel():
                    continue
                try:
                    fut.set_result(fn(resource, *args, **kwargs))
                except BaseException as exc:  # noqa: BLE001 - delivered through the future
                    fut.set_exception(exc)
        finally:
            self._closer(resource)
            self._fail_leftovers()

    def _fail_leftovers(self) -> None:
        """Calls that raced a close get an error instead of a future nobody will ever settle."""
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not _STOP and item[0].set_running_or_notify_cancel():
                item[0].set_exception(closed_error())

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        fut: Future[T] = Future()
        with self._lock:
            if self._closed or not self._thread.is_alive():
                raise closed_error()
            self._queue.put((fut, fn, args, kwargs))
        return fut

    def close(self, timeout: float = 30.0) -> None:
        """Finish the calls already queued, then stop; later calls raise StorageError."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(_STOP)
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    @property
    def thread(self) -> threading.Thread:
        return self._thread
