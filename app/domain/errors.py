"""Errors a person can act on: every one carries a code, the field or cause, and vi/en text.

The core never formats messages for a screen; it raises these, and the CLI or the UI picks the
language. Messages never contain personal data (names, ID numbers), only field names and causes.
"""

from __future__ import annotations


class StationError(Exception):
    """Base of every error shown to a user; `code` is stable for scripts, `field` names it."""

    exit_code = 1

    def __init__(self, code: str, vi: str, en: str, field: str | None = None) -> None:
        super().__init__(en)
        self.code = code
        self.vi = vi
        self.en = en
        self.field = field

    def message(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "field": self.field, "vi": self.vi, "en": self.en}


class InputError(StationError):
    """Bad input from the user or a script: nothing was changed."""

    exit_code = 2


class AuthError(StationError):
    """Wrong password, unknown user, locked out, missing permission."""

    exit_code = 3


class StorageError(StationError):
    """The data folder or database cannot be used as it is (permissions, disk full, corruption)."""

    exit_code = 4


class IllegalTransition(StationError):
    """A record was asked to move between states the lifecycle does not allow."""

    exit_code = 5
