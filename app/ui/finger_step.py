"""Step 4 of the wizard: guided fingerprint capture, slap by slap, then finger by finger.

The scanner runs in app/services/finger_live.FingerSession on its own worker thread; its events
arrive here through a queued Qt signal and each one only updates labels and a dict before a
repaint. Same interface as CaptureStep's fingerprint mode: `captured(blobs, capture)`,
`set_policy(policy)`, `show_result(capture, blobs)`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.capture import DeviceSource
from app.services.finger_live import SLAPS, FingerEvent, FingerSession
from app.services.packaging import finger_blob
from app.ui import operations
from app.ui.enroll_steps import POLICY_TEXT
from app.ui.finger_diagram import COLOURS, ExceptionDialog, HandDiagram, QualityBar, state_names
from app.ui.finger_names import FINGERS, ORDER
from app.ui.i18n import lang, t, t_pair

# The packet format's exception names -> the capture flow's (inverse of PACKET_EXCEPTION).
FLOW_EXCEPTION = {"unable": "unable_to_print"}


class _Bridge(QObject):
    """Lives on the GUI thread; emitting from the worker queues the call here."""

    event = Signal(int, object)


class FingerStep(QWidget):
    """Hand diagram, current instruction, live NFIQ 2 bar, retries, exceptions."""

    captured = Signal(object, object)

    def __init__(self, devices: DeviceSource | None = None, *, threshold: int = 40,
                 max_retries: int = 3) -> None:
        super().__init__()
        self.devices = devices or DeviceSource()
        self.threshold = threshold
        self.max_retries = max_retries
        self.policy_code = "full"
        self.session: FingerSession | None = None
        self._sid = 0
        self._record: dict[int, dict[str, Any]] = {}  # the record's fingers, by position
        self.current: int | None = None
        self._bridge = _Bridge(self)
        self._bridge.event.connect(self._on_event)
        head = QLabel(t("Bước 4: Vân tay", "Step 4: Fingerprints"))
        head.setObjectName("title")
        self.policy = QLabel("")
        self.policy.setObjectName("policy")
        self.policy.setWordWrap(True)
        self.diagram = HandDiagram()
        self.instruction = QLabel("")
        self.instruction.setObjectName("finger_instruction")
        self.instruction.setStyleSheet("font-size: 22pt; font-weight: bold; color: #1f2933;")
        self.instruction.setWordWrap(True)
        self.instruction.setMinimumHeight(90)
        self.bar = QualityBar(threshold)
        self.attempts = QLabel("")
        self.attempts.setObjectName("finger_attempts")
        self.status = QLabel("")
        self.status.setObjectName("capture_status")
        self.status.setWordWrap(True)
        self.start_button = QPushButton(t("Bắt đầu lấy vân tay  (Ctrl+K)",
                                          "Start fingerprints  (Ctrl+K)"))
        self.start_button.setObjectName("finger_start")
        self.start_button.clicked.connect(self.start)
        self.retry_pos = QComboBox()
        self.retry_pos.setObjectName("finger_retry_position")
        for pos in ORDER:
            self.retry_pos.addItem(f"{pos}. " + t_pair(FINGERS[pos]), pos)
        self.retry_button = QPushButton(t("Lấy lại vị trí này  (Ctrl+G)",
                                          "Capture this again  (Ctrl+G)"))
        self.retry_button.setObjectName("finger_retry")
        self.retry_button.clicked.connect(self.retry)
        self.exception_button = QPushButton(t("Ngoại lệ…  (Ctrl+E)", "Exception…  (Ctrl+E)"))
        self.exception_button.setObjectName("finger_exception_button")
        self.exception_button.clicked.connect(self.ask_exception)
        for keys, slot in (("Ctrl+K", self.start), ("Ctrl+G", self.retry),
                           ("Ctrl+E", self.ask_exception)):
            QShortcut(QKeySequence(keys), self, activated=slot)
        legend = QLabel("  ".join(f"<span style='color:{COLOURS[k]}'>■</span> {v}"
                                  for k, v in state_names().items()))
        legend.setObjectName("finger_legend")
        side = QVBoxLayout()
        side.addWidget(self.instruction)
        side.addWidget(self.bar)
        side.addWidget(self.attempts)
        side.addWidget(self.status)
        side.addStretch(1)
        side.addWidget(self.start_button)
        row = QHBoxLayout()
        row.addWidget(self.retry_pos, 1)
        row.addWidget(self.retry_button)
        side.addLayout(row)
        side.addWidget(self.exception_button)
        body = QHBoxLayout()
        body.addWidget(self.diagram, 3)
        body.addLayout(side, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.policy)
        lay.addLayout(body, 1)
        lay.addWidget(legend)
        self.set_policy("full")
        self.show_result({}, {})

    # -- the CaptureStep interface ----------------------------------------------------------------
    def set_policy(self, policy: str) -> None:
        self.policy_code = policy
        self.policy.setText(t_pair(POLICY_TEXT.get(policy, POLICY_TEXT["full"])))
        self._buttons()

    def show_result(self, capture: dict[str, Any], blobs: dict[str, bytes | None]) -> None:
        """The record's fingers (after a capture or a resumed draft) -> per-finger state."""
        record = {int(f["position"]): dict(f) for f in capture.get("fingers") or []}
        if self.session is not None and record != self._record:
            self.close_session()  # another record (resumed, reset): the scanner's answers
        self._record = record  # for the previous one must not reach it
        for pos in ORDER:
            f = self._record.get(pos)
            self.diagram.states[pos] = "todo" if f is None else _state(f, blobs)
            self.diagram.quality[pos] = None if f is None else f.get("quality")
        self.diagram.update()
        if self.session is None or not self.session.running:
            self._idle_text()

    def finger_states(self) -> dict[int, str]:
        """Position (1-10, 13-15) -> todo / good / forced / failed / exception (for tests)."""
        return {pos: self.diagram.states[pos] for pos in ORDER}

    # -- actions ---------------------------------------------------------------------------------
    def _ensure_session(self) -> FingerSession | None:
        if self.session is not None:
            return self.session
        if self.devices.scanner is None:
            return None
        self._sid += 1
        sid, bridge = self._sid, self._bridge
        exceptions = {p: FLOW_EXCEPTION.get(f["exception"], f["exception"])
                      for p, f in self._record.items() if f.get("exception") and p <= 10}
        self.session = FingerSession(self.devices.scanner,
                                     lambda ev: bridge.event.emit(sid, ev),
                                     policy=self.policy_code, threshold=self.threshold,
                                     max_retries=self.max_retries, exceptions=exceptions)
        return self.session

    def start(self) -> None:
        if not self.isVisible() or not self.start_button.isEnabled():
            return
        todo = [p for p in ORDER if self.diagram.states[p] in ("todo", "failed")]
        if not todo:
            self.status.setText(t("Đã lấy đủ. Chọn vị trí và bấm Lấy lại nếu cần.",
                                  "All taken. Pick a position and press Capture again if "
                                  "needed."))
            return
        session = self._ensure_session()
        if session is None:
            return
        self._set_running(True)
        session.start(todo)

    def retry(self) -> None:
        if not self.isVisible() or not self.retry_button.isEnabled():
            return
        pos = int(self.retry_pos.currentData())
        if self.diagram.states[pos] == "exception":
            self.status.setText(t("Vị trí này đã ghi ngoại lệ.", "This position is an "
                                  "exception."))
            return
        session = self._ensure_session()
        if session is not None:
            self._set_running(True)
            session.retry(pos)

    def ask_exception(self) -> None:
        if not self.isVisible() or not self.exception_button.isEnabled():
            return
        pos = self.current or int(self.retry_pos.currentData())
        finger = SLAPS[pos][-1] if pos in SLAPS else pos
        dlg = ExceptionDialog(self, finger)
        dlg.accepted.connect(lambda: self._exception_chosen(*dlg.choice()))
        self.exception_dialog = dlg
        dlg.open()

    def _exception_chosen(self, finger: int, reason: str, note: str) -> None:
        session = self._ensure_session()
        if session is None:
            return
        self.diagram.states[finger] = "exception"
        self.diagram.update()
        session.mark_exception(finger, reason, note)

    def close_session(self) -> None:
        """Stop the worker after its current attempt; its later events are ignored."""
        if self.session is not None:
            self.session.close(timeout=0)
            self.session = None
        self._sid += 1
        self.current = None
        self.diagram.current = set()
        self._set_running(False)

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        if not event.spontaneous():  # minimising the window is not leaving the step
            self.close_session()  # the scanner is open only while this step is on screen
        super().hideEvent(event)

    # -- events from the worker (GUI thread, queued) ------------------------------------------
    def _on_event(self, sid: int, ev: FingerEvent) -> None:
        if sid != self._sid:
            return
        if ev.kind == "current":
            self.current = ev.position
            self.diagram.current = {ev.position, *SLAPS.get(ev.position, ())}
            self.bar.set_value(None)
            self._say(ev.position, "place")
            self.attempts.setText(self._attempt_text(ev.attempt))
            self.diagram.update()
        elif ev.kind == "prompt" and ev.position is not None and ev.reason != "info":
            self._say(ev.position, ev.reason)
        elif ev.kind == "attempt":
            self.bar.set_value(ev.quality)
            self.attempts.setText(self._attempt_text(ev.attempt))
            if ev.passed:
                self.status.setText(t("Đạt ngưỡng.", "Meets the threshold."))
            elif ev.quality is not None:
                self.status.setText(t("Chưa đạt ({q}) — đặt lại ngón tay.",
                                      "Not good enough ({q}) — place again.").format(q=ev.quality))
            else:
                self.status.setText(ev.advice[0] if lang() == "vi" else ev.advice[1])
        elif ev.kind == "position" and ev.position is not None:
            self.diagram.states[ev.position] = ev.state
            self.diagram.quality[ev.position] = ev.quality
            self.diagram.current = set()
            self.retry_pos.setCurrentIndex(ORDER.index(ev.position))
            self.diagram.update()
        elif ev.kind == "error":
            self.status.setText(operations.describe(ev.error))
        elif ev.kind == "done":
            self._done(ev)

    def _done(self, ev: FingerEvent) -> None:
        self.current = None
        self.diagram.current = set()
        self._set_running(False)
        merged = {**self._record, **{int(f["position"]): f for f in ev.capture["fingers"]}}
        fingers = [merged[p] for p in sorted(merged)]
        self._record = merged
        self.captured.emit(dict(ev.blobs or {}), {"fingers": fingers})

    # -- text ------------------------------------------------------------------------------------
    def _say(self, pos: int, what: str) -> None:
        name = t_pair(FINGERS[pos])
        if what == "lift":
            text = t("Nhấc tay ra khỏi máy quét", "Lift off the scanner")
        elif what == "roll":
            text = t("Lăn ngón: {name}", "Roll: {name}").format(name=name)
        else:
            text = t("Đặt lên máy quét: {name}", "Place on the scanner: {name}").format(
                name=name)
        self.instruction.setText(text)

    def _attempt_text(self, n: int) -> str:
        return t("Lần thử {n}/{m}", "Attempt {n}/{m}").format(n=n, m=1 + self.max_retries)

    def _idle_text(self) -> None:
        todo = [p for p in ORDER if self.diagram.states[p] in ("todo", "failed")]
        if self.policy_code == "none":
            self.instruction.setText(t("Không lấy vân tay", "No fingerprints"))
        elif self.devices.scanner is None:
            self.instruction.setText("")
            self.status.setText(t("Máy quét vân tay chưa được kết nối trong phiên bản này.",
                                  "No fingerprint scanner is connected in this version."))
        elif todo:
            self.instruction.setText(t("Còn {n} vị trí. Bấm Bắt đầu.",
                                       "{n} positions left. Press Start.").format(n=len(todo)))
        else:
            self.instruction.setText(t("Đã lấy đủ 13 vị trí", "All 13 positions done"))
        self.attempts.setText("")

    def _set_running(self, running: bool) -> None:
        self._running = running
        self._buttons()
        if not running:
            self._idle_text()

    def _buttons(self) -> None:
        usable = self.devices.scanner is not None and self.policy_code != "none"
        running = getattr(self, "_running", False)
        self.start_button.setEnabled(usable and not running)
        self.retry_button.setEnabled(usable and not running)
        self.exception_button.setEnabled(usable)


def _state(f: dict[str, Any], blobs: dict[str, bytes | None]) -> str:
    if f.get("exception"):
        return "exception"
    if finger_blob(int(f["position"])) not in blobs and f.get("quality") is None:
        return "failed"
    return "forced" if f.get("forced") else "good"
