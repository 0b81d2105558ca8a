"""Station side of provisioning: online with a one-time token, or offline with a USB bundle.

Trust: the first contact with the centre is trust-on-first-use unless the caller passes
`expected_centre_key_id` (the receipt-signing key id printed by the centre operator, e.g. on the
provisioning sheet); then any other centre key is refused. After provisioning, the station keeps
`centre_document` and checks every later receipt, bundle and key update against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
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
    server_url: str | None = None  # from a bundle: where to sync (None: USB only)
    master_data: dict[str, Any] | None = None  # from a bundle: the centre-signed master data


def registration_request(station_id: str, commune: str | None, sign_key: SigningKey,
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
    if isinstance(wire, dict) and wire.get("key_id") != centre.receipt.key_id:
        raise bad_document(kind, f"signed by an unknown key {wire.get('key_id')!r}, not the "
                           f"centre's key {centre.receipt.key_id}", f"được ký bằng khóa lạ "
                           f"{wire.get('key_id')!r}, không phải khóa trung tâm "
                           f"{centre.receipt.key_id}")
    doc = verify_document(wire, kind, centre.receipt)
    if doc.get("station_id") != station_id:
        raise bad_document(kind, f"it is for station {doc.get('station_id')}, this is "
                           f"{station_id}", f"tài liệu dành cho trạm {doc.get('station_id')}, "
                           f"trạm này là {station_id}")
    if doc.get("sign_key_id") != sign_key.key_id \
            or doc.get("box_key") != b64(x25519_public_raw(box_key)):
        raise bad_document(kind, "it registers other keys than this station's (made from "
                           "another request)", "tài liệu đăng ký khóa khác với khóa của trạm "
                           "(từ một yêu cầu khác)")
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
                  expected_centre_key_id: str | None = None,
                  now: datetime | None = None) -> Provisioned:
    """Check a centre-signed provisioning bundle (from USB) and open its sealed access token.

    Refused (BadCentreDocument, the cause in words): altered bytes, a signer other than the
    centre key it carries (or than `expected_centre_key_id`), another station or other keys,
    past its `expires_at`, a master-data part not signed by the same centre."""
    kind = "provisioning-bundle"
    if not isinstance(bundle, dict) or bundle.get("kind") != kind:
        raise bad_document(kind, "the file is not a provisioning bundle (the request itself?)",
                           "tệp không phải gói đăng ký (có phải tệp yêu cầu?)")
    doc, centre = _check(bundle, kind, station_id, sign_key, box_key, expected_centre_key_id)
    expires = doc.get("expires_at")
    if expires is not None:
        try:
            when = datetime.strptime(expires, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        except (TypeError, ValueError) as exc:
            raise bad_document(kind, "expires_at is malformed", "expires_at sai dạng") from exc
        if (now or datetime.now(UTC)) > when:
            raise bad_document(kind, f"it expired at {expires}: ask the centre for a new one",
                               f"gói đã hết hạn lúc {expires}: xin trung tâm gói mới")
    master = doc.get("master_data")
    if master is not None:
        verify_document(master, "master-data", centre.receipt)
    url = doc.get("server_url")
    if url is not None and (not isinstance(url, str) or not url.startswith(("http://",
                                                                            "https://"))):
        raise bad_document(kind, "server_url is not an http(s) URL",
                           "server_url không phải địa chỉ http(s)")
    sealed = b64_field(doc, "sealed_access_token", kind)
    access = open_for_station(sealed, box_key, "access-token", station_id, 1).decode("ascii")
    return Provisioned(station_id, doc["commune"], access, centre, doc["centre"], bundle,
                       doc["registered_at"], doc["via"], server_url=url, master_data=master)
