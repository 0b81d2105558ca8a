"""Scanner and camera stand-ins whose every method runs on the device's worker thread.

`ScannerProxy` is a FingerprintScanner and `CameraProxy` a Camera, so CaptureFlow, the portrait
capture and CaptureWorker use them unchanged while each driver call gets the worker's watchdog:
a wedged call fails with `Hung` and the next call meets a fresh device. Capture calls are opened
on demand (drivers' open() is idempotent), so a call after a watchdog restart just works.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from devices.camera.base import Camera, CameraInfo, SelfTestResult
from devices.fingerprint.base import Capture, DeviceInfo, FingerprintScanner, SelfTestReport
from devices.prompts import NULL_PROMPTS, PromptHandler
from devices.worker_thread import DeviceWorker


@dataclass(frozen=True)
class Deadlines:
    """Seconds a call may take once it starts on the device thread."""

    short: float = 5.0  # open, close, info, reopen probes
    self_test: float = 10.0
    capture_grace: float = 20.0  # added to the person's placing time: upload, SBI slap scoring
    frame: float = 3.0  # one camera frame


DEFAULT_DEADLINES = Deadlines()


class ScannerProxy(FingerprintScanner):
    """A FingerprintScanner whose calls go through `worker` with deadlines."""

    def __init__(self, worker: DeviceWorker[FingerprintScanner],
                 deadlines: Deadlines = DEFAULT_DEADLINES) -> None:
        self.worker = worker
        self.deadlines = deadlines

    def open(self) -> None:
        self.worker.call(lambda d: d.open(), deadline=self.deadlines.short, label="open")

    def close(self) -> None:
        self.worker.call(lambda d: d.close(), deadline=self.deadlines.short, label="close")

    def capture(
        self, position: int, *, prompts: PromptHandler = NULL_PROMPTS, timeout: float = 15.0,
        rolled: bool = False, missing: tuple[int, ...] = (),
    ) -> Capture:
        def run(d: FingerprintScanner) -> Capture:
            d.open()
            return d.capture(position, prompts=prompts, timeout=timeout, rolled=rolled,
                             missing=missing)

        return self.worker.call(run, deadline=timeout + self.deadlines.capture_grace,
                                label="capture")

    def info(self) -> DeviceInfo:
        return self.worker.call(lambda d: d.info(), deadline=self.deadlines.short, label="info")

    def self_test(self) -> SelfTestReport:
        return self.worker.call(lambda d: d.self_test(), deadline=self.deadlines.self_test,
                                label="self_test")

    def reset_chain(self) -> None:
        """SBI: start a new hash chain for the next person (no-op for other drivers)."""
        self.worker.call(lambda d: getattr(d, "reset_chain", lambda: None)(),
                         deadline=self.deadlines.short, label="reset_chain")


class CameraProxy(Camera):
    """A Camera whose calls go through `worker`; frames are fresh arrays, safe to hand over."""

    def __init__(self, worker: DeviceWorker[Camera],
                 deadlines: Deadlines = DEFAULT_DEADLINES) -> None:
        self.worker = worker
        self.deadlines = deadlines

    def open(self) -> None:
        self.worker.call(lambda d: d.open(), deadline=self.deadlines.short, label="open")

    def close(self) -> None:
        self.worker.call(lambda d: d.close(), deadline=self.deadlines.short, label="close")

    @property
    def is_open(self) -> bool:
        return self.worker.call(lambda d: d.is_open, deadline=self.deadlines.short,
                                label="is_open")

    def read(self) -> np.ndarray:
        return self.worker.call(lambda d: d.read(), deadline=self.deadlines.frame, label="read")

    def info(self) -> CameraInfo:
        return self.worker.call(lambda d: d.info(), deadline=self.deadlines.short, label="info")

    def self_test(self, frames: int = 5) -> SelfTestResult:
        return self.worker.call(lambda d: d.self_test(frames),
                                deadline=self.deadlines.self_test, label="self_test")
