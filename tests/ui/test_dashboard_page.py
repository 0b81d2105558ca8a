"""Dashboard: per-officer counts, queue ages, and limits turning amber / red."""

from __future__ import annotations

import pytest

from app.services import centre_admin
from app.ui.dashboard_page import LEVEL_COLOURS, DashboardPage
from app.ui.i18n import set_lang
from tests.ui.sync_fixtures import enrolled, provisioned
from tests.ui.test_sync_page import drain


@pytest.fixture(autouse=True)
def vietnamese():
    set_lang("vi")


@pytest.fixture
def station(tmp_path):
    data = tmp_path / "centre"
    with centre_admin.running_server(data) as url:
        st = provisioned(tmp_path, data, url)
    yield st
    drain()
    st.close()


def _page(qtbot, session, **kw):
    page = DashboardPage(session, **kw)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    qtbot.waitUntil(lambda: page.data is not None, timeout=5000)
    return page


def test_counts_queues_and_limits(qtbot, station):
    sup, ids = enrolled(station, 3, 81, approve=1)  # 2 wait for approval, 1 approved
    page = _page(qtbot, sup, installed_on="2000-01-01",
                 maxima={"pending_approvals": 2, "undelivered": 5})
    officers = {r["username"]: (r["today"], r["week"]) for r in page.data["officers"]}
    assert officers == {"officer1": (3, 3)}
    assert page.chart.rows == page.data["officers"]
    queues = {q["state"]: q["count"] for q in page.data["queues"]}
    assert queues["captured"] == 2 and queues["approved"] == 1
    assert page.limit_levels["pending_approvals"] == "red"      # 2 of 2
    assert page.limit_levels["undelivered"] == "ok"             # 1 of 5
    assert page.limit_levels["days_since_update"] == "red"      # installed long ago
    assert page.limit_levels["days_since_sync"] == "ok"
    bar = page.limit_bars["pending_approvals"]
    assert bar.text() == "2 / 2" and LEVEL_COLOURS["red"] in bar.styleSheet()
    assert page.limit_bars["undelivered"].text() == "1 / 5"


def test_amber_before_red_and_refresh_picks_up_changes(qtbot, station):
    sup, _ = enrolled(station, 4, 82, approve=0)
    page = _page(qtbot, sup, maxima={"pending_approvals": 5})
    assert page.limit_levels["pending_approvals"] == "amber"    # 4 of 5 = 80 %
    assert LEVEL_COLOURS["amber"] in page.limit_bars["pending_approvals"].styleSheet()
    enrolled(station, 1, 83, approve=0)
    page.data = None
    page.refresh_btn.click()
    qtbot.waitUntil(lambda: page.data is not None, timeout=5000)
    assert page.limit_levels["pending_approvals"] == "red"
    assert {r["username"]: r["today"] for r in page.data["officers"]} == {"officer1": 5}


def test_empty_station_renders(qtbot, station):
    admin = station.login("admin", "admin-pass-1")
    page = _page(qtbot, admin)
    assert page.data["officers"] == [] and set(page.limit_levels.values()) == {"ok"}
    page.chart.grab()  # paints the empty-state text without errors
