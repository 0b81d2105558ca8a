"""Encrypted enrollment records: envelope encryption, blind-index lookup, transitions, shredding.

Each record has its own random data key, wrapped by the KEK in `record_keys`, apart from the
ciphertext; deleting that one row makes the record unreadable for good. Plain columns hold only
ids, states, times and counts. Lookups by ID number or name words go through keyed HMAC tokens.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from app.domain.errors import AuthError, InputError
from app.domain.states import Role, State, check_transition, roles_for
from app.store import audit, blind, crypto
from app.store.keys import Keys

CLOCK_SLACK = timedelta(minutes=5)
PLAIN_COLUMNS = "id, seq, state, version, officer_id, created_at, updated_at, clock_flag, " \
                "blob_count, size"


def _aad(kind: str, record_id: str, version: int, name: str = "") -> bytes:
    return f"{kind}|{record_id}|{version}|{name}".encode()


def not_found(record_id: str) -> InputError:
    return InputError("record_not_found", f"Không tìm thấy hồ sơ {record_id}.",
                      f"No record {record_id}.", field="id")


def _index_tokens(keys: Keys, data: dict[str, Any]) -> set[bytes]:
    return blind.entry_tokens(keys.index_key, str(data.get("personal_id") or ""),
                              [str(data.get("full_name") or ""), str(data.get("other_name") or "")])


def _clock_flag(db: Database, now: str) -> int:
    """1 when the wall clock looks wrong: behind what the log has already seen (set back), or
    more than CLOCK_SLACK away from the centre's time at the last contact."""
    last = audit.last_wall_time(db)
    if last and datetime.fromisoformat(now) + CLOCK_SLACK < datetime.fromisoformat(last):
        return 1
    row = db.execute("SELECT clock_offset FROM centre WHERE id = 1").fetchone()
    if row and row[0] is not None and abs(row[0]) > CLOCK_SLACK.total_seconds():
        return 1
    return 0


@dataclass(frozen=True)
class SavedRecord:
    id: str
    version: int
    state: State


