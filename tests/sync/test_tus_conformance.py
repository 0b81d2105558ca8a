"""tus 1.0.0 conformance of the reference centre: headers, status codes, and the tuspy client."""

from __future__ import annotations

import base64
import hashlib
import io
import time

import httpx
import pytest

from app.packets.archive import sha256_hex
from app.packets.receipt import verify_receipt
from sync.client.http import CentreClient
from sync.client.tus import TusUploader, UploadSettings
from sync.common.protocol import RECEIPT_HEADER, decode_receipt_header, encode_metadata
from sync.server.run import running_server

OCTET = "application/offset+octet-stream"


def _h(**extra: str) -> dict[str, str]:
    return {"Tus-Resumable": "1.0.0", **extra}


def _create(c, packet_id: str, length: int) -> str:
    r = c.http.post("/files", headers=_h(**{"Upload-Length": str(length),
                                            "Upload-Metadata": encode_metadata(
                                                {"packet_id": packet_id})}))
    assert r.status_code == 201, r.text
    assert r.headers["tus-resumable"] == "1.0.0"
    assert r.headers["upload-expires"].endswith("GMT")
    return r.headers["location"]


def test_options_lists_capabilities_without_auth(server):
    r = httpx.options(server + "/files")
    assert r.status_code == 204
    assert r.headers["tus-resumable"] == "1.0.0"
    assert r.headers["tus-version"] == "1.0.0"
    assert set(r.headers["tus-extension"].split(",")) >= {
        "creation", "termination", "expiration", "checksum"}
    assert int(r.headers["tus-max-size"]) == 2 * 1024 * 1024
    assert set(r.headers["tus-checksum-algorithm"].split(",")) == {"sha1", "sha256"}


def test_every_response_carries_tus_resumable(station, server):
    with station.client() as c:
        for r in (c.http.get("/health"), c.http.get("/status"), c.http.get("/nope"),
                  httpx.post(server + "/files"), c.http.head("/files/unknown", headers=_h())):
            assert r.headers.get("tus-resumable") == "1.0.0", r.request.url


def test_wrong_version_412_and_auth_required(station, server):
    r = httpx.post(server + "/files", headers=_h(**{"Upload-Length": "10"}))
    assert r.status_code == 401 and r.json()["code"] == "auth_required"
    with station.client() as c:
        r = c.http.post("/files", headers={"Tus-Resumable": "0.2.2", "Upload-Length": "10"})
        assert r.status_code == 412


def test_head_patch_offsets_409_415_and_no_store(station):
    pkt = station.packet()
    data = pkt.envelope
    with station.client() as c:
        loc = _create(c, pkt.packet_id, len(data))
        head = c.http.head(loc, headers=_h())
        assert head.status_code == 200 and head.headers["upload-offset"] == "0"
        assert head.headers["upload-length"] == str(len(data))
        assert head.headers["cache-control"] == "no-store"
        r = c.http.patch(loc, content=data[:100], headers=_h(**{
            "Upload-Offset": "0", "Content-Type": OCTET}))
        assert r.status_code == 204 and r.headers["upload-offset"] == "100"
        r = c.http.patch(loc, content=data[100:200], headers=_h(**{
            "Upload-Offset": "0", "Content-Type": OCTET}))
        assert r.status_code == 409 and r.json()["code"] == "offset_mismatch"
        r = c.http.patch(loc, content=data[100:200], headers=_h(**{
            "Upload-Offset": "100", "Content-Type": "application/octet-stream"}))
        assert r.status_code == 415
        assert c.http.head(loc, headers=_h()).headers["upload-offset"] == "100"


def test_checksum_460_then_accepted(station):
    pkt = station.packet()
    data = pkt.envelope
    with station.client() as c:
        loc = _create(c, pkt.packet_id, len(data))
        wrong = base64.b64encode(hashlib.sha256(b"other").digest()).decode()
        r = c.http.patch(loc, content=data[:5000], headers=_h(**{
            "Upload-Offset": "0", "Content-Type": OCTET,
            "Upload-Checksum": f"sha256 {wrong}"}))
        assert r.status_code == 460 and r.json()["code"] == "checksum_mismatch"
        assert c.http.head(loc, headers=_h()).headers["upload-offset"] == "0"
        r = c.http.patch(loc, content=data[:5000], headers=_h(**{
            "Upload-Offset": "0", "Content-Type": OCTET, "Upload-Checksum": "md5 AAAA"}))
        assert r.status_code == 400 and r.json()["code"] == "checksum_algorithm"
        for alg, start, end in (("sha1", 0, 5000), ("sha256", 5000, len(data))):
            digest = base64.b64encode(hashlib.new(alg, data[start:end]).digest()).decode()
            r = c.http.patch(loc, content=data[start:end], headers=_h(**{
                "Upload-Offset": str(start), "Content-Type": OCTET,
                "Upload-Checksum": f"{alg} {digest}"}))
            assert r.status_code == 204
        wire = decode_receipt_header(r.headers[RECEIPT_HEADER])
        verify_receipt(wire, station.prov.centre.receipt, pkt.packet_id, sha256_hex(data))


