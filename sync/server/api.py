"""The reference centre's HTTP API (FastAPI): provisioning, pulls, receipts, admin, and tus.

Authentication: stations send `Authorization: Bearer <access token>` (issued at provisioning;
the centre stores only its SHA-256). Admin endpoints take the token in DATA/admin-token (0600),
created at first start. OPTIONS /files, GET /health and GET /keys need no token.
Every response carries `Tus-Resumable: 1.0.0`; errors are JSON {code, field, vi, en}.
"""

from __future__ import annotations

import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from sync.common.protocol import TUS_VERSION
from sync.errors import Refused
from sync.server import provisioning, tus
from sync.server.centre import Centre, now_text, refused

ADMIN_FILE = "admin-token"


class ProvisionBody(BaseModel):
    token: str = Field(description="one-time provisioning token from `server token`")
    request: dict[str, Any] = Field(description="station-signed registration request")


class Signer(BaseModel):
    role: str = Field(description="officer | supervisor")
    signer_id: str
    public_key: str = Field(description="base64 raw Ed25519 public key")


class TokenBody(BaseModel):
    commune: str


class StatusBody(BaseModel):
    status: str = Field(description="accepted | returned")
    reason: str | None = None


class RevokeBody(BaseModel):
    reason: str = "revoked"


class OfflineBody(BaseModel):
    request: dict[str, Any]
    server_url: str | None = None
    commune: str | None = None


class MasterDataBody(BaseModel):
    data: dict[str, Any]


class WorklistBody(BaseModel):
    entries: list[dict[str, Any]]


