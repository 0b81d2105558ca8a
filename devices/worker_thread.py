"""One I/O thread per device, with a watchdog that replaces a thread wedged in a driver call.

Drivers are not thread-safe and some block in the OS (a serial read, a USB camera grab), so a
`DeviceWorker` owns the device object: callers submit functions `fn(device)` and get
concurrent.futures Futures back. Every call has a deadline. When a call overruns it, the watchdog
fails the future with `Hung` (a devices.errors.Timeout), closes the device from another thread
(closing a serial port or an HTTP client unblocks a read), discards the wedged thread and starts
a fresh thread with a fresh device object from the factory, so the next call works without
anyone relaunching anything. Python cannot kill a thread: a driver that ignores close() leaves a
daemon thread behind until its call returns; `stats()` counts such threads.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from devices import errors

log = logging.getLogger(__name__)
D = TypeVar("D")
R = TypeVar("R")


class Hung(errors.Timeout):
    """A call overran its deadline; the watchdog restarted the device's thread and object."""

    code = "device_hung"
    vi_tpl = "{noun} ngừng phản hồi nên đã được khởi động lại: bấm Thử lại."
    en_tpl = "{noun} stopped answering and was restarted: press Retry."


@dataclass
class _Job:
    fn: Callable[[Any], Any]
    future: Future
    deadline: float  # seconds allowed once the call starts
    label: str
    started: float = 0.0
    abandoned: bool = False


class _Lane:
    """One thread and the device object it owns; dead once the watchdog gives up on it."""

    def __init__(self, device: Any, generation: int) -> None:
        self.device = device
        self.generation = generation
        self.dead = False
        self.current: _Job | None = None
        self.thread: threading.Thread | None = None


@dataclass(frozen=True)
class WorkerStats:
    generation: int  # 1 for the first thread, +1 per watchdog restart
    restarts: int
    calls: int
    hung_threads_alive: int  # abandoned threads still stuck in a driver call
    last_recovery_s: float | None  # deadline expiry -> fresh thread ready


def close_device(device: Any) -> None:
    """Default abort: the driver's own close(), which unblocks serial and HTTP reads."""
    close = getattr(device, "close", None)
    if close is not None:
        close()


Event = Callable[[str, BaseException | None], None]


