"""The `enroll-station` command line: a stable contract for operators, support staff and scripts.

Every command exits 0 only on success; errors name the field or cause (in Vietnamese by default,
`--lang en` for English), exit non-zero and change nothing. `--json` gives machine output.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.domain.errors import InputError, StationError
from app.domain.masterdata import default_master
from app.domain.states import State
from app.services import enrollment, packaging, review, selftest
from app.services.station import Session, Station


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("enroll-station", appauthor=False))


class Ctx:
    """Parsed global options plus one-line-at-a-time password reading."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang: str = args.lang
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


def _table(rows: list[dict[str, Any]], cols: list[str]) -> str:
    if not rows:
        return "(không có / none)"
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in cols}
    lines = ["  ".join(c.ljust(widths[c]) for c in cols)]
    lines += ["  ".join(str(r.get(c, "")).ljust(widths[c]) for c in cols) for r in rows]
    return "\n".join(lines)


# -- commands ------------------------------------------------------------------------------------
def cmd_init(ctx: Ctx) -> int:
    a = ctx.args
    pw = ctx.password(f"Mật khẩu cho {a.admin} / password: ")
    if not a.password_stdin:
        again = getpass.getpass("Nhập lại / again: ")
        if again != pw:
            raise InputError("password_mismatch", "Hai lần nhập mật khẩu không khớp.",
                             "The two passwords differ.", field="password")
    station = Station.init(ctx.data_dir, a.station_name, a.admin, pw)
    info = station.info()
    station.close()
    ctx.emit(info, f"Đã khởi tạo trạm '{info['name']}' ({info['station_id']}) tại {ctx.data_dir}"
             if ctx.lang == "vi" else
             f"Station '{info['name']}' ({info['station_id']}) created in {ctx.data_dir}")
    return 0


def cmd_user_add(ctx: Ctx) -> int:
    a = ctx.args
    with opened(ctx) as station:
        session = ctx.session(station)
        pw = ctx.password(f"Mật khẩu cho {a.username} / new user's password: ", "new_password")
        user = session.add_user(a.username, a.role, pw)
        session.logout()
    out = {"id": user.id, "username": user.username, "role": user.role.value}
    ctx.emit(out, f"{user.username} ({user.role.value}) {user.id}")
    return 0


def cmd_list(ctx: Ctx) -> int:
    state = _state(ctx.args.state)
    with opened(ctx) as station:
        rows = station.list_records(state, ctx.args.limit, ctx.args.offset)
    ctx.emit(rows, _table(rows, ["id", "state", "version", "created_at", "updated_at"]))
    return 0


def _state(text: str | None) -> State | None:
    if text is None:
        return None
    try:
        return State(text)
    except ValueError:
        raise InputError("bad_state", f"Trạng thái không hợp lệ: {text}.",
                         f"Unknown state: {text}. One of: {', '.join(s.value for s in State)}.",
                         field="state") from None


def cmd_show(ctx: Ctx) -> int:
    with opened(ctx) as station:
        session = ctx.session(station)
        rec = session.show(ctx.args.id)
        session.logout()
    human = "\n".join(f"{k}: {v}" for k, v in rec.items() if k != "data")
    human += "\n" + json.dumps(rec["data"], ensure_ascii=False, indent=2)
    ctx.emit(rec, human)
    return 0


def cmd_search(ctx: Ctx) -> int:
    with opened(ctx) as station:
        session = ctx.session(station)
        rows = session.search(ctx.args.text)
        session.logout()
    ctx.emit(rows, _table(rows, ["id", "state", "created_at"]))
    return 0


