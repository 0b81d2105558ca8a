"""Synthetic capture content for packet tests and the bench (no real biometrics anywhere)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import cv2
import numpy as np
import wsq  # noqa: F401  (registers the WSQ codec with Pillow)
from PIL import Image

from app.packets.inputs import FaceCapture, FingerCapture, PacketInputs


def ridge_image(width: int, height: int, seed: int = 0) -> np.ndarray:
    """A fingerprint-like grey image: curved ridges around a core, elliptical contact area."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    cx, cy = width * rng.uniform(0.4, 0.6), height * rng.uniform(0.4, 0.6)
    r = np.hypot(x - cx, y - cy)
    theta = 0.5 * np.arctan2(y - cy, x - cx)
    phase = 2 * np.pi * r / rng.uniform(8.5, 10.5) + 3 * np.sin(theta * 2)
    ridges = 127 + 100 * np.cos(phase) + rng.normal(0, 12, size=r.shape)
    mask = ((x - width / 2) / (width * 0.45)) ** 2 + ((y - height / 2) / (height * 0.47)) ** 2
    img = np.where(mask <= 1.0, ridges, 245 + rng.normal(0, 3, size=r.shape))
    return np.clip(img, 0, 255).astype(np.uint8)


def wsq_bytes(width: int, height: int, seed: int = 0) -> bytes:
    out = io.BytesIO()
    Image.fromarray(ridge_image(width, height, seed)).save(out, format="WSQ")
    return out.getvalue()


def portrait_jpeg(width: int = 240, height: int = 320, quality: int = 85, seed: int = 0) -> bytes:
    """A smooth colour portrait-like image (light background, skin-tone ellipse)."""
    rng = np.random.default_rng(seed)
    img = np.full((height, width, 3), 235, np.uint8)
    cv2.ellipse(img, (width // 2, height // 2), (width // 3, height * 2 // 5), 0, 0, 360,
                (140, 170, 210), -1)
    cv2.circle(img, (width * 2 // 5, height * 2 // 5), max(2, width // 30), (40, 40, 40), -1)
    cv2.circle(img, (width * 3 // 5, height * 2 // 5), max(2, width // 30), (40, 40, 40), -1)
    noise = rng.normal(0, 6, img.shape)
    img = np.clip(img + noise, 0, 255).astype(np.uint8)
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return buf.tobytes()


T0 = datetime(2026, 11, 22, 8, 30, 0, tzinfo=UTC)


def make_inputs(packet_id: str = "ST001-000042", fingers: list[FingerCapture] | None = None,
                face: FaceCapture | None = None, approved: bool = True,
                sizes: tuple[int, int] = (120, 150)) -> PacketInputs:
    """A complete enrollment: face, fingers 1-10 (3 missing), slaps 13/14/15."""
    if fingers is None:
        w, h = sizes
        fingers = []
        for pos in (1, 2, 3, 4, 6, 7, 8, 9, 13, 14, 15):
            fw = w * 2 if pos in (13, 14, 15) else w
            fingers.append(FingerCapture(pos, wsq_bytes(fw, h, seed=pos), fw, h, 500,
                                         quality=40 + pos, retries=pos % 3, forced=pos == 9))
        fingers.append(FingerCapture(5, None, exception="amputated"))
        fingers.append(FingerCapture(10, None, exception="bandaged"))
    if face is None:
        face = FaceCapture(portrait_jpeg(), quality=77, retries=1)
    return PacketInputs(
        packet_id=packet_id, station_id="ST001", officer_id="officer.lan",
        started_at=T0, captured_at=T0.replace(minute=41),
        demographics={"full_name": "Nguyễn Thị Ánh", "date_of_birth": "1990-05-17",
                      "sex": "female", "personal_id": "001190012345", "nationality": "VN"},
        face=face, fingers=fingers,
        supervisor_id="sup.minh" if approved else None,
        approved_at=T0.replace(hour=9) if approved else None)
