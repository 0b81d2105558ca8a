"""Threads around a camera: one capture (I/O) thread per device and one analysis thread.

The capture thread owns the camera (drivers are not thread-safe), puts each frame into a
`LatestFrame` slot and survives read failures by closing and reopening the camera with growing
waits. The analysis thread takes whatever frame is newest when it is free, so slow analysis
drops frames instead of delaying capture. Callbacks run on these threads: a Qt UI should turn
them into signals. Nothing here logs frames or results (they are biometric data).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import numpy as np

from devices.camera.base import Camera
from devices.camera.errors import CameraError, CameraUnplugged

log = logging.getLogger(__name__)
R = TypeVar("R")


@dataclass(frozen=True)
class FrameEvent:
    frame: np.ndarray
    index: int  # 1, 2, 3... per worker, never reset by reconnects
    timestamp: float  # time.monotonic() when the frame arrived


class LatestFrame:
    """Thread-safe slot with only the newest frame; readers can wait for a newer one."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._event: FrameEvent | None = None
        self._index = 0

    def put(self, frame: np.ndarray) -> FrameEvent:
        with self._cond:
            self._index += 1
            self._event = FrameEvent(frame, self._index, time.monotonic())
            self._cond.notify_all()
            return self._event

    def get(self) -> FrameEvent | None:
        with self._cond:
            return self._event

    def wait_newer(self, after: int, timeout: float) -> FrameEvent | None:
        """The newest frame with index > after, or None after `timeout` seconds."""
        with self._cond:
            self._cond.wait_for(lambda: self._event is not None and self._event.index > after,
                                timeout)
            if self._event is not None and self._event.index > after:
                return self._event
            return None


