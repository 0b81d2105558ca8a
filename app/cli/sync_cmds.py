"""Sync commands: provision, sync, and the reference centre (server, server token, mark)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.context import Ctx, ctx_text, opened
from app.domain.errors import InputError


def _read_json(path: str, field: str) -> Any:
    import json

    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError("file_unreadable", f"Không đọc được tệp JSON {path}: {exc}.",
                         f"Cannot read the JSON file {path}: {exc}.", field=field) from None


def cmd_provision(ctx: Ctx) -> int:
    from app.services import sync

    a = ctx.args
    chosen = [bool(a.server or a.token), bool(a.bundle), bool(a.request)]
    if sum(chosen) != 1 or (chosen[0] and not (a.server and a.token)):
        raise InputError("provision_args", "Dùng đúng một cách: --server URL --token MÃ, "
                         "--bundle TỆP, hoặc --request TỆP (tạo yêu cầu ngoại tuyến).",
                         "Use exactly one of: --server URL --token TOKEN, --bundle FILE, or "
                         "--request FILE (write an offline request).", field="token")
    bundle = _read_json(a.bundle, "bundle") if a.bundle else None
    with opened(ctx) as station:
        session = ctx.session(station)
        try:
            if a.request:
                return _write_request(ctx, sync.provision_request(session, a.commune))
            if bundle is not None:
                info = sync.provision_bundle(session, bundle)
            else:
                info = sync.provision(session, a.server, a.token, a.commune)
        finally:
            session.logout()
    where = info["server"] or "USB"
    ctx.emit(info, ctx_text(ctx, f"Đã đăng ký trạm với trung tâm ({where}), xã "
                                 f"{info['commune']}.",
                            f"Station registered with the centre ({where}), commune "
                            f"{info['commune']}."))
    return 0


def _write_request(ctx: Ctx, request: dict[str, Any]) -> int:
    import json

    out = Path(ctx.args.request)
    try:
        out.write_text(json.dumps(request, indent=1), encoding="utf-8")
    except OSError as exc:
        raise InputError("file_unwritable", f"Không ghi được {out}: {exc}.",
                         f"Cannot write {out}: {exc}.", field="request") from None
    doc = request["document"]
    ctx.emit({"request": str(out), "station_id": doc["station_id"],
              "commune": doc.get("commune")},
             ctx_text(ctx, f"Đã ghi yêu cầu đăng ký vào {out}: mang đến trung tâm.",
                      f"Registration request written to {out}: take it to the centre."))
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
    elif a.server_cmd == "register-offline":
        bundle = centre_admin.register_offline(_centre_dir(ctx), _read_json(a.request, "request"),
                                               a.url, a.commune, a.valid_days * 86400.0)
        return _write_bundle(ctx, bundle)
    elif a.server_cmd == "mark":
        centre_admin.mark_packet(_centre_dir(ctx), a.packet_id, a.status, a.reason)
        ctx.emit({"packet_id": a.packet_id, "status": a.status}, f"{a.packet_id} {a.status}")
    else:
        centre_admin.serve(_centre_dir(ctx), a.host, a.port)
    return 0


def _write_bundle(ctx: Ctx, bundle: dict[str, Any]) -> int:
    import json

    text = json.dumps(bundle, indent=1)
    doc = bundle["document"]
    if not ctx.args.out:
        print(text)
        return 0
    Path(ctx.args.out).write_text(text, encoding="utf-8")
    ctx.emit({"bundle": ctx.args.out, "station_id": doc["station_id"],
              "commune": doc["commune"], "expires_at": doc["expires_at"]},
             ctx_text(ctx, f"Gói đăng ký cho trạm {doc['station_id']} đã ghi vào "
                           f"{ctx.args.out}.", f"Bundle for station {doc['station_id']} "
                           f"written to {ctx.args.out}."))
    return 0


def register(add: Any, sub: Any) -> None:
    sp = add("provision", cmd_provision, "register the station with the centre (admin)",
             json_=True, user=True)
    sp.add_argument("--server", metavar="URL")
    sp.add_argument("--token")
    sp.add_argument("--commune", metavar="CODE",
                    help="optional: the commune (default: the token's, or the centre's choice)")
    sp.add_argument("--bundle", metavar="FILE", help="a provisioning bundle from the centre")
    sp.add_argument("--request", metavar="FILE",
                    help="write an offline registration request to FILE (for USB)")
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
    off = add("register-offline", cmd_server, "turn a station's USB request into a signed "
              "provisioning bundle", json_=True, parent=server_sub)
    off.add_argument("request", metavar="REQUEST")
    off.add_argument("--out", metavar="FILE", help="write the bundle here (default: stdout)")
    off.add_argument("--url", metavar="URL", help="the centre address the station syncs with")
    off.add_argument("--commune", metavar="CODE", help="for a request that names none")
    off.add_argument("--valid-days", type=float, default=30.0, metavar="N")
    off.add_argument("--data-dir", dest="centre_dir", metavar="DIR")
    mark = add("mark", cmd_server, "simulate card production for a packet", json_=True,
               parent=server_sub)
    mark.add_argument("packet_id")
    mark.add_argument("status", choices=["accepted", "returned"])
    mark.add_argument("--reason")
    mark.add_argument("--data-dir", dest="centre_dir", metavar="DIR")
