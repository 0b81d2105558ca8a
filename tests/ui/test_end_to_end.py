"""Issue #6 "must show", end to end through the real widgets of the main window: an officer
enrolls a resident (worklist search typed in Vietnamese, live photo and fingerprints from the
simulated devices), a supervisor approves it on the review page, and the sync page delivers it
over HTTP on 127.0.0.1 to the reference centre, which answers with a signed receipt."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut

from app.domain.states import State
from app.packets.receipt import verify_receipt
from app.services import centre_admin, devices, outbox, sync
from app.services.packaging import FACE_BLOB
from app.store import outbox as store_outbox
from app.ui.i18n import set_lang
from app.ui.main_window import MainArea
from tests.conftest import PASSWORDS
from tests.ui.helpers import type_text, worklist
from tests.ui.sync_fixtures import COMMUNE, drain

WAIT = 30_000  # a loaded 2-core box: the photo analyser starts in its own process


def _area(qtbot, session, search=None) -> MainArea:  # noqa: ANN001
    area = MainArea(session, "Trạm thử", worklist=search, devices=devices.simulated_source())
    qtbot.addWidget(area)
    area.resize(1366, 768)
    area.show()
    area.activateWindow()
    qtbot.waitUntil(area.isActiveWindow, timeout=WAIT)
    area.ambiguous = []  # a key two visible shortcuts claim does nothing at all
    for sc in area.findChildren(QShortcut):
        sc.activatedAmbiguously.connect(lambda sc=sc: area.ambiguous.append(sc.key().toString()))
    return area


def _close(area: MainArea) -> None:
    """MainArea never stops its sync page's background worker (only a top-level SyncPage's
    closeEvent does): stop it here so it cannot outlive the test's station."""
    if area.sync_page.worker is not None:
        area.sync_page.worker.stop()
    area.close()
    drain()


def _keys(qtbot, widget, key, mods=Qt.KeyboardModifier.ControlModifier) -> None:  # noqa: ANN001
    qtbot.keyClick(widget, key, mods)


@pytest.fixture
def centre(tmp_path, station):
    data = tmp_path / "centre"
    with centre_admin.running_server(data) as url:
        admin = station.login("admin", PASSWORDS["admin"])
        sync.provision(admin, url, centre_admin.issue_token(data, COMMUNE), COMMUNE)
        yield data, url


