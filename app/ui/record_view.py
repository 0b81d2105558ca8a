"""One record read-only: its state and times, then every form line as CC01 prints it.

Shared by the records page and the supervisor queue, so both show a record the same way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
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
from app.ui.i18n import t

_STATES = {"draft": ("Nháp", "Draft"), "captured": ("Chờ duyệt", "To approve"),
           "approved": ("Đã duyệt", "Approved"), "rejected": ("Bị trả lại", "Rejected"),
           "queued": ("Chờ gửi", "Queued"), "uploading": ("Đang gửi", "Uploading"),
           "delivered": ("Đã gửi", "Delivered"), "accepted": ("Trung tâm đã nhận", "Accepted"),
           "returned": ("Cần thu nhận lại", "Re-enroll"), "purged": ("Đã xoá sinh trắc",
                                                                    "Purged")}


def state_label(state: str) -> str:
    vi, en = _STATES.get(state, (state, state))
    return t(vi, en)


def short_time(text: str | None) -> str:
    return (text or "")[:16].replace("T", " ")


def readonly_table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    return table


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
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.head)
        lay.addWidget(self.table, 1)

    def clear(self) -> None:
        self.head.setText(t("Chọn một hồ sơ để xem.", "Pick a record to see it."))
        self.table.setRowCount(0)

    def show_record(self, rec: dict[str, Any]) -> None:
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
            lines.append("<span style='color:#9a6700'>⚠ " + key.split(":")[0] + ": " + why
                         + "</span>")
        if rec.get("clock_flag"):
            lines.append(t("Đồng hồ máy bất thường khi tạo hồ sơ.",
                           "The clock looked wrong when the record was made."))
        self.head.setText("<br>".join(lines))
        rows = [[k, v] for k, v in cc01_fields(record, self.master) if v]
        fill(self.table, rows)
        self.table.resizeRowsToContents()
