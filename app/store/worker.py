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

T = TypeVar("T")

_STOP = object()


class DbWorker:
    """Runs `fn(resource, *args)` calls one at a time on a dedicated thread."""

    def __init__(self, opener: Callable[[], Any], closer: Callable[[Any], None], name: str = "db"):
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
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

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        if not self._thread.is_alive():
            raise RuntimeError("database worker is closed")
        fut: Future[T] = Future()
        self._queue.put((fut, fn, args, kwargs))
        return fut

    def close(self, timeout: float = 30.0) -> None:
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout)

    @property
    def thread(self) -> threading.Thread:
        return self._thread
