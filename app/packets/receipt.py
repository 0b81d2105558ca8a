"""The centre's signed receipt for one envelope.

Receipt document (RFC 8785 JSON), signed with the centre's Ed25519 receipt key over
RECEIPT_CONTEXT + the canonical bytes. Wire form: {"receipt": <document>, "signature": base64}.
Duplicates: `received_at` is the time of FIRST receipt; the centre stores the first receipt and
returns it byte-for-byte for every later upload of the same envelope, so "same packet twice ->
the same receipt" holds even though the document carries a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.packets.archive import canonical, sha256_hex
from app.packets.errors import ReceiptError
from app.packets.inputs import check_id, utc_text
from app.packets.keys import SigningKey, VerifyKey, b64, unb64

RECEIPT_FORMAT = "enroll-station/receipt"
RECEIPT_CONTEXT = b"enroll-station/receipt/v1\x00"
STATUSES = ("received", "accepted", "rejected")
_KEYS = {"format", "format_version", "packet_id", "envelope_sha256", "received_at",
         "centre_key_id", "status", "reason"}
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@dataclass(frozen=True)
class Receipt:
    packet_id: str
    envelope_sha256: str
    received_at: str
    centre_key_id: str  # key id of the receipt-signing key
    status: str  # received (verified and stored) / accepted / rejected
    reason: str | None = None  # error code when rejected

    def document(self) -> dict[str, Any]:
        return {"format": RECEIPT_FORMAT, "format_version": 1, "packet_id": self.packet_id,
                "envelope_sha256": self.envelope_sha256, "received_at": self.received_at,
                "centre_key_id": self.centre_key_id, "status": self.status,
                "reason": self.reason}


def _error(code: str, en: str, vi: str) -> ReceiptError:
    return ReceiptError(code, f"Biên nhận không hợp lệ: {vi}.", f"Receipt is not valid: {en}.",
                        field="receipt")


def issue_receipt(envelope: bytes, packet_id: str, key: SigningKey, received_at: datetime,
                  status: str = "received", reason: str | None = None) -> dict[str, str | dict]:
    """Sign a receipt for these envelope bytes (call once per envelope; store and replay it)."""
    if status not in STATUSES:
        raise _error("receipt_status", f"unknown status {status}", f"trạng thái lạ {status}")
    r = Receipt(check_id(packet_id, "packet_id"), sha256_hex(bytes(envelope)),
                utc_text(received_at, "received_at"), key.key_id, status, reason)
    body = canonical(r.document(), "receipt")
    return {"receipt": r.document(), "signature": b64(key.sign(RECEIPT_CONTEXT + body))}


def verify_receipt(wire: Any, centre_key: VerifyKey, packet_id: str,
                   envelope_sha256: str) -> Receipt:
    """Check the centre's signature and that the receipt is for exactly this envelope."""
    if not isinstance(wire, dict) or set(wire) != {"receipt", "signature"} \
            or not isinstance(wire["receipt"], dict):
        raise _error("receipt_malformed", "not a {receipt, signature} object",
                     "không phải đối tượng {receipt, signature}")
    doc = wire["receipt"]
    if set(doc) != _KEYS or doc.get("format") != RECEIPT_FORMAT or doc.get("format_version") != 1:
        raise _error("receipt_malformed", "unexpected fields or format",
                     "trường hoặc định dạng không đúng")
    if doc["centre_key_id"] != centre_key.key_id:
        raise _error("receipt_key", f"signed with key {doc['centre_key_id']}, expected "
                     f"{centre_key.key_id}", f"ký bằng khóa {doc['centre_key_id']}, cần "
                     f"{centre_key.key_id}")
    try:
        sig = unb64(wire["signature"], "signature", 64)
        body = canonical(doc, "receipt")
    except Exception as exc:
        raise _error("receipt_malformed", "signature or document unreadable",
                     "không đọc được chữ ký hoặc nội dung") from exc
    if not centre_key.verify(sig, RECEIPT_CONTEXT + body):
        raise _error("receipt_signature", "the centre's signature does not verify",
                     "chữ ký của trung tâm không đúng")
    if doc["packet_id"] != packet_id:
        raise _error("receipt_packet", "it is for another packet", "biên nhận của gói tin khác")
    if doc["envelope_sha256"] != envelope_sha256:
        raise _error("receipt_hash", "it is for other envelope bytes (SHA-256 differs)",
                     "biên nhận cho tệp gói tin khác (SHA-256 khác)")
    if doc["status"] not in STATUSES or not isinstance(doc["received_at"], str) \
            or not _TIME.match(doc["received_at"]):
        raise _error("receipt_malformed", "status or time is invalid",
                     "trạng thái hoặc thời điểm không hợp lệ")
    return Receipt(doc["packet_id"], doc["envelope_sha256"], doc["received_at"],
                   doc["centre_key_id"], doc["status"], doc["reason"])
