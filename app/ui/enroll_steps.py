"""The last wizard steps: review everything with the resident, then the saved confirmation.

POLICY_TEXT says what the age rule asks for at the capture steps (photo_step.py, finger_step.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.forms import cc01_fields
from app.domain.masterdata import MasterData
from app.domain.problems import WARNING, Problem
from app.domain.record import parse_record
from app.ui.fields import reason_key
from app.ui.i18n import lang, mark, t

POLICY_TEXT = {
    "none": mark("Dưới 6 tuổi: không thu nhận ảnh và vân tay. Bước này được bỏ qua.",
                 "Under 6: no photo or fingerprints. This step is skipped."),
    "with_guardian": mark("Từ 6 đến dưới 14 tuổi: thu nhận khi có cha, mẹ hoặc người giám hộ "
                          "đi cùng (đã ghi ở mục Người đại diện).",
                          "From 6 to under 14: captured with a parent or guardian present "
                          "(recorded as the representative)."),
    "full": mark("Từ 14 tuổi: bắt buộc thu nhận.", "From 14: capture is compulsory."),
}


class ReviewStep(QWidget):
    """Everything on one page, the warnings with the reasons given, consent, then save."""

    save_requested = Signal()
    fix_requested = Signal()
    print_requested = Signal()  # the CC01 summary, read to/signed by the resident

    def __init__(self, master: MasterData) -> None:
        super().__init__()
        self.master = master
        head = QLabel(t("Bước 5: Kiểm tra lại với công dân", "Step 5: Review with the resident"))
        head.setObjectName("title")
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("review_table")
        self.table.setHorizontalHeaderLabels([t("Mục", "Field"), t("Nội dung", "Value")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.notes = QLabel("")
        self.notes.setObjectName("review_notes")
        self.notes.setWordWrap(True)
        self.consent = QCheckBox(t("Công dân đã kiểm tra thông tin và đồng ý ký xác nhận",
                                   "The resident checked the data and agrees to sign"))
        self.consent.setObjectName("consent")
        self.fix = QPushButton(t("Sửa thông tin", "Edit the form"))
        self.save = QPushButton(t("Hoàn tất và lưu  (Ctrl+Enter)", "Complete and save  "
                                  "(Ctrl+Enter)"))
        self.save.setObjectName("complete")
        self.print = QPushButton(t("In phiếu CC01  (Ctrl+P)", "Print CC01  (Ctrl+P)"))
        self.print.setObjectName("print_cc01")
        self.print.clicked.connect(self.print_requested.emit)
        self.fix.clicked.connect(self.fix_requested.emit)
        self.save.clicked.connect(self.save_requested.emit)
        self.consent.toggled.connect(lambda _c: self._update_button())
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.notes)
        row = QHBoxLayout()
        row.addWidget(self.consent, 1)
        row.addWidget(self.print)
        row.addWidget(self.fix)
        row.addWidget(self.save)
        lay.addLayout(row)
        self._errors: list[Problem] = []
        self._missing: list[Problem] = []
        self._bio_missing: list[str] = []

    def show_record(self, form: dict[str, Any], problems: list[Problem],
                    reasons: dict[str, str], bio_missing: list[str] | None = None) -> None:
        record, _ = parse_record(form)
        rows = [(k, v) for k, v in cc01_fields(record, self.master) if v]
        self.table.setRowCount(len(rows))
        for i, (label, value) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(label))
            item = QTableWidgetItem(value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(i, 1, item)
        self.table.resizeRowsToContents()
        self._errors = [p for p in problems if p.severity != WARNING]
        warnings = [p for p in problems if p.severity == WARNING]
        self._missing = [p for p in warnings if reason_key(p) not in reasons]
        self._bio_missing = list(bio_missing or [])
        lines = []
        if self._bio_missing:
            lines.append("<span style='color:#b00020'>✖ " + t("Chưa đủ sinh trắc học: ",
                                                              "Biometrics incomplete: ")
                         + ", ".join(self._bio_missing) + "</span>")
        msg = (lambda p: p.message_vi) if lang() == "vi" else (lambda p: p.message_en)
        for p in self._errors:
            lines.append("<span style='color:#b00020'>✖ " + msg(p) + "</span>")
        for p in warnings:
            why = reasons.get(reason_key(p))
            tail = (t(" — lý do: ", " — reason: ") + why) if why else \
                t(" — chưa ghi lý do", " — no reason given")
            lines.append("<span style='color:#9a6700'>⚠ " + msg(p) + tail + "</span>")
        self.notes.setText("<br>".join(lines) if lines else
                           t("Không có lỗi hay cảnh báo.", "No errors or warnings."))
        self._update_button()

    def _update_button(self) -> None:
        blocked = self._errors or self._missing or self._bio_missing
        self.save.setEnabled(not blocked and self.consent.isChecked())
        if blocked:
            self.save.setToolTip(t("Sửa lỗi và ghi lý do cho cảnh báo trước khi lưu.",
                                   "Fix the errors and give reasons for warnings first."))
        elif not self.consent.isChecked():
            self.save.setToolTip(t("Cần công dân xác nhận.", "The resident must confirm."))
        else:
            self.save.setToolTip("")

    def ready(self) -> bool:
        return self.save.isEnabled()


class DoneStep(QWidget):
    """The record is sealed; next resident with Ctrl+N."""

    next_requested = Signal()
    print_requested = Signal()  # the CC02 appointment slip

    def __init__(self) -> None:
        super().__init__()
        self.head = QLabel(t("Đã lưu hồ sơ", "Record saved"))
        self.head.setObjectName("title")
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next = QPushButton(t("Thu nhận người tiếp theo  (Enter)", "Next resident  (Enter)"))
        self.next.setObjectName("next_resident")
        self.next.clicked.connect(self.next_requested.emit)
        self.print = QPushButton(t("In giấy hẹn trả thẻ  (Ctrl+P)",
                                   "Print the appointment slip  (Ctrl+P)"))
        self.print.setObjectName("print_cc02")
        self.print.clicked.connect(self.print_requested.emit)
        self.status = QLabel("")
        self.status.setObjectName("print_status")
        self.record_id: str | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(self.head)
        lay.addWidget(self.detail)
        lay.addWidget(self.next, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.print, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.status)
        lay.addStretch(1)

    def show_saved(self, record_id: str, name: str) -> None:
        self.record_id = record_id
        self.status.setText("")
        self.detail.setText(t("Hồ sơ của {name} đã được niêm phong và chờ trưởng ca duyệt.\n"
                              "Mã hồ sơ: {id}",
                              "The record of {name} is sealed and waits for the supervisor.\n"
                              "Record id: {id}").format(name=name, id=record_id))
        self.next.setDefault(True)
        self.next.setFocus()
