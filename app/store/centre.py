"""What the station knows of its centre: registration, keys, secrets, cursors, master data.

The access token and the station's X25519 key (worklists are sealed to it) are secrets and stay
sealed under the KEK; the centre's public keys and the cursors are not secret.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app.domain.errors import InputError
from app.store import audit, crypto
from app.store.keys import Keys


def not_provisioned() -> InputError:
    return InputError("not_provisioned",
                      "Trạm chưa được đăng ký với trung tâm: chạy 'enroll-station provision'.",
                      "The station is not registered with the centre yet: run "
                      "'enroll-station provision'.", field="centre")


def register(db: Database, keys: Keys, keys_doc: dict[str, Any], server_url: str | None,
             credential: str | None, actor: str | None, *, commune: str | None = None,
             box_key: bytes | None = None, registration: dict[str, Any] | None = None) -> None:
    with db.atomic():
        sealed = (crypto.seal(keys.kek, credential.encode(), b"centre-credential")
                  if credential else None)
        box = crypto.seal(keys.kek, box_key, b"station-box-key") if box_key else None
        db.execute("DELETE FROM centre")
        db.execute("INSERT INTO centre (id, server_url, keys_doc, credential, registered_at, "
                   "station_commune, box_key, registration) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
                   [server_url, json.dumps(keys_doc, sort_keys=True), sealed, audit.now_iso(),
                    commune, box, json.dumps(registration) if registration else None])
        audit.append(db, "provision", actor, None, online=server_url is not None)


def centre(db: Database, keys: Keys | None = None) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM centre WHERE id = 1"))
    if not rows:
        raise not_provisioned()
    row = rows[0]
    out = {k: row[k] for k in ("server_url", "registered_at", "status_cursor", "last_contact",
                               "clock_offset", "station_commune", "master_version",
                               "worklist_version", "key_sequence")}
    out["keys_doc"] = json.loads(row["keys_doc"])
    if keys is not None and row["credential"]:
        out["credential"] = crypto.open_sealed(keys.kek, row["credential"],
                                               b"centre-credential").decode()
    if keys is not None and row["box_key"]:
        out["box_key"] = crypto.open_sealed(keys.kek, row["box_key"], b"station-box-key")
    return out


def update_centre(db: Database, **fields: Any) -> None:
    allowed = {"status_cursor", "last_contact", "clock_offset", "keys_doc", "master_version",
               "worklist_version", "key_sequence"}
    sets = {k: (json.dumps(v, sort_keys=True) if k == "keys_doc" else v)
            for k, v in fields.items() if k in allowed}
    if sets:
        db.execute(f"UPDATE centre SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = 1",
                   list(sets.values()))


def add_master_bundle(db: Database, version: int, doc: dict[str, Any]) -> None:
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO master_bundles (version, doc, applied_at) "
                   "VALUES (?, ?, ?)", [version, json.dumps(doc, ensure_ascii=False),
                                        audit.now_iso()])
        update_centre(db, master_version=version)


def master_bundles(db: Database) -> list[dict[str, Any]]:
    """The data bundles (a bundle that only announces a software version has no `kind`)."""
    docs = [json.loads(r[0]) for r in
            db.execute("SELECT doc FROM master_bundles ORDER BY version")]
    return [d for d in docs if "kind" in d]


def app_notice(db: Database) -> dict[str, Any] | None:
    """The newest software-version announcement the centre's master data carried, if any."""
    for (doc,) in db.execute("SELECT doc FROM master_bundles ORDER BY version DESC"):
        notice = json.loads(doc).get("app")
        if isinstance(notice, dict):
            return notice
    return None
