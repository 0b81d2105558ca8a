"""The station's records: a page at a time, filter by state, search by ID number or name.

Names are encrypted, so each page is decrypted off the GUI thread (a page is 50 records); the
list shows what the officer recognises (name, ID number, state) and Enter opens the record.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
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
from app.domain.states import State
from app.services.station import Session
from app.ui import operations
from app.ui.fields import ChoiceCombo
from app.ui.i18n import t
from app.ui.record_view import (
    RecordView,
    fill,
    fit_columns,
    readonly_table,
    short_time,
    state_label,
)

PAGE = 50


def _rows_with_names(session: Session, metas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for meta in metas:
        data = session.show(meta["id"])["data"]
        out.append({**meta, "full_name": data.get("full_name", ""),
                    "personal_id": data.get("personal_id", "")})
    return out


class RecordsPage(QWidget):
    def __init__(self, session: Session, master: MasterData) -> None:
        super().__init__()
        self.session = session
        title = QLabel(t("Hồ sơ trên trạm", "Records on this station"))
        title.setObjectName("title")
        self.query = QLineEdit()
        self.query.setObjectName("records_query")
        self.query.setPlaceholderText(t("Tìm theo số định danh hoặc họ tên (Enter)",
                                        "Search by ID number or name (Enter)"))
        self.state = ChoiceCombo([(s.value, state_label(s.value)) for s in State], blank=False)
        self.state.insertItem(0, t("Mọi trạng thái", "All states"), "")
        self.state.setCurrentIndex(0)
        self.state.setObjectName("records_state")
        self.prev = QPushButton(t("‹ Trang trước", "‹ Previous"))
        self.next = QPushButton(t("Trang sau ›", "Next ›"))
        self.page_label = QLabel("")
        self.table = readonly_table(["#", t("Họ tên", "Name"), t("Số định danh", "ID number"),
                                     t("Trạng thái", "State"), t("Cập nhật", "Updated")])
        self.table.setObjectName("records_table")
        fit_columns(self.table, (1,))
        self.view = RecordView(master)
        self.message = QLabel("")
        self.message.setObjectName("hint")
        bar = QHBoxLayout()
        bar.addWidget(self.query, 3)
        bar.addWidget(self.state, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.table, 1)
        pager = QHBoxLayout()
        pager.addWidget(self.prev)
        pager.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        pager.addWidget(self.next)
        ll.addLayout(pager)
        split.addWidget(left)
        split.addWidget(self.view)
        split.setSizes([600, 520])
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(bar)
        lay.addWidget(self.message)
        lay.addWidget(split, 1)
        self.offset = 0
        self.rows: list[dict[str, Any]] = []
        self._ticket = 0
        self.query.returnPressed.connect(self.search)
        self.state.currentIndexChanged.connect(lambda _i: self.load(0))
        self.prev.clicked.connect(lambda: self.load(max(0, self.offset - PAGE)))
        self.next.clicked.connect(lambda: self.load(self.offset + PAGE))
        self.table.currentCellChanged.connect(lambda r, *_: self.open_row(r))
        QShortcut(QKeySequence("F5"), self, activated=lambda: self.load(self.offset))

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API: refresh when shown
        super().showEvent(event)
        self.load(self.offset)

    def load(self, offset: int) -> None:
        """One page of the list (the search box empty) for the chosen state."""
        if self.query.text().strip():
            self.search()
            return
        self.offset = offset
        state = State(self.state.value()) if self.state.value() else None
        s = self.session
        self._fetch(lambda: _rows_with_names(s, s.station.list_records(state, PAGE, offset)))

    def search(self) -> None:
        text = self.query.text().strip()
        if not text:
            self.load(0)
            return
        s = self.session
        wanted = self.state.value()
        self.offset = 0
        self._fetch(lambda: [r for r in _rows_with_names(s, s.search(text))
                             if not wanted or r["state"] == wanted])

    def _fetch(self, work) -> None:  # noqa: ANN001 - a callable run off the GUI thread
        self._ticket += 1
        ticket = self._ticket
        self.message.setText(t("Đang tải…", "Loading…"))
        operations.run(work, lambda rows: self._show(ticket, rows),
                       lambda e: self.message.setText(operations.describe(e)), self)

    def _show(self, ticket: int, rows: list[dict[str, Any]]) -> None:
        if ticket != self._ticket:
            return
        self.rows = rows
        searching = bool(self.query.text().strip())
        fill(self.table, [[str(r["seq"]), upper(r["full_name"]), r["personal_id"],
                           state_label(r["state"]), short_time(r["updated_at"])] for r in rows])
        self.prev.setEnabled(not searching and self.offset > 0)
        self.next.setEnabled(not searching and len(rows) == PAGE)
        self.page_label.setText("" if searching else
                                t("Trang {n}", "Page {n}").format(n=self.offset // PAGE + 1))
        self.message.setText(t("{n} hồ sơ.", "{n} record(s).").format(n=len(rows)) if rows else
                             t("Không có hồ sơ nào.", "No records."))
        self.view.clear()

    def open_row(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        rid, s = self.rows[row]["id"], self.session
        operations.run(lambda: s.show(rid), self.view.show_record,
                       lambda e: self.message.setText(operations.describe(e)), self)