def test_termination_and_expiration(station, centre_dir):
    pkt = station.packet()
    with station.client() as c:
        loc = _create(c, pkt.packet_id, len(pkt.envelope))
        assert c.http.delete(loc, headers=_h()).status_code == 204
        assert c.http.head(loc, headers=_h()).status_code == 404
        assert list((centre_dir / "uploads").iterdir()) == []


def test_expired_upload_410(tmp_path):
    from .conftest import provision_station

    with running_server(tmp_path / "c2", upload_ttl=0.2) as url:
        st = provision_station(url, tmp_path / "c2")
        pkt = st.packet()
        with st.client() as c:
            loc = _create(c, pkt.packet_id, len(pkt.envelope))
            time.sleep(0.3)
            r = c.http.patch(loc, content=pkt.envelope, headers=_h(**{
                "Upload-Offset": "0", "Content-Type": OCTET}))
            assert r.status_code == 410 and r.json()["code"] == "upload_expired"


def test_upload_of_another_station_is_invisible(station, server, centre_dir):
    from .conftest import provision_station

    other = provision_station(server, centre_dir, "ST002")
    pkt = station.packet()
    with station.client() as c:
        loc = _create(c, pkt.packet_id, len(pkt.envelope))
    with other.client() as c:
        assert c.http.head(loc, headers=_h()).status_code == 404
        assert c.http.get(f"/packets/{pkt.packet_id}/receipt").status_code == 404


def test_tuspy_client_uploads_in_chunks_with_checksum(station, server, centre_dir):
    client_mod = pytest.importorskip("tusclient.client")
    pkt = station.packet()
    tus = client_mod.TusClient(server + "/files",
                               headers={"Authorization": f"Bearer {station.prov.access_token}"})
    uploader = tus.uploader(file_stream=io.BytesIO(pkt.envelope), chunk_size=16 * 1024,
                            metadata={"packet_id": pkt.packet_id}, upload_checksum=True)
    uploader.upload()
    assert uploader.offset == len(pkt.envelope)
    with station.client() as c:
        wire = c.http.get(f"/packets/{pkt.packet_id}/receipt").json()
    verify_receipt(wire, station.prov.centre.receipt, pkt.packet_id, sha256_hex(pkt.envelope))
    assert (centre_dir / "packets" / f"{sha256_hex(pkt.envelope)}.pkt").read_bytes() \
        == pkt.envelope


def test_creation_with_upload_completes_in_one_request(station, centre_dir):
    pkt = station.packet()
    methods: list[str] = []

    class Count(httpx.BaseTransport):
        inner = httpx.HTTPTransport()

        def handle_request(self, request):
            methods.append(request.method)
            return self.inner.handle_request(request)

    with CentreClient(station.url, station.prov.access_token, transport=Count()) as c:
        res = TusUploader(c, station.prov.centre.receipt,
                          UploadSettings(create_with_upload=True)).upload(
            pkt.envelope, pkt.packet_id)
    assert methods == ["POST"] and res.receipt.envelope_sha256 == sha256_hex(pkt.envelope)
    assert (centre_dir / "packets" / f"{sha256_hex(pkt.envelope)}.pkt").exists()


def test_body_past_upload_length_refused(station):
    pkt = station.packet()
    with station.client() as c:
        loc = _create(c, pkt.packet_id, 1000)
        r = c.http.patch(loc, content=pkt.envelope[:2000], headers=_h(**{
            "Upload-Offset": "0", "Content-Type": OCTET}))
        assert r.status_code == 413 and r.json()["code"] == "upload_overflow"
        assert int(c.http.head(loc, headers=_h()).headers["upload-offset"]) <= 1000
