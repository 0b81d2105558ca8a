"""A station provisioned with a real reference centre on 127.0.0.1, for the sync/dashboard pages."""

from __future__ import annotations

from datetime import date

from app.domain.masterdata import default_master
from app.services import centre_admin, sync
from app.services.enrollment import Enrollment
from app.services.review import Review
from app.services.station import Station
from app.store.crypto import FAST_KDF
from tests.biometrics import complete
from tests.conftest import PASSWORDS
from tests.forms import adult_forms

COMMUNE = "00004"


def provisioned(tmp_path, centre_data, url) -> Station:
    st = Station.init(tmp_path / "station", "Trạm thử", "admin", PASSWORDS["admin"], kdf=FAST_KDF)
    admin = st.login("admin", PASSWORDS["admin"])
    admin.add_user("officer1", "officer", PASSWORDS["officer1"])
    admin.add_user("super1", "supervisor", PASSWORDS["super1"])
    sync.provision(admin, url, centre_admin.issue_token(centre_data, COMMUNE), COMMUNE)
    return st


def enrolled(st: Station, n: int, seed: int, approve: int | None = None) -> tuple[object, list]:
    """`n` complete records by officer1; the first `approve` (default all) approved by super1."""
    officer = st.login("officer1", PASSWORDS["officer1"])
    flow = Enrollment(officer, default_master(), today=date.today)
    ids = [complete(flow, f) for f in adult_forms(n, seed)]
    sup = st.login("super1", PASSWORDS["super1"])
    take = ids if approve is None else ids[:approve]
    if take:
        Review(sup).approve(take, PASSWORDS["super1"])
    return sup, ids


def drain():
    """Let every queued page job finish before the station closes (the pool has 2 threads)."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QThreadPool.globalInstance().waitForDone(10000)
        QApplication.processEvents()
