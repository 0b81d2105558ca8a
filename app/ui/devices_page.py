"""Devices and settings: find the camera and scanners, test them, choose the ones to use; the
station's language, capture policy and operating limits (the admin edits, others read).

Every device or file operation runs off the GUI thread with a busy bar; the device manager's
state changes arrive from its threads through a signal (`state_changed`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import settings as settings_service
from app.services.limits import DEFAULTS as LIMIT_DEFAULTS
from app.services.limits import LABELS as LIMIT_LABELS
from app.services.station import Session
from app.services.station_devices import StationDevices
from app.ui import operations
from app.ui.i18n import lang, t


def kind_name(kind: str) -> str:
    return t("Máy ảnh", "Camera") if kind == "camera" else t("Máy quét vân tay", "Scanner")


def state_name(state: str) -> str:
    return {"ready": t("sẵn sàng", "ready"), "absent": t("không thấy", "absent"),
            "restarted": t("vừa khởi động lại", "restarted"),
            "none": t("chưa chọn", "not chosen")}.get(state, state)


def connection_name(found: dict[str, Any]) -> str:
    """How a discovered device is attached, and whether discovery could confirm it."""
    kind = str(found.get("kind", ""))
    name = {"serial": t("cổng nối tiếp", "serial port"), "sbi": t("dịch vụ SBI", "SBI service"),
            "simulated": t("mô phỏng", "simulated"), "camera": t("máy ảnh USB", "USB camera"),
            }.get(kind, kind)
    if kind == "camera" and found.get("spec") == "simulated":
        name = t("mô phỏng", "simulated")
    if found.get("verified") is False:
        name += t(" (chưa xác minh)", " (not verified)")
    return name


def _test_detail(result: dict[str, Any]) -> str:
    """One line from a scanner's checks or a camera's frame test."""
    if "checks" in result:
        bad = [c for c in result["checks"] if not c.get("ok")]
        shown = bad or result["checks"]
        return "; ".join(f"{c['name']}: {c.get('note', '')}" for c in shown)
    if result.get("error"):
        return str(result["error"])
    return t("{n} khung hình {w}×{h}", "{n} frames {w}×{h}").format(
        n=result.get("frames", 0), w=result.get("width", 0), h=result.get("height", 0))


class DeviceEvents(QObject):
    """Carries the manager's on_state calls (any thread) to the GUI thread."""

    state_changed = Signal(str, str, object)


