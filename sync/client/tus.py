"""Resumable, idempotent packet upload over tus 1.0 with a verified receipt at the end.

Rules it keeps (docs/api.md "Upload"):
- creation (POST) names the envelope's SHA-256: if the centre already holds these bytes it
  answers with the stored receipt and nothing is sent; other bytes under the same packet id
  are a conflict (409). After an upload vanished the client asks GET /packets/{id}/receipt;
- create (POST) or resume (HEAD on a known URL); after ANY failure ask the server for its offset
  (HEAD) and continue from there, never from zero while the upload exists;
- back off exponentially with jitter on consecutive failures; progress resets the count;
- return only after the receipt's signature, packet id and SHA-256 of exactly the bytes sent
  verify; otherwise raise (the caller must not mark the record delivered).
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from base64 import b64encode
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from app.packets.archive import sha256_hex
from app.packets.errors import ReceiptError
from app.packets.keys import VerifyKey
from app.packets.receipt import Receipt, verify_receipt
from sync.client.http import CentreClient, error_for
from sync.common.protocol import (
    FILES_PATH,
    OCTET,
    RECEIPT_HEADER,
    TUS_VERSION,
    decode_receipt_header,
    encode_metadata,
)
from sync.errors import BadCentreDocument, LinkDown, Refused, link_down

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class UploadSettings:
    """chunk_size 0 streams the rest in one PATCH (the server keeps whatever arrives before a
    cut); with `checksum` ("sha256"/"sha1") each PATCH is one verified chunk of chunk_size."""

    chunk_size: int = 0
    checksum: str | None = None
    bandwidth_bps: int | None = None  # cap in bits per second; None = as fast as the link
    piece: int = 8192  # granularity of writes, throttling and progress
    backoff_base: float = 0.02
    backoff_max: float = 30.0
    max_failures: int = 10  # consecutive failures without progress before giving up
    create_with_upload: bool = False  # first bytes ride on the POST: saves a round trip, but a
    # duplicate or a cut inside that POST costs more (measured: no net gain on a cut link)
    deadline_s: float | None = None


@dataclass(frozen=True)
class UploadResult:
    packet_id: str
    envelope_sha256: str
    receipt: Receipt
    receipt_wire: dict[str, Any]
    already_held: bool  # the centre had it before this call
    bytes_sent: int  # body bytes put on the wire in this call (resends included)
    resumes: int  # HEADs after a failure
    clock_offset_s: float | None


class _Throttle:
    def __init__(self, bps: int | None) -> None:
        self.bps, self.start, self.sent = bps, time.monotonic(), 0

    def take(self, n: int, sleep: Callable[[float], None]) -> None:
        self.sent += n
        if self.bps:
            ahead = self.sent * 8 / self.bps - (time.monotonic() - self.start)
            if ahead > 0:
                sleep(ahead)


class TusUploader:
    def __init__(self, client: CentreClient, receipt_key: VerifyKey,
                 settings: UploadSettings | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 rng: random.Random | None = None) -> None:
        self.client, self.key = client, receipt_key
        self.s = settings or UploadSettings()
        if self.s.checksum not in (None, "sha1", "sha256"):
            raise ValueError("checksum must be None, 'sha1' or 'sha256'")
        self.sleep, self.rng = sleep, rng or random.Random()

    # --- public ------------------------------------------------------------------------------
    def upload(self, envelope: bytes, packet_id: str, *, upload_url: str | None = None,
               may_exist: bool = False, on_created: Callable[[str], None] | None = None,
               progress: Progress | None = None,
               cancel: threading.Event | None = None) -> UploadResult:
        """Deliver `envelope` and return the verified receipt (see module doc).

        upload_url: the URL `on_created` reported earlier (persist it) to resume by HEAD.
        may_exist: True when an earlier attempt may have reached the centre (the record was
        already "uploading" when the process died): then the client asks for a stored receipt
        first and creates without a body, so the centre's partial upload is resumed.
        """
        job = _Job(self, bytes(envelope), packet_id, progress, cancel)
        job.maybe_complete = may_exist or upload_url is not None
        job.may_exist = job.maybe_complete
        return job.run(upload_url, on_created)

    def verify(self, wire: Any, packet_id: str, sha: str) -> Receipt:
        try:
            return verify_receipt(wire, self.key, packet_id, sha)
        except ReceiptError as exc:
            raise BadCentreDocument(exc.code, exc.vi, exc.en, "receipt") from exc


class _Job:
    def __init__(self, up: TusUploader, data: bytes, packet_id: str, progress: Progress | None,
                 cancel: threading.Event | None) -> None:
        self.up, self.data, self.packet_id = up, data, packet_id
        self.sha = sha256_hex(data)
        self.progress, self.cancel = progress, cancel
        self.sent = self.resumes = self.failures = 0
        self.maybe_complete = False  # the centre may have the whole file: ask before creating
        self.may_exist = False  # an earlier attempt may have left a partial upload
        self.started = time.monotonic()
        self.throttle = _Throttle(up.s.bandwidth_bps)
        self.h = {"Tus-Resumable": TUS_VERSION}

    def _result(self, wire: Any, held: bool) -> UploadResult:
        receipt = self.up.verify(wire, self.packet_id, self.sha)
        if self.progress:
            self.progress(len(self.data), len(self.data))
        return UploadResult(self.packet_id, self.sha, receipt, wire, held, self.sent,
                            self.resumes, self.up.client.clock_offset)

    def _failed(self, exc: Exception) -> None:
        """Count a transient failure and wait (exponential backoff, full jitter 50-150 %)."""
        self.failures += 1
        s = self.up.s
        if self.failures > s.max_failures or (
                s.deadline_s is not None and time.monotonic() - self.started > s.deadline_s):
            raise exc
        if self.cancel is not None and self.cancel.is_set():
            raise link_down("cancelled", "đã hủy")
        delay = min(s.backoff_max, s.backoff_base * 2 ** (self.failures - 1))
        self.up.sleep(delay * self.up.rng.uniform(0.5, 1.5))

    def _stored(self) -> Any | None:
        r = self.up.client.send("GET", f"/packets/{self.packet_id}/receipt")
        if r.status_code == 404:
            return None
        if r.status_code != 200:
            raise error_for(r)
        wire = r.json()
        doc = wire.get("receipt") if isinstance(wire, dict) else None
        if isinstance(doc, dict) and doc.get("envelope_sha256") != self.sha:
            raise Refused("packet_conflict", "Trung tâm đã có gói tin này với nội dung khác.",
                          "The centre already holds this packet id with different content.",
                          "packet_id", 409)
        return wire

    def _create(self, on_created: Callable[[str], None] | None,
                with_body: bool) -> tuple[str, int | None, Any | None]:
        """POST (with the first bytes when `with_body`); returns url, offset, receipt wire."""
        meta = encode_metadata({"packet_id": self.packet_id, "envelope_sha256": self.sha})
        headers = {**self.h, "Upload-Length": str(len(self.data)), "Upload-Metadata": meta}
        body = None
        if with_body:
            extra, body = self._body_request(0)
            headers.update(extra)
        r = self.up.client.send("POST", FILES_PATH, headers=headers, content=body)
        if r.status_code != 201 or "location" not in r.headers:
            raise error_for(r)
        url = str(httpx.URL(self.up.client.base_url + "/").join(r.headers["location"]))
        receipt = r.headers.get(RECEIPT_HEADER.lower())
        off = r.headers.get("upload-offset")
        offset = int(off) if off and off.isdigit() else None
        if receipt is not None and offset != len(self.data):  # the centre already held it
            result = self._result(decode_receipt_header(receipt), held=self.sent == 0)
            self.up.client.send("DELETE", url, headers=self.h)  # best effort: tidy up
            raise _Done(result)
        if on_created:
            on_created(url)
        return url, offset, decode_receipt_header(receipt) if receipt else None

    def _head(self, url: str) -> int | None:
        """The server's offset, or None when the upload no longer exists (404/410)."""
        r = self.up.client.send("HEAD", url, headers=self.h)
        if r.status_code in (404, 410):
            return None
        if r.status_code != 200:
            raise error_for(r)
        return int(r.headers["upload-offset"])

    def _body(self, start: int, end: int) -> Iterator[bytes]:
        piece = self.up.s.piece
        for pos in range(start, end, piece):
            if self.cancel is not None and self.cancel.is_set():
                raise link_down("cancelled", "đã hủy")
            chunk = self.data[pos:min(end, pos + piece)]
            self.throttle.take(len(chunk), self.up.sleep)
            self.sent += len(chunk)
            if pos + len(chunk) == len(self.data):
                self.maybe_complete = True
            yield chunk
            if self.progress:
                self.progress(pos + len(chunk), len(self.data))

    def _body_request(self, offset: int) -> tuple[dict[str, str], Iterator[bytes]]:
        s = self.up.s
        end = len(self.data) if not s.chunk_size else min(len(self.data), offset + s.chunk_size)
        headers = {"Content-Type": OCTET, "Content-Length": str(end - offset)}
        if s.checksum:
            digest = hashlib.new(s.checksum, self.data[offset:end]).digest()
            headers["Upload-Checksum"] = f"{s.checksum} {b64encode(digest).decode('ascii')}"
        return headers, self._body(offset, end)

    def _patch(self, url: str, offset: int) -> tuple[int, Any | None]:
        extra, body = self._body_request(offset)
        headers = {**self.h, "Upload-Offset": str(offset), **extra}
        r = self.up.client.send("PATCH", url, headers=headers, content=body)
        if r.status_code != 204:
            raise error_for(r)
        receipt = r.headers.get(RECEIPT_HEADER.lower())
        return int(r.headers["upload-offset"]), (
            decode_receipt_header(receipt) if receipt else None)

    def run(self, url: str | None, on_created: Callable[[str], None] | None) -> UploadResult:
        self.url = url
        self.best = 0  # highest offset the server confirmed; progress resets the backoff
        while True:
            try:
                return self._attempt(on_created)
            except _Done as done:
                return done.result
            except LinkDown as exc:
                self._failed(exc)
            except Refused as exc:
                if exc.code in ("upload_unknown", "upload_expired"):  # vanished mid-transfer
                    self.url, self.maybe_complete = None, True
                    self._failed(exc)
                elif exc.code in ("offset_mismatch", "checksum_mismatch", "upload_locked"):
                    self._failed(exc)  # the next attempt HEADs before it PATCHes
                else:
                    raise

    def _progress(self, offset: int | None) -> None:
        if offset is not None and offset > self.best:
            self.best, self.failures = offset, 0

    def _attempt(self, on_created) -> UploadResult:
        if self.url is None:
            if self.maybe_complete:  # the upload vanished or was all sent: is it stored?
                stored = self._stored()
                if stored is not None:
                    return self._result(stored, held=self.sent == 0)
            with_body = self.up.s.create_with_upload and self.sent == 0 and not self.may_exist
            self.url, offset, receipt = self._create(on_created, with_body)
            if receipt is not None:
                return self._result(receipt, held=False)
            if offset is None:
                offset = self._head(self.url)
        else:
            self.resumes += 1
            offset = self._head(self.url)
        if offset is None:  # the upload vanished (finished, expired): receipt or a new upload
            self.url, self.maybe_complete = None, True
            raise link_down("the upload is gone on the server", "lượt tải lên không còn")
        self._progress(offset)
        while True:
            offset, receipt = self._patch(self.url, offset)
            self._progress(offset)
            if receipt is not None:
                return self._result(receipt, held=False)
            if offset >= len(self.data):  # complete but no receipt: ask for it again
                raise link_down("no receipt on the final response", "không có biên nhận")


class _Done(Exception):  # noqa: N818 - control flow, not an error
    """The centre already held the packet (answered at creation)."""

    def __init__(self, result: UploadResult) -> None:
        super().__init__("done")
        self.result = result
