"""Offline provisioning end to end: station request (USB) -> centre bundle -> station import ->
a real sync over HTTP on 127.0.0.1; and every bad bundle refused with its reason, changing
nothing."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.domain.errors import InputError
from app.domain.masterdata import default_master
from app.packets.keys import SigningKey, b64
from app.services import centre_admin, sync
from app.services.enrollment import Enrollment
from app.services.review import Review
from app.services.station import Station
from app.store import centre as store_centre
from app.store.crypto import FAST_KDF
from sync.client.provision import registration_request
from sync.common.signed import _message
from sync.errors import Refused
from tests.biometrics import complete
from tests.conftest import PASSWORDS
from tests.forms import adult_forms

COMMUNE = "00004"


def _station(tmp_path, name: str) -> Station:
    st = Station.init(tmp_path / name, name, "admin", PASSWORDS["admin"], kdf=FAST_KDF)
    admin = st.login("admin", PASSWORDS["admin"])
    admin.add_user("officer1", "officer", PASSWORDS["officer1"])
    admin.add_user("super1", "supervisor", PASSWORDS["super1"])
    return st


def _admin(st: Station):
    return st.login("admin", PASSWORDS["admin"])


def _centre_row(st: Station):
    return st.store.run(lambda db: list(db.query("SELECT * FROM centre")))


def test_request_bundle_provision_then_sync_over_http(tmp_path):
    data = tmp_path / "centre"
    with centre_admin.running_server(data) as url:
        centre_admin.publish_master_data(data, {"kind": "thresholds", "note": "test"})
        st = _station(tmp_path, "a")
        try:
            request = sync.provision_request(_admin(st), COMMUNE)
            again = sync.provision_request(_admin(st), COMMUNE)  # a lost file: same keys
            assert again["document"]["box_key"] == request["document"]["box_key"]
            assert "esa_" not in str(request)  # public keys only
            bundle = centre_admin.register_offline(data, request, url)
            assert "esa_" not in str(bundle)  # the access token travels sealed
            info = sync.provision_bundle(_admin(st), bundle)
            assert info["server"] == url and info["commune"] == COMMUNE
            assert info["master_version"] == 1
            officer = st.login("officer1", PASSWORDS["officer1"])
            flow = Enrollment(officer, default_master(), today=date.today)
            rid = complete(flow, adult_forms(1, 71)[0])
            sup = st.login("super1", PASSWORDS["super1"])
            Review(sup).approve([rid], PASSWORDS["super1"])
            report = sync.sync_now(sup)
            assert report["online"] and report["delivered"] == [rid]
            assert report["pending"] == 0
            assert {r["state"] for r in st.list_records()} == {"delivered"}
        finally:
            st.close()


def _resign(bundle: dict, key: SigningKey) -> dict:
    out = copy.deepcopy(bundle)
    out["key_id"] = key.key_id
    out["signature"] = b64(key.sign(_message("provisioning-bundle", out["document"])))
    return out


def test_bad_bundles_refused_with_reason_and_change_nothing(tmp_path):
    data = tmp_path / "centre"
    st, other = _station(tmp_path, "a"), _station(tmp_path, "b")
    try:
        req = sync.provision_request(_admin(st), COMMUNE)
        good = centre_admin.register_offline(data, req, "http://127.0.0.1:9")
        foreign = centre_admin.register_offline(
            data, sync.provision_request(_admin(other), COMMUNE))
        tampered = copy.deepcopy(good)
        tampered["document"]["server_url"] = "http://evil.example"
        forged = _resign(good, SigningKey.generate())
        st_id = _admin(st).station_id()
        cases = {
            "another station": (foreign, "for station"),
            "tampered": (tampered, "does not verify"),
            "unknown key": (forged, "unknown key"),
            "the request": (req, "not a provisioning bundle"),
        }
        for name, (bundle, words) in cases.items():
            with pytest.raises(InputError) as err:
                sync.provision_bundle(_admin(st), bundle)
            assert words in err.value.en, (name, err.value.en)
            assert err.value.field == "bundle"
            assert _centre_row(st) == [], name  # nothing registered
        # expired: the centre's own signature is good, the date is past
        data2 = tmp_path / "centre2"
        req2 = sync.provision_request(_admin(other), COMMUNE)
        expired = centre_admin.register_offline(data2, req2, None, None, ttl=-60)
        with pytest.raises(InputError) as err:
            sync.provision_bundle(_admin(other), expired)
        assert "expired" in err.value.en and _centre_row(other) == []
        again = centre_admin.register_offline(data2, req2)  # the centre re-issues it
        assert sync.provision_bundle(_admin(other), again)["commune"] == COMMUNE
        with pytest.raises(Refused) as refused:  # another station cannot take that id
            centre_admin.register_offline(
                data2, registration_request(again["document"]["station_id"], COMMUNE,
                                            SigningKey.generate(), X25519PrivateKey.generate()))
        assert refused.value.code == "station_exists"
        assert st_id  # the good bundle still works after the refusals
        assert sync.provision_bundle(_admin(st), good)["station_id"] == st_id
        assert len(_centre_row(st)) == 1
        info = st.store.run(store_centre.centre)
        assert info["server_url"] == "http://127.0.0.1:9"
    finally:
        st.close()
        other.close()


def test_request_without_commune_needs_the_operator_to_name_one(tmp_path):
    data = tmp_path / "centre"
    st = _station(tmp_path, "a")
    try:
        req = sync.provision_request(_admin(st))
        assert "commune" not in req["document"]
        with pytest.raises(Refused) as err:
            centre_admin.register_offline(data, req)
        assert err.value.code == "commune_required"
        with pytest.raises(Refused) as err:
            centre_admin.register_offline(data, sync.provision_request(_admin(st), "XA9"),
                                          commune=COMMUNE)
        assert err.value.code == "commune_mismatch"
        bundle = centre_admin.register_offline(data, req, commune=COMMUNE)
        assert sync.provision_bundle(_admin(st), bundle)["commune"] == COMMUNE
    finally:
        st.close()


def test_token_provisioning_without_commune_takes_the_tokens(tmp_path):
    data = tmp_path / "centre"
    with centre_admin.running_server(data) as url:
        st = _station(tmp_path, "a")
        try:
            info = sync.provision(_admin(st), url, centre_admin.issue_token(data, COMMUNE))
            assert info["commune"] == COMMUNE
            assert st.store.run(store_centre.centre)["station_commune"] == COMMUNE
        finally:
            st.close()
