"""SIGKILL the uploading process mid-upload, restart it: resumed, stored once, nothing lost."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.packets.archive import sha256_hex

ROOT = Path(__file__).resolve().parents[2]


def _child(station, env_file: Path, packet_id: str, url_file: Path, bps: int, restart: bool,
           with_body: bool = True):
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("upload_child.py")), station.url,
         station.prov.access_token, station.prov.centre.receipt.to_b64(), str(env_file),
         packet_id, str(url_file), str(bps), "1" if restart else "0",
         "1" if with_body else "0"],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)})


def _wait_partial(centre_dir: Path, at_least: int, timeout: float = 30.0) -> int:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        parts = list((centre_dir / "uploads").glob("*.part"))
        if parts and parts[0].stat().st_size >= at_least:
            return parts[0].stat().st_size
        time.sleep(0.05)
    raise AssertionError("the upload never started")


@pytest.mark.parametrize("keep_url", [True, False], ids=["url-saved", "killed-in-first-post"])
def test_sigkill_mid_upload_then_restart(station, centre_dir, tmp_path, keep_url):
    """url-saved: POST then PATCH, killed in the PATCH, restarted with the saved URL (HEAD).
    killed-in-first-post: creation-with-upload killed before any URL came back; the restart
    (may_exist) finds the centre's partial upload by creating again (idempotent creation)."""
    pkt = station.packet()
    env_file, url_file = tmp_path / "packet.bin", tmp_path / "upload-url"
    env_file.write_bytes(pkt.envelope)
    child = _child(station, env_file, pkt.packet_id, url_file, bps=80_000, restart=False,
                   with_body=not keep_url)
    partial = _wait_partial(centre_dir, 8192)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert partial < len(pkt.envelope)
    assert url_file.exists() == keep_url
    # the station knows the record was "uploading" when it died: may_exist
    again = _child(station, env_file, pkt.packet_id, url_file, bps=0, restart=True)
    out, _ = again.communicate(timeout=60)
    assert again.returncode == 0
    result = json.loads(out)
    assert result["sha"] == sha256_hex(pkt.envelope)
    assert result["sent"] <= len(pkt.envelope) - partial  # resumed, not restarted
    db = sqlite3.connect(centre_dir / "centre.sqlite3")
    assert db.execute("SELECT COUNT(*) FROM packets").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM uploads").fetchone()[0] == 0
