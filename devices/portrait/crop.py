"""The card portrait: a 2:3 crop levelled on the eye line, with ICAO-like geometry, as JPEG.

Geometry (all fractions of the output, configurable in CropSpec):
- the eye midpoint sits on the vertical centre line, `eye_line` (0.42) of the height from the top
  (ICAO 9303 puts the eyes 50-70 % of the height up from the bottom, i.e. 30-50 % from the top);
- the distance between the eyes is `eye_distance` (0.29) of the width, which makes the head
  (crown to chin, about 3.6 eye distances) about 70 % of the height, as ICAO asks (70-80 %).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from devices.portrait.detect import Face
from devices.portrait.errors import JpegTooLarge


@dataclass(frozen=True)
class CropSpec:
    width: int = 400
    height: int = 600  # 2:3, the card's 20 x 30 mm
    eye_line: float = 0.42  # eyes' height from the top, fraction of height
    eye_distance: float = 0.29  # eye-to-eye distance, fraction of width
    max_bytes: int = 30_000
    quality_start: int = 95
    quality_min: int = 40
    quality_step: int = 5


def crop_matrix(face: Face, spec: CropSpec) -> np.ndarray:
    """2x3 affine map from frame pixels to portrait pixels (rotate level, scale, translate)."""
    cx, cy = face.eye_center
    scale = spec.eye_distance * spec.width / max(face.eye_distance, 1e-6)
    m = cv2.getRotationMatrix2D((cx, cy), -face.roll_deg, scale)
    m[0, 2] += spec.width / 2 - cx
    m[1, 2] += spec.eye_line * spec.height - cy
    return m


def crop_window(face: Face, spec: CropSpec) -> np.ndarray:
    """Corners of the portrait in frame pixels (4 x 2: top-left, top-right, bottom-right, -left)."""
    inv = cv2.invertAffineTransform(crop_matrix(face, spec))
    corners = np.array([[0, 0, 1], [spec.width, 0, 1], [spec.width, spec.height, 1],
                        [0, spec.height, 1]], np.float64)
    return corners @ inv.T


def outside_fraction(face: Face, spec: CropSpec, frame_shape: tuple[int, ...]) -> float:
    """Share of the portrait that would come from outside the frame (0 = fully inside)."""
    inv = cv2.invertAffineTransform(crop_matrix(face, spec))
    u, v = np.meshgrid(np.linspace(0, spec.width, 24), np.linspace(0, spec.height, 36))
    pts = np.stack([u.ravel(), v.ravel(), np.ones(u.size)], axis=1) @ inv.T
    h, w = frame_shape[:2]
    out = (pts[:, 0] < 0) | (pts[:, 0] > w) | (pts[:, 1] < 0) | (pts[:, 1] > h)
    return float(out.mean())


def crop_portrait(frame: np.ndarray, face: Face, spec: CropSpec | None = None) -> np.ndarray:
    """The levelled 2:3 portrait (BGR); areas beyond the frame repeat its edge."""
    spec = spec or CropSpec()
    m = crop_matrix(face, spec)
    shrink = math.hypot(m[0, 0], m[0, 1]) < 1.0
    return cv2.warpAffine(frame, m, (spec.width, spec.height),
                          flags=cv2.INTER_AREA if shrink else cv2.INTER_CUBIC,
                          borderMode=cv2.BORDER_REPLICATE)


def encode_jpeg_bounded(image: np.ndarray, max_bytes: int = 30_000, quality_start: int = 95,
                        quality_min: int = 40, quality_step: int = 5) -> tuple[bytes, int]:
    """JPEG bytes no larger than max_bytes and the quality used, stepping quality down.

    No metadata is written (OpenCV writes a bare JFIF header), so nothing but pixels leaves.
    """
    quality = quality_start
    while quality >= quality_min:
        ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality,
                                               cv2.IMWRITE_JPEG_OPTIMIZE, 1])
        if ok and buf.size <= max_bytes:
            return buf.tobytes(), quality
        quality -= quality_step
    raise JpegTooLarge(max_bytes)


def portrait_jpeg(frame: np.ndarray, face: Face, spec: CropSpec | None = None) -> bytes:
    """Crop, level and encode: the bytes that go into the enrollment record."""
    spec = spec or CropSpec()
    data, _ = encode_jpeg_bounded(crop_portrait(frame, face, spec), spec.max_bytes,
                                  spec.quality_start, spec.quality_min, spec.quality_step)
    return data
