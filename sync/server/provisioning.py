"""Provisioning at the centre: redeem a one-time token online, or sign an offline bundle.

Both register the station's Ed25519 key (packet envelopes) and X25519 key (worklists, sealed
access token) and issue a bearer access token. Online the token comes back over the (TLS in
production) connection; offline it is sealed to the station's X25519 key inside the bundle, so a
lost USB stick carries no usable secret.
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from app.packets.keys import b64
from sync.common.registration import RegistrationRequest, parse_request
from sync.common.signed import seal_to_station, sign_document
from sync.errors import BadCentreDocument
from sync.server.centre import TOKEN_TTL, Centre, now_text, refused, token_hash

BUNDLE_TTL = TOKEN_TTL  # an unused bundle expires like an unused token


def _parse(request_wire: Any) -> RegistrationRequest:
    try:
        return parse_request(request_wire)
    except BadCentreDocument as exc:
        raise refused(400, "registration_invalid", exc.en, exc.vi, "request") from exc


def _insert_station(c, req: RegistrationRequest, access: str, via: str, at: str) -> None:
    if c.execute("SELECT 1 FROM stations WHERE station_id=?", (req.station_id,)).fetchone():
        raise refused(409, "station_exists", f"station {req.station_id} is already registered",
                      f"trạm {req.station_id} đã được đăng ký", "station_id")
    c.execute("INSERT INTO stations(station_id, commune, sign_key, box_key, access_sha256, "
              "registered_at, via) VALUES (?, ?, ?, ?, ?, ?, ?)",
              (req.station_id, req.commune, req.sign_key.to_b64(), b64(req.box_key),
               token_hash(access), at, via))


def _same_offline_station(c, req: RegistrationRequest) -> bool:
    """An active bundle-registered station asking again with the same keys and commune (only
    the holder of its signing key can sign that request)."""
    row = c.execute("SELECT * FROM stations WHERE station_id=?", (req.station_id,)).fetchone()
    return row is not None and row["via"] == "bundle" and row["revoked_at"] is None \
        and row["sign_key"] == req.sign_key.to_b64() and row["box_key"] == b64(req.box_key) \
        and row["commune"] == req.commune


def _registration_doc(centre: Centre, req: RegistrationRequest, via: str, at: str,
                      fmt: str) -> dict[str, Any]:
    return {"format": fmt, "station_id": req.station_id, "commune": req.commune,
            "sign_key_id": req.sign_key.key_id, "box_key": b64(req.box_key),
            "registered_at": at, "via": via, "centre": centre.keys.public_document()}


def redeem(centre: Centre, token: str, request_wire: Any) -> dict[str, Any]:
    """Use a one-time token once: register the station, return registration + access token."""
    req = _parse(request_wire)
    access = "esa_" + secrets.token_urlsafe(32)
    at = now_text()
    with centre.db.tx() as c:
        row = c.execute("SELECT * FROM tokens WHERE token_sha256=?",
                        (token_hash(token or ""),)).fetchone()
        if row is None:
            raise refused(403, "token_invalid", "the provisioning token is not known",
                          "mã cấp phép không hợp lệ", "token")
        if row["used_at"] is not None:
            raise refused(409, "token_used", "the provisioning token was already used",
                          "mã cấp phép đã được sử dụng", "token")
        if row["expires_at"] < time.time():
            raise refused(403, "token_expired", "the provisioning token has expired",
                          "mã cấp phép đã hết hạn", "token")
        if req.commune is None:  # the documented `provision --server URL --token T`
            req = replace(req, commune=row["commune"])
        if row["commune"] != req.commune:
            raise refused(400, "commune_mismatch", f"the token is for commune {row['commune']}",
                          f"mã cấp phép dành cho xã {row['commune']}", "commune")
        _insert_station(c, req, access, "token", at)
        c.execute("UPDATE tokens SET used_at=?, used_by=? WHERE token_sha256=?",
                  (at, req.station_id, row["token_sha256"]))
    centre.export_trusted()
    doc = _registration_doc(centre, req, "token", at, "enroll-station/registration")
    return {"registration": sign_document("registration", doc, centre.keys.receipt_key),
            "access_token": access}


def register_offline(centre: Centre, request_wire: Any, server_url: str | None = None,
                     commune: str | None = None, ttl: float = BUNDLE_TTL) -> dict[str, Any]:
    """Accept a station's request from USB and return the centre-signed provisioning bundle.

    The bundle names the centre URL the station syncs with (None: USB only), expires after
    `ttl` seconds, and carries the latest signed master data so an offline station starts with
    it. `commune` (the operator's) fills a request without one and must match one that has it.
    """
    req = _parse(request_wire)
    if commune is not None and req.commune is not None and commune != req.commune:
        raise refused(400, "commune_mismatch", f"the request is for commune {req.commune}, "
                      f"not {commune}", f"yêu cầu dành cho xã {req.commune}, không phải "
                      f"{commune}", "commune")
    req = replace(req, commune=req.commune or commune)
    if req.commune is None:
        raise refused(400, "commune_required", "the request names no commune: give one",
                      "yêu cầu không ghi mã xã: hãy nhập mã xã", "commune")
    access = "esa_" + secrets.token_urlsafe(32)
    at = now_text()
    with centre.db.tx() as c:
        if _same_offline_station(c, req):  # expired or lost bundle: re-issue, old token dies
            c.execute("UPDATE stations SET access_sha256=?, registered_at=? WHERE "
                      "station_id=?", (token_hash(access), at, req.station_id))
        else:
            _insert_station(c, req, access, "bundle", at)
    centre.export_trusted()
    doc = _registration_doc(centre, req, "bundle", at, "enroll-station/provisioning-bundle")
    doc["sealed_access_token"] = b64(seal_to_station(access.encode("ascii"), req.box_key,
                                                     "access-token", req.station_id, 1))
    doc["server_url"] = server_url
    doc["expires_at"] = datetime.fromtimestamp(time.time() + ttl, UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ")
    row = centre.db.one("SELECT wire FROM master_data ORDER BY version DESC LIMIT 1")
    doc["master_data"] = json.loads(row["wire"]) if row else None
    return sign_document("provisioning-bundle", doc, centre.keys.receipt_key)
