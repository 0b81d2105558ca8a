from datetime import date

import pytest

from app.domain.errors import AuthError, InputError
from app.domain.masterdata import default_master
from app.domain.synthetic import generate_worklist
from app.packets.checks import check_role
from app.services import packaging
from app.services.enrollment import Enrollment
from app.services.review import Review
from tests.biometrics import complete
from tests.conftest import PASSWORDS

TODAY = date(2026, 11, 22)


@pytest.fixture
def forms():
    return [e.to_record().to_json() for e in generate_worklist(default_master(), 6, 5, TODAY)]


@pytest.fixture
def enroll(officer):
    return Enrollment(officer, default_master(), today=lambda: TODAY)


@pytest.fixture
def review(supervisor):
    return Review(supervisor)


def test_queue_sorted_by_risk_and_approve_signs(enroll, review, supervisor, forms):
    clean = complete(enroll, forms[0])
    dup = complete(enroll, forms[0], reasons={"personal_id:duplicate_local": "mất thẻ"})
    forced = complete(enroll, forms[1], capture={"face": {"quality": 40, "forced": True,
                                                         "retries": 3}})
    q = review.queue()
    assert [r["id"] for r in q] == [dup, forced, clean]
    assert {r["kind"] for r in q[1]["reasons"]} == {"forced", "retries_at_cap"}
    assert q[2]["risk"] == 0
    assert review.approve_clean(PASSWORDS["super1"]) == [clean]
    rec = supervisor.show(clean)
    assert rec["state"] == "approved"
    sigs = {e["role"]: e for e in rec["data"]["_signatures"]}
    contents = packaging.contents_for(rec, supervisor.blobs(clean), supervisor.station_id())
    for role in ("officer", "supervisor"):  # both verify over the rebuilt contents
        check_role(role, contents.manifest, sigs, None, None)
    assert sigs["supervisor"]["signer_id"] == supervisor.user.id


def test_approve_needs_password_and_role(enroll, review, officer, forms):
    rid = complete(enroll, forms[2])
    with pytest.raises(AuthError):
        review.approve([rid], "wrong-password")
    assert officer.show(rid)["state"] == "captured"
    with pytest.raises(AuthError):
        Review(officer).approve([rid], PASSWORDS["officer1"])
    assert officer.show(rid)["state"] == "captured"


def test_record_altered_after_capture_is_not_approved(station, enroll, review, officer, forms):
    rid = complete(enroll, forms[3])
    data = officer.show(rid)["data"]
    data["full_name"] = "Người Khác"
    officer.save_record(data, record_id=rid)  # edited behind the wizard's back
    with pytest.raises(Exception, match="signature|chữ ký"):
        review.approve([rid], PASSWORDS["super1"])
    assert officer.show(rid)["state"] == "captured"


def test_reject_goes_back_with_reason_and_can_be_redone(enroll, review, forms):
    rid = complete(enroll, forms[4])
    with pytest.raises(InputError):
        review.reject(rid, "  ", PASSWORDS["super1"])
    review.reject(rid, "Ảnh bị mờ, chụp lại", PASSWORDS["super1"])
    back = enroll.returned()
    assert [(r["id"], r["reason"]) for r in back] == [(rid, "Ảnh bị mờ, chụp lại")]
    form, _ = enroll.reopen(rid)
    again = complete(enroll, form, record_id=rid)
    assert again == rid and review.queue()[0]["id"] == rid
