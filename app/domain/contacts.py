"""Phone numbers and e-mail addresses as the form accepts them.

Vietnamese numbers since the 2018 mobile / 2017 landline renumbering: mobiles are 0 + 9 digits with
prefixes 03, 05, 07, 08, 09; landlines are 0 + 10 digits starting 02 (area code 2xx). +84 (or 84)
replaces the leading 0. Spaces, dots, hyphens and brackets between digits are ignored.
Foreign numbers in +CC form are accepted as E.164 (8 to 15 digits).
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s.\-()]")
_MOBILE = re.compile(r"^0[35789]\d{8}$")
_LANDLINE = re.compile(r"^02\d{9}$")
_E164 = re.compile(r"^\+[1-9]\d{7,14}$")
_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)


def phone_kind(text: str) -> str | None:
    """'mobile', 'landline' (Vietnam), 'foreign' (E.164 outside +84) or None when not a number."""
    raw = _SEPARATORS.sub("", text)
    if raw.startswith("+84"):
        raw = "0" + raw[3:]
    elif raw.startswith("84") and len(raw) in (11, 12):
        raw = "0" + raw[2:]
    elif raw.startswith("+"):
        return "foreign" if _E164.match(raw) else None
    if _MOBILE.match(raw):
        return "mobile"
    if _LANDLINE.match(raw):
        return "landline"
    return None


def normalise_phone(text: str) -> str | None:
    """E.164 form ('+84912345678') of a valid number, else None."""
    kind = phone_kind(text)
    if kind is None:
        return None
    raw = _SEPARATORS.sub("", text)
    if kind == "foreign":
        return raw
    digits = raw.lstrip("+")
    if digits.startswith("84") and not raw.startswith("0"):
        digits = digits[2:]
    return "+84" + digits.lstrip("0")


def is_email(text: str) -> bool:
    if len(text) > 254 or "@" not in text or len(text.split("@", 1)[0]) > 64:
        return False
    return bool(_EMAIL.match(text))
