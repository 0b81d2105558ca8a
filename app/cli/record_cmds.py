"""Record commands: list, show, search, enroll, approve, reject."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

from app.cli.context import Ctx, opened, table
from app.domain.errors import InputError
from app.domain.states import State
from app.services import enrollment, review
from app.services.masterdata import master_for


def cmd_list(ctx: Ctx) -> int:
    state = _state(ctx.args.state)
    with opened(ctx) as station:
        rows = station.list_records(state, ctx.args.limit, ctx.args.offset)
    ctx.emit(rows, table(rows, ["id", "state", "version", "created_at", "updated_at"]))
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
    ctx.emit(rows, table(rows, ["id", "state", "created_at"]))
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
        flow = enrollment.Enrollment(session, master_for(station))
        if a.draft:
            rid = flow.save_draft(form)
        else:
            reasons = _reasons(a.reason)
            flow.preflight(form, reasons)  # a bad form fails here, before the capture
            blobs, capture = {}, None
            if a.devices == "simulated":
                from app.services.devices import simulated_capture

                seed = zlib.crc32(str(form.get("personal_id")).encode())
                bio = simulated_capture(seed, flow.biometrics_required(form))
                blobs, capture = bio.blobs, bio.capture
            rid = flow.complete(form, reasons, blobs, capture)
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


def register(add: Any, sub: Any) -> None:
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
    sp.add_argument("--devices", choices=["simulated", "none"], default="simulated",
                    help="where biometrics come from ('none': only for under-6s or drafts)")
    sp.add_argument("--draft", action="store_true", help="save as a draft, unvalidated")
    sp.add_argument("--reason", action="append", metavar="FIELD:CODE=TEXT",
                    help="reason for accepting a warning (repeatable)")
    sp = add("approve", cmd_approve, "approve records (supervisor)", json_=True, user=True)
    sp.add_argument("ids", nargs="+", metavar="ID")
    sp = add("reject", cmd_reject, "reject a record with a reason (supervisor)", json_=True,
             user=True)
    sp.add_argument("id")
    sp.add_argument("--reason", required=True)
