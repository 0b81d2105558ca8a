"""The reference centre's embedded SQLite database (stdlib sqlite3, WAL, one lock per process).

Upload bytes live in files (DATA/uploads/<id>.part, DATA/packets/<sha256>.pkt); the database holds
only ids, hashes, states, receipts and the signed documents. Several processes (the server and an
admin command) may share the file: WAL plus a busy timeout serialise them.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS tokens(
  token_sha256 TEXT PRIMARY KEY, commune TEXT NOT NULL, created_at TEXT NOT NULL,
  expires_at REAL NOT NULL, used_at TEXT, used_by TEXT);
CREATE TABLE IF NOT EXISTS stations(
  station_id TEXT PRIMARY KEY, commune TEXT NOT NULL, sign_key TEXT NOT NULL,
  box_key TEXT NOT NULL, access_sha256 TEXT NOT NULL, registered_at TEXT NOT NULL,
  via TEXT NOT NULL, revoked_at TEXT, revoke_reason TEXT);
CREATE TABLE IF NOT EXISTS station_keys(
  station_id TEXT NOT NULL, role TEXT NOT NULL, signer_id TEXT NOT NULL, key_id TEXT NOT NULL,
  public_key TEXT NOT NULL, added_at TEXT NOT NULL,
  PRIMARY KEY(station_id, role, signer_id, key_id));
CREATE TABLE IF NOT EXISTS uploads(
  upload_id TEXT PRIMARY KEY, uploader TEXT NOT NULL, packet_id TEXT NOT NULL,
  envelope_sha256 TEXT, length INTEGER NOT NULL, created_at TEXT NOT NULL,
  expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS packets(
  packet_id TEXT PRIMARY KEY, envelope_sha256 TEXT NOT NULL, station_id TEXT NOT NULL,
  uploader TEXT NOT NULL, size INTEGER NOT NULL, centre_key_id TEXT NOT NULL,
  received_at TEXT NOT NULL, receipt TEXT NOT NULL, status TEXT NOT NULL, reason TEXT);
CREATE TABLE IF NOT EXISTS events(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, packet_id TEXT NOT NULL, station_id TEXT NOT NULL,
  status TEXT NOT NULL, reason TEXT, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS master_data(
  version INTEGER PRIMARY KEY, wire TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS worklists(
  commune TEXT NOT NULL, version INTEGER NOT NULL, body BLOB NOT NULL,
  PRIMARY KEY(commune, version));
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class CentreDB:
    """A locked sqlite3 connection with small helpers; `tx()` is one write transaction."""

    def __init__(self, path: Path) -> None:
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None,
                                     timeout=10.0)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.executescript(SCHEMA)

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def one(self, sql: str, *args: Any) -> sqlite3.Row | None:
        with self._lock:
            return self._conn.execute(sql, args).fetchone()

    def all(self, sql: str, *args: Any) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    def close(self) -> None:
        with self._lock:
            self._conn.close()
