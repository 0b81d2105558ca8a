"""Step 1: find the resident on the commune worklist, or start a blank form.

Type a 12-digit ID number or a name without diacritics; results follow the typing (searched off
the GUI thread, the newest query wins). Up/Down move through the results, Enter picks one and
prefills the form, Ctrl+B starts blank.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.forms import display_date
from app.domain.masterdata import MasterData
from app.domain.names import upper
from app.domain.worklist import WorklistEntry
from app.ui import operations
from app.ui.i18n import mark, t, t_pair

WorklistSearch = Callable[[str], list[dict[str, Any]]]
REASONS = {"age_14": mark("đủ 14 tuổi", "turns 14"), "age_25": mark("đủ 25 tuổi", "turns 25"),
           "age_40": mark("đủ 40 tuổi", "turns 40"), "age_60": mark("đủ 60 tuổi", "turns 60"),
           "no_card": mark("chưa có thẻ", "no card yet")}


def prefill(entry: dict[str, Any]) -> dict[str, Any]:
    """The form a worklist entry prefills (cấp mới without a card, else cấp đổi)."""
    form = WorklistEntry.from_json(entry).to_record().to_json()
    form["delivery"] = {"method": "office", "address": None}
    return form


class FindStep(QWidget):
    picked = Signal(dict)  # the prefilled form
    blank = Signal()

    def __init__(self, search: WorklistSearch, master: MasterData) -> None:
        super().__init__()
        self.search_fn = search
        self.master = master
        title = QLabel(t("Bước 1: Tìm công dân trong danh sách cấp thẻ",
                         "Step 1: Find the resident on the worklist"))
        title.setObjectName("title")
        title.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setObjectName("worklist_query")
        self.query.setPlaceholderText(t("Số định danh (12 số) hoặc họ tên, gõ không dấu cũng được",
                                        "ID number (12 digits) or name, accents optional"))
        self.results = QListWidget()
        self.results.setObjectName("worklist_results")
        self.info = QLabel(t("Gõ để tìm. Enter: chọn và điền sẵn biểu mẫu.",
                             "Type to search. Enter: pick and prefill the form."))
        self.info.setObjectName("hint")
        self.blank_button = QPushButton(t("Nhập mới, không có trong danh sách  (Ctrl+B)",
                                          "Start blank, not on the worklist  (Ctrl+B)"))
        self.blank_button.setObjectName("start_blank")
        self.blank_button.clicked.connect(self.blank.emit)
        QShortcut(QKeySequence("Ctrl+B"), self, activated=self.blank.emit)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(self.query)
        lay.addWidget(self.info)
        lay.addWidget(self.results, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.blank_button)
        lay.addLayout(row)
        self._entries: list[dict[str, Any]] = []
        self._asked = 0
        self._pick_pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._run)
        self.query.textEdited.connect(lambda _s: self._timer.start())
        self.query.returnPressed.connect(self.pick_current)
        self.results.itemActivated.connect(lambda _i: self.pick_current())
        self.query.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802, ANN001 - Qt API
        """Up/Down in the search box move through the results without leaving it."""
        if obj is self.query and event.type() == event.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.results.count():
            row = self.results.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.results.setCurrentRow(max(0, min(row, self.results.count() - 1)))
            return True
        return False

    def reset(self) -> None:
        self.query.clear()
        self.results.clear()
        self._entries = []
        self.query.setFocus()

    def _run(self) -> None:
        text = self.query.text().strip()
        self._asked += 1
        ticket = self._asked
        if len(text) < 2:
            self._show(ticket, [])
            return
        self.info.setText(t("Đang tìm…", "Searching…"))
        operations.run(lambda: self.search_fn(text), lambda rows: self._show(ticket, rows),
                       self._failed, self)

    def search_now(self) -> None:
        self._timer.stop()
        self._run()

    def _failed(self, exc: BaseException) -> None:
        self.info.setText(operations.describe(exc))

    def _show(self, ticket: int, rows: list[dict[str, Any]]) -> None:
        if ticket != self._asked:
            return  # an older query answered late
        self._entries = rows
        self.results.clear()
        for e in rows:
            QListWidgetItem(self._line(e), self.results)
        if rows and self._pick_pending:
            self._pick_pending = False
            self.results.setCurrentRow(0)
            self.pick_current()
            return
        self._pick_pending = False
        if rows:
            self.results.setCurrentRow(0)
            self.info.setText(t("{n} kết quả. Enter: chọn.",
                                "{n} result(s). Enter: pick.").format(n=len(rows)))
        elif self.query.text().strip():
            self.info.setText(t("Không thấy trong danh sách. Kiểm tra lại hoặc nhập mới "
                                "(Ctrl+B).", "Not on the worklist. Check, or start blank "
                                "(Ctrl+B)."))

    def _line(self, e: dict[str, Any]) -> str:
        res = e.get("residence") or {}
        unit = self.master.commune(res.get("commune", ""))
        why = REASONS.get(e.get("reason", ""), ("", ""))
        parts = [upper(e.get("full_name", "")), e.get("personal_id", ""),
                 display_date(e.get("date_of_birth", "")), unit.name if unit else "",
                 t_pair(why)]
        return "   ·   ".join(p for p in parts if p)

    def pick_current(self) -> None:
        if self._timer.isActive():  # Enter typed faster than the search: pick when it answers
            self._pick_pending = True
            self.search_now()
            return
        row = self.results.currentRow()
        if not 0 <= row < len(self._entries):
            return
        self.picked.emit(prefill(self._entries[row]))
