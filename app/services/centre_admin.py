"""The reference central server for operators: run it, issue tokens, simulate card production.

A thin wrapper so the command line reaches sync/server only through the services layer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sync.server import run


def default_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("enroll-station-centre", appauthor=False))


def serve(data_dir: Path, host: str = "127.0.0.1", port: int = 0) -> None:
    run.serve(data_dir, host, port)


def issue_token(data_dir: Path, commune: str) -> str:
    return run.issue_token(data_dir, commune)


def register_offline(data_dir: Path, request: Any, server_url: str | None = None,
                     commune: str | None = None, ttl: float = 30 * 86400.0) -> dict[str, Any]:
    """A station's USB registration request -> the centre-signed provisioning bundle."""
    return run.register_offline(data_dir, request, server_url, commune, ttl)


def publish_master_data(data_dir: Path, data: dict[str, Any]) -> int:
    return run.publish_master_data(data_dir, data)


def mark_packet(data_dir: Path, packet_id: str, status: str, reason: str | None = None) -> None:
    run.mark_packet(data_dir, packet_id, status, reason)


def publish_worklist(data_dir: Path, commune: str, entries: list[dict[str, Any]]) -> int:
    return run.publish_worklist(data_dir, commune, entries)


def publish_app_notice(data_dir: Path, latest: str, where_vi: str, where_en: str = "") -> int:
    """Announce a newer station version (and where to get it) in the next master-data bundle."""
    return run.publish_master_data(data_dir, {"app": {"latest": latest, "where_vi": where_vi,
                                                      "where_en": where_en or where_vi}})


running_server = run.running_server
