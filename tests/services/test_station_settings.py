"""Station settings, the chosen devices through the manager, the status strip's facts."""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.errors import AuthError, InputError
from app.services import settings, status
from app.services.station_devices import StationDevices
from app.store import audit
from devices.fingerprint.simulated import SimulatedScanner


def test_defaults_then_admin_changes_persist(station):
    admin = station.login("admin", "admin-pass-1")
    data = station.store.data_dir
    assert settings.load(data) == settings.Settings()
    s = settings.update(admin, lang="en", nfiq_threshold=55, max_retries=5,
                        limits={"days_since_sync": 10})
    assert settings.load(data) == s and s.maxima()["days_since_sync"] == 10
    with pytest.raises(InputError):
        settings.update(admin, nfiq_threshold=0)
    assert settings.load(data).nfiq_threshold == 55  # a refused change writes nothing
    entry = station.store.run(lambda db: audit.entries(db, 1))[0]
    assert entry["action"] == "settings" and entry["actor"] == admin.user.id
    assert entry["detail"]["changed"]["nfiq_threshold"] == 55  # the refused 0 left no entry


def test_officer_cannot_change_admin_settings_but_may_choose_devices(station, officer):
    assert not settings.can_edit(officer)
    with pytest.raises(AuthError):
        settings.update(officer, nfiq_threshold=30)
    settings.update(officer, scanner="simulated")
    assert settings.load(station.store.data_dir).scanner == "simulated"


def test_choice_persists_and_changes_the_device_source(station, officer):
    events: list[tuple] = []
    devs = StationDevices(station.store.data_dir, on_state=lambda *a: events.append(a[:2]))
    try:
        assert devs.restore() == {"camera": {"spec": None, "state": "none"},
                                  "scanner": {"spec": None, "state": "none"}}
        source = devs.source()
        with pytest.raises(Exception):  # noqa: B017 - nothing chosen: NotConnected as a problem
            source.scanner()
        devs.choose(officer, "scanner", "simulated")
        assert ("scanner", "ready") in events
        assert isinstance(source.scanner(), SimulatedScanner)
        assert settings.load(station.store.data_dir).scanner == "simulated"
        devs.choose(officer, "scanner", "simulated:poor")  # a non-demo spec: the manager's proxy
        assert type(source.scanner()).__name__ == "ScannerProxy"
    finally:
        devs.close()
    again = StationDevices(station.store.data_dir)
    try:
        assert again.restore()["scanner"] == {"spec": "simulated:poor", "state": "ready"}
    finally:
        again.close()


def test_discover_and_self_test_include_simulated(station):
    devs = StationDevices(station.store.data_dir)
    found = devs.discover()
    assert {(d["device"], d["spec"]) for d in found} >= {("camera", "simulated"),
                                                        ("scanner", "simulated")}
    assert devs.self_test("simulated", "scanner")["ok"] is True
    with pytest.raises(InputError):
        devs.self_test("nonsense:1", "scanner")


def test_online_needs_recent_contact_and_a_good_last_pass():
    now = datetime(2026, 12, 3, 12, tzinfo=UTC)
    recent = (now - timedelta(minutes=3)).isoformat()
    assert status.is_online(recent, None, now)
    assert not status.is_online(recent, False, now)
    assert not status.is_online((now - timedelta(hours=2)).isoformat(), True, now)
    assert not status.is_online(None, True, now)


def test_strip_names_the_nearest_limit(station, officer):
    s = status.strip(officer, installed_on="2026-01-01", maxima={"days_since_update": 400},
                     now=datetime(2026, 12, 3, tzinfo=UTC))
    assert s["online"] is False and s["counts"] is not None
    assert s["nearest"]["name"] == "days_since_update" and s["update"] is None


def test_capture_policy_follows_settings(station):
    admin = station.login("admin", "admin-pass-1")
    devs = StationDevices(station.store.data_dir)
    try:
        assert devs.source().policy() == (40, 3)
        settings.update(admin, nfiq_threshold=60, max_retries=1)
        assert devs.source().policy() == (60, 1)
    finally:
        devs.close()
