"""Devices page: discovery lists the simulated devices, a self-test shows its result, choosing
persists and changes the capture screens' source; officers read settings but cannot edit them;
the status strip says offline/online and names the nearest limit."""

from __future__ import annotations

import threading

import pytest

from app.services import settings
from app.services.station_devices import StationDevices
from app.ui.devices_page import DevicesPage
from app.ui.i18n import set_lang
from app.ui.main_window import MainArea, limit_text
from devices.fingerprint.simulated import SimulatedScanner
from tests.conftest import PASSWORDS


@pytest.fixture(autouse=True)
def vietnamese():
    set_lang("vi")


@pytest.fixture
def devs(station):
    d = StationDevices(station.store.data_dir)
    yield d
    d.close()


def _page(qtbot, session, devs):
    page = DevicesPage(session, devs)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    return page


def _cells(table, col):
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_discover_test_and_choose(qtbot, station, officer, devs):
    page = _page(qtbot, officer, devs)
    page.discover()
    assert page.busy_bar.isVisibleTo(page) and not page.find_btn.isEnabled()  # busy
    qtbot.waitUntil(lambda: page.table.rowCount() >= 2, timeout=5000)
    assert {"Máy ảnh", "Máy quét vân tay"} <= set(_cells(page.table, 0))
    row = next(i for i, d in enumerate(page.found)
               if d["device"] == "scanner" and d["spec"] == "simulated")
    page.table.selectRow(row)
    page.test_selected()
    qtbot.waitUntil(lambda: page.result_table.rowCount() == 1, timeout=5000)
    assert _cells(page.result_table, 0) == ["Máy quét vân tay: simulated"]
    assert _cells(page.result_table, 1) == ["Đạt"]
    qtbot.waitUntil(lambda: page.use_btn.isEnabled(), timeout=5000)
    source = devs.source()
    with qtbot.waitSignal(page.chosen, timeout=5000) as chosen:
        page.use_selected()
    assert chosen.args == ["scanner", "simulated"]
    assert page.message.text().startswith("Đã chọn simulated")
    assert settings.load(station.store.data_dir).scanner == "simulated"
    assert isinstance(source.scanner(), SimulatedScanner)
    qtbot.waitUntil(lambda: "sẵn sàng" in page.scanner_state.text(), timeout=5000)
    assert "đang dùng" in _cells(page.table, 3)


def test_officer_sees_settings_read_only(qtbot, officer, devs):
    page = _page(qtbot, officer, devs)
    assert not page.save_btn.isEnabled() and not page.nfiq.isEnabled()
    assert "quản trị viên" in page.settings_msg.text()


def test_admin_saves_settings(qtbot, station, devs):
    admin = station.login("admin", PASSWORDS["admin"])
    page = _page(qtbot, admin, devs)
    qtbot.waitUntil(lambda: page.nfiq.value() == 40, timeout=5000)
    page.nfiq.setValue(50)
    page.limit_boxes["days_since_sync"].setValue(10)
    page.save_settings()
    qtbot.waitUntil(lambda: page.settings_msg.text() == "Đã lưu thiết lập.", timeout=5000)
    saved = settings.load(station.store.data_dir)
    assert saved.nfiq_threshold == 50 and saved.limits == {"days_since_sync": 10}


def test_status_strip_offline_online_and_nearest_limit(qtbot, officer, devs):
    area = MainArea(officer, "Trạm thử", station_devices=devs)
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: "ngày tới hạn" in area.status.text(), timeout=5000)
    text = area.status.text()
    assert text.startswith("○ Ngoại tuyến") and "Máy ảnh" in text
    assert area.devices_page is not None and not area.banner.isVisible()
    area._show_status({"online": True, "counts": {}, "devices": None, "update": None,
                       "nearest": {"name": "days_since_sync", "left": 3.2, "level": "amber"}})
    assert area.status.text().startswith("● Trực tuyến")
    assert area.status.text().endswith("3 ngày tới hạn đồng bộ")
    area.resize(1366, 768)
    assert area.status.fontMetrics().horizontalAdvance(text) < 1366


def test_update_banner(qtbot, officer):
    area = MainArea(officer, "Trạm thử")
    qtbot.addWidget(area)
    area.show_update({"latest": "0.3.0", "installed": "0.1.0", "where_vi": "Trung tâm huyện",
                      "where_en": "District centre"})
    assert area.banner.isVisibleTo(area)
    assert area.banner.text().startswith("Đã có phiên bản mới 0.3.0")
    assert "Trung tâm huyện" in area.banner.text()
    area.show_update(None)
    assert not area.banner.isVisibleTo(area)


def test_limit_text_red():
    assert "quá hạn" in limit_text({"name": "days_since_update", "left": 0, "level": "red"})


def test_device_state_reaches_the_strip_through_signals(qtbot, officer, devs):
    area = MainArea(officer, "Trạm thử", station_devices=devs)
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: "Máy quét –" in area.status.text(), timeout=5000)
    # the manager's callback comes from non-GUI threads, as on a station
    threading.Thread(target=devs.choose, args=(officer, "scanner", "simulated")).start()
    qtbot.waitUntil(lambda: "Máy quét ✓" in area.status.text(), timeout=5000)
    threading.Thread(target=devs.choose, args=(officer, "scanner", "r30x:/dev/nonexistent"),
                     ).start()
    qtbot.waitUntil(lambda: "Máy quét ✗" in area.status.text(), timeout=5000)


def test_banner_after_a_pull_and_none_for_the_same_version(qtbot, station, officer):
    from app.services import version
    from app.store import centre

    station.store.run(centre.add_master_bundle, 1, {"app": {
        "latest": version.version(), "where_vi": "x", "where_en": "x"}})
    area = MainArea(officer, "Trạm thử")
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: "tới hạn" in area.status.text(), timeout=5000)
    assert not area.banner.isVisibleTo(area)  # the same version: nothing to say
    station.store.run(centre.add_master_bundle, 2, {"app": {
        "latest": "99.0", "where_vi": "USB của công an huyện", "where_en": "district USB"}})
    area.refresh_status()
    qtbot.waitUntil(lambda: area.banner.isVisibleTo(area), timeout=5000)
    assert area.banner.text().startswith("Đã có phiên bản mới 99.0")
    assert "USB của công an huyện" in area.banner.text()


def test_saved_limits_reach_the_dashboard(qtbot, station, devs):
    admin = station.login("admin", PASSWORDS["admin"])
    area = MainArea(admin, "Trạm thử", station_devices=devs)
    qtbot.addWidget(area)
    page = area.devices_page
    qtbot.waitUntil(lambda: page.limit_boxes["undelivered"].value() == 2000, timeout=5000)
    page.limit_boxes["undelivered"].setValue(50)
    page.save_settings()
    qtbot.waitUntil(lambda: (area.dashboard.maxima or {}).get("undelivered") == 50, timeout=5000)


def test_strip_fits_1366_with_a_long_station_name(qtbot, officer):
    area = MainArea(officer, "Trạm thu nhận căn cước lưu động số 12 — Xã Nậm Xé, huyện Văn Bàn")
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: "tới hạn" in area.status.text(), timeout=5000)
    area._show_status({"online": False, "counts": {"draft": 999, "captured": 999, "queued": 999},
                       "devices": {"camera": {"state": "ready"}, "scanner": {"state": "absent"}},
                       "update": None, "nearest": {"name": "pending_approvals", "left": 1000,
                                                   "level": "ok"}})
    text = area.status.text()
    margins = area.status.contentsMargins()
    assert area.status.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right() \
        < 1366
