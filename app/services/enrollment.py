"""Enrolling a resident: drafts that survive anything, validation, duplicates, completion.

A draft is an ordinary encrypted record in state `draft`; its payload is the form's JSON plus
station keys starting with "_" (the wizard step, reasons given for warnings, capture metadata),
which are never part of the demographics sent to the centre.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from app.domain.dates import age_on, biometrics_policy
from app.domain.errors import InputError
from app.domain.masterdata import MasterData
from app.domain.problems import ERROR, WARNING, Problem, RecordInputError, warning
from app.domain.record import EnrollmentRecord, parse_record
from app.domain.states import State
from app.domain.validation import validate
from app.services import packaging
from app.services.packaging import demographics
from app.services.station import Session
from app.store import records

STATION_KEYS = ("_step", "_reasons", "_capture", "_flags", "_review", "_approval", "_signatures")
DEAD_STATES = {State.PURGED.value}


@dataclass
class Checked:
    """What completing a record would face: blocking errors, and warnings needing a reason."""

    record: EnrollmentRecord
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]


class Enrollment:
    """The enrollment workflow for one session; `today` is injectable for tests."""

    def __init__(self, session: Session, master: MasterData,
                 today: Callable[[], date] = date.today) -> None:
        self.session = session
        self.master = master
        self.today = today

    # -- drafts ------------------------------------------------------------------------------
    def save_draft(self, form: dict[str, Any], step: str = "form",
                   record_id: str | None = None, extra: dict[str, Any] | None = None) -> str:
        """Autosave: whatever was typed, valid or not, encrypted, in one transaction."""
        payload = {**form, "_step": step, **(extra or {})}
        return self.session.save_record(payload, record_id=record_id).id

    def drafts(self) -> list[dict[str, Any]]:
        """This officer's unfinished enrollments, newest first, with name and step to resume."""
        rows = self.session.station.store.run(_my_drafts, self.session.user.id)
        out = []
        for row in rows:
            data = self.session.show(row["id"])["data"]
            out.append({**row, "full_name": data.get("full_name", ""),
                        "step": data.get("_step", "form")})
        return out

    def resume(self, record_id: str) -> tuple[dict[str, Any], str]:
        data = self.session.show(record_id)["data"]
        return demographics(data), data.get("_step", "form")

    def discard(self, record_id: str) -> None:
        self.session.discard(record_id)

    def returned(self) -> list[dict[str, Any]]:
        """This officer's records the supervisor rejected, with the reason."""
        rows = self.session.station.list_records(State.REJECTED, 1000, 0)
        out = []
        for row in rows:
            if row["officer_id"] != self.session.user.id:
                continue
            data = self.session.show(row["id"])["data"]
            out.append({**row, "full_name": data.get("full_name", ""),
                        "reason": (data.get("_review") or {}).get("reason", "")})
        return out

    def reopen(self, record_id: str) -> tuple[dict[str, Any], str]:
        """A rejected record becomes a draft again, to be corrected and completed."""
        self.session.transition(record_id, State.DRAFT)
        return self.resume(record_id)

    # -- checks ------------------------------------------------------------------------------
    def check(self, form: dict[str, Any], record_id: str | None = None) -> Checked:
        record, problems = parse_record(form)
        problems = list(problems)
        problems += validate(record, self.today(), self.master)
        problems += self.duplicates(record.personal_id, record_id)
        return Checked(record, problems)

    def duplicates(self, personal_id: str, record_id: str | None) -> list[Problem]:
        """The same ID number already enrolled or pending on this station."""
        if not personal_id:
            return []
        others = [r for r in self.session.search(personal_id)
                  if r["id"] != record_id and r["state"] not in DEAD_STATES]
        if not others:
            return []
        return [warning("personal_id", "duplicate_local",
                        f"Số định danh này đã có trong {len(others)} hồ sơ khác trên trạm.",
                        f"This ID number is already in {len(others)} other record(s) on this "
                        "station.")]

    def preflight(self, form: dict[str, Any], reasons: dict[str, str] | None = None,
                  record_id: str | None = None) -> Checked:
        """Raise, listing every problem, unless the form could be completed with these reasons
        (errors block; each warning needs a reason keyed 'field:code')."""
        checked = self.check(form, record_id)
        given = {k for k, v in (reasons or {}).items() if v and v.strip()}
        blocking = checked.errors + [
            Problem(p.field, p.code, ERROR,
                    p.message_vi + " Cần ghi lý do để tiếp tục.",
                    p.message_en + " A reason is needed to go on.")
            for p in checked.warnings if _reason_key(p) not in given]
        if blocking:
            raise RecordInputError(blocking)
        return checked

    def biometrics_required(self, form: dict[str, Any]) -> str:
        """'none' under 6, 'with_guardian' from 6 to 13, 'full' from 14."""
        age = age_on(str(form.get("date_of_birth") or ""), self.today())
        return biometrics_policy(age) if age is not None else "full"

    # -- completion ----------------------------------------------------------------------------
    def complete(self, form: dict[str, Any], reasons: dict[str, str] | None = None,
                 blobs: dict[str, bytes] | None = None, capture: dict[str, Any] | None = None,
                 record_id: str | None = None) -> str:
        """Seal a finished enrollment (state captured). Errors block; warnings need a reason."""
        reasons = {k: v.strip() for k, v in (reasons or {}).items() if v and v.strip()}
        checked = self.preflight(form, reasons, record_id)
        have = dict(blobs or {})
        if record_id is not None:
            stored = self.session.show(record_id)
            have.update({n: b"" for n in stored["blobs"]})
            if capture is None:  # reopened: keep what was captured
                old = stored["data"].get("_capture") or {}
                capture = {k: v for k, v in old.items()
                           if k not in ("captured_at", "clock_suspect")}
        lacking = packaging.missing_biometrics(self.biometrics_required(form), capture or {}, have)
        if lacking:
            raise InputError("biometrics_missing",
                             "Chưa đủ sinh trắc học: " + ", ".join(lacking) + ".",
                             "Biometrics incomplete: " + ", ".join(lacking) + ".",
                             field="biometrics")
        payload = {**checked.record.to_json(), "_step": "done", "_reasons": reasons,
                   "_flags": sorted({p.code for p in checked.warnings})}
        session = self.session
        # Save first (the record gets its id, time and clock flag), then sign what was saved
        # and move it to `captured` together with the signature, in one transaction.
        saved = session.save_record({**payload, "_capture": capture or {}}, blobs or {},
                                    record_id=record_id)
        rec = session.show(saved.id)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        payload["_capture"] = {"started_at": rec["created_at"], "captured_at": now,
                               **(capture or {}), "clock_suspect": bool(rec["clock_flag"])}
        contents = packaging.contents_for({**rec, "data": payload}, session.blobs(saved.id),
                                          session.station_id())
        payload["_signatures"] = [packaging.sign_as("officer", contents, session.user.id,
                                                    session.signing_key)]
        session.save_and_transition(payload, saved.id, State.CAPTURED)
        return saved.id


def _reason_key(p: Problem) -> str:
    return f"{p.field}:{p.code}"


def _my_drafts(db: Any, officer_id: str) -> list[dict[str, Any]]:
    rows = records.page(db, State.DRAFT, 1000, 0, officer_id)
    return sorted(rows, key=lambda r: r["updated_at"], reverse=True)
