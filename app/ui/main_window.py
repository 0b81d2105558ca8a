"""The working area after login: left navigation, one screen per page, a status strip.

Screens are separate modules that register here as they land; the status strip is always
visible (station, user, record counts) so the officer knows where things stand.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.masterdata import MasterData, default_master
from app.services import version
from app.services.capture import DeviceSource
from app.services.station import Session
from app.services.sync import SyncWorker
from app.ui import operations
from app.ui.dashboard_page import DashboardPage
from app.ui.enroll_capture import Capture
from app.ui.enroll_find import WorklistSearch
from app.ui.enroll_page import EnrollPage
from app.ui.i18n import t
from app.ui.records_page import RecordsPage
from app.ui.review_page import ReviewPage
from app.ui.sync_page import SyncPage


def _placeholder(text: str, plan: str = "") -> QWidget:
    w = QWidget()
    lay = QVBoxLayout(w)
    title = QLabel(text)
    title.setObjectName("title")
    lay.addWidget(title)
    if plan:
        note = QLabel(plan)
        note.setObjectName("hint")
        note.setWordWrap(True)
        lay.addWidget(note)
    lay.addStretch(1)
    return w




class MainArea(QWidget):
    """Navigation + pages + status strip for one logged-in session."""

    def __init__(self, session: Session, station_name: str,
                 worklist: WorklistSearch | None = None,
                 master: MasterData | None = None, capture: Capture | None = None,
                 devices: DeviceSource | None = None) -> None:
        """`worklist(text)` searches the commune worklist; `capture(policy)` runs the camera
        and scanner in one go; `devices` gives live screens their camera and scanner (the
        composition root chooses real or simulated devices)."""
        super().__init__()
        self.session = session
        self.master = master or default_master()
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(220)
        self.pages = QStackedWidget()
        pages = [
            (t("Thu nhận", "Enroll"), "Ctrl+N"),
            (t("Hồ sơ", "Records"), "Ctrl+R"),
            (t("Duyệt", "Approve"), "Ctrl+D"),
            (t("Đồng bộ", "Sync"), "Ctrl+S"),
            (t("Tổng quan", "Dashboard"), "Ctrl+T"),
        ]
        self.enroll = EnrollPage(session, self.master, worklist, capture, devices)
        self.records = RecordsPage(session, self.master)
        self.review = ReviewPage(session, self.master)
        self.sync_page = SyncPage(session, worker_factory=lambda s, cb: SyncWorker(s, cb))
        self.dashboard = DashboardPage(session, installed_on=version.installed_on())
        self.sync_page.synced.connect(lambda _r: (self.dashboard.refresh(),
                                                  self.refresh_status()))
        screens: list[QWidget] = [self.enroll, self.records, self.review, self.sync_page,
                                  self.dashboard]
        for i, (label, keys) in enumerate(pages):
            self.nav.addItem(f"{label}    {keys}")
            self.pages.addWidget(screens[i] if i < len(screens) else _placeholder(label))
            QShortcut(QKeySequence(keys), self, activated=lambda i=i: self.nav.setCurrentRow(i))
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setContentsMargins(10, 4, 10, 4)
        self.station_name = station_name
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(body, 1)
        outer.addWidget(self.status)
        self.refresh_status()

    def refresh_status(self) -> None:
        station = self.session.station
        operations.run(lambda: station.info()["counts"], self._show_counts,
                       lambda e: self.status.setText(operations.describe(e)), self)

    def _show_counts(self, counts: dict[str, int]) -> None:
        u = self.session.user
        text = t("Ngoại tuyến", "Offline")
        text += f"  |  {self.station_name}  |  {u.username} ({u.role.value})  |  "
        text += t("Nháp", "Drafts") + f": {counts.get('draft', 0)}  "
        text += t("Chờ duyệt", "To approve") + f": {counts.get('captured', 0)}  "
        text += t("Chờ gửi", "To send") + f": {counts.get('approved', 0) + counts.get('queued', 0)}"
        self.status.setText(text)
