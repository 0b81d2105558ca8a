"""`python -m sync.server [--data-dir DIR] [--host H] [--port N] [COMMAND ...]`.

The same operations `enroll-station server ...` exposes (see docs/api.md): serve (default),
token --commune CODE, mark ID accepted|returned [--reason R], rotate-keys, revoke STATION,
register-offline REQUEST.json [--out BUNDLE.json] [--url URL] [--commune CODE], admin-token.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.domain.errors import StationError
from sync.server import run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sync.server")
    ap.add_argument("--data-dir", type=Path, default=Path("centre-data"))
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    sub = ap.add_subparsers(dest="cmd")
    t = sub.add_parser("token")
    t.add_argument("--commune", required=True)
    m = sub.add_parser("mark")
    m.add_argument("packet_id")
    m.add_argument("status", choices=["accepted", "returned"])
    m.add_argument("--reason")
    sub.add_parser("rotate-keys")
    r = sub.add_parser("revoke")
    r.add_argument("station_id")
    r.add_argument("--reason", default="revoked")
    o = sub.add_parser("register-offline")
    o.add_argument("request", type=Path)
    o.add_argument("--out", type=Path)
    o.add_argument("--url", help="the centre address written into the bundle")
    o.add_argument("--commune", help="for a request that names none")
    sub.add_parser("admin-token")
    a = ap.parse_args(argv)
    try:
        if a.cmd is None:
            run.serve(a.data_dir, a.host, a.port)
        elif a.cmd == "token":
            print(run.issue_token(a.data_dir, a.commune))
        elif a.cmd == "mark":
            run.mark_packet(a.data_dir, a.packet_id, a.status, a.reason)
        elif a.cmd == "rotate-keys":
            print(run.rotate_keys(a.data_dir))
        elif a.cmd == "revoke":
            run.revoke_station(a.data_dir, a.station_id, a.reason)
        elif a.cmd == "register-offline":
            bundle = json.dumps(run.register_offline(
                a.data_dir, json.loads(a.request.read_text(encoding="utf-8")), a.url,
                a.commune), indent=1)
            if a.out:
                a.out.write_text(bundle, encoding="utf-8")
            else:
                print(bundle)
        elif a.cmd == "admin-token":
            print(run.get_admin_token(a.data_dir))
    except StationError as exc:
        print(f"{exc.en} ({exc.code})", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
