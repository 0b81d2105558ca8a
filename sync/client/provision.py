"""Station side of provisioning: online with a one-time token, or offline with a USB bundle.

Trust: the first contact with the centre is trust-on-first-use unless the caller passes
`expected_centre_key_id` (the receipt-signing key id printed by the centre operator, e.g. on the
provisioning sheet); then any other centre key is refused. After provisioning, the station keeps
`centre_document` and checks every later receipt, bundle and key update against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.packets.errors import KeyMismatch
from app.packets.keys import CentrePublic, SigningKey, b64
from sync.client.http import CentreClient
from sync.common.registration import build_request
from sync.common.signed import b64_field, open_for_station, verify_document, x25519_public_raw
from sync.errors import bad_document


@dataclass(frozen=True)
class Provisioned:
    """What the station stores after provisioning (access_token is a secret: keep it wrapped)."""

    station_id: str
    commune: str
    access_token: str
    centre: CentrePublic
    centre_document: dict[str, Any]
    registration: dict[str, Any]  # the centre-signed document, kept as proof
    registered_at: str
    via: str  # "token" or "bundle"
    clock_offset_s: float | None = None


def registration_request(station_id: str, commune: str, sign_key: SigningKey,
                         box_key: X25519PrivateKey) -> dict[str, Any]:
    """The station-signed request (JSON) to send online or to carry to the centre on USB."""
    return build_request(station_id, commune, sign_key, box_key)


def _check(wire: Any, kind: str, station_id: str, sign_key: SigningKey,
           box_key: X25519PrivateKey, expected: str | None) -> tuple[dict, CentrePublic]:
    doc = wire.get("document") if isinstance(wire, dict) else None
    try:
        centre = CentrePublic.from_document(doc.get("centre") if isinstance(doc, dict) else None)
    except KeyMismatch as exc:
        raise bad_document(kind, "the centre key document is malformed",
                           "tài liệu khóa trung tâm sai dạng") from exc
    if expected is not None and centre.receipt.key_id != expected:
        raise bad_document(kind, f"signed by centre key {centre.receipt.key_id}, expected "
                           f"{expected}", f"trung tâm ký bằng khóa {centre.receipt.key_id}, cần "
                           f"{expected}")
    doc = verify_document(wire, kind, centre.receipt)
    if doc.get("station_id") != station_id or doc.get("sign_key_id") != sign_key.key_id \
            or doc.get("box_key") != b64(x25519_public_raw(box_key)):
        raise bad_document(kind, "it registers another station or other keys",
                           "tài liệu đăng ký trạm khác hoặc khóa khác")
    return doc, centre


def provision_online(base_url: str, token: str, station_id: str, commune: str,
                     sign_key: SigningKey, box_key: X25519PrivateKey,
                     expected_centre_key_id: str | None = None,
                     transport: httpx.BaseTransport | None = None) -> Provisioned:
    """Redeem the one-time token (POST /provision); raises Refused (token_used, ...) or
    LinkDown."""
    with CentreClient(base_url, transport=transport) as client:
        body = {"token": token,
                "request": registration_request(station_id, commune, sign_key, box_key)}
        answer = client.call("POST", "/provision", json=body).json()
        offset = client.clock_offset
    wire = answer.get("registration") if isinstance(answer, dict) else None
    doc, centre = _check(wire, "registration", station_id, sign_key, box_key,
                         expected_centre_key_id)
    access = answer.get("access_token")
    if not isinstance(access, str) or not access:
        raise bad_document("registration", "no access token", "thiếu mã truy cập")
    return Provisioned(station_id, doc["commune"], access, centre, doc["centre"], wire,
                       doc["registered_at"], doc["via"], offset)


def import_bundle(bundle: Any, station_id: str, sign_key: SigningKey, box_key: X25519PrivateKey,
                  expected_centre_key_id: str | None = None) -> Provisioned:
    """Check a centre-signed provisioning bundle (from USB) and open its sealed access token."""
    doc, centre = _check(bundle, "provisioning-bundle", station_id, sign_key, box_key,
                         expected_centre_key_id)
    sealed = b64_field(doc, "sealed_access_token", "provisioning-bundle")
    access = open_for_station(sealed, box_key, "access-token", station_id, 1).decode("ascii")
    return Provisioned(station_id, doc["commune"], access, centre, doc["centre"], bundle,
                       doc["registered_at"], doc["via"])
