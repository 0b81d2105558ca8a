"""Regenerate fixtures/station-<schema>/: a data folder written by the CURRENT code.

Run this once per schema change (`python -m tests.installer.make_fixture`), commit the new folder
next to the old ones, and never edit an old one: each is a field laptop that must keep opening
after an upgrade. Synthetic names and passwords only; FAST_KDF keeps the tests quick.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

from app.domain.states import State
from app.services.station import Station
from app.store import crypto, migrations

FIXTURES = Path(__file__).with_name("fixtures")
USERS = [("admin", "admin", "fixture-admin-pw-1"), ("canbo1", "officer", "fixture-officer-pw-1"),
         ("truongca", "supervisor", "fixture-super-pw-1")]
RECORDS = [
    ({"full_name": "Nguyễn Văn Thử", "personal_id": "001099000101", "sex": "M"}, State.DRAFT),
    ({"full_name": "Trần Thị Mẫu", "personal_id": "001199000102", "sex": "F"}, State.CAPTURED),
    ({"full_name": "Lê Giả Định", "personal_id": "079099000103", "sex": "M"}, State.DRAFT),
]


def folder_name() -> str:
    return f"schema-{migrations.NAMES[-1]}"


def make(target: Path) -> dict:
    shutil.rmtree(target, ignore_errors=True)
    name, role, pw = USERS[0]
    station = Station.init(target, "Trạm mẫu nâng cấp", name, pw, kdf=crypto.FAST_KDF)
    expected: dict = {"schema": list(migrations.NAMES), "station_name": "Trạm mẫu nâng cấp",
                      "users": [{"username": u, "role": r, "password": p} for u, r, p in USERS],
                      "records": []}
    try:
        admin = station.login(name, pw)
        for u, r, p in USERS[1:]:
            admin.add_user(u, r, p)
        admin.logout()
        officer = station.login(USERS[1][0], USERS[1][2])
        for i, (data, state) in enumerate(RECORDS):
            blob = hashlib.sha256(f"synthetic-face-{i}".encode()).digest() * 64
            rec = officer.save_record(data, {"face.jpg": blob})
            if state is not State.DRAFT:
                officer.transition(rec.id, state)
            expected["records"].append({"id": rec.id, "data": data, "state": state.value,
                                        "blobs": {"face.jpg": hashlib.sha256(blob).hexdigest()}})
        officer.logout()
        expected["station_id"] = station.info()["station_id"]
    finally:
        station.close()
    for extra in target.iterdir():  # only the database itself: -wal/-shm are checkpointed away
        if extra.name not in ("station.db",):
            print(f"note: fixture also holds {extra.name}", file=sys.stderr)
    (target.parent / f"{target.name}.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return expected


if __name__ == "__main__":
    out = make(FIXTURES / folder_name())
    print(f"wrote {FIXTURES / folder_name()} ({len(out['records'])} records)")
