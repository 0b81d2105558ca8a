"""validate(): every rule, all problems at once, no personal values in messages."""

from dataclasses import replace
from datetime import date

import pytest

from app.domain.masterdata import default_master
from app.domain.problems import ERROR, WARNING, errors_only
from app.domain.record import Address, Delivery, EnrollmentRecord, Person, PreviousCard
from app.domain.validation import Rules, name_problems, validate

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def master():
    return default_master()


def _ok(**changes) -> EnrollmentRecord:
    base = EnrollmentRecord(
        request_type="new", full_name="Nguyễn Thị Ánh", date_of_birth="1990-05-17", sex="female",
        personal_id="001190012345", ethnicity="01", religion="00", nationality="VN",
        birth_registration_place=Address("01", "00004"), place_of_origin=Address("01"),
        permanent_residence=Address("01", "00004", "12 Kim Mã"), phone="0912345678",
        email="anh@example.vn")
    return replace(base, **changes)


def _codes(record, master, today=TODAY, **kw):
    return {(p.field, p.code, p.severity) for p in validate(record, today, master, **kw)}


def test_clean_record_has_no_problems(master):
    assert validate(_ok(), TODAY, master) == []


@pytest.mark.parametrize("pid,sex,dob,code", [
    ("00119001234", "female", "1990-05-17", "id_format"),  # 11 digits
    ("0011900123456", "female", "1990-05-17", "id_format"),
    ("00119001234a", "female", "1990-05-17", "id_format"),
    ("001 19001234", "female", "1990-05-17", "id_format"),
    ("123456789", "female", "1990-05-17", "id_format"),  # a CMND in the wrong field
    ("001090012345", "female", "1990-05-17", "id_sex_mismatch"),  # C=0 male
    ("001190012345", "male", "1990-05-17", "id_sex_mismatch"),
    ("001390012345", "female", "1990-05-17", "id_century_mismatch"),  # C=3: 2000s
    ("001191012345", "female", "1990-05-17", "id_year_mismatch"),
    ("001189012345", "female", "1990-05-17", "id_year_mismatch"),
    ("001690012345", "female", "1990-05-17", "id_century_invalid"),
    ("001990012345", "female", "1990-05-17", "id_century_invalid"),
    ("001310012345", "female", "2010-05-17", None),
    ("001210012345", "male", "2010-05-17", None),
    ("079090012345", "male", "1990", None),  # partial date: year still checked
    ("079091012345", "male", "1990-05", "id_year_mismatch"),
])
def test_personal_id_rules(master, pid, sex, dob, code):
    rep = Person("Nguyễn Văn Bình", "001080000001", "VN")
    got = {c for f, c, s in _codes(_ok(personal_id=pid, sex=sex, date_of_birth=dob,
                                       representative=rep,
                                       birth_registration_place=None,
                                       place_of_origin=Address("01")), master)
           if f == "personal_id" and s == ERROR}
    assert got == ({code} if code else set())


def test_unknown_id_province_is_a_configurable_warning(master):
    rec = _ok(personal_id="003190012345", birth_registration_place=None)
    assert ("personal_id", "id_province_unknown", WARNING) in _codes(rec, master)
    strict = _codes(rec, master, rules=Rules(unknown_id_province=ERROR))
    assert ("personal_id", "id_province_unknown", ERROR) in strict


def test_id_province_versus_birth_registration(master):
    # legacy Bình Dương (074) is inside today's Hồ Chí Minh (79): no warning
    assert validate(_ok(personal_id="074190012345", birth_registration_place=Address("79"),
                        place_of_origin=Address("79")), TODAY, master) == []
    got = _codes(_ok(personal_id="048190012345"), master)
    assert ("personal_id", "id_province_differs", WARNING) in got


def test_missing_id_is_flagged_not_blocked(master):
    got = _codes(_ok(personal_id=""), master)
    assert got == {("personal_id", "id_missing", WARNING)}


def test_every_problem_at_once_and_no_values_in_messages(master):
    rec = _ok(full_name="Ng3yễn", personal_id="099190012345", sex="male", phone="12345",
              email="not-an-email", ethnicity="77", religion="99", nationality="ZZ",
              permanent_residence=Address("79", "00004"), request_type="")
    problems = validate(rec, TODAY, master)
    fields_ = {p.field for p in errors_only(problems)}
    assert {"full_name", "personal_id", "phone", "email", "ethnicity", "religion", "nationality",
            "permanent_residence.commune", "request_type"} <= fields_
    for p in problems:
        text = p.message_vi + p.message_en
        for value in ("Ng3yễn", "099190012345", "12345", "not-an-email"):
            assert value not in text
        assert p.message_vi and p.message_en and p.severity in (ERROR, WARNING)


@pytest.mark.parametrize("dob,code,severity", [
    ("2026-11-23", "date_in_future", ERROR), ("2027", "date_in_future", ERROR),
    ("1890-01-01", "age_implausible", ERROR), ("1990-02-30", "date_format", ERROR),
    ("17/05/1990", "date_format", ERROR), ("1950", "date_partial", WARNING),
    ("1950-03", "date_partial", WARNING),
])
def test_dates(master, dob, code, severity):
    got = _codes(_ok(date_of_birth=dob, personal_id=""), master)
    assert ("date_of_birth", code, severity) in got


def test_required_fields(master):
    empty = EnrollmentRecord(nationality="")
    got = {(f, c) for f, c, s in _codes(empty, master) if s == ERROR}
    for key in ("full_name", "date_of_birth", "ethnicity", "religion", "nationality",
                "request_type", "sex", "birth_registration_place.province",
                "place_of_origin.province"):
        assert any(f == key for f, _ in got), key
    assert ("permanent_residence", "residence_required") in got
    only_current = _ok(permanent_residence=None, current_residence=Address("01", "00008", "x"))
    assert validate(only_current, TODAY, master) == []


