"""From a stored record to packet contents and signatures, at each stage of its life.

Contents are rebuilt deterministically from what the record stores (form, blobs, capture
metadata, approval), so the officer's signature made at capture still verifies when the
supervisor signs at approval and when the station seals the packet for the centre.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.packets.build import BuiltPacket, seal_packet
from app.packets.inputs import FaceCapture, FingerCapture, PacketInputs
from app.packets.keydir import read_key_dir, read_trusted
from app.packets.keys import CentrePublicKey, SigningKey
from app.packets.manifest import Contents, build_contents, sign
from app.packets.verify import check_packet
from app.store.keys import raw_private

FACE_BLOB = "face.jpg"
# Right slap, left slap, thumbs, then the ten fingers (TT 60/2021; ANSI/NIST positions).
REQUIRED_POSITIONS = frozenset((13, 14, 15, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))


def finger_blob(position: int) -> str:
    return f"finger-{position:02d}.wsq"


def missing_biometrics(policy: str, capture: dict[str, Any], blobs: dict[str, bytes]) -> list[str]:
    """What a complete enrollment still lacks under the age policy (none / with_guardian / full):
    a portrait, and every position either printed or carrying an exception."""
    if policy == "none":
        return []
    missing = [] if FACE_BLOB in blobs else ["face"]
    done = {int(f["position"]) for f in capture.get("fingers") or []
            if f.get("exception") or finger_blob(int(f["position"])) in blobs}
    missing += [f"finger {p}" for p in sorted(REQUIRED_POSITIONS - done)]
    return missing


def _time(text: str | None, fallback: str) -> datetime:
    value = datetime.fromisoformat(text or fallback)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def demographics(payload: dict[str, Any]) -> dict[str, Any]:
    """The form alone, as the centre receives it (station keys start with '_')."""
    return {k: v for k, v in payload.items() if not k.startswith("_")}


def inputs_for(record: dict[str, Any], blobs: dict[str, bytes], station_id: str) -> PacketInputs:
    """`record` as returned by Session.show (meta + data); `blobs` by name."""
    data = record["data"]
    cap = data.get("_capture") or {}
    face = None
    if FACE_BLOB in blobs:
        f = cap.get("face") or {}
        face = FaceCapture(blobs[FACE_BLOB], f.get("quality"), int(f.get("retries", 0)),
                           bool(f.get("forced", False)))
    fingers = []
    for f in cap.get("fingers") or []:
        pos = int(f["position"])
        wsq = None if f.get("exception") else blobs.get(finger_blob(pos))  # none, even stale
        fingers.append(FingerCapture(
            pos, wsq, int(f.get("width", 0)), int(f.get("height", 0)),
            int(f.get("ppi", 500)), f.get("quality"), int(f.get("retries", 0)),
            bool(f.get("forced", False)), f.get("exception")))
    approval = data.get("_approval") or {}
    return PacketInputs(
        packet_id=record["id"], station_id=station_id, officer_id=record["officer_id"],
        started_at=_time(cap.get("started_at"), record["created_at"]),
        captured_at=_time(cap.get("captured_at"), record["created_at"]),
        demographics=demographics(data), face=face, fingers=tuple(fingers),
        supervisor_id=approval.get("supervisor_id"),
        approved_at=_time(approval["approved_at"], "") if approval else None,
        clock_suspect=bool(cap.get("clock_suspect", record.get("clock_flag"))),
    )


def contents_for(record: dict[str, Any], blobs: dict[str, bytes], station_id: str) -> Contents:
    return build_contents(inputs_for(record, blobs, station_id))


def signing_key(private) -> SigningKey:  # noqa: ANN001 - an Ed25519PrivateKey from the store
    return SigningKey.from_raw(raw_private(private))


def sign_as(role: str, contents: Contents, signer_id: str, private) -> dict[str, str]:  # noqa: ANN001
    return sign(contents, role, signer_id, signing_key(private))


def seal(contents: Contents, signatures: list[dict[str, str]], station_id: str,
         station_private, centre: CentrePublicKey) -> BuiltPacket:  # noqa: ANN001
    return seal_packet(contents, signatures, station_id, signing_key(station_private), centre,
                       datetime.now(UTC))


def verify_packet_file(path: Path, central_keys: Path) -> list[dict[str, Any]]:
    """Every check `verify-packet` reports; the packet is good when none has status 'fail'."""
    results = check_packet(Path(path).read_bytes(), read_key_dir(central_keys),
                           read_trusted(central_keys))
    return [c.as_dict() for c in results]
