"""`enroll-station self-test`: prove on this machine that the station's parts actually work.

Each check runs on synthetic data in a throwaway folder that is shredded and removed afterwards,
and reports ok, its time and, on failure, what failed. More checks are added as components land.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.domain.states import State
from app.store import crypto

Check = Callable[[], None]


def _crypto() -> None:
    key = crypto.random_key()
    blob = crypto.seal(key, b"self-test", b"aad")
    assert crypto.open_sealed(key, blob, b"aad") == b"self-test"
    try:
        crypto.open_sealed(key, blob, b"other")
    except crypto.DecryptError:
        pass
    else:
        raise AssertionError("AES-GCM accepted the wrong associated data")
    priv = X25519PrivateKey.generate()
    assert crypto.open_from(priv, crypto.seal_to(priv.public_key(), b"x", b"i"), b"i") == b"x"
    sk = Ed25519PrivateKey.generate()
    sk.public_key().verify(sk.sign(b"m"), b"m")
    assert len(crypto.password_key("pw", os.urandom(16), crypto.FAST_KDF)) == 32


def _store() -> None:
    from app.services.station import Station

    folder = Path(tempfile.mkdtemp(prefix="es-selftest-"))
    try:
        station = Station.init(folder / "data", "self-test", "selftest", "self-test-pw",
                               kdf=crypto.FAST_KDF)
        try:
            s = station.login("selftest", "self-test-pw")
            s.add_user("officer1", "officer", "self-test-pw")
            officer = station.login("officer1", "self-test-pw")
            rec = officer.save_record({"full_name": "Tự Kiểm Tra", "personal_id": "001099000001"},
                                      {"face.jpg": os.urandom(1024)})
            assert officer.show(rec.id)["data"]["full_name"] == "Tự Kiểm Tra"
            assert officer.search("tu kiem tra") and officer.search("001099000001")
            officer.transition(rec.id, State.CAPTURED)
            officer.transition(rec.id, State.DRAFT)
            officer.discard(rec.id)
            assert station.audit_check(30).ok
            problems = station.integrity()
            assert not problems, problems
        finally:
            station.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _face_detector() -> None:
    from devices.camera.synthetic import SyntheticCamera
    from devices.portrait.analyse import capture_portrait

    cam = SyntheticCamera()
    cam.open()
    try:
        report, jpeg = capture_portrait(cam.read())
    finally:
        cam.close()
    assert report.face is not None and report.passed and jpeg and jpeg[:2] == b"\xff\xd8"


def portrait_process_finds_face() -> bool:
    """The face analysis runs in a child process in the app: start one and analyse a frame."""
    from devices.camera.synthetic import SyntheticCamera
    from devices.portrait.process import ProcessAnalyser

    cam = SyntheticCamera()
    cam.open()
    try:
        frame = cam.read()
    finally:
        cam.close()
    with ProcessAnalyser(start_timeout=60.0) as analyse:
        return analyse(frame).face is not None


def _portrait_process() -> None:
    assert portrait_process_finds_face(), "the portrait worker process found no face"


def _fingerprints() -> None:
    from devices.fingerprint import quality, wsq_codec
    from devices.fingerprint.synthetic import generate_print

    img = generate_print(3)
    report = quality.assess(img, 2)
    assert report.accepted and report.score is not None and report.score > 20, report.score
    back = wsq_codec.decode(wsq_codec.encode(img))
    assert back.image.shape == img.shape and back.ppi == 500


def _packet() -> None:
    from datetime import UTC, datetime

    from app.packets.build import Signers, build_packet
    from app.packets.inputs import PacketInputs
    from app.packets.keys import CentreKeys, SigningKey
    from app.packets.verify import check_packet

    centre = CentreKeys.generate()
    now = datetime.now(UTC)
    signers = Signers(SigningKey.generate(), SigningKey.generate(), SigningKey.generate())
    built = build_packet(PacketInputs("selftest-1", "station-1", "officer-1", now, now,
                                      {"full_name": "Tự Kiểm Tra"}, supervisor_id="super-1",
                                      approved_at=now), signers, centre.current_public, now)
    results = check_packet(built.envelope, centre, None)
    failed = [r.name for r in results if r.status == "fail"]
    assert not failed, failed


CHECKS: list[tuple[str, Check]] = [
    ("crypto", _crypto),
    ("store", _store),
    ("packet build + verify", _packet),
    ("face detector + portrait", _face_detector),
    ("portrait worker process", _portrait_process),
    ("NFIQ 2 + WSQ", _fingerprints),
]


def run_all(extra: list[tuple[str, Check]] | None = None) -> list[dict[str, Any]]:
    results = []
    for name, check in CHECKS + (extra or []):
        t0 = time.perf_counter()
        try:
            check()
            results.append({"name": name, "ok": True, "ms": (time.perf_counter() - t0) * 1e3})
        except Exception as exc:  # noqa: BLE001 - every failure is a result, not a crash
            where = traceback.extract_tb(exc.__traceback__)[-1]
            results.append({"name": name, "ok": False, "ms": (time.perf_counter() - t0) * 1e3,
                            "error": f"{type(exc).__name__} at {Path(where.filename).name}:"
                                     f"{where.lineno}"})
    return results
