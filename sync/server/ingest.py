"""Turn a completed upload into a stored packet and a signed receipt, exactly once.

Order matters (the product rule "a forged or altered packet is never accepted"):
1. structure only (split_envelope) to learn the claimed station; unknown or revoked -> refused;
2. verify_envelope: payload size + SHA-256 and the station's header signature against the
   REGISTERED key, before any decryption;
3. the same packet id already stored: same envelope bytes -> the stored receipt, byte for byte;
   other bytes -> refused as a conflict (never overwritten);
4. open_packet: decrypt with the key the header names (old kids stay after rotation), check the
   archive, manifest, officer/supervisor/station signatures against registered keys, AN2;
5. hard-link the file as packets/<sha256>.pkt, then store the row and the first receipt in one
   transaction; the caller removes the upload afterwards.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.packets.archive import sha256_hex
from app.packets.envelope import split_envelope
from app.packets.errors import PacketError
from app.packets.receipt import issue_receipt
from app.packets.verify import open_packet, verify_envelope
from sync.server.centre import Centre, refused


def _rejected(exc: PacketError) -> Exception:
    return refused(422, exc.code, exc.en, exc.vi, exc.field)


def stored_receipt(centre: Centre, packet_id: str, envelope_sha256: str) -> dict[str, Any] | None:
    """The stored receipt for exactly these bytes; a conflict if other bytes hold the id."""
    row = centre.db.one("SELECT envelope_sha256, receipt FROM packets WHERE packet_id=?",
                        packet_id)
    if row is None:
        return None
    if row["envelope_sha256"] != envelope_sha256:
        raise refused(409, "packet_conflict",
                      f"the centre already holds packet {packet_id} with different content "
                      "(another envelope); it is never replaced",
                      f"trung tâm đã có gói tin {packet_id} với nội dung khác; gói tin không "
                      "bao giờ bị thay thế", "packet_id")
    return json.loads(row["receipt"])


def ingest(centre: Centre, path: Path, uploader: str, claimed_packet_id: str) -> dict[str, Any]:
    """Verify, store once, and return the receipt wire {receipt, signature}."""
    data = path.read_bytes()
    sha = sha256_hex(data)
    try:
        header = split_envelope(data).header
    except PacketError as exc:
        raise _rejected(exc) from exc
    station = centre.station(header.station_id)
    if station is None:
        raise refused(403, "station_unknown", f"station {header.station_id} is not registered",
                      f"trạm {header.station_id} chưa được đăng ký", "station_id")
    if station["revoked_at"] is not None:
        raise refused(403, "station_revoked", f"station {header.station_id} has been revoked",
                      f"trạm {header.station_id} đã bị thu hồi", "station_id")
    lookup = centre.lookup_for(header.station_id)
    try:
        verify_envelope(data, lookup)
    except PacketError as exc:
        raise _rejected(exc) from exc
    if header.packet_id != claimed_packet_id:
        raise refused(422, "packet_id_mismatch", "Upload-Metadata packet_id differs from the "
                      "envelope header", "packet_id trong Upload-Metadata khác với phong bì",
                      "packet_id")
    existing = stored_receipt(centre, header.packet_id, sha)
    if existing is not None:
        return existing
    try:
        open_packet(data, centre.keys, lookup)
    except PacketError as exc:
        raise _rejected(exc) from exc
    wire = issue_receipt(data, header.packet_id, centre.keys.receipt_key, datetime.now(UTC))
    target = centre.data_dir / "packets" / f"{sha}.pkt"
    if not target.exists():  # content-addressed: link first, so a crash leaves no row w/o file
        os.link(path, target)
        _fsync_dir(target.parent)
    try:
        with centre.db.tx() as c:
            c.execute("INSERT INTO packets(packet_id, envelope_sha256, station_id, uploader, "
                      "size, centre_key_id, received_at, receipt, status) VALUES "
                      "(?, ?, ?, ?, ?, ?, ?, ?, 'received')",
                      (header.packet_id, sha, header.station_id, uploader, len(data),
                       header.centre_key_id, wire["receipt"]["received_at"], json.dumps(wire)))
            centre.add_event(c, header.packet_id, header.station_id, "received", None)
    except sqlite3.IntegrityError:  # the same packet completed concurrently: answer as stored
        again = stored_receipt(centre, header.packet_id, sha)
        assert again is not None
        return again
    return wire


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
