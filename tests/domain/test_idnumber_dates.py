"""ID number structure, partial dates, age and the age rules."""

from datetime import date

import pytest

from app.domain import dates, idnumber
from app.domain.dates import age_on, biometrics_policy, parse_partial_date


@pytest.mark.parametrize("year,sex,digit", [
    (1900, "male", 0), (1999, "female", 1), (2000, "male", 2), (2099, "female", 3),
    (2100, "male", 4), (2199, "female", 5),
])
def test_century_sex_digit(year, sex, digit):
    assert idnumber.century_sex_digit(year, sex) == digit
    parts = idnumber.split_id(idnumber.compose_id("001", year, sex, 7))
    assert parts is not None and parts.sex == sex and parts.year == year


@pytest.mark.parametrize("bad", [(1899, "male"), (2200, "female"), (1990, "other")])
def test_century_sex_digit_out_of_range(bad):
    with pytest.raises(ValueError):
        idnumber.century_sex_digit(*bad)


def test_compose_and_split():
    pid = idnumber.compose_id("079", 1985, "female", 123)
    assert pid == "079185000123"
    parts = idnumber.split_id(pid)
    assert (parts.province, parts.century_sex, parts.yy, parts.serial) == ("079", 1, 85, "000123")
    assert idnumber.split_id("07918500012") is None
    assert idnumber.split_id("07918500012x") is None
    assert idnumber.split_id("079785000123").sex is None  # C=7 is not a valid digit
    assert idnumber.is_cmnd_format("123456789") and not idnumber.is_cmnd_format("1234567890")
    assert idnumber.mask_id(pid) == "*********123"


@pytest.mark.parametrize("text,expected", [
    ("1950", (1950, None, None)), ("1950-07", (1950, 7, None)), ("2000-02-29", (2000, 2, 29)),
    ("1900-02-29", None), ("2023-02-29", None), ("1950-13", None), ("1950-00", None),
    ("1950-07-32", None), ("1950-7-1", None), ("50", None), ("", None), ("1950/07/01", None),
    ("0000", None), ("1950-07-01T00:00", None),
])
def test_parse_partial_date(text, expected):
    d = parse_partial_date(text)
    assert (None if d is None else (d.year, d.month, d.day)) == expected


def test_partial_date_bounds():
    d = parse_partial_date("2024-02")
    assert d.is_partial and d.earliest() == date(2024, 2, 1) and d.latest() == date(2024, 2, 29)
    assert parse_partial_date("1950").latest() == date(1950, 12, 31)
    assert parse_partial_date("1950-07").iso() == "1950-07"


@pytest.mark.parametrize("dob,today,age", [
    ("2000-05-10", date(2014, 5, 9), 13), ("2000-05-10", date(2014, 5, 10), 14),
    ("2000-02-29", date(2014, 2, 28), 13), ("2000-02-29", date(2014, 3, 1), 14),
    ("1950", date(2020, 12, 30), 69),  # year only: counted as the youngest possible
    ("1950", date(2020, 12, 31), 70), ("1950-06", date(2020, 6, 29), 69),
    ("1950-06", date(2020, 6, 30), 70), ("2026", date(2026, 3, 1), 0),
    ("2026-11-23", date(2026, 11, 22), None), ("2027", date(2026, 11, 22), None),
    ("garbage", date(2026, 1, 1), None),
])
def test_age_on(dob, today, age):
    assert age_on(dob, today) == age


@pytest.mark.parametrize("age,policy,rep", [
    (0, "none", True), (5, "none", True), (6, "with_guardian", True), (13, "with_guardian", True),
    (14, "full", False), (90, "full", False),
])
def test_age_rules(age, policy, rep):
    assert biometrics_policy(age) == policy
    assert dates.representative_required(age) is rep


def test_birthday_at_handles_29_february():
    dob = parse_partial_date("2004-02-29")
    assert dates.birthday_at(dob, 14) == date(2018, 2, 28)
    assert dates.birthday_at(dob, 20) == date(2024, 2, 29)
