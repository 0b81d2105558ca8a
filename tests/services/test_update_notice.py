"""The centre announces a newer station version in master data; the station tells its users."""

import pytest

from app.services import centre_admin, sync, update_notice
from app.services.masterdata import master_for
from app.services.station import Station
from app.store.crypto import FAST_KDF
from tests.conftest import PASSWORDS

COMMUNE = "00004"


@pytest.fixture
def provisioned(tmp_path):
    data = tmp_path / "centre"
    with centre_admin.running_server(data) as url:
        st = Station.init(tmp_path / "st", "st", "admin", PASSWORDS["admin"], kdf=FAST_KDF)
        admin = st.login("admin", PASSWORDS["admin"])
        sync.provision(admin, url, centre_admin.issue_token(data, COMMUNE), COMMUNE)
        try:
            yield data, admin
        finally:
            st.close()


def test_newer_version_is_announced_after_a_pull(provisioned):
    data, admin = provisioned
    assert update_notice.pending(admin, installed="0.1.0") is None
    centre_admin.publish_app_notice(data, "0.2.0", "Tải tại trung tâm huyện", "Ask the district")
    report = sync.sync_now(admin)
    assert report["online"]
    notice = update_notice.pending(admin, installed="0.1.0")
    assert notice == {"latest": "0.2.0", "installed": "0.1.0",
                      "where_vi": "Tải tại trung tâm huyện", "where_en": "Ask the district"}
    master_for(admin.station)  # an announcement-only bundle does not break the master data


@pytest.mark.parametrize("installed", ["0.2.0", "0.2", "0.3.1"])
def test_equal_or_older_announcement_shows_nothing(provisioned, installed):
    data, admin = provisioned
    centre_admin.publish_app_notice(data, "0.2.0", "x")
    sync.sync_now(admin)
    assert update_notice.pending(admin, installed=installed) is None


def test_version_order():
    assert update_notice.newer("1.10.0", "1.9.3")
    assert not update_notice.newer("1.0", "1.0.0")
    assert not update_notice.newer("garbage", "1.0")
