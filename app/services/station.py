"""What the UI and the command line may do with a station: open it, log in, work in a session.

Everything here is blocking and thread-agnostic; the UI calls it through its background-operation
helper, the CLI directly. The database itself is only ever touched on the store's worker thread.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from app.domain.errors import AuthError, InputError, StorageError
from app.domain.states import Role, State
from app.store import audit, crypto, keys, records, users
from app.store.db import damaged, full_integrity_check
from app.store.store import Store

IDLE_LOCK_SECONDS = 15 * 60


class Station:
    """An opened data folder. Cheap to open; nothing decryptable until someone logs in."""

    def __init__(self, store: Store, kdf: crypto.KdfParams) -> None:
        self.store = store
        self.kdf = kdf
        # One sync pass at a time per station ("Sync now" during the background worker's pass
        # waits for it, then runs its own): two passes would seal the same approvals twice.
        self.sync_lock = threading.Lock()

    @classmethod
    def init(cls, data_dir: Path, station_name: str, admin: str, password: str, *,
             kdf: crypto.KdfParams | None = None,
             recovery_pub: X25519PublicKey | None = None) -> Station:
        """Create a station and its first admin, all in one transaction."""
        kdf = kdf or crypto.KdfParams()
        name = station_name.strip()
        if not name:
            raise InputError("empty_station_name", "Tên trạm không được để trống.",
                             "The station name must not be empty.", field="station_name")
        users.check_username(admin)
        users.check_password(password)
        path = Path(data_dir)
        if (path / "station.db").exists():
            raise InputError("station_exists",
                             "Thư mục dữ liệu này đã có một trạm; không ghi đè.",
                             "This data folder already holds a station; it was not overwritten.",
                             field="data_dir")
        store = Store(path, create=True)

        def create(db: Any) -> None:
            if keys.station_row(db) is not None:
                raise InputError("station_exists", "Thư mục dữ liệu này đã có một trạm.",
                                 "This data folder already holds a station.", field="data_dir")
            kek = crypto.random_key()
            with db.atomic():
                keys.create_station(db, name, kek, recovery_pub)
                users.add_user(db, kek, admin, Role.ADMIN.value, password, kdf, None)

        try:
            store.run(create)
        except BaseException:
            store.close()
            raise
        return cls(store, kdf)

    @classmethod
    def open(cls, data_dir: Path, *, kdf: crypto.KdfParams | None = None) -> Station:
        store = Store(Path(data_dir))
        station = cls(store, kdf or crypto.KdfParams())
        if store.run(keys.station_row) is None:
            store.close()
            raise StorageError("no_station",
                               "Chưa khởi tạo trạm: chạy 'enroll-station init' trước.",
                               "No station here yet: run 'enroll-station init' first.",
                               field="data_dir")
        return station

    def info(self) -> dict[str, Any]:
        row = self.store.run(keys.station_row)
        return {"station_id": row["station_id"], "name": row["name"],
                "created_at": row["created_at"], "data_dir": str(self.store.data_dir),
                "counts": self.store.run(records.counts)}

    def audit_check(self, timeout: float | None = None) -> audit.AuditReport:
        return self.store.health.result(timeout).audit

    def require_sound(self) -> None:
        """Writes wait for the open-time page walk and refuse a damaged database."""
        health = self.store.health.result()
        if not health.sound:
            raise damaged(health.integrity)

    def integrity(self) -> list[str]:
        return self.store.run(full_integrity_check)

    def list_records(self, state: State | None = None, limit: int = 50,
                     offset: int = 0) -> list[dict[str, Any]]:
        return self.store.run(records.page, state, limit, offset)

    def login(self, username: str, password: str) -> Session:
        result = self.store.run(users.login, username, password)
        return Session(self, result)

    def change_password(self, username: str, old: str, new: str) -> None:
        self.store.run(users.change_password, username, old, new, self.kdf)

    def close(self) -> None:
        self.store.close()


class Session:
    """One logged-in user. Holds the unwrapped keys in memory until logout or idle lock."""

    def __init__(self, station: Station, result: users.LoginResult,
                 idle_seconds: float = IDLE_LOCK_SECONDS) -> None:
        self.station = station
        self.user = result.user
        self._keys: keys.Keys | None = keys.Keys.from_kek(result.kek)
        self._signing = result.signing_key
        self.idle_seconds = idle_seconds
        self._last_activity = time.monotonic()

    # -- locking -----------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self._keys is None

    def touch(self) -> None:
        self._last_activity = time.monotonic()

    def idle_expired(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        return now - self._last_activity >= self.idle_seconds

    def lock(self) -> Future[None] | None:
        """Forget the keys at once; only the same user's password brings them back.

        The audit entry is queued, not awaited, so the GUI thread can call this directly.
        """
        if self._keys is None:
            return None
        self._keys = None
        self._signing = None  # type: ignore[assignment]
        return self.station.store.call(_audit, "lock", self.user.id)

    def unlock(self, password: str) -> None:
        result = self.station.store.run(users.login, self.user.username, password)
        self._keys = keys.Keys.from_kek(result.kek)
        self._signing = result.signing_key
        self.touch()

    def logout(self) -> Future[None] | None:
        if self._keys is None:
            return None
        self._keys = None
        self._signing = None  # type: ignore[assignment]
        return self.station.store.call(_audit, "logout", self.user.id)

    def _k(self, write: bool = False) -> keys.Keys:
        if write:
            self.station.require_sound()
        if self._keys is None:
            raise AuthError("session_locked", "Phiên làm việc đã khoá: nhập lại mật khẩu.",
                            "The session is locked: enter your password again.", field="password")
        if self.idle_expired():
            self.lock()
            return self._k()
        self.touch()
        return self._keys

    def _require(self, *roles: Role) -> None:
        if self.user.role not in roles:
            raise AuthError("not_allowed",
                            f"Vai trò '{self.user.role}' không được làm việc này.",
                            f"The role '{self.user.role}' may not do this.", field="role")

    # -- users -------------------------------------------------------------------------------
    def add_user(self, username: str, role: str, password: str) -> users.User:
        self._require(Role.ADMIN)
        k = self._k(write=True)
        return self.station.store.run(users.add_user, k.kek, username, role, password,
                                      self.station.kdf, self.user.id)

    def list_users(self) -> list[dict[str, Any]]:
        self._k()
        return self.station.store.run(users.list_users)

    # -- records -----------------------------------------------------------------------------
    def save_record(self, data: dict[str, Any], blobs: dict[str, bytes] | None = None,
                    record_id: str | None = None) -> records.SavedRecord:
        self._require(Role.OFFICER, Role.SUPERVISOR)
        return self.station.store.run(records.save, self._k(write=True), data, blobs or {},
                                      officer_id=self.user.id, record_id=record_id)

    def save_and_transition(self, data: dict[str, Any], record_id: str, target: State,
                            blobs: dict[str, bytes] | None = None) -> records.SavedRecord:
        return self.station.store.run(records.save_and_transition, self._k(write=True), data,
                                      blobs or {}, record_id=record_id, target=target,
                                      actor_id=self.user.id, role=self.user.role)

    def reauth(self, password: str) -> None:
        """Approvals and rejections ask for the password again (counted like a login)."""
        self._k()
        self.station.store.run(users.login, self.user.username, password)

    def blobs(self, record_id: str) -> dict[str, bytes]:
        names = self.show(record_id)["blobs"]
        return {n: self.blob(record_id, n) for n in names}

    def station_id(self) -> str:
        return self.station.info()["station_id"]

    def station_signing_key(self):  # noqa: ANN201 - Ed25519PrivateKey, used to seal packets
        return self.station.store.run(keys.station_signing_key, self._k().kek)

    def show(self, record_id: str) -> dict[str, Any]:
        return self.station.store.run(records.load, self._k(), record_id)

    def blob(self, record_id: str, name: str) -> bytes:
        return self.station.store.run(records.load_blob, self._k(), record_id, name)

    def search(self, text: str) -> list[dict[str, Any]]:
        ids = self.station.store.run(records.find, self._k(), text)
        return [self.station.store.run(records.meta, i) for i in ids]

    def transition(self, record_id: str, target: State) -> State:
        self._k(write=True)
        return self.station.store.run(records.transition, record_id, target, self.user.id,
                                      self.user.role)

    def discard(self, record_id: str) -> None:
        """Shred a draft for good (the officer's explicit choice)."""
        self._k(write=True)
        self.station.store.run(records.shred, record_id, self.user.id)

    @property
    def signing_key(self):  # noqa: ANN201 - Ed25519PrivateKey, kept off the public surface
        self._k()
        return self._signing


def _audit(db: Any, action: str, actor: str) -> None:
    with db.atomic():
        audit.append(db, action, actor)
