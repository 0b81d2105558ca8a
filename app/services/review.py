"""The supervisor's queue: captured records sorted by risk, approve (a signature) or reject.

Risk comes from what the record says about itself: forced captures, finger exceptions, retries
at the cap, warnings the officer overrode with a reason, a possible duplicate, a suspect clock.
Approving re-checks the password, checks the officer's signature still matches the record, then
signs the manifest with the supervisor's own key and moves the record, in one transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.domain.errors import InputError
from app.domain.states import State
from app.packets.checks import check_role
from app.services import packaging
from app.services.station import Session

RETRY_CAP = 3
WEIGHTS = {"duplicate": 5, "forced": 3, "clock": 3, "exception": 2, "override": 2,
           "retries_at_cap": 1}


def risks(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every reason a supervisor should look twice, with its weight."""
    data = record["data"]
    cap = data.get("_capture") or {}
    out: list[dict[str, Any]] = []
    flags = data.get("_flags") or []
    if "duplicate_local" in flags:
        out.append({"kind": "duplicate", "detail": "personal_id"})
    for code in flags:
        if code != "duplicate_local":
            out.append({"kind": "override", "detail": code})
    items = ([("face", cap.get("face"))] if cap.get("face") else []) + [
        (f"finger {f.get('position')}", f) for f in cap.get("fingers") or []]
    for name, item in items:
        if item.get("forced"):
            out.append({"kind": "forced", "detail": name})
        if item.get("exception"):
            out.append({"kind": "exception", "detail": f"{name}: {item['exception']}"})
        if int(item.get("retries", 0)) >= RETRY_CAP:
            out.append({"kind": "retries_at_cap", "detail": name})
    if record.get("clock_flag") or cap.get("clock_suspect"):
        out.append({"kind": "clock", "detail": "clock"})
    for r in out:
        r["weight"] = WEIGHTS[r["kind"]]
    return out


class Review:
    def __init__(self, session: Session) -> None:
        self.session = session

    def queue(self, limit: int = 500) -> list[dict[str, Any]]:
        """Pending records, riskiest first, then oldest first."""
        rows = []
        for meta in self.session.station.list_records(State.CAPTURED, limit, 0):
            rec = self.session.show(meta["id"])
            found = risks(rec)
            rows.append({"id": rec["id"], "seq": rec["seq"], "officer_id": rec["officer_id"],
                         "created_at": rec["created_at"],
                         "full_name": rec["data"].get("full_name", ""),
                         "personal_id": rec["data"].get("personal_id", ""),
                         "risk": sum(r["weight"] for r in found), "reasons": found})
        return sorted(rows, key=lambda r: (-r["risk"], r["seq"]))

    def approve(self, ids: list[str], password: str) -> list[str]:
        self.session.reauth(password)
        return [self._approve_one(rid) for rid in ids]

    def approve_clean(self, password: str) -> list[str]:
        """Approve every pending record with no risk reason at all."""
        clean = [r["id"] for r in self.queue() if r["risk"] == 0]
        return self.approve(clean, password) if clean else []

    def _approve_one(self, record_id: str) -> str:
        s = self.session
        rec = s.show(record_id)
        if rec["state"] != State.CAPTURED.value:
            raise InputError("not_pending", f"Hồ sơ {record_id} không ở trạng thái chờ duyệt.",
                             f"Record {record_id} is not waiting for approval.", field="id")
        data = dict(rec["data"])
        blobs = s.blobs(record_id)
        station_id = s.station_id()
        before = packaging.contents_for(rec, blobs, station_id)
        sigs = {e["role"]: e for e in data.get("_signatures") or []}
        check_role("officer", before.manifest, sigs, None, None)  # changed since capture?
        data["_approval"] = {"supervisor_id": s.user.id,
                             "approved_at": datetime.now(UTC).isoformat(timespec="seconds")}
        after = packaging.contents_for({**rec, "data": data}, blobs, station_id)
        data["_signatures"] = [sigs["officer"], packaging.sign_as("supervisor", after, s.user.id,
                                                                  s.signing_key)]
        s.save_and_transition(data, record_id, State.APPROVED)
        return record_id

    def reject(self, record_id: str, reason: str, password: str) -> None:
        """Back to the officer with the reason (kept encrypted in the record)."""
        if not reason or not reason.strip():
            raise InputError("reason_required", "Cần ghi lý do trả lại hồ sơ.",
                             "A reason for rejecting is required.", field="reason")
        s = self.session
        s.reauth(password)
        data = dict(s.show(record_id)["data"])
        data["_review"] = {"decision": "rejected", "reason": reason.strip(), "by": s.user.id,
                           "at": datetime.now(UTC).isoformat(timespec="seconds")}
        s.save_and_transition(data, record_id, State.REJECTED)
