"""What the always-visible status strip says, in one read: online or not, queue counts, the
operating limit nearest its stop and any newer-version notice (ids and numbers only)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.services import limits, sync_view, update_notice
from app.services.station import Session

# Contact with the centre this recent counts as online (the sync worker passes every few min).
ONLINE_WINDOW = timedelta(minutes=15)


def is_online(last_contact: str | None, last_result_online: bool | None,
              now: datetime | None = None) -> bool:
    """Offline when the last sync pass could not reach the centre, or no contact lately."""
    if last_result_online is False or not last_contact:
        return False
    now = now or datetime.now(UTC)
    then = datetime.fromisoformat(last_contact)
    then = then if then.tzinfo else then.replace(tzinfo=UTC)
    return now - then <= ONLINE_WINDOW


def strip(session: Session, installed_on: str | None = None,
          maxima: dict[str, float] | None = None, last_result_online: bool | None = None,
          now: datetime | None = None) -> dict[str, Any]:
    """{"online", "last_contact", "counts", "nearest": Limit.as_dict(), "update": notice|None}."""
    now = now or datetime.now(UTC)
    contact = sync_view.contact(session)
    found = limits.limits(session.station.store, installed_on, maxima, now)
    return {"online": is_online(contact["last_contact"], last_result_online, now),
            "last_contact": contact["last_contact"],
            "counts": session.station.info()["counts"],
            "nearest": limits.nearest(found).as_dict(),
            "update": update_notice.pending(session)}
