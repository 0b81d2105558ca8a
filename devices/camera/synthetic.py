"""A synthetic camera: the drawn person of scene.py at a chosen frame rate, for tests and the demo.

Each scene is rendered once (under 0.1 s) into a few frames with different sensor noise (the
noise fields are made once per camera and noise level); `read()`
then only paces and copies, so 1280x720 at 30 fps costs about a millisecond a frame. The scene can
be changed from another thread, and the camera can be "unplugged" to exercise recovery.
"""

from __future__ import annotations

import threading
import time

import numpy as np

from devices.camera.base import Camera, CameraInfo
from devices.camera.errors import CameraNotConnected, CameraUnplugged
from devices.camera.scene import Scene, Truth, add_noise, noise_field, render

NOISE_VARIANTS = 4


class SyntheticCamera(Camera):
    """Same interface as OpenCVCamera. `fps=0` reads as fast as possible (no pacing)."""

    def __init__(self, width: int = 1280, height: int = 720, fps: float = 30.0,
                 scene: Scene | None = None, *, fail_after: int | None = None,
                 name: str = "simulated") -> None:
        self.width, self.height, self.fps = width, height, fps
        self.name = name
        self._lock = threading.Lock()
        self._scene = scene or Scene()
        self._frames: list[np.ndarray] = []
        self._truth: Truth | None = None
        self._rendered: Scene | None = None
        self._open = False
        self._plugged = True
        self._fail_after = fail_after
        self._count = 0
        self._next_due = 0.0
        self._noise: dict[tuple[float, int], list[tuple[np.ndarray, np.ndarray]]] = {}

    # -- controls used by tests and the demo (any thread) ------------------------------------
    def set_scene(self, scene: Scene) -> None:
        with self._lock:
            self._scene = scene

    @property
    def scene(self) -> Scene:
        with self._lock:
            return self._scene

    def unplug(self) -> None:
        """Next read fails and opening fails until replug()."""
        with self._lock:
            self._plugged = False

    def replug(self) -> None:
        with self._lock:
            self._plugged = True

    def truth(self) -> Truth:
        """Where the main face is in the current scene (full-frame pixels)."""
        self._ensure_rendered()
        assert self._truth is not None
        return self._truth

    @property
    def frames_read(self) -> int:
        return self._count

    # -- Camera ------------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._open

    def open(self) -> None:
        with self._lock:
            plugged = self._plugged
        if not plugged:
            raise CameraNotConnected(self.name)
        self._open = True
        self._next_due = time.monotonic()

    def close(self) -> None:
        self._open = False

    def read(self) -> np.ndarray:
        if not self._open:
            raise CameraNotConnected(self.name)
        with self._lock:
            plugged = self._plugged
            if self._fail_after is not None and self._count >= self._fail_after:
                self._fail_after = None  # fail once, then work again after reopening
                plugged = False
        if not plugged:
            self._open = False
            raise CameraUnplugged(self.name)
        self._pace()
        self._ensure_rendered()
        frame = self._frames[self._count % len(self._frames)].copy()
        self._count += 1
        return frame

    def info(self) -> CameraInfo:
        return CameraInfo("synthetic", self.name, self.width, self.height, float(self.fps),
                          "synthetic")

    # -- internals ---------------------------------------------------------------------------
    def _pace(self) -> None:
        if self.fps <= 0:
            return
        period = 1.0 / self.fps
        now = time.monotonic()
        if self._next_due > now:
            time.sleep(self._next_due - now)
            now = self._next_due
        # Never build up a backlog of "owed" frames after a stall.
        self._next_due = max(self._next_due + period, now)

    def _ensure_rendered(self) -> None:
        scene = self.scene
        if scene == self._rendered:
            return
        base, truth = render(scene, self.width, self.height)
        if scene.noise > 0:
            key = (scene.noise, scene.seed)
            if key not in self._noise:
                self._noise[key] = [noise_field(scene.noise, scene.seed * 100 + i, base.shape)
                                    for i in range(NOISE_VARIANTS)]
            self._frames = [add_noise(base, field) for field in self._noise[key]]
        else:
            self._frames = [base]
        self._truth, self._rendered = truth, scene
