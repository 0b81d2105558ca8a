"""Read-only views for the sync centre and dashboard screens: ids, states, sizes and times only
(no personal data), so the UI never reaches into the store itself."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.domain.states import State
from app.services.station import Session

_ROWS = ("SELECT o.record_id, r.state, o.size, o.offset, o.attempts, o.last_error, "
         "o.exported_to, o.centre_status, o.centre_reason, o.receipt IS NOT NULL AS delivered, "
         "o.created_at, o.updated_at FROM outbox o JOIN records r ON r.id = o.record_id "
         "ORDER BY (r.state = 'returned') DESC, r.seq DESC LIMIT ?")


def packets(session: Session, limit: int = 500) -> list[dict[str, Any]]:
    """Outbox rows for the sync page: returned ones first, then newest first."""
    return list(session.station.store.run(lambda db: list(db.query(_ROWS, [limit]))))


def contact(session: Session) -> dict[str, Any]:
    """Last contact with the centre and the measured clock offset (None before provisioning)."""
    def q(db: Any) -> dict[str, Any]:
        row = db.execute("SELECT server_url, last_contact, clock_offset FROM centre").fetchone()
        if row is None:
            return {"registered": False, "server_url": None, "last_contact": None,
                    "clock_offset_s": None}
        return {"registered": True, "server_url": row[0], "last_contact": row[1],
                "clock_offset_s": row[2]}
    return session.station.store.run(q)


def _age_days(iso: str | None, now: datetime) -> float | None:
    if not iso:
        return None
    then = datetime.fromisoformat(iso)
    then = then if then.tzinfo else then.replace(tzinfo=UTC)
    return max(0.0, (now - then).total_seconds() / 86400)


def queue_ages(session: Session, now: datetime | None = None) -> list[dict[str, Any]]:
    """Per waiting state (awaiting approval, approved, queued/uploading): count and oldest age."""
    now = now or datetime.now(UTC)
    states = [State.CAPTURED.value, State.APPROVED.value, State.QUEUED.value,
              State.UPLOADING.value, State.RETURNED.value]

    def q(db: Any) -> list[dict[str, Any]]:
        out = []
        for s in states:
            n, oldest = db.execute("SELECT COUNT(*), MIN(updated_at) FROM records "
                                   "WHERE state = ?", [s]).fetchone()
            out.append({"state": s, "count": n, "oldest_days": _age_days(oldest, now)})
        return out
    return session.station.store.run(q)
