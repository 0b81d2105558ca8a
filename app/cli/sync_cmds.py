"""Sync commands: provision, sync, and the reference centre (server, server token, mark)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.context import Ctx, ctx_text, opened
from app.domain.errors import InputError


def cmd_provision(ctx: Ctx) -> int:
    from app.services import sync

    a = ctx.args
    if a.bundle:
        raise InputError("offline_provisioning",
                         "Đăng ký ngoại tuyến bằng gói USB chưa có trong phiên bản này; "
                         "hãy dùng --server và --token.",
                         "Offline provisioning from a bundle is not in this version yet; use "
                         "--server and --token.", field="bundle")
    if not (a.server and a.token and a.commune):
        raise InputError("provision_args", "Cần --server, --token và --commune (mã xã của mã "
                         "cấp phép).", "Give --server, --token and --commune (the commune the "
                         "token was issued for).", field="token")
    with opened(ctx) as station:
        session = ctx.session(station)
        info = sync.provision(session, a.server, a.token, a.commune)
        session.logout()
    ctx.emit(info, ctx_text(ctx, f"Đã đăng ký trạm với trung tâm {a.server}.",
                            f"Station registered with the centre at {a.server}."))
    return 0


def cmd_sync(ctx: Ctx) -> int:
    from app.services import sync

    with opened(ctx) as station:
        session = ctx.session(station)
        report = sync.sync_now(session)
        session.logout()
    human = ctx_text(
        ctx, f"{'Trực tuyến' if report['online'] else 'Ngoại tuyến'}: đã gửi "
             f"{len(report['delivered']) + len(report['already_held'])}, còn chờ "
             f"{report['pending']}.",
        f"{'Online' if report['online'] else 'Offline'}: delivered "
        f"{len(report['delivered']) + len(report['already_held'])}, pending {report['pending']}.")
    ctx.emit(report, human)
    return 0 if report["online"] and not report["stopped_by"] else 8


def cmd_import(ctx: Ctx) -> int:
    from app.services import sync

    with opened(ctx) as station:
        session = ctx.session(station)
        report = sync.import_batch(session, Path(ctx.args.source))
        session.logout()
    ctx.emit(report, ctx_text(ctx, f"Đã gửi {len(report['sent'])} gói, trung tâm đã có "
                                   f"{len(report['already_held'])}, bị từ chối "
                                   f"{len(report['refused'])}.",
                              f"Sent {len(report['sent'])}, already held "
                              f"{len(report['already_held'])}, refused "
                              f"{len(report['refused'])}."))
    return 0 if not report["refused"] else 8


def _centre_dir(ctx: Ctx) -> Path:
    from app.services import centre_admin

    own = getattr(ctx.args, "centre_dir", None)
    if own:
        return Path(own)
    return Path(ctx.args.data_dir) if ctx.args.data_dir else centre_admin.default_dir()


def cmd_server(ctx: Ctx) -> int:
    from app.services import centre_admin

    a = ctx.args
    if a.server_cmd == "token":
        token = centre_admin.issue_token(_centre_dir(ctx), a.commune)
        ctx.emit({"token": token, "commune": a.commune}, token)
    elif a.server_cmd == "mark":
        centre_admin.mark_packet(_centre_dir(ctx), a.packet_id, a.status, a.reason)
        ctx.emit({"packet_id": a.packet_id, "status": a.status}, f"{a.packet_id} {a.status}")
    else:
        centre_admin.serve(_centre_dir(ctx), a.host, a.port)
    return 0


def register(add: Any, sub: Any) -> None:
    sp = add("provision", cmd_provision, "register the station with the centre (admin)",
             json_=True, user=True)
    sp.add_argument("--server", metavar="URL")
    sp.add_argument("--token")
    sp.add_argument("--commune", metavar="CODE", help="the commune the token was issued for")
    sp.add_argument("--bundle", metavar="FILE")
    sp = add("sync", cmd_sync, "send packets and pull results now", json_=True, user=True)
    sp.add_argument("--once", action="store_true", default=True)
    sp = add("import", cmd_import, "upload a USB batch carried from another station",
             json_=True, user=True)
    sp.add_argument("--from", dest="source", required=True, metavar="DIR")
    sp = add("server", cmd_server, "the reference central server on 127.0.0.1")
    sp.set_defaults(server_cmd=None)
    sp.add_argument("--data-dir", dest="centre_dir", metavar="DIR")
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=0)
    server_sub = sp.add_subparsers(dest="server_cmd")
    tok = add("token", cmd_server, "issue a one-time provisioning token", json_=True,
              parent=server_sub)
    tok.add_argument("--commune", required=True, metavar="CODE")
    tok.add_argument("--data-dir", dest="centre_dir", metavar="DIR")
    mark = add("mark", cmd_server, "simulate card production for a packet", json_=True,
               parent=server_sub)
    mark.add_argument("packet_id")
    mark.add_argument("status", choices=["accepted", "returned"])
    mark.add_argument("--reason")
    mark.add_argument("--data-dir", dest="centre_dir", metavar="DIR")
