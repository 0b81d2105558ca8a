"""'A newer version exists': the centre announces its newest station version in master data
(`{"app": {"latest", "where_vi", "where_en"}}`); the station compares it with its own."""

from __future__ import annotations

from typing import Any

from app.services import version
from app.services.station import Session
from app.store import centre


def _parts(text: str) -> tuple[int, ...] | None:
    """'1.2.10' -> (1, 2, 10); None for anything but dotted numbers (local suffix '+x' dropped)."""
    core = text.strip().split("+")[0]
    bits = core.split(".")
    if not core or not all(b.isdigit() for b in bits):
        return None
    nums = [int(b) for b in bits]
    while len(nums) > 1 and nums[-1] == 0:
        nums.pop()
    return tuple(nums)


def newer(latest: str, installed: str) -> bool:
    """True only when `latest` is strictly newer; an unreadable version never nags."""
    a, b = _parts(latest), _parts(installed)
    return a is not None and b is not None and a > b


def pending(session: Session, installed: str | None = None) -> dict[str, Any] | None:
    """The centre's announcement if it names a newer version than the one running, else None:
    {"latest", "installed", "where_vi", "where_en"}."""
    notice = session.station.store.run(centre.app_notice)
    installed = installed or version.version()
    if not notice or not newer(str(notice.get("latest", "")), installed):
        return None
    return {"latest": notice["latest"], "installed": installed,
            "where_vi": notice.get("where_vi", ""), "where_en": notice.get("where_en", "")}
