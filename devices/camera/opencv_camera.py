"""A camera read through `cv2.VideoCapture`: a device index (USB/UVC webcam) or a video file.

Video files serve tests and training (`camera:FILE.avi`): they can loop and be paced to their own
frame rate so they behave like a live camera.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import cv2
import numpy as np

from devices.camera.base import Camera, CameraInfo
from devices.camera.errors import CameraNotConnected, CameraTimeout, CameraUnplugged

CaptureFactory = Callable[[Any], Any]


@contextmanager
def _quiet_opencv() -> Iterator[None]:
    """Silence OpenCV's own warnings while opening: a missing camera would print one on every
    reconnect attempt, and a file's warning would carry its full path."""
    level = cv2.utils.logging.getLogLevel()
    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
    try:
        yield
    finally:
        cv2.utils.logging.setLogLevel(level)


class OpenCVCamera(Camera):
    """`source` is an int (device index) or a path to a video file."""

    def __init__(
        self,
        source: int | str,
        width: int = 1280,
        height: int = 720,
        fps: float | None = None,
        *,
        loop: bool = False,
        pace: bool = False,
        read_timeout: float = 2.0,
        capture_factory: CaptureFactory | None = None,
    ) -> None:
        self.source = source
        self.width, self.height, self.fps = width, height, fps
        self.loop, self.pace, self.read_timeout = loop, pace, read_timeout
        self._factory = capture_factory or cv2.VideoCapture
        self._cap: Any = None
        self._is_file = isinstance(source, str)
        self._next_due = 0.0
        self._shape: tuple[int, int] = (0, 0)

    @property
    def label(self) -> str:
        """Describes the source without its folder (paths can name people)."""
        if self._is_file:
            return f"camera:{os.path.basename(str(self.source))}"
        return f"camera:{self.source}"

    @property
    def is_open(self) -> bool:
        return self._cap is not None

    def open(self) -> None:
        if self._cap is not None:
            return
        if self._is_file and not os.path.isfile(str(self.source)):
            raise CameraNotConnected(self.label)
        with _quiet_opencv():
            cap = self._factory(self.source)
        if not cap.isOpened():
            cap.release()
            raise CameraNotConnected(self.label)
        if not self._is_file:
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
            if self.fps:
                cap.set(cv2.CAP_PROP_FPS, self.fps)
            # Honoured by some backends only; elsewhere the elapsed-time check in read() applies.
            cap.set(cv2.CAP_PROP_READ_TIMEOUT_MSEC, int(self.read_timeout * 1000))
        self._cap = cap
        self._next_due = time.monotonic()

    def close(self) -> None:
        cap, self._cap = self._cap, None
        if cap is not None:
            cap.release()

    def _grab(self) -> tuple[bool, np.ndarray | None]:
        ok, frame = self._cap.read()
        if not ok and self._is_file and self.loop:
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = self._cap.read()
        return ok, frame

    def read(self) -> np.ndarray:
        if self._cap is None:
            raise CameraNotConnected(self.label)
        if self.pace:
            self._wait_for_next_frame()
        start = time.monotonic()
        try:
            ok, frame = self._grab()
        except cv2.error:
            ok, frame = False, None
        if not ok or frame is None:
            self.close()
            if time.monotonic() - start >= self.read_timeout:
                raise CameraTimeout(self.label, self.read_timeout)
            raise CameraUnplugged(self.label)
        if frame.ndim == 2:
            frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
        self._shape = (frame.shape[1], frame.shape[0])
        return frame

    def _wait_for_next_frame(self) -> None:
        rate = self._rate()
        if rate <= 0:
            return
        now = time.monotonic()
        if self._next_due > now:
            time.sleep(self._next_due - now)
        self._next_due = max(self._next_due, now - 1.0 / rate) + 1.0 / rate

    def _rate(self) -> float:
        if self.fps:
            return float(self.fps)
        if self._cap is None:
            return 0.0
        return float(self._cap.get(cv2.CAP_PROP_FPS) or 0.0)

    def info(self) -> CameraInfo:
        width, height = self._shape
        backend = ""
        if self._cap is not None:
            if not width:
                width = int(self._cap.get(cv2.CAP_PROP_FRAME_WIDTH))
                height = int(self._cap.get(cv2.CAP_PROP_FRAME_HEIGHT))
            try:
                backend = self._cap.getBackendName()
            except (cv2.error, AttributeError):
                backend = ""
        return CameraInfo("file" if self._is_file else "opencv", self.label,
                          width or self.width, height or self.height, self._rate(), backend)
