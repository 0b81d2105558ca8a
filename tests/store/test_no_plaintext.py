"""Nothing a resident gave us may be readable in the data folder, the temp folder or the WAL."""

import os
import tempfile
import unicodedata
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.domain import names
from app.services.station import Station
from app.store import crypto, keys, records
from app.store.crypto import FAST_KDF

NAME = "Hoàng Thị Xuân Quỳnh"
PID = "038199012345"
ADDRESS = "Bản Sín Chải, xã Tả Van"


def _needles(image: bytes) -> list[bytes]:
    texts = {NAME, PID, ADDRESS, names.fold(NAME), NAME.upper(), "Quỳnh", "quynh"}
    out = []
    for t in texts:
        for form in ("NFC", "NFD"):
            s = unicodedata.normalize(form, t)
            out += [s.encode("utf-8"), s.encode("utf-16-le")]
    out += [image[i:i + 24] for i in range(0, len(image) - 24, 997)]
    return out


def _scan(folder: Path, needles: list[bytes]) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            hits += [f"{path.name}: {n[:12]!r}" for n in needles if n in blob]
    return hits


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    monkeypatch.setenv("TMPDIR", str(tmp))
    return tmp


def test_zero_hits_in_data_and_temp(tmp_path, private_tmp):
    image = os.urandom(60_000)
    st = Station.init(tmp_path / "data", "Trạm", "admin", "admin-pass-1", kdf=FAST_KDF)
    admin = st.login("admin", "admin-pass-1")
    admin.add_user("officer1", "officer", "officer-pass-1")
    officer = st.login("officer1", "officer-pass-1")
    ids = []
    for i in range(20):
        rec = officer.save_record({"full_name": NAME, "personal_id": PID,
                                   "permanent_residence": {"detail": ADDRESS}, "n": i},
                                  {"face.jpg": image, "r1.wsq": image[::-1]})
        ids.append(rec.id)
    officer.save_record({"full_name": NAME + " sửa"}, record_id=ids[0])
    officer.discard(ids[1])
    needles = _needles(image)
    assert _scan(tmp_path / "data", needles) == []  # while open: db, -wal, -shm
    assert officer.search("hoang thi xuan quynh")  # ...and the data is really there
    st.close()
    assert _scan(tmp_path / "data", needles) == []
    assert _scan(private_tmp, needles) == []
    # The scanner itself finds plaintext when it is there (so zero hits means something).
    (private_tmp / "leak.txt").write_text(f"{NAME} {PID}", encoding="utf-8")
    assert len(_scan(private_tmp, needles)) >= 2


def test_recovery_copy_opens_with_the_centre_key(tmp_path):
    recovery = X25519PrivateKey.generate()
    st = Station.init(tmp_path / "d", "S", "admin", "admin-pass-1", kdf=FAST_KDF,
                      recovery_pub=recovery.public_key())
    st.login("admin", "admin-pass-1").add_user("off1", "officer", "officer-pass-1")
    rec = st.login("off1", "officer-pass-1").save_record({"full_name": "Lý Thị Sa"})
    station_id, sealed = st.store.run(lambda db: db.execute(
        "SELECT station_id, kek_recovery FROM station").fetchone())
    kek = crypto.open_from(recovery, sealed, keys.recovery_info(station_id))
    data = st.store.run(records.load, keys.Keys.from_kek(kek), rec.id)["data"]
    st.close()
    assert data == {"full_name": "Lý Thị Sa"}
    with pytest.raises(Exception):  # noqa: B017 - any failure: the wrong key must not open it
        crypto.open_from(X25519PrivateKey.generate(), sealed, keys.recovery_info(station_id))


def test_worklist_is_not_in_clear(tmp_path, private_tmp):
    from datetime import date

    from app.domain.masterdata import default_master
    from app.services import worklist

    st = Station.init(tmp_path / "data", "Trạm", "admin", "admin-pass-1", kdf=FAST_KDF)
    admin = st.login("admin", "admin-pass-1")
    admin.add_user("officer1", "officer", "officer-pass-1")
    officer = st.login("officer1", "officer-pass-1")
    worklist.import_synthetic(officer, default_master(), 50, 9, date(2026, 11, 22))
    entries = worklist.search(officer, "thi") + worklist.search(officer, "van")
    assert entries
    st.close()
    needles = []
    for e in entries:
        for form in ("NFC", "NFD"):
            needles.append(unicodedata.normalize(form, e["full_name"]).encode())
        needles += [e["personal_id"].encode(), names.fold(e["full_name"]).encode()]
    assert _scan(tmp_path / "data", needles) == []
    assert _scan(private_tmp, needles) == []
