"""Draws the synthetic camera's picture: a head-and-shoulders person on a background.

The face is drawn (no shipped photo) with shading, eyes, brows, nose and mouth, which the yuface
detector finds with high confidence (see tests). Scene settings move it around and spoil it in
the ways a real capture goes wrong, and `render()` also returns where the eyes truly are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

SKIN = (150, 180, 225)  # BGR
HAIR = (30, 35, 40)
SHIRT = (110, 70, 40)


@dataclass(frozen=True)
class Scene:
    """What the synthetic camera shows; defaults give a photo that passes every check."""

    face_height: float = 0.40  # face (brow to chin ellipse) height / frame height
    offset_x: float = 0.0  # face centre shift, fraction of frame width (+ right)
    offset_y: float = 0.0  # fraction of frame height (+ down)
    roll_deg: float = 0.0  # head tilt, degrees (+ = counter-clockwise on screen)
    blur: float = 0.0  # Gaussian sigma in pixels of the full frame (defocus, motion)
    gain: float = 1.0  # brightness multiplier (0.3 = dark room)
    background: str = "plain"  # "plain" or "busy"
    background_level: int = 235  # grey level of a plain background
    faces: int = 1  # 0, 1 or 2 people
    noise: float = 2.0  # sensor noise sigma, grey levels
    seed: int = 1


@dataclass(frozen=True)
class Truth:
    """Where the main face was drawn (full-frame pixels), for tests."""

    eyes: tuple[tuple[float, float], tuple[float, float]]  # image-left eye first
    center: tuple[float, float]
    face_width: float
    face_height: float


def _shade_face(img: np.ndarray, mask: np.ndarray, cx: int, cy: int, ax: int, ay: int) -> None:
    """Skin ellipse darkening towards its edge, so it reads as a rounded surface."""
    h, w = mask.shape
    x0, x1 = max(cx - ax, 0), min(cx + ax + 1, w)
    y0, y1 = max(cy - ay, 0), min(cy + ay + 1, h)
    if x0 >= x1 or y0 >= y1:
        return
    yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    d2 = ((xx - cx) / ax) ** 2 + ((yy - cy) / ay) ** 2
    inside = d2 <= 1.0
    shade = np.clip(1.05 - 0.35 * d2, 0.6, 1.05)
    tone = (np.array(SKIN, np.float32)[None, None, :] * shade[..., None]).clip(0, 255)
    roi = img[y0:y1, x0:x1]
    roi[inside] = tone[inside].astype(np.uint8)
    mask[y0:y1, x0:x1][inside] = 255


def _draw_person(img: np.ndarray, mask: np.ndarray, cx: int, cy: int, fw: int, fh: int) -> None:
    """A person whose face ellipse has centre (cx, cy) and semi-axes (fw, fh)."""

    def both(draw, *args, colour) -> None:  # same shape on the picture and on the mask
        draw(img, *args, colour, -1)
        draw(mask, *args, 255, -1)

    def scale(c: tuple[int, int, int], k: float) -> tuple[int, ...]:
        return tuple(int(v * k) for v in c)

    both(cv2.ellipse, (cx, cy + int(fh * 2.3)), (int(fw * 2.7), int(fh * 1.0)), 0, 180, 360,
         colour=SHIRT)
    both(cv2.rectangle, (cx - int(fw * 0.45), cy), (cx + int(fw * 0.45), cy + int(fh * 1.5)),
         colour=scale(SKIN, 0.85))
    both(cv2.ellipse, (cx, cy - int(fh * 0.15)), (int(fw * 1.12), int(fh * 1.0)), 0, 180, 360,
         colour=HAIR)
    for s in (-1, 1):
        both(cv2.ellipse, (cx + s * fw, cy), (int(fw * 0.16), int(fh * 0.2)), 0, 0, 360,
             colour=scale(SKIN, 0.9))
    _shade_face(img, mask, cx, cy, fw, fh)
    cv2.ellipse(img, (cx, cy - int(fh * 0.55)), (int(fw * 1.02), int(fh * 0.5)), 0, 180, 360,
                HAIR, -1)
    cv2.ellipse(img, (cx, cy - int(fh * 0.55)), (int(fw * 1.02), int(fh * 0.2)), 0, 0, 180,
                HAIR, -1)
    ey, ex = cy - int(fh * 0.12), int(fw * 0.40)
    line = max(1, round(fw / 50))
    for s in (-1, 1):
        c = (cx + s * ex, ey)
        cv2.ellipse(img, (c[0], c[1] - int(fh * 0.16)), (int(fw * 0.22), int(fh * 0.04)), 0,
                    180, 360, HAIR, -1)
        cv2.ellipse(img, c, (int(fw * 0.18), int(fh * 0.065)), 0, 0, 360, (235, 240, 245), -1)
        cv2.circle(img, c, int(fh * 0.06), (40, 60, 80), -1)
        cv2.circle(img, c, int(fh * 0.03), (10, 10, 10), -1)
        cv2.ellipse(img, c, (int(fw * 0.18), int(fh * 0.065)), 0, 0, 360, (60, 70, 90), line)
    ny = cy + int(fh * 0.22)
    nose = np.array([[cx, ey + int(fh * 0.05)], [cx - int(fw * 0.14), ny],
                     [cx + int(fw * 0.14), ny]], np.int32)
    cv2.fillConvexPoly(img, nose, scale(SKIN, 0.85))
    cv2.ellipse(img, (cx, ny), (int(fw * 0.15), int(fh * 0.05)), 0, 0, 180, scale(SKIN, 0.6), -1)
    my = cy + int(fh * 0.5)
    cv2.ellipse(img, (cx, my), (int(fw * 0.36), int(fh * 0.07)), 0, 0, 180, (80, 80, 170), -1)
    cv2.line(img, (cx - int(fw * 0.36), my), (cx + int(fw * 0.36), my), (60, 50, 120), line + 1)


def _background(scene: Scene, width: int, height: int) -> np.ndarray:
    bg = np.empty((height, width, 3), np.uint8)
    level = scene.background_level
    # A soft vertical light fall-off, as on a real wall.
    ramp = np.linspace(1.0, 0.94, height, dtype=np.float32)[:, None, None]
    bg[:] = (np.full((1, 1, 3), level, np.float32) * ramp).astype(np.uint8)
    if scene.background == "busy":
        rng = np.random.default_rng(scene.seed)
        for _ in range(140):
            x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
            w, h = int(rng.integers(20, 200)), int(rng.integers(20, 200))
            colour = tuple(int(v) for v in rng.integers(0, 255, 3))
            cv2.rectangle(bg, (x, y), (x + w, y + h), colour, int(rng.choice([-1, 3, 6])))
        for _ in range(40):
            p = tuple(int(v) for v in rng.integers(0, [width, height]))
            q = tuple(int(v) for v in rng.integers(0, [width, height]))
            cv2.line(bg, p, q, tuple(int(v) for v in rng.integers(0, 255, 3)), 4)
    return bg


def render(scene: Scene, width: int = 1280, height: int = 720) -> tuple[np.ndarray, Truth]:
    """One noiseless frame of the scene and where its main face is."""
    frame = _background(scene, width, height)
    fh = max(4, int(scene.face_height * height / 2))
    fw = max(3, int(fh / 1.32))
    cx = int(width / 2 + scene.offset_x * width)
    cy = int(height * 0.47 + scene.offset_y * height)
    people = []
    if scene.faces >= 1:
        people.append((cx, cy, fw, fh))
    if scene.faces >= 2:
        people.append((cx + int(width * 0.3), cy + int(fh * 0.1), int(fw * 0.9), int(fh * 0.9)))
    for px, py, pw, ph in people:
        img = np.zeros_like(frame)
        mask = np.zeros(frame.shape[:2], np.uint8)
        _draw_person(img, mask, px, py, pw, ph)
        if scene.roll_deg and (px, py) == (cx, cy):
            rot = cv2.getRotationMatrix2D((float(cx), float(cy)), scene.roll_deg, 1.0)
            img = cv2.warpAffine(img, rot, (width, height), flags=cv2.INTER_LINEAR)
            mask = cv2.warpAffine(mask, rot, (width, height), flags=cv2.INTER_LINEAR)
        # Slightly soft edges, as optics give, then composite.
        img = cv2.GaussianBlur(img, (0, 0), max(0.6, fw / 150))
        alpha = cv2.GaussianBlur(mask, (0, 0), 0.8).astype(np.float32)[..., None] / 255.0
        frame = (frame * (1 - alpha) + img * alpha).astype(np.uint8)
    if scene.blur > 0:
        frame = cv2.GaussianBlur(frame, (0, 0), scene.blur)
    if scene.gain != 1.0:
        frame = cv2.convertScaleAbs(frame, alpha=scene.gain)
    a = math.radians(scene.roll_deg)
    ex, ey = 0.40 * fw, -0.12 * fh
    eyes = tuple(
        (cx + s * ex * math.cos(a) + ey * math.sin(a), cy - s * ex * math.sin(a) + ey * math.cos(a))
        for s in (-1, 1)
    )
    return frame, Truth(eyes, (float(cx), float(cy)), 2.0 * fw, 2.0 * fh)  # type: ignore[arg-type]


def noise_field(sigma: float, seed: int, shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian sensor noise split into its positive and negative parts (uint8 each), so adding
    it to a frame is two saturating OpenCV operations."""
    noise = np.random.default_rng(seed).standard_normal(shape, dtype=np.float32) * sigma
    return (np.clip(np.rint(noise), 0, 255).astype(np.uint8),
            np.clip(np.rint(-noise), 0, 255).astype(np.uint8))


def add_noise(frame: np.ndarray, field: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Frame plus a noise field from noise_field() (a fresh array)."""
    return cv2.subtract(cv2.add(frame, field[0]), field[1])


def with_noise(frame: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    """Frame plus Gaussian sensor noise (a fresh array)."""
    if sigma <= 0:
        return frame.copy()
    return add_noise(frame, noise_field(sigma, seed, frame.shape))
