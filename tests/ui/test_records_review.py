"""Records page and supervisor queue offscreen, on records made through the real services."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.masterdata import default_master
from app.domain.names import upper
from app.domain.states import State
from app.services.enrollment import Enrollment
from app.ui.i18n import set_lang
from app.ui.main_window import MainArea
from app.ui.records_page import RecordsPage
from app.ui.review_page import ReviewPage
from tests.biometrics import complete
from tests.conftest import PASSWORDS
from tests.forms import adult_forms
from tests.ui.helpers import TODAY, type_text

WAIT = 10_000


@pytest.fixture
def made(officer):
    """Two sealed records (one overriding a warning) and one draft."""
    enr = Enrollment(officer, default_master(), today=lambda: TODAY)
    forms = adult_forms(3, 11, TODAY)
    clean = complete(enr, forms[0])
    risky = complete(enr, {**forms[1], "full_name": "Ánh"},
                     reasons={"full_name:name_single_word": "giấy khai sinh ghi vậy"})
    draft = enr.save_draft(forms[2], "photo")
    return forms, clean, risky, draft


def test_records_page_lists_filters_searches_and_opens(qtbot, officer, made):
    set_lang("vi")
    forms, clean, risky, draft = made
    page = RecordsPage(officer, default_master())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=WAIT)
    names = [page.table.item(i, 1).text() for i in range(3)]
    assert names == [upper(forms[0]["full_name"]), "ÁNH", upper(forms[2]["full_name"])]
    page.state.set_value(State.DRAFT.value)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    assert page.table.item(0, 3).text() == "Nháp"
    page.state.set_value("")
    type_text(page.query, forms[0]["personal_id"])
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and page.rows[0]["id"] == clean,
                    timeout=WAIT)
    page.table.setCurrentCell(0, 1)
    qtbot.waitUntil(lambda: page.view.table.rowCount() > 5, timeout=WAIT)
    assert "Chờ duyệt" in page.view.head.text()
    values = [page.view.table.item(i, 1).text() for i in range(page.view.table.rowCount())]
    assert forms[0]["personal_id"] in values


def test_supervisor_queue_risk_first_approve_and_reject(qtbot, supervisor, officer, made,
                                                        station):
    set_lang("vi")
    forms, clean, risky, draft = made
    page = ReviewPage(supervisor, default_master())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=WAIT)
    assert page.rows[0]["id"] == risky  # the overridden warning comes first
    assert "Bỏ qua cảnh báo" in page.table.item(0, 3).text()
    asked = []
    page.ask = lambda title, need_reason: (asked.append(need_reason) or
                                           (PASSWORDS["super1"], "Ảnh mờ, chụp lại"))
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    assert asked == [True]
    page.clean_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=WAIT)
    assert "Đã duyệt 1 hồ sơ" in page.message.text()
    assert [r["id"] for r in station.list_records(State.APPROVED)] == [clean]
    returned = Enrollment(officer, default_master()).returned()
    assert [(r["id"], r["reason"]) for r in returned] == [(risky, "Ảnh mờ, chụp lại")]


def test_wrong_password_approves_nothing(qtbot, supervisor, made, station):
    page = ReviewPage(supervisor, default_master())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=WAIT)
    page.ask = lambda *_: ("wrong-password", "")
    page.table.selectAll()
    page.approve_selected()
    qtbot.waitUntil(lambda: "mật khẩu" in page.message.text().lower(), timeout=WAIT)
    assert station.list_records(State.APPROVED) == []


def test_officer_sees_queue_but_cannot_approve(qtbot, officer, made):
    page = ReviewPage(officer, default_master())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=WAIT)
    assert not page.approve_button.isEnabled() and not page.clean_button.isEnabled()
    assert "Chỉ trưởng ca" in page.message.text()


def test_main_area_registers_the_pages(qtbot, officer):
    area = MainArea(officer, "Trạm thử")
    qtbot.addWidget(area)
    area.show()
    area.activateWindow()
    qtbot.waitUntil(area.isActiveWindow, timeout=WAIT)
    assert area.pages.widget(0) is area.enroll and area.pages.widget(1) is area.records
    qtbot.keyClick(area, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert area.pages.currentWidget() is area.review