def _reasons(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items or []:
        key, sep, text = item.partition("=")
        if not sep or ":" not in key or not text.strip():
            raise InputError("bad_reason", "Lý do phải có dạng TRƯỜNG:MÃ=nội dung.",
                             "A reason is written FIELD:CODE=text, e.g. "
                             "personal_id:duplicate_local=lost card.", field="reason")
        out[key.strip()] = text.strip()
    return out


def cmd_enroll(ctx: Ctx) -> int:
    a = ctx.args
    path = Path(a.from_json)
    try:
        form = json.loads(path.read_bytes())
    except OSError as exc:
        raise InputError("file_unreadable", f"Không đọc được tệp {path}: {exc.strerror}.",
                         f"Cannot read {path}: {exc.strerror}.", field="from_json") from None
    except ValueError:
        raise InputError("not_json", f"Tệp {path} không phải JSON hợp lệ.",
                         f"{path} is not valid JSON.", field="from_json") from None
    if not isinstance(form, dict):
        raise InputError("not_object", "Tệp JSON phải là một đối tượng (các trường của phiếu).",
                         "The JSON file must be an object with the form's fields.",
                         field="from_json")
    with opened(ctx) as station:
        session = ctx.session(station)
        flow = enrollment.Enrollment(session, default_master())
        if a.draft:
            rid = flow.save_draft(form)
        else:
            rid = flow.complete(form, _reasons(a.reason))
        state = session.show(rid)["state"]
        session.logout()
    ctx.emit({"id": rid, "state": state}, f"{rid} {state}")
    return 0


def cmd_approve(ctx: Ctx) -> int:
    with opened(ctx) as station:
        session = ctx.session(station)
        done = review.Review(session).approve(ctx.args.ids, session_password(ctx))
        session.logout()
    ctx.emit({"approved": done}, "\n".join(f"{i} approved" for i in done))
    return 0


def cmd_reject(ctx: Ctx) -> int:
    with opened(ctx) as station:
        session = ctx.session(station)
        review.Review(session).reject(ctx.args.id, ctx.args.reason, session_password(ctx))
        session.logout()
    ctx.emit({"rejected": ctx.args.id}, f"{ctx.args.id} rejected")
    return 0


def session_password(ctx: Ctx) -> str:
    """The password typed to log in is the re-authentication for this one command."""
    return ctx.last_password


def cmd_verify_packet(ctx: Ctx) -> int:
    results = packaging.verify_packet_file(Path(ctx.args.file), Path(ctx.args.central_keys))
    ok = all(r.get("status") != "fail" for r in results)
    human = "\n".join(f"{r.get('status', '?'):<5} {r.get('name', '')}: "
                      f"{r.get(ctx.lang) or r.get('detail') or ''}" for r in results)
    ctx.emit({"ok": ok, "checks": results}, human)
    return 0 if ok else 6


def cmd_self_test(ctx: Ctx) -> int:
    results = selftest.run_all()
    ok = all(r["ok"] for r in results)
    human = "\n".join(f"{'OK ' if r['ok'] else 'FAIL'} {r['name']:<28} {r['ms']:>7.1f} ms"
                      f"{'  ' + r['error'] if r.get('error') else ''}" for r in results)
    ctx.emit({"ok": ok, "checks": results}, human)
    return 0 if ok else 1


def cmd_gui(ctx: Ctx) -> int:
    from app.main import run_gui

    return run_gui(ctx.data_dir, ctx.lang)


def cmd_demo(ctx: Ctx) -> int:
    from app.main import run_demo

    return run_demo(ctx.lang, Path(ctx.args.data_dir) if ctx.args.data_dir else None)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="enroll-station",
                                description="Trạm thu nhận căn cước / enrollment station")
    p.add_argument("--data-dir", help="data folder (default: the platform's user data folder)")
    p.add_argument("--lang", choices=["vi", "en"], default="vi")
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

    sp = add("init", cmd_init, "create the station and its first admin", json_=True)
    sp.add_argument("--station-name", required=True)
    sp.add_argument("--admin", required=True)
    sp.add_argument("--password-stdin", action="store_true")

    user = sub.add_parser("user", help="manage users").add_subparsers(dest="user_cmd",
                                                                         required=True)
    sp = add("add", cmd_user_add, "add a user (admin only; stdin: admin pw, new pw)",
             json_=True, user=True, parent=user)
    sp.add_argument("username")
    sp.add_argument("--role", required=True, choices=["officer", "supervisor", "admin"])

    sp = add("list", cmd_list, "list records (ids, states, times)", json_=True)
    sp.add_argument("--state")
    sp.add_argument("--limit", type=int, default=50)
    sp.add_argument("--offset", type=int, default=0)
    sp = add("show", cmd_show, "show one record", json_=True, user=True)
    sp.add_argument("id")
    sp = add("search", cmd_search, "find records by ID number or name", json_=True, user=True)
    sp.add_argument("text")
    sp = add("enroll", cmd_enroll, "enroll a resident from a JSON form", json_=True, user=True)
    sp.add_argument("--from-json", required=True, metavar="FILE")
    sp.add_argument("--devices", choices=["simulated"], default="simulated")
    sp.add_argument("--draft", action="store_true", help="save as a draft, unvalidated")
    sp.add_argument("--reason", action="append", metavar="FIELD:CODE=TEXT",
                    help="reason for accepting a warning (repeatable)")
    sp = add("approve", cmd_approve, "approve records (supervisor)", json_=True, user=True)
    sp.add_argument("ids", nargs="+", metavar="ID")
    sp = add("reject", cmd_reject, "reject a record with a reason (supervisor)", json_=True,
             user=True)
    sp.add_argument("id")
    sp.add_argument("--reason", required=True)
    sp = add("verify-packet", cmd_verify_packet, "open and check a packet with the centre's keys",
             json_=True)
    sp.add_argument("file")
    sp.add_argument("--central-keys", required=True, metavar="DIR")
    add("self-test", cmd_self_test, "check crypto, store and components", json_=True)
    add("gui", cmd_gui, "open the application")
    add("demo", cmd_demo, "the application with a throwaway demo station")
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Ctx(args)
    try:
        return int(args.fn(ctx) or 0)
    except StationError as err:
        problems = [p.as_dict() for p in getattr(err, "problems", [])]
        if getattr(args, "json", False):
            print(json.dumps({"error": err.as_dict(), "problems": problems}, ensure_ascii=False,
                             indent=2))
        print(f"{'Lỗi' if ctx.lang == 'vi' else 'Error'}: {err.message(ctx.lang)}",
              file=sys.stderr)
        for p in problems:
            text = p["message_vi"] if ctx.lang == "vi" else p["message_en"]
            print(f"  - {p['field'] or '(document)'} [{p['code']}, {p['severity']}]: {text}",
                  file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
