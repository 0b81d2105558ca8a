"""The server as a process: prints its URL once listening, serves, and the token command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx

from app.packets.keydir import read_key_dir

ROOT = Path(__file__).resolve().parents[2]


def test_serve_prints_url_then_serves_and_token_command(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    data = tmp_path / "centre"
    proc = subprocess.Popen([sys.executable, "-m", "sync.server", "--data-dir", str(data)],
                            stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        assert httpx.get(url + "/health", timeout=10).json()["status"] == "ok"
        out = subprocess.run([sys.executable, "-m", "sync.server", "--data-dir", str(data),
                              "token", "--commune", "XA001"], capture_output=True, text=True,
                             env=env, cwd=ROOT, check=True)
        assert out.stdout.strip().startswith("est_")
        bad = subprocess.run([sys.executable, "-m", "sync.server", "--data-dir", str(data),
                              "mark", "NOPE", "accepted"], capture_output=True, text=True,
                             env=env, cwd=ROOT)
        assert bad.returncode != 0 and "packet_unknown" in bad.stderr
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
    keys = read_key_dir(data)  # verify-packet --central-keys DATA reads this
    assert keys.current_kid in keys.seal_keys
    assert oct((data / "keys").stat().st_mode & 0o777) == "0o700"
