from datetime import date

import pytest

from app.domain.errors import InputError
from app.domain.masterdata import default_master
from app.domain.names import fold
from app.services import worklist
from app.services.enrollment import Enrollment

TODAY = date(2026, 11, 22)


def test_import_search_prefill(officer):
    n = worklist.import_synthetic(officer, default_master(), 300, 4, TODAY)
    assert n == 300 and worklist.info(officer)["entries"] == 300
    some = worklist.search(officer, "nguyen")
    assert some and all("nguyen" in fold(e["full_name"]) for e in some)
    target = some[0]
    hit = worklist.search(officer, target["personal_id"])
    assert [e["personal_id"] for e in hit] == [target["personal_id"]]
    words = fold(target["full_name"]).split()
    assert target in worklist.search(officer, " ".join(words))
    form = worklist.prefill(target)
    flow = Enrollment(officer, default_master(), today=lambda: TODAY)
    assert flow.check(form).errors == []  # a prefilled form is valid as it stands
    assert form["request_type"] in ("new", "renew")


def test_bad_extract_changes_nothing(officer):
    worklist.import_synthetic(officer, default_master(), 10, 1, TODAY)
    good = worklist.search(officer, worklist.search(officer, "thi")[0]["personal_id"])
    with pytest.raises(InputError) as e:
        worklist.import_entries(officer, "bad", [{"personal_id": "1"}])
    assert "1" in e.value.en
    assert worklist.info(officer)["entries"] == 10
    assert worklist.search(officer, good[0]["personal_id"]) == good
