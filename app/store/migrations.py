"""Named schema migrations, applied in order at open (sqlite-utils' Migrations).

Never edit or rename a migration that has shipped: add a new one. A database that has applied a
migration this code does not know was written by a newer version and is refused, not guessed at.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("enroll-station")
NAMES: list[str] = []


def _migration(name: str):
    NAMES.append(name)
    return migrations(name=name)


@_migration("0001_initial")
def m0001_initial(db: Database) -> None:
    db.execute(
        """CREATE TABLE station (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            station_id TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL,
            sign_pub BLOB NOT NULL,
            sign_priv_wrapped BLOB NOT NULL,
            kek_check BLOB NOT NULL,
            recovery_pub BLOB,
            kek_recovery BLOB
        )"""
    )
    db.execute(
        """CREATE TABLE users (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
            created_at TEXT NOT NULL,
            salt BLOB NOT NULL,
            kdf TEXT NOT NULL,
            kek_wrapped BLOB NOT NULL,
            sign_pub BLOB NOT NULL,
            sign_priv_wrapped BLOB NOT NULL,
            failed INTEGER NOT NULL DEFAULT 0,
            locked_until REAL NOT NULL DEFAULT 0,
            disabled INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute(
        """CREATE TABLE records (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            state TEXT NOT NULL,
            version INTEGER NOT NULL,
            officer_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            clock_flag INTEGER NOT NULL DEFAULT 0,
            blob_count INTEGER NOT NULL DEFAULT 0,
            size INTEGER NOT NULL DEFAULT 0,
            payload BLOB
        )"""
    )
    db.execute("CREATE INDEX records_state_seq ON records (state, seq)")
    db.execute("CREATE TABLE record_keys (record_id TEXT PRIMARY KEY, wrapped BLOB NOT NULL)")
    db.execute(
        """CREATE TABLE record_blobs (
            record_id TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (record_id, name)
        )"""
    )
    db.execute("CREATE TABLE record_index (token BLOB NOT NULL, record_id TEXT NOT NULL)")
    db.execute("CREATE INDEX record_index_token ON record_index (token, record_id)")
    db.execute("CREATE INDEX record_index_record ON record_index (record_id)")
    db.execute(
        """CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            mono REAL NOT NULL,
            actor TEXT,
            action TEXT NOT NULL,
            record_id TEXT,
            detail TEXT NOT NULL,
            prev BLOB NOT NULL,
            hash BLOB NOT NULL
        )"""
    )
    # Append-only at the SQL level too: an edit needs a deliberate trigger drop, and the hash
    # chain still catches an edit made to the file itself.
    db.execute(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )


@_migration("0002_worklist")
def m0002_worklist(db: Database) -> None:
    db.execute(
        """CREATE TABLE worklist (
            id INTEGER PRIMARY KEY,
            batch TEXT NOT NULL,
            payload BLOB NOT NULL
        )"""
    )
    db.execute("CREATE TABLE worklist_index (token BLOB NOT NULL, entry_id INTEGER NOT NULL)")
    db.execute("CREATE INDEX worklist_index_token ON worklist_index (token, entry_id)")
    db.execute("CREATE INDEX worklist_index_entry ON worklist_index (entry_id)")


@_migration("0003_centre_outbox")
def m0003_centre_outbox(db: Database) -> None:
    db.execute(
        """CREATE TABLE centre (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            server_url TEXT,
            keys_doc TEXT NOT NULL,
            credential BLOB,
            registered_at TEXT NOT NULL,
            status_cursor INTEGER NOT NULL DEFAULT 0,
            last_contact TEXT,
            clock_offset REAL
        )"""
    )
    # Sealed packets waiting for, or done with, the centre. The envelope is HPKE-sealed to the
    # centre (the station itself cannot open it); receipts hold ids and hashes only.
    db.execute(
        """CREATE TABLE outbox (
            record_id TEXT PRIMARY KEY,
            envelope BLOB,
            envelope_sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            centre_kid TEXT NOT NULL,
            upload_url TEXT,
            offset INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            receipt TEXT,
            exported_to TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )


@_migration("0004_sync_state")
def m0004_sync_state(db: Database) -> None:
    for column in ("station_commune TEXT", "box_key BLOB", "registration TEXT",
                   "master_version INTEGER NOT NULL DEFAULT 0",
                   "worklist_version INTEGER NOT NULL DEFAULT 0",
                   "key_sequence INTEGER NOT NULL DEFAULT 0"):
        db.execute(f"ALTER TABLE centre ADD COLUMN {column}")
    db.execute("ALTER TABLE outbox ADD COLUMN centre_status TEXT")
    db.execute("ALTER TABLE outbox ADD COLUMN centre_reason TEXT")
    # Signed master-data bundles from the centre (code lists, units, thresholds): no personal data.
    db.execute("CREATE TABLE master_bundles (version INTEGER PRIMARY KEY, doc TEXT NOT NULL, "
               "applied_at TEXT NOT NULL)")
