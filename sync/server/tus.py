"""tus 1.0.0 upload endpoints: core, creation, termination, expiration, checksum (sha1, sha256).

Design choices (documented in docs/api.md):
- The offset is the size of DATA/uploads/<id>.part. Without Upload-Checksum, bytes are kept as
  they arrive, so a cut mid-PATCH loses nothing already received (this is what keeps goodput
  high on a link that drops every ~100 KB). With Upload-Checksum the chunk is kept only whole
  and verified (460 otherwise).
- One PATCH at a time per upload. A newer HEAD/PATCH/DELETE for the same upload preempts a
  running PATCH (its connection is presumed dead: a tus client never sends two at once); the
  bytes it received are kept and the newer request sees the settled offset. A silent body
  also ends after BODY_IDLE seconds.
- Creating an upload for a (station, packet id, envelope sha256) that already has an unfinished
  upload returns that upload (with its offset), so a station that lost its upload URL in a
  crash resumes instead of starting again.
- When the offset reaches the length the packet is ingested (ingest.py) and the final 204
  carries the receipt in the Enroll-Receipt header (base64 JSON). A creation whose metadata
  names the envelope_sha256 of a packet already stored also carries it (201), so a client
  learns "already held" in one round trip.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import os
import secrets
import time
from email.utils import formatdate

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from app.packets.inputs import ID_RE
from sync.common.protocol import (
    FILES_PATH,
    OCTET,
    RECEIPT_HEADER,
    TUS_CHECKSUMS,
    TUS_EXTENSIONS,
    TUS_VERSION,
    decode_metadata,
    encode_receipt_header,
)
from sync.errors import Refused
from sync.server.centre import Centre, now_text, refused
from sync.server.ingest import ingest, stored_receipt

router = APIRouter(tags=["tus uploads"])
BODY_IDLE = 30.0
LOCK_WAIT = 5.0
_ALGS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256}
_TUS_HEADERS = {"Tus-Resumable": {"description": "1.0.0", "schema": {"type": "string"}},
                "Upload-Offset": {"schema": {"type": "integer"}}}


def _centre(request: Request) -> Centre:
    return request.app.state.centre


def _require_tus(request: Request) -> None:
    if request.headers.get("tus-resumable") != TUS_VERSION:
        raise refused(412, "tus_version", f"Tus-Resumable must be {TUS_VERSION}",
                      f"Tus-Resumable phải là {TUS_VERSION}", "Tus-Resumable")


def _int_header(request: Request, name: str) -> int:
    raw = request.headers.get(name)
    if raw is None or not raw.isdigit():
        raise refused(400, "header_invalid", f"{name} must be a non-negative integer",
                      f"{name} phải là số nguyên không âm", name)
    return int(raw)


def _part(centre: Centre, upload_id: str):
    return centre.data_dir / "uploads" / f"{upload_id}.part"


def _expires(ts: float) -> str:
    return formatdate(ts, usegmt=True)


def _upload(centre: Centre, request: Request, upload_id: str, station_id: str):
    row = centre.db.one("SELECT * FROM uploads WHERE upload_id=?", upload_id)
    if row is None or row["uploader"] != station_id:
        raise refused(404, "upload_unknown", "no such upload (finished, deleted or expired)",
                      "không có lượt tải lên này (đã xong, đã xóa hoặc hết hạn)", "upload")
    if row["expires_at"] < time.time():
        _drop(centre, upload_id)
        raise refused(410, "upload_expired", "the upload expired; create it again",
                      "lượt tải lên đã hết hạn; hãy tạo lại", "upload")
    return row


def _drop(centre: Centre, upload_id: str) -> None:
    with centre.db.tx() as c:
        c.execute("DELETE FROM uploads WHERE upload_id=?", (upload_id,))
    _part(centre, upload_id).unlink(missing_ok=True)


def sweep_expired(centre: Centre) -> None:
    for row in centre.db.all("SELECT upload_id FROM uploads WHERE expires_at<?", time.time()):
        _drop(centre, row["upload_id"])


@router.options(FILES_PATH, status_code=204, summary="tus capabilities (also the health check)")
def options(request: Request) -> Response:
    return Response(status_code=204, headers={
        "Tus-Version": TUS_VERSION, "Tus-Extension": TUS_EXTENSIONS,
        "Tus-Max-Size": str(_centre(request).max_upload),
        "Tus-Checksum-Algorithm": TUS_CHECKSUMS})


@router.post(FILES_PATH, status_code=201,
             summary="tus creation (optionally with upload): announce one packet upload",
             responses={201: {"headers": {"Location": {"schema": {"type": "string"}}}},
                        409: {"description": "packet id held with other content"},
                        413: {"description": "Upload-Length over Tus-Max-Size"}})
async def create(request: Request) -> Response:
    centre = _centre(request)
    station = centre.authenticate(request.headers.get("authorization"))
    _require_tus(request)
    length = _int_header(request, "upload-length")
    if length > centre.max_upload:
        raise refused(413, "upload_too_large", f"{length} bytes exceed the limit of "
                      f"{centre.max_upload}", f"{length} byte vượt giới hạn {centre.max_upload}",
                      "Upload-Length")
    try:
        meta = decode_metadata(request.headers.get("upload-metadata"))
    except ValueError as exc:
        raise refused(400, "metadata_invalid", str(exc), "Upload-Metadata sai dạng",
                      "Upload-Metadata") from exc
    packet_id, sha = meta.get("packet_id", ""), meta.get("envelope_sha256")
    if not ID_RE.match(packet_id):
        raise refused(400, "metadata_invalid", "Upload-Metadata needs a valid packet_id",
                      "Upload-Metadata cần packet_id hợp lệ", "Upload-Metadata")
    held = stored_receipt(centre, packet_id, sha) if sha is not None else None  # 409 if other
    sweep_expired(centre)
    existing = centre.db.one(
        "SELECT upload_id FROM uploads WHERE uploader=? AND packet_id=? AND length=? AND "
        "envelope_sha256 IS ? AND expires_at>?", station["station_id"], packet_id, length, sha,
        time.time()) if sha is not None else None
    if existing is not None:  # settle it first: a dead transfer into it may still be open
        upload_id = existing["upload_id"]
        slot = await _with_lock(request, upload_id, LOCK_WAIT)
        if slot is not None:
            slot.lock.release()
        if centre.db.one("SELECT 1 FROM uploads WHERE upload_id=?", upload_id) is None:
            existing = None  # it completed (or was deleted) meanwhile
            held = stored_receipt(centre, packet_id, sha) if sha is not None else None
    if existing is None:
        upload_id = secrets.token_hex(16)
        _part(centre, upload_id).touch(mode=0o600)
        with centre.db.tx() as c:
            c.execute("INSERT INTO uploads VALUES (?, ?, ?, ?, ?, ?, ?)",
                      (upload_id, station["station_id"], packet_id, sha, length, now_text(),
                       time.time() + centre.upload_ttl))
    row = centre.db.one("SELECT expires_at FROM uploads WHERE upload_id=?", upload_id)
    offset = _part(centre, upload_id).stat().st_size
    headers = {"Location": f"{FILES_PATH}/{upload_id}", "Upload-Offset": str(offset),
               "Upload-Expires": _expires(row["expires_at"])}
    if held is not None:  # already stored: the client may stop here (and DELETE the upload)
        headers[RECEIPT_HEADER] = encode_receipt_header(held)
    elif request.headers.get("content-type") == OCTET and offset == 0:
        # creation-with-upload: the body is the first bytes (ignored when resuming a dedupe)
        checksum = _checksum(request)
        slot = await _with_lock(request, upload_id, LOCK_WAIT)
        if slot is not None:
            try:
                headers.update(await _append(request, centre, station["station_id"],
                                             upload_id, slot, 0, checksum))
            finally:
                slot.lock.release()
    return Response(status_code=201, headers=headers)


class _Slot:
    """Per-upload serialisation: one transfer at a time; a newer request preempts an older
    PATCH whose connection died silently (its bytes so far are kept)."""

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.preempt = asyncio.Event()


async def _with_lock(request: Request, upload_id: str, wait: float) -> _Slot | None:
    slot = request.app.state.upload_locks.setdefault(upload_id, _Slot())
    if slot.lock.locked():
        slot.preempt.set()
    try:
        await asyncio.wait_for(slot.lock.acquire(), wait)
    except TimeoutError:
        return None
    slot.preempt = asyncio.Event()
    return slot


@router.head(FILES_PATH + "/{upload_id}", summary="tus core: the server's offset",
             responses={200: {"headers": _TUS_HEADERS}})
async def head(upload_id: str, request: Request) -> Response:
    centre = _centre(request)
    station = centre.authenticate(request.headers.get("authorization"))
    _require_tus(request)
    slot = await _with_lock(request, upload_id, LOCK_WAIT)
    try:
        row = _upload(centre, request, upload_id, station["station_id"])
        offset = _part(centre, upload_id).stat().st_size
    finally:
        if slot is not None:
            slot.lock.release()
    return Response(status_code=200, headers={
        "Upload-Offset": str(offset), "Upload-Length": str(row["length"]),
        "Cache-Control": "no-store", "Upload-Expires": _expires(row["expires_at"])})


def _checksum(request: Request) -> tuple[str, bytes] | None:
    raw = request.headers.get("upload-checksum")
    if raw is None:
        return None
    parts = raw.split(" ")
    if len(parts) != 2 or parts[0] not in _ALGS:
        raise refused(400, "checksum_algorithm", f"supported checksum algorithms: {TUS_CHECKSUMS}",
                      f"chỉ hỗ trợ thuật toán: {TUS_CHECKSUMS}", "Upload-Checksum")
    try:
        return parts[0], base64.b64decode(parts[1], validate=True)
    except binascii.Error as exc:
        raise refused(400, "checksum_invalid", "Upload-Checksum value is not base64",
                      "giá trị Upload-Checksum không phải base64", "Upload-Checksum") from exc


async def _next(stream, preempt: asyncio.Event) -> bytes | None:
    """The next body piece; None at the end, on disconnect, stall or preemption."""
    piece = asyncio.ensure_future(stream.__anext__())
    stop = asyncio.ensure_future(preempt.wait())
    done, _ = await asyncio.wait({piece, stop}, timeout=BODY_IDLE,
                                 return_when=asyncio.FIRST_COMPLETED)
    stop.cancel()
    if piece not in done:
        piece.cancel()
        return None
    try:
        return piece.result()
    except (StopAsyncIteration, ClientDisconnect):
        return None


async def _receive(request: Request, fh, room: int, keep_partial: bool,
                   preempt: asyncio.Event) -> tuple[bytes, bool]:
    """Read the body; returns (buffer when not kept as it came, whether it arrived whole)."""
    buf = bytearray()
    stream = request.stream().__aiter__()
    got = 0
    expected = request.headers.get("content-length")
    while True:
        piece = await _next(stream, preempt)
        if piece is None:
            break
        got += len(piece)
        if len(buf) + len(piece) > room:
            raise refused(413, "upload_overflow", "the body runs past Upload-Length",
                          "dữ liệu vượt quá Upload-Length", "body")
        if keep_partial:
            fh.write(piece)
            room -= len(piece)
        else:
            buf += piece
    complete = expected is None or (expected.isdigit() and got == int(expected))
    return bytes(buf), complete


async def _append(request: Request, centre: Centre, station_id: str, upload_id: str,
                  slot: _Slot, offset: int, checksum: tuple[str, bytes] | None) -> dict[str, str]:
    """Append the request body at `offset` (lock held); ingest when complete."""
    row = _upload(centre, request, upload_id, station_id)
    path = _part(centre, upload_id)
    current = path.stat().st_size
    if offset != current:
        raise refused(409, "offset_mismatch", f"the server's offset is {current}",
                      f"vị trí hiện tại ở máy chủ là {current}", "Upload-Offset")
    with open(path, "ab") as fh:
        data, whole = await _receive(request, fh, row["length"] - current, checksum is None,
                                     slot.preempt)
        if checksum is not None and whole:
            if _ALGS[checksum[0]](data).digest() != checksum[1]:
                raise refused(460, "checksum_mismatch", "the chunk's checksum does not match",
                              "mã kiểm tra của đoạn dữ liệu không khớp", "Upload-Checksum")
            fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    new_offset = path.stat().st_size
    headers = {"Upload-Offset": str(new_offset), "Upload-Expires": _expires(row["expires_at"])}
    if new_offset == row["length"]:
        try:
            wire = await run_in_threadpool(ingest, centre, path, station_id, row["packet_id"])
        except Refused:
            _drop(centre, upload_id)
            raise
        _drop(centre, upload_id)
        headers[RECEIPT_HEADER] = encode_receipt_header(wire)
    return headers


@router.patch(FILES_PATH + "/{upload_id}", status_code=204, summary="tus core: append bytes",
              responses={204: {"headers": {**_TUS_HEADERS, RECEIPT_HEADER: {
                  "description": "base64 JSON receipt, on the PATCH that completes the upload",
                  "schema": {"type": "string"}}}},
                  409: {"description": "Upload-Offset differs from the server's offset"},
                  415: {"description": "wrong Content-Type"},
                  422: {"description": "packet rejected at verification"},
                  423: {"description": "another PATCH is running for this upload"},
                  460: {"description": "checksum mismatch"}})
async def patch(upload_id: str, request: Request) -> Response:
    centre = _centre(request)
    station = centre.authenticate(request.headers.get("authorization"))
    _require_tus(request)
    if request.headers.get("content-type") != OCTET:
        raise refused(415, "content_type", f"Content-Type must be {OCTET}",
                      f"Content-Type phải là {OCTET}", "Content-Type")
    offset = _int_header(request, "upload-offset")
    checksum = _checksum(request)
    slot = await _with_lock(request, upload_id, LOCK_WAIT)
    if slot is None:
        raise refused(423, "upload_locked", "another transfer to this upload is still running",
                      "một lượt truyền khác vào tệp này vẫn đang chạy", "upload")
    try:
        headers = await _append(request, centre, station["station_id"], upload_id, slot,
                                offset, checksum)
        return Response(status_code=204, headers=headers)
    finally:
        slot.lock.release()
        if not _part(centre, upload_id).exists() and not slot.lock.locked():
            request.app.state.upload_locks.pop(upload_id, None)  # finished: forget its slot


@router.delete(FILES_PATH + "/{upload_id}", status_code=204, summary="tus termination")
async def delete(upload_id: str, request: Request) -> Response:
    centre = _centre(request)
    station = centre.authenticate(request.headers.get("authorization"))
    _require_tus(request)
    slot = await _with_lock(request, upload_id, LOCK_WAIT)
    try:
        _upload(centre, request, upload_id, station["station_id"])
        _drop(centre, upload_id)
    finally:
        if slot is not None:
            slot.lock.release()
    return Response(status_code=204)
