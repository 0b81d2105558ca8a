"""The store facade: a data folder, its database worker, and the audit check made at open."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from app.store import audit
from app.store import db as dbmod
from app.store.worker import DbWorker

T = TypeVar("T")


@dataclass(frozen=True)
class Health:
    """What the background check found: SQLite's page walk and the audit hash chain."""

    integrity: list[str]
    audit: audit.AuditReport

    @property
    def sound(self) -> bool:
        return not self.integrity


class Store:
    """Owns the data folder. Every database call goes through `call` and returns a Future."""

    def __init__(self, data_dir: Path, *, create: bool = False) -> None:
        self.data_dir = Path(data_dir)
        self.path = dbmod.prepare_folder(self.data_dir) if create else self.data_dir / dbmod.DB_NAME
        self._worker = DbWorker(lambda: dbmod.connect(self.path, create=create), dbmod.close,
                                name="station-db")
        self.health: Future[Health] = Future()
        threading.Thread(target=self._check_health, name="store-health", daemon=True).start()

    def _check_health(self) -> None:
        """Page walk and audit chain on a separate read connection, so opening stays fast."""
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
            try:
                integrity = dbmod.quick_check(conn)
                try:
                    report = audit.verify(conn)
                except sqlite3.DatabaseError:
                    report = audit.AuditReport(0, False, None, "")
                self.health.set_result(Health(integrity, report))
            finally:
                conn.close()
        except BaseException as exc:  # noqa: BLE001 - reported through the future
            self.health.set_exception(exc)

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        """Run fn(db, *args, **kwargs) on the database thread, with storage errors translated."""

        def guarded(db: Database) -> T:
            with dbmod.storage_errors():
                return fn(db, *args, **kwargs)

        return self._worker.submit(guarded)

    def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Blocking form of `call`, for the command line and tests (never the GUI thread)."""
        return self.call(fn, *args, **kwargs).result()

    def close(self) -> None:
        self._worker.close()
