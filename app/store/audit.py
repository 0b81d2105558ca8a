"""Append-only, hash-chained audit log of every action (no personal data in it).

Each entry's hash covers the previous hash and the entry's canonical content, so editing,
deleting or reordering any entry breaks the chain from that point; `verify` says where.
The head hash is what sync uploads, so the centre can anchor the chain.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

GENESIS = b"\x00" * 32


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _digest(prev: bytes, seq: int, at: str, mono: float, actor: str | None, action: str,
            record_id: str | None, detail: str) -> bytes:
    body = json.dumps([seq, at, repr(mono), actor, action, record_id, detail],
                      ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(prev + body).digest()


def append(db: Database, action: str, actor: str | None = None, record_id: str | None = None,
           **detail: Any) -> int:
    """Add one entry. Call inside the transaction of the action it records."""
    row = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    at, mono = now_iso(), time.monotonic()
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = _digest(prev, seq, at, mono, actor, action, record_id, text)
    db.execute(
        "INSERT INTO audit (seq, at, mono, actor, action, record_id, detail, prev, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [seq, at, mono, actor, action, record_id, text, prev, digest],
    )
    return seq


@dataclass(frozen=True)
class AuditReport:
    entries: int
    ok: bool
    first_bad_seq: int | None = None
    head: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"entries": self.entries, "ok": self.ok, "first_bad_seq": self.first_bad_seq,
                "head": self.head}


def verify(conn: sqlite3.Connection) -> AuditReport:
    """Recompute the whole chain. Takes a plain connection so it can run on a reader thread."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    cur = conn.execute(
        "SELECT seq, at, mono, actor, action, record_id, detail, prev, hash FROM audit ORDER BY seq"
    )
    for seq, at, mono, actor, action, record_id, detail, stored_prev, stored in cur:
        count += 1
        if (seq != expected_seq or stored_prev != prev
                or _digest(prev, seq, at, mono, actor, action, record_id, detail) != stored):
            return AuditReport(count, False, seq, prev.hex())
        prev = stored
        expected_seq += 1
    return AuditReport(count, True, None, prev.hex())


def last_wall_time(db: Database) -> str | None:
    row = db.execute("SELECT at FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return row[0] if row else None


def entries(db: Database, limit: int = 100) -> list[dict[str, Any]]:
    rows = db.query(
        "SELECT seq, at, actor, action, record_id, detail FROM audit ORDER BY seq DESC LIMIT ?",
        [limit],
    )
    return [dict(r, detail=json.loads(r["detail"])) for r in rows]
