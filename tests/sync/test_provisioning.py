"""Provisioning: one-time tokens online, signed bundles offline, and what each gives the station."""

from __future__ import annotations

import copy

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.packets.build import Signers
from app.packets.keydir import read_key_dir
from app.packets.keys import SigningKey
from sync.client.http import CentreClient, check_connectivity
from sync.client.provision import import_bundle, provision_online, registration_request
from sync.client.pulls import register_signers
from sync.client.tus import TusUploader
from sync.errors import BadCentreDocument, Refused
from sync.server.run import get_admin_token, issue_token, register_offline

from .conftest import COMMUNE, Station


def _keys():
    return SigningKey.generate(), X25519PrivateKey.generate()


def test_token_works_once_only(server, centre_dir):
    token = issue_token(centre_dir, COMMUNE)
    sign, box = _keys()
    prov = provision_online(server, token, "ST010", COMMUNE, sign, box)
    keys = read_key_dir(centre_dir)  # the same layout verify-packet --central-keys reads
    assert prov.centre.current.key_id == keys.current_kid
    assert prov.centre.receipt.key_id == keys.receipt_key.key_id
    assert prov.access_token.startswith("esa_") and prov.via == "token"
    assert prov.clock_offset_s is not None
    sign2, box2 = _keys()
    with pytest.raises(Refused) as err:
        provision_online(server, token, "ST011", COMMUNE, sign2, box2)
    assert err.value.code == "token_used" and err.value.status == 409
    with pytest.raises(Refused) as err:
        provision_online(server, "est_forged", "ST011", COMMUNE, sign2, box2)
    assert err.value.code == "token_invalid"


def test_token_is_bound_to_its_commune_and_ids_are_unique(server, centre_dir):
    sign, box = _keys()
    with pytest.raises(Refused) as err:
        provision_online(server, issue_token(centre_dir, "XA999"), "ST020", COMMUNE, sign, box)
    assert err.value.code == "commune_mismatch"
    provision_online(server, issue_token(centre_dir, COMMUNE), "ST020", COMMUNE, sign, box)
    with pytest.raises(Refused) as err:
        provision_online(server, issue_token(centre_dir, COMMUNE), "ST020", COMMUNE, *_keys())
    assert err.value.code == "station_exists"


def test_expected_centre_key_is_enforced(server, centre_dir):
    sign, box = _keys()
    with pytest.raises(BadCentreDocument):
        provision_online(server, issue_token(centre_dir, COMMUNE), "ST030", COMMUNE, sign, box,
                         expected_centre_key_id="0000000000000000")


def test_offline_bundle_round_trip_and_upload(server, centre_dir):
    signers = Signers(SigningKey.generate(), SigningKey.generate(), SigningKey.generate())
    box = X25519PrivateKey.generate()
    request = registration_request("ST001", COMMUNE, signers.station, box)
    bundle = register_offline(centre_dir, request)  # the centre operator, from the USB file
    expected = read_key_dir(centre_dir).receipt_key.key_id
    prov = import_bundle(bundle, "ST001", signers.station, box, expected_centre_key_id=expected)
    assert prov.via == "bundle" and "esa_" not in str(bundle)  # the token travels sealed only
    st = Station(signers, box, prov, server)
    with st.client() as c:
        register_signers(c, [("officer", "officer.lan", signers.officer.verify_key),
                             ("supervisor", "sup.minh", signers.supervisor.verify_key)])
        pkt = st.packet()
        res = TusUploader(c, prov.centre.receipt).upload(pkt.envelope, pkt.packet_id)
    assert res.receipt.packet_id == pkt.packet_id


def test_tampered_or_foreign_bundle_refused(centre_dir):
    sign, box = _keys()
    bundle = register_offline(centre_dir, registration_request("ST040", COMMUNE, sign, box))
    bad = copy.deepcopy(bundle)
    bad["document"]["commune"] = "XA777"
    with pytest.raises(BadCentreDocument) as err:
        import_bundle(bad, "ST040", sign, box)
    assert err.value.code == "provisioning-bundle_invalid"
    with pytest.raises(BadCentreDocument):  # another station's keys cannot use it
        import_bundle(bundle, "ST040", *_keys())


def test_forged_registration_request_refused(server, centre_dir):
    sign, box = _keys()
    req = registration_request("ST050", COMMUNE, sign, box)
    req["document"]["sign_key"] = SigningKey.generate().verify_key.to_b64()
    with CentreClient(server) as c:
        r = c.http.post("/provision", json={"token": issue_token(centre_dir, COMMUNE),
                                            "request": req})
    assert r.status_code == 400 and r.json()["code"] == "registration_invalid"


def test_admin_endpoints_need_the_admin_token(server, centre_dir):
    with CentreClient(server) as c:
        assert c.http.post("/admin/tokens", json={"commune": COMMUNE}).status_code == 401
    assert oct((centre_dir / "admin-token").stat().st_mode & 0o777) == "0o600"
    with CentreClient(server, get_admin_token(centre_dir)) as c:
        r = c.http.post("/admin/tokens", json={"commune": COMMUNE})
        assert r.status_code == 200 and r.json()["token"].startswith("est_")


def test_connectivity_check(server):
    ok = check_connectivity(server)
    assert ok.online and ok.max_upload == 2 * 1024 * 1024 and ok.clock_offset_s is not None
    down = check_connectivity("http://127.0.0.1:9", timeout=0.5)
    assert not down.online and down.reason


def test_token_for_malformed_commune_refused(centre_dir):
    with pytest.raises(Refused) as err:
        issue_token(centre_dir, "Xã 1")
    assert err.value.code == "commune_invalid"
