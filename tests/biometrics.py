"""Real (synthetic) biometrics for service tests, made once per test session.

A true simulated capture takes ~10 s; tests that only need a complete, valid record reuse one
generated print (real WSQ) for every position and one synthetic-camera portrait (real JPEG).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from app.services.packaging import FACE_BLOB, REQUIRED_POSITIONS, finger_blob


@lru_cache(maxsize=1)
def _made() -> tuple[bytes, bytes, tuple[int, int]]:
    from devices.camera.synthetic import SyntheticCamera
    from devices.fingerprint import wsq_codec
    from devices.fingerprint.synthetic import generate_print
    from devices.portrait.analyse import capture_portrait

    cam = SyntheticCamera()
    cam.open()
    _, jpeg = capture_portrait(cam.read())
    cam.close()
    img = generate_print(7)
    return jpeg, wsq_codec.encode(img), (int(img.shape[1]), int(img.shape[0]))


def biometrics(**overrides: Any) -> tuple[dict[str, bytes], dict[str, Any]]:
    """(blobs, capture) for a complete adult enrollment; overrides go into the face metadata."""
    jpeg, wsq, (w, h) = _made()
    blobs = {FACE_BLOB: jpeg, **{finger_blob(p): wsq for p in REQUIRED_POSITIONS}}
    capture = {"face": {"quality": 100, "retries": 0, "forced": False, **overrides},
               "fingers": [{"position": p, "quality": 60, "retries": 0, "forced": False,
                            "exception": None, "width": w, "height": h, "ppi": 500}
                           for p in sorted(REQUIRED_POSITIONS)]}
    return blobs, capture


def complete(flow: Any, form: dict[str, Any], **kw: Any) -> str:
    """Enrollment.complete with a full set of biometrics unless the test passes its own."""
    blobs, capture = biometrics(**(kw.pop("face", None) or {}))
    if "capture" in kw:
        capture = {**capture, **kw.pop("capture")}
    if kw.get("record_id") is None:
        kw.setdefault("blobs", blobs)
        kw.setdefault("capture", capture)
    return flow.complete(form, **kw)
