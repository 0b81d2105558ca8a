"""Sync centre page against a real reference centre: delivery, offline, returned packets,
USB export/import, and the GUI thread never stalls while a sync runs."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest

from app.services import centre_admin
from app.services import sync as sync_service
from app.ui.i18n import set_lang
from app.ui.sync_page import OFFLINE, SyncPage
from tests.ui.sync_fixtures import drain, enrolled, provisioned


@pytest.fixture(autouse=True)
def vietnamese():
    set_lang("vi")


@pytest.fixture
def centre(tmp_path):
    data = tmp_path / "centre"
    with centre_admin.running_server(data) as url:
        yield data, url


def _page(qtbot, session, **kw):
    page = SyncPage(session, **kw)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    qtbot.waitUntil(lambda: getattr(page, "refreshed", False), timeout=5000)
    return page


def _sync(qtbot, page):
    page.last_report = None
    page.refreshed = False
    page.sync_btn.click()
    qtbot.waitUntil(lambda: page.last_report is not None and page.refreshed, timeout=30000)
    return page.last_report


def test_sync_now_delivers_and_rows_show_receipts(qtbot, tmp_path, centre):
    data, url = centre
    st = provisioned(tmp_path, data, url)
    try:
        sup, ids = enrolled(st, 3, 71)
        page = _page(qtbot, sup)
        assert page.table.rowCount() == 0  # approved, not sealed yet: queued on sync
        report = _sync(qtbot, page)
        assert sorted(report["delivered"]) == sorted(ids)
        assert [page.state_of(i) for i in ids] == ["delivered"] * 3
        assert page.overall.value() == 3 and page.overall.maximum() == 3
        for i in range(3):
            bar = page.table.cellWidget(i, 2)
            assert bar.value() == bar.maximum() > 1  # full size shown, offset of size
        assert "Đã gửi 3 gói, còn 0 gói chờ" in page.message.text()
        assert "Lần liên lạc cuối" in page.contact.text()
        assert "lệch đồng hồ" in page.contact.text()
    finally:
        drain()
        st.close()


def test_offline_says_data_is_safe_and_keeps_pending(qtbot, tmp_path):
    data = tmp_path / "centre"
    with centre_admin.running_server(data) as url:
        st = provisioned(tmp_path, data, url)
    try:  # the centre is gone now
        sup, ids = enrolled(st, 2, 72)
        page = _page(qtbot, sup)
        report = _sync(qtbot, page)
        assert report["online"] is False and report["pending"] == 2
        assert OFFLINE[0] in page.message.text()
        assert "Còn 2 gói chờ gửi" in page.message.text()
        assert sorted(page.state_of(i) for i in ids) == ["queued", "queued"]
        assert page.overall.value() == 0 and page.overall.maximum() == 2
        assert page.sync_btn.isEnabled()
    finally:
        drain()
        st.close()


def test_returned_packet_is_highlighted_with_the_reason(qtbot, tmp_path, centre):
    data, url = centre
    st = provisioned(tmp_path, data, url)
    try:
        sup, ids = enrolled(st, 2, 73)
        page = _page(qtbot, sup)
        _sync(qtbot, page)
        centre_admin.mark_packet(data, ids[0], "accepted")
        centre_admin.mark_packet(data, ids[1], "returned", "ảnh không đạt, chụp lại")
        _sync(qtbot, page)
        assert page.state_of(ids[0]) == "accepted" and page.state_of(ids[1]) == "returned"
        assert page.row_is_highlighted(ids[1]) and not page.row_is_highlighted(ids[0])
        assert page.table.item(0, 3).text() == "ảnh không đạt, chụp lại"  # returned first
        assert page.table.item(0, 1).text() == "Bị trả lại"
    finally:
        drain()
        st.close()


def test_ctrl_enter_runs_sync(qtbot, tmp_path, centre):
    data, url = centre
    st = provisioned(tmp_path, data, url)
    try:
        sup, ids = enrolled(st, 1, 74)
        page = _page(qtbot, sup)
        page.show()
        page.activateWindow()
        qtbot.waitActive(page)
        page.last_report = None
        QTest.keyClick(page.windowHandle(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: page.last_report is not None, timeout=10000)
        assert page.last_report["delivered"] == ids
    finally:
        drain()
        st.close()


def test_usb_export_verified_then_imported_by_another_station(qtbot, tmp_path, centre):
    data, url = centre
    (tmp_path / "far").mkdir()
    far = provisioned(tmp_path / "far", data, url)  # no link at the village: a USB stick
    near = provisioned(tmp_path, data, url)
    try:
        far_sup, ids = enrolled(far, 2, 75)
        page = _page(qtbot, far_sup)
        got = []
        page.exported.connect(got.append)
        page.export_to(tmp_path / "usb")
        qtbot.waitUntil(lambda: bool(got), timeout=20000)
        assert got[0]["verified"] and got[0]["count"] == 2
        assert "Đọc lại: chữ ký và mọi tệp đều đúng" in page.usb.text()
        qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=5000)
        assert page.table.item(0, 3).text() == "Đã xuất ra USB"

        near_sup, _ = enrolled(near, 0, 76)
        near_page = _page(qtbot, near_sup)
        done = []
        near_page.imported.connect(done.append)
        near_page.import_from(tmp_path / "usb")
        qtbot.waitUntil(lambda: bool(done), timeout=30000)
        assert sorted(done[0]["sent"]) == sorted(ids)
        assert "gửi 2" in near_page.usb.text()
        page.refreshed = False
        page.sync_now()  # the far station's next pass gets the stored receipts
        qtbot.waitUntil(lambda: page.refreshed and not page.busy, timeout=30000)
        assert sorted(page.state_of(i) for i in ids) == ["delivered", "delivered"]
    finally:
        drain()
        far.close()
        near.close()


def test_corrupt_batch_is_explained(qtbot, tmp_path, centre):
    data, url = centre
    st = provisioned(tmp_path, data, url)
    try:
        sup, _ = enrolled(st, 0, 77)
        page = _page(qtbot, sup)
        (tmp_path / "empty").mkdir()
        page.import_from(tmp_path / "empty")
        qtbot.waitUntil(lambda: page.import_btn.isEnabled(), timeout=5000)
        assert "Không đọc được bản kê lô" in page.usb.text()
    finally:
        drain()
        st.close()


def test_background_worker_reports_reach_the_page(qtbot, tmp_path, centre):
    data, url = centre
    st = provisioned(tmp_path, data, url)
    try:
        sup, ids = enrolled(st, 1, 78)
        page = _page(qtbot, sup, worker_factory=lambda s, cb: sync_service.SyncWorker(
            s, cb, interval=3600))
        qtbot.waitUntil(lambda: page.state_of(ids[0]) == "delivered", timeout=30000)
        assert page.last_report["delivered"] == ids
        page.worker.stop()
    finally:
        drain()
        st.close()


def test_gui_thread_never_stalls_during_sync(qtbot, tmp_path, centre):
    """A 10 ms QTimer on the GUI thread: the longest gap between ticks while sync_now uploads
    must stay under 50 ms (event-loop stall, not the sync's wall time)."""
    data, url = centre
    st = provisioned(tmp_path, data, url)
    try:
        sup, ids = enrolled(st, 4, 79)
        page = _page(qtbot, sup)
        clock, gaps = QElapsedTimer(), []
        timer = QTimer()
        timer.setInterval(10)

        def tick():
            gaps.append(clock.restart())
        clock.start()
        timer.timeout.connect(tick)
        timer.start()
        page.last_report = None
        started = time.monotonic()
        page.sync_btn.click()
        qtbot.waitUntil(lambda: page.last_report is not None, timeout=30000)
        timer.stop()
        assert sorted(page.last_report["delivered"]) == sorted(ids)
        assert len(gaps) > 5, (len(gaps), time.monotonic() - started)
        assert max(gaps[1:]) <= 50, sorted(gaps)[-5:]
    finally:
        drain()
        st.close()
