"""Fingerprint quality: our "is this a fingerprint" gate, then NFIQ 2 (nbis-py 0.1.3, NFIQ2 2.3).

NFIQ 2 loads its model once (~0.7 s), lazily and behind a lock, so the first caller pays it; call
`warm_up()` from a worker thread at start-up to keep that off the GUI thread. The nbis handle is
not documented as thread-safe, so every scoring call holds the same lock. Images are handed to nbis
as in-memory PNG (no temp files). Slaps are cut into fingers from the gate's ridge mask and each
finger is scored: NFIQ 2 is defined for single fingers only.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import cv2
import numpy as np

from devices.errors import DeviceFault
from devices.fingerprint.base import SLAP_FINGERS
from devices.fingerprint.gate import GateResult, GateThresholds, check_fingerprint

NFIQ2_PPI = 500


class Nfiq2:
    """Process-wide NFIQ 2 scorer: lazy, thread-safe, one native handle."""

    _lock = threading.Lock()
    _extractor = None

    @classmethod
    def _get(cls):  # noqa: ANN206 - nbis type stays private to this module
        if cls._extractor is None:
            with cls._lock:
                if cls._extractor is None:
                    import nbis  # heavy native library: import on first use only

                    settings = nbis.NbisExtractorSettings(
                        min_quality=0.0, get_center=False, check_fingerprint=False,
                        compute_nfiq2=True, ppi=float(NFIQ2_PPI))
                    cls._extractor = nbis.new_nbis_extractor(settings)
        return cls._extractor

    @classmethod
    def warm_up(cls) -> None:
        cls._get()

    @classmethod
    def score(cls, image: np.ndarray, ppi: int = NFIQ2_PPI) -> int:
        """NFIQ 2 score 0-100 of one finger image; raises DeviceFault when NFIQ 2 cannot score."""
        if ppi != NFIQ2_PPI:
            f = NFIQ2_PPI / ppi
            image = cv2.resize(image, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
        ok, png = cv2.imencode(".png", image)
        if not ok:
            raise ValueError("cannot encode image")
        extractor = cls._get()
        with cls._lock:
            try:
                return int(extractor.extract_minutiae(png.tobytes()).quality().score)
            except Exception as exc:  # nbis raises its own NbisError variants
                raise DeviceFault(detail=f"nfiq2 failed: {type(exc).__name__}") from exc


def warm_up() -> None:
    """Load NFIQ 2 now (call from a worker thread at start-up)."""
    Nfiq2.warm_up()


@dataclass(frozen=True)
class QualityReport:
    """Gate verdict plus NFIQ 2: `score` is the single finger's, or the worst finger of a slap."""

    gate: GateResult
    score: int | None  # None when the gate rejected the image
    finger_scores: dict[int, int] = field(default_factory=dict)  # slaps: position -> NFIQ 2
    seconds: float = 0.0

    @property
    def accepted(self) -> bool:
        return self.gate.is_fingerprint

    def as_dict(self) -> dict[str, object]:
        return {"is_fingerprint": self.gate.is_fingerprint, "reason": self.gate.reason,
                "vi": self.gate.vi, "en": self.gate.en, "nfiq2": self.score,
                "finger_scores": {str(k): v for k, v in self.finger_scores.items()},
                "metrics": dict(self.gate.metrics), "seconds": round(self.seconds, 3)}


def segment_slap(
    image: np.ndarray, gate: GateResult, position: int, ppi: int = 500,
    missing: tuple[int, ...] = (),
) -> dict[int, np.ndarray]:
    """Cut a slap into finger images (largest ridge regions, ordered left to right on glass)."""
    fingers = [f for f in SLAP_FINGERS[position] if f not in missing]
    if gate.ridge_mask is None:
        return {}
    mask = gate.ridge_mask.astype(np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    blobs = sorted(range(1, count), key=lambda i: -stats[i, cv2.CC_STAT_AREA])[: len(fingers)]
    blobs.sort(key=lambda i: stats[i, cv2.CC_STAT_LEFT])
    b = image.shape[0] // gate.ridge_mask.shape[0] if gate.ridge_mask.shape[0] else 16
    pad = 2
    out: dict[int, np.ndarray] = {}
    # Fewer blobs than fingers (a missing finger) leaves the order ambiguous: keep the left ones.
    for finger, i in zip(fingers, blobs, strict=False):
        x, y, w, h = (int(v) for v in stats[i, :4])
        y0, y1 = max(0, (y - pad) * b), min(image.shape[0], (y + h + pad) * b)
        x0, x1 = max(0, (x - pad) * b), min(image.shape[1], (x + w + pad) * b)
        out[finger] = image[y0:y1, x0:x1]
    return out


def assess(
    image: np.ndarray, position: int = 0, ppi: int = 500, thresholds: GateThresholds | None = None,
    missing: tuple[int, ...] = (),
) -> QualityReport:
    """Gate, then NFIQ 2 for a single finger (1-10) or each finger of a slap (13, 14, 15).

    `missing` names fingers known to be absent from a slap (amputated, bandaged)."""
    start = time.monotonic()
    expected = [f for f in SLAP_FINGERS.get(position, (0,)) if f not in missing]
    fingers = max(1, len(expected))
    gate = check_fingerprint(image, ppi=ppi, fingers=fingers, t=thresholds)
    if not gate.is_fingerprint:
        return QualityReport(gate, None, {}, time.monotonic() - start)
    if position in SLAP_FINGERS:
        parts = segment_slap(image, gate, position, ppi, missing)
        scores = {finger: Nfiq2.score(crop, ppi) for finger, crop in parts.items()}
        worst = min(scores.values()) if len(scores) == fingers else 0
        return QualityReport(gate, worst, scores, time.monotonic() - start)
    return QualityReport(gate, Nfiq2.score(image, ppi), {}, time.monotonic() - start)


def load_image(path: str) -> np.ndarray:
    """A grayscale image from a file: WSQ, or anything OpenCV reads (PNG, BMP, JPEG...)."""
    with open(path, "rb") as fh:
        data = fh.read()
    if data.startswith(b"\xff\xa0"):
        from devices.fingerprint import wsq_codec

        return wsq_codec.decode(data).image
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise ValueError("not an image file OpenCV or WSQ can read")
    return image


def check_file(path: str, position: int = 0, ppi: int = 500) -> QualityReport:
    """`enroll-station finger-check IMAGE`: the gate and NFIQ 2 for an image file."""
    return assess(load_image(path), position, ppi)
