"""Opening the station database: folder checks, pragmas, integrity, migrations, error mapping.

Every way the file system or SQLite can refuse us is turned into a StorageError that says what
happened and what to do, and opening never modifies a database it has judged damaged or newer.
Opening itself is O(1): the O(size) page walk runs before any migration, and otherwise on a
reader thread right after open (see store.Store.health), so a month of biometrics in the
database does not delay the login screen.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from app.domain.errors import StorageError
from app.store.migrations import NAMES, migrations

DB_NAME = "station.db"


def _damaged(detail: str) -> StorageError:
    return StorageError(
        "database_corrupt",
        "Cơ sở dữ liệu của trạm bị hỏng và chưa được thay đổi gì. Không xoá tệp; hãy khôi phục bản "
        f"sao lưu gần nhất hoặc liên hệ bộ phận hỗ trợ. ({detail})",
        "The station database is damaged and was left untouched. Do not delete it; restore the "
        f"latest backup or call support. ({detail})",
        field="database",
    )


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    """Translate SQLite and OS failures into StorageError with a cause a person can act on."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "full" in text:
            raise StorageError(
                "disk_full",
                "Ổ đĩa đã đầy: thao tác bị huỷ, không mất dữ liệu đã lưu. "
                "Giải phóng dung lượng rồi thử lại.",
                "The disk is full: the operation was cancelled and nothing saved was lost. Free "
                "some space and try again.",
                field="disk",
            ) from None
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            raise StorageError(
                "data_dir_not_writable",
                "Không ghi được vào thư mục dữ liệu: kiểm tra quyền ghi hoặc chọn thư mục khác.",
                "The data folder cannot be written: check its permissions or choose another.",
                field="data_dir",
            ) from None
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            raise _damaged(type(exc).__name__) from None
        raise
    except OSError as exc:
        if exc.errno == 28:  # ENOSPC
            raise StorageError(
                "disk_full",
                "Ổ đĩa đã đầy. Giải phóng dung lượng rồi thử lại.",
                "The disk is full. Free some space and try again.",
                field="disk",
            ) from None
        raise StorageError(
            "data_dir_not_writable",
            f"Không dùng được thư mục dữ liệu ({exc.strerror}).",
            f"The data folder cannot be used ({exc.strerror}).",
            field="data_dir",
        ) from None


def prepare_folder(data_dir: Path) -> Path:
    """Create the data folder (owner-only) and prove we can write in it before touching the db."""
    with storage_errors():
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        probe = data_dir / ".write-probe"
        probe.write_bytes(b"")
        probe.unlink()
    return data_dir / DB_NAME


def connect(path: Path, *, create: bool) -> Database:
    """Open, check and migrate. Raises StorageError; never migrates a damaged or newer database."""
    if not create and not path.exists():
        raise StorageError(
            "no_station",
            "Chưa khởi tạo trạm trong thư mục dữ liệu này: chạy 'enroll-station init' trước.",
            "No station in this data folder yet: run 'enroll-station init' first.",
            field="data_dir",
        )
    with storage_errors():
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)
        conn = sqlite3.connect(str(path), timeout=30)
        db = Database(conn)
        try:
            db.execute("PRAGMA schema_version").fetchone()  # "not a database" fails here
            if migrations.pending(db):
                _check_integrity(db)  # never migrate a damaged file
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")  # a committed enrollment survives power loss
            db.execute("PRAGMA secure_delete=ON")
            db.execute("PRAGMA foreign_keys=ON")
            _refuse_newer(db)
            migrations.apply(db)
        except BaseException:
            conn.close()
            raise
    return db


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """Every page and b-tree walked (O(size)); [] when sound. Run off the hot path."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:  # too damaged to even walk
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def _check_integrity(db: Database) -> None:
    problems = quick_check(db.conn)
    if problems:
        raise _damaged(f"quick_check: {problems[0][:80]}")


def damaged(problems: list[str]) -> StorageError:
    return _damaged(f"quick_check: {problems[0][:80]}")


def full_integrity_check(db: Database) -> list[str]:
    """The slow, complete check (self-test, support); [] when the database is sound."""
    rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def _refuse_newer(db: Database) -> None:
    unknown = {m.name for m in migrations.applied(db)} - set(NAMES)
    if unknown:
        raise StorageError(
            "schema_newer",
            "Dữ liệu này do phiên bản phần mềm mới hơn tạo ra; hãy cài phiên bản mới hơn. "
            "Dữ liệu không bị thay đổi.",
            "This data was written by a newer version of the software; install that version. "
            "Nothing was changed.",
            field="database",
        )


def close(db: Database) -> None:
    """Checkpoint so deleted pages leave the WAL, then close."""
    with contextlib.suppress(sqlite3.Error):
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
