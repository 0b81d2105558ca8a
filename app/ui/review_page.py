"""The supervisor's queue: records waiting for approval, riskiest first, with the reasons.

Approving is a signature, so it asks for the password again; rejecting also asks for the reason
the officer will read. "Approve all clean" approves only records with no risk reason at all.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.masterdata import MasterData
from app.domain.names import upper
from app.domain.states import Role
from app.services.review import Review
from app.services.station import Session
from app.ui import operations
from app.ui.i18n import mark, t, t_pair
from app.ui.record_view import RecordView, fill, fit_columns, readonly_table, short_time

_KINDS = {"duplicate": mark("Có thể trùng", "Possible duplicate"),
          "forced": mark("Chụp ép", "Forced capture"), "clock": mark("Đồng hồ bất thường", "Clock"),
          "exception": mark("Ngoại lệ vân tay", "Exception"),
          "override": mark("Bỏ qua cảnh báo", "Warning overridden"),
          "retries_at_cap": mark("Thử tối đa", "Retries at cap")}


def reason_text(reasons: list[dict[str, Any]]) -> str:
    return "; ".join(t_pair(_KINDS.get(r["kind"], (r["kind"], r["kind"])))
                     + (f" ({r['detail']})" if r.get("detail") not in (None, "", r["kind"])
                        else "") for r in reasons)


class ConfirmDialog(QDialog):
    """Password again (approval is a signature), plus the reason when rejecting."""

    def __init__(self, title: str, need_reason: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("confirm_password")
        self.reason = QLineEdit()
        self.reason.setObjectName("confirm_reason")
        form = QFormLayout(self)
        if need_reason:
            form.addRow(t("Lý do trả lại", "Reason"), self.reason)
        form.addRow(t("Nhập lại mật khẩu", "Your password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        (self.reason if need_reason else self.password).setFocus()


class ReviewPage(QWidget):
    def __init__(self, session: Session, master: MasterData) -> None:
        super().__init__()
        self.session = session
        self.review = Review(session)
        self.allowed = session.user.role in (Role.SUPERVISOR,)
        title = QLabel(t("Duyệt hồ sơ", "Approve records"))
        title.setObjectName("title")
        self.message = QLabel("")
        self.message.setObjectName("hint")
        self.message.setWordWrap(True)
        self.table = readonly_table([t("Rủi ro", "Risk"), t("Họ tên", "Name"),
                                     t("Số định danh", "ID number"), t("Lý do xem kỹ", "Why"),
                                     t("Thu nhận lúc", "Taken at")])
        self.table.setObjectName("queue_table")
        self.table.setSelectionMode(self.table.SelectionMode.ExtendedSelection)
        fit_columns(self.table, (1, 3))
        self.view = RecordView(master)
        self.approve_button = QPushButton(t("Duyệt hồ sơ đã chọn  (Ctrl+Enter)",
                                            "Approve selected  (Ctrl+Enter)"))
        self.approve_button.setObjectName("approve")
        self.reject_button = QPushButton(t("Trả lại…  (Ctrl+J)", "Reject…  (Ctrl+J)"))
        self.reject_button.setObjectName("reject")
        self.clean_button = QPushButton(t("Duyệt tất cả hồ sơ không rủi ro",
                                          "Approve all clean records"))
        self.clean_button.setObjectName("approve_clean")
        actions = QHBoxLayout()
        for b in (self.clean_button, self.reject_button, self.approve_button):
            actions.addWidget(b)
        actions.insertStretch(1, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.view)
        split.setSizes([640, 500])
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(self.message)
        lay.addWidget(split, 1)
        lay.addLayout(actions)
        self.rows: list[dict[str, Any]] = []
        self._note = ""
        for b in (self.approve_button, self.reject_button, self.clean_button):
            b.setEnabled(self.allowed)
        if not self.allowed:
            self.message.setText(t("Chỉ trưởng ca (giám sát viên) được duyệt hoặc trả lại hồ sơ. "
                                   "Bạn có thể xem danh sách.", "Only a supervisor may approve "
                                   "or reject records. You can look at the list."))
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button.clicked.connect(self.reject_current)
        self.clean_button.clicked.connect(self.approve_clean)
        self.table.currentCellChanged.connect(lambda r, *_: self.open_row(r))
        if self.allowed:
            QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.approve_selected)
            QShortcut(QKeySequence("Ctrl+J"), self, activated=self.reject_current)
        QShortcut(QKeySequence("F5"), self, activated=self.load)

    def ask(self, title: str, need_reason: bool) -> tuple[str, str] | None:
        """Password (and reason); tests replace this to answer without a modal dialog."""
        dlg = ConfirmDialog(title, need_reason, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        return dlg.password.text(), dlg.reason.text()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API: refresh when shown
        super().showEvent(event)
        self.load()

    def load(self) -> None:
        review = self.review
        operations.run(review.queue, self._show, self._failed, self)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(operations.describe(exc))

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        fill(self.table, [[str(r["risk"]), upper(r["full_name"]), r["personal_id"],
                           reason_text(r["reasons"]) or t("Không", "None"),
                           short_time(r["created_at"])] for r in rows])
        for i, r in enumerate(rows):
            if r["risk"]:
                self.table.item(i, 0).setForeground(Qt.GlobalColor.darkRed)
        self.view.clear()
        if self.allowed:
            clean = sum(1 for r in rows if not r["risk"])
            self.message.setText(" ".join(x for x in (self._note, t(
                "{n} hồ sơ chờ duyệt, {clean} không có rủi ro.",
                "{n} waiting, {clean} clean.").format(n=len(rows), clean=clean)) if x))
            self._note = ""

    def open_row(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        rid, s = self.rows[row]["id"], self.session

        def work() -> tuple[dict[str, Any], bytes | None]:
            rec = s.show(rid)
            return rec, (s.blob(rid, "face.jpg") if "face.jpg" in rec["blobs"] else None)

        operations.run(work, lambda r: self.view.show_record(*r), self._failed, self)

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.rows[r]["id"] for r in rows if r < len(self.rows)]

    def _after(self, text: str) -> None:
        self._note = text  # shown with the refreshed counts
        self.load()

    def approve_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or not self.allowed:
            return
        answer = self.ask(t("Duyệt {n} hồ sơ", "Approve {n} record(s)").format(n=len(ids)), False)
        if answer is None:
            return
        review, password = self.review, answer[0]
        operations.run(lambda: review.approve(ids, password),
                       lambda done: self._after(t("Đã duyệt {n} hồ sơ.",
                                                  "Approved {n} record(s).").format(n=len(done))),
                       self._failed, self)

    def approve_clean(self) -> None:
        if not self.allowed:
            return
        answer = self.ask(t("Duyệt mọi hồ sơ không rủi ro", "Approve all clean records"), False)
        if answer is None:
            return
        review, password = self.review, answer[0]
        operations.run(lambda: review.approve_clean(password),
                       lambda done: self._after(t("Đã duyệt {n} hồ sơ.",
                                                  "Approved {n} record(s).").format(n=len(done))),
                       self._failed, self)

    def reject_current(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1 or not self.allowed:
            self.message.setText(t("Chọn đúng một hồ sơ để trả lại.",
                                   "Select exactly one record to reject."))
            return
        answer = self.ask(t("Trả lại hồ sơ cho cán bộ", "Send the record back"), True)
        if answer is None:
            return
        review, (password, reason), rid = self.review, answer, ids[0]
        operations.run(lambda: review.reject(rid, reason, password),
                       lambda _r: self._after(t("Đã trả lại hồ sơ cho cán bộ.",
                                                "The record went back to the officer.")),
                       self._failed, self)
