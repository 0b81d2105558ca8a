"""Device commands: devices list|discover|test, emulate r30x|sbi, photo-check, finger-check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.context import Ctx, table


def _devices():  # noqa: ANN202 - imported on use: OpenCV and NFIQ 2 are slow to load
    from app.services import devices

    return devices


def cmd_devices_list(ctx: Ctx) -> int:
    rows = _devices().discover(probe_serial=ctx.args.devices_cmd == "discover")
    ctx.emit(rows, table(rows, ["kind", "spec", "model"]))
    return 0


def cmd_devices_test(ctx: Ctx) -> int:
    result = _devices().self_test(ctx.args.device)
    human = f"{'OK' if result['ok'] else 'FAIL'} {result['spec']}"
    for check in result.get("checks", []):
        human += f"\n  {'ok ' if check['ok'] else 'FAIL'} {check['name']}: {check['note']}"
    if result.get("error"):
        human += f"\n  {result['error'].get(ctx.lang) or result['error']}"
    ctx.emit(result, human)
    return 0 if result["ok"] else 7


def cmd_emulate(ctx: Ctx) -> int:
    def say(line: str) -> None:
        print(line, flush=True)  # a script reads the path or URL from our stdout

    if ctx.args.emulator == "r30x":
        _devices().emulate_r30x(say, quality=ctx.args.quality, pace_baud=ctx.args.pace_baud)
    else:
        _devices().emulate_sbi(say, port=ctx.args.port)
    return 0


def cmd_photo_check(ctx: Ctx) -> int:
    r = _devices().photo_check(Path(ctx.args.image))
    lines = [("OK  " if c["passed"] else "FAIL") + f" {c['name']:<12} "
             f"{'-' if c['score'] is None else format(c['score'], '.2f'):>5}  {c[ctx.lang]}"
             for c in r["checks"]]
    ctx.emit(r, "\n".join([r["verdict"][ctx.lang], *lines]))
    return 0 if r["passed"] else 1


def cmd_finger_check(ctx: Ctx) -> int:
    r = _devices().finger_check(Path(ctx.args.image))
    ctx.emit(r, "\n".join(f"{k}: {v}" for k, v in r.items()))
    return 0 if r.get("is_fingerprint") else 1


def register(add: Any, sub: Any) -> None:
    dev = sub.add_parser("devices", help="scanners and cameras").add_subparsers(
        dest="devices_cmd", required=True)
    add("list", cmd_devices_list, "devices in view", json_=True, parent=dev)
    add("discover", cmd_devices_list, "devices in view, probing serial ports", json_=True,
        parent=dev)
    sp = add("test", cmd_devices_test, "self-test one device", json_=True, parent=dev)
    sp.add_argument("--device", default="simulated", metavar="SPEC",
                    help="r30x:/dev/ttyUSB0, sbi:127.0.0.1:4501, camera:0, camera:FILE.avi, "
                         "simulated")
    emu = sub.add_parser("emulate", help="device emulators for tests and training")
    emu_sub = emu.add_subparsers(dest="emulator", required=True)
    sp = add("r30x", cmd_emulate, "R30x fingerprint sensor on a pseudo-terminal", parent=emu_sub)
    sp.add_argument("--pty", action="store_true", default=True)
    sp.add_argument("--quality", choices=["good", "poor", "worn"], default="good")
    sp.add_argument("--pace-baud", type=int, default=None)
    sp = add("sbi", cmd_emulate, "MOSIP SBI 0.9.5 device service on 127.0.0.1", parent=emu_sub)
    sp.add_argument("--port", type=int, default=None)
    sp = add("photo-check", cmd_photo_check, "check a portrait photo file", json_=True)
    sp.add_argument("image")
    sp = add("finger-check", cmd_finger_check, "check a fingerprint image file", json_=True)
    sp.add_argument("image")
