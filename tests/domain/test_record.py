"""Reading and writing the record document: exact keys, NFC, problems instead of exceptions."""

import json
import unicodedata
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest

from app.domain.problems import RecordInputError
from app.domain.record import (
    Address,
    Delivery,
    EnrollmentRecord,
    Person,
    PreviousCard,
    json_schema,
    parse_record,
)

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "enrollment.schema.json"
FORM_KEYS = [
    "request_type", "full_name", "other_name", "date_of_birth", "sex", "personal_id",
    "previous_card", "ethnicity", "religion", "nationality", "marital_status", "blood_type",
    "birth_registration_place", "place_of_origin", "permanent_residence", "temporary_residence",
    "current_residence", "occupation", "father", "mother", "spouse", "representative",
    "household_head", "relation_to_head", "phone", "email", "delivery",
]


def _full() -> EnrollmentRecord:
    return EnrollmentRecord(
        request_type="renew", full_name="Nguyễn Thị Ánh", other_name="Bé", date_of_birth="1990-05",
        sex="female", personal_id="001190012345",
        previous_card=PreviousCard("012345678", "2010-01-02", "Công an Hà Nội"),
        ethnicity="01", religion="00", nationality="VN", marital_status="married",
        blood_type="O+", birth_registration_place=Address("01", "00004"),
        place_of_origin=Address("01"), permanent_residence=Address("01", "00004", "12 Kim Mã"),
        temporary_residence=None, current_residence=Address("01", "00008", "3 Đội Cấn"),
        occupation="Giáo viên", father=Person("Nguyễn Văn Bình", "001060000001", "VN"),
        mother=Person("Lê Thị Hoa", "", "VN"), spouse=Person("Trần Văn Cường"),
        representative=None, household_head="Trần Văn Cường", relation_to_head="vợ",
        phone="0912345678", email="anh@example.vn",
        delivery=Delivery("post", Address("01", "00004", "12 Kim Mã")),
    )


def test_keys_are_exactly_the_form_table():
    assert [f.name for f in fields(EnrollmentRecord)] == FORM_KEYS
    assert list(_full().to_json()) == FORM_KEYS
    assert list(_full().to_json()["delivery"]) == ["method", "address"]
    assert list(_full().to_json()["father"]) == ["full_name", "personal_id", "nationality"]
    assert list(_full().to_json()["permanent_residence"]) == ["province", "commune", "detail"]


def test_round_trip():
    r = _full()
    assert EnrollmentRecord.from_json(r.to_json()) == r
    assert EnrollmentRecord.from_json(r.dumps()) == r
    assert EnrollmentRecord.from_json(json.loads(r.dumps()).copy()) == r


def test_every_text_is_nfc_and_trimmed():
    nfd = unicodedata.normalize("NFD", "  Nguyễn   Thị  Ánh ")
    r = EnrollmentRecord.from_json({"full_name": nfd, "father": {"full_name": nfd},
                                    "permanent_residence": {"detail": nfd}})
    assert r.full_name == "Nguyễn Thị Ánh"
    assert r.father.full_name == "Nguyễn Thị Ánh"
    assert r.permanent_residence.detail == "Nguyễn Thị Ánh"


def test_unknown_keys_and_wrong_types_are_problems_naming_the_key():
    secret = "079190123456"
    _, problems = parse_record({"full_name": 12, "personal_id": int(secret), "foo": secret,
                                "father": {"bar": 1, "full_name": ["x"]}, "mother": secret,
                                "delivery": "post"})
    got = {(p.field, p.code) for p in problems}
    assert got == {("full_name", "wrong_type"), ("personal_id", "wrong_type"),
                   ("foo", "unknown_key"), ("father.bar", "unknown_key"),
                   ("father.full_name", "wrong_type"), ("mother", "wrong_type"),
                   ("delivery", "wrong_type")}
    for p in problems:
        assert secret not in p.message_vi + p.message_en
    with pytest.raises(RecordInputError) as exc:
        EnrollmentRecord.from_json({"foo": secret, "sex": 1})
    assert len(exc.value.problems) == 2 and secret not in str(exc.value)
    assert exc.value.field == "foo"


def test_not_json_and_not_an_object():
    with pytest.raises(RecordInputError) as exc:
        EnrollmentRecord.from_json("{not json")
    assert exc.value.code == "not_json"
    with pytest.raises(RecordInputError):
        EnrollmentRecord.from_json("[1, 2]")


def test_nulls_mean_empty():
    r = EnrollmentRecord.from_json({"other_name": None, "father": None, "delivery": None})
    assert r.other_name == "" and r.father is None and r.delivery == Delivery()


def _keys(schema_obj, cls):
    props = schema_obj["properties"]
    assert set(props) == {f.name for f in fields(cls)}, cls.__name__
    for f in fields(cls):
        sub = props[f.name]
        sub = next((s for s in sub.get("anyOf", [sub]) if s.get("type") == "object"), sub)
        if sub.get("type") == "object":
            nested = {"previous_card": PreviousCard, "delivery": Delivery}.get(f.name)
            nested = nested or (Person if f.name in ("father", "mother", "spouse",
                                                     "representative") else Address)
            assert is_dataclass(nested)
            _keys(sub, nested)


def test_published_schema_agrees_with_the_dataclasses():
    published = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert published == json_schema(), "regenerate: python -m app.domain.record > docs/..."
    _keys(published, EnrollmentRecord)
    assert published["additionalProperties"] is False
    assert set(published["required"]) <= set(FORM_KEYS)
