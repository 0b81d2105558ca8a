"""A problem found in an enrollment record: which field, what, how bad, said in vi and en.

Validation returns every problem at once so the form can show each next to its field. Messages
never quote the person's values (names, ID numbers); they say what is wrong and how to fix it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from app.domain.errors import InputError

ERROR = "error"  # blocks saving the record as complete
WARNING = "warning"  # allowed, but the officer must give a reason (kept with the record)


@dataclass(frozen=True, slots=True)
class Problem:
    field: str  # dotted JSON path, e.g. "permanent_residence.commune"
    code: str  # stable, for scripts and tests
    severity: str  # ERROR or WARNING
    message_vi: str
    message_en: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def error(field: str, code: str, vi: str, en: str) -> Problem:
    return Problem(field, code, ERROR, vi, en)


def warning(field: str, code: str, vi: str, en: str) -> Problem:
    return Problem(field, code, WARNING, vi, en)


def errors_only(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


class RecordInputError(InputError):
    """A record document that cannot be read (unknown keys, wrong types); lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        more = len(problems) - 1
        vi = first.message_vi + (f" (và {more} lỗi khác)" if more else "")
        en = first.message_en + (f" (and {more} more)" if more else "")
        super().__init__(first.code, vi, en, field=first.field)
        self.problems = problems
