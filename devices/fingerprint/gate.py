""""Is this a fingerprint?" before any quality score: NFIQ 2 scores noise ~34 and fails on blanks.

The image is cut into blocks of 16 px (at 500 ppi). A block is foreground when its gray levels
vary; a foreground block is ridge-like when its gradients agree on one direction (orientation
coherence of the structure tensor) and its spectrum has one dominant spatial period within the
ridge spacing of human skin (about 5-16 px at 500 ppi, i.e. 0.25-0.8 mm). The image passes when
enough finger area is ridge-like. Thresholds are in GateThresholds with the reasons for them in
docs/devices.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

# What a rejection means to the officer: reason -> (vi, en).
REASONS: dict[str, tuple[str, str]] = {
    "ok": ("Ảnh vân tay hợp lệ.", "Fingerprint image accepted."),
    "blank": ("Ảnh trống: đặt ngón tay lên mặt kính rồi chụp lại.",
              "Blank image: place the finger on the glass and capture again."),
    "too_small": ("Vùng vân tay quá nhỏ: ấn cả đầu ngón tay lên mặt kính rồi chụp lại.",
                  "Too little finger area: press the whole fingertip on the glass and retry."),
    "no_ridges": ("Không thấy đường vân: lau mặt kính và ngón tay rồi chụp lại.",
                  "No ridge pattern found: clean the glass and the finger, then retry."),
}


@dataclass(frozen=True)
class GateThresholds:
    """Tunable limits; defaults measured on synthetic good/poor/worn prints and noise."""

    block_px: int = 16  # at 500 ppi
    min_block_std: float = 8.0  # gray levels: below = no contrast (glass, blank)
    min_coherence: float = 0.45  # structure-tensor coherence of a ridge block
    min_peak_ratio: float = 0.22  # share of a block's AC energy near its dominant period
    min_period_mm: float = 0.25  # ridge spacing band of adult and child skin
    max_period_mm: float = 0.80
    min_ridge_area_in2: float = 0.05  # per finger: ~1.4 x 1.4 cm of readable ridges
    min_ridge_fraction: float = 0.20  # of the foreground


@dataclass(frozen=True)
class GateResult:
    """Verdict with the numbers behind it (no image data)."""

    is_fingerprint: bool
    reason: str
    metrics: dict[str, float] = field(default_factory=dict)
    ridge_mask: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def vi(self) -> str:
        return REASONS[self.reason][0]

    @property
    def en(self) -> str:
        return REASONS[self.reason][1]


def _block_sums(a: np.ndarray, b: int) -> np.ndarray:
    h, w = a.shape[0] // b, a.shape[1] // b
    return a[: h * b, : w * b].reshape(h, b, w, b).sum(axis=(1, 3))


def _spectral(img: np.ndarray, fg: np.ndarray, b: int, t: GateThresholds, ppi: int):
    """Dominant-period test per foreground block on a 2b x 2b window (Hann-weighted FFT)."""
    win = 2 * b
    pad = b // 2
    padded = cv2.copyMakeBorder(img, pad, pad + b, pad, pad + b, cv2.BORDER_REFLECT)
    ys, xs = np.nonzero(fg)
    ok = np.zeros(fg.shape, bool)
    period = np.zeros(fg.shape, np.float32)
    if len(ys) == 0:
        return ok, period
    patches = np.stack([padded[y * b: y * b + win, x * b: x * b + win] for y, x in zip(ys, xs,
                                                                                          strict=True)])
    patches = patches - patches.mean(axis=(1, 2), keepdims=True)
    hann = np.outer(np.hanning(win), np.hanning(win)).astype(np.float32)
    spec = np.abs(np.fft.rfft2(patches * hann)) ** 2
    fy = np.fft.fftfreq(win)[:, None]
    fx = np.fft.rfftfreq(win)[None, :]
    radius = np.sqrt(fx**2 + fy**2)  # cycles per pixel
    spec[:, radius < 1.0 / win] = 0.0  # drop DC and the lowest ring
    total = spec.sum(axis=(1, 2)) + 1e-9
    flat = spec.reshape(len(ys), -1)
    peak = flat.argmax(axis=1)
    peak_r = radius.reshape(-1)[peak]
    # Energy within one frequency step of the peak's radius, as a share of all AC energy.
    near = np.abs(radius.reshape(1, -1) - peak_r[:, None]) <= 1.0 / win
    share = (flat * near).sum(axis=1) / total
    px_per_mm = ppi / 25.4
    per = 1.0 / np.maximum(peak_r, 1e-6) / px_per_mm  # mm
    good = (share >= t.min_peak_ratio) & (per >= t.min_period_mm) & (per <= t.max_period_mm)
    ok[ys, xs] = good
    period[ys, xs] = per
    return ok, period


def check_fingerprint(
    image: np.ndarray, ppi: int = 500, fingers: int = 1, t: GateThresholds | None = None,
) -> GateResult:
    """Decide whether `image` (uint8 grayscale) shows `fingers` fingerprints; say why not."""
    t = t or GateThresholds()
    if image.ndim != 2 or image.size == 0:
        raise ValueError("expected a 2-D grayscale image")
    img = image.astype(np.float32)
    b = max(8, round(t.block_px * ppi / 500))
    # Smoothing first keeps sensor noise from counting as contrast or as ridge gradients.
    smooth = cv2.GaussianBlur(img, (0, 0), 1.5 * ppi / 500)
    block_area_in2 = (b / ppi) ** 2
    n = (img.shape[0] // b) * (img.shape[1] // b)
    mean = _block_sums(smooth, b) / b**2
    std = np.sqrt(np.maximum(_block_sums(smooth**2, b) / b**2 - mean**2, 0))
    fg = std >= t.min_block_std
    metrics: dict[str, float] = {"blocks": float(n), "foreground_fraction": float(fg.mean()),
                                 "image_std": float(img.std())}
    if fg.sum() * block_area_in2 < t.min_ridge_area_in2 * fingers:
        reason = "blank" if fg.mean() < 0.02 else "too_small"
        return GateResult(False, reason, metrics)
    gx = cv2.Sobel(smooth, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(smooth, cv2.CV_32F, 0, 1, ksize=3)
    gxx, gyy, gxy = _block_sums(gx * gx, b), _block_sums(gy * gy, b), _block_sums(gx * gy, b)
    coherence = np.sqrt((gxx - gyy) ** 2 + 4 * gxy**2) / (gxx + gyy + 1e-6)
    spectral_ok, period = _spectral(smooth, fg, b, t, ppi)
    ridge = fg & (coherence >= t.min_coherence) & spectral_ok
    ridge_area = float(ridge.sum() * block_area_in2)
    ridge_fraction = float(ridge.sum() / max(1, fg.sum()))
    metrics.update({
        "foreground_area_in2": round(float(fg.sum() * block_area_in2), 4),
        "ridge_area_in2": round(ridge_area, 4),
        "ridge_fraction": round(ridge_fraction, 3),
        "median_coherence": round(float(np.median(coherence[fg])), 3),
        "median_period_mm": round(float(np.median(period[ridge])), 3) if ridge.any() else 0.0,
    })
    if ridge_area < t.min_ridge_area_in2 * fingers or ridge_fraction < t.min_ridge_fraction:
        reason = "too_small" if ridge_fraction >= t.min_ridge_fraction else "no_ridges"
        return GateResult(False, reason, metrics, ridge)
    return GateResult(True, "ok", metrics, ridge)
