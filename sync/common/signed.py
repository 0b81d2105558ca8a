"""Centre-signed documents and payloads sealed to one station: shared by server and client.

Signed document wire form (JSON): {"kind": K, "document": D, "key_id": kid, "signature": b64}
where signature = Ed25519(centre signing key, DOC_CONTEXT || K || 0x00 || RFC8785(D)) and D has
"format": "enroll-station/<K>". The centre signing key is the receipt-signing key of
app.packets (one Ed25519 identity for receipts and every other centre statement).

Station-sealed payloads use the packet HPKE suite (X25519/HKDF-SHA256/AES-256-GCM, base mode)
to the station's X25519 key registered at provisioning; `info` binds kind, station and version.
"""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from app.packets.archive import canonical
from app.packets.envelope import SUITE
from app.packets.keys import SigningKey, VerifyKey, b64, unb64
from sync.errors import bad_document

DOC_CONTEXT = b"enroll-station/centre-document/v1\x00"
KINDS = ("registration", "provisioning-bundle", "registration-request", "master-data",
         "worklist", "key-update")


def _message(kind: str, doc: dict[str, Any]) -> bytes:
    return DOC_CONTEXT + kind.encode("ascii") + b"\x00" + canonical(doc, kind)


def sign_document(kind: str, doc: dict[str, Any], key: SigningKey) -> dict[str, Any]:
    """Wrap `doc` (which must carry format enroll-station/<kind>) with the centre's signature."""
    if kind not in KINDS or doc.get("format") != f"enroll-station/{kind}":
        raise ValueError(f"document format must be enroll-station/{kind}")
    return {"kind": kind, "document": doc, "key_id": key.key_id,
            "signature": b64(key.sign(_message(kind, doc)))}


def verify_document(wire: Any, kind: str, key: VerifyKey) -> dict[str, Any]:
    """Return the document if `wire` is a `kind` document signed by `key`; else raise."""
    if not isinstance(wire, dict) or set(wire) - {"payload"} != {"kind", "document", "key_id",
                                                                    "signature"}:
        raise bad_document(kind, "not a signed centre document", "không phải tài liệu có chữ ký")
    doc = wire["document"]
    if wire["kind"] != kind or not isinstance(doc, dict) \
            or doc.get("format") != f"enroll-station/{kind}":
        raise bad_document(kind, f"it is a {wire.get('kind')!r} document",
                           f"đây là tài liệu loại {wire.get('kind')!r}")
    if wire["key_id"] != key.key_id:
        raise bad_document(kind, f"signed by key {wire['key_id']}, expected {key.key_id}",
                           f"được ký bằng khóa {wire['key_id']}, cần {key.key_id}")
    try:
        sig = unb64(wire["signature"], "signature", 64)
        ok = key.verify(sig, _message(kind, doc))
    except Exception as exc:
        raise bad_document(kind, "the signature is unreadable", "không đọc được chữ ký") from exc
    if not ok:
        raise bad_document(kind, "the centre's signature does not verify (altered or forged)",
                           "chữ ký của trung tâm không đúng (bị sửa hoặc giả mạo)")
    return doc


def x25519_public_raw(private: X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(serialization.Encoding.Raw,
                                             serialization.PublicFormat.Raw)


def sealed_info(kind: str, station_id: str, version: int) -> bytes:
    return canonical({"format": f"enroll-station/{kind}", "station_id": station_id,
                      "version": version}, "info")


def seal_to_station(plain: bytes, station_x25519: bytes, kind: str, station_id: str,
                    version: int) -> bytes:
    """HPKE-seal bytes that only this station can open (worklists, access tokens)."""
    pub = X25519PublicKey.from_public_bytes(station_x25519)
    return SUITE.encrypt(plain, pub, info=sealed_info(kind, station_id, version))


def open_for_station(sealed: bytes, private: X25519PrivateKey, kind: str, station_id: str,
                     version: int) -> bytes:
    try:
        return SUITE.decrypt(sealed, private, info=sealed_info(kind, station_id, version))
    except Exception as exc:  # InvalidTag / ValueError: wrong key, binding or altered bytes
        raise bad_document(kind, "the sealed payload does not open with this station's key",
                           "không mở được dữ liệu niêm phong bằng khóa của trạm") from exc


def station_signed_message(doc: dict[str, Any]) -> bytes:
    """What a station signs in a registration request (proof it holds its Ed25519 key)."""
    return DOC_CONTEXT + b"registration-request\x00" + canonical(doc, "registration-request")


def b64_field(wire: dict[str, Any], name: str, kind: str) -> bytes:
    try:
        return unb64(wire[name], name)
    except Exception as exc:
        raise bad_document(kind, f"{name} missing or not base64",
                           f"thiếu {name} hoặc không phải base64") from exc
