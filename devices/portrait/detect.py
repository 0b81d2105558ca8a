"""Face detection with five landmarks (yuface), run on a downscaled copy of the frame.

yuface's landmarks stay close to an upright face even when the head is tilted (a 20 degree roll
reads as 0-6 degrees), so the two eye points are refined on the full-resolution image: the iris
is the strongest dark round blob near each landmark (Laplacian of Gaussian at iris scale).

yuface runs on OpenMP. With its default of one thread per core, a detection that takes 20 ms on
an idle 2-core machine takes 200+ ms as soon as the other core is busy (capture, GUI), because
OpenMP threads spin waiting for each other. Detection therefore runs single-threaded (about 30 ms
at 640x360), set per calling thread through yuface's own OpenMP runtime.
"""

from __future__ import annotations

import ctypes
import glob
import math
import os
import threading
from dataclasses import dataclass

import cv2
import numpy as np
import yuface

Point = tuple[float, float]
OPENMP_THREADS = 1
_omp_state = threading.local()
_omp_lib: list[ctypes.CDLL | None] = []


def _limit_openmp_threads() -> None:
    """omp_set_num_threads(OPENMP_THREADS) once per thread on the runtime yuface bundles."""
    if getattr(_omp_state, "done", False):
        return
    _omp_state.done = True
    if not _omp_lib:
        folder = os.path.join(os.path.dirname(os.path.dirname(yuface.__file__)), "yuface.libs")
        # libgomp in Linux wheels; an OpenMP DLL (libgomp/vcomp) in Windows ones if bundled.
        found = sorted(glob.glob(os.path.join(folder, "*omp*")))
        try:
            lib = ctypes.CDLL(found[0]) if found else None
            if lib is not None:
                lib.omp_set_num_threads  # noqa: B018 - raises AttributeError if absent
            _omp_lib.append(lib)
        except (OSError, AttributeError):
            _omp_lib.append(None)
    lib = _omp_lib[0]
    if lib is not None:
        lib.omp_set_num_threads(OPENMP_THREADS)


@dataclass(frozen=True)
class Face:
    """One face in full-frame pixels; eyes and mouth corners are image-left first."""

    confidence: float  # 0..1
    box: tuple[float, float, float, float]  # x, y, w, h
    eye_left: Point
    eye_right: Point
    nose: Point
    mouth_left: Point
    mouth_right: Point

    @property
    def eye_distance(self) -> float:
        return math.dist(self.eye_left, self.eye_right)

    @property
    def eye_center(self) -> Point:
        (x1, y1), (x2, y2) = self.eye_left, self.eye_right
        return (x1 + x2) / 2, (y1 + y2) / 2

    @property
    def roll_deg(self) -> float:
        """Tilt of the eye line; positive when the image-right eye is higher."""
        dx = self.eye_right[0] - self.eye_left[0]
        dy = self.eye_right[1] - self.eye_left[1]
        return math.degrees(math.atan2(-dy, dx))

    def as_dict(self) -> dict[str, object]:
        r = lambda p: [round(p[0], 1), round(p[1], 1)]  # noqa: E731
        return {"confidence": round(self.confidence, 3), "box": [round(v, 1) for v in self.box],
                "eye_left": r(self.eye_left), "eye_right": r(self.eye_right),
                "nose": r(self.nose), "mouth_left": r(self.mouth_left),
                "mouth_right": r(self.mouth_right)}


def downscale(frame: np.ndarray, max_side: int) -> tuple[np.ndarray, float]:
    """Frame shrunk so its longer side is at most max_side, and the factor back to full size."""
    h, w = frame.shape[:2]
    factor = max(h, w) / max_side
    if factor <= 1.0:
        return frame, 1.0
    size = (max(1, round(w / factor)), max(1, round(h / factor)))
    return cv2.resize(frame, size, interpolation=cv2.INTER_AREA), w / size[0]


def _as_bgr(frame: np.ndarray) -> np.ndarray:
    if frame.ndim == 2:
        return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    if frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2BGR)
    return frame


def _iris(gray: np.ndarray, guess: Point, dist: float) -> Point:
    """Darkest round blob of iris size within 0.28 eye distances of `guess`."""
    sigma = max(1.0, 0.07 * dist)
    radius = max(2, int(0.28 * dist))
    pad = int(3 * sigma)
    x, y = guess
    x0, y0 = max(0, int(x) - radius - pad), max(0, int(y) - radius - pad)
    x1 = min(gray.shape[1], int(x) + radius + pad + 1)
    y1 = min(gray.shape[0], int(y) + radius + pad + 1)
    if x1 - x0 < 3 or y1 - y0 < 3:
        return guess
    roi = cv2.GaussianBlur(gray[y0:y1, x0:x1].astype(np.float32), (0, 0), sigma)
    response = cv2.Laplacian(roi, cv2.CV_32F)  # positive on dark blobs
    yy, xx = np.mgrid[y0:y1, x0:x1]
    response[(xx - x) ** 2 + (yy - y) ** 2 > radius * radius] = -np.inf
    iy, ix = np.unravel_index(int(np.argmax(response)), response.shape)
    return float(ix + x0), float(iy + y0)


def refine_eyes(gray: np.ndarray, left: Point, right: Point) -> tuple[Point, Point]:
    """Iris centres near the detector's eye points; keeps the originals if the result is odd."""
    dist = math.dist(left, right)
    if dist < 6:
        return left, right
    new_left, new_right = _iris(gray, left, dist), _iris(gray, right, dist)
    new_dist = math.dist(new_left, new_right)
    if not 0.7 * dist <= new_dist <= 1.3 * dist or new_left[0] >= new_right[0]:
        return left, right
    return new_left, new_right


def detect_faces(frame: np.ndarray, max_side: int = 640, min_confidence: float = 0.75,
                 refine: bool = True, grey: np.ndarray | None = None) -> list[Face]:
    """Faces in a BGR (or grey) frame, largest first, in full-frame coordinates.

    `grey` (the frame in grey levels) saves a conversion when the caller already has it."""
    _limit_openmp_threads()
    bgr = _as_bgr(frame)
    small, k = downscale(bgr, max_side)
    confs, boxes, marks = yuface.detect(np.ascontiguousarray(small), conf=min_confidence)
    gray = None
    if refine and len(confs):
        gray = grey if grey is not None else cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    faces = []
    for conf, box, lm in zip(confs, boxes, marks, strict=True):
        p = [(float(lm[i]) * k, float(lm[i + 1]) * k) for i in range(0, 10, 2)]
        eye_l, eye_r = (p[0], p[1]) if p[0][0] <= p[1][0] else (p[1], p[0])
        if gray is not None:
            eye_l, eye_r = refine_eyes(gray, eye_l, eye_r)
        mouth_l, mouth_r = (p[3], p[4]) if p[3][0] <= p[4][0] else (p[4], p[3])
        faces.append(Face(float(conf) / 100.0, tuple(float(v) * k for v in box),  # type: ignore[arg-type]
                          eye_l, eye_r, p[2], mouth_l, mouth_r))
    faces.sort(key=lambda f: f.box[2] * f.box[3], reverse=True)
    return faces
