from datetime import date

import pytest

from app.domain.masterdata import default_master
from app.domain.problems import RecordInputError
from app.domain.synthetic import generate_worklist
from app.services.enrollment import Enrollment, demographics
from app.services.station import Station
from app.store.crypto import FAST_KDF
from tests.biometrics import biometrics, complete
from tests.conftest import PASSWORDS
from tests.forms import child_form

TODAY = date(2026, 11, 22)


@pytest.fixture
def forms():
    return [e.to_record().to_json() for e in generate_worklist(default_master(), 5, 3, TODAY)]


@pytest.fixture
def enroll(officer):
    return Enrollment(officer, default_master(), today=lambda: TODAY)


def test_draft_survives_close_and_resumes_at_its_step(station, enroll, forms):
    half = {"full_name": forms[0]["full_name"], "date_of_birth": "19"}  # half typed, invalid
    rid = enroll.save_draft(half, step="form")
    rid2 = enroll.save_draft({**half, "date_of_birth": forms[0]["date_of_birth"]}, "photo", rid)
    assert rid2 == rid
    path = station.store.data_dir
    station.close()  # as a crash or logout would: no explicit save
    again = Station.open(path, kdf=FAST_KDF)
    try:
        e2 = Enrollment(again.login("officer1", PASSWORDS["officer1"]), default_master(),
                        today=lambda: TODAY)
        drafts = e2.drafts()
        assert [(d["id"], d["full_name"], d["step"]) for d in drafts] == [
            (rid, forms[0]["full_name"], "photo")]
        form, step = e2.resume(rid)
        assert form["date_of_birth"] == forms[0]["date_of_birth"] and step == "photo"
        assert "_step" not in form
        e2.discard(rid)
        assert e2.drafts() == []
    finally:
        again.close()


def test_drafts_are_per_officer(station, enroll, supervisor, forms):
    enroll.save_draft(forms[0])
    other = Enrollment(supervisor, default_master(), today=lambda: TODAY)
    assert other.drafts() == [] and len(enroll.drafts()) == 1


def test_complete_blocks_on_errors_and_names_fields(station, enroll, forms):
    bad = {**forms[0], "personal_id": "12345", "date_of_birth": "2030-01-01", "sex": "robot"}
    with pytest.raises(RecordInputError) as e:
        complete(enroll, bad)
    fields = {p.field for p in e.value.problems}
    assert {"personal_id", "date_of_birth", "sex"} <= fields
    assert station.list_records() == []  # nothing saved


def test_complete_seals_and_duplicate_needs_a_reason(station, enroll, forms):
    rid = complete(enroll, forms[1])
    rec = enroll.session.show(rid)
    assert rec["state"] == "captured" and demographics(rec["data"]) == forms[1]
    with pytest.raises(RecordInputError) as e:
        complete(enroll, forms[1])
    assert [p.code for p in e.value.problems] == ["duplicate_local"]
    rid2 = complete(enroll, forms[1],
                    reasons={"personal_id:duplicate_local": "thẻ bị mất, làm lại"})
    data = enroll.session.show(rid2)["data"]
    assert data["_flags"] == ["duplicate_local"] and data["_reasons"]
    assert enroll.check(forms[2]).problems == []


def test_biometrics_by_age(enroll):
    assert enroll.biometrics_required({"date_of_birth": "2022-01-01"}) == "none"
    assert enroll.biometrics_required({"date_of_birth": "2015-01-01"}) == "with_guardian"
    assert enroll.biometrics_required({"date_of_birth": "1960"}) == "full"


def test_biometrics_required_by_age(enroll, forms):
    from app.domain.errors import InputError

    with pytest.raises(InputError) as e:  # an adult without prints or photo
        enroll.complete(forms[2])
    assert e.value.code == "biometrics_missing" and "finger 13" in e.value.en
    blobs, capture = biometrics()
    capture["fingers"] = [f for f in capture["fingers"] if f["position"] != 7]
    capture["fingers"].append({"position": 7, "exception": "amputated"})
    del blobs["finger-07.wsq"]
    assert enroll.complete(forms[2], blobs=blobs, capture=capture)  # exception counts
    kid = child_form(forms[3], 4, TODAY)
    assert enroll.check(kid).errors == []
    assert enroll.session.show(enroll.complete(kid))["blob_count"] == 0  # under 6: none
