"""The station's side of sync: provisioning, one pass (`sync --once`), the background worker.

The protocol pieces live in sync/ and never see the store; this module is the bridge. Every
hook applies what it receives together with its cursor in one store transaction, and a packet
becomes `delivered` only through `outbox.delivered`, called with a receipt the uploader has
already checked (centre signature, packet id, SHA-256 of exactly the bytes sent).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from app.domain.errors import AuthError, InputError, StationError
from app.domain.masterdata import load_master
from app.packets.keys import CentrePublic, VerifyKey
from app.services import outbox as outbox_service
from app.services import packaging, version
from app.services.station import Session
from app.store import audit, centre, outbox, worklist
from sync.client import http
from sync.client.http import CentreClient
from sync.client.provision import import_bundle, provision_online, registration_request
from sync.client.pulls import KeyUpdate, MasterData, StatusPage, Worklist, register_signers
from sync.client.session import Outgoing, SyncReport, sync_once
from sync.client.tus import Progress, UploadResult, UploadSettings
from sync.errors import BadCentreDocument, Refused, SyncError

http.USER_AGENT = f"enroll-station/{version.version()} sync/1"  # the centre sees our version


def _raw(box: X25519PrivateKey) -> bytes:
    return box.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def _require_admin(session: Session) -> None:
    if session.user.role.value != "admin":
        raise AuthError("not_allowed", "Chỉ quản trị viên mới đăng ký trạm với trung tâm.",
                        "Only an administrator registers the station with the centre.",
                        field="role")


def provision(session: Session, server_url: str, token: str,
              commune: str | None = None) -> dict[str, Any]:
    """Redeem a one-time token: the centre learns our keys, we learn its keys and a credential.
    Without `commune` the station takes the one the token was issued for."""
    _require_admin(session)
    box = X25519PrivateKey.generate()
    station_id = session.station_id()
    sign_key = packaging.signing_key(session.station_signing_key())
    try:
        p = provision_online(server_url, token, station_id, commune, sign_key, box)
    except SyncError as exc:
        raise _sync_problem(exc) from None
    session.station.store.run(centre.register, session._k(write=True), p.centre_document,
                              server_url, p.access_token, session.user.id, commune=p.commune,
                              box_key=_raw(box), registration=p.registration)
    _register_signers(session, server_url, p.access_token)
    return {"station_id": station_id, "commune": p.commune, "server": server_url,
            "centre_key_id": p.centre.current.key_id, "clock_offset_s": p.clock_offset_s}


def _register_signers(session: Session, server_url: str | None, access: str) -> None:
    if not server_url:
        return
    try:  # officers known now are registered now, so USB-carried packets are accepted
        with CentreClient(server_url, access) as client:
            register_signers(client, _signers(session))
    except SyncError:
        pass  # the next sync pass registers them


def _offline_box_key(session: Session) -> X25519PrivateKey:
    """The X25519 key an offline request registers, derived (HKDF, own label) from the station
    signing key: nothing is pending between request and bundle, and a lost request file can
    be written again with the same keys."""
    seed = session.station_signing_key().private_bytes(Encoding.Raw, PrivateFormat.Raw,
                                                       NoEncryption())
    raw = HKDF(hashes.SHA256(), 32, salt=None,
               info=b"enroll-station/offline-provisioning/box-key/v1").derive(seed)
    return X25519PrivateKey.from_private_bytes(raw)


def provision_request(session: Session, commune: str | None = None) -> dict[str, Any]:
    """The station-signed registration request to carry to the centre on USB (public keys
    only: the file holds no secret). The centre turns it into a bundle for `provision_bundle`."""
    _require_admin(session)
    sign_key = packaging.signing_key(session.station_signing_key())
    return registration_request(session.station_id(), commune, sign_key,
                                _offline_box_key(session))


def provision_bundle(session: Session, bundle: Any) -> dict[str, Any]:
    """Check a centre-signed bundle (signature, this station and its keys, expiry) and register
    the centre as token provisioning does: keys, URL, sealed credential, master data. A bundle
    that fails any check changes nothing."""
    _require_admin(session)
    station_id = session.station_id()
    box = _offline_box_key(session)
    sign_key = packaging.signing_key(session.station_signing_key())
    try:
        p = import_bundle(bundle, station_id, sign_key, box)
    except BadCentreDocument as exc:
        raise InputError("bundle_invalid", f"Gói đăng ký bị từ chối. {exc.vi}",
                         f"The provisioning bundle is refused. {exc.en}",
                         field="bundle") from None
    master = p.master_data["document"] if p.master_data else None
    usable = master is not None
    if usable:
        try:
            load_master([master["data"]])
        except (StationError, KeyError, TypeError):
            usable = False
    keys = session._k(write=True)

    def apply(db: Any) -> None:
        with db.atomic():
            centre.register(db, keys, p.centre_document, p.server_url, p.access_token,
                            session.user.id, commune=p.commune, box_key=_raw(box),
                            registration=p.registration)
            if usable:
                centre.add_master_bundle(db, master["version"], master["data"])
            elif master is not None:
                centre.update_centre(db, master_version=master["version"])

    session.station.store.run(apply)
    _register_signers(session, p.server_url, p.access_token)
    return {"station_id": station_id, "commune": p.commune, "server": p.server_url,
            "centre_key_id": p.centre.current.key_id,
            "master_version": master["version"] if master else None, "via": "bundle"}


def _sync_problem(exc: SyncError) -> InputError:
    code = getattr(exc, "code", type(exc).__name__)
    return InputError(f"sync_{code}", f"Trung tâm từ chối hoặc không liên lạc được: {code}.",
                      f"The centre refused or could not be reached: {code}.", field="server")


class StoreHooks:
    """StationHooks over the encrypted store, for one pass of one logged-in session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.station.store
        info = self.store.run(centre.centre, session._k())
        self.info = info
        self.station_id = session.station_id()
        self.box_key = X25519PrivateKey.from_private_bytes(info["box_key"])
        self.status_cursor = info["status_cursor"]
        self.master_version = info["master_version"]
        self.worklist_version = info["worklist_version"]
        self.key_sequence = info["key_sequence"]

    def outgoing(self) -> Iterable[Outgoing]:
        for row in self.store.run(outbox.pending):
            rid = row["record_id"]
            yield Outgoing(rid, lambda rid=rid: self.store.run(outbox.envelope, rid),
                           row["upload_url"], may_exist=row["state"] == "uploading")

    def upload_started(self, packet_id: str, upload_url: str) -> None:
        self.store.run(outbox.progress, packet_id, upload_url=upload_url, start=True)

    def delivered(self, packet_id: str, result: UploadResult) -> None:
        self.store.run(outbox.delivered, packet_id, result.receipt_wire)

    def rejected(self, packet_id: str, error: Refused) -> None:
        self.store.run(outbox.progress, packet_id, error=f"refused: {error.code}")

    def apply_key_update(self, update: KeyUpdate) -> None:
        self.store.run(centre.update_centre, keys_doc=update.centre_document,
                       key_sequence=update.sequence)
        self.key_sequence = update.sequence

    def apply_status(self, page: StatusPage) -> None:
        events = [(e.packet_id, e.status, e.reason) for e in page.events]
        self.store.run(outbox.centre_status, events, page.cursor)
        self.status_cursor = page.cursor

    def apply_master_data(self, data: MasterData) -> None:
        """Kept only if the domain can apply it: a bad bundle must never stop the station. A
        bundle may also (or only) carry `app`, the centre's newest software version."""
        doc = dict(data.data)
        notice = doc.pop("app", None)
        notice = notice if app_notice_valid(notice) else None
        try:
            load_master([doc])
        except StationError:
            doc = {}
        if notice:
            doc["app"] = notice
        if doc:
            self.store.run(centre.add_master_bundle, data.version, doc)
        else:
            self.store.run(centre.update_centre, master_version=data.version)
        self.master_version = data.version

    def apply_worklist(self, wl: Worklist) -> None:
        keys = self.session._k(write=True)

        def apply(db: Any) -> None:
            with db.atomic():
                worklist.replace(db, keys, f"centre-{wl.version}", wl.entries, None)
                centre.update_centre(db, worklist_version=wl.version)

        self.store.run(apply)
        self.store.run(lambda db: db.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
        self.worklist_version = wl.version


def _signers(session: Session) -> list[tuple[str, str, VerifyKey]]:
    out = []
    for u in session.list_users():
        key = VerifyKey.from_raw(session.station.store.run(
            lambda db, uid=u["id"]: db.execute("SELECT sign_pub FROM users WHERE id = ?",
                                               [uid]).fetchone()[0]))
        if u["role"] in ("officer", "supervisor"):
            out.append(("officer", u["id"], key))
        if u["role"] == "supervisor":
            out.append(("supervisor", u["id"], key))
    return out


def sync_now(session: Session, settings: UploadSettings | None = None,
             progress: Progress | None = None) -> dict[str, Any]:
    """One pass: seal new approvals, register signers, upload, pull. Never marks anything
    delivered without a verified receipt; offline is a normal outcome, not an error."""
    with session.station.sync_lock:
        return _sync_pass(session, settings, progress)


def _sync_pass(session: Session, settings: UploadSettings | None,
               progress: Progress | None) -> dict[str, Any]:
    outbox_service.queue_approved(session)
    hooks = StoreHooks(session)
    url, token = hooks.info["server_url"], hooks.info.get("credential")
    if not url or not token:
        raise InputError("offline_station", "Trạm được đăng ký ngoại tuyến: dùng xuất USB.",
                         "This station was registered offline: use USB export.", field="server")
    centre_pub = CentrePublic.from_document(hooks.info["keys_doc"])
    report = SyncReport(online=False)
    try:
        with CentreClient(url, token) as client:
            register_signers(client, _signers(session))
    except SyncError as exc:
        report.stopped_by = exc
    else:
        report = sync_once(url, token, centre_pub.receipt, hooks, settings, progress)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    store = session.station.store

    def note(db: Any) -> None:
        with db.atomic():
            if report.online:
                centre.update_centre(db, last_contact=now, clock_offset=report.clock_offset_s)
            audit.append(db, "sync", session.user.id, None, online=report.online,
                         delivered=len(report.delivered) + len(report.already_held),
                         rejected=len(report.rejected))

    store.run(note)
    stopped = report.stopped_by
    return {"online": report.online, "delivered": report.delivered,
            "already_held": report.already_held, "rejected": report.rejected,
            "status_events": report.status_events, "master_version": report.master_version,
            "worklist_version": report.worklist_version, "clock_offset_s": report.clock_offset_s,
            "stopped_by": getattr(stopped, "code", type(stopped).__name__) if stopped else None,
            "pending": len(store.run(outbox.pending))}


class SyncWorker:
    """Runs `sync_now` in the background whenever the session is unlocked: every `interval`
    seconds while online, backing off (to `max_interval`) while the centre is unreachable."""

    def __init__(self, session: Session, on_report: Callable[[dict[str, Any]], None],
                 interval: float = 60.0, max_interval: float = 900.0,
                 settings: UploadSettings | None = None) -> None:
        self.session = session
        self.on_report = on_report
        self.interval, self.max_interval = interval, max_interval
        self.settings = settings
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sync", daemon=True)

    def start(self) -> SyncWorker:
        self._thread.start()
        return self

    def now(self) -> None:
        """'Sync now' from the UI: skip the wait."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        delay = self.interval
        while not self._stop.is_set():
            if not self.session.locked:
                try:
                    report = sync_now(self.session, self.settings)
                except Exception as exc:  # noqa: BLE001 - reported, and the worker lives on
                    report = {"online": False, "error": type(exc).__name__,
                              "message": getattr(exc, "en", "")}
                if self._stop.is_set():
                    return  # whoever stopped us no longer wants reports
                self.on_report(report)
                delay = self.interval if report.get("online") else min(
                    self.max_interval, delay * 2)
            self._wake.wait(delay)
            self._wake.clear()


def import_batch(session: Session, folder: Any,
                 settings: UploadSettings | None = None) -> dict[str, Any]:
    """Upload a USB batch from another station (the district's or a neighbour's link).

    The batch is verified (manifest signature, every file's hash) before anything is sent; the
    centre checks each envelope against its origin station's key, and the origin station later
    learns the result (its own next pass gets the stored receipt without resending bytes)."""
    from pathlib import Path

    from sync.client.tus import TusUploader

    batch = outbox_service.verify_batch(Path(folder))
    info = session.station.store.run(centre.centre, session._k())
    if not info.get("server_url") or not info.get("credential"):
        raise InputError("offline_station", "Trạm này chưa đăng ký trực tuyến với trung tâm.",
                         "This station is not registered online with the centre.",
                         field="server")
    centre_pub = CentrePublic.from_document(info["keys_doc"])
    sent, held, refused = [], [], []
    try:
        with CentreClient(info["server_url"], info["credential"]) as client:
            uploader = TusUploader(client, centre_pub.receipt, settings)
            for entry in batch["packets"]:
                data = (Path(folder) / entry["file"]).read_bytes()
                try:
                    result = uploader.upload(data, entry["packet_id"], may_exist=True)
                except Refused as exc:
                    refused.append({"packet_id": entry["packet_id"], "code": exc.code})
                    continue
                (held if result.already_held else sent).append(entry["packet_id"])
    except SyncError as exc:
        raise _sync_problem(exc) from None
    session.station.store.run(_audit_import, session.user.id, len(sent), len(held),
                              len(refused))
    return {"origin_station": batch["station_id"], "sent": sent, "already_held": held,
            "refused": refused}


def _audit_import(db: Any, actor: str, sent: int, held: int, refused: int) -> None:
    with db.atomic():
        audit.append(db, "import", actor, None, sent=sent, already_held=held, refused=refused)


def app_notice_valid(notice: Any) -> bool:
    """{"latest": "x.y.z", "where_vi": str, "where_en": str} (the where fields may be empty)."""
    return (isinstance(notice, dict) and isinstance(notice.get("latest"), str)
            and bool(notice["latest"].strip())
            and all(isinstance(notice.get(k, ""), str) for k in ("where_vi", "where_en")))
