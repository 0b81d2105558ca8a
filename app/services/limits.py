"""Operating limits as countdowns, and the dashboard's counts (plain columns only, no keys).

Each limit has a value, a maximum (defaults here; the centre may send others in master data),
how much is left, and a level: ok, amber (80 % used) or red (reached). The station keeps
working at red — refusing to work offline is what must never happen — but says so loudly.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app.domain.states import State
from app.store import outbox
from app.store.store import Store

DEFAULTS = {"days_since_sync": 14, "pending_approvals": 300, "oldest_pending_days": 7,
            "undelivered": 2000, "days_since_update": 180}
AMBER = 0.8

LABELS = {
    "days_since_sync": ("Ngày chưa đồng bộ", "Days since last sync"),
    "pending_approvals": ("Hồ sơ chờ duyệt", "Records awaiting approval"),
    "oldest_pending_days": ("Ngày chờ duyệt lâu nhất", "Oldest pending (days)"),
    "undelivered": ("Gói chưa gửi được", "Packets not yet delivered"),
    "days_since_update": ("Ngày chưa cập nhật phần mềm", "Days since software update"),
}


@dataclass(frozen=True)
class Limit:
    name: str
    value: float
    maximum: float
    vi: str
    en: str

    @property
    def left(self) -> float:
        return max(0.0, self.maximum - self.value)

    @property
    def level(self) -> str:
        if self.value >= self.maximum:
            return "red"
        return "amber" if self.value >= AMBER * self.maximum else "ok"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "left": self.left, "level": self.level}


def _days(since: str | None, now: datetime) -> float:
    if not since:
        return 0.0
    then = datetime.fromisoformat(since)
    then = then if then.tzinfo else then.replace(tzinfo=UTC)
    return max(0.0, (now - then).total_seconds() / 86400)


def _facts(db: Any) -> dict[str, Any]:
    pending = db.execute("SELECT COUNT(*), MIN(updated_at) FROM records WHERE state = ?",
                         [State.CAPTURED.value]).fetchone()
    station = db.execute("SELECT created_at FROM station").fetchone()
    centre = db.execute("SELECT last_contact, registered_at FROM centre").fetchone()
    return {"pending": pending[0], "oldest_pending": pending[1],
            "last_sync": (centre[0] or centre[1]) if centre else station[0],
            "undelivered": outbox.counts(db)["undelivered"] + db.execute(
                "SELECT COUNT(*) FROM records WHERE state = ?",
                [State.APPROVED.value]).fetchone()[0]}


def limits(store: Store, installed_on: str | None = None, maxima: dict[str, float] | None = None,
           now: datetime | None = None) -> list[Limit]:
    """`installed_on`: ISO date of the installed version (the update countdown starts there)."""
    now = now or datetime.now(UTC)
    m = {**DEFAULTS, **(maxima or {})}
    f = store.run(_facts)
    values = {"days_since_sync": _days(f["last_sync"], now),
              "pending_approvals": f["pending"],
              "oldest_pending_days": _days(f["oldest_pending"], now),
              "undelivered": f["undelivered"],
              "days_since_update": _days(installed_on, now)}
    return [Limit(k, round(values[k], 1), m[k], *LABELS[k]) for k in DEFAULTS]


def nearest(found: list[Limit]) -> Limit:
    """The limit closest to its maximum, for the always-visible status strip."""
    return max(found, key=lambda lim: lim.value / lim.maximum if lim.maximum else 0)


def per_officer(store: Store, now: datetime | None = None) -> list[dict[str, Any]]:
    """Enrollments today and in the last 7 days per officer (for the dashboard chart)."""
    now = now or datetime.now(UTC)
    today = now.date().isoformat()
    week = (now - timedelta(days=7)).isoformat()

    def q(db: Any) -> list[dict[str, Any]]:
        return list(db.query(
            "SELECT u.username, SUM(substr(r.created_at, 1, 10) = ?) AS today, "
            "SUM(r.created_at >= ?) AS week FROM records r JOIN users u ON u.id = r.officer_id "
            "WHERE r.state != 'draft' GROUP BY u.username ORDER BY u.username", [today, week]))

    return store.run(q)
