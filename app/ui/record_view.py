"""One record read-only: its state and times, then every form line as CC01 prints it.

Shared by the records page and the supervisor queue, so both show a record the same way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.forms import cc01_fields
from app.domain.masterdata import MasterData
from app.domain.record import parse_record
from app.ui.i18n import mark, t, t_pair

_STATES = {"draft": mark("Nháp", "Draft"), "captured": mark("Chờ duyệt", "To approve"),
           "approved": mark("Đã duyệt", "Approved"), "rejected": mark("Bị trả lại", "Rejected"),
           "queued": mark("Chờ gửi", "Queued"), "uploading": mark("Đang gửi", "Uploading"),
           "delivered": mark("Đã gửi", "Delivered"),
           "accepted": mark("Trung tâm đã nhận", "Accepted"),
           "returned": mark("Cần thu nhận lại", "Re-enroll"),
           "purged": mark("Đã xoá sinh trắc", "Purged")}


_FIELDS = {"full_name": mark("Họ tên", "Name"), "personal_id": mark("Số định danh", "ID number"),
           "date_of_birth": mark("Ngày sinh", "Date of birth"),
           "nationality": mark("Quốc tịch", "Nationality"),
           "representative": mark("Người đại diện", "Representative"),
           "spouse": mark("Vợ/chồng", "Spouse"),
           "permanent_residence": mark("Nơi thường trú", "Permanent residence"),
           "current_residence": mark("Nơi ở hiện tại", "Current residence"),
           "temporary_residence": mark("Nơi tạm trú", "Temporary residence"),
           "birth_registration_place": mark("Nơi đăng ký khai sinh", "Birth registered in"),
           "place_of_origin": mark("Quê quán", "Place of origin")}


def field_label(path: str) -> str:
    """'full_name:name_single_word' -> 'Họ tên' (the form's words, not the JSON key)."""
    head = path.split(":")[0].split(".")[0]
    return t_pair(_FIELDS.get(head, (head, head)))


def state_label(state: str) -> str:
    return t_pair(_STATES.get(state, (state, state)))


def short_time(text: str | None) -> str:
    """'2026-11-22T22:59:07+00:00' -> '22/11 22:59' (stored time, UTC)."""
    s = text or ""
    if len(s) < 16:
        return s
    return f"{s[8:10]}/{s[5:7]} {s[11:16]}"


def show_image(label: QLabel, data: bytes) -> None:
    """An encoded image (the portrait JPEG) fitted into a label, aspect kept."""
    pix = QPixmap()
    pix.loadFromData(data)
    label.setPixmap(pix.scaled(label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation))


def readonly_table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    return table


def fit_columns(table: QTableWidget, stretch: tuple[int, ...]) -> None:
    """Columns as wide as their content (no clipped ID numbers), the `stretch` ones share the
    rest."""
    hh = table.horizontalHeader()
    for i in range(table.columnCount()):
        hh.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch if i in stretch
                                else QHeaderView.ResizeMode.ResizeToContents)


def fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for i, cells in enumerate(rows):
        for j, text in enumerate(cells):
            table.setItem(i, j, QTableWidgetItem(text))


class RecordView(QWidget):
    def __init__(self, master: MasterData) -> None:
        super().__init__()
        self.master = master
        self.head = QLabel(t("Chọn một hồ sơ để xem.", "Pick a record to see it."))
        self.head.setObjectName("record_head")
        self.head.setWordWrap(True)
        self.table = readonly_table([t("Mục", "Field"), t("Nội dung", "Value")])
        self.table.setObjectName("record_fields")
        self.table.setWordWrap(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.portrait = QLabel()
        self.portrait.setObjectName("record_portrait")
        self.portrait.setFixedSize(120, 180)
        self.portrait.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.portrait.setStyleSheet("border: 1px solid #c8d0d8; background: #f4f6f8;")
        self.portrait.hide()
        top = QHBoxLayout()
        top.addWidget(self.portrait, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.head, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)

    def clear(self) -> None:
        self.head.setText(t("Chọn một hồ sơ để xem.", "Pick a record to see it."))
        self.table.setRowCount(0)
        self.portrait.hide()

    def show_record(self, rec: dict[str, Any], face: bytes | None = None) -> None:
        """`face` is the portrait JPEG when the caller loaded it (the supervisor's view)."""
        data = rec.get("data") or {}
        form = {k: v for k, v in data.items() if not k.startswith("_")}
        record, _ = parse_record(form)
        lines = [f"<b>{state_label(rec.get('state', ''))}</b>  ·  #{rec.get('seq', '')}  ·  "
                 + t("tạo ", "created ") + short_time(rec.get("created_at")) + "  ·  "
                 + t("sửa ", "updated ") + short_time(rec.get("updated_at"))]
        review = data.get("_review") or {}
        if review.get("reason"):
            lines.append("<span style='color:#b00020'>" + t("Lý do trả lại: ", "Rejected: ")
                         + review["reason"] + "</span>")
        for key, why in (data.get("_reasons") or {}).items():
            lines.append("<span style='color:#9a6700'>⚠ " + field_label(key) + ": " + why
                         + "</span>")
        cap = data.get("_capture") or {}
        fingers = cap.get("fingers") or []
        if cap.get("face") or fingers:
            forced = sum(1 for f in [cap.get("face") or {}, *fingers] if f.get("forced"))
            excepted = sum(1 for f in fingers if f.get("exception"))
            photo = t("có", "yes") if cap.get("face") else t("không", "no")
            lines.append(t("Ảnh: {face} · vân tay: {n} vị trí · ép: {forced} · ngoại lệ: {exc}",
                           "Photo: {face} · prints: {n} · forced: {forced} · exceptions: {exc}")
                         .format(face=photo, n=len(fingers), forced=forced, exc=excepted))
        if rec.get("clock_flag"):
            lines.append(t("Đồng hồ máy bất thường khi tạo hồ sơ.",
                           "The clock looked wrong when the record was made."))
        self.head.setText("<br>".join(lines))
        self.portrait.setVisible(face is not None)
        if face:
            show_image(self.portrait, face)
        rows = [[k, v] for k, v in cc01_fields(record, self.master) if v]
        fill(self.table, rows)
        self.table.resizeRowsToContents()
