"""Dashboard: enrollments per officer (today / last 7 days), queue ages, and the five operating
limits as countdowns coloured ok / amber / red. Everything is read off the GUI thread."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import limits as limits_service
from app.services import sync_view
from app.services.station import Session
from app.ui import operations
from app.ui.i18n import mark, t, t_pair

LEVEL_COLOURS = {"ok": "#2e7d32", "amber": "#f0a000", "red": "#c62828"}
QUEUE_NAMES = {
    "captured": mark("Chờ duyệt", "Awaiting approval"), "approved": mark("Đã duyệt", "Approved"),
    "queued": mark("Chờ gửi", "Queued"), "uploading": mark("Đang gửi", "Uploading"),
    "returned": mark("Bị trả lại", "Returned"),
}
ACTIONS = {  # what to do when a limit is reached
    "days_since_sync": mark("hãy đồng bộ hoặc xuất USB", "sync or export to USB"),
    "pending_approvals": mark("tổ trưởng cần duyệt hồ sơ", "the supervisor must review"),
    "oldest_pending_days": mark("tổ trưởng cần duyệt hồ sơ", "the supervisor must review"),
    "undelivered": mark("hãy đồng bộ hoặc xuất USB", "sync or export to USB"),
    "days_since_update": mark("hãy cập nhật phần mềm", "update the software"),
}


def _age(days: float | None) -> str:
    if days is None:
        return "—"
    if days < 1:
        return t("lâu nhất {h:.0f} giờ", "oldest {h:.0f} h").format(h=days * 24)
    return t("lâu nhất {d:.1f} ngày", "oldest {d:.1f} days").format(d=days)


class BarChart(QWidget):
    """Two bars per officer (today, last 7 days), drawn with QPainter: no QtCharts offscreen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.setMinimumHeight(200)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.update()

    def paintEvent(self, _event: Any) -> None:  # noqa: N802 - Qt name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        w, h = self.width(), self.height()
        legend = [(t("Hôm nay", "Today"), QColor("#3d5a80")),
                  (t("7 ngày qua", "Last 7 days"), QColor("#98c1d9"))]
        x = 8
        for text, colour in legend:
            p.fillRect(x, 6, 14, 14, colour)
            p.drawText(x + 20, 18, text)
            x += 34 + fm.horizontalAdvance(text)
        if not self.rows:
            p.drawText(QRectF(0, 0, w, h), Qt.AlignmentFlag.AlignCenter,
                       t("Chưa có hồ sơ nào trong tuần.", "No enrollments this week."))
            return
        top, bottom = 30, h - fm.height() - 8
        top_value = max(1, max(int(r["week"] or 0) for r in self.rows))
        slot = (w - 16) / len(self.rows)
        bar = min(48.0, slot / 3)
        for i, r in enumerate(self.rows):
            x0 = 8 + i * slot + (slot - 2 * bar - 4) / 2
            for j, key in enumerate(("today", "week")):
                value = int(r[key] or 0)
                height = (bottom - top - fm.height()) * value / top_value
                rect = QRectF(x0 + j * (bar + 4), bottom - height, bar, height)
                p.fillRect(rect, legend[j][1])
                p.drawText(QRectF(rect.x() - 10, rect.y() - fm.height() - 2, bar + 20,
                                  fm.height()), Qt.AlignmentFlag.AlignCenter, str(value))
            p.drawText(QRectF(8 + i * slot, bottom + 4, slot, fm.height()),
                       Qt.AlignmentFlag.AlignCenter, fm.elidedText(
                           r["username"], Qt.TextElideMode.ElideRight, int(slot)))
        p.end()


def _num(v: float) -> str:
    return f"{v:g}" if v != int(v) else str(int(v))


