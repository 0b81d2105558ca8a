"""Synthetic fingerprints for emulators, the demo and tests (no licensed real prints exist on PyPI).

How a print is made (SFinGe-like, written from the published method, not from code):
1. a pattern class (loop, whorl, arch, tented arch) places cores and deltas; the ridge orientation
   field follows Sherlock & Monro: theta = theta0 + 1/2 (sum arg(z - core) - sum arg(z - delta));
2. ridges grow from noise by iterated oriented Gabor filtering: each pass filters the image with a
   bank of Gabor kernels (one per orientation bin) and keeps, per pixel, the response for the local
   orientation (interpolated between the two nearest bins), then squashes it with tanh;
3. an impression is rendered from that master ridge field: small rotation and shift, an elliptical
   fingertip mask with soft edges, a smooth pressure map that thickens or thins ridges, and for the
   poorer qualities dry patches, creases, blur and sensor noise.
Everything is driven by numpy Generators seeded from (seed, position, impression): the same person
seed gives the same ridges for a finger in every capture, so slap and single captures agree.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

import cv2
import numpy as np

from devices.fingerprint.base import SLAP_FINGERS, check_position

QUALITIES = ("good", "poor", "worn")
PATTERNS = ("loop_left", "loop_right", "whorl", "arch", "tented_arch")
_PATTERN_WEIGHTS = (0.33, 0.31, 0.28, 0.04, 0.04)  # approximate population frequencies
_BINS = 16
_FRAME = (720, 640)  # height, width of a finger's ridge frame at 500 ppi
_ITERATIONS = 6


@dataclass(frozen=True)
class _Look:
    """Rendering parameters of a quality level."""

    contrast: float  # ridge darkness (0-255)
    pressure_sd: float  # spread of the smooth pressure map
    dryness: float  # mean threshold shift: > 0 thins ridges (dry), < 0 thickens (wet)
    blur: float  # Gaussian sigma in px at 500 ppi
    noise: float  # sensor noise sd
    creases: int  # white crease lines
    breaks: float  # fraction of the area where ridges are broken (worn skin)
    area: float  # contact area scale: light or partial placement touches less glass


# Tuned so NFIQ 2 orders them: good ~55-65, worn ~40-55, poor ~25-45 (see bench/).
_LOOKS = {
    "good": _Look(contrast=205, pressure_sd=0.10, dryness=0.15, blur=0.6, noise=4.0,
                  creases=0, breaks=0.0, area=1.2),
    "poor": _Look(contrast=110, pressure_sd=0.6, dryness=0.45, blur=1.4, noise=15.0,
                  creases=4, breaks=0.45, area=0.9),
    "worn": _Look(contrast=140, pressure_sd=0.25, dryness=0.15, blur=1.1, noise=10.0,
                  creases=9, breaks=0.55, area=0.9),
}


def sub_seed(*parts: object) -> int:
    """A stable 63-bit seed from any parts (python's hash() is salted per process)."""
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def _gabor_bank(period: float) -> list[np.ndarray]:
    """Zero-mean Gabor kernels whose stripes run along each orientation bin."""
    sigma = 0.42 * period
    size = int(2 * math.ceil(2.4 * sigma) + 1)
    bank = []
    for b in range(_BINS):
        ridge_dir = math.pi * b / _BINS
        # OpenCV's theta is the stripes' normal: add 90 degrees to run stripes along ridge_dir.
        k = cv2.getGaborKernel((size, size), sigma, ridge_dir + math.pi / 2, period, 1.0, 0.0,
                               ktype=cv2.CV_32F)
        k -= k.mean()
        bank.append(k / np.abs(k).sum())
    return bank


def orientation_field(
    rng: np.random.Generator, height: int, width: int, pattern: str, scale: float,
    frame: tuple[int, int] | None = None,
) -> np.ndarray:
    """Ridge direction (radians, image axes, modulo pi) per pixel for a pattern class.

    Singularities are placed in `frame` (height, width; default the image itself) and the
    field is evaluated on the centred height x width window of it."""
    fh, fw = frame or (height, width)
    y0, x0 = (fh - height) // 2, (fw - width) // 2
    yy, xx = np.mgrid[y0:y0 + height, x0:x0 + width].astype(np.float32)
    cx = fw / 2 + rng.normal(0, 0.04) * fw
    cy = fh * 0.45 + rng.normal(0, 0.04) * fh
    z = (xx - cx) + 1j * (yy - cy)
    j = lambda s: rng.normal(0, s * scale)  # noqa: E731 - tiny local jitter helper
    cores: list[complex] = []
    deltas: list[complex] = []
    if pattern in ("loop_left", "loop_right"):
        side = 1 if pattern == "loop_right" else -1
        cores.append(complex(j(12), j(12)))
        deltas.append(complex(side * (95 + j(20)) * scale, (125 + j(20)) * scale))
    elif pattern == "whorl":
        cores += [complex(-12 * scale + j(6), -18 * scale + j(6)),
                  complex(12 * scale + j(6), 18 * scale + j(6))]
        deltas += [complex((-120 + j(15)) * scale, (140 + j(15)) * scale),
                   complex((120 + j(15)) * scale, (140 + j(15)) * scale)]
    elif pattern == "tented_arch":
        cores.append(complex(j(8), j(8)))
        deltas.append(complex(j(8), (70 + j(10)) * scale))
    if pattern == "arch":
        # No singularities: ridges bulge upwards over the middle and flatten below.
        bump = (1.1 + rng.normal(0, 0.15)) * np.exp(-((yy - cy) / (0.55 * fh)) ** 2)
        slope = -bump * (xx - cx) / (0.35 * fw) * np.exp(-((xx - cx) / (0.4 * fw)) ** 2)
        return np.mod(np.arctan(slope), np.pi).astype(np.float32)
    theta = np.zeros(z.shape, np.float64)
    for c in cores:
        theta += np.angle(z - c)
    for d in deltas:
        theta -= np.angle(z - d)
    return np.mod(0.5 * theta + rng.normal(0, 0.04), np.pi).astype(np.float32)


def _master_ridges(seed: int, height: int, width: int, ppi: int) -> np.ndarray:
    """The identity of a finger: a ridge field in [-1, 1] grown by oriented Gabor filtering.

    The finger lives in a fixed frame (720 x 640 px at 500 ppi) and each request grows only
    its centred window: windows of different sizes share their ridges away from their edges,
    so a finger on a slap and the same finger captured alone match."""
    rng = np.random.default_rng(seed)
    scale = ppi / 500.0
    frame = (max(height, int(_FRAME[0] * scale)), max(width, int(_FRAME[1] * scale)))
    pattern = PATTERNS[int(rng.choice(len(PATTERNS), p=_PATTERN_WEIGHTS))]
    theta = orientation_field(rng, height, width, pattern, scale, frame)
    period = float(rng.uniform(8.6, 10.4)) * scale
    bank = _gabor_bank(period)
    pos = theta / (math.pi / _BINS)
    b0 = np.floor(pos).astype(np.intp) % _BINS
    b1 = (b0 + 1) % _BINS
    w1 = (pos - np.floor(pos)).astype(np.float32)
    w0 = 1.0 - w1
    y0, x0 = (frame[0] - height) // 2, (frame[1] - width) // 2
    x = rng.standard_normal(frame).astype(np.float32)[y0:y0 + height, x0:x0 + width]
    rows = np.arange(height)[:, None]
    cols = np.arange(width)[None, :]
    for _ in range(_ITERATIONS):
        stack = np.stack([cv2.filter2D(x, -1, k, borderType=cv2.BORDER_REFLECT) for k in bank])
        out = w0 * stack[b0, rows, cols] + w1 * stack[b1, rows, cols]
        x = np.tanh(2.5 * out / (out.std() + 1e-6))
    return x


def _smooth_noise(rng: np.random.Generator, h: int, w: int, sigma: float) -> np.ndarray:
    """Low-frequency noise with unit standard deviation."""
    small = rng.standard_normal((max(2, int(h / sigma * 2)), max(2, int(w / sigma * 2))))
    big = cv2.resize(small.astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    return (big - big.mean()) / (big.std() + 1e-6)


def _finger_mask(
    rng: np.random.Generator, h: int, w: int, rolled: bool, area: float = 1.0,
) -> np.ndarray:
    """Soft fingertip footprint in [0, 1]: an ellipse whose lower part leaves the image."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx = w / 2 + rng.normal(0, 0.03 * w)
    cy = h * 0.56 + rng.normal(0, 0.03 * h)
    ax = min(w * (0.47 if rolled else 0.36) * area, 0.49 * w) * rng.uniform(0.92, 1.05)
    ay = h * 0.46 * area * rng.uniform(0.92, 1.05)
    r = np.sqrt(((xx - cx) / ax) ** 2 + ((yy - cy) / ay) ** 2)
    r += 0.025 * _smooth_noise(rng, h, w, 120)  # irregular contact edge
    return np.clip((1.0 - r) / 0.12, 0.0, 1.0)


def _ink(
    ridges: np.ndarray, rng: np.random.Generator, look: _Look, rolled: bool, scale: float,
    margin: int,
) -> np.ndarray:
    """Darkness in [0, 1] of one impression of a master ridge field (0 where no contact)."""
    hh, ww = ridges.shape
    m = cv2.getRotationMatrix2D((ww / 2, hh / 2), rng.normal(0, 5.0), 1.0)
    m[:, 2] += rng.normal(0, 8 * scale, size=2)
    r = cv2.warpAffine(ridges, m, (ww, hh), borderMode=cv2.BORDER_REFLECT)
    if margin:
        r = r[margin:hh - margin, margin:ww - margin]
    h, w = r.shape
    mask = _finger_mask(rng, h, w, rolled, look.area)
    # Threshold map: pressure thickens ridges, dryness and the mask edge thin them.
    thr = look.dryness + look.pressure_sd * _smooth_noise(rng, h, w, 90 * scale)
    thr += 0.9 * (1.0 - mask) ** 2
    ink = 1.0 / (1.0 + np.exp(-(r - thr) * 6.0))
    if look.breaks:
        holes = _smooth_noise(rng, h, w, 14 * scale)
        cut = np.quantile(holes, 1.0 - look.breaks)
        ink *= np.clip(1.0 - (holes - cut) * 1.5, 0.15, 1.0)
    for _ in range(look.creases):
        crease = np.zeros((h, w), np.float32)
        x0, y0 = rng.uniform(0, w), rng.uniform(0, h)
        a = rng.uniform(0, math.pi)
        length = rng.uniform(0.2, 0.6) * max(h, w)
        dx, dy = math.cos(a) * length / 2, math.sin(a) * length / 2
        cv2.line(crease, (int(x0 - dx), int(y0 - dy)), (int(x0 + dx), int(y0 + dy)), 1.0,
                 thickness=max(1, int(rng.uniform(2, 5) * scale)), lineType=cv2.LINE_AA)
        ink *= 1.0 - crease
    return (ink * (mask > 0.02)).astype(np.float32)


def _finish(ink: np.ndarray, rng: np.random.Generator, look: _Look, scale: float) -> np.ndarray:
    """Sensor look: light uneven background, ridge contrast, optical blur, noise -> uint8."""
    h, w = ink.shape
    img = 243.0 + 3.0 * _smooth_noise(rng, h, w, 400 * scale) - look.contrast * ink
    if look.blur > 0:
        img = cv2.GaussianBlur(img.astype(np.float32), (0, 0), look.blur * scale)
    img = img + rng.normal(0, look.noise, size=img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def _look(quality: str) -> _Look:
    if quality not in _LOOKS:
        raise ValueError(f"quality must be one of {QUALITIES}")
    return _LOOKS[quality]


def _finger_ink(
    seed: int, position: int, quality: str, impression: int, width: int, height: int, ppi: int,
    rolled: bool,
) -> np.ndarray:
    margin = int(24 * ppi / 500)
    ridges = _master_ridges(sub_seed("finger", seed, position, ppi),
                            height + 2 * margin, width + 2 * margin, ppi)
    rng = np.random.default_rng(sub_seed("impression", seed, position, impression, quality))
    return _ink(ridges, rng, _look(quality), rolled, ppi / 500.0, margin)


def generate_print(
    seed: int, *, position: int = 2, quality: str = "good", impression: int = 0,
    width: int = 400, height: int = 500, ppi: int = 500, rolled: bool = False,
) -> np.ndarray:
    """One finger (height x width uint8). Same (seed, position) = same finger across impressions."""
    check_position(position)
    ink = _finger_ink(seed, position, quality, impression, width, height, ppi, rolled)
    rng = np.random.default_rng(sub_seed("sensor", seed, position, impression, quality))
    return _finish(ink, rng, _look(quality), ppi / 500.0)


# Finger sizes on a slap (px at 500 ppi: width, height, fingertip drop from the top line).
_SLAP_SIZES = {2: (330, 520, 70), 3: (340, 560, 0), 4: (320, 520, 60), 5: (280, 440, 200),
               7: (330, 520, 70), 8: (340, 560, 0), 9: (320, 520, 60), 10: (280, 440, 200),
               1: (400, 560, 0), 6: (400, 560, 0)}
SLAP_SIZE = (1600, 1500)  # width x height at 500 ppi (3.2 x 3.0 in)


def generate_slap(
    seed: int, position: int, *, quality: str = "good", impression: int = 0,
    missing: tuple[int, ...] = (),
) -> np.ndarray:
    """A multi-finger plain impression (13, 14: four fingers; 15: two thumbs) at 500 ppi.

    Each finger has the same ridges as its single capture for the same seed. `missing` lists
    finger positions absent from the slap (amputated or bandaged fingers)."""
    if position not in SLAP_FINGERS:
        raise ValueError("slap position must be 13, 14 or 15")
    cw, ch = SLAP_SIZE
    canvas = np.zeros((ch, cw), np.float32)
    rng = np.random.default_rng(sub_seed("slap", seed, position, impression, quality))
    fingers = SLAP_FINGERS[position]
    slot = cw / len(fingers)
    fan = 9.0 if position != 15 else 5.0
    for i, finger in enumerate(fingers):
        if finger in missing:
            continue
        fw, fh, drop = _SLAP_SIZES[finger]
        ink = _finger_ink(seed, finger, quality, impression, fw, fh, 500, False)
        tilt = (i - (len(fingers) - 1) / 2) * fan + rng.normal(0, 2.0)
        pad = int(0.2 * max(fw, fh))
        ink = cv2.copyMakeBorder(ink, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=0.0)
        m = cv2.getRotationMatrix2D((ink.shape[1] / 2, ink.shape[0] / 2), -tilt, 1.0)
        ink = cv2.warpAffine(ink, m, (ink.shape[1], ink.shape[0]), borderValue=0.0)
        x0 = int(slot * i + slot / 2 - ink.shape[1] / 2 + rng.normal(0, 10))
        y0 = int(ch * 0.12 + drop - pad + rng.normal(0, 12))
        _paste_max(canvas, ink, x0, y0)
    return _finish(canvas, rng, _look(quality), 1.0)


def _paste_max(canvas: np.ndarray, ink: np.ndarray, x0: int, y0: int) -> None:
    """Add a finger's ink at (x0, y0), keeping the darker value where fingers touch; clipped."""
    h, w = ink.shape
    ch, cw = canvas.shape
    xa, ya = max(0, x0), max(0, y0)
    xb, yb = min(cw, x0 + w), min(ch, y0 + h)
    if xa >= xb or ya >= yb:
        return
    region = canvas[ya:yb, xa:xb]
    np.maximum(region, ink[ya - y0:yb - y0, xa - x0:xb - x0], out=region)


def generate(seed: int, position: int, **kwargs: object) -> np.ndarray:
    """Single finger or slap, whichever `position` asks for."""
    if int(position) in SLAP_FINGERS:
        return generate_slap(seed, int(position), **kwargs)  # type: ignore[arg-type]
    return generate_print(seed, position=int(position), **kwargs)  # type: ignore[arg-type]