class DevicesPage(QWidget):
    """Discovered devices with test and choose, self-test results, and station settings."""

    chosen = Signal(str, str)  # kind, spec: the capture screens' DeviceSource now uses it
    settings_saved = Signal(object)  # Settings: the dashboard and strip take the new limits

    def __init__(self, session: Session, devices: StationDevices,
                 events: DeviceEvents | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.devices = devices
        self.events = events or DeviceEvents(self)
        self.events.state_changed.connect(self._on_state)
        self.found: list[dict[str, Any]] = []
        self.results: list[dict[str, Any]] = []
        self.status: dict[str, Any] = {}
        self._busy = 0
        title = QLabel(t("Thiết bị và thiết lập", "Devices and settings"))
        title.setObjectName("title")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._devices_tab(), t("Các thiết bị", "Devices"))
        self.tabs.addTab(self._settings_tab(), t("Thiết lập", "Settings"))
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(self.tabs, 1)
        self.refresh_state()
        self.load_settings()

    # ---- devices tab --------------------------------------------------------------------
    def _devices_tab(self) -> QWidget:
        w = QWidget()
        self.camera_state = QLabel()
        self.scanner_state = QLabel()
        states = QHBoxLayout()
        states.addWidget(self.camera_state)
        states.addSpacing(30)
        states.addWidget(self.scanner_state)
        states.addStretch(1)
        self.find_btn = QPushButton(t("Tìm thiết bị", "Find devices"))
        self.find_btn.clicked.connect(self.discover)
        self.test_btn = QPushButton(t("Kiểm tra thiết bị đã chọn", "Test the selected device"))
        self.test_btn.clicked.connect(self.test_selected)
        self.use_btn = QPushButton(t("Dùng thiết bị này", "Use this device"))
        self.use_btn.clicked.connect(self.use_selected)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("hint")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.find_btn, self.test_btn, self.use_btn):
            buttons.addWidget(b)
        buttons.addWidget(self.busy_bar)
        buttons.addStretch(1)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([t("Loại", "Kind"), t("Thiết bị", "Device"),
                                              t("Kiểu kết nối", "Connection"),
                                              t("Đang dùng", "In use")])
        self._table_setup(self.table)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.result_table = QTableWidget(0, 4)
        self.result_table.setHorizontalHeaderLabels([t("Thiết bị", "Device"),
                                                     t("Kết quả", "Result"),
                                                     t("Chi tiết", "Details"),
                                                     t("Thời gian (giây)", "Time (s)")])
        self._table_setup(self.result_table)
        lay = QVBoxLayout(w)
        lay.addLayout(states)
        lay.addLayout(buttons)
        lay.addWidget(self.message)
        lay.addWidget(self.table, 3)
        lay.addWidget(QLabel(t("Kết quả tự kiểm tra", "Self-test results")))
        lay.addWidget(self.result_table, 2)
        self._update_buttons()
        return w

    @staticmethod
    def _table_setup(table: QTableWidget) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _run(self, fn: Any, done: Any, doing: str) -> None:
        self._busy += 1
        self.busy_bar.setVisible(True)
        self.message.setText(doing)
        self._update_buttons()

        def finish(result: Any) -> None:
            self._end()
            done(result)

        def fail(exc: BaseException) -> None:
            self._end()
            self.message.setText(operations.describe(exc))

        operations.run(fn, finish, fail, self)

    def _end(self) -> None:
        self._busy -= 1
        self.busy_bar.setVisible(self._busy > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        picked = self.selected() is not None
        self.find_btn.setEnabled(self._busy == 0)
        self.test_btn.setEnabled(self._busy == 0 and picked)
        self.use_btn.setEnabled(self._busy == 0 and picked)

    def discover(self) -> None:
        self._run(self.devices.discover, self._show_found,
                  t("Đang tìm máy ảnh và máy quét…", "Looking for cameras and scanners…"))

    def _show_found(self, found: list[dict[str, Any]]) -> None:
        self.found = sorted(found, key=lambda d: (d["device"], d["spec"]))
        self.message.setText(t("Tìm thấy {n} thiết bị.", "{n} device(s) found.").format(
            n=len(self.found)))
        self._fill_found()

    def _fill_found(self) -> None:
        self.table.setRowCount(len(self.found))
        for row, d in enumerate(self.found):
            in_use = self.status.get(d["device"], {}).get("spec") == d["spec"]
            cells = [kind_name(d["device"]), d["spec"], connection_name(d),
                     t("đang dùng", "in use") if in_use else ""]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.found[rows[0].row()] if rows else None

    def test_selected(self) -> None:
        d = self.selected()
        if d is not None:
            self.test(d["device"], d["spec"])

    def test(self, kind: str, spec: str) -> None:
        self._run(lambda: self.devices.self_test(spec, kind), self._show_result,
                  t("Đang kiểm tra {spec}…", "Testing {spec}…").format(spec=spec))

    def _show_result(self, result: dict[str, Any]) -> None:
        self.results.insert(0, result)
        ok = bool(result.get("ok"))
        self.message.setText(t("Kiểm tra xong.", "Test finished."))
        self.result_table.insertRow(0)
        verdict = t("Đạt", "Passed") if ok else t("Không đạt", "Failed")
        cells = [kind_name(str(result.get("device", ""))) + ": " + str(result.get("spec", "")),
                 verdict,
                 _test_detail(result), f"{float(result.get('seconds') or 0):.1f}"]
        for col, text in enumerate(cells):
            self.result_table.setItem(0, col, QTableWidgetItem(text))

    def use_selected(self) -> None:
        d = self.selected()
        if d is not None:
            self.use(d["device"], d["spec"])

    def use(self, kind: str, spec: str | None) -> None:
        def done(status: dict[str, Any]) -> None:
            self._show_status(status)
            self.message.setText(t("Đã chọn {spec}: {state}.", "Chose {spec}: {state}.").format(
                spec=spec, state=state_name(status[kind]["state"])))
            self.chosen.emit(kind, spec or "")

        self._run(lambda: self.devices.choose(self.session, kind, spec), done,
                  t("Đang mở {spec}…", "Opening {spec}…").format(spec=spec))

    def refresh_state(self) -> None:
        operations.run(self.devices.status, self._show_status, lambda _e: None, self)

    def _on_state(self, _kind: str, _state: str, _error: object) -> None:
        self.refresh_state()

    def _show_status(self, status: dict[str, Any]) -> None:
        self.status = status
        for kind, label in (("camera", self.camera_state), ("scanner", self.scanner_state)):
            s = status.get(kind, {})
            label.setText(t("{kind}: {spec} — {state}", "{kind}: {spec} — {state}").format(
                kind=kind_name(kind), spec=s.get("spec") or "—",
                state=state_name(s.get("state", "none"))))
        self._fill_found()

    # ---- settings tab -------------------------------------------------------------------
    def _settings_tab(self) -> QWidget:
        w = QWidget()
        self.editable = settings_service.can_edit(self.session)
        self.lang = QComboBox()
        self.lang.setMinimumWidth(200)
        self.lang.addItem("Tiếng Việt", "vi")
        self.lang.addItem("English", "en")
        self.nfiq = QSpinBox()
        self.nfiq.setRange(*settings_service.NFIQ_RANGE)
        self.retries = QSpinBox()
        self.retries.setRange(*settings_service.RETRIES_RANGE)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(t("Ngôn ngữ (áp dụng khi mở lại)", "Language (applies at next start)"),
                    self.lang)
        form.addRow(t("Ngưỡng chất lượng vân tay NFIQ 2", "Fingerprint NFIQ 2 threshold"),
                    self.nfiq)
        form.addRow(t("Số lần chụp lại tối đa", "Maximum capture retries"), self.retries)
        self.limit_boxes: dict[str, QSpinBox] = {}
        for name in LIMIT_DEFAULTS:
            box = QSpinBox()
            box.setRange(1, 100_000)
            self.limit_boxes[name] = box
            vi, en = LIMIT_LABELS[name]
            form.addRow((vi if lang() == "vi" else en) + t(" (tối đa)", " (max)"), box)
        self.save_btn = QPushButton(t("Lưu thiết lập", "Save settings"))
        self.save_btn.clicked.connect(self.save_settings)
        self.settings_msg = QLabel()
        self.settings_msg.setObjectName("hint")
        self.settings_msg.setWordWrap(True)
        for widget in (self.lang, self.nfiq, self.retries, self.save_btn,
                       *self.limit_boxes.values()):
            widget.setEnabled(self.editable)
        if not self.editable:
            self.settings_msg.setText(t("Chỉ quản trị viên được thay đổi các thiết lập này.",
                                        "Only the admin may change these settings."))
        lay = QVBoxLayout(w)
        lay.addLayout(form)
        lay.addWidget(self.save_btn)
        lay.addWidget(self.settings_msg)
        lay.addStretch(1)
        return w

    def load_settings(self) -> None:
        data_dir = self.session.station.store.data_dir
        operations.run(lambda: settings_service.load(data_dir), self._show_settings,
                       lambda e: self.settings_msg.setText(operations.describe(e)), self)

    def _show_settings(self, s: settings_service.Settings) -> None:
        self.lang.setCurrentIndex(max(0, self.lang.findData(s.lang)))
        self.nfiq.setValue(s.nfiq_threshold)
        self.retries.setValue(s.max_retries)
        for name, value in s.maxima().items():
            self.limit_boxes[name].setValue(int(value))

    def save_settings(self) -> None:
        changes = {"lang": self.lang.currentData(), "nfiq_threshold": self.nfiq.value(),
                   "max_retries": self.retries.value(),
                   "limits": {n: b.value() for n, b in self.limit_boxes.items()
                              if b.value() != LIMIT_DEFAULTS[n]}}
        def saved(s: settings_service.Settings) -> None:
            self.settings_msg.setText(t("Đã lưu thiết lập.", "Settings saved."))
            self.settings_saved.emit(s)

        operations.run(lambda: settings_service.update(self.session, **changes), saved,
                       lambda e: self.settings_msg.setText(operations.describe(e)), self)
