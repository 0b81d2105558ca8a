"""The commune worklist on the station: residents due for a card, encrypted like everything else.

Entries arrive decrypted from the centre's extract (or a synthetic generator in the demo), are
sealed one by one under a KEK-derived key and indexed with the same blind tokens as records, so
the officer can find a resident offline by ID number or by name without diacritics.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from app.store import audit, blind, crypto
from app.store.keys import Keys

PURPOSE = "enroll-station worklist v1"


def _key(keys: Keys) -> bytes:
    return crypto.subkey(keys.kek, PURPOSE)


def replace(db: Database, keys: Keys, batch: str, entries: Iterable[dict[str, Any]],
            actor: str | None) -> int:
    """Swap the whole worklist for a new extract in one transaction; returns the entry count."""
    key = _key(keys)
    count = 0
    with db.atomic():
        db.execute("DELETE FROM worklist_index")
        db.execute("DELETE FROM worklist")
        for entry in entries:
            count += 1
            body = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
            db.execute("INSERT INTO worklist (id, batch, payload) VALUES (?, ?, ?)",
                       [count, batch, crypto.seal(key, body, f"wl|{count}".encode())])
            tokens = blind.entry_tokens(keys.index_key, entry.get("personal_id"),
                                        [entry.get("full_name") or ""])
            for token in tokens:
                db.execute("INSERT INTO worklist_index (token, entry_id) VALUES (?, ?)",
                           [token, count])
        audit.append(db, "worklist_import", actor, None, batch=batch, entries=count)
    if not db.conn.in_transaction:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # old entries' pages leave the WAL
    return count


def search(db: Database, keys: Keys, text: str, limit: int = 50) -> list[dict[str, Any]]:
    ids = blind.match(db, "worklist_index", "entry_id", blind.query_tokens(keys.index_key, text),
                      order="ORDER BY i.entry_id", limit=limit)
    key = _key(keys)
    out = []
    for entry_id in ids:
        payload = db.execute("SELECT payload FROM worklist WHERE id = ?", [entry_id]).fetchone()[0]
        out.append(json.loads(crypto.open_sealed(key, payload, f"wl|{entry_id}".encode())))
    return out


def info(db: Database) -> dict[str, Any]:
    row = db.execute("SELECT COUNT(*), MAX(batch) FROM worklist").fetchone()
    return {"entries": row[0], "batch": row[1]}
