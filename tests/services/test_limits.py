from datetime import UTC, date, datetime, timedelta

from app.domain.masterdata import default_master
from app.services import limits
from app.services.enrollment import Enrollment
from tests.biometrics import complete
from tests.forms import adult_forms


def test_countdowns_turn_amber_then_red(station, officer):
    now = datetime.now(UTC)
    fresh = {x.name: x for x in limits.limits(station.store, now.date().isoformat(), now=now)}
    assert all(x.level == "ok" for x in fresh.values())
    flow = Enrollment(officer, default_master(), today=date.today)
    for form in adult_forms(3, 44):
        complete(flow, form)
    later = now + timedelta(days=12)
    got = {x.name: x for x in limits.limits(station.store, now.date().isoformat(),
                                           maxima={"pending_approvals": 3}, now=later)}
    assert got["pending_approvals"].level == "red" and got["pending_approvals"].left == 0
    assert got["days_since_sync"].level == "amber"  # 12 of 14 days
    assert got["oldest_pending_days"].level == "red"  # 12 > 7 days waiting
    assert limits.nearest(list(got.values())).name in ("pending_approvals", "oldest_pending_days")
    rows = limits.per_officer(station.store, now=now)
    assert rows == [{"username": "officer1", "today": 3, "week": 3}]
