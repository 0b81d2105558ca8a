"""The enrollment wizard: find -> form -> photo -> fingerprints -> review -> saved.

Nothing typed is ever lost: the draft is saved (encrypted, off the GUI thread) at every step
change and shortly after each edit; saves are serialised so a slow disk never creates two
drafts or lets an old autosave overwrite a completed record. Validation runs in the background
after edits and its problems appear under their fields.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.domain.dates import biometrics_policy
from app.domain.masterdata import MasterData
from app.domain.names import upper
from app.domain.problems import RecordInputError
from app.services.capture import DeviceSource
from app.services.enrollment import Enrollment
from app.services.packaging import missing_biometrics
from app.services.station import Session
from app.ui import operations
from app.ui.drafts import DraftsDialog
from app.ui.enroll_find import FindStep, WorklistSearch
from app.ui.enroll_form import EnrollmentForm
from app.ui.enroll_print import WizardPrinting
from app.ui.enroll_steps import DoneStep, ReviewStep
from app.ui.finger_step import FingerStep
from app.ui.i18n import t
from app.ui.photo_step import PhotoStep

STEPS = ("find", "form", "photo", "fingerprints", "review", "done")
BLANK = {"request_type": "new", "nationality": "VN", "religion": "00",
         "delivery": {"method": "office", "address": None}}


def _titles() -> list[str]:
    return [t("Tìm công dân", "Find"), t("Thông tin", "Form"), t("Ảnh", "Photo"),
            t("Vân tay", "Fingerprints"), t("Kiểm tra", "Review"), t("Đã lưu", "Saved")]


class EnrollPage(QWidget):
    def __init__(self, session: Session, master: MasterData,
                 worklist: WorklistSearch | None = None,
                 devices: DeviceSource | None = None,
                 today: Callable[[], date] = date.today,
                 autosave_ms: int = 1500, check_ms: int = 400) -> None:
        super().__init__()
        self.enrollment = Enrollment(session, master, today)
        self.devices = devices or DeviceSource()  # camera/scanner factories for live steps
        self.master = master
        self.record_id: str | None = None
        self.step = "find"
        self._saving = False
        self._save_again = False
        self._complete_waiting = False
        self._check_waiting = False
        self._check_ticket = 0
        self._answered = 0
        self._advance_pending = False
        self._dirty = False
        self.problems: list[Any] = []
        self.bio_capture: dict[str, Any] = {}  # capture metadata, saved with every draft
        self.bio_names: set[str] = set()  # blobs stored with the draft (or about to be)
        self._pending_blobs: dict[str, bytes] = {}
        self.steps_label = QLabel("")
        self.steps_label.setObjectName("steps")
        self.save_state = QLabel("")
        self.save_state.setObjectName("save_state")
        drafts = QPushButton(t("Hồ sơ dở dang  (Ctrl+L)", "Unfinished  (Ctrl+L)"))
        drafts.setObjectName("open_drafts")
        drafts.clicked.connect(self.open_drafts)
        top = QHBoxLayout()
        top.addWidget(self.steps_label, 1)
        top.addWidget(self.save_state)
        top.addWidget(drafts)
        self.find = FindStep(worklist or (lambda _text: []), master)  # no worklist: blank forms
        self.form = EnrollmentForm(master, today())
        self.photo = PhotoStep(self.devices)
        self.fingers = FingerStep(self.devices)
        self.photo.captured.connect(self._captured)
        self.fingers.captured.connect(self._captured)
        self.review = ReviewStep(master)
        self.done = DoneStep()
        self.stack = QStackedWidget()
        for w in (self.find, self.form, self.photo, self.fingers, self.review, self.done):
            self.stack.addWidget(w)
        self.back = QPushButton(t("‹ Quay lại  (Alt+←)", "‹ Back  (Alt+←)"))
        self.back.setObjectName("back")
        self.next = QPushButton(t("Tiếp ›  (Alt+→)", "Next ›  (Alt+→)"))
        self.next.setObjectName("next")
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back)
        bottom.addStretch(1)
        bottom.addWidget(self.next)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.stack, 1)
        lay.addLayout(bottom)
        self._autosave = QTimer(self, singleShot=True, interval=autosave_ms)
        self._autosave.timeout.connect(lambda: self.save_now())
        self._checker = QTimer(self, singleShot=True, interval=check_ms)
        self._checker.timeout.connect(self.check_now)
        self.find.picked.connect(self.start_from)
        self.find.blank.connect(lambda: self.start_from(dict(BLANK), save=False))
        self.form.edited.connect(self._edited)
        self.review.fix_requested.connect(lambda: self.go("form"))
        self.review.save_requested.connect(self.complete)
        self.done.next_requested.connect(self.reset)
        self.printing = WizardPrinting(self)  # CC01 at review, CC02 once saved (Ctrl+P)
        self.review.print_requested.connect(self.printing.summary)
        self.done.print_requested.connect(self.printing.slip)
        for keys, slot in (("Alt+Right", self.go_next), ("Alt+Left", self.go_back),
                           ("Ctrl+Return", self._ctrl_enter), ("Ctrl+L", self.open_drafts),
                           ("Ctrl+P", lambda: self.printing.shortcut())):
            QShortcut(QKeySequence(keys), self, activated=slot)
        self.go("find", save=False)

    # -- navigation ---------------------------------------------------------------------------
    def policy(self) -> str:
        age = self.form.age()
        return biometrics_policy(age) if age is not None else "full"

    def _route(self) -> list[str]:
        skip = {"photo", "fingerprints"} if self.policy() == "none" else set()
        return [s for s in STEPS[1:5] if s not in skip]

    def go(self, step: str, save: bool = True) -> None:
        self.step = step
        self.stack.setCurrentIndex(STEPS.index(step))
        titles = _titles()
        parts = []
        for i, s in enumerate(STEPS[:5]):
            label = f"{i + 1}. {titles[i]}"
            parts.append(f"<b><u>{label}</u></b>" if s == step else label)
        self.steps_label.setText("  ›  ".join(parts))
        self.back.setEnabled(step not in ("find", "done"))
        self.next.setEnabled(step in ("form", "photo", "fingerprints"))
        self.back.setVisible(step != "done")
        self.next.setVisible(step not in ("review", "done"))
        policy = self.policy()
        self.photo.set_policy(policy)
        self.fingers.set_policy(policy)
        if step == "find":
            self.find.reset()
        elif step == "form":
            self.form.editors["request_type"].setFocus()
        elif step == "review":
            self.review.consent.setChecked(False)
            self.check_now()
        if save and step in STEPS[1:5]:
            self.save_now()

    def go_next(self) -> None:
        if self.step not in ("form", "photo", "fingerprints"):
            return
        if self.step == "form":
            if self._checker.isActive() or self._answered != self._check_ticket \
                    or self._check_waiting:  # judge the form as it is now, not as it was
                self._advance_pending = True
                if self._checker.isActive():
                    self.check_now()
                return
            self.form.show_all = True
            self.form.show_problems(self.problems)
            if any(p.severity == "error" for p in self.problems):
                self.form.focus_first_error()
                return
        route = self._route()
        i = route.index(self.step) if self.step in route else 0
        self.go(route[min(i + 1, len(route) - 1)])

    def go_back(self) -> None:
        if self.step in ("find", "done"):
            return
        route = self._route()
        i = route.index(self.step) if self.step in route else 0
        if i == 0:
            self.go("find", save=bool(self.record_id))
        else:
            self.go(route[i - 1])

    def _ctrl_enter(self) -> None:
        if self.step == "review" and self.review.ready():
            self.complete()
        elif self.step == "done":
            self.reset()
        else:
            self.go_next()

    def start_from(self, form: dict[str, Any], save: bool = True,
                   step: str = "form", record_id: str | None = None,
                   reasons: dict[str, str] | None = None) -> None:
        self.record_id = record_id
        self.form.show_all = False
        self.form.set_value(form)
        self.form.set_reasons(reasons or {})
        self.problems = []
        self.form.show_problems([])
        self._dirty = save
        self.go(step if step in STEPS[1:5] else "form", save=save)
        self.check_now()

    def reset(self) -> None:
        self._autosave.stop()
        self.record_id = None
        self._dirty = False
        self.form.set_value({})
        self._set_bio({}, {}, merge=False)
        self.save_state.setText("")
        self.go("find", save=False)

    # -- autosave and checks --------------------------------------------------------------------
    def _edited(self) -> None:
        self._dirty = True
        for step in (self.photo, self.fingers):
            step.set_policy(self.policy())
        self._autosave.start()
        self._checker.start()

    def save_now(self) -> None:
        """Save the draft now (or right after the save in flight)."""
        self._autosave.stop()
        if not self._dirty and self.record_id is None:
            return
        if self._saving:
            self._save_again = True
            return
        self._saving = True
        form, step, rid = self.form.value(), self.step, self.record_id
        extra = {"_reasons": self.form.reasons(), "_capture": dict(self.bio_capture)}
        self.save_state.setText(t("Đang lưu nháp…", "Saving draft…"))
        enr, blobs = self.enrollment, self._pending_blobs

        def work() -> str:
            if blobs:  # the captured images go into the same encrypted draft
                return enr.session.save_record({**form, "_step": step, **extra}, blobs, rid).id
            return enr.save_draft(form, step, rid, extra)

        operations.run(work, lambda new_id: self._saved(new_id, blobs), self._save_failed, self)

    def _saved(self, record_id: str, blobs: dict[str, bytes] | None = None) -> None:
        if blobs and blobs is self._pending_blobs:
            self._pending_blobs = {}
        self.record_id = record_id
        self._saving = False
        self._dirty = False
        self.save_state.setText(t("Đã lưu nháp lúc ", "Draft saved at ")
                                + datetime.now().strftime("%H:%M:%S"))
        self._after_save()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_state.setText(t("Chưa lưu được nháp: ", "Draft not saved: ")
                                + operations.describe(exc))
        self._after_save()

    def _after_save(self) -> None:
        if self._check_waiting:
            self._check_waiting = False
            self.check_now()
        if self._complete_waiting:
            self._complete_waiting = False
            self._save_again = False
            self.complete()
        elif self._save_again:
            self._save_again = False
            self.save_now()

    def check_now(self) -> None:
        self._checker.stop()
        if self._saving and self.record_id is None:
            self._check_waiting = True  # else the new draft would count as its own duplicate
            return
        self._check_ticket += 1
        ticket, form, rid = self._check_ticket, self.form.value(), self.record_id
        enr = self.enrollment
        operations.run(lambda: enr.check(form, rid).problems,
                       lambda probs: self._checked(ticket, form, probs),
                       lambda e: self._check_failed(ticket, e), self)

    def _check_failed(self, ticket: int, exc: BaseException) -> None:
        if ticket == self._check_ticket:
            self._answered = ticket
            self._advance_pending = False  # the officer sees why and presses Next again
        self.save_state.setText(operations.describe(exc))

    def _checked(self, ticket: int, form: dict[str, Any], problems: list[Any]) -> None:
        if ticket != self._check_ticket:
            return  # the form changed since
        self._answered = ticket
        self.problems = problems
        self.form.show_problems(problems)
        if self.step == "review":
            self.review.show_record(form, problems, self.form.reasons(), self.bio_missing())
        if self._advance_pending:
            self._advance_pending = False
            self.go_next()

    # -- biometrics ------------------------------------------------------------------------------
    def _captured(self, blobs: dict[str, bytes], capture: dict[str, Any]) -> None:
        self._pending_blobs = {**self._pending_blobs, **blobs}
        self._set_bio(capture, blobs)
        self._dirty = True
        self.save_now()

    def _set_bio(self, capture: dict[str, Any], blobs: dict[str, bytes | None],
                 merge: bool = True) -> None:
        """A step may answer for the photo only or the prints only: merge what it sent into
        what the draft holds (a draft being resumed replaces everything: merge=False)."""
        self.bio_capture = {**self.bio_capture, **capture} if merge else dict(capture)
        self.bio_names = (self.bio_names | set(blobs)) if merge else set(blobs)
        shown = {**dict.fromkeys(self.bio_names), **self._pending_blobs, **blobs}
        for step in (self.photo, self.fingers):
            step.show_result(self.bio_capture, shown)

    def bio_missing(self) -> list[str]:
        return missing_biometrics(self.policy(), self.bio_capture,
                                  dict.fromkeys(self.bio_names, b""))

    # -- drafts and completion -----------------------------------------------------------------
    def open_drafts(self) -> None:
        dlg = DraftsDialog(self.enrollment, self)
        dlg.resume.connect(self.resume)
        dlg.reopen.connect(self.reopen)
        dlg.open()
        self._drafts_dialog = dlg

    def resume(self, record_id: str) -> None:
        self._load(record_id, lambda enr: enr.resume(record_id))

    def reopen(self, record_id: str) -> None:
        self._load(record_id, lambda enr: enr.reopen(record_id))

    def _load(self, record_id: str, fetch: Callable[[Enrollment], tuple[dict, str]]) -> None:
        enr = self.enrollment

        def work() -> tuple[dict[str, Any], str, dict[str, str], dict[str, Any], dict]:
            form, step = fetch(enr)
            rec = enr.session.show(record_id)
            blobs: dict[str, bytes | None] = dict.fromkeys(rec["blobs"])
            if "face.jpg" in blobs:
                blobs["face.jpg"] = enr.session.blob(record_id, "face.jpg")
            return form, step, rec["data"].get("_reasons") or {}, \
                rec["data"].get("_capture") or {}, blobs

        def loaded(r: tuple) -> None:
            self._pending_blobs = {}
            self._set_bio(r[3], r[4], merge=False)
            self.start_from(r[0], save=False, step=r[1], record_id=record_id, reasons=r[2])

        operations.run(work, loaded, lambda e: self.save_state.setText(operations.describe(e)),
                       self)

    def complete(self) -> None:
        if self.step != "review" or not self.review.ready():
            return
        if self._saving:  # let the autosave in flight land first, then seal
            self._complete_waiting = True
            return
        self._autosave.stop()
        self._checker.stop()
        self.review.save.setEnabled(False)
        self.save_state.setText(t("Đang niêm phong hồ sơ…", "Sealing the record…"))
        form, reasons, rid = self.form.value(), self.form.reasons(), self.record_id
        enr, blobs, cap = self.enrollment, self._pending_blobs, dict(self.bio_capture)
        operations.run(lambda: enr.complete(form, reasons, blobs or None, cap or None, rid),
                       lambda new_id: self._completed(new_id, form), self._complete_failed, self)

    def _completed(self, record_id: str, form: dict[str, Any]) -> None:
        self.record_id = None
        self._pending_blobs = {}
        self._set_bio({}, {}, merge=False)
        self._dirty = False
        self.save_state.setText("")
        self.done.show_saved(record_id, upper(form.get("full_name", "")))
        self.go("done", save=False)

    def _complete_failed(self, exc: BaseException) -> None:
        self.save_state.setText(operations.describe(exc))
        if isinstance(exc, RecordInputError):
            self.problems = exc.problems
            self.form.show_all = True
            self.form.show_problems(exc.problems)
            self.go("form", save=False)
            self.form.focus_first_error()
        else:
            self.review.show_record(self.form.value(), self.problems, self.form.reasons(),
                                    self.bio_missing())
