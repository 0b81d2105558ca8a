"""The commune worklist: residents due for a card, synced ahead of time from the centre.

Due-for-card rule (Luật Căn cước 2023, Điều 21): a card must be renewed when its holder turns 14,
25, 40 and 60; a card issued within the 2 years before one of these ages stays valid until the next
one (and one issued within 2 years before 60, or after 60, for life). From 14 a card is compulsory,
so a resident of 14 or more without any card is due too.
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field, fields
from datetime import date
from typing import Any

from app.domain.dates import RENEWAL_AGES, PartialDate, age_on, birthday_at, parse_partial_date
from app.domain.errors import InputError
from app.domain.record import Address, EnrollmentRecord, clean_text

NO_CARD = "no_card"
REASONS = (*(f"age_{a}" for a in RENEWAL_AGES), NO_CARD)
_GRACE_YEARS = 2
_ADDRESS_KEYS = ("residence", "birth_registration_place", "place_of_origin")


@dataclass(frozen=True)
class WorklistEntry:
    """One resident on the worklist: what the officer searches by and what prefills the form."""

    personal_id: str
    full_name: str
    date_of_birth: str
    sex: str
    residence: Address
    reason: str  # one of REASONS
    last_issue_date: str = ""  # of the card now held, '' when none
    ethnicity: str = "01"
    religion: str = "00"
    birth_registration_place: Address = field(default_factory=Address)
    place_of_origin: Address = field(default_factory=Address)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WorklistEntry:
        """Read one entry of a centre extract; InputError names the first bad key (no values)."""
        if not isinstance(data, dict):
            raise _bad_entry("(entry)")
        names = {f.name for f in fields(cls)}
        for key in data:
            if key not in names:
                raise _bad_entry(str(key)[:40])
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key in _ADDRESS_KEYS:
                if not isinstance(value, dict) or set(value) - {"province", "commune", "detail"} \
                        or not all(isinstance(v, str) for v in value.values()):
                    raise _bad_entry(key)
                values[key] = Address(**{k: clean_text(v) for k, v in value.items()})
            elif isinstance(value, str):
                values[key] = clean_text(value)
            else:
                raise _bad_entry(key)
        missing = [f.name for f in fields(cls) if f.name not in values
                   and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise _bad_entry(missing[0])
        if values["reason"] not in REASONS:
            raise _bad_entry("reason")
        return cls(**values)

    def to_record(self) -> EnrollmentRecord:
        """Prefill an enrollment form: cấp mới when no card is held, else cấp đổi."""
        return EnrollmentRecord(
            request_type="new" if self.reason == NO_CARD else "renew",
            full_name=self.full_name,
            date_of_birth=self.date_of_birth,
            sex=self.sex,
            personal_id=self.personal_id,
            ethnicity=self.ethnicity,
            religion=self.religion,
            nationality="VN",
            birth_registration_place=_copy(self.birth_registration_place),
            place_of_origin=_copy(self.place_of_origin),
            permanent_residence=_copy(self.residence),
            representative=None,
        )


def _bad_entry(key: str) -> InputError:
    return InputError("worklist_entry_invalid",
                      f"Mục danh sách cấp thẻ không hợp lệ (trường '{key}').",
                      f"Invalid worklist entry (key '{key}').", field=key)


def _copy(a: Address) -> Address:
    return Address(a.province, a.commune, a.detail)


def card_valid_until(date_of_birth: str | PartialDate, issued: date) -> date | None:
    """The day a card issued on `issued` stops being valid; None means for life."""
    dob = _dob(date_of_birth)
    for age in RENEWAL_AGES:
        turning = birthday_at(dob, age)
        if turning <= issued:
            continue
        if _years_between(issued, turning) < _GRACE_YEARS:
            continue  # issued within 2 years before this age: valid to the next one
        return turning
    return None


def due_reason(date_of_birth: str | PartialDate, last_issue: date | None, today: date,
               horizon_days: int = 0) -> str | None:
    """Why this resident needs a card by today + horizon_days, or None if not due."""
    dob = _dob(date_of_birth)
    by = date.fromordinal(today.toordinal() + horizon_days)
    age = age_on(dob, by)
    if age is None:
        return None
    if last_issue is None:
        if age < 14:
            return None
        return "age_14" if age == 14 else NO_CARD
    until = card_valid_until(dob, last_issue)
    if until is None or until > by:
        return None
    reached = max(a for a in RENEWAL_AGES if birthday_at(dob, a) == until)
    return f"age_{reached}"


def _dob(value: str | PartialDate) -> PartialDate:
    dob = parse_partial_date(value) if isinstance(value, str) else value
    if dob is None:
        raise ValueError("unreadable date of birth")
    return dob


def _years_between(earlier: date, later: date) -> int:
    """Completed years from `earlier` to `later`."""
    return later.year - earlier.year - ((later.month, later.day) < (earlier.month, earlier.day))


class WorklistIndex:
    """Folded names computed once, so each search is a scan of short ASCII word lists."""

    def __init__(self, entries: list[WorklistEntry]) -> None:
        from app.domain.names import words

        self.entries = entries
        self._words = [words(e.full_name) for e in entries]

    def search(self, text: str, limit: int = 50) -> list[WorklistEntry]:
        """By 12-digit ID (exact or prefix) or by name without diacritics, every word matching
        the start of a different name word, in any order ('anh nguyen' finds Nguyễn Thị Ánh)."""
        from app.domain.names import name_sort_key, words

        query = text.strip()
        if query.isdigit():
            hits = [e for e in self.entries if e.personal_id.startswith(query)]
        else:
            wanted = words(query)
            if not wanted:
                return []
            hits = [e for e, ws in zip(self.entries, self._words, strict=True)
                    if _has_words(ws, wanted)]
        hits.sort(key=lambda e: name_sort_key(e.full_name))
        return hits[:limit]


def search(entries: list[WorklistEntry], text: str, limit: int = 50) -> list[WorklistEntry]:
    """One-off search; build a WorklistIndex to search the same list repeatedly."""
    return WorklistIndex(entries).search(text, limit)


def _has_words(name: list[str], wanted: list[str]) -> bool:
    """Every query word is a prefix of a distinct name word."""
    pool = list(name)
    for w in wanted:
        match = next((n for n in pool if n.startswith(w)), None)
        if match is None:
            return False
        pool.remove(match)
    return True


__all__ = ["NO_CARD", "REASONS", "WorklistEntry", "WorklistIndex", "card_valid_until",
           "due_reason", "search"]
