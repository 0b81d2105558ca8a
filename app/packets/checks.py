"""The individual checks of an opened archive: manifest shape, signatures, AN2 consistency."""

from __future__ import annotations

import re
from typing import Any

from app.packets import an2
from app.packets.archive import BIOMETRICS, DEMOGRAPHICS, load_canonical
from app.packets.envelope import EnvelopeHeader
from app.packets.errors import an2_error, bad_signature, malformed_packet
from app.packets.inputs import FINGER_EXCEPTIONS
from app.packets.keys import KeyLookup, VerifyKey, key_id, unb64
from app.packets.manifest import (
    FORMAT_VERSION,
    MANIFEST_FORMAT,
    ROLE_SCOPE,
    SIGNATURES_FORMAT,
    signed_message,
)

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_ENTRY_KEYS = {"role", "signer_id", "key_id", "public_key", "scope", "signature"}
_MANIFEST_KEYS = {"format", "format_version", "packet_id", "station_id", "officer_id", "times",
                  "captures", "files"}


def _bad(what_en: str, what_vi: str, name: str = "manifest.json"):
    return malformed_packet(f"{name}: {what_en}", f"{name}: {what_vi}", field=name)


def check_manifest(data: bytes, header: EnvelopeHeader) -> dict[str, Any]:
    """Parse manifest.json and check its shape and that it is about the enveloped packet."""
    m = load_canonical(data, "manifest.json")
    missing = _MANIFEST_KEYS - set(m)
    if missing or set(m) - _MANIFEST_KEYS - {"approval"}:
        raise _bad(f"members are {sorted(m)}", f"các trường là {sorted(m)}")
    if m["format"] != MANIFEST_FORMAT or m["format_version"] != FORMAT_VERSION:
        raise _bad("unsupported format or version", "định dạng hoặc phiên bản không hỗ trợ")
    if m["packet_id"] != header.packet_id or m["station_id"] != header.station_id:
        raise _bad("packet id or station id differs from the envelope header",
                   "mã gói tin hoặc mã trạm khác với phần đầu phong bì")
    files = m["files"]
    if not isinstance(files, dict) or set(files) != {BIOMETRICS, DEMOGRAPHICS}:
        raise _bad("files must list exactly biometrics.an2 and demographics.json",
                   "files phải liệt kê đúng biometrics.an2 và demographics.json")
    for name, entry in files.items():
        if (not isinstance(entry, dict) or set(entry) != {"sha256", "size"}
                or not isinstance(entry["sha256"], str) or not _HEX64.match(entry["sha256"])
                or not isinstance(entry["size"], int)):
            raise _bad(f"files entry for {name} is malformed", f"mục files của {name} sai dạng")
    caps = m["captures"]
    if (not isinstance(caps, dict) or set(caps) != {"face", "fingers"}
            or not isinstance(caps["fingers"], list)):
        raise _bad("captures must hold face and fingers", "captures phải có face và fingers")
    if "approval" in m and (not isinstance(m["approval"], dict)
                            or set(m["approval"]) != {"supervisor_id", "approved_at"}):
        raise _bad("approval is malformed", "approval sai dạng")
    return m


def load_signatures(data: bytes) -> dict[str, dict[str, str]]:
    """signatures.json by role; shape errors here, missing roles are reported per role."""
    doc = load_canonical(data, "signatures.json")
    entries = doc.get("signatures")
    if doc.get("format") != SIGNATURES_FORMAT or set(doc) != {"format", "signatures"} \
            or not isinstance(entries, list):
        raise _bad("unexpected format", "định dạng không đúng", "signatures.json")
    by_role: dict[str, dict[str, str]] = {}
    for e in entries:
        if not isinstance(e, dict) or set(e) != _ENTRY_KEYS \
                or not all(isinstance(v, str) for v in e.values()):
            raise _bad("an entry is malformed", "một mục sai dạng", "signatures.json")
        role = e["role"]
        if role not in ROLE_SCOPE or role in by_role or e["scope"] != ROLE_SCOPE[role]:
            raise _bad(f"role {role!r} is unknown, repeated or has the wrong scope",
                       f"vai trò {role!r} không hợp lệ, bị lặp hoặc sai phạm vi",
                       "signatures.json")
        by_role[role] = e
    return by_role


