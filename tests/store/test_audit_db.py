import shutil
import sqlite3
import threading

import pytest

from app.domain.errors import StorageError
from app.domain.states import State
from app.services.station import Station
from app.store import audit
from app.store.crypto import FAST_KDF
from app.store.migrations import NAMES
from app.store.worker import DbWorker


def test_audit_records_actions_and_verifies(station, officer, supervisor):
    rec = officer.save_record({"full_name": "Sùng A Páo"})
    officer.transition(rec.id, State.CAPTURED)
    supervisor.transition(rec.id, State.APPROVED)
    entries = station.store.run(audit.entries, 50)
    actions = [e["action"] for e in reversed(entries)]
    assert actions[:3] == ["station_init", "user_add", "login"]
    assert actions[-3:] == ["create", "transition", "transition"]
    assert entries[0]["detail"] == {"from": "captured", "to": "approved"}
    with sqlite3.connect(station.store.path) as conn:
        report = audit.verify(conn)
    assert report.ok and report.entries == len(actions)


def test_audit_is_append_only_in_sql(station):
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        station.store.run(lambda db: db.execute("UPDATE audit SET actor='x' WHERE seq=1"))
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        station.store.run(lambda db: db.execute("DELETE FROM audit"))


def test_one_byte_edited_in_the_file_is_reported(tmp_path, station, officer):
    rec = officer.save_record({"full_name": "Vàng Thị Mỷ"})
    officer.transition(rec.id, State.CAPTURED)
    path = station.store.path
    station.close()
    raw = bytearray(path.read_bytes())
    at = raw.find(b'"to":"captured"')
    assert at > 0
    raw[at + 6] = ord("k")  # captured -> kaptured, one byte, as an editor would
    path.write_bytes(bytes(raw))
    reopened = Station.open(path.parent, kdf=FAST_KDF)
    try:
        report = reopened.audit_check(30)
        assert not report.ok and report.first_bad_seq is not None
    finally:
        reopened.close()


def test_migrations_from_empty_and_newer_schema_refused(tmp_path):
    st = Station.init(tmp_path / "d", "S", "admin", "admin-pass-1", kdf=FAST_KDF)
    applied = st.store.run(lambda db: [r["name"] for r in db.query(
        "SELECT name FROM _sqlite_migrations ORDER BY id")])
    tables = set(st.store.run(lambda db: db.table_names()))
    st.close()
    assert applied == NAMES
    assert {"station", "users", "records", "record_keys", "record_blobs", "record_index",
            "audit"} <= tables
    with sqlite3.connect(tmp_path / "d" / "station.db") as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('enroll-station', '9999_from_the_future', 'x')")
    before = (tmp_path / "d" / "station.db").read_bytes()
    with pytest.raises(StorageError) as e:
        Station.open(tmp_path / "d")
    assert e.value.code == "schema_newer"
    assert (tmp_path / "d" / "station.db").read_bytes() == before


def test_corrupted_file_is_reported_and_left_untouched(tmp_path):
    st = Station.init(tmp_path / "d", "S", "admin", "admin-pass-1", kdf=FAST_KDF)
    st.close()
    db = tmp_path / "d" / "station.db"
    raw = bytearray(db.read_bytes())
    raw[100:4096] = b"\x5a" * (4096 - 100)  # trash the header page past the magic
    db.write_bytes(bytes(raw))
    for f in ("station.db-wal", "station.db-shm"):
        (tmp_path / "d" / f).unlink(missing_ok=True)
    with pytest.raises(StorageError) as e:
        Station.open(tmp_path / "d")
    assert e.value.code == "database_corrupt" and "backup" in e.value.en
    assert db.read_bytes() == bytes(raw)
    (tmp_path / "e").mkdir()
    (tmp_path / "e" / "station.db").write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StorageError) as e:
        Station.open(tmp_path / "e")
    assert e.value.code == "database_corrupt"


def test_disk_full_loses_nothing_committed(station, officer):
    kept = officer.save_record({"full_name": "Giàng A Tủa"}, {"face.jpg": b"k" * 1000})
    pages = station.store.run(lambda db: db.execute("PRAGMA page_count").fetchone()[0])
    station.store.run(lambda db: db.execute(f"PRAGMA max_page_count = {pages + 2}"))
    with pytest.raises(StorageError) as e:
        officer.save_record({"full_name": "Too Big"}, {"face.jpg": b"\x01" * 400_000})
    assert e.value.code == "disk_full"
    ids = [r["id"] for r in station.list_records()]
    assert ids == [kept.id]  # the failed save left no half record behind
    assert officer.blob(kept.id, "face.jpg") == b"k" * 1000


def test_unusable_data_folder_is_named(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StorageError) as e:
        Station.init(blocker / "data", "S", "admin", "admin-pass-1", kdf=FAST_KDF)
    assert e.value.code == "data_dir_not_writable" and e.value.field == "data_dir"
    with pytest.raises(StorageError) as e:
        Station.open(tmp_path / "nothing-here")
    assert e.value.code == "no_station"
    assert not (tmp_path / "nothing-here").exists()


def test_init_refuses_to_overwrite(tmp_path, station):
    from app.domain.errors import InputError

    with pytest.raises(InputError) as e:
        Station.init(station.store.data_dir, "S2", "admin", "admin-pass-1", kdf=FAST_KDF)
    assert e.value.code == "station_exists"


def test_worker_serialises_calls_from_many_threads(tmp_path):
    seen: list[str] = []
    worker = DbWorker(lambda: seen, lambda r: None)
    owner: set[str] = set()

    def job(res, i):
        owner.add(threading.current_thread().name)
        res.append(i)
        return i * 2

    futs = []
    threads = [threading.Thread(target=lambda k=k: futs.extend(worker.submit(job, k * 100 + j)
                                                             for j in range(100)))
               for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(f.result() for f in futs) == sorted(i * 2 for i in seen)
    assert len(seen) == 400 and owner == {"db"}
    boom = worker.submit(lambda r: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        boom.result()
    worker.close()


def test_copy_of_data_folder_needs_a_password(tmp_path, station, officer):
    """A stolen copy of the folder opens (plain metadata) but nothing decrypts without a login."""
    officer.save_record({"full_name": "Thào Mí Dính"})
    station.close()
    shutil.copytree(station.store.data_dir, tmp_path / "stolen")
    thief = Station.open(tmp_path / "stolen")
    try:
        rows = thief.list_records()
        assert len(rows) == 1 and set(rows[0]) >= {"id", "state"} and "data" not in rows[0]
    finally:
        thief.close()


def test_damaged_page_found_after_open_blocks_writes(tmp_path, station, officer):
    """A page deep in the file is damaged: opening is quick, the background walk finds it, reads
    still work where they can, and no write is let into the damaged file."""
    for i in range(40):
        officer.save_record({"full_name": f"Người {i}"}, {"face.jpg": bytes([i]) * 9000})
    path = station.store.path
    station.close()
    raw = bytearray(path.read_bytes())
    page = 4096
    victim = len(raw) // page - 3  # a blob overflow page near the end
    raw[victim * page:(victim + 1) * page] = bytes(range(256)) * (page // 256)
    path.write_bytes(bytes(raw))
    st = Station.open(path.parent, kdf=FAST_KDF)
    try:
        assert st.store.health.result(30).integrity  # the walk reports the damage
        s = st.login("officer1", "officer-pass-1")
        with pytest.raises(StorageError) as e:
            s.save_record({"full_name": "x"})
        assert e.value.code == "database_corrupt"
    finally:
        st.close()
