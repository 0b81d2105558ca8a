"""Approved records become sealed packets; packets leave by network (sync) or by USB stick.

USB export writes each envelope and a batch manifest signed by the station, then reads every
file back from the stick and checks it against the manifest before anything is marked exported:
a stick that lies or was pulled early is caught here, not at the district office.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.domain.errors import AuthError, InputError, StorageError
from app.domain.states import State
from app.packets.archive import canonical
from app.packets.keys import CentrePublic, VerifyKey, b64, unb64
from app.services import packaging
from app.services.station import Session
from app.store import centre, outbox

BATCH_FORMAT = "enroll-station/usb-batch"
MANIFEST = "batch-manifest.json"
SIGNATURE = "batch-manifest.sig"
SIG_CONTEXT = b"enroll-station/usb-batch/v1\x00"


def centre_public(session: Session) -> CentrePublic:
    info = session.station.store.run(centre.centre)
    return CentrePublic.from_document(info["keys_doc"])


def register_centre(session: Session, keys_doc: dict[str, Any], server_url: str | None = None,
                    credential: str | None = None) -> None:
    """Remember the centre's public keys (checked) and, when online, how to reach it."""
    CentrePublic.from_document(keys_doc)
    if session.user.role.value != "admin":
        raise AuthError("not_allowed", "Chỉ quản trị viên mới đăng ký trạm với trung tâm.",
                        "Only an administrator registers the station with the centre.",
                        field="role")
    session.station.store.run(centre.register, session._k(write=True), keys_doc, server_url,
                              credential, session.user.id)


def queue_approved(session: Session) -> list[str]:
    """Seal every approved record to the centre's current key and move it to `queued`."""
    centre_keys = centre_public(session)
    station_id = session.station_id()
    station_key = session.station_signing_key()
    done = []
    for meta in session.station.list_records(State.APPROVED, 10_000, 0):
        rec = session.show(meta["id"])
        blobs = session.blobs(meta["id"])
        contents = packaging.contents_for(rec, blobs, station_id)
        built = packaging.seal(contents, rec["data"]["_signatures"], station_id, station_key,
                               centre_keys.current)
        session.station.require_sound()
        session.station.store.run(outbox.enqueue, meta["id"], built.envelope,
                                  built.envelope_sha256, built.centre_key_id)
        done.append(meta["id"])
    return done


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def export_to(session: Session, folder: Path) -> dict[str, Any]:
    """Write undelivered packets and a signed manifest to `folder`, verify, then mark them."""
    queue_approved(session)
    rows = [r for r in session.station.store.run(outbox.pending)]
    if not rows:
        raise InputError("nothing_to_export", "Không có gói nào chờ gửi để xuất.",
                         "There is no packet waiting to be sent.", field="outbox")
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        entries = []
        for row in rows:
            env = session.station.store.run(outbox.envelope, row["record_id"])
            rec = session.show(row["record_id"])
            name = f"{row['record_id']}.pkt"
            _write(folder / name, env)
            approval = rec["data"].get("_approval") or {}
            entries.append({"packet_id": row["record_id"], "file": name, "size": len(env),
                            "sha256": row["envelope_sha256"], "officer_id": rec["officer_id"],
                            "supervisor_id": approval.get("supervisor_id")})
        manifest = {"format": BATCH_FORMAT, "version": 1, "station_id": session.station_id(),
                    "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "exported_by": session.user.id, "count": len(entries), "packets": entries}
        body = canonical(manifest)
        key = packaging.signing_key(session.station_signing_key())
        sig = {"key_id": key.key_id, "public_key": key.verify_key.to_b64(),
               "signature": b64(key.sign(SIG_CONTEXT + body))}
        _write(folder / MANIFEST, body)
        _write(folder / SIGNATURE, canonical(sig))
    except OSError as exc:
        raise StorageError("export_failed", f"Không ghi được vào {folder}: {exc.strerror}.",
                           f"Cannot write to {folder}: {exc.strerror}.", field="to") from None
    report = verify_batch(folder)  # read back from the stick, not from memory
    session.station.store.run(outbox.mark_exported, [e["packet_id"] for e in entries],
                              str(folder))
    return report


def verify_batch(folder: Path) -> dict[str, Any]:
    """Check a batch folder: manifest signature, then every file's size and SHA-256."""
    folder = Path(folder)
    try:
        body = (folder / MANIFEST).read_bytes()
        sig = json.loads((folder / SIGNATURE).read_bytes())
        manifest = json.loads(body)
    except (OSError, ValueError):
        raise InputError("batch_unreadable", f"Không đọc được bản kê lô trong {folder}.",
                         f"No readable batch manifest in {folder}.", field="from") from None
    key = VerifyKey.from_b64(sig["public_key"])
    if key.key_id != sig["key_id"] or not key.verify(unb64(sig["signature"], "signature"),
                                                      SIG_CONTEXT + body):
        raise InputError("batch_signature", "Chữ ký của bản kê lô không hợp lệ.",
                         "The batch manifest's signature does not verify.", field="from")
    bad = []
    for e in manifest["packets"]:
        try:
            data = (folder / e["file"]).read_bytes()
        except OSError:
            bad.append(e["file"])
            continue
        if len(data) != e["size"] or hashlib.sha256(data).hexdigest() != e["sha256"]:
            bad.append(e["file"])
    if bad:
        raise InputError("batch_corrupt",
                         f"{len(bad)} tệp gói trong lô bị thiếu hoặc hỏng: {', '.join(bad[:3])}.",
                         f"{len(bad)} packet file(s) missing or damaged: {', '.join(bad[:3])}.",
                         field="from")
    return {"station_id": manifest["station_id"], "count": manifest["count"],
            "station_key_id": sig["key_id"], "packets": manifest["packets"], "verified": True}


RETENTION_DAYS = 30


def purge(session: Session, retention_days: int = RETENTION_DAYS,
          now: datetime | None = None) -> list[str]:
    """Shred delivered records whose receipt is older than the retention period."""
    if session.user.role.value not in ("admin", "supervisor"):
        raise AuthError("not_allowed", "Chỉ quản trị viên hoặc cán bộ duyệt được xoá dữ liệu.",
                        "Only an administrator or a supervisor may purge.", field="role")
    session._k(write=True)
    before = ((now or datetime.now(UTC)) - timedelta(days=retention_days)).isoformat()
    ids = session.station.store.run(outbox.purgeable, before)
    for rid in ids:
        session.station.store.run(outbox.purge, rid, session.user.id)
    if ids:
        session.station.store.run(lambda db: db.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
    return ids
