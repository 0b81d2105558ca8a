"""Station <-> reference centre over real HTTP on 127.0.0.1: provisioning, delivery with signed
receipts, exactly-once, centre results, worklist pull, offline, and USB carried by a neighbour."""

from datetime import date

import pytest

from app.domain.masterdata import default_master
from app.domain.synthetic import generate_worklist
from app.services import centre_admin, outbox, sync, worklist
from app.services.enrollment import Enrollment
from app.services.review import Review
from app.services.station import Station
from app.store import outbox as store_outbox
from app.store.crypto import FAST_KDF
from tests.biometrics import complete
from tests.conftest import PASSWORDS
from tests.forms import adult_forms

COMMUNE = "00004"


@pytest.fixture
def centre(tmp_path):
    data = tmp_path / "centre"
    with centre_admin.running_server(data) as url:
        yield data, url


def _station(tmp_path, name, centre_data, url):
    st = Station.init(tmp_path / name, name, "admin", PASSWORDS["admin"], kdf=FAST_KDF)
    admin = st.login("admin", PASSWORDS["admin"])
    admin.add_user("officer1", "officer", PASSWORDS["officer1"])
    admin.add_user("super1", "supervisor", PASSWORDS["super1"])
    sync.provision(admin, url, centre_admin.issue_token(centre_data, COMMUNE), COMMUNE)
    return st


def _approved(st, forms):
    officer = st.login("officer1", PASSWORDS["officer1"])
    flow = Enrollment(officer, default_master(), today=date.today)
    ids = [complete(flow, f) for f in forms]
    sup = st.login("super1", PASSWORDS["super1"])
    Review(sup).approve(ids, PASSWORDS["super1"])
    return sup, ids


def test_deliver_once_with_receipts_then_centre_results(tmp_path, centre):
    data, url = centre
    st = _station(tmp_path, "a", data, url)
    try:
        sup, ids = _approved(st, adult_forms(2, 61))
        report = sync.sync_now(sup)
        assert report["online"] and sorted(report["delivered"]) == sorted(ids)
        assert {r["state"] for r in st.list_records()} == {"delivered"}
        for rid in ids:
            wire = st.store.run(store_outbox.receipt, rid)
            assert wire["receipt"]["packet_id"] == rid
        again = sync.sync_now(sup)  # nothing pending: nothing sent twice
        assert again["delivered"] == [] and again["pending"] == 0
        centre_admin.mark_packet(data, ids[0], "accepted")
        centre_admin.mark_packet(data, ids[1], "returned", "ảnh không đạt")
        sync.sync_now(sup)
        states = {r["id"]: r["state"] for r in st.list_records()}
        assert states == {ids[0]: "accepted", ids[1]: "returned"}
        entries = [e.to_json() for e in generate_worklist(default_master(), 20, 5, date.today())]
        centre_admin.publish_worklist(data, COMMUNE, entries)
        got = sync.sync_now(sup)
        assert got["worklist_version"] == 1
        pid = entries[3]["personal_id"]
        assert [e["personal_id"] for e in worklist.search(sup, pid)] == [pid]
    finally:
        st.close()


def test_offline_is_not_an_error_and_loses_nothing(tmp_path):
    data = tmp_path / "centre"
    with centre_admin.running_server(data) as url:
        st = _station(tmp_path, "a", data, url)
    try:  # the centre is gone now
        sup, ids = _approved(st, adult_forms(1, 62))
        report = sync.sync_now(sup)
        assert report["online"] is False and report["pending"] == 1
        assert {r["state"] for r in st.list_records()} == {"queued"}
    finally:
        st.close()


def test_usb_batch_carried_by_a_neighbour(tmp_path, centre):
    data, url = centre
    a = _station(tmp_path, "a", data, url)
    b = _station(tmp_path, "b", data, url)
    try:
        sup_a, ids = _approved(a, adult_forms(2, 63))
        outbox.export_to(sup_a, tmp_path / "usb")  # no link at the village: a USB stick
        admin_b = b.login("admin", PASSWORDS["admin"])
        report = sync.import_batch(admin_b, tmp_path / "usb")
        assert report["refused"] == [] and sorted(report["sent"]) == sorted(ids)
        assert report["origin_station"] == sup_a.station_id()
        again = sync.import_batch(admin_b, tmp_path / "usb")  # the stick read twice
        assert sorted(again["already_held"]) == sorted(ids) and again["sent"] == []
        # A's next pass: the centre answers with the stored receipts, no bytes resent.
        after = sync.sync_now(sup_a)
        assert after["delivered"] == [] and sorted(after["already_held"]) == sorted(ids)
        assert {r["state"] for r in a.list_records()} == {"delivered"}
    finally:
        a.close()
        b.close()


def test_every_request_carries_the_station_version():
    import httpx

    from app.services import version
    from sync.client.http import CentreClient

    seen = []

    def handler(request):
        seen.append(request.headers["user-agent"])
        return httpx.Response(200, json={})

    with CentreClient("http://127.0.0.1:9", "t", transport=httpx.MockTransport(handler)) as c:
        c.http.get("/anything")
    assert seen == [f"enroll-station/{version.version()} sync/1"]
