"""The 12-digit personal ID number (số định danh cá nhân): PPP C YY NNNNNN.

PPP is the province where the birth was registered (the 63 legacy codes, kept after the 2025
merger), C encodes century and sex (0/1 for 1900s male/female, 2/3 for 2000s, 4/5 for 2100s), YY the
last two digits of the year of birth, NNNNNN a random serial. There is no check digit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ID = re.compile(r"^\d{12}$")
_CMND = re.compile(r"^\d{9}$")


@dataclass(frozen=True, slots=True)
class IdParts:
    province: str  # 3 digits
    century_sex: int
    yy: int
    serial: str

    @property
    def sex(self) -> str | None:
        if self.century_sex > 5:
            return None
        return "male" if self.century_sex % 2 == 0 else "female"

    @property
    def century_start(self) -> int | None:
        if self.century_sex > 5:
            return None
        return 1900 + 100 * (self.century_sex // 2)

    @property
    def year(self) -> int | None:
        start = self.century_start
        return None if start is None else start + self.yy


def is_id_format(text: str) -> bool:
    return bool(_ID.match(text))


def is_cmnd_format(text: str) -> bool:
    """The old 9-digit identity card (CMND) number."""
    return bool(_CMND.match(text))


def split_id(text: str) -> IdParts | None:
    if not is_id_format(text):
        return None
    return IdParts(text[:3], int(text[3]), int(text[4:6]), text[6:])


def century_sex_digit(year: int, sex: str) -> int:
    """The C digit for a year of birth (1900-2199) and sex; ValueError outside that range."""
    if not 1900 <= year <= 2199 or sex not in ("male", "female"):
        raise ValueError("year or sex out of range")
    return 2 * ((year - 1900) // 100) + (0 if sex == "male" else 1)


def compose_id(province: str, year: int, sex: str, serial: int) -> str:
    """Build an ID number (for synthetic data and tests): compose_id('001', 1990, 'male', 42)."""
    if not (len(province) == 3 and province.isdigit()) or not 0 <= serial <= 999_999:
        raise ValueError("bad province code or serial")
    return f"{province}{century_sex_digit(year, sex)}{year % 100:02d}{serial:06d}"


def mask_id(text: str) -> str:
    """For logs and lists that must not show the number: keep the last 3 digits only."""
    return "*" * max(len(text) - 3, 0) + text[-3:]
