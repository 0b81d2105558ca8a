"""The outbox of sealed packets, as the store keeps them.

A packet enters the outbox in the same transaction that moves its record to `queued`, and a
receipt is recorded in the same transaction that moves it to `delivered`: the two can never
disagree, whatever moment the power goes.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app.domain.errors import InputError
from app.domain.states import State
from app.store import audit, records


def enqueue(db: Database, record_id: str, envelope: bytes, envelope_sha256: str,
            centre_kid: str) -> None:
    """Approved -> queued, with its sealed packet, in one transaction."""
    now = audit.now_iso()
    with db.atomic():
        records.transition(db, record_id, State.QUEUED, None, None)
        db.execute("INSERT OR REPLACE INTO outbox (record_id, envelope, envelope_sha256, size, "
                   "centre_kid, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [record_id, envelope, envelope_sha256, len(envelope), centre_kid, now, now])


def pending(db: Database) -> list[dict[str, Any]]:
    """Packets not yet delivered, oldest first (without the envelope bytes)."""
    return list(db.query(
        "SELECT o.record_id, o.envelope_sha256, o.size, o.upload_url, o.offset, o.attempts, "
        "o.last_error, o.exported_to, r.state FROM outbox o JOIN records r ON r.id = o.record_id "
        "WHERE o.receipt IS NULL ORDER BY r.seq"))


def envelope(db: Database, record_id: str) -> bytes:
    row = db.execute("SELECT envelope FROM outbox WHERE record_id = ?", [record_id]).fetchone()
    if row is None or row[0] is None:
        raise InputError("no_packet", f"Hồ sơ {record_id} chưa có gói dữ liệu.",
                         f"Record {record_id} has no sealed packet.", field="id")
    return row[0]


def progress(db: Database, record_id: str, *, upload_url: str | None = None,
             offset: int | None = None, error: str | None = None,
             start: bool = False) -> None:
    """Remember where an upload stands, so a restart resumes instead of starting over."""
    with db.atomic():
        if start:
            state = records.meta(db, record_id)["state"]
            if state == State.QUEUED.value:
                records.transition(db, record_id, State.UPLOADING, None, None)
        sets, args = ["updated_at = ?"], [audit.now_iso()]
        if upload_url is not None:
            sets.append("upload_url = ?")
            args.append(upload_url)
        if offset is not None:
            sets.append("offset = ?")
            args.append(offset)
        if error is not None:
            sets += ["last_error = ?", "attempts = attempts + 1"]
            args.append(error[:200])
        db.execute(f"UPDATE outbox SET {', '.join(sets)} WHERE record_id = ?", [*args, record_id])


def delivered(db: Database, record_id: str, receipt: dict[str, Any]) -> None:
    """Only called with a receipt whose signature and hash were checked: uploading -> delivered."""
    with db.atomic():
        state = records.meta(db, record_id)["state"]
        if state == State.QUEUED.value:
            records.transition(db, record_id, State.UPLOADING, None, None)
        records.transition(db, record_id, State.DELIVERED, None, None)
        db.execute("UPDATE outbox SET receipt = ?, last_error = NULL, updated_at = ? "
                   "WHERE record_id = ?",
                   [json.dumps(receipt, sort_keys=True), audit.now_iso(), record_id])
        audit.append(db, "delivered", None, record_id)
        early = db.execute("SELECT centre_status FROM outbox WHERE record_id = ?",
                           [record_id]).fetchone()[0]
        if early in (State.ACCEPTED.value, State.RETURNED.value):  # news arrived before us
            records.transition(db, record_id, State(early), None, None)


def centre_status(db: Database, events: list[tuple[str, str, str | None]], cursor: int) -> int:
    """Apply the centre's status events and the new cursor in one transaction. A result for a
    packet not yet delivered here (carried by USB) is kept and applied on delivery."""
    applied = 0
    with db.atomic():
        for packet_id, status, reason in events:
            if status not in (State.ACCEPTED.value, State.RETURNED.value):
                continue
            row = db.execute("SELECT r.state FROM outbox o JOIN records r ON r.id = o.record_id "
                             "WHERE o.record_id = ?", [packet_id]).fetchone()
            if row is None:
                continue  # not ours (another station's packet we carried)
            db.execute("UPDATE outbox SET centre_status = ?, centre_reason = ? "
                       "WHERE record_id = ?", [status, reason, packet_id])
            if row[0] == State.DELIVERED.value:
                records.transition(db, packet_id, State(status), None, None)
                applied += 1
        db.execute("UPDATE centre SET status_cursor = ? WHERE id = 1", [cursor])
    return applied


def receipt(db: Database, record_id: str) -> dict[str, Any] | None:
    row = db.execute("SELECT receipt FROM outbox WHERE record_id = ?", [record_id]).fetchone()
    return json.loads(row[0]) if row and row[0] else None


def mark_exported(db: Database, record_ids: list[str], where: str) -> None:
    with db.atomic():
        for rid in record_ids:
            db.execute("UPDATE outbox SET exported_to = ?, updated_at = ? WHERE record_id = ?",
                       [where, audit.now_iso(), rid])
        audit.append(db, "export", None, None, packets=len(record_ids))


def counts(db: Database) -> dict[str, int]:
    row = db.execute("SELECT COUNT(*), SUM(receipt IS NULL), SUM(exported_to IS NOT NULL) "
                     "FROM outbox").fetchone()
    return {"packets": row[0] or 0, "undelivered": row[1] or 0, "exported": row[2] or 0}


def purgeable(db: Database, before: str) -> list[str]:
    """Delivered packets whose receipt is older than `before` (ISO time)."""
    return [r[0] for r in db.execute(
        "SELECT o.record_id FROM outbox o JOIN records r ON r.id = o.record_id "
        "WHERE o.receipt IS NOT NULL AND o.updated_at < ? AND r.state IN (?, ?, ?)",
        [before, State.DELIVERED.value, State.ACCEPTED.value, State.RETURNED.value])]


def purge(db: Database, record_id: str, actor: str | None) -> None:
    """Shred the record (key, payload, blobs, index) and drop its envelope; keep the receipt."""
    with db.atomic():
        records.shred(db, record_id, actor, checkpoint=False)
        db.execute("UPDATE outbox SET envelope = NULL WHERE record_id = ?", [record_id])
