"""Shared fixtures: a station in a temporary folder with cheap (but real) Argon2id parameters."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.services.station import Station  # noqa: E402
from app.store.crypto import FAST_KDF  # noqa: E402

PASSWORDS = {"admin": "admin-pass-1", "officer1": "officer-pass-1", "super1": "super-pass-1"}


@pytest.fixture
def station(tmp_path):
    st = Station.init(tmp_path / "data", "Trạm thử", "admin", PASSWORDS["admin"], kdf=FAST_KDF)
    admin = st.login("admin", PASSWORDS["admin"])
    admin.add_user("officer1", "officer", PASSWORDS["officer1"])
    admin.add_user("super1", "supervisor", PASSWORDS["super1"])
    yield st
    st.close()


@pytest.fixture
def officer(station):
    return station.login("officer1", PASSWORDS["officer1"])


@pytest.fixture
def supervisor(station):
    return station.login("super1", PASSWORDS["super1"])