def save(db: Database, keys: Keys, data: dict[str, Any], blobs: dict[str, bytes], *,
         officer_id: str, record_id: str | None = None, state: State = State.DRAFT) -> SavedRecord:
    """Create or overwrite a record's content in one transaction: all of it, or none of it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    now = audit.now_iso()
    with db.atomic():
        if record_id is None:
            record_id = str(uuid.uuid4())
            version = 1
            dkey = crypto.random_key()
            seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM records").fetchone()[0]
            action = "create"
        else:
            row = db.execute("SELECT version, state FROM records WHERE id = ?",
                             [record_id]).fetchone()
            if row is None:
                raise not_found(record_id)
            if State(row[1]) not in (State.DRAFT, State.CAPTURED, State.REJECTED):
                raise InputError("record_sealed",
                                 "Hồ sơ đã được duyệt hoặc gửi đi nên không sửa được nữa.",
                                 "The record was approved or sent and can no longer be edited.",
                                 field="state")
            version = row[0] + 1
            dkey = _data_key(db, keys, record_id)
            action = "edit"
        payload = crypto.seal(dkey, text, _aad("rec", record_id, version))
        sealed_blobs = {n: crypto.seal(dkey, b, _aad("blob", record_id, version, n))
                        for n, b in blobs.items()}
        if action == "create":
            db.execute(
                "INSERT INTO records (id, seq, state, version, officer_id, created_at, updated_at, "
                "clock_flag, blob_count, size, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [record_id, seq, state.value, version, officer_id, now, now,
                 _clock_flag(db, now), 0, 0, payload],
            )
            db.execute("INSERT INTO record_keys (record_id, wrapped) VALUES (?, ?)",
                       [record_id, crypto.seal(keys.kek, dkey, _aad("dk", record_id, 0))])
        else:
            db.execute(
                "UPDATE records SET version = ?, updated_at = ?, payload = ?, "
                "clock_flag = MAX(clock_flag, ?) WHERE id = ?",
                [version, now, payload, _clock_flag(db, now), record_id],
            )
        for n, b in sealed_blobs.items():
            db.execute("INSERT OR REPLACE INTO record_blobs (record_id, name, version, data) "
                       "VALUES (?, ?, ?, ?)", [record_id, n, version, b])
        db.execute(
            "UPDATE records SET blob_count = (SELECT COUNT(*) FROM record_blobs "
            "WHERE record_id = ?), size = length(payload) + COALESCE((SELECT SUM(length(data)) "
            "FROM record_blobs WHERE record_id = ?), 0) WHERE id = ?",
            [record_id, record_id, record_id],
        )
        blind.write(db, "record_index", "record_id", record_id, _index_tokens(keys, data))
        audit.append(db, action, officer_id, record_id, version=version, blobs=len(blobs))
    return SavedRecord(record_id, version, state)


def _data_key(db: Database, keys: Keys, record_id: str) -> bytes:
    row = db.execute("SELECT wrapped FROM record_keys WHERE record_id = ?", [record_id]).fetchone()
    if row is None:
        raise InputError("record_shredded", "Hồ sơ này đã bị huỷ vĩnh viễn.",
                         "This record was shredded for good.", field="id")
    return crypto.open_sealed(keys.kek, row[0], _aad("dk", record_id, 0))


def meta(db: Database, record_id: str) -> dict[str, Any]:
    rows = list(db.query(f"SELECT {PLAIN_COLUMNS} FROM records WHERE id = ?", [record_id]))
    if not rows:
        raise not_found(record_id)
    return rows[0]


def load(db: Database, keys: Keys, record_id: str) -> dict[str, Any]:
    """Decrypt a record: plain metadata, the data dict, and the names of its blobs."""
    info = meta(db, record_id)
    payload = db.execute("SELECT payload FROM records WHERE id = ?", [record_id]).fetchone()[0]
    dkey = _data_key(db, keys, record_id)
    data = json.loads(crypto.open_sealed(dkey, payload, _aad("rec", record_id, info["version"])))
    blob_names = [r[0] for r in db.execute(
        "SELECT name FROM record_blobs WHERE record_id = ? ORDER BY name", [record_id])]
    return {**info, "data": data, "blobs": blob_names}


def load_blob(db: Database, keys: Keys, record_id: str, name: str) -> bytes:
    row = db.execute("SELECT version, data FROM record_blobs WHERE record_id = ? AND name = ?",
                     [record_id, name]).fetchone()
    if row is None:
        raise InputError("blob_not_found", f"Hồ sơ không có mục '{name}'.",
                         f"The record has no item '{name}'.", field=name)
    return crypto.open_sealed(_data_key(db, keys, record_id), row[1],
                              _aad("blob", record_id, row[0], name))


def page(db: Database, state: State | None = None, limit: int = 50, offset: int = 0,
         officer_id: str | None = None) -> list[dict[str, Any]]:
    """One page of plain metadata, oldest first; no decryption needed."""
    conds, args = [], []
    if state:
        conds.append("state = ?")
        args.append(state.value)
    if officer_id:
        conds.append("officer_id = ?")
        args.append(officer_id)
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    return list(db.query(f"SELECT {PLAIN_COLUMNS} FROM records {where} ORDER BY seq "
                         f"LIMIT ? OFFSET ?", [*args, limit, offset]))


def counts(db: Database) -> dict[str, int]:
    return {r[0]: r[1] for r in db.execute("SELECT state, COUNT(*) FROM records GROUP BY state")}


def find(db: Database, keys: Keys, text: str) -> list[str]:
    """Record ids matching a 12-digit ID number exactly, or containing every word of a name."""
    return blind.match(db, "record_index", "record_id", blind.query_tokens(keys.index_key, text),
                       join="JOIN records r ON r.id = i.record_id", order="ORDER BY r.seq")


def transition(db: Database, record_id: str, target: State, actor_id: str | None,
               role: Role | None) -> State:
    """Move a record; `role` None means the station itself (sync) makes the move."""
    with db.atomic():
        current = State(meta(db, record_id)["state"])
        check_transition(current, target)
        allowed = roles_for(current, target)
        if allowed is not None and role not in allowed:
            raise AuthError("not_allowed",
                            "Bạn không có quyền thực hiện thao tác này với hồ sơ.",
                            f"Your role may not move a record from {current} to {target}.",
                            field="role")
        if allowed is None and role is not None and role is not Role.ADMIN:
            raise AuthError("not_allowed", "Chỉ trạm (đồng bộ) mới thực hiện được thao tác này.",
                            "Only the station's sync may make this move.", field="state")
        db.execute("UPDATE records SET state = ?, updated_at = ? WHERE id = ?",
                   [target.value, audit.now_iso(), record_id])
        audit.append(db, "transition", actor_id, record_id, **{"from": current.value,
                                                               "to": target.value})
    return target


def save_and_transition(db: Database, keys: Keys, data: dict[str, Any], blobs: dict[str, bytes],
                        *, record_id: str, target: State, actor_id: str,
                        role: Role | None) -> SavedRecord:
    """New content and a state move in one transaction (a signature and the move it makes)."""
    with db.atomic():
        saved = save(db, keys, data, blobs, officer_id=actor_id, record_id=record_id)
        transition(db, record_id, target, actor_id, role)
    return SavedRecord(saved.id, saved.version, target)


def shred(db: Database, record_id: str, actor_id: str | None, checkpoint: bool = True) -> None:
    """Delete the data key, ciphertext and index rows; keep a plain tombstone for the audit."""
    with db.atomic():
        current = State(meta(db, record_id)["state"])
        if current is not State.DRAFT:
            check_transition(current, State.PURGED)
        db.execute("DELETE FROM record_keys WHERE record_id = ?", [record_id])
        db.execute("DELETE FROM record_blobs WHERE record_id = ?", [record_id])
        db.execute("DELETE FROM record_index WHERE record_id = ?", [record_id])
        db.execute("UPDATE records SET state = ?, payload = NULL, blob_count = 0, size = 0, "
                   "updated_at = ? WHERE id = ?", [State.PURGED.value, audit.now_iso(), record_id])
        audit.append(db, "shred", actor_id, record_id, **{"from": current.value})
    if checkpoint and not db.conn.in_transaction:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
