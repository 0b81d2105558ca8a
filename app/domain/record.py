"""The enrollment record (the DC02/CC01 form) as typed dataclasses, read from and written to JSON.

The JSON keys are exactly those of the form table in domain-vn.md; they are used by import/export,
the API and the packet's demographics document. Reading is strict about shape (unknown keys and
wrong types are problems naming the key) and lenient about content: every text is NFC-normalised and
its whitespace collapsed, and the rules live in validation.py.
"""

from __future__ import annotations

import json
import typing
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from typing import Any

from app.domain.names import nfc
from app.domain.problems import Problem, RecordInputError, error

REQUEST_TYPES = ("new", "renew", "replace")  # cấp mới / cấp đổi / cấp lại
SEXES = ("male", "female")
DELIVERY_METHODS = ("office", "post")


@dataclass
class Address:
    """Province and commune codes (GSO; current or legacy units) and the street, hamlet, house."""

    province: str = ""
    commune: str = ""
    detail: str = ""


@dataclass
class Person:
    """A relative or representative as the form records them."""

    full_name: str = ""
    personal_id: str = ""
    nationality: str = ""


@dataclass
class PreviousCard:
    """A previous card (12 digits) or 9-digit CMND: number, date of issue, place of issue."""

    number: str = ""
    issue_date: str = ""
    place: str = ""


@dataclass
class Delivery:
    method: str = "office"  # office | post
    address: Address | None = None


@dataclass
class EnrollmentRecord:
    request_type: str = ""
    full_name: str = ""
    other_name: str = ""
    date_of_birth: str = ""  # YYYY-MM-DD, or YYYY-MM / YYYY where only that is known
    sex: str = ""
    personal_id: str = ""  # empty when the person has none yet (flagged for the centre)
    previous_card: PreviousCard | None = None
    ethnicity: str = ""
    religion: str = ""
    nationality: str = "VN"
    marital_status: str = ""
    blood_type: str = ""
    birth_registration_place: Address | None = None
    place_of_origin: Address | None = None
    permanent_residence: Address | None = None
    temporary_residence: Address | None = None
    current_residence: Address | None = None
    occupation: str = ""
    father: Person | None = None
    mother: Person | None = None
    spouse: Person | None = None
    representative: Person | None = None
    household_head: str = ""
    relation_to_head: str = ""
    phone: str = ""
    email: str = ""
    delivery: Delivery = field(default_factory=Delivery)

    @classmethod
    def from_json(cls, data: dict[str, Any] | str | bytes) -> EnrollmentRecord:
        """Read a record; raise RecordInputError listing every shape problem (never the values)."""
        record, problems = parse_record(data)
        if problems:
            raise RecordInputError(problems)
        return record

    def to_json(self) -> dict[str, Any]:
        return _dump(self)

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=False)


def parse_record(data: dict[str, Any] | str | bytes) -> tuple[EnrollmentRecord, list[Problem]]:
    """Best-effort read: the record with what could be read, and the shape problems found."""
    problems: list[Problem] = []
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except (ValueError, UnicodeDecodeError):
            problems.append(error("", "not_json", "Dữ liệu không phải JSON hợp lệ.",
                                  "The document is not valid JSON."))
            return EnrollmentRecord(), problems
    record = _load(EnrollmentRecord, data, "", problems)
    return record, problems


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _load(cls: type, data: Any, path: str, problems: list[Problem]) -> Any:
    if not isinstance(data, dict):
        problems.append(_wrong_type(path, "object"))
        return None if path else cls()
    hints = _hints(cls)
    names = {f.name for f in fields(cls)}
    for key in data:
        if key not in names:
            shown = _join(path, str(key)[:40])
            problems.append(error(shown, "unknown_key",
                                  f"Trường '{shown}' không có trong biểu mẫu.",
                                  f"Unknown key '{shown}'."))
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value, where = data[f.name], _join(path, f.name)
        nested = _nested_class(hints[f.name])
        if nested is not None:
            if value is None:
                values[f.name] = None if _optional(hints[f.name]) else nested()
            else:
                loaded = _load(nested, value, where, problems)
                if loaded is not None or _optional(hints[f.name]):
                    values[f.name] = loaded
        elif value is None:
            continue  # an empty optional text keeps its default
        elif isinstance(value, str):
            values[f.name] = clean_text(value)
        else:
            problems.append(_wrong_type(where, "string"))
    return cls(**values)


def clean_text(value: str) -> str:
    """NFC, whitespace runs collapsed to one space, trimmed."""
    return " ".join(nfc(value).split())


def _nested_class(hint: Any) -> type | None:
    for arg in (hint, *typing.get_args(hint)):
        if isinstance(arg, type) and is_dataclass(arg):
            return arg
    return None


def _optional(hint: Any) -> bool:
    return type(None) in typing.get_args(hint)


def _wrong_type(path: str, expected: str) -> Problem:
    vi_type = {"object": "một đối tượng JSON", "string": "một chuỗi ký tự"}[expected]
    where = path or "(record)"
    return error(path, "wrong_type", f"Trường '{where}' phải là {vi_type}.",
                 f"'{where}' must be a JSON {expected}.")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _dump(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _dump(getattr(obj, f.name)) for f in fields(obj)}
    return obj


def json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of the record document, derived from the dataclasses above."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:enroll-station:enrollment-record:1",
        "title": "Enrollment record (phiếu đề nghị / thu nhận thông tin căn cước)",
        **_schema_of(EnrollmentRecord),
        "required": list(REQUIRED_KEYS),
    }


REQUIRED_KEYS = ("request_type", "full_name", "date_of_birth", "sex", "ethnicity", "religion",
                 "nationality", "birth_registration_place", "place_of_origin", "delivery")
_ENUMS = {"request_type": REQUEST_TYPES, "sex": SEXES, "method": DELIVERY_METHODS}
_PATTERNS = {
    "date_of_birth": r"^$|^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
    "issue_date": r"^$|^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
}


def _schema_of(cls: type) -> dict[str, Any]:
    hints = _hints(cls)
    props: dict[str, Any] = {}
    for f in fields(cls):
        nested = _nested_class(hints[f.name])
        if nested is not None:
            sub = _schema_of(nested)
            props[f.name] = ({"anyOf": [sub, {"type": "null"}]} if _optional(hints[f.name])
                             else sub)
            continue
        prop: dict[str, Any] = {"type": ["string", "null"]}
        if f.name in _ENUMS:
            prop["enum"] = [*_ENUMS[f.name], None]
        if f.name in _PATTERNS:
            prop["pattern"] = _PATTERNS[f.name]
        if f.default is not MISSING and f.default:
            prop["default"] = f.default
        props[f.name] = prop
    doc = (cls.__doc__ or "").strip().splitlines()
    out: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": props}
    if doc and cls is not EnrollmentRecord:
        out["description"] = doc[0]
    return out


if __name__ == "__main__":  # python -m app.domain.record > docs/enrollment.schema.json
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
