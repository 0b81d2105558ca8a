"""The demo's station: users, registered with a live local centre, a worklist to search."""

from app.main import DEMO_USERS, prepare_demo
from app.services import centre_admin, sync, worklist
from app.store.crypto import FAST_KDF


def test_demo_station_is_registered_and_has_a_worklist(tmp_path):
    with centre_admin.running_server(tmp_path / "centre") as url:
        station = prepare_demo(tmp_path / "station", url, tmp_path / "centre", kdf=FAST_KDF)
        try:
            officer = station.login(DEMO_USERS[1][0], DEMO_USERS[1][2])
            assert worklist.info(officer)["entries"] == 500
            assert worklist.search(officer, "nguyen")
            report = sync.sync_now(officer)
            assert report["online"] and report["pending"] == 0
        finally:
            station.close()
