"""Minutiae matching (NBIS mindtct + bozorth3 through nbis-py) for the sequence check.

The sequence check compares each rolled single finger with the same finger cut from its slap.
It catches an officer who captured fingers in the wrong order or a person who presented the
wrong finger, before the record leaves the station. Bozorth3 scores of 40 and above are
conventionally a match; the same synthetic finger scores ~250-500, different ones < 35.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import cv2
import numpy as np

from devices.fingerprint.base import SLAP_FINGERS
from devices.fingerprint.capture_flow import CaptureResult
from devices.fingerprint.gate import check_fingerprint
from devices.fingerprint.quality import NFIQ2_PPI, Nfiq2, segment_slap

MATCH_THRESHOLD = 40


class _Extractor:
    """A second nbis handle without NFIQ 2 (faster); shares the NFIQ 2 lock."""

    _handle = None
    _init = threading.Lock()

    @classmethod
    def get(cls):  # noqa: ANN206 - nbis type stays private
        if cls._handle is None:
            with cls._init:
                if cls._handle is None:
                    import nbis

                    cls._handle = nbis.new_nbis_extractor(nbis.NbisExtractorSettings(
                        min_quality=0.0, get_center=False, check_fingerprint=False,
                        compute_nfiq2=False, ppi=float(NFIQ2_PPI)))
        return cls._handle


def minutiae(image: np.ndarray):  # noqa: ANN201 - returns nbis.Minutiae
    ok, png = cv2.imencode(".png", image)
    if not ok:
        raise ValueError("cannot encode image")
    handle = _Extractor.get()
    with Nfiq2._lock:
        return handle.extract_minutiae(png.tobytes())


def match(a: np.ndarray, b: np.ndarray) -> int:
    """Bozorth3 score between two finger images at 500 ppi."""
    ma, mb = minutiae(a), minutiae(b)
    with Nfiq2._lock:
        return int(ma.compare(mb))


@dataclass(frozen=True)
class SequenceIssue:
    """A single finger that does not match its place on the slap."""

    position: int
    slap: int
    score: int  # against the slap finger at the same position
    best_position: int | None  # the slap finger it matches instead, if any
    best_score: int

    def as_dict(self) -> dict[str, int | None]:
        return {"position": self.position, "slap": self.slap, "score": self.score,
                "best_position": self.best_position, "best_score": self.best_score}


def slap_fingers(result: CaptureResult, slap: int) -> dict[int, np.ndarray]:
    """The finger images of a captured slap: from the device if it segmented, else cut here."""
    res = result.positions.get(slap)
    if res is None or res.capture is None:
        return {}
    given = res.capture.meta.get("fingers")
    if isinstance(given, dict) and given:
        return dict(given)
    missing = tuple(f for f in SLAP_FINGERS[slap]
                    if (r := result.positions.get(f)) is not None and r.exception)
    fingers = len(SLAP_FINGERS[slap]) - len(missing)
    gate = check_fingerprint(res.capture.image, res.capture.ppi, fingers=max(1, fingers))
    return segment_slap(res.capture.image, gate, slap, res.capture.ppi, missing)


def sequence_check(result: CaptureResult, threshold: int = MATCH_THRESHOLD) -> list[SequenceIssue]:
    """Every captured single finger that does not match the same finger on its slap."""
    issues: list[SequenceIssue] = []
    for slap in SLAP_FINGERS:
        crops = slap_fingers(result, slap)
        if not crops:
            continue
        crop_minutiae = {pos: minutiae(img) for pos, img in crops.items()}
        for pos, crop_m in crop_minutiae.items():
            single = result.positions.get(pos)
            if single is None or single.capture is None:
                continue
            single_m = minutiae(single.capture.image)
            with Nfiq2._lock:
                score = int(single_m.compare(crop_m))
                if score >= threshold:
                    continue
                others = {p: int(single_m.compare(m)) for p, m in crop_minutiae.items()
                          if p != pos}
            best = max(others, key=others.get, default=None)
            best_score = others.get(best, 0) if best is not None else 0
            issues.append(SequenceIssue(pos, slap, score,
                                        best if best_score >= threshold else None, best_score))
    return issues