@pytest.mark.parametrize("dob,rep,expect", [
    ("2016-01-01", None, "representative_required"),  # 10 years old
    ("2022-06-01", None, "representative_required"),  # 4
    ("2016-01-01", Person("Nguyễn Văn Bình", "001080000001", "VN"), None),
    ("2012-11-23", None, "representative_required"),  # 13, turns 14 tomorrow
    ("2012-11-22", None, None),  # 14 today
])
def test_representative_under_14(master, dob, rep, expect):
    year = int(dob[:4])
    pid = f"001{3 if year >= 2000 else 1}{year % 100:02d}012345"
    got = {c for f, c, s in _codes(_ok(date_of_birth=dob, personal_id=pid, representative=rep),
                                   master) if s == ERROR}
    assert got == ({expect} if expect else set())


def test_representative_without_id_is_a_warning(master):
    got = _codes(_ok(date_of_birth="2016-01-01", personal_id="001316012345",
                     representative=Person("Nguyễn Văn Bình")), master)
    assert got == {("representative.personal_id", "representative_id_missing", WARNING)}


def test_addresses(master):
    assert ("permanent_residence.commune", "commune_not_in_province", ERROR) in _codes(
        _ok(permanent_residence=Address("79", "00004", "x")), master)
    assert ("permanent_residence.province", "unknown_unit", ERROR) in _codes(
        _ok(permanent_residence=Address("03", "00004", "x")), master)
    assert ("permanent_residence.commune", "required", ERROR) in _codes(
        _ok(permanent_residence=Address("01", "", "x")), master)
    # a legacy commune: fine where the birth was registered, a warning for a residence
    legacy = Address("01", "00001")  # Phường Phúc Xá (Quận Ba Đình), before 1 July 2025
    assert master.address_scheme("01", "00001") == "legacy"
    assert validate(_ok(birth_registration_place=legacy), TODAY, master) == []
    assert _codes(_ok(permanent_residence=legacy), master) == {
        ("permanent_residence.commune", "legacy_unit", WARNING)}
    assert ("delivery.address", "required", ERROR) in _codes(_ok(delivery=Delivery("post")),
                                                              master)
    assert ("delivery.method", "invalid_choice", ERROR) in _codes(
        _ok(delivery=Delivery("drone")), master)


def test_codes_and_choices(master):
    got = _codes(_ok(nationality="FR", marital_status="complicated", blood_type="C"), master)
    assert ("nationality", "nationality_not_vn", WARNING) in got
    assert ("marital_status", "invalid_choice", ERROR) in got
    assert ("blood_type", "invalid_choice", ERROR) in got
    assert validate(_ok(religion="02", ethnicity="54", blood_type="AB-",
                        marital_status="widowed"), TODAY, master) == []


def test_relatives(master):
    got = _codes(_ok(father=Person("Nguyễn Văn Bình", "001160000001", "VN"),
                     mother=Person("Lê Thị Hoa", "12345", "XX"),
                     spouse=Person("Trần Văn Cường"), marital_status="single"), master)
    assert ("father.personal_id", "id_sex_mismatch", WARNING) in got
    assert ("mother.personal_id", "id_format", ERROR) in got
    assert ("mother.nationality", "unknown_code", ERROR) in got
    assert ("spouse", "spouse_but_single", WARNING) in got


def test_previous_card(master):
    ok = _ok(previous_card=PreviousCard("012345678", "2008-03-04", "Công an Hà Nội"))
    assert validate(ok, TODAY, master) == []
    bad = _ok(previous_card=PreviousCard("0123", "2030-01-01", ""))
    got = _codes(bad, master)
    assert ("previous_card.number", "id_format", ERROR) in got
    assert ("previous_card.issue_date", "date_invalid", ERROR) in got


@pytest.mark.parametrize("phone,ok", [
    ("0912345678", True), ("091 234 5678", True), ("+84 912 345 678", True),
    ("84912345678", True), ("0388.123.456", True), ("024 3825 1234", True),
    ("+84 24 3825 1234", True), ("+33 1 23 45 67 89", True), ("0123456789", False),
    ("091234567", False), ("09123456789", False), ("phone", False), ("+84", False),
])
def test_phone(master, phone, ok):
    assert (("phone", "phone_format", ERROR) not in _codes(_ok(phone=phone), master)) is ok


@pytest.mark.parametrize("email,ok", [
    ("anh@example.vn", True), ("a.b+c@ca.gov.vn", True), ("anh@", False), ("@x.vn", False),
    ("a b@x.vn", False), ("a..b@x.vn", False), ("anh@x", False), ("anh@-x.vn", False),
])
def test_email(master, email, ok):
    assert (("email", "email_format", ERROR) not in _codes(_ok(email=email), master)) is ok


@pytest.mark.parametrize("name,code", [
    ("Nguyễn Thị Ánh", None), ("H'Hen Niê", None), ("Lê-Thị Hoa", None),
    ("Y Sao Ksơr", None), ("Đặng Văn Hưởng", None), ("Ka’Ly", None),
    ("Nguyễn 3", "name_characters"), ("Nguyễn_Anh", "name_characters"),
    ("-Anh", "name_characters"), ("Anh'", "name_characters"), ("Nguyễn." , "name_characters"),
    ("A" * 101, "name_too_long"), ("Nguye\u0302\u0303n", "not_nfc"),
])
def test_names(name, code):
    got = {p.code for p in name_problems("full_name", name)}
    assert got == ({code} if code else set())


def test_single_word_name_is_a_warning(master):
    assert _codes(_ok(full_name="Ánh"), master) == {("full_name", "name_single_word", WARNING)}
