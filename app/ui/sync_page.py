"""Sync centre: every packet's state and progress, last contact, 'sync now', USB export/import.

All service calls run off the GUI thread (operations.run); the upload progress callback and the
background SyncWorker's reports are turned into Qt signals so widgets are only touched here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import outbox, sync, sync_view
from app.services.station import Session
from app.ui import operations
from app.ui.i18n import mark, t, t_pair

STATES = {
    "queued": mark("Chờ gửi", "Queued"), "uploading": mark("Đang gửi", "Uploading"),
    "delivered": mark("Đã gửi (có biên nhận)", "Delivered (receipt)"),
    "accepted": mark("Trung tâm đã chấp nhận", "Accepted by centre"),
    "returned": mark("Bị trả lại", "Returned"), "approved": mark("Đã duyệt", "Approved"),
}
RETURNED_BG = QColor("#fde2e1")
OFFLINE = mark("Chưa có kết nối: dữ liệu vẫn an toàn trên máy, sẽ tự gửi khi có mạng.",
               "No connection: the data is safe on this laptop and will be sent when online.")


def _state_text(state: str) -> str:
    return t_pair(STATES.get(state, (state, state)))


def _kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB".replace(",", ".")


class _Bridge(QObject):
    """Carries worker-thread callbacks to the GUI thread as queued signals."""
    progress = Signal(int, int)
    report = Signal(object)


class SyncPage(QWidget):
    """`worker_factory(session, on_report) -> SyncWorker-like` runs background sync (None: off)."""

    synced = Signal(object)  # the last report, for the status strip
    exported = Signal(object)
    imported = Signal(object)

    def __init__(self, session: Session,
                 worker_factory: Callable[[Session, Callable[[dict[str, Any]], None]], Any]
                 | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.busy = False
        self.last_report: dict[str, Any] | None = None
        self._bridge = _Bridge(self)
        self._bridge.progress.connect(self._on_progress)
        self._bridge.report.connect(self._on_report)
        self._build()
        self.worker = worker_factory(session, self._bridge.report.emit) if worker_factory \
            else None
        if self.worker is not None:
            self.worker.start()
        self.refresh()

    # ---- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(t("Đồng bộ với trung tâm", "Sync with the centre"))
        title.setObjectName("title")
        self.contact = QLabel()
        self.contact.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("hint")
        self.overall = QProgressBar()
        self.overall.setFormat(t("%v / %m gói đã gửi", "%v / %m packets delivered"))
        self.current = QProgressBar()
        self.current.setVisible(False)
        self.sync_btn = QPushButton(t("Đồng bộ ngay (Ctrl+Enter)", "Sync now (Ctrl+Enter)"))
        self.sync_btn.clicked.connect(self.sync_now)
        keys = ("Ctrl+Return", "Ctrl+Enter")
        self.shortcuts = [QShortcut(QKeySequence(seq), self) for seq in keys]
        for sc in self.shortcuts:
            sc.activated.connect(self.sync_now)
        self.export_btn = QPushButton(t("Xuất ra USB…", "Export to USB…"))
        self.export_btn.clicked.connect(self._choose_export)
        self.import_btn = QPushButton(t("Nhập lô từ USB…", "Import a USB batch…"))
        self.import_btn.clicked.connect(self._choose_import)
        self.usb = QLabel()
        self.usb.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.sync_btn, self.export_btn, self.import_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([
            t("Mã gói", "Packet"), t("Trạng thái", "State"), t("Tiến độ", "Progress"),
            t("Ghi chú của trung tâm / lỗi", "Centre's note / error")])
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, 230)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        lay = QVBoxLayout(self)
        for w in (title, self.contact, self.message, self.overall, self.current):
            lay.addWidget(w)
        lay.addLayout(buttons)
        lay.addWidget(self.usb)
        lay.addWidget(self.table, 1)

    # ---- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        operations.run(lambda: (sync_view.packets(self.session),
                                sync_view.contact(self.session)),
                       self._show, self._fail, self)

    def _show(self, got: tuple[list[dict[str, Any]], dict[str, Any]]) -> None:
        rows, contact = got
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            self._fill(i, r)
        done = sum(1 for r in rows if r["delivered"])
        self.overall.setRange(0, max(1, len(rows)))
        self.overall.setValue(done)
        self._show_contact(contact)
        self.refreshed = True

    def _fill(self, i: int, r: dict[str, Any]) -> None:
        state = r["state"]
        bar = QProgressBar()
        bar.setRange(0, max(1, r["size"]))
        offset = r["size"] if r["delivered"] else (r["offset"] or 0)
        bar.setValue(offset)
        bar.setFormat(f"{_kb(offset)} / {_kb(r['size'])}")
        note = r["centre_reason"] or ""
        if not note and r["last_error"] and not r["delivered"]:
            note = t("Lần thử {n}: sẽ thử lại tự động",
                     "Attempt {n}: will retry automatically").format(n=r["attempts"])
        if not note and r["exported_to"] and not r["delivered"]:
            note = t("Đã xuất ra USB", "Exported to USB")
        items = [QTableWidgetItem(r["record_id"][:12]), QTableWidgetItem(_state_text(state)),
                 None, QTableWidgetItem(note)]
        for col, item in enumerate(items):
            if item is None:
                continue
            item.setData(Qt.ItemDataRole.UserRole, r["record_id"])
            if state == "returned":
                item.setBackground(QBrush(RETURNED_BG))
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.table.setItem(i, col, item)
        self.table.setCellWidget(i, 2, bar)

    def _show_contact(self, c: dict[str, Any]) -> None:
        if not c["registered"]:
            self.contact.setText(t("Trạm chưa đăng ký với trung tâm: dùng xuất USB.",
                                   "Not registered with the centre: use USB export."))
            return
        last = (c["last_contact"] or "").replace("T", " ")[:16] or t("chưa lần nào", "never")
        text = t("Lần liên lạc cuối: {last} (UTC)", "Last contact: {last} (UTC)").format(last=last)
        off = c["clock_offset_s"]
        if off is not None:
            text += t(" · lệch đồng hồ {s:+.0f} giây", " · clock offset {s:+.0f} s").format(s=off)
            if abs(off) > 300:
                text += t(" — hãy chỉnh lại giờ máy", " — please set the laptop's clock")
        self.contact.setText(text)

    def state_of(self, record_id: str) -> str | None:
        for r in getattr(self, "rows", []):
            if r["record_id"] == record_id:
                return r["state"]
        return None

    def row_is_highlighted(self, record_id: str) -> bool:
        for i in range(self.table.rowCount()):
            item = self.table.item(i, 0)
            if item and item.data(Qt.ItemDataRole.UserRole) == record_id:
                return item.background().color() == RETURNED_BG
        return False

    # ---- sync now -----------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.busy:
            return
        self._set_busy(True)
        self.message.setText(t("Đang đồng bộ…", "Syncing…"))
        self.current.setVisible(True)
        self.current.setRange(0, 0)
        emit = self._bridge.progress.emit
        operations.run(lambda: sync.sync_now(self.session, progress=lambda a, b: emit(a, b)),
                       self._on_report, self._fail, self)

    def _on_progress(self, sent: int, total: int) -> None:
        self.current.setRange(0, max(1, total))
        self.current.setValue(sent)
        self.current.setFormat(t("Gói hiện tại: {sent} / {total}",
                                 "Current packet: {sent} / {total}").format(
                                     sent=_kb(sent), total=_kb(total)))

    def _on_report(self, report: dict[str, Any]) -> None:
        self._set_busy(False)
        self.current.setVisible(False)
        self.last_report = report
        self.message.setText(self.describe(report))
        self.synced.emit(report)
        self.refresh()

    @staticmethod
    def describe(report: dict[str, Any]) -> str:
        pending = report.get("pending", 0)
        if not report.get("online"):
            return t_pair(OFFLINE) + t(" Còn {n} gói chờ gửi.",
                                       " {n} packet(s) waiting.").format(n=pending)
        sent = len(report.get("delivered", [])) + len(report.get("already_held", []))
        text = t("Đã gửi {sent} gói, còn {pending} gói chờ.",
                 "Delivered {sent} packet(s), {pending} waiting.").format(
                     sent=sent, pending=pending)
        if report.get("rejected"):
            text += t(" {n} gói bị trung tâm từ chối: báo cho tổ trưởng.",
                      " {n} refused by the centre: tell your supervisor.").format(
                          n=len(report["rejected"]))
        if report.get("stopped_by"):
            text += t(" Kết nối bị ngắt giữa chừng: phần còn lại sẽ gửi tiếp lần sau.",
                      " The link dropped: the rest resumes next time.")
        return text

    def _fail(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.current.setVisible(False)
        self.message.setText(operations.describe(exc))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for b in (self.sync_btn, self.export_btn, self.import_btn):
            b.setEnabled(not busy)

    # ---- USB ----------------------------------------------------------------------------
    def _choose_export(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, t("Chọn thư mục trên USB", "Choose a USB folder"))
        if path:
            self.export_to(Path(path))

    def _choose_import(self) -> None:
        path = QFileDialog.getExistingDirectory(self, t("Chọn thư mục lô", "Choose a batch folder"))
        if path:
            self.import_from(Path(path))

    def export_to(self, folder: Path) -> None:
        """Write undelivered packets and a signed manifest, then show the read-back check."""
        if self.busy:
            return
        self._set_busy(True)
        self.current.setVisible(True)
        self.current.setRange(0, 0)
        self.usb.setText(t("Đang xuất và đọc lại để kiểm tra…", "Exporting and reading back…"))
        operations.run(lambda: outbox.export_to(self.session, folder),
                       self._exported, self._usb_fail, self)

    def _exported(self, report: dict[str, Any]) -> None:
        self._set_busy(False)
        self.current.setVisible(False)
        ok = report.get("verified")
        check = (t("chữ ký và mọi tệp đều đúng", "signature and every file correct") if ok
                 else t("KHÔNG khớp", "MISMATCH"))
        self.usb.setText(t("Đã xuất {n} gói. Đọc lại: {check}.",
                           "Exported {n} packet(s). Read-back: {check}.").format(
                               n=report["count"], check=check))
        self.exported.emit(report)
        self.refresh()

    def import_from(self, folder: Path) -> None:
        """Verify a batch from another station and upload it through this station's link."""
        if self.busy:
            return
        self._set_busy(True)
        self.current.setVisible(True)
        self.current.setRange(0, 0)
        self.usb.setText(t("Đang kiểm tra và gửi lô…", "Checking and sending the batch…"))
        operations.run(lambda: sync.import_batch(self.session, folder),
                       self._imported, self._usb_fail, self)

    def _imported(self, report: dict[str, Any]) -> None:
        self._set_busy(False)
        self.current.setVisible(False)
        self.usb.setText(t(
            "Lô của trạm {station}: gửi {sent}, trung tâm đã có {held}, bị từ chối {refused}.",
            "Batch from {station}: sent {sent}, already held {held}, refused {refused}.").format(
                station=report["origin_station"][:12], sent=len(report["sent"]),
                held=len(report["already_held"]), refused=len(report["refused"])))
        self.imported.emit(report)

    def _usb_fail(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.current.setVisible(False)
        self.usb.setText(operations.describe(exc))

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt name
        if self.worker is not None:
            self.worker.stop()
        super().closeEvent(event)