class _TusHeader:
    """Pure ASGI middleware: Tus-Resumable on every response (errors included)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_header(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []),
                                      (b"tus-resumable", TUS_VERSION.encode())]
            await send(message)
        return await self.app(scope, receive, send_with_header)


def admin_token(data_dir: Path) -> str:
    """The admin token (created on first use, file mode 0600)."""
    path = Path(data_dir) / ADMIN_FILE
    if not path.exists():
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            return path.read_text(encoding="ascii").strip()
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write("adm_" + secrets.token_urlsafe(32))
    return path.read_text(encoding="ascii").strip()


def create_app(centre: Centre) -> FastAPI:
    app = FastAPI(title="enroll-station reference centre", version="1.0.0",
                  description="Sync protocol of the enroll-station field enrollment station: "
                  "provisioning, tus 1.0 packet uploads with signed receipts, status feed, "
                  "master data, worklists and key updates. See docs/api.md.")
    app.state.centre = centre
    app.state.upload_locks = {}
    app.state.admin = admin_token(centre.data_dir)
    app.add_middleware(_TusHeader)
    app.include_router(tus.router)

    @app.exception_handler(Refused)
    async def _refused(_request: Request, exc: Refused) -> JSONResponse:
        return JSONResponse(exc.as_dict(), status_code=exc.status or 400)

    def station(request: Request):
        return centre.authenticate(request.headers.get("authorization"))

    def admin(request: Request) -> None:
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {app.state.admin}".encode()):
            raise refused(401, "admin_required", "the admin token is required",
                          "cần mã quản trị", "authorization")

    @app.get("/health", tags=["station"], summary="connectivity check; server time")
    def health() -> dict[str, str]:
        return {"status": "ok", "time": now_text()}

    @app.post("/provision", tags=["station"], summary="redeem a one-time token (once)")
    def provision(body: ProvisionBody) -> dict[str, Any]:
        return provisioning.redeem(centre, body.token, body.request)

    @app.put("/station/signers", tags=["station"],
             summary="register officer/supervisor public keys this station vouches for")
    def signers(body: list[Signer], request: Request) -> dict[str, int]:
        row = station(request)
        return {"registered": centre.register_signers(row["station_id"],
                                                      [s.model_dump() for s in body])}

    @app.get("/packets/{packet_id}/receipt", tags=["station"],
             summary="the stored receipt of a packet this station sent or originated")
    def receipt(packet_id: str, request: Request) -> dict[str, Any]:
        row = station(request)
        found = centre.db.one("SELECT receipt FROM packets WHERE packet_id=? AND "
                              "(station_id=? OR uploader=?)", packet_id, row["station_id"],
                              row["station_id"])
        if found is None:
            raise refused(404, "packet_unknown", "the centre holds no such packet",
                          "trung tâm không có gói tin này", "packet_id")
        return json.loads(found["receipt"])

    @app.get("/status", tags=["pulls"], summary="status events of this station's packets")
    def status(request: Request, since: int = 0, limit: int = 500) -> dict[str, Any]:
        return centre.events(station(request)["station_id"], since, max(1, min(limit, 1000)))

    @app.get("/master-data", tags=["pulls"], summary="latest signed master-data bundle",
             responses={204: {"description": "nothing newer than `since`"}})
    def master_data(request: Request, since: int = 0):
        station(request)
        wire = centre.master_data(since)
        return wire if wire is not None else Response(status_code=204)

    @app.get("/worklist", tags=["pulls"], summary="commune worklist sealed to this station",
             responses={204: {"description": "nothing newer than `since`"}})
    def worklist(request: Request, since: int = 0):
        wire = centre.worklist_for(station(request), since)
        return wire if wire is not None else Response(status_code=204)

    @app.get("/keys", tags=["pulls"], summary="signed key update: centre keys, revocations")
    def keys() -> dict[str, Any]:
        return centre.key_update()

    @app.post("/admin/tokens", tags=["admin"], summary="issue a one-time provisioning token")
    def admin_tokens(body: TokenBody, request: Request) -> dict[str, str]:
        admin(request)
        return {"token": centre.issue_token(body.commune)}

    @app.post("/admin/packets/{packet_id}/status", tags=["admin"],
              summary="mark a packet accepted or returned (simulates card production)")
    def admin_status(packet_id: str, body: StatusBody, request: Request) -> dict[str, str]:
        admin(request)
        centre.mark(packet_id, body.status, body.reason)
        return {"packet_id": packet_id, "status": body.status}

    @app.post("/admin/keys/rotate", tags=["admin"], summary="new current HPKE key")
    def admin_rotate(request: Request) -> dict[str, str]:
        admin(request)
        return {"hpke_current": centre.rotate_keys()}

    @app.post("/admin/stations/{station_id}/revoke", tags=["admin"], summary="revoke a station")
    def admin_revoke(station_id: str, body: RevokeBody, request: Request) -> dict[str, str]:
        admin(request)
        centre.revoke(station_id, body.reason)
        return {"station_id": station_id, "status": "revoked"}

    @app.post("/admin/stations/offline", tags=["admin"],
              summary="accept a registration request from USB; returns the signed bundle")
    def admin_offline(body: OfflineBody, request: Request) -> dict[str, Any]:
        admin(request)
        return provisioning.register_offline(centre, body.request, body.server_url,
                                             body.commune)

    @app.put("/admin/master-data", tags=["admin"], summary="publish a master-data version")
    def admin_master(body: MasterDataBody, request: Request) -> dict[str, int]:
        admin(request)
        return {"version": centre.publish_master_data(body.data)}

    @app.put("/admin/worklists/{commune}", tags=["admin"], summary="publish a commune worklist")
    def admin_worklist(commune: str, body: WorklistBody, request: Request) -> dict[str, int]:
        admin(request)
        return {"version": centre.publish_worklist(commune, body.entries)}

    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


_OPEN = {("/files", "options"), ("/health", "get"), ("/keys", "get"), ("/provision", "post")}


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema plus the two bearer schemes and which operation needs which."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi
        doc = get_openapi(title=app.title, version=app.version, description=app.description,
                          routes=app.routes)
        doc.setdefault("components", {})["securitySchemes"] = {
            "station": {"type": "http", "scheme": "bearer",
                        "description": "access token issued at provisioning"},
            "admin": {"type": "http", "scheme": "bearer",
                      "description": "contents of DATA/admin-token"}}
        for path, ops in doc["paths"].items():
            for method, op in ops.items():
                if (path, method) in _OPEN:
                    op["security"] = []
                else:
                    op["security"] = [{"admin" if path.startswith("/admin") else "station": []}]
        app.openapi_schema = doc
    return app.openapi_schema
