"""A station's registration request: its id, commune and public keys, signed with its own key.

The signature proves the station holds the Ed25519 key it registers. The same request is sent
online with a one-time token (POST /provision) or carried on USB for offline provisioning.
Wire form: {"document": {...}, "signature": base64 Ed25519 over station_signed_message(doc)}.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.packets.inputs import ID_RE
from app.packets.keys import SigningKey, VerifyKey, b64, unb64
from sync.common.signed import station_signed_message, x25519_public_raw
from sync.errors import bad_document

REQUEST_FORMAT = "enroll-station/registration-request"
_KEYS = {"format", "station_id", "commune", "sign_key", "box_key", "created_at"}
_OPTIONAL = {"commune"}  # without it, the centre assigns the token's (or operator's) commune


@dataclass(frozen=True)
class RegistrationRequest:
    station_id: str
    commune: str | None  # None: the station leaves the commune to the centre
    sign_key: VerifyKey
    box_key: bytes  # raw X25519 public key (worklists and sealed tokens go to it)


def build_request(station_id: str, commune: str | None, sign_key: SigningKey,
                  box_key: X25519PrivateKey) -> dict[str, Any]:
    doc = {"format": REQUEST_FORMAT, "station_id": station_id,
           "sign_key": sign_key.verify_key.to_b64(), "box_key": b64(x25519_public_raw(box_key)),
           "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
    if commune is not None:
        doc["commune"] = commune
    return {"document": doc, "signature": b64(sign_key.sign(station_signed_message(doc)))}


def parse_request(wire: Any) -> RegistrationRequest:
    """Check shape, ids and the station's self-signature; raise BadCentreDocument otherwise."""
    kind = "registration-request"
    if not isinstance(wire, dict) or set(wire) != {"document", "signature"} \
            or not isinstance(wire["document"], dict):
        raise bad_document(kind, "not a {document, signature} object",
                           "không phải đối tượng {document, signature}")
    doc = wire["document"]
    if not _KEYS - _OPTIONAL <= set(doc) <= _KEYS or doc["format"] != REQUEST_FORMAT \
            or not all(isinstance(v, str) for v in doc.values()):
        raise bad_document(kind, "unexpected fields", "các trường không đúng")
    commune = doc.get("commune")
    if not ID_RE.match(doc["station_id"]) or (commune is not None and not ID_RE.match(commune)):
        raise bad_document(kind, "station id or commune code is malformed",
                           "mã trạm hoặc mã xã sai dạng")
    try:
        key = VerifyKey.from_b64(doc["sign_key"])
        box = unb64(doc["box_key"], "box_key", 32)
        sig = unb64(wire["signature"], "signature", 64)
    except Exception as exc:
        raise bad_document(kind, "a key or the signature is malformed",
                           "khóa hoặc chữ ký sai dạng") from exc
    if not key.verify(sig, station_signed_message(doc)):
        raise bad_document(kind, "the station's signature does not verify",
                           "chữ ký của trạm không đúng")
    return RegistrationRequest(doc["station_id"], commune, key, box)
