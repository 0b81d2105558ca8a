"""Station commands: init, users, self-test, GUI, demo, packet verification, USB export."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any

from app.cli.context import Ctx, ctx_text, opened
from app.domain.errors import InputError
from app.services import outbox, packaging, selftest
from app.services.station import Station


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


def cmd_verify_packet(ctx: Ctx) -> int:
    results = packaging.verify_packet_file(Path(ctx.args.file), Path(ctx.args.central_keys))
    ok = all(r.get("status") != "fail" for r in results)
    human = "\n".join(f"{r.get('status', '?'):<5} {r.get('name', '')}: "
                      f"{r.get(ctx.lang) or r.get('detail') or ''}" for r in results)
    ctx.emit({"ok": ok, "checks": results}, human)
    return 0 if ok else 6


def cmd_export(ctx: Ctx) -> int:
    with opened(ctx) as station:
        session = ctx.session(station)
        report = outbox.export_to(session, Path(ctx.args.to))
        session.logout()
    ctx.emit(report, ctx_text(ctx, f"Đã xuất và kiểm tra lại {report['count']} gói vào "
                                   f"{ctx.args.to}.",
                              f"Exported and read back {report['count']} packet(s) to "
                              f"{ctx.args.to}."))
    return 0


def cmd_purge(ctx: Ctx) -> int:
    with opened(ctx) as station:
        session = ctx.session(station)
        ids = outbox.purge(session, ctx.args.retention_days)
        session.logout()
    ctx.emit({"purged": ids}, ctx_text(ctx, f"Đã xoá sinh trắc của {len(ids)} hồ sơ đã có biên "
                                            "nhận.", f"Purged {len(ids)} delivered record(s)."))
    return 0


def cmd_self_test(ctx: Ctx) -> int:
    from app.main import ui_checks

    results = selftest.run_all(ui_checks())
    ok = all(r["ok"] for r in results)
    human = "\n".join(f"{'OK ' if r['ok'] else 'FAIL'} {r['name']:<28} {r['ms']:>7.1f} ms"
                      f"{'  ' + r['error'] if r.get('error') else ''}" for r in results)
    ctx.emit({"ok": ok, "checks": results}, human)
    return 0 if ok else 1


def _need_display() -> None:
    """Say so in words instead of letting Qt abort without a screen (Linux, pip installs)."""
    import os
    import sys

    if sys.platform.startswith("linux") and not any(
            os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        raise InputError("no_display", "Không có màn hình: chạy trong phiên đồ hoạ, hoặc dùng "
                         "'xvfb-run enroll-station ...'.",
                         "No display: run inside a desktop session, or use "
                         "'xvfb-run enroll-station ...'.", field="display")


def cmd_gui(ctx: Ctx) -> int:
    _need_display()
    from app.main import run_gui

    return run_gui(ctx.data_dir, ctx.lang if ctx.lang_given else None)


def cmd_demo(ctx: Ctx) -> int:
    _need_display()
    from app.main import run_demo

    return run_demo(ctx.lang, Path(ctx.args.data_dir) if ctx.args.data_dir else None)


def register(add: Any, sub: Any) -> None:
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
    sp = add("verify-packet", cmd_verify_packet, "open and check a packet with the centre's keys",
             json_=True)
    sp.add_argument("file")
    sp.add_argument("--central-keys", required=True, metavar="DIR")
    sp = add("export", cmd_export, "write approved packets to a folder (USB stick)", json_=True,
             user=True)
    sp.add_argument("--to", required=True, metavar="DIR")
    sp = add("purge", cmd_purge, "shred records the centre has receipted, after retention",
             json_=True, user=True)
    sp.add_argument("--retention-days", type=int, default=outbox.RETENTION_DAYS)
    add("self-test", cmd_self_test, "check crypto, store and components", json_=True)
    add("gui", cmd_gui, "open the application")
    add("demo", cmd_demo, "the application with a throwaway demo station")