class RateMeter:
    """Events per second over the last `window` seconds."""

    def __init__(self, window: float = 2.0) -> None:
        self.window = window
        self._times: deque[float] = deque()
        self._lock = threading.Lock()

    def tick(self, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            self._times.append(now)
            while self._times and self._times[0] < now - self.window:
                self._times.popleft()

    def rate(self) -> float:
        with self._lock:
            if len(self._times) < 2:
                return 0.0
            span = self._times[-1] - self._times[0]
            return (len(self._times) - 1) / span if span > 0 else 0.0


@dataclass(frozen=True)
class CaptureStats:
    state: str  # starting | running | reconnecting | stopped
    frames: int
    fps: float
    reconnects: int
    last_error: dict[str, str] | None


class CaptureWorker:
    """Reads `camera` on its own thread until stop(); reopens it after failures."""

    def __init__(self, camera: Camera, slot: LatestFrame | None = None, *,
                 on_frame: Callable[[FrameEvent], None] | None = None,
                 on_state: Callable[[str, CameraError | None], None] | None = None,
                 backoff: float = 0.2, backoff_max: float = 3.0, name: str = "camera") -> None:
        self.camera = camera
        self.slot = slot or LatestFrame()
        self.on_frame, self.on_state = on_frame, on_state
        self.backoff, self.backoff_max = backoff, backoff_max
        self.meter = RateMeter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"capture-{name}", daemon=True)
        self._state = "starting"
        self._frames = 0
        self._reconnects = 0
        self._failures = 0  # opens/reads failed in a row, drives the backoff
        self._last_error: CameraError | None = None

    def start(self) -> CaptureWorker:
        self._thread.start()
        return self

    def stop(self, timeout: float = 3.0) -> bool:
        """Ask the thread to end and wait; False if it is still stuck in a driver call."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stats(self) -> CaptureStats:
        err = self._last_error.as_dict() if self._last_error else None
        return CaptureStats(self._state, self._frames, self.meter.rate(), self._reconnects, err)

    def _set_state(self, state: str, error: CameraError | None = None) -> None:
        changed = state != self._state
        self._state = state
        if error is not None:
            self._last_error = error
        if (changed or error is not None) and self.on_state is not None:
            try:
                self.on_state(state, error)
            except Exception:  # a UI callback must not kill the capture thread
                log.exception("camera state callback failed")

    def _wait_backoff(self) -> None:
        delay = min(self.backoff * (2 ** max(self._failures - 1, 0)), self.backoff_max)
        self._stop.wait(delay)

    def _fail(self, error: CameraError) -> None:
        self._failures += 1
        try:
            self.camera.close()
        except Exception:
            log.exception("closing the camera failed")
        self._set_state("reconnecting", error)
        self._wait_backoff()

    def _run(self) -> None:
        while not self._stop.is_set():
            if not self.camera.is_open:
                try:
                    self.camera.open()
                except CameraError as exc:
                    self._fail(exc)
                    continue
                if self._state == "reconnecting":
                    self._reconnects += 1
                self._set_state("running")
            try:
                frame = self.camera.read()
            except CameraError as exc:
                self._fail(exc)
                continue
            except Exception:  # a driver bug: treat as a lost device, keep the thread alive
                log.exception("camera read raised an unexpected error")
                self._fail(CameraUnplugged(self.camera.info().source))
                continue
            self._failures = 0
            event = self.slot.put(frame)
            self._frames += 1
            self.meter.tick(event.timestamp)
            if self.on_frame is not None:
                try:
                    self.on_frame(event)
                except Exception:
                    log.exception("frame callback failed")
        try:
            self.camera.close()
        finally:
            self._set_state("stopped")


@dataclass(frozen=True)
class AnalysisStats:
    analyses: int
    rate: float  # analyses per second, recent
    mean_seconds: float  # mean time of one analysis, recent
    skipped_frames: int  # frames that arrived while an analysis was running


class AnalysisWorker(Generic[R]):
    """Runs `analyse(frame)` on the newest frame whenever the previous analysis is done.

    `max_rate` caps analyses per second (None: as fast as the CPU allows) so the analysis does
    not take a core the capture and the GUI need.
    """

    def __init__(self, slot: LatestFrame, analyse: Callable[[np.ndarray], R], *,
                 on_result: Callable[[FrameEvent, R], None] | None = None,
                 max_rate: float | None = 12.0, name: str = "camera") -> None:
        self.slot, self.analyse, self.on_result = slot, analyse, on_result
        self.max_rate = max_rate
        self.meter = RateMeter()
        self._durations: deque[float] = deque(maxlen=30)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"analysis-{name}", daemon=True)
        self._latest: tuple[FrameEvent, R] | None = None
        self._lock = threading.Lock()
        self._analyses = 0
        self._skipped = 0

    def start(self) -> AnalysisWorker[R]:
        self._thread.start()
        return self

    def stop(self, timeout: float = 3.0) -> bool:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def latest(self) -> tuple[FrameEvent, R] | None:
        """The last (frame, result) pair, e.g. for the capture button."""
        with self._lock:
            return self._latest

    def stats(self) -> AnalysisStats:
        mean = sum(self._durations) / len(self._durations) if self._durations else 0.0
        return AnalysisStats(self._analyses, self.meter.rate(), mean, self._skipped)

    def _run(self) -> None:
        last = 0
        while not self._stop.is_set():
            event = self.slot.wait_newer(last, timeout=0.2)
            if event is None:
                continue
            if last:
                self._skipped += max(0, event.index - last - 1)
            last = event.index
            start = time.perf_counter()
            try:
                result: Any = self.analyse(event.frame)
            except Exception:
                log.exception("frame analysis failed")
                continue
            elapsed = time.perf_counter() - start
            self._durations.append(elapsed)
            self._analyses += 1
            self.meter.tick()
            with self._lock:
                self._latest = (event, result)
            if self.on_result is not None:
                try:
                    self.on_result(event, result)
                except Exception:
                    log.exception("analysis callback failed")
            if self.max_rate:
                self._stop.wait(max(0.0, 1.0 / self.max_rate - elapsed))
