"""Due-for-card rule, worklist search, synthetic worklists, printed form fields, receipt numbers."""

from collections import Counter
from datetime import date

import pytest

from app.domain import idnumber
from app.domain.forms import (
    cc01_fields,
    cc02_fields,
    check_receipt_no,
    display_date,
    make_receipt_no,
)
from app.domain.masterdata import CURRENT, default_master
from app.domain.synthetic import SURNAMES, generate_worklist
from app.domain.validation import validate
from app.domain.worklist import (
    NO_CARD,
    REASONS,
    WorklistEntry,
    card_valid_until,
    due_reason,
    search,
)

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def master():
    return default_master()


@pytest.fixture(scope="module")
def worklist(master):
    return generate_worklist(master, 600, seed=2026, today=TODAY)


@pytest.mark.parametrize("dob,issued,until", [
    ("2000-06-01", date(2016, 1, 1), date(2025, 6, 1)),  # issued at 15: valid to 25
    ("2000-06-01", date(2023, 7, 1), date(2040, 6, 1)),  # < 2 years before 25: to 40
    ("2000-06-01", date(2023, 5, 31), date(2025, 6, 1)),  # just over 2 years before 25
    ("1980-01-10", date(2019, 1, 1), date(2040, 1, 10)),  # within 2 years of 40: to 60
    ("1970-03-03", date(2028, 3, 4), None),  # < 2 years before 60: for life
    ("1950", date(2016, 1, 1), None),  # issued after 60: for life
    ("2012-02-29", date(2024, 6, 1), date(2037, 2, 28)),  # issued at 12, < 2 y before 14
    ("2012-02-29", date(2024, 1, 1), date(2026, 2, 28)),  # over 2 y before 14: to 14
])
def test_card_valid_until(dob, issued, until):
    assert card_valid_until(dob, issued) == until


@pytest.mark.parametrize("dob,issued,today,horizon,reason", [
    ("2000-06-01", date(2016, 1, 1), date(2025, 6, 1), 0, "age_25"),
    ("2000-06-01", date(2016, 1, 1), date(2025, 5, 31), 0, None),
    ("2000-06-01", date(2016, 1, 1), date(2025, 5, 1), 31, "age_25"),
    ("2000-06-01", date(2023, 7, 1), date(2026, 1, 1), 0, None),
    ("1966-01-01", date(2006, 6, 1), date(2026, 1, 1), 0, "age_60"),
    ("2012-11-22", None, date(2026, 11, 22), 0, "age_14"),
    ("2012-11-23", None, date(2026, 11, 22), 0, None),
    ("1990-01-01", None, date(2026, 11, 22), 0, NO_CARD),
    ("2020-01-01", None, date(2026, 11, 22), 0, None),
])
def test_due_reason(dob, issued, today, horizon, reason):
    assert due_reason(dob, issued, today, horizon) == reason


def test_generator_is_deterministic(master):
    a = generate_worklist(master, 50, seed=7, today=TODAY)
    b = generate_worklist(master, 50, seed=7, today=TODAY)
    c = generate_worklist(master, 50, seed=8, today=TODAY)
    assert a == b and a != c


def test_every_synthetic_record_validates_with_zero_errors(master, worklist):
    for entry in worklist:
        problems = validate(entry.to_record(), TODAY, master)
        assert [p for p in problems if p.severity == "error"] == [], entry.reason


def test_synthetic_entries_are_consistent_and_realistic(master, worklist):
    ids = [e.personal_id for e in worklist]
    assert len(set(ids)) == len(ids)
    for e in worklist:
        parts = idnumber.split_id(e.personal_id)
        assert parts.sex == e.sex and parts.year == int(e.date_of_birth[:4])
        assert master.id_province(parts.province) is not None
        assert master.address_scheme(e.residence.province, e.residence.commune) == CURRENT
        assert e.reason in REASONS
        issued = date.fromisoformat(e.last_issue_date) if e.last_issue_date else None
        assert due_reason(e.date_of_birth, issued, TODAY) == e.reason
    surnames = Counter(e.full_name.split()[0] for e in worklist)
    assert surnames.most_common(1)[0][0] == "Nguyễn" and set(surnames) <= set(SURNAMES)
    assert set(Counter(e.reason for e in worklist)) == set(REASONS)
    assert any(not e.full_name.isascii() for e in worklist)


