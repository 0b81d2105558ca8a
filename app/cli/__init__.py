"""The `enroll-station` command line: a stable contract for operators, support staff and scripts.

Every command exits 0 only on success; errors name the field or cause (in Vietnamese by default,
`--lang en` for English), exit non-zero and change nothing. `--json` gives machine output.
Commands live in modules by subject; each module registers its own sub-commands.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.cli import device_cmds, record_cmds, station_cmds, sync_cmds
from app.cli.context import Ctx
from app.domain.errors import StationError
from app.services import version

MODULES = (station_cmds, record_cmds, device_cmds, sync_cmds)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="enroll-station",
                                description="Trạm thu nhận căn cước / enrollment station")
    p.add_argument("--data-dir", help="data folder (default: the platform's user data folder)")
    p.add_argument("--lang", choices=["vi", "en"], default=None)
    p.add_argument("--version", action="version", version=version.describe())
    sub = p.add_subparsers(dest="command", required=True)

    def add(name: str, fn: Any, help_: str, *, json_: bool = False, user: bool = False,
            parent: Any = sub) -> argparse.ArgumentParser:
        sp = parent.add_parser(name, help=help_)
        sp.set_defaults(fn=fn)
        if json_:
            sp.add_argument("--json", action="store_true", help="machine-readable output")
        if user:
            sp.add_argument("--as", dest="as_user", metavar="USER")
            sp.add_argument("--password-stdin", action="store_true",
                            help="read password(s) from standard input, one per line")
        return sp

    for module in MODULES:
        module.register(add, sub)
    return p


def report(err: StationError, ctx: Ctx) -> int:
    """Print an error (and every problem it carries) in the chosen language; its exit code."""
    problems = [p.as_dict() for p in getattr(err, "problems", [])]
    if getattr(ctx.args, "json", False):
        print(json.dumps({"error": err.as_dict(), "problems": problems}, ensure_ascii=False,
                         indent=2))
    print(f"{'Lỗi' if ctx.lang == 'vi' else 'Error'}: {err.message(ctx.lang)}", file=sys.stderr)
    for p in problems:
        text = p["message_vi"] if ctx.lang == "vi" else p["message_en"]
        print(f"  - {p['field'] or '(document)'} [{p['code']}, {p['severity']}]: {text}",
              file=sys.stderr)
    return err.exit_code


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    ctx = Ctx(args)
    try:
        return int(args.fn(ctx) or 0)
    except StationError as err:
        return report(err, ctx)
    except KeyboardInterrupt:
        return 130
