"""Station pulls: status feed, master data, worklist, key updates, stored receipts, signers.

Each returns plain data for the station to apply atomically in its own store; nothing here
touches the store. Every centre statement is checked against the centre's receipt-signing key
the station got at provisioning before it is returned.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.packets.archive import sha256_hex
from app.packets.errors import KeyMismatch
from app.packets.keys import CentrePublic, VerifyKey
from app.packets.receipt import Receipt
from sync.client.http import CentreClient
from sync.client.tus import TusUploader
from sync.common.signed import b64_field, open_for_station, verify_document
from sync.errors import bad_document


@dataclass(frozen=True)
class StatusEvent:
    seq: int
    packet_id: str
    status: str  # received | accepted | returned
    reason: str | None
    at: str


@dataclass(frozen=True)
class StatusPage:
    events: list[StatusEvent]
    cursor: int  # pass as `since` next time (store it with the applied events)
    more: bool


@dataclass(frozen=True)
class MasterData:
    version: int
    published_at: str
    data: dict[str, Any]
    wire: dict[str, Any]


@dataclass(frozen=True)
class Worklist:
    version: int
    commune: str
    entries: list[dict[str, Any]]


@dataclass(frozen=True)
class KeyUpdate:
    sequence: int
    centre: CentrePublic
    centre_document: dict[str, Any]
    revoked_stations: list[str]


def pull_status(client: CentreClient, since: int, limit: int = 500) -> StatusPage:
    body = client.call("GET", "/status", params={"since": since, "limit": limit}).json()
    try:
        events = [StatusEvent(int(e["seq"]), str(e["packet_id"]), str(e["status"]),
                              e["reason"], str(e["at"])) for e in body["events"]]
        cursor, more = int(body["cursor"]), bool(body["more"])
    except (KeyError, TypeError, ValueError) as exc:
        raise bad_document("status", "unexpected answer", "câu trả lời không đúng") from exc
    if cursor < since or any(e.seq <= since for e in events):
        raise bad_document("status", "the cursor went backwards", "con trỏ bị lùi")
    return StatusPage(events, cursor, more)


def pull_master_data(client: CentreClient, centre_key: VerifyKey,
                     since: int = 0) -> MasterData | None:
    """The newest signed master-data bundle above version `since`, or None."""
    r = client.call("GET", "/master-data", ok=(200, 204), params={"since": since})
    if r.status_code == 204:
        return None
    wire = r.json()
    doc = verify_document(wire, "master-data", centre_key)
    if not isinstance(doc.get("version"), int) or doc["version"] <= since \
            or not isinstance(doc.get("data"), dict):
        raise bad_document("master-data", "version is not newer or data is missing",
                           "phiên bản không mới hơn hoặc thiếu dữ liệu")
    return MasterData(doc["version"], doc["published_at"], doc["data"], wire)


def pull_worklist(client: CentreClient, centre_key: VerifyKey, station_id: str,
                  box_key: X25519PrivateKey, since: int = 0) -> Worklist | None:
    """The commune worklist sealed to this station: signature, hash, then decryption."""
    r = client.call("GET", "/worklist", ok=(200, 204), params={"since": since})
    if r.status_code == 204:
        return None
    wire = r.json()
    doc = verify_document(wire, "worklist", centre_key)
    sealed = b64_field(wire, "payload", "worklist")
    if doc.get("station_id") != station_id or not isinstance(doc.get("version"), int) \
            or doc["version"] <= since or doc.get("payload_sha256") != sha256_hex(sealed):
        raise bad_document("worklist", "it is for another station, not newer, or its payload "
                           "hash differs", "dành cho trạm khác, không mới hơn hoặc sai giá trị băm")
    plain = open_for_station(sealed, box_key, "worklist", station_id, doc["version"])
    try:
        entries = json.loads(plain)["entries"]
    except (ValueError, KeyError, TypeError) as exc:
        raise bad_document("worklist", "the content is not a worklist",
                           "nội dung không phải danh sách") from exc
    return Worklist(doc["version"], doc["commune"], entries)


def pull_key_update(client: CentreClient, centre_key: VerifyKey,
                    known_sequence: int = 0) -> KeyUpdate:
    """Current centre keys (seal new packets to `centre.current`) and revoked stations."""
    wire = client.call("GET", "/keys").json()
    doc = verify_document(wire, "key-update", centre_key)
    try:
        centre = CentrePublic.from_document(doc.get("centre"))
    except KeyMismatch as exc:
        raise bad_document("key-update", "the key document is malformed",
                           "tài liệu khóa sai dạng") from exc
    if centre.receipt.key_id != centre_key.key_id:
        raise bad_document("key-update", "it changes the centre signing key",
                           "thay đổi khóa ký của trung tâm")
    if not isinstance(doc.get("sequence"), int) or doc["sequence"] < known_sequence:
        raise bad_document("key-update", "it is older than the one already applied",
                           "cũ hơn bản đã áp dụng")
    return KeyUpdate(doc["sequence"], centre, doc["centre"], list(doc["revoked_stations"]))


def fetch_receipt(client: CentreClient, centre_key: VerifyKey, packet_id: str,
                  envelope_sha256: str) -> Receipt | None:
    """The centre's stored receipt for exactly these bytes (verified), or None if not held."""
    r = client.call("GET", f"/packets/{packet_id}/receipt", ok=(200, 404))
    if r.status_code == 404:
        return None
    return TusUploader(client, centre_key).verify(r.json(), packet_id, envelope_sha256)


def register_signers(client: CentreClient, signers: list[tuple[str, str, VerifyKey]]) -> int:
    """Tell the centre the (role, user id, key) of officers and supervisors of this station;
    packets are accepted only with registered keys. Idempotent; call after `user add`."""
    body = [{"role": role, "signer_id": uid, "public_key": key.to_b64()}
            for role, uid, key in signers]
    return int(client.call("PUT", "/station/signers", json=body).json()["registered"])