def enroll(qtbot, area: MainArea, entry) -> str:  # noqa: ANN001
    page = area.enroll
    _keys(qtbot, area, Qt.Key.Key_N)
    assert area.pages.currentWidget() is page and page.step == "find"
    type_text(page.find.query, entry.full_name)  # with its diacritics, as a keyboard sends
    assert page.find.query.text() == entry.full_name
    qtbot.waitUntil(lambda: page.find.results.count() > 0, timeout=WAIT)
    hits = [page.find.results.item(i).text() for i in range(page.find.results.count())]
    page.find.results.setCurrentRow(next(i for i, h in enumerate(hits)
                                         if entry.personal_id in h))
    qtbot.keyClick(page.find.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.step == "form", timeout=WAIT)
    assert page.form.value()["personal_id"] == entry.personal_id
    type_text(page.form.editors["phone"], "0912345678")
    qtbot.waitUntil(lambda: page.record_id is not None and not page._checker.isActive()
                    and page._answered == page._check_ticket, timeout=WAIT)
    assert not [p for p in page.problems if p.severity == "error"], page.problems
    _keys(qtbot, page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.step == "photo", timeout=WAIT)
    # the simulated camera shows a good face: the step takes the photo by itself
    qtbot.waitUntil(lambda: FACE_BLOB in page.bio_names and not page._pending_blobs,
                    timeout=60_000)
    face = page.bio_capture["face"]
    assert face["quality"] == 100 and not face["forced"]
    assert not page.photo.portrait.pixmap().isNull()
    _keys(qtbot, page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.step == "fingerprints"
    qtbot.waitUntil(lambda: page.fingers.start_button.isEnabled(), timeout=WAIT)
    _keys(qtbot, page.fingers, Qt.Key.Key_E)  # the exception key reaches the step
    dialog = page.fingers.exception_dialog
    assert dialog.isVisible() and area.pages.currentWidget() is page
    dialog.reject()
    area.activateWindow()  # as the window manager does when the dialog goes
    qtbot.waitUntil(area.isActiveWindow, timeout=WAIT)
    _keys(qtbot, page.fingers, Qt.Key.Key_K)  # start: slaps, then finger by finger
    qtbot.waitUntil(lambda: len(page.bio_names) == 14 and not page._pending_blobs,
                    timeout=90_000)
    assert set(page.fingers.finger_states().values()) == {"good"}
    assert page.bio_missing() == []
    _keys(qtbot, page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.step == "review"
    qtbot.waitUntil(lambda: page.review.table.rowCount() > 5, timeout=WAIT)
    assert not page.review.save.isEnabled()  # the resident's consent first
    page.review.consent.setChecked(True)
    qtbot.waitUntil(page.review.ready, timeout=WAIT)
    qtbot.mouseClick(page.review.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.step == "done", timeout=WAIT)
    rows = area.session.station.list_records(State.CAPTURED)
    assert len(rows) == 1 and area.ambiguous == []
    return rows[0]["id"]


def approve(qtbot, area: MainArea, rid: str) -> None:
    page = area.review
    _keys(qtbot, area, Qt.Key.Key_D)
    assert area.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    assert page.rows[0]["id"] == rid and page.rows[0]["risk"] == 0
    asked = []
    page.ask = lambda title, need_reason: (asked.append(need_reason)
                                           or (PASSWORDS["super1"], ""))
    page.table.selectRow(0)
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 0 and "Đã duyệt 1 hồ sơ"
                    in page.message.text(), timeout=WAIT)
    assert asked == [False]  # a password, no reason


def test_enroll_approve_sync_through_the_main_window(qtbot, station, officer, supervisor,
                                                     centre):
    set_lang("vi")
    entries, search = worklist()
    entry = entries[0]
    area = _area(qtbot, officer, search)
    try:
        rid = enroll(qtbot, area, entry)
    finally:
        _close(area)
    rec = officer.show(rid)
    assert rec["data"]["personal_id"] == entry.personal_id
    assert rec["data"]["full_name"] == entry.full_name and rec["data"]["phone"] == "0912345678"
    assert len(rec["blobs"]) == 14 and rec["data"]["_signatures"]

    area = _area(qtbot, supervisor)
    try:
        page = area.sync_page
        qtbot.waitUntil(lambda: page.last_report is not None, timeout=WAIT)  # worker's 1st pass
        assert page.last_report["online"] and page.last_report["delivered"] == []
        approve(qtbot, area, rid)
        assert [r["id"] for r in station.list_records(State.APPROVED)] == [rid]

        _keys(qtbot, area, Qt.Key.Key_S)
        assert area.pages.currentWidget() is page
        page.last_report, page.refreshed = None, False
        qtbot.mouseClick(page.sync_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.last_report is not None and page.refreshed, timeout=WAIT)
        report = page.last_report
        assert report["online"] and report["delivered"] == [rid] and report["pending"] == 0
        assert page.state_of(rid) == "delivered" and page.table.rowCount() == 1
        assert page.table.item(0, 1).text() == "Đã gửi (có biên nhận)"
        assert rid.startswith(page.table.item(0, 0).text())
        assert page.overall.value() == page.overall.maximum() == 1
        assert "Đã gửi 1 gói, còn 0 gói chờ" in page.message.text()
        assert area.ambiguous == []
    finally:
        _close(area)

    assert [r["id"] for r in station.list_records(State.DELIVERED)] == [rid]
    wire = station.store.run(store_outbox.receipt, rid)
    sha = hashlib.sha256(station.store.run(store_outbox.envelope, rid)).hexdigest()
    got = verify_receipt(wire, outbox.centre_public(supervisor).receipt, rid, sha)
    assert got.packet_id == rid and got.status == "received"
