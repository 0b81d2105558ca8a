"""What every command shares: global options, password reading, output, opening the station."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.domain.errors import InputError
from app.services.station import Session, Station


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("enroll-station", appauthor=False))


class Ctx:
    """Parsed global options plus one-line-at-a-time password reading."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang: str = args.lang or "vi"
        self.lang_given: bool = args.lang is not None  # else the GUI uses the station's
        self.data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
        self._stdin_lines: list[str] | None = None
        self.last_password = ""

    def password(self, prompt: str, field: str = "password") -> str:
        if getattr(self.args, "password_stdin", False):
            if self._stdin_lines is None:
                self._stdin_lines = sys.stdin.read().splitlines()
            if not self._stdin_lines:
                raise InputError("missing_password",
                                 "Thiếu mật khẩu trên đầu vào chuẩn (mỗi mật khẩu một dòng).",
                                 "A password is missing on standard input (one per line).",
                                 field=field)
            return self._stdin_lines.pop(0)
        return getpass.getpass(prompt)

    def say(self, vi: str, en: str) -> None:
        print(vi if self.lang == "vi" else en)

    def emit(self, payload: Any, human: str) -> None:
        if getattr(self.args, "json", False):
            print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
        else:
            print(human)

    def session(self, station: Station) -> Session:
        user = self.args.as_user
        if not user:
            if not sys.stdin.isatty():
                raise InputError("missing_user", "Cần chỉ rõ người dùng: thêm --as TÊN.",
                                 "Name the user: add --as USER.", field="as")
            user = input("Người dùng / user: ").strip()
        self.last_password = self.password(f"Mật khẩu của {user} / password: ")
        return station.login(user, self.last_password)


@contextlib.contextmanager
def opened(ctx: Ctx) -> Iterator[Station]:
    """Open the station for one command; on the way out, report what the open-time check found."""
    station = Station.open(ctx.data_dir)
    try:
        yield station
        health = station.store.health.result()
        if not health.sound:
            print(ctx_text(ctx, "CẢNH BÁO: cơ sở dữ liệu bị hỏng; không ghi thêm được. Gọi hỗ trợ.",
                           "WARNING: the database is damaged; writes are refused. Call support."),
                  file=sys.stderr)
        if not health.audit.ok:
            seq = health.audit.first_bad_seq
            print(ctx_text(ctx, f"CẢNH BÁO: nhật ký kiểm tra bị sửa (mục {seq}). Báo ngay cho "
                           "trưởng công an xã.",
                           f"WARNING: the audit log was altered (entry {seq}). Report it to the "
                           "commune police chief."), file=sys.stderr)
    finally:
        station.close()


def ctx_text(ctx: Ctx, vi: str, en: str) -> str:
    return vi if ctx.lang == "vi" else en


def table(rows: list[dict[str, Any]], cols: list[str]) -> str:
    if not rows:
        return "(không có / none)"
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in cols}
    lines = ["  ".join(c.ljust(widths[c]) for c in cols)]
    lines += ["  ".join(str(r.get(c, "")).ljust(widths[c]) for c in cols) for r in rows]
    return "\n".join(lines)
