"""The packet's contents and manifest, and what each role signs.

Signing is staged to fit the record lifecycle: the officer signs when capture is complete (the
manifest without its `approval` member: scope "capture"), the supervisor signs at approval and
the station at sealing (the whole manifest: scope "manifest"). Contents are deterministic, so the
station can rebuild them from the stored record at any stage and earlier signatures still verify.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.packets import an2
from app.packets.archive import BIOMETRICS, DEMOGRAPHICS, canonical, sha256_hex
from app.packets.errors import bad_input
from app.packets.inputs import FINGER_EXCEPTIONS, PacketInputs, check_inputs, utc_text
from app.packets.keys import SigningKey, b64

FORMAT_VERSION = 1
MANIFEST_FORMAT = "enroll-station/packet-manifest"
SIGNATURES_FORMAT = "enroll-station/packet-signatures"
ROLE_SCOPE = {"officer": "capture", "supervisor": "manifest", "station": "manifest"}
ROLES = ("officer", "supervisor", "station")


@dataclass(frozen=True)
class Contents:
    """The manifest (as a dict) and the two files it hashes."""

    manifest: dict[str, Any]
    demographics: bytes
    biometrics: bytes

    @property
    def packet_id(self) -> str:
        return self.manifest["packet_id"]

    def manifest_bytes(self) -> bytes:
        return canonical(self.manifest, "manifest")


def scope_bytes(manifest: dict[str, Any], scope: str) -> bytes:
    """Canonical bytes a scope covers: "capture" drops `approval`, "manifest" is everything."""
    if scope == "capture":
        return canonical({k: v for k, v in manifest.items() if k != "approval"}, "manifest")
    return canonical(manifest, "manifest")


def signed_message(role: str, scope: str, manifest: dict[str, Any]) -> bytes:
    """Domain-separated message: b"enroll-station/manifest-signature/v1\\0" role \\0 scope \\0
    canonical bytes. A signature for one role or scope never verifies as another."""
    head = f"enroll-station/manifest-signature/v1\x00{role}\x00{scope}\x00".encode("ascii")
    return head + scope_bytes(manifest, scope)


def sign(contents: Contents, role: str, signer_id: str, key: SigningKey) -> dict[str, str]:
    """One signatures.json entry for `role` (officer, supervisor or station)."""
    if role not in ROLE_SCOPE:
        raise bad_input("role", f"unknown role {role}", f"vai trò không hợp lệ {role}")
    scope = ROLE_SCOPE[role]
    if scope == "manifest" and "approval" not in contents.manifest:
        raise bad_input("approval", "the manifest has no approval yet", "bản kê chưa được duyệt")
    return {
        "role": role, "signer_id": signer_id, "key_id": key.key_id,
        "public_key": key.verify_key.to_b64(), "scope": scope,
        "signature": b64(key.sign(signed_message(role, scope, contents.manifest))),
    }


def signatures_document(entries: list[dict[str, str]]) -> bytes:
    order = {r: i for i, r in enumerate(ROLES)}
    ordered = sorted(entries, key=lambda e: order.get(e["role"], 99))
    return canonical({"format": SIGNATURES_FORMAT, "signatures": ordered}, "signatures")


def _an2_date(text: str) -> str:
    return text[:10].replace("-", "")


def build_contents(p: PacketInputs) -> Contents:
    """Check the inputs and produce demographics.json, biometrics.an2 and the manifest."""
    check_inputs(p)
    started = utc_text(p.started_at, "started_at")
    captured = utc_text(p.captured_at, "captured_at")
    demographics = canonical(dict(p.demographics), "demographics")
    face_meta: dict[str, Any] | None = None
    face_rec: an2.FaceRecord | None = None
    if p.face is not None:
        w, h, comps = an2.jpeg_info(p.face.jpeg)
        face_rec = an2.FaceRecord(p.face.jpeg, w, h, comps >= 3, _an2_date(captured))
        face_meta = {"width": w, "height": h, "quality": p.face.quality,
                     "retries": p.face.retries, "forced": p.face.forced, "format": "jpeg"}
    finger_recs: list[an2.FingerRecord] = []
    finger_meta: list[dict[str, Any]] = []
    amputations: dict[int, str] = {}
    for f in sorted(p.fingers, key=lambda x: x.position):
        entry: dict[str, Any] = {
            "position": f.position, "impression": "rolled" if f.position <= 10 else "plain",
            "present": f.wsq is not None, "retries": f.retries, "forced": f.forced,
            "exception": f.exception,
        }
        if f.wsq is not None:
            entry.update(width=f.width, height=f.height, ppi=f.ppi, quality=f.quality,
                         format="wsq")
            finger_recs.append(an2.FingerRecord(f.position, f.wsq, f.width, f.height, f.ppi,
                                                f.quality, _an2_date(captured)))
        elif f.position <= 10:
            amputations[f.position] = FINGER_EXCEPTIONS[f.exception or "unable"]
        finger_meta.append(entry)
    gmt = captured.replace("-", "").replace(":", "").replace("T", "")
    txn = an2.Transaction(tcn=p.packet_id, tot="ENROLL", date=_an2_date(captured), gmt=gmt,
                          dai=p.centre_agency, ori=p.station_id, face=face_rec,
                          fingers=tuple(finger_recs), amputations=amputations)
    biometrics = an2.build_an2(txn)
    manifest: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "format_version": FORMAT_VERSION,
        "packet_id": p.packet_id,
        "station_id": p.station_id,
        "officer_id": p.officer_id,
        "times": {"started_at": started, "captured_at": captured,
                  "clock_suspect": bool(p.clock_suspect)},
        "captures": {"face": face_meta, "fingers": finger_meta},
        "files": {
            BIOMETRICS: {"sha256": sha256_hex(biometrics), "size": len(biometrics)},
            DEMOGRAPHICS: {"sha256": sha256_hex(demographics), "size": len(demographics)},
        },
    }
    if p.supervisor_id is not None and p.approved_at is not None:
        manifest["approval"] = {"supervisor_id": p.supervisor_id,
                                "approved_at": utc_text(p.approved_at, "approved_at")}
    return Contents(manifest, demographics, biometrics)