def test_generator_uses_the_communes_given(master):
    wl = generate_worklist(master, 20, seed=1, today=TODAY, communes=["00004"])
    assert {e.residence.commune for e in wl} == {"00004"}
    with pytest.raises(ValueError):
        generate_worklist(master, 1, seed=1, today=TODAY, communes=["99999"])


def test_entry_json_round_trip(worklist):
    e = worklist[0]
    assert WorklistEntry.from_json(e.to_json()) == e


def test_search_by_id_and_by_name_without_diacritics(worklist):
    target = worklist[3]
    assert search(worklist, target.personal_id) == [target]
    assert target in search(worklist, target.personal_id[:9], limit=1000)
    folded = " ".join(w for w in __import__("app.domain.names", fromlist=["words"])
                      .words(target.full_name))
    assert target in search(worklist, folded, limit=1000)
    assert target in search(worklist, target.full_name.upper(), limit=1000)
    reversed_words = " ".join(reversed(folded.split()))
    assert target in search(worklist, reversed_words, limit=1000)
    assert search(worklist, "zzzz") == [] and search(worklist, "  ") == []
    hits = search(worklist, "nguyen", limit=1000)
    assert hits and all(h.full_name.startswith("Nguyễn") or "Nguyễn" in h.full_name
                        for h in hits)


def test_cc01_fields(master, worklist):
    rec = worklist[0].to_record()
    fields = cc01_fields(rec, master)
    labels = [label for label, _ in fields]
    assert labels[:5] == ["Loại yêu cầu", "Họ, chữ đệm và tên khai sinh", "Tên gọi khác",
                          "Ngày, tháng, năm sinh", "Giới tính"]
    values = dict(fields)
    assert values["Họ, chữ đệm và tên khai sinh"] == rec.full_name.upper()
    assert values["Số định danh cá nhân"] == rec.personal_id
    assert values["Quốc tịch"] == "Việt Nam"
    unit = master.commune(rec.permanent_residence.commune)
    assert unit.name in values["Nơi thường trú"]
    assert len(labels) == len(set(labels))


def test_cc02_fields(master, worklist):
    rec = worklist[0].to_record()
    no = make_receipt_no(rec.permanent_residence.commune, TODAY, 17, 42)
    values = dict(cc02_fields(rec, no, date(2026, 12, 1), "Công an xã", "Trần Văn Cường",
                              issued_on=TODAY, issuing_unit="Công an xã"))
    assert values["Số biên nhận"] == no
    assert values["Ngày hẹn trả kết quả"] == "01/12/2026"
    assert values["Cán bộ tiếp nhận"] == "TRẦN VĂN CƯỜNG"
    assert values["Họ, chữ đệm và tên"] == rec.full_name.upper()


def test_receipt_numbers():
    no = make_receipt_no("00004", date(2026, 11, 22), 17, 42)
    assert no.startswith("00004-261122-017-0042") and len(no) == 22
    assert check_receipt_no(no)
    for i, ch in enumerate(no):  # every single-digit typo is caught
        if ch.isdigit():
            for d in "0123456789":
                if d != ch:
                    assert not check_receipt_no(no[:i] + d + no[i + 1:])
    with pytest.raises(ValueError):
        make_receipt_no("4", date(2026, 1, 1), 1, 1)
    assert not check_receipt_no("garbage")


def test_display_date():
    assert display_date("1990-05-07") == "07/05/1990"
    assert display_date("1990-05") == "05/1990"
    assert display_date("1990") == "1990"


@pytest.mark.parametrize("change", [
    {"personal_id": 1234}, {"extra": "x"}, {"reason": "birthday"}, {"residence": "01"},
    {"residence": {"province": "01", "street": "x"}}, {"full_name": None},
])
def test_entry_from_json_rejects_bad_shapes_without_values(worklist, change):
    from app.domain.errors import InputError

    doc = dict(worklist[0].to_json(), **change)
    with pytest.raises(InputError) as exc:
        WorklistEntry.from_json(doc)
    assert exc.value.field == next(iter(change))
    assert worklist[0].personal_id not in exc.value.vi + exc.value.en


def test_entry_from_json_requires_the_core_keys(worklist):
    from app.domain.errors import InputError

    doc = worklist[0].to_json()
    del doc["date_of_birth"]
    with pytest.raises(InputError) as exc:
        WorklistEntry.from_json(doc)
    assert exc.value.field == "date_of_birth"
