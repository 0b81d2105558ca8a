"""Partial dates of birth, age, and what the age means for the card and the biometrics.

Dates of birth come as YYYY-MM-DD, or YYYY-MM / YYYY where the papers of an elderly person only
give that much. For a partial date the age is computed from the LATEST day the date could be (the
youngest the person can be), so a year-only birth never makes someone look older than they are.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

NO_BIOMETRICS = "none"  # under 6: no photo on the card, no fingerprints
WITH_GUARDIAN = "with_guardian"  # 6 to under 14: biometrics with a guardian present and recorded
FULL = "full"  # 14 and over
RENEWAL_AGES = (14, 25, 40, 60)


@dataclass(frozen=True, slots=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def is_partial(self) -> bool:
        return self.day is None

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


def parse_partial_date(text: str) -> PartialDate | None:
    """'1950', '1950-07' or '1950-07-14' -> PartialDate; None when malformed or impossible."""
    m = _PARTIAL.match(text or "")
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if year < 1 or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None:
        assert month is not None
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
    return PartialDate(year, month, day)


def age_on(date_of_birth: str | PartialDate, today: date) -> int | None:
    """Completed years on `today` (youngest possible for partial dates).

    None when the date is unreadable or lies wholly in the future."""
    dob = parse_partial_date(date_of_birth) if isinstance(date_of_birth, str) else date_of_birth
    if dob is None:
        return None
    if dob.earliest() > today:
        return None
    born = min(dob.latest(), today)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def biometrics_policy(age: int) -> str:
    """Which biometrics to capture: NO_BIOMETRICS under 6, WITH_GUARDIAN 6-13, FULL from 14."""
    if age < 6:
        return NO_BIOMETRICS
    if age < 14:
        return WITH_GUARDIAN
    return FULL


def representative_required(age: int) -> bool:
    """Under 14 the request is made through a representative (parent or guardian)."""
    return age < 14


def birthday_at(dob: PartialDate, age: int) -> date:
    """The day the person turns `age` (29 Feb births turn on 28 Feb in common years)."""
    born = dob.latest()
    year = born.year + age
    day = min(born.day, calendar.monthrange(year, born.month)[1])
    return date(year, born.month, day)
