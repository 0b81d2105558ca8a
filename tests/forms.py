"""Valid enrollment forms for tests: synthetic residents from the domain's generator."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.idnumber import compose_id
from app.domain.masterdata import default_master
from app.domain.synthetic import generate_worklist


def adult_forms(count: int, seed: int, today: date | None = None) -> list[dict[str, Any]]:
    entries = generate_worklist(default_master(), count, seed, today or date.today())
    return [e.to_record().to_json() for e in entries]


def child_form(form: dict[str, Any], years_old: int, today: date | None = None) -> dict[str, Any]:
    """The same resident made `years_old` (ID number consistent), with a representative."""
    year = (today or date.today()).year - years_old
    return {**form, "date_of_birth": f"{year}-01-15",
            "personal_id": compose_id(form["personal_id"][:3], year, form["sex"], 123456),
            "representative": {"full_name": "Lò Văn Bố", "personal_id": form["personal_id"],
                               "nationality": "VN"}}
