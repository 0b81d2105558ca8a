"""The working area after login: left navigation, one screen per page, a status strip.

Screens are separate modules that register here as they land; the status strip is always
visible (station, user, record counts) so the officer knows where things stand.
"""

from __future__ import annotations

from typing import Any

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
from app.services import settings as settings_service
from app.services import status as status_service
from app.services import version
from app.services.capture import DeviceSource
from app.services.station import Session
from app.services.station_devices import StationDevices
from app.services.sync import SyncWorker
from app.ui import operations
from app.ui.dashboard_page import DashboardPage
from app.ui.devices_page import DeviceEvents, DevicesPage
from app.ui.enroll_find import WorklistSearch
from app.ui.enroll_page import EnrollPage
from app.ui.i18n import lang, t
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
                 master: MasterData | None = None,
                 devices: DeviceSource | None = None,
                 station_devices: StationDevices | None = None) -> None:
        """`worklist(text)` searches the commune worklist; `devices` gives live screens their
        camera and scanner (the composition root chooses real or simulated devices);
        `station_devices` owns the
        device manager: the Devices page and, when `devices` is None, the live screens."""
        super().__init__()
        self.session = session
        self.master = master or default_master()
        self.station_devices = station_devices
        self.installed_on = version.installed_on()
        self.last_online: bool | None = None  # the last sync pass's verdict, this run
        self.device_events = DeviceEvents(self)
        if station_devices is not None:
            events = self.device_events
            station_devices.on_state = events.state_changed.emit
            # the manager outlives this area (a new login makes a new one): never call a
            # deleted QObject from a device thread
            events.destroyed.connect(lambda *_: setattr(station_devices, "on_state", None))
            devices = devices or station_devices.source()
        maxima = settings_service.load(session.station.store.data_dir).maxima()
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
            (t("Thiết bị", "Devices"), "Ctrl+Shift+E"),  # Ctrl+E: finger exception
        ]
        self.enroll = EnrollPage(session, self.master, worklist, devices)
        self.records = RecordsPage(session, self.master)
        self.review = ReviewPage(session, self.master)
        self.sync_page = SyncPage(session, worker_factory=lambda s, cb: SyncWorker(s, cb))
        self.dashboard = DashboardPage(session, installed_on=self.installed_on, maxima=maxima)
        self.sync_page.synced.connect(self._synced)
        screens: list[QWidget] = [self.enroll, self.records, self.review, self.sync_page,
                                  self.dashboard]
        self.devices_page: DevicesPage | None = None
        if station_devices is not None:
            self.devices_page = DevicesPage(session, station_devices, self.device_events)
            self.devices_page.settings_saved.connect(self._settings_saved)
            screens.append(self.devices_page)
        self.device_events.state_changed.connect(lambda *_: self.refresh_status())
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
        self.banner = QLabel("")
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setContentsMargins(10, 6, 10, 6)
        self.banner.setVisible(False)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.banner)
        outer.addLayout(body, 1)
        outer.addWidget(self.status)
        self.refresh_status()

    def _settings_saved(self, saved: settings_service.Settings) -> None:
        self.dashboard.maxima = saved.maxima()
        self.dashboard.refresh()
        self.refresh_status()

    def _synced(self, report: dict[str, Any]) -> None:
        self.last_online = bool(report.get("online"))
        self.dashboard.refresh()
        self.refresh_status()

    def refresh_status(self) -> None:
        """Online/offline, queues, devices, the nearest limit, any update notice; read off the
        GUI thread in one go."""
        session, devs = self.session, self.station_devices
        inst, last = self.installed_on, self.last_online

        def read() -> dict[str, Any]:
            maxima = settings_service.load(session.station.store.data_dir).maxima()
            facts = status_service.strip(session, inst, maxima, last)
            facts["devices"] = devs.status() if devs is not None else None
            return facts

        operations.run(read, self._show_status,
                       lambda e: self.status.setText(operations.describe(e)), self)

    def _show_status(self, facts: dict[str, Any]) -> None:
        u, counts = self.session.user, facts["counts"]
        parts = [t("● Trực tuyến", "● Online") if facts["online"]
                 else t("○ Ngoại tuyến", "○ Offline"),
                 _short(self.station_name), f"{u.username} ({u.role.value})",
                 t("Nháp: {a} · Chờ duyệt: {b} · Chờ gửi: {c}",
                   "Drafts: {a} · To approve: {b} · To send: {c}").format(
                     a=counts.get("draft", 0), b=counts.get("captured", 0),
                     c=counts.get("approved", 0) + counts.get("queued", 0))]
        if facts.get("devices") is not None:
            parts.append(device_summary(facts["devices"]))
        parts.append(limit_text(facts["nearest"]))
        self.status.setText("  |  ".join(parts))
        self.show_update(facts.get("update"))

    def show_update(self, notice: dict[str, Any] | None) -> None:
        """The banner at the top: a newer version exists and where to get it."""
        if not notice:
            self.banner.setVisible(False)
            return
        where = notice["where_vi"] if lang() == "vi" else notice["where_en"]
        self.banner.setText(t("Đã có phiên bản mới {latest} (máy đang dùng {installed}). "
                              "Cách cập nhật: {where}",
                              "A newer version {latest} exists (this station runs {installed}). "
                              "How to update: {where}").format(
            latest=notice["latest"], installed=notice["installed"], where=where or "—"))
        self.banner.setVisible(True)


def _short(text: str, most: int = 40) -> str:
    """Keep the strip on one line at 1366 px whatever the station is called."""
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


def device_summary(status: dict[str, Any]) -> str:
    def sign(kind: str) -> str:
        state = status.get(kind, {}).get("state", "none")
        return {"ready": "✓", "absent": "✗", "restarted": "↻"}.get(state, "–")

    return t("Máy ảnh {c} · Máy quét {s}", "Camera {c} · Scanner {s}").format(
        c=sign("camera"), s=sign("scanner"))


def limit_text(lim: dict[str, Any]) -> str:
    """The nearest operating limit in a few words: '3 ngày tới hạn đồng bộ'."""
    n = f"{lim['left']:.0f}"
    if lim["level"] == "red":
        return {"days_since_sync": t("⚠ Đã quá hạn đồng bộ", "⚠ Sync overdue"),
                "pending_approvals": t("⚠ Quá nhiều hồ sơ chờ duyệt", "⚠ Too many to approve"),
                "oldest_pending_days": t("⚠ Hồ sơ chờ duyệt quá lâu", "⚠ Approvals overdue"),
                "undelivered": t("⚠ Quá nhiều gói chưa gửi", "⚠ Too many undelivered"),
                "days_since_update": t("⚠ Đã quá hạn cập nhật", "⚠ Update overdue"),
                }.get(lim["name"], lim["name"])
    texts = {
        "days_since_sync": t("{n} ngày tới hạn đồng bộ", "{n} days until sync is due"),
        "pending_approvals": t("còn {n} hồ sơ tới hạn chờ duyệt",
                               "{n} records to the approval limit"),
        "oldest_pending_days": t("{n} ngày tới hạn duyệt", "{n} days until approval is due"),
        "undelivered": t("còn {n} gói tới hạn chưa gửi", "{n} packets to the delivery limit"),
        "days_since_update": t("{n} ngày tới hạn cập nhật", "{n} days until update is due"),
    }
    return texts.get(lim["name"], lim["name"]).format(n=n)