def embedded_key(sigs: dict[str, dict[str, str]], role: str) -> VerifyKey:
    entry = sigs.get(role)
    if entry is None:
        raise bad_signature(role, "it is missing from signatures.json",
                            "không có trong signatures.json")
    try:
        return VerifyKey.from_b64(entry["public_key"])
    except Exception as exc:  # PacketInputError or a cryptography ValueError
        raise bad_signature(role, "its public key is not a valid Ed25519 key",
                            "khóa công khai không phải khóa Ed25519 hợp lệ") from exc


def _expected_signer(role: str, manifest: dict[str, Any]) -> str:
    if role == "officer":
        return manifest["officer_id"]
    if role == "station":
        return manifest["station_id"]
    if "approval" not in manifest:
        raise bad_signature(role, "the manifest carries no approval",
                            "bản kê không có thông tin duyệt")
    return manifest["approval"]["supervisor_id"]


def check_role(role: str, manifest: dict[str, Any], sigs: dict[str, dict[str, str]],
               header: EnvelopeHeader | None, trusted: KeyLookup | None) -> None:
    """The signature for `role` exists, is by the right signer and key, and verifies."""
    key = embedded_key(sigs, role)
    entry = sigs[role]
    expected = _expected_signer(role, manifest)
    if entry["signer_id"] != expected:
        raise bad_signature(role, f"signed by {entry['signer_id']}, the manifest names {expected}",
                            f"người ký {entry['signer_id']}, bản kê ghi {expected}")
    if key_id(key.raw) != entry["key_id"]:
        raise bad_signature(role, "key_id does not match the public key",
                            "key_id không khớp khóa công khai")
    if role == "station" and header is not None and entry["key_id"] != header.station_key_id:
        raise bad_signature(role, "the manifest was signed with another key than the envelope",
                            "bản kê được ký bằng khóa khác với phong bì")
    if trusted is not None:
        known = trusted(role, expected, entry["key_id"])
        if known is None or known.raw != key.raw:
            raise bad_signature(role, f"key {entry['key_id']} is not trusted for {expected}",
                                f"khóa {entry['key_id']} không được tin cậy cho {expected}")
    try:
        sig = unb64(entry["signature"], f"signature:{role}", 64)
    except Exception as exc:
        raise bad_signature(role, "the signature is not 64 base64 bytes",
                            "chữ ký không phải 64 byte base64") from exc
    if not key.verify(sig, signed_message(role, entry["scope"], manifest)):
        raise bad_signature(role, "it does not verify over the manifest (content was changed)",
                            "không khớp với bản kê (nội dung đã bị thay đổi)")


def _disagree(what_en: str, what_vi: str):
    return an2_error(f"disagrees with the manifest on {what_en}",
                     f"không khớp với bản kê về {what_vi}")


def check_biometrics(data: bytes, manifest: dict[str, Any]) -> an2.Transaction:
    """Parse biometrics.an2 (2011 mandatory fields) and check it says what the manifest says."""
    t = an2.parse_an2(data)
    if t.tcn != manifest["packet_id"] or t.ori != manifest["station_id"]:
        raise _disagree("the packet or station id (TCN/ORI)", "mã gói tin hoặc mã trạm (TCN/ORI)")
    face = manifest["captures"]["face"]
    said = None if face is None else (face.get("width"), face.get("height"))
    found = None if t.face is None else (t.face.width, t.face.height)
    if said != found:
        raise _disagree("the face image", "ảnh chân dung")
    want: dict[int, tuple] = {}
    amps: dict[int, str] = {}
    for f in manifest["captures"]["fingers"]:
        if not isinstance(f, dict) or "position" not in f:
            raise _bad("a finger entry is malformed", "một mục vân tay sai dạng")
        if f.get("present"):
            want[f["position"]] = (f.get("width"), f.get("height"), f.get("ppi"), f.get("quality"))
        elif f["position"] <= 10:
            amps[f["position"]] = FINGER_EXCEPTIONS.get(str(f.get("exception")), "?")
    got = {f.position: (f.width, f.height, f.ppi, f.quality) for f in t.fingers}
    if got != want:
        raise _disagree("finger images (positions, sizes or quality)",
                        "ảnh vân tay (vị trí, kích thước hoặc chất lượng)")
    if t.amputations != (amps if got else {}):
        raise _disagree("missing fingers (AMP)", "ngón tay thiếu (AMP)")
    return t
