"""Upgrades keep data: every committed fixture folder (one per released schema) opens with this
code, migrates, and gives back every user and record; a newer database is refused untouched."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.errors import StationError
from app.services.station import Station
from app.store import crypto, migrations

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).with_name("fixtures")
FOLDERS = sorted(p for p in FIXTURES.iterdir() if p.is_dir())


def _copy(folder: Path, tmp_path: Path) -> Path:
    """Work on a copy: a fixture is a laptop's data, opened once by a newer version."""
    dest = tmp_path / "data"
    shutil.copytree(folder, dest)
    return dest


def _expected(folder: Path) -> dict:
    return json.loads(folder.with_suffix(".json").read_text(encoding="utf-8"))


def _applied(db_path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ? "
                            "ORDER BY rowid", ("enroll-station",)).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def test_there_is_a_fixture_for_the_current_schema():
    """A schema change must come with a new fixture (python -m tests.installer.make_fixture)."""
    assert FOLDERS, "no fixture data folder"
    assert any(_expected(f)["schema"] == migrations.NAMES for f in FOLDERS), (
        "no fixture for the current schema: run python -m tests.installer.make_fixture")


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_old_data_folder_opens_migrates_and_keeps_everything(folder, tmp_path):
    exp = _expected(folder)
    data = _copy(folder, tmp_path)
    assert _applied(data / "station.db") == exp["schema"]
    station = Station.open(data, kdf=crypto.FAST_KDF)
    try:
        assert _applied(data / "station.db") == migrations.NAMES  # every pending one ran
        info = station.info()
        assert (info["station_id"], info["name"]) == (exp["station_id"], exp["station_name"])
        assert station.audit_check(60).ok
        assert station.integrity() == []
        for user in exp["users"]:
            session = station.login(user["username"], user["password"])
            assert session.user.role.value == user["role"]
            session.logout()
        with pytest.raises(StationError):
            station.login("canbo1", "not-the-password")
        officer = station.login("canbo1", next(u["password"] for u in exp["users"]
                                               if u["username"] == "canbo1"))
        listed = {r["id"]: r for r in station.list_records(limit=1000)}
        assert set(listed) == {r["id"] for r in exp["records"]}
        for rec in exp["records"]:
            shown = officer.show(rec["id"])
            for key, value in rec["data"].items():
                assert shown["data"][key] == value
            assert listed[rec["id"]]["state"] == rec["state"]
            for name, digest in rec["blobs"].items():
                assert hashlib.sha256(officer.blob(rec["id"], name)).hexdigest() == digest
        assert officer.search(exp["records"][0]["data"]["personal_id"])
        officer.logout()
    finally:
        station.close()
    # Opened twice: the second open finds nothing pending and still reads everything.
    again = Station.open(data, kdf=crypto.FAST_KDF)
    try:
        assert len(again.list_records(limit=1000)) == len(exp["records"])
    finally:
        again.close()


def _from_the_future(folder: Path, tmp_path: Path) -> Path:
    data = _copy(folder, tmp_path)
    conn = sqlite3.connect(data / "station.db")
    try:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES (?, ?, ?)", ("enroll-station", "9999_from_a_newer_version",
                                          "2099-01-01 00:00:00.000000+00:00"))
        conn.commit()
    finally:
        conn.close()  # checkpointed: the folder is exactly what a newer version left behind
    return data


def _digest(folder: Path) -> dict[str, str]:
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.iterdir())}


@pytest.mark.parametrize("lang,words", [("en", "newer version"), ("vi", "phiên bản phần mềm mới")])
def test_cli_refuses_a_database_from_a_newer_version(tmp_path, lang, words):
    data = _from_the_future(FOLDERS[-1], tmp_path)
    before = _digest(data)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-m", "app.cli", "--data-dir", str(data), "--lang", lang,
                        "list", "--json"], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode != 0
    assert words in r.stderr and "Traceback" not in r.stderr
    assert _digest(data) == before  # refused before anything was written
