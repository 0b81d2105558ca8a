"""Start the reference centre: in the foreground (`serve`) or in a thread (`running_server`).

The CLI (`enroll-station server ...`) calls `serve`, `issue_token` and the other admin functions
here; they all work on the data directory, so they also work while a server is running.
"""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import uvicorn

from sync.server import provisioning
from sync.server.api import admin_token, create_app
from sync.server.centre import MAX_UPLOAD, Centre


def _bind(host: str, port: int) -> socket.socket:
    if host not in ("127.0.0.1", "localhost", "::1") and not host.startswith("127."):
        print(f"warning: binding {host}: the reference centre speaks plain HTTP; put TLS in "
              "front of it", file=sys.stderr)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    return sock


def _server(centre: Centre) -> uvicorn.Server:
    config = uvicorn.Config(create_app(centre), log_level="warning", access_log=False,
                            timeout_keep_alive=30, lifespan="off")
    return uvicorn.Server(config)


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve(data_dir: Path, host: str = "127.0.0.1", port: int = 0,
          out: TextIO | None = None, max_upload: int = MAX_UPLOAD) -> None:
    """Run until interrupted; prints the base URL once the socket is listening."""
    centre = Centre(Path(data_dir), max_upload=max_upload)
    sock = _bind(host, port)
    print(_url(sock), file=out or sys.stdout, flush=True)
    try:
        _server(centre).run(sockets=[sock])
    finally:
        centre.close()
        sock.close()


@contextmanager
def running_server(data_dir: Path, max_upload: int = MAX_UPLOAD,
                   upload_ttl: float | None = None) -> Iterator[str]:
    """Serve on 127.0.0.1:<free port> in a daemon thread; yields the base URL."""
    kwargs: dict[str, Any] = {"max_upload": max_upload}
    if upload_ttl is not None:
        kwargs["upload_ttl"] = upload_ttl
    centre = Centre(Path(data_dir), **kwargs)
    sock = _bind("127.0.0.1", 0)
    server = _server(centre)
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name="centre-server")
    thread.start()
    try:
        while not server.started and thread.is_alive():
            threading.Event().wait(0.01)
        yield _url(sock)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        centre.close()
        sock.close()


def issue_token(data_dir: Path, commune: str) -> str:
    """A one-time provisioning token for a station of `commune` (`server token`)."""
    centre = Centre(Path(data_dir))
    try:
        return centre.issue_token(commune)
    finally:
        centre.close()


def _with_centre(data_dir: Path, fn):
    centre = Centre(Path(data_dir))
    try:
        return fn(centre)
    finally:
        centre.close()


def mark_packet(data_dir: Path, packet_id: str, status: str, reason: str | None = None) -> None:
    """Simulate card production: accepted, or returned with a reason."""
    _with_centre(data_dir, lambda c: c.mark(packet_id, status, reason))


def rotate_keys(data_dir: Path) -> str:
    return _with_centre(data_dir, lambda c: c.rotate_keys())


def revoke_station(data_dir: Path, station_id: str, reason: str = "revoked") -> None:
    _with_centre(data_dir, lambda c: c.revoke(station_id, reason))


def register_offline(data_dir: Path, request_wire: dict[str, Any], server_url: str | None = None,
                     commune: str | None = None,
                     ttl: float = provisioning.BUNDLE_TTL) -> dict[str, Any]:
    """Accept a registration request carried on USB; returns the signed provisioning bundle."""
    return _with_centre(data_dir, lambda c: provisioning.register_offline(
        c, request_wire, server_url, commune, ttl))


def publish_master_data(data_dir: Path, data: dict[str, Any]) -> int:
    return _with_centre(data_dir, lambda c: c.publish_master_data(data))


def publish_worklist(data_dir: Path, commune: str, entries: list[dict[str, Any]]) -> int:
    return _with_centre(data_dir, lambda c: c.publish_worklist(commune, entries))


def get_admin_token(data_dir: Path) -> str:
    Centre(Path(data_dir)).close()
    return admin_token(Path(data_dir))
