"""Run every portrait check on a frame or an image file and give one verdict.

`analyse_frame` serves the live preview (analysis worker) and the capture button;
`analyse_image` serves the `photo-check IMAGE [--json]` command.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

import cv2
import numpy as np

from devices.portrait import checks as c
from devices.portrait.crop import CropSpec, portrait_jpeg
from devices.portrait.detect import Face, detect_faces
from devices.portrait.errors import ImageUnreadable, NoFace

CHECK_NAMES = ("face_count", "face_size", "centring", "roll", "eye_distance", "sharpness",
               "exposure", "contrast", "background")


@dataclass(frozen=True)
class PortraitReport:
    checks: list[c.CheckResult]
    face: Face | None
    width: int
    height: int
    seconds: float
    faces: list[Face] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.checks)

    @property
    def failed(self) -> list[str]:
        return [r.name for r in self.checks if not r.passed]

    def check(self, name: str) -> c.CheckResult:
        return next(r for r in self.checks if r.name == name)

    def verdict(self) -> tuple[str, str]:
        """One sentence each in vi and en: OK, or the first thing to fix."""
        if self.passed:
            return "Ảnh đạt yêu cầu.", "Photo meets the requirements."
        first = next(r for r in self.checks if not r.passed)
        return f"Ảnh chưa đạt: {first.vi}", f"Photo not acceptable: {first.en}"

    def as_dict(self) -> dict[str, object]:
        vi, en = self.verdict()
        return {
            "passed": self.passed,
            "verdict": {"vi": vi, "en": en},
            "failed": self.failed,
            "checks": [r.as_dict() for r in self.checks],
            "face": self.face.as_dict() if self.face else None,
            "faces_found": len(self.faces),
            "image": {"width": self.width, "height": self.height},
            "seconds": round(self.seconds, 4),
        }


def analyse_frame(frame: np.ndarray, thresholds: c.Thresholds | None = None,
                  spec: CropSpec | None = None, max_side: int = 640) -> PortraitReport:
    """All checks on one BGR frame; detection runs on a copy at most `max_side` wide."""
    t = thresholds or c.Thresholds()
    spec = spec or CropSpec()
    start = time.perf_counter()
    grey = c.to_grey(frame)
    faces = detect_faces(frame, max_side=max_side, min_confidence=t.min_confidence, grey=grey)
    results = [c.check_face_count(faces, t)]
    face = faces[0] if faces else None
    if face is None:
        results += [c.not_measured(name) for name in CHECK_NAMES[1:]]
    else:
        results += [
            c.check_face_size(face, frame.shape, t),
            c.check_centring(face, frame.shape, t, spec),
            c.check_roll(face, t),
            c.check_eye_distance(face, t),
            c.check_sharpness(grey, face, t),
            c.check_exposure(grey, face, t),
            c.check_contrast(grey, face, t),
            c.check_background(grey, face, t, spec),
        ]
    h, w = frame.shape[:2]
    return PortraitReport(results, face, w, h, time.perf_counter() - start, faces)


def read_image(path: str | os.PathLike[str]) -> np.ndarray:
    """BGR image from a file (Unicode paths work on Windows too); raises ImageUnreadable."""
    name = os.path.basename(os.fspath(path))
    try:
        data = np.fromfile(os.fspath(path), dtype=np.uint8)
    except OSError:
        raise ImageUnreadable(name) from None
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise ImageUnreadable(name)
    return image


def analyse_image(path: str | os.PathLike[str], thresholds: c.Thresholds | None = None,
                  spec: CropSpec | None = None) -> dict[str, object]:
    """Every check with score and reason, plus the verdict, as a JSON-ready dict."""
    return analyse_frame(read_image(path), thresholds, spec).as_dict()


def capture_portrait(frame: np.ndarray, thresholds: c.Thresholds | None = None,
                     spec: CropSpec | None = None,
                     require_pass: bool = True) -> tuple[PortraitReport, bytes | None]:
    """The capture button: check the full frame again and, if it passes (or the officer
    overrides with require_pass=False), return the card portrait JPEG as well.

    Raises NoFace when there is no face to crop; raises JpegTooLarge if the size limit cannot
    be met."""
    spec = spec or CropSpec()
    report = analyse_frame(frame, thresholds, spec)
    if report.face is None:
        raise NoFace()
    if require_pass and not report.passed:
        return report, None
    return report, portrait_jpeg(frame, report.face, spec)
