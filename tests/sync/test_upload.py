"""Upload + receipt over real HTTP: idempotence, conflicts, refusals before decryption."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import httpx
import pytest
from synth import make_inputs

import app.packets.verify as verify_mod
from app.packets.archive import sha256_hex
from app.packets.build import Signers, build_packet
from app.packets.keys import SigningKey
from sync.client.http import CentreClient
from sync.client.tus import TusUploader
from sync.common.protocol import (
    RECEIPT_HEADER,
    decode_receipt_header,
    encode_metadata,
    encode_receipt_header,
)
from sync.errors import BadCentreDocument, Refused
from sync.server.run import revoke_station


def _count(centre_dir, packet_id=None) -> int:
    db = sqlite3.connect(centre_dir / "centre.sqlite3")
    try:
        if packet_id:
            return db.execute("SELECT COUNT(*) FROM packets WHERE packet_id=?",
                              (packet_id,)).fetchone()[0]
        return db.execute("SELECT COUNT(*) FROM packets").fetchone()[0]
    finally:
        db.close()


def test_upload_returns_verified_receipt_for_exact_bytes(station, centre_dir):
    pkt = station.packet()
    seen = []
    with station.client() as c:
        res = TusUploader(c, station.prov.centre.receipt).upload(
            pkt.envelope, pkt.packet_id, progress=lambda done, total: seen.append((done, total)))
    assert res.receipt.envelope_sha256 == sha256_hex(pkt.envelope)
    assert res.receipt.status == "received" and not res.already_held
    assert seen[-1] == (len(pkt.envelope), len(pkt.envelope))
    assert res.clock_offset_s is not None and abs(res.clock_offset_s) < 5
    stored = list((centre_dir / "packets").glob("*.pkt"))
    assert [p.read_bytes() for p in stored] == [pkt.envelope]
    assert list((centre_dir / "uploads").iterdir()) == []


def test_duplicate_upload_same_receipt_stored_once(station, centre_dir):
    pkt = station.packet()
    with station.client() as c:
        up = TusUploader(c, station.prov.centre.receipt)
        first = up.upload(pkt.envelope, pkt.packet_id)
        second = up.upload(pkt.envelope, pkt.packet_id)
        # and a raw tus upload of the same bytes (bypassing the client's receipt check)
        meta = encode_metadata({"packet_id": pkt.packet_id})
        r = c.http.post("/files", headers={"Tus-Resumable": "1.0.0", "Upload-Metadata": meta,
                                           "Upload-Length": str(len(pkt.envelope))})
        r = c.http.patch(r.headers["location"], content=pkt.envelope, headers={
            "Tus-Resumable": "1.0.0", "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream"})
        third = decode_receipt_header(r.headers[RECEIPT_HEADER])
        via_get = c.http.get(f"/packets/{pkt.packet_id}/receipt").json()
    assert second.already_held and second.bytes_sent == 0
    assert first.receipt_wire == second.receipt_wire == third == via_get
    assert _count(centre_dir, pkt.packet_id) == 1
    assert len(list((centre_dir / "packets").glob("*.pkt"))) == 1


def test_other_envelope_same_packet_id_is_a_conflict(station, centre_dir):
    first = station.packet()
    other = station.packet()  # same content, new HPKE seal: other bytes, same packet id
    assert first.envelope != other.envelope
    with station.client() as c:
        TusUploader(c, station.prov.centre.receipt).upload(first.envelope, first.packet_id)
        with pytest.raises(Refused) as err:
            TusUploader(c, station.prov.centre.receipt).upload(other.envelope, other.packet_id)
        assert err.value.code == "packet_conflict"
        # the raw protocol path refuses it too, after the bytes arrive
        meta = encode_metadata({"packet_id": other.packet_id})
        r = c.http.post("/files", headers={"Tus-Resumable": "1.0.0", "Upload-Metadata": meta,
                                           "Upload-Length": str(len(other.envelope))})
        r = c.http.patch(r.headers["location"], content=other.envelope, headers={
            "Tus-Resumable": "1.0.0", "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream"})
        assert r.status_code == 409 and r.json()["code"] == "packet_conflict"
    assert _count(centre_dir) == 1
    stored = json.loads(sqlite3.connect(centre_dir / "centre.sqlite3").execute(
        "SELECT receipt FROM packets").fetchone()[0])
    assert stored["receipt"]["envelope_sha256"] == sha256_hex(first.envelope)


def _raw_upload(client, data: bytes, packet_id: str) -> httpx.Response:
    meta = encode_metadata({"packet_id": packet_id})
    r = client.http.post("/files", headers={"Tus-Resumable": "1.0.0", "Upload-Metadata": meta,
                                            "Upload-Length": str(len(data))})
    assert r.status_code == 201
    return client.http.patch(r.headers["location"], content=data, headers={
        "Tus-Resumable": "1.0.0", "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream"})


def test_flipped_byte_in_payload_refused_and_server_keeps_serving(station, centre_dir):
    pkt = station.packet()
    bad = bytearray(pkt.envelope)
    bad[-100] ^= 0x01
    with station.client() as c:
        r = _raw_upload(c, bytes(bad), pkt.packet_id)
        assert r.status_code == 422 and r.json()["code"] == "hash_mismatch"
        assert r.json()["vi"] and r.json()["en"]
        ok = TusUploader(c, station.prov.centre.receipt).upload(pkt.envelope, pkt.packet_id)
    assert ok.receipt.packet_id == pkt.packet_id
    assert _count(centre_dir) == 1


def test_wrong_station_signature_refused_before_decryption(station, centre_dir, monkeypatch):
    calls = []
    monkeypatch.setattr(verify_mod, "open_payload", lambda *a, **k: calls.append(a))
    impostor = Signers(SigningKey.generate(), station.signers.officer, station.signers.supervisor)
    forged = build_packet(make_inputs("ST001-000099"), impostor, station.prov.centre.current,
                          datetime.now(UTC))
    with station.client() as c:
        r = _raw_upload(c, forged.envelope, forged.packet_id)
    assert r.status_code == 422 and r.json()["code"] == "signature_station"
    assert calls == []  # never decrypted
    assert _count(centre_dir) == 0


def test_revoked_station_refused(station, centre_dir):
    pkt = station.packet()
    revoke_station(centre_dir, "ST001", "laptop stolen")
    with station.client() as c:
        with pytest.raises(Refused) as err:
            TusUploader(c, station.prov.centre.receipt).upload(pkt.envelope, pkt.packet_id)
    assert err.value.code == "station_revoked" and err.value.status == 403
    assert _count(centre_dir) == 0


def test_revoked_origin_refused_when_another_station_uploads(station, server, centre_dir):
    from .conftest import provision_station

    district = provision_station(server, centre_dir, "DIST01")
    pkt = station.packet()
    revoke_station(centre_dir, "ST001")
    with district.client() as c:
        r = _raw_upload(c, pkt.envelope, pkt.packet_id)
    assert r.status_code == 403 and r.json()["code"] == "station_revoked"
    assert _count(centre_dir) == 0


def test_unregistered_officer_key_refused(station, centre_dir):
    rogue = Signers(station.signers.station, SigningKey.generate(), station.signers.supervisor)
    pkt = build_packet(make_inputs("ST001-000077"), rogue, station.prov.centre.current,
                       datetime.now(UTC))
    with station.client() as c:
        r = _raw_upload(c, pkt.envelope, pkt.packet_id)
    assert r.status_code == 422 and r.json()["code"] == "signature_officer"


def test_receipt_with_bad_signature_is_never_returned(station):
    pkt = station.packet()
    other_centre = SigningKey.generate().verify_key
    with station.client() as c:
        with pytest.raises(BadCentreDocument) as err:
            TusUploader(c, other_centre).upload(pkt.envelope, pkt.packet_id)
    assert err.value.code == "receipt_key"


def test_oversized_upload_413(station):
    with station.client() as c:
        r = c.http.post("/files", headers={
            "Tus-Resumable": "1.0.0", "Upload-Length": str(3 * 1024 * 1024),
            "Upload-Metadata": encode_metadata({"packet_id": "ST001-1"})})
        assert r.status_code == 413 and r.json()["code"] == "upload_too_large"
        assert c.http.options("/files").status_code == 204


def test_centre_key_dir_verifies_stored_packet_with_trust(station, centre_dir):
    """What verify-packet --central-keys DATA does: keys and trusted signers from DATA/keys/."""
    from app.packets.keydir import read_key_dir, read_trusted
    from app.packets.verify import check_packet

    pkt = station.packet()
    with station.client() as c:
        TusUploader(c, station.prov.centre.receipt).upload(pkt.envelope, pkt.packet_id)
    stored = (centre_dir / "packets" / f"{sha256_hex(pkt.envelope)}.pkt").read_bytes()
    trusted = read_trusted(centre_dir)
    assert trusted is not None
    results = check_packet(stored, read_key_dir(centre_dir), trusted)
    assert all(r.status == "ok" for r in results), [r for r in results if r.status != "ok"]
    revoke_station(centre_dir, "ST001")
    results = check_packet(stored, read_key_dir(centre_dir), read_trusted(centre_dir))
    assert any(r.status == "fail" and r.code == "signature_station" for r in results)


def test_altered_receipt_in_transit_never_returned(station, centre_dir):
    """A receipt changed on the way (right key id, wrong signature) raises; the caller never
    gets a receipt to mark the record delivered with."""
    class Forge(httpx.BaseTransport):
        inner = httpx.HTTPTransport()

        def handle_request(self, request):
            r = self.inner.handle_request(request)
            if RECEIPT_HEADER.lower() in r.headers:
                wire = decode_receipt_header(r.headers[RECEIPT_HEADER])
                wire["receipt"]["status"] = "accepted"
                headers = dict(r.headers)
                headers[RECEIPT_HEADER.lower()] = encode_receipt_header(wire)
                return httpx.Response(r.status_code, headers=headers, content=r.read())
            return r

    pkt = station.packet()
    with CentreClient(station.url, station.prov.access_token, transport=Forge()) as c:
        with pytest.raises(BadCentreDocument) as err:
            TusUploader(c, station.prov.centre.receipt).upload(pkt.envelope, pkt.packet_id)
    assert err.value.code == "receipt_signature"
