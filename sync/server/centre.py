"""The reference centre's state behind the HTTP API: keys, stations, tokens, statuses, pulls.

Everything here works on a data directory (DATA/centre.sqlite3, DATA/keys/, DATA/uploads/,
DATA/packets/), so the admin commands (`server token`, rotate, revoke, mark) and a running
server share it. Packet ingest is in ingest.py; provisioning documents in provisioning.py.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.packets.archive import sha256_hex
from app.packets.inputs import ID_RE
from app.packets.keydir import PUBLIC_FILE, read_key_dir, write_key_dir, write_trusted
from app.packets.keys import CentreKeys, KeyLookup, TrustedKeys, VerifyKey, b64, unb64
from sync.common.signed import seal_to_station, sign_document
from sync.errors import Refused
from sync.server.db import CentreDB

FEED_STATUSES = ("received", "accepted", "returned")
MAX_UPLOAD = 16 * 1024 * 1024
UPLOAD_TTL = 24 * 3600.0
TOKEN_TTL = 30 * 24 * 3600.0


def now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def refused(status: int, code: str, en: str, vi: str, field: str | None = None) -> Refused:
    return Refused(code, vi, en, field, status)


class Centre:
    """One centre on disk. Thread-safe (the DB lock serialises writes)."""

    def __init__(self, data_dir: Path, max_upload: int = MAX_UPLOAD,
                 upload_ttl: float = UPLOAD_TTL) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        for sub in ("uploads", "packets"):
            (self.data_dir / sub).mkdir(mode=0o700, exist_ok=True)
        if not (self.data_dir / "keys" / PUBLIC_FILE).exists():
            write_key_dir(self.data_dir, CentreKeys.generate())
        self.max_upload = max_upload
        self.upload_ttl = upload_ttl
        self.db = CentreDB(self.data_dir / "centre.sqlite3")
        self._keys: CentreKeys | None = None
        self._keys_stamp = -1

    # --- keys ---------------------------------------------------------------------------
    @property
    def keys(self) -> CentreKeys:
        """The centre keys, reloaded when another process rotated them."""
        stamp = (self.data_dir / "keys" / PUBLIC_FILE).stat().st_mtime_ns
        if self._keys is None or stamp != self._keys_stamp:
            self._keys, self._keys_stamp = read_key_dir(self.data_dir), stamp
        return self._keys

    def rotate_keys(self) -> str:
        """New current HPKE key; old ones stay so packets sealed to them still open."""
        keys = read_key_dir(self.data_dir)
        new = keys.rotate()
        write_key_dir(self.data_dir, keys)
        self._bump("key_sequence")
        return new.key_id

    def _bump(self, name: str) -> int:
        with self.db.tx() as c:
            row = c.execute("SELECT value FROM meta WHERE key=?", (name,)).fetchone()
            value = int(row["value"]) + 1 if row else 1
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (name, str(value)))
        return value

    def _meta_int(self, name: str) -> int:
        row = self.db.one("SELECT value FROM meta WHERE key=?", name)
        return int(row["value"]) if row else 0

    def key_update(self) -> dict[str, Any]:
        """Signed statement of the current centre keys and the revoked stations."""
        revoked = [r["station_id"] for r in self.db.all(
            "SELECT station_id FROM stations WHERE revoked_at IS NOT NULL ORDER BY station_id")]
        doc = {"format": "enroll-station/key-update", "sequence": self._meta_int("key_sequence"),
               "issued_at": now_text(), "centre": self.keys.public_document(),
               "revoked_stations": revoked}
        return sign_document("key-update", doc, self.keys.receipt_key)

    # --- tokens and stations --------------------------------------------------------------
    def issue_token(self, commune: str, ttl: float = TOKEN_TTL) -> str:
        if not isinstance(commune, str) or not ID_RE.match(commune):
            raise refused(400, "commune_invalid", "commune code must be 1-64 characters "
                          "A-Z a-z 0-9 . _ -", "mã xã phải gồm 1-64 ký tự A-Z a-z 0-9 . _ -",
                          "commune")
        token = "est_" + secrets.token_urlsafe(24)
        with self.db.tx() as c:
            c.execute("INSERT INTO tokens(token_sha256, commune, created_at, expires_at) "
                      "VALUES (?, ?, ?, ?)", (token_hash(token), commune, now_text(),
                                              time.time() + ttl))
        return token

    def station(self, station_id: str):
        return self.db.one("SELECT * FROM stations WHERE station_id=?", station_id)

    def authenticate(self, authorization: str | None):
        """Bearer access token -> the station row; 401 unknown, 403 revoked."""
        if not authorization or not authorization.startswith("Bearer "):
            raise refused(401, "auth_required", "a station access token is required",
                          "cần mã truy cập của trạm", "authorization")
        row = self.db.one("SELECT * FROM stations WHERE access_sha256=?",
                          token_hash(authorization[7:].strip()))
        if row is None:
            raise refused(401, "auth_invalid", "the access token is not known",
                          "mã truy cập không hợp lệ", "authorization")
        if row["revoked_at"] is not None:
            raise refused(403, "station_revoked", "this station has been revoked by the centre",
                          "trạm này đã bị trung tâm thu hồi", "station")
        return row

    def revoke(self, station_id: str, reason: str = "revoked") -> None:
        with self.db.tx() as c:
            cur = c.execute("UPDATE stations SET revoked_at=?, revoke_reason=? WHERE "
                            "station_id=? AND revoked_at IS NULL", (now_text(), reason,
                                                                      station_id))
            if cur.rowcount != 1:
                raise refused(404, "station_unknown", "no such active station",
                              "không có trạm đang hoạt động này", "station")
        self._bump("key_sequence")
        self.export_trusted()

    def register_signers(self, station_id: str, entries: list[dict[str, str]]) -> int:
        """Record the officer/supervisor public keys a station vouches for (idempotent)."""
        rows = []
        for e in entries:
            if not isinstance(e, dict) or e.get("role") not in ("officer", "supervisor") \
                    or not isinstance(e.get("signer_id"), str) or not e["signer_id"]:
                raise refused(400, "signer_invalid", "each entry needs role officer|supervisor, "
                              "signer_id and public_key", "mỗi mục cần role, signer_id và "
                              "public_key", "signers")
            try:
                key = VerifyKey.from_b64(e.get("public_key", ""))
            except Exception as exc:
                raise refused(400, "signer_invalid", "public_key is not an Ed25519 key",
                              "public_key không phải khóa Ed25519", "signers") from exc
            rows.append((station_id, e["role"], e["signer_id"], key.key_id, key.to_b64(),
                         now_text()))
        with self.db.tx() as c:
            c.executemany("INSERT OR IGNORE INTO station_keys VALUES (?, ?, ?, ?, ?, ?)", rows)
        self.export_trusted()
        return len(rows)

    def export_trusted(self) -> None:
        """Mirror active station and signer keys to keys/trusted-signers.json, so
        `verify-packet --central-keys DATA` checks trust and not only consistency."""
        trusted = TrustedKeys()
        for row in self.db.all("SELECT station_id, sign_key FROM stations WHERE revoked_at IS "
                               "NULL"):
            trusted.add("station", row["station_id"], VerifyKey.from_b64(row["sign_key"]))
        for row in self.db.all("SELECT k.role, k.signer_id, k.public_key FROM station_keys k "
                               "JOIN stations s USING(station_id) WHERE s.revoked_at IS NULL"):
            trusted.add(row["role"], row["signer_id"], VerifyKey.from_b64(row["public_key"]))
        write_trusted(self.data_dir, trusted)

    def lookup_for(self, station_id: str) -> KeyLookup:
        """The trust list for packets from `station_id` (None for revoked/unknown keys)."""
        def lookup(role: str, signer_id: str, kid: str) -> VerifyKey | None:
            if role == "station":
                row = self.station(signer_id)
                if row is None or row["revoked_at"] is not None or signer_id != station_id:
                    return None
                key = VerifyKey.from_b64(row["sign_key"])
                return key if key.key_id == kid else None
            row = self.db.one("SELECT public_key FROM station_keys WHERE station_id=? AND "
                              "role=? AND signer_id=? AND key_id=?", station_id, role,
                              signer_id, kid)
            return VerifyKey.from_b64(row["public_key"]) if row else None
        return lookup

    # --- statuses --------------------------------------------------------------------------
    def add_event(self, c, packet_id: str, station_id: str, status: str,
                  reason: str | None) -> None:
        c.execute("INSERT INTO events(packet_id, station_id, status, reason, at) "
                  "VALUES (?, ?, ?, ?, ?)", (packet_id, station_id, status, reason, now_text()))

    def mark(self, packet_id: str, status: str, reason: str | None = None) -> None:
        """Simulate card production: a packet is accepted, or returned (re-enroll) with a reason."""
        if status not in ("accepted", "returned"):
            raise refused(400, "status_invalid", "status must be accepted or returned",
                          "trạng thái phải là accepted hoặc returned", "status")
        if status == "returned" and not reason:
            raise refused(400, "reason_required", "a returned packet needs a reason",
                          "gói tin bị trả lại cần lý do", "reason")
        with self.db.tx() as c:
            row = c.execute("SELECT station_id FROM packets WHERE packet_id=?",
                            (packet_id,)).fetchone()
            if row is None:
                raise refused(404, "packet_unknown", "the centre holds no such packet",
                              "trung tâm không có gói tin này", "packet_id")
            c.execute("UPDATE packets SET status=?, reason=? WHERE packet_id=?",
                      (status, reason, packet_id))
            self.add_event(c, packet_id, row["station_id"], status, reason)

    def events(self, station_id: str, since: int, limit: int = 500) -> dict[str, Any]:
        rows = self.db.all("SELECT * FROM events WHERE station_id=? AND seq>? ORDER BY seq "
                           "LIMIT ?", station_id, since, limit)
        events = [{"seq": r["seq"], "packet_id": r["packet_id"], "status": r["status"],
                   "reason": r["reason"], "at": r["at"]} for r in rows]
        return {"events": events, "cursor": events[-1]["seq"] if events else since,
                "more": len(rows) == limit}

    # --- master data and worklists -----------------------------------------------------------
    def publish_master_data(self, data: dict[str, Any]) -> int:
        with self.db.tx() as c:
            row = c.execute("SELECT MAX(version) AS v FROM master_data").fetchone()
            version = (row["v"] or 0) + 1
            doc = {"format": "enroll-station/master-data", "version": version,
                   "published_at": now_text(), "data": data}
            wire = sign_document("master-data", doc, self.keys.receipt_key)
            c.execute("INSERT INTO master_data(version, wire) VALUES (?, ?)",
                      (version, json.dumps(wire)))
        return version

    def master_data(self, since: int) -> dict[str, Any] | None:
        row = self.db.one("SELECT wire FROM master_data WHERE version>? ORDER BY version DESC "
                          "LIMIT 1", since)
        return json.loads(row["wire"]) if row else None

    def publish_worklist(self, commune: str, entries: list[dict[str, Any]]) -> int:
        body = json.dumps({"entries": entries}, ensure_ascii=False).encode("utf-8")
        with self.db.tx() as c:
            row = c.execute("SELECT MAX(version) AS v FROM worklists WHERE commune=?",
                            (commune,)).fetchone()
            version = (row["v"] or 0) + 1
            c.execute("INSERT INTO worklists(commune, version, body) VALUES (?, ?, ?)",
                      (commune, version, body))
        return version

    def worklist_for(self, station, since: int) -> dict[str, Any] | None:
        """The commune's latest worklist, sealed to this station's X25519 key and signed."""
        row = self.db.one("SELECT version, body FROM worklists WHERE commune=? AND version>? "
                          "ORDER BY version DESC LIMIT 1", station["commune"], since)
        if row is None:
            return None
        sealed = seal_to_station(bytes(row["body"]), unb64(station["box_key"], "box_key", 32),
                                 "worklist", station["station_id"], row["version"])
        doc = {"format": "enroll-station/worklist", "station_id": station["station_id"],
               "commune": station["commune"], "version": row["version"],
               "issued_at": now_text(), "payload_sha256": sha256_hex(sealed),
               "payload_size": len(sealed)}
        wire = sign_document("worklist", doc, self.keys.receipt_key)
        wire["payload"] = b64(sealed)
        return wire

    def close(self) -> None:
        self.db.close()
