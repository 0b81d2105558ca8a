"""Uploads through the loopback proxy that throttles, delays and cuts: resume, never restart."""

from __future__ import annotations

import sqlite3
import threading
import time

import httpx
import pytest

from sync.client.http import CentreClient
from sync.client.tus import TusUploader, UploadSettings
from sync.common.protocol import encode_metadata
from sync.errors import LinkDown
from sync.server.run import running_server
from sync.testing.flaky_proxy import running_proxy

from .conftest import provision_station


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


class _Spy(httpx.BaseTransport):
    """Records (method, Upload-Offset sent, Upload-Offset answered) of every tus request."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.log: list[tuple[str, str | None, str | None]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        try:
            response = self.inner.handle_request(request)
        except httpx.TransportError:
            self.log.append((request.method, request.headers.get("upload-offset"), "cut"))
            raise
        self.log.append((request.method, request.headers.get("upload-offset"),
                         response.headers.get("upload-offset")))
        return response


def test_resume_after_cuts_uses_server_offset(station, server, centre_dir):
    pkt = station.packet()
    size = len(pkt.envelope)
    spy = _Spy()
    with running_proxy(_port(server), rate_bps=8_000_000, latency_s=0.005,
                       cut_every=size // 4, seed=3, lifetime_s=60) as proxy:
        proxy_url = f"http://127.0.0.1:{proxy.port}"
        client = CentreClient(proxy_url, station.prov.access_token, transport=spy)
        with client:
            res = TusUploader(client, station.prov.centre.receipt,
                              UploadSettings(backoff_base=0.01)).upload(
                pkt.envelope, pkt.packet_id)
        assert proxy.stats.cuts >= 3
        # the link carried each byte about once: kept partial PATCH bodies, no restarts
        assert proxy.stats.upstream_bytes < size * 1.2
    assert res.resumes >= 3
    # every PATCH after a cut started at the offset the server reported in the HEAD before it
    heads = [(i, e) for i, e in enumerate(spy.log) if e[0] == "HEAD" and e[2] != "cut"]
    assert heads
    for i, head in heads:
        nxt = next(e for e in spy.log[i + 1:] if e[0] == "PATCH")
        assert nxt[1] == head[2]
        assert int(head[2]) > 0  # resumed, never from zero
    db = sqlite3.connect(centre_dir / "centre.sqlite3")
    assert db.execute("SELECT COUNT(*) FROM packets").fetchone()[0] == 1


def test_resume_from_known_url_after_restart(station):
    """A new process with the saved upload URL resumes at the server's offset (HEAD)."""
    pkt = station.packet()
    half = len(pkt.envelope) // 2
    with station.client() as c:
        meta = encode_metadata({"packet_id": pkt.packet_id})
        r = c.http.post("/files", headers={"Tus-Resumable": "1.0.0", "Upload-Metadata": meta,
                                           "Upload-Length": str(len(pkt.envelope))})
        url = station.url + r.headers["location"]
        c.http.patch(url, content=pkt.envelope[:half], headers={
            "Tus-Resumable": "1.0.0", "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream"})
    with station.client() as c:
        res = TusUploader(c, station.prov.centre.receipt).upload(
            pkt.envelope, pkt.packet_id, upload_url=url)
    assert res.resumes == 1 and res.bytes_sent == len(pkt.envelope) - half


def test_creation_is_idempotent_for_same_bytes(station):
    """Lost the URL in a crash: creating again returns the unfinished upload and its offset."""
    pkt = station.packet()
    from app.packets.archive import sha256_hex
    meta = encode_metadata({"packet_id": pkt.packet_id,
                            "envelope_sha256": sha256_hex(pkt.envelope)})
    h = {"Tus-Resumable": "1.0.0", "Upload-Metadata": meta,
         "Upload-Length": str(len(pkt.envelope))}
    with station.client() as c:
        loc = c.http.post("/files", headers=h).headers["location"]
        c.http.patch(loc, content=pkt.envelope[:1000], headers={
            "Tus-Resumable": "1.0.0", "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream"})
        again = c.http.post("/files", headers=h)
        assert again.headers["location"] == loc and again.headers["upload-offset"] == "1000"
        res = TusUploader(c, station.prov.centre.receipt).upload(pkt.envelope, pkt.packet_id,
                                                                 may_exist=True)
    assert res.bytes_sent == len(pkt.envelope) - 1000


def test_bandwidth_cap_and_cancel(station):
    pkt = station.packet()
    cancel = threading.Event()
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        if sum(slept) > 1.0:
            cancel.set()

    with station.client() as c:
        up = TusUploader(c, station.prov.centre.receipt,
                         UploadSettings(bandwidth_bps=64_000, max_failures=0), sleep=sleep)
        with pytest.raises(LinkDown):
            up.upload(pkt.envelope, pkt.packet_id, cancel=cancel)
    # at 64 kbit/s the client had to pause for ~1 s per 8 KB
    assert sum(slept) > 1.0


def test_upload_expired_mid_transfer_starts_a_new_one(tmp_path):
    """The centre forgot the upload (expired): the client creates a new one and finishes."""
    with running_server(tmp_path / "c", upload_ttl=0.3) as url:
        st = provision_station(url, tmp_path / "c")
        pkt = st.packet()
        with st.client() as c:
            meta = encode_metadata({"packet_id": pkt.packet_id})
            r = c.http.post("/files", headers={"Tus-Resumable": "1.0.0", "Upload-Metadata": meta,
                                               "Upload-Length": str(len(pkt.envelope))})
            stale = url + r.headers["location"]
            time.sleep(0.4)
            res = TusUploader(c, st.prov.centre.receipt).upload(pkt.envelope, pkt.packet_id,
                                                                upload_url=stale)
        assert res.receipt.packet_id == pkt.packet_id and not res.already_held
