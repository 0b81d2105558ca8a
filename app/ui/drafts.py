"""The officer's unfinished work: drafts to resume or discard, records the supervisor sent back.

Loaded off the GUI thread; Enter resumes the selected draft, Delete discards it (after a
confirmation, since discarding shreds it for good).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.names import upper
from app.services.enrollment import Enrollment
from app.ui import operations
from app.ui.i18n import mark, t, t_pair
from app.ui.record_view import fit_columns, short_time

STEP_NAMES = {"form": mark("Thông tin", "Form"), "photo": mark("Ảnh", "Photo"),
              "fingerprints": mark("Vân tay", "Fingerprints"),
              "review": mark("Kiểm tra", "Review")}


def step_name(step: str) -> str:
    return t_pair(STEP_NAMES.get(step, (step, step)))


class DraftsDialog(QDialog):
    resume = Signal(str)  # draft id
    reopen = Signal(str)  # a returned record's id

    def __init__(self, enrollment: Enrollment, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.enrollment = enrollment
        self.setWindowTitle(t("Hồ sơ đang làm dở", "Unfinished enrollments"))
        self.resize(900, 480)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("drafts_table")
        self.table.setHorizontalHeaderLabels([t("Họ tên", "Name"), t("Tình trạng", "Status"),
                                              t("Bước / lý do", "Step / reason"),
                                              t("Cập nhật", "Updated")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self.table, (0, 2))
        self.message = QLabel(t("Đang tải…", "Loading…"))
        self.message.setWordWrap(True)
        self.open_button = QPushButton(t("Tiếp tục  (Enter)", "Resume  (Enter)"))
        self.open_button.setObjectName("resume_draft")
        self.open_button.setDefault(True)
        self.discard_button = QPushButton(t("Huỷ nháp  (Delete)", "Discard  (Delete)"))
        self.discard_button.setObjectName("discard_draft")
        close = QPushButton(t("Đóng  (Esc)", "Close  (Esc)"))
        self.open_button.clicked.connect(self._open)
        self.discard_button.clicked.connect(self._discard)
        close.clicked.connect(self.reject)
        self.table.itemActivated.connect(lambda _i: self._open())
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=self._discard)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.discard_button)
        row.addStretch(1)
        row.addWidget(close)
        row.addWidget(self.open_button)
        lay.addLayout(row)
        self.rows: list[dict[str, Any]] = []
        self.load()

    def load(self) -> None:
        enr = self.enrollment
        operations.run(lambda: ([{**d, "kind": "draft"} for d in enr.drafts()]
                                + [{**r, "kind": "returned"} for r in enr.returned()]),
                       self._show, lambda e: self.message.setText(operations.describe(e)), self)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            returned = r["kind"] == "returned"
            cells = [upper(r.get("full_name") or "") or t("(chưa có tên)", "(no name yet)"),
                     t("Bị trả lại", "Returned") if returned else t("Nháp", "Draft"),
                     r.get("reason", "") if returned else step_name(r.get("step", "form")),
                     short_time(r.get("updated_at"))]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        if rows:
            self.table.selectRow(0)
            self.table.setFocus()
        self.message.setText(t("{n} hồ sơ.", "{n} record(s).").format(n=len(rows)) if rows else
                             t("Không có hồ sơ dở dang.", "Nothing unfinished."))

    def _current(self) -> dict[str, Any] | None:
        i = self.table.currentRow()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def _open(self) -> None:
        row = self._current()
        if row is None:
            return
        (self.reopen if row["kind"] == "returned" else self.resume).emit(row["id"])
        self.accept()

    def _discard(self) -> None:
        row = self._current()
        if row is None or row["kind"] != "draft":
            return
        answer = QMessageBox.question(self, t("Huỷ nháp", "Discard draft"),
                                      t("Huỷ vĩnh viễn bản nháp này? Không thể khôi phục.",
                                        "Discard this draft for good? It cannot be restored."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        enr, rid = self.enrollment, row["id"]
        operations.run(lambda: enr.discard(rid), lambda _r: self.load(),
                       lambda e: self.message.setText(operations.describe(e)), self)
