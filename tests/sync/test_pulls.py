"""Pulls: status feed cursor, signed master data, sealed worklists, key rotation and updates."""

from __future__ import annotations

import copy

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.packets.archive import sha256_hex
from app.packets.keydir import read_key_dir
from sync.client.http import CentreClient
from sync.client.pulls import (
    fetch_receipt,
    pull_key_update,
    pull_master_data,
    pull_status,
    pull_worklist,
)
from sync.client.tus import TusUploader
from sync.common.signed import verify_document
from sync.errors import BadCentreDocument, Refused
from sync.server.run import (
    mark_packet,
    publish_master_data,
    publish_worklist,
    revoke_station,
    rotate_keys,
)

from .conftest import COMMUNE, provision_station


def _send(station, packet_id: str, centre_key=None):
    pkt = station.packet(packet_id, centre_key=centre_key)
    with station.client() as c:
        TusUploader(c, station.prov.centre.receipt).upload(pkt.envelope, pkt.packet_id)
    return pkt


def test_status_feed_cursor(station, server, centre_dir):
    other = provision_station(server, centre_dir, "ST002")
    _send(station, "ST001-1")
    _send(station, "ST001-2")
    with station.client() as c:
        page = pull_status(c, 0)
        assert [(e.packet_id, e.status) for e in page.events] == [
            ("ST001-1", "received"), ("ST001-2", "received")]
        mark_packet(centre_dir, "ST001-1", "accepted")
        mark_packet(centre_dir, "ST001-2", "returned", "photo_unusable")
        nxt = pull_status(c, page.cursor)
        assert [(e.packet_id, e.status, e.reason) for e in nxt.events] == [
            ("ST001-1", "accepted", None), ("ST001-2", "returned", "photo_unusable")]
        assert pull_status(c, nxt.cursor).events == []
        small = pull_status(c, 0, limit=1)
        assert small.more and len(small.events) == 1
    with other.client() as c:  # another station sees none of it
        assert pull_status(c, 0).events == []
    with pytest.raises(Refused) as err:
        mark_packet(centre_dir, "ST001-2", "returned")
    assert err.value.code == "reason_required"


def test_master_data_signed_versioned_and_tamper_refused(station, centre_dir):
    key = station.prov.centre.receipt
    with station.client() as c:
        assert pull_master_data(c, key, 0) is None
        publish_master_data(centre_dir, {"thresholds": {"nfiq2_min": 40}})
        v2 = publish_master_data(centre_dir, {"thresholds": {"nfiq2_min": 45},
                                              "units": [{"code": COMMUNE, "name": "Xã Tả Van"}]})
        md = pull_master_data(c, key, 0)
        assert md.version == v2 == 2 and md.data["units"][0]["name"] == "Xã Tả Van"
        assert pull_master_data(c, key, 2) is None
    bad = copy.deepcopy(md.wire)
    bad["document"]["data"]["thresholds"]["nfiq2_min"] = 0
    with pytest.raises(BadCentreDocument) as err:
        verify_document(bad, "master-data", key)
    assert err.value.code == "master-data_invalid"


def test_master_data_tampered_in_transit_refused(station, centre_dir):
    """A proxy that alters the bundle body is caught by the client's signature check."""
    publish_master_data(centre_dir, {"thresholds": {"nfiq2_min": 40}})

    class Tamper(httpx.BaseTransport):
        inner = httpx.HTTPTransport()

        def handle_request(self, request):
            r = self.inner.handle_request(request)
            body = r.read().replace(b'"nfiq2_min":40', b'"nfiq2_min":10')
            return httpx.Response(r.status_code, headers={
                k: v for k, v in r.headers.items() if k.lower() != "content-length"},
                content=body)

    with CentreClient(station.url, station.prov.access_token, transport=Tamper()) as c:
        with pytest.raises(BadCentreDocument):
            pull_master_data(c, station.prov.centre.receipt, 0)


def test_worklist_round_trip_sealed_to_station(station, centre_dir):
    entries = [{"personal_id": "001190012345", "full_name": "Nguyễn Thị Ánh"}]
    publish_worklist(centre_dir, COMMUNE, entries)
    key = station.prov.centre.receipt
    with station.client() as c:
        wl = pull_worklist(c, key, "ST001", station.box, 0)
        assert wl.entries == entries and wl.version == 1 and wl.commune == COMMUNE
        assert pull_worklist(c, key, "ST001", station.box, 1) is None
        raw = c.http.get("/worklist").json()
    assert "Nguy" not in str(raw) and "001190012345" not in str(raw)  # only ciphertext travels
    with station.client() as c, pytest.raises(BadCentreDocument):
        pull_worklist(c, key, "ST001", X25519PrivateKey.generate(), 0)


def test_key_rotation_old_kid_still_accepted(station, centre_dir):
    old = station.prov.centre.current
    queued = station.packet("ST001-7", centre_key=old)  # sealed before the rotation
    new_kid = rotate_keys(centre_dir)
    assert new_kid != old.key_id
    with station.client() as c:
        upd = pull_key_update(c, station.prov.centre.receipt, known_sequence=0)
        assert upd.centre.current.key_id == new_kid and old.key_id in upd.centre.hpke
        assert upd.sequence == 1
        res = TusUploader(c, station.prov.centre.receipt).upload(queued.envelope, "ST001-7")
        assert res.receipt.packet_id == "ST001-7"
        fresh = _send(station, "ST001-8", centre_key=upd.centre.current)
        r = fetch_receipt(c, station.prov.centre.receipt, "ST001-8",
                          sha256_hex(fresh.envelope))
        assert r is not None and r.status == "received"
        with pytest.raises(BadCentreDocument):  # a replayed older update is refused
            pull_key_update(c, station.prov.centre.receipt, known_sequence=5)
    assert read_key_dir(centre_dir).current_kid == new_kid


def test_revocation_listed_in_key_update(station, server, centre_dir):
    other = provision_station(server, centre_dir, "ST002")
    revoke_station(centre_dir, "ST002", "stolen")
    with station.client() as c:
        upd = pull_key_update(c, station.prov.centre.receipt)
        assert upd.revoked_stations == ["ST002"]
    with other.client() as c, pytest.raises(Refused) as err:
        pull_status(c, 0)
    assert err.value.code == "station_revoked"


def test_packet_carried_by_another_station_reaches_its_origin(station, server, centre_dir):
    """USB export: a district station uploads ST001's packet; ST001 learns it by status feed
    and can fetch the verified receipt for its own bytes."""
    district = provision_station(server, centre_dir, "DIST01")
    pkt = station.packet("ST001-55")
    with district.client() as c:
        res = TusUploader(c, district.prov.centre.receipt).upload(pkt.envelope, pkt.packet_id)
        assert pull_status(c, 0).events == []  # the carrier sees no events of others
    with station.client() as c:
        page = pull_status(c, 0)
        assert [(e.packet_id, e.status) for e in page.events] == [("ST001-55", "received")]
        mine = fetch_receipt(c, station.prov.centre.receipt, "ST001-55", sha256_hex(pkt.envelope))
    assert mine == res.receipt