class DashboardPage(QWidget):
    """`installed_on`: ISO date the software was installed (app.services.version.installed_on());
    `maxima`: limit overrides (from the centre's master data, or small ones in tests)."""

    refreshed = Signal()

    def __init__(self, session: Session, installed_on: str | None = None,
                 maxima: dict[str, float] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.installed_on = installed_on
        self.maxima = maxima
        self.data: dict[str, Any] | None = None
        title = QLabel(t("Tổng quan", "Overview"))
        title.setObjectName("title")
        self.refresh_btn = QPushButton(t("Làm mới (F5)", "Refresh (F5)"))
        self.refresh_btn.setShortcut("F5")
        self.refresh_btn.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.refresh_btn)
        self.chart = BarChart()
        chart_box = QGroupBox(t("Hồ sơ theo cán bộ", "Enrollments per officer"))
        QVBoxLayout(chart_box).addWidget(self.chart)
        self.queue_box = QGroupBox(t("Hàng chờ", "Queues"))
        self.queue_grid = QGridLayout(self.queue_box)
        self.limit_box = QGroupBox(t("Giới hạn vận hành (còn lại trước khi phải dừng)",
                                     "Operating limits (left before the station must stop)"))
        self.limit_grid = QGridLayout(self.limit_box)
        self.limit_grid.setColumnStretch(1, 1)
        row = QHBoxLayout()
        row.addWidget(chart_box, 3)
        row.addWidget(self.queue_box, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addLayout(row, 1)
        lay.addWidget(self.limit_box)
        self.limit_bars: dict[str, QProgressBar] = {}
        self.limit_levels: dict[str, str] = {}
        self.refresh()

    def refresh(self) -> None:
        store, inst, maxima = self.session.station.store, self.installed_on, self.maxima

        def load() -> dict[str, Any]:
            now = datetime.now(UTC)
            return {"officers": limits_service.per_officer(store, now),
                    "queues": sync_view.queue_ages(self.session, now),
                    "limits": limits_service.limits(store, inst, maxima, now)}
        operations.run(load, self._show, self._fail, self)

    def _fail(self, exc: BaseException) -> None:
        self.limit_box.setTitle(operations.describe(exc))

    def _show(self, data: dict[str, Any]) -> None:
        self.data = data
        self.chart.set_rows(data["officers"])
        _clear(self.queue_grid)
        for i, q in enumerate(data["queues"]):
            name = t_pair(QUEUE_NAMES.get(q["state"], (q["state"], q["state"])))
            age_text = _age(q["oldest_days"])
            self.queue_grid.addWidget(QLabel(name), i, 0)
            self.queue_grid.addWidget(QLabel(str(q["count"])), i, 1)
            self.queue_grid.addWidget(QLabel(age_text), i, 2)
        self.queue_grid.setRowStretch(len(data["queues"]), 1)
        _clear(self.limit_grid)
        self.limit_bars.clear()
        self.limit_levels.clear()
        for i, lim in enumerate(data["limits"]):
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setValue(int(1000 * min(1.0, lim.value / lim.maximum if lim.maximum else 0)))
            bar.setFormat(f"{_num(lim.value)} / {_num(lim.maximum)}")
            bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
            bar.setStyleSheet(f"QProgressBar::chunk {{ background: {LEVEL_COLOURS[lim.level]}; }}")
            act, n = t_pair(ACTIONS[lim.name]), _num(lim.left)
            if lim.level == "red":
                left = QLabel(t("ĐÃ ĐẾN GIỚI HẠN: {act}", "LIMIT REACHED: {act}").format(act=act))
            elif lim.level == "amber":
                left = QLabel(t("còn {n}: sắp đến giới hạn, {act}",
                                "{n} left: {act} soon").format(n=n, act=act))
            else:
                left = QLabel(t("còn {n}", "{n} left").format(n=n))
            left.setStyleSheet(f"color: {LEVEL_COLOURS[lim.level]}; font-weight: bold;")
            name = t_pair((lim.vi, lim.en))  # the service's own pair, not in the catalogue
            self.limit_grid.addWidget(QLabel(name), i, 0)
            self.limit_grid.addWidget(bar, i, 1)
            self.limit_grid.addWidget(left, i, 2)
            self.limit_bars[lim.name] = bar
            self.limit_levels[lim.name] = lim.level
        self.refreshed.emit()


def _clear(grid: QGridLayout) -> None:
    while grid.count():
        item = grid.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
