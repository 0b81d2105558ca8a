"""The `Camera` base class every camera driver and its synthetic twin implement.

A camera is used from one I/O thread only (see worker.py); drivers are not thread-safe.
`read()` returns a fresh BGR uint8 array each call, so a frame handed to another thread is never
overwritten by the next read.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from devices.camera.errors import CameraError


@dataclass(frozen=True)
class CameraInfo:
    """What a camera says about itself; `source` is the spec used to open it (camera:0, a file)."""

    kind: str
    source: str
    width: int
    height: int
    fps: float
    backend: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SelfTestResult:
    """Outcome of `Camera.self_test()`; `error` is the CameraError's dict when it failed."""

    ok: bool
    frames: int
    width: int
    height: int
    seconds: float
    error: dict[str, str] | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Camera(ABC):
    """open/close/read/info/self_test; a context manager that closes on exit."""

    @abstractmethod
    def open(self) -> None:
        """Open the device; raise CameraNotConnected when it cannot be opened."""

    @abstractmethod
    def close(self) -> None:
        """Release the device; safe to call twice or on a camera that never opened."""

    @property
    @abstractmethod
    def is_open(self) -> bool:
        """True between a successful open() and close() (or a read failure)."""

    @abstractmethod
    def read(self) -> np.ndarray:
        """Next frame (H x W x 3 BGR uint8); raise CameraUnplugged or CameraTimeout."""

    @abstractmethod
    def info(self) -> CameraInfo:
        """Kind, source and the frame size and rate actually delivered."""

    def self_test(self, frames: int = 5) -> SelfTestResult:
        """Open (if needed), read a few frames and check they are real images, then restore."""
        was_open = self.is_open
        start = time.perf_counter()
        got, shape = 0, (0, 0)
        try:
            if not was_open:
                self.open()
            for _ in range(frames):
                frame = self.read()
                if frame.ndim != 3 or frame.shape[2] != 3 or frame.dtype != np.uint8:
                    raise TypeError(f"bad frame {frame.shape} {frame.dtype}")
                shape = frame.shape[:2]
                got += 1
        except CameraError as exc:
            return SelfTestResult(False, got, shape[1], shape[0],
                                  time.perf_counter() - start, exc.as_dict())
        finally:
            if not was_open:
                self.close()
        return SelfTestResult(True, got, shape[1], shape[0], time.perf_counter() - start)

    def __enter__(self) -> Camera:
        if not self.is_open:
            self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