class DeviceWorker(Generic[D]):
    """Runs calls on a device on its own thread; see the module docstring."""

    def __init__(self, factory: Callable[[], D], *, kind: str = "device", name: str = "device",
                 default_deadline: float = 5.0, abort: Callable[[D], None] = close_device,
                 abort_grace: float = 0.5, on_event: Event | None = None) -> None:
        self.factory = factory
        self.kind = kind
        self.name = name
        self.default_deadline = default_deadline
        self.abort = abort
        self.abort_grace = abort_grace
        self.on_event = on_event
        self._cond = threading.Condition()
        self._pending: deque[_Job] = deque()
        self._stopped = False
        self._restarts = 0
        self._calls = 0
        self._last_recovery: float | None = None
        self._abandoned: list[threading.Thread] = []
        self._lane = self._start_lane(factory(), 1)  # a bad spec fails here, at once
        self._watchdog = threading.Thread(target=self._watch, name=f"watchdog-{name}",
                                          daemon=True)
        self._watchdog.start()

    # -- public ------------------------------------------------------------------------------
    def submit(self, fn: Callable[[D], R], *, deadline: float | None = None,
               label: str = "call") -> Future[R]:
        """Queue `fn(device)`; the future fails with Hung if it runs longer than `deadline`."""
        fut: Future[R] = Future()
        job = _Job(fn, fut, self.default_deadline if deadline is None else deadline, label)
        with self._cond:
            if not self._stopped:
                self._pending.append(job)
                self._cond.notify_all()
                return fut
        fut.set_exception(errors.NotConnected(kind=self.kind, detail="device worker stopped"))
        return fut

    def call(self, fn: Callable[[D], R], *, deadline: float | None = None,
             label: str = "call") -> R:
        """submit() and wait; the watchdog bounds the wait (plus a margin for queued calls)."""
        return self.submit(fn, deadline=deadline, label=label).result()

    @property
    def generation(self) -> int:
        return self._lane.generation

    def stats(self) -> WorkerStats:
        with self._cond:
            alive = sum(t.is_alive() for t in self._abandoned)
            return WorkerStats(self._lane.generation, self._restarts, self._calls, alive,
                               self._last_recovery)

    def stop(self, timeout: float = 2.0) -> bool:
        """Fail queued calls, close the device on its thread; False if the thread is stuck."""
        with self._cond:
            if self._stopped:
                return True
            self._stopped = True
            lane, self._lane.dead = self._lane, True
            pending = list(self._pending)
            self._pending.clear()
            self._cond.notify_all()
        for job in pending:
            self._settle(job.future, None,
                         errors.NotConnected(kind=self.kind, detail="device worker stopped"))
        if lane.thread is not None and lane.thread is not threading.current_thread():
            lane.thread.join(timeout)
            if lane.thread.is_alive():
                self._abort(lane)
                return False
        return True

    # -- the device thread -------------------------------------------------------------------
    def _start_lane(self, device: D, generation: int) -> _Lane:
        lane = _Lane(device, generation)
        lane.thread = threading.Thread(target=self._run, args=(lane,),
                                       name=f"device-{self.name}-{generation}", daemon=True)
        lane.thread.start()
        return lane

    def _run(self, lane: _Lane) -> None:
        while True:
            with self._cond:
                while not lane.dead and not self._pending:
                    self._cond.wait()
                if lane.dead:
                    break
                job = self._pending.popleft()
                if not job.future.set_running_or_notify_cancel():
                    continue
                job.started = time.monotonic()
                lane.current = job
                self._calls += 1
                self._cond.notify_all()  # the watchdog arms the deadline
            result: Any = None
            exc: BaseException | None = None
            try:
                if lane.device is None:
                    raise errors.NotConnected(kind=self.kind, detail="re-creating failed")
                result = job.fn(lane.device)
            except BaseException as e:  # noqa: BLE001 - handed to the caller via the future
                exc = e
            with self._cond:
                lane.current = None
                abandoned = job.abandoned
                self._cond.notify_all()
            if abandoned:
                break  # the watchdog already failed the future and replaced this thread
            self._settle(job.future, result, exc)
            self._emit("error" if exc is not None else "ok", exc)
        if not lane.dead or self._stopped:
            try:
                close_device(lane.device)  # the owner thread closes its device on a clean stop
            except Exception:  # noqa: BLE001 - closing a gone device may fail; nothing to do
                log.debug("closing %s on stop failed", self.name)

    @staticmethod
    def _settle(fut: Future, result: Any, exc: BaseException | None) -> None:
        if fut.done():
            return
        if exc is not None:
            fut.set_exception(exc)
        else:
            fut.set_result(result)

    def _emit(self, event: str, exc: BaseException | None) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event, exc)
        except Exception:  # a UI callback must never kill the device thread
            log.exception("device event callback failed")

    # -- the watchdog ------------------------------------------------------------------------
    def _watch(self) -> None:
        with self._cond:
            while not self._stopped:
                job = self._lane.current
                if job is None:
                    self._cond.wait()
                    continue
                remaining = job.started + job.deadline - time.monotonic()
                if remaining > 0:
                    self._cond.wait(remaining)
                    continue
                old = self._lane
                job.abandoned, old.dead, old.current = True, True, None
                self._cond.release()
                try:
                    self._recover(old, job)
                finally:
                    self._cond.acquire()

    def _recover(self, old: _Lane, job: _Job) -> None:
        """Outside the lock: fail the call, abort the device, start a fresh thread and object."""
        expired = time.monotonic()
        err = Hung(kind=self.kind, detail=f"{job.label} overran {job.deadline:.1f} s")
        self._abort(old)  # a closed port or client usually frees the wedged thread at once
        if old.thread is not None:
            old.thread.join(self.abort_grace)
        try:
            device = self.factory()
        except Exception as exc:  # noqa: BLE001 - keep a lane so calls fail instead of hanging
            log.error("re-creating %s failed: %s", self.name, type(exc).__name__)
            device = None
        with self._cond:
            if old.thread is not None and old.thread.is_alive():
                self._abandoned.append(old.thread)
            self._restarts += 1
            if not self._stopped:
                self._lane = self._start_lane(device, old.generation + 1)
                self._last_recovery = time.monotonic() - expired
            self._cond.notify_all()
        log.warning("%s: call overran its deadline; thread and device restarted", self.name)
        # Report, then fail the call: whoever sees the error finds a fresh thread ready.
        self._emit("restarted", err)
        self._settle(job.future, None, err)

    def _abort(self, lane: _Lane) -> None:
        """Close the device from a throwaway thread: a close() that blocks cannot block us."""
        def run() -> None:
            try:
                self.abort(lane.device)
            except Exception:  # noqa: BLE001 - best effort on a wedged device
                log.debug("aborting %s failed", self.name)

        t = threading.Thread(target=run, name=f"abort-{self.name}", daemon=True)
        t.start()
        t.join(self.abort_grace)
