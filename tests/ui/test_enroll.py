"""The enrollment wizard offscreen, through its real widgets, on a real (temporary) station."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.masterdata import default_master
from app.domain.names import fold
from app.domain.states import State
from app.services.capture import DeviceSource
from app.services.enrollment import Enrollment
from app.services.packaging import FACE_BLOB
from app.services.station import Session
from app.ui.enroll_page import EnrollPage
from app.ui.i18n import set_lang
from devices.camera.synthetic import SyntheticCamera
from tests.biometrics import biometrics
from tests.ui.helpers import TODAY, ThreadGuard, type_text, worklist

WAIT = 10_000


@pytest.fixture
def wl():
    return worklist()


def make_page(qtbot, officer, search) -> EnrollPage:
    set_lang("vi")
    page = EnrollPage(officer, default_master(), search,
                      DeviceSource(camera=SyntheticCamera), today=lambda: TODAY,
                      autosave_ms=30, check_ms=10)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


@pytest.fixture
def page(qtbot, officer, wl):
    return make_page(qtbot, officer, wl[1])


def pick_first(qtbot, page, text):
    type_text(page.find.query, text)
    qtbot.keyClick(page.find.query, Qt.Key.Key_Return)  # Enter before the search answered
    qtbot.waitUntil(lambda: page.step == "form", timeout=WAIT)


def capture_now(qtbot, page):
    """The live photo step takes the photo (Ctrl+K, or by itself); the prints then arrive as
    the fingerprint step sends them."""
    assert page.step == "photo"
    qtbot.keyClick(page.photo, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "face.jpg" in page.bio_names and not page._pending_blobs,
                    timeout=WAIT)
    blobs, capture = biometrics()
    del blobs[FACE_BLOB], capture["face"]
    page.fingers.captured.emit(blobs, capture)
    qtbot.waitUntil(lambda: len(page.bio_names) == 14 and not page._pending_blobs,
                    timeout=WAIT)


def capture_to_review(qtbot, page):
    """From a valid form: Next, the photo and prints, on through to the review step."""
    page.go_next()
    qtbot.waitUntil(lambda: page.step == "photo", timeout=WAIT)
    capture_now(qtbot, page)
    page.go_next()
    page.go_next()
    assert page.step == "review"


def wait_saved(qtbot, page):
    qtbot.waitUntil(lambda: page.record_id is not None and not page._saving
                    and not page._dirty, timeout=WAIT)


def test_typing_vietnamese_goes_into_the_field_and_the_draft(qtbot, page, officer):
    qtbot.mouseClick(page.find.blank_button, Qt.MouseButton.LeftButton)
    assert page.step == "form"
    name = page.form.editors["full_name"]
    type_text(name, "Nguyễn Thị Ánh")
    assert name.text() == "Nguyễn Thị Ánh"
    wait_saved(qtbot, page)
    data = officer.show(page.record_id)["data"]
    assert data["full_name"] == "Nguyễn Thị Ánh" and data["_step"] == "form"
    assert data["nationality"] == "VN"  # the blank form's defaults travel too


def test_validation_appears_under_the_right_field(qtbot, page):
    page.find.blank.emit()
    type_text(page.form.editors["phone"], "12ab")
    msgs = page.form.messages
    qtbot.waitUntil(lambda: "Số điện thoại không hợp lệ" in msgs["phone"].label.text(),
                    timeout=WAIT)
    assert msgs["phone"].isVisible() and msgs["phone"].label.objectName() == "field_error"
    assert not msgs["email"].isVisible()
    assert not msgs["full_name"].isVisible()  # untouched fields stay quiet until Next
    type_text(page.form.editors["full_name"], "Ánh")  # one word: a warning needing a reason
    qtbot.waitUntil(lambda: msgs["full_name"].reason.isVisible(), timeout=WAIT)
    assert msgs["full_name"].label.objectName() == "field_warning"
    qtbot.mouseClick(page.next, Qt.MouseButton.LeftButton)  # errors keep the officer here
    assert page.step == "form"
    assert "Chưa nhập ngày sinh" in msgs["date_of_birth"].label.text()
    assert "Cần nơi thường trú" in msgs["permanent_residence"].label.text()


def test_worklist_search_without_diacritics_prefills(qtbot, page, wl):
    entry = wl[0][0]
    query = fold(entry.full_name)  # "nguyen van viet": no accents typed
    type_text(page.find.query, query)
    qtbot.waitUntil(lambda: page.find.results.count() > 0, timeout=WAIT)
    hits = [page.find.results.item(i).text() for i in range(page.find.results.count())]
    assert any(entry.personal_id in h for h in hits)
    row = next(i for i, h in enumerate(hits) if entry.personal_id in h)
    page.find.results.setCurrentRow(row)
    qtbot.keyClick(page.find.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.step == "form", timeout=WAIT)
    v = page.form.value()
    assert (v["full_name"], v["personal_id"], v["date_of_birth"], v["sex"]) == (
        entry.full_name, entry.personal_id, entry.date_of_birth, entry.sex)
    assert v["permanent_residence"]["commune"] == entry.residence.commune
    assert page.form.editors["date_of_birth"].text() == "/".join(
        reversed(entry.date_of_birth.split("-")))
    wait_saved(qtbot, page)  # a prefilled form is a draft at once
    qtbot.waitUntil(lambda: page.problems is not None and not page._checker.isActive(),
                    timeout=WAIT)
    assert not [p for p in page.problems if p.field == "personal_id"]  # not its own duplicate


def test_draft_survives_the_window_and_resumes_at_its_step(qtbot, officer, wl):
    page = make_page(qtbot, officer, wl[1])
    pick_first(qtbot, page, "nguyen")
    type_text(page.form.editors["phone"], "0912345678")
    qtbot.waitUntil(lambda: not page._checker.isActive() and page.problems is not None,
                    timeout=WAIT)
    qtbot.waitUntil(lambda: not [p for p in page.problems if p.severity == "error"],
                    timeout=WAIT)
    page.go_next()
    qtbot.waitUntil(lambda: page.step == "photo", timeout=WAIT)
    capture_now(qtbot, page)
    wait_saved(qtbot, page)
    form, rid = page.form.value(), page.record_id
    assert len(officer.show(rid)["blobs"]) == 14  # portrait + 13 prints, in the draft
    page.close()
    page.deleteLater()
    qtbot.wait(50)
    enr = Enrollment(officer, default_master())
    drafts = enr.drafts()
    assert [(d["id"], d["step"]) for d in drafts] == [(rid, "photo")]
    again = make_page(qtbot, officer, wl[1])
    again.resume(rid)
    qtbot.waitUntil(lambda: again.step == "photo", timeout=WAIT)
    assert again.record_id == rid and again.form.value() == form
    assert again.photo.portrait.pixmap() is not None and not again.photo.portrait.pixmap().isNull()
    assert again.bio_missing() == []
    assert set(again.fingers.finger_states().values()) == {"good"}  # per-finger state back


def test_complete_enrollment_creates_a_captured_record(qtbot, page, officer, station):
    pick_first(qtbot, page, "nguyen")
    qtbot.waitUntil(lambda: page.problems is not None and not page._checker.isActive(),
                    timeout=WAIT)
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.step == "photo", timeout=WAIT)
    capture_now(qtbot, page)
    for expected in ("fingerprints", "review"):
        qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        assert page.step == expected
    qtbot.waitUntil(lambda: page.review.table.rowCount() > 5, timeout=WAIT)
    assert not page.review.save.isEnabled()  # consent first
    page.review.consent.setChecked(True)
    assert page.review.save.isEnabled()
    name = page.form.value()["full_name"]
    qtbot.mouseClick(page.review.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.step == "done", timeout=WAIT)
    captured = station.list_records(State.CAPTURED)
    assert len(captured) == 1 and station.list_records(State.DRAFT) == []
    rec = officer.show(captured[0]["id"])
    assert rec["data"]["full_name"] == name and rec["data"]["_signatures"]
    assert len(rec["blobs"]) == 14 and rec["data"]["_capture"]["face"]["quality"] == 100
    assert name.upper() in page.done.detail.text()
    qtbot.keyClick(page.done.next, Qt.Key.Key_Return)
    assert page.step == "find" and page.record_id is None


def test_age_rules_show_representative_and_skip_biometrics_under_6(qtbot, page):
    page.find.blank.emit()
    rep = page.form.rep_rows[0]
    assert not rep.isVisibleTo(page)
    type_text(page.form.editors["date_of_birth"], "01/02/2022")  # 4 years old
    assert rep.isVisibleTo(page) and page.form.rep_note.isVisibleTo(page)
    assert page._route() == ["form", "review"]
    page.form.editors["date_of_birth"].clear()
    type_text(page.form.editors["date_of_birth"], "01/02/2016")  # 10: guardian, biometrics
    assert page._route() == ["form", "photo", "fingerprints", "review"]
    assert "người giám hộ" in page.photo.policy.text()
    page.form.editors["date_of_birth"].clear()
    type_text(page.form.editors["date_of_birth"], "1990")
    assert not rep.isVisibleTo(page)


def test_warning_reason_is_kept_and_lets_the_record_complete(qtbot, page, station):
    pick_first(qtbot, page, "nguyen")
    msgs = page.form.messages
    page.form.editors["full_name"].clear()
    type_text(page.form.editors["full_name"], "Ánh")
    qtbot.waitUntil(lambda: msgs["full_name"].reason.isVisible(), timeout=WAIT)
    type_text(msgs["full_name"].reason, "Giấy khai sinh ghi một chữ")
    capture_to_review(qtbot, page)
    qtbot.waitUntil(lambda: "lý do: Giấy khai sinh" in page.review.notes.text(), timeout=WAIT)
    page.review.consent.setChecked(True)
    page.complete()
    qtbot.waitUntil(lambda: page.step == "done", timeout=WAIT)
    assert len(station.list_records(State.CAPTURED)) == 1


def test_gui_thread_never_calls_a_service(qtbot, monkeypatch, officer, wl):
    guard = ThreadGuard()
    guard.wrap(monkeypatch, Session, ["save_record", "show", "search", "save_and_transition",
                                      "discard", "blobs", "transition"])
    guard.wrap(monkeypatch, Enrollment, ["save_draft", "drafts", "resume", "check", "complete",
                                         "discard", "returned"])
    page = make_page(qtbot, officer, wl[1])
    pick_first(qtbot, page, "nguyen")
    type_text(page.form.editors["phone"], "0912345678")
    wait_saved(qtbot, page)
    page.go("photo")
    capture_now(qtbot, page)
    page.go("review")
    page.review.consent.setChecked(True)
    qtbot.waitUntil(page.review.ready, timeout=WAIT)
    page.complete()
    qtbot.waitUntil(lambda: page.step == "done", timeout=WAIT)
    page.open_drafts()
    qtbot.waitUntil(lambda: "Không có hồ sơ dở dang" in page._drafts_dialog.message.text(),
                    timeout=WAIT)
    assert {"save_draft", "check", "complete", "drafts"} <= set(guard.calls)
    assert guard.on_gui == []


def test_review_blocks_saving_without_biometrics(qtbot, page):
    pick_first(qtbot, page, "nguyen")
    page.go("review")
    qtbot.waitUntil(lambda: "Chưa đủ sinh trắc học" in page.review.notes.text(), timeout=WAIT)
    page.review.consent.setChecked(True)
    assert not page.review.save.isEnabled()


def test_next_right_after_typing_waits_for_the_check(qtbot, page):
    """Next pressed before the background check answered must not slip past errors."""
    page.find.blank.emit()
    type_text(page.form.editors["full_name"], "Lò Thị Mai")
    page.go_next()  # no event processed since typing: the check is still pending
    qtbot.waitUntil(lambda: not page._advance_pending, timeout=WAIT)
    assert page.step == "form"
    assert "Chưa nhập ngày sinh" in page.form.messages["date_of_birth"].label.text()


def test_print_cc01_at_review_and_the_slip_once_saved(qtbot, page, officer):
    """Ctrl+P at review prints the CC01 summary of this draft (with its portrait); Ctrl+P on
    the saved page prints the CC02 slip with a receipt number. The print dialog is replaced."""
    printed: list[dict] = []
    page.printing.print_fn = lambda form, _parent: printed.append(form) or True
    pick_first(qtbot, page, "nguyen")
    qtbot.waitUntil(lambda: page.problems is not None and not page._checker.isActive(),
                    timeout=WAIT)
    capture_to_review(qtbot, page)
    wait_saved(qtbot, page)
    name = page.form.value()["full_name"]
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(printed) == 1, timeout=WAIT)
    cc01 = printed[0]
    assert cc01["code"] == "CC01" and cc01["photo"][:2] == b"\xff\xd8"  # the JPEG portrait
    assert any(name.upper() in v.upper() for _label, v in cc01["fields"])
    assert "CC01" in page.save_state.text()
    page.review.consent.setChecked(True)
    qtbot.waitUntil(lambda: page.review.ready(), timeout=WAIT)
    page.complete()
    qtbot.waitUntil(lambda: page.step == "done", timeout=WAIT)
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(printed) == 2, timeout=WAIT)
    slip = printed[1]
    assert slip["code"] == "CC02" and len(slip["receipt_no"]) > 10 and slip["qr"]
    assert "CC02" in page.done.status.text()
