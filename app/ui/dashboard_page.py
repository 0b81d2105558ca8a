"""Where the station stands: records per state, today's and this week's work per officer, and
how long the oldest record has waited for approval (the limit the supervisor must watch).

Built from plain record metadata (states, officers, times): nothing is decrypted. Operating-limit
countdowns (days since sync, since update) come with the sync service.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QGridLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from app.services.station import Session
from app.ui import operations
from app.ui.i18n import t
from app.ui.record_view import fill, readonly_table, state_label

TILES = ("draft", "captured", "rejected", "approved", "queued", "delivered")


def summarise(session: Session, now: datetime | None = None) -> dict[str, Any]:
    """Runs off the GUI thread: counts, per-officer work, oldest pending approval."""
    now = now or datetime.now(UTC)
    station = session.station
    counts = station.info()["counts"]
    names = {u["id"]: u["username"] for u in session.list_users()}
    day, week = now - timedelta(days=1), now - timedelta(days=7)
    per: dict[str, list[int]] = {}
    oldest: datetime | None = None
    offset = 0
    while True:
        page = station.list_records(None, 1000, offset)
        for r in page:
            made = datetime.fromisoformat(r["created_at"])
            made = made if made.tzinfo else made.replace(tzinfo=UTC)
            row = per.setdefault(names.get(r["officer_id"], "?"), [0, 0])
            if r["state"] != "draft":
                row[0] += made >= day
                row[1] += made >= week
            if r["state"] == "captured" and (oldest is None or made < oldest):
                oldest = made
        if len(page) < 1000:
            break
        offset += 1000
    hours = None if oldest is None else round((now - oldest).total_seconds() / 3600, 1)
    return {"counts": counts, "per_officer": sorted(per.items()), "oldest_pending_h": hours}


class DashboardPage(QWidget):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        title = QLabel(t("Tổng quan", "Dashboard"))
        title.setObjectName("title")
        self.tiles: dict[str, QLabel] = {}
        grid = QGridLayout()
        for i, state in enumerate(TILES):
            tile = QLabel("")
            tile.setObjectName(f"tile_{state}")
            tile.setStyleSheet("background: white; border: 1px solid #c8d0d8; padding: 10px;"
                               "font-size: 14pt;")
            self.tiles[state] = tile
            grid.addWidget(tile, i // 3, i % 3)
        self.pending = QLabel("")
        self.pending.setObjectName("oldest_pending")
        self.pending.setWordWrap(True)
        self.table = readonly_table([t("Cán bộ", "Officer"), t("24 giờ qua", "Last 24 h"),
                                     t("7 ngày qua", "Last 7 days")])
        self.table.setObjectName("per_officer")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        note = QLabel(t("Đếm các hồ sơ đã hoàn tất thu nhận. Hạn mức vận hành (ngày chưa đồng bộ, "
                        "ngày chưa cập nhật) sẽ hiện ở đây khi có dịch vụ đồng bộ.",
                        "Counts completed enrollments. Operating limits (days since sync, since "
                        "update) appear here once the sync service is in."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(grid)
        lay.addWidget(self.pending)
        lay.addWidget(self.table, 1)
        lay.addWidget(note)

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API: refresh when shown
        super().showEvent(event)
        self.load()

    def load(self) -> None:
        s = self.session
        operations.run(lambda: summarise(s), self._show,
                       lambda e: self.pending.setText(operations.describe(e)), self)

    def _show(self, info: dict[str, Any]) -> None:
        for state, tile in self.tiles.items():
            tile.setText(f"{state_label(state)}\n{info['counts'].get(state, 0)}")
        hours = info["oldest_pending_h"]
        if hours is None:
            self.pending.setText(t("Không có hồ sơ chờ duyệt.", "Nothing waits for approval."))
        else:
            colour = "#b00020" if hours >= 24 else "#9a6700" if hours >= 8 else "#1b5e20"
            self.pending.setText(f"<span style='color:{colour}'>" + t(
                f"Hồ sơ chờ duyệt lâu nhất: {hours} giờ", f"Oldest waiting for approval: "
                f"{hours} h") + "</span>")
        fill(self.table, [[name, str(a), str(b)] for name, (a, b) in info["per_officer"]])
