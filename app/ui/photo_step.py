"""The live photo step: camera preview with a framing guide, the photo checks as they stand,
automatic capture when every check passes, a capture button that forces the best frame, Retake.

The camera, the analysis and the crop run in app.services.portrait_live on their own threads;
their callbacks reach this widget only as queued Qt signals. A preview frame arrives already
shrunk and in Qt's RGB32 layout, so showing one costs a wrap and a paint, never a conversion.
The camera is open only while the step is on screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.capture import DeviceSource
from app.services.packaging import FACE_BLOB
from app.services.portrait_live import LiveCapture, LiveCheck, LiveFrame, PortraitLive
from app.ui import operations
from app.ui.enroll_steps import POLICY_TEXT
from app.ui.i18n import t, t_pair
from app.ui.record_view import show_image

PASS, FAIL, WAIT = QColor("#1e8e3e"), QColor("#e0a000"), QColor("#ffffff")


def check_labels() -> dict[str, str]:
    """What each photo check is called on screen (devices/portrait CHECK_NAMES)."""
    return {"face_count": t("Một khuôn mặt", "One face"),
            "face_size": t("Cỡ khuôn mặt", "Face size"),
            "centring": t("Ở giữa khung", "Centred"),
            "roll": t("Đầu thẳng", "Head level"),
            "eye_distance": t("Đủ gần camera", "Close enough"),
            "sharpness": t("Độ nét", "Sharpness"),
            "exposure": t("Độ sáng", "Exposure"),
            "contrast": t("Độ tương phản", "Contrast"),
            "background": t("Phông nền sáng, trơn", "Plain light background")}


class _Bridge(QObject):
    """Lives on the GUI thread: service callbacks become queued signals here."""

    frame = Signal(object)
    captured = Signal(object)
    problem = Signal(object)


class LivePreview(QWidget):
    """The newest frame, scaled to fit, with the head oval to frame the person in."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("live_preview")
        self.image: QImage | None = None
        self.box: tuple[float, float, float, float] | None = None
        self.state = WAIT
        self.caption = ""
        self.setMinimumSize(400, 225)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(560, 315)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.setFixedHeight(self.width() * 9 // 16)  # the camera's 16:9, no empty bands

    def show_frame(self, live: LiveFrame) -> None:
        p = live.preview  # BGRA bytes are RGB32 on little-endian: wrapped, not converted
        self.image = QImage(p.data, p.shape[1], p.shape[0], p.strides[0],
                            QImage.Format.Format_RGB32)
        self._keep = p  # the QImage borrows the array's memory
        self.box = live.face_box
        self.state = PASS if live.passed else (FAIL if live.checks else WAIT)
        self.update()

    def clear(self, caption: str) -> None:
        self.image, self.box, self.state, self.caption = None, None, WAIT, caption
        self.update()

    def target(self) -> QRectF:
        """Where the frame is drawn: as large as fits, centred, its aspect kept."""
        iw, ih = (self.image.width(), self.image.height()) if self.image else (16, 9)
        s = min(self.width() / iw, self.height() / ih)
        return QRectF((self.width() - iw * s) / 2, (self.height() - ih * s) / 2, iw * s, ih * s)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#1f2a36"))
        r = self.target()
        if self.image is not None:
            p.drawImage(r, self.image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Head oval: where the checks want the face (centred, eyes a little above the middle).
        oh = r.height() * 0.56
        ow = oh * 0.74
        p.setPen(QPen(self.state, 3, Qt.PenStyle.DashLine))
        p.drawEllipse(QRectF(r.center().x() - ow / 2, r.top() + r.height() * 0.17, ow, oh))
        if self.box is not None:
            x, y, w, h = self.box
            p.setPen(QPen(self.state, 2))
            p.drawRect(QRectF(r.left() + x * r.width(), r.top() + y * r.height(),
                              w * r.width(), h * r.height()))
        if self.caption:
            p.setPen(QColor("#ffffff"))
            band = QRectF(r.left(), r.bottom() - 36, r.width(), 36)
            p.fillRect(band, QColor(0, 0, 0, 150))
            p.drawText(band, Qt.AlignmentFlag.AlignCenter, self.caption)
        p.end()


class PhotoStep(QWidget):
    """Step 3: same face as CaptureStep's photo mode: `captured(blobs, capture)`,
    `set_policy(policy)`, `show_result(capture, blobs)`."""

    captured = Signal(object, object)

    def __init__(self, devices: DeviceSource | None = None, **live: Any) -> None:
        """`live`: PortraitLive options (tests pass an in-process analyser, passes_needed)."""
        super().__init__()
        self.devices = devices or DeviceSource()
        self.policy_code = "full"
        self.has_photo = False
        self._frame_pending = False
        self.frames_shown = 0
        self._checks: tuple[LiveCheck, ...] | None = None
        self._problem: BaseException | None = None
        self.bridge = _Bridge(self)
        self.bridge.frame.connect(self._on_frame)
        self.bridge.captured.connect(self._on_captured)
        self.bridge.problem.connect(self._on_problem)
        self.service = PortraitLive(self.devices.camera, on_frame=self._frame_from_service,
                                    on_captured=self.bridge.captured.emit,
                                    on_problem=self.bridge.problem.emit, **live)
        svc = self.service
        self.destroyed.connect(lambda *_: svc.close())
        head = QLabel(t("Bước 3: Ảnh chân dung", "Step 3: Face photo"))
        head.setObjectName("title")
        self.policy = QLabel("")
        self.policy.setObjectName("policy")
        self.policy.setWordWrap(True)
        self.preview = LivePreview()
        self.portrait = QLabel()
        self.portrait.setObjectName("portrait")
        self.portrait.setFixedSize(200, 300)
        self.portrait.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.portrait.setWordWrap(True)
        self.portrait.setStyleSheet("border: 1px solid #c8d0d8; background: #f4f6f8;")
        self.status = QLabel("")
        self.status.setObjectName("capture_status")
        self.status.setWordWrap(True)
        self.capture_button = QPushButton(t("Chụp ngay  (Ctrl+K)", "Capture now  (Ctrl+K)"))
        self.capture_button.setObjectName("capture_photo")
        self.capture_button.clicked.connect(self.capture_now)
        self.retake_button = QPushButton(t("Chụp lại  (Ctrl+Shift+K)",
                                           "Retake  (Ctrl+Shift+K)"))
        self.retake_button.setObjectName("retake_photo")
        self.retake_button.clicked.connect(self.retake)
        QShortcut(QKeySequence("Ctrl+K"), self, activated=self.capture_now)
        QShortcut(QKeySequence("Ctrl+Shift+K"), self, activated=self.retake)
        checks_title = QLabel(t("Kiểm tra ảnh", "Photo checks"))
        checks_title.setStyleSheet("font-weight: bold;")
        self.check_rows: dict[str, tuple[QLabel, QLabel]] = {}
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        for i, (name, label) in enumerate(check_labels().items()):
            mark, text = QLabel("·"), QLabel(label)
            mark.setObjectName(f"mark_{name}")
            text.setObjectName(f"check_{name}")
            text.setWordWrap(True)
            mark.setAlignment(Qt.AlignmentFlag.AlignTop)
            grid.addWidget(mark, i, 0)
            grid.addWidget(text, i, 1)
            self.check_rows[name] = (mark, text)
        grid.setColumnStretch(1, 1)
        checks = QWidget()
        checks.setObjectName("photo_checks")
        checks.setFixedWidth(330)
        cl = QVBoxLayout(checks)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(checks_title)
        cl.addLayout(grid)
        cl.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.preview)
        buttons = QHBoxLayout()
        buttons.addWidget(self.capture_button)
        buttons.addWidget(self.retake_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addStretch(1)
        crop = QVBoxLayout()
        crop.addWidget(QLabel(t("Ảnh đã chụp", "Photo taken")))
        crop.addWidget(self.portrait)
        crop.addWidget(self.status)
        crop.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(crop)
        body.addWidget(checks)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.policy)
        lay.addLayout(body, 1)
        self.set_policy("full")
        self.show_result({}, {})

    # -- the CaptureStep interface --------------------------------------------------------------
    def set_policy(self, policy: str) -> None:
        self.policy_code = policy
        self.policy.setText(t_pair(POLICY_TEXT.get(policy, POLICY_TEXT["full"])))
        self._sync_running()

    def show_result(self, capture: dict[str, Any], blobs: dict[str, bytes | None]) -> None:
        """The record's capture metadata and blobs (None: only the name is known)."""
        face = capture.get("face") or {}
        data = blobs.get(FACE_BLOB)
        self.has_photo = FACE_BLOB in blobs
        if data:
            show_image(self.portrait, data)
        else:
            self.portrait.setPixmap(QPixmap())
            self.portrait.setText(t("Đã có ảnh", "Photo taken") if self.has_photo
                                  else t("Chưa có ảnh", "No photo yet"))
        self.service.reset(int(face.get("retries", 0)), taken=self.has_photo)
        if face and self.has_photo:
            text = t("Ảnh đạt {q}/100, chụp lại {r} lần", "Photo {q}/100, {r} retakes").format(
                q=face.get("quality"), r=face.get("retries", 0))
            if face.get("forced"):
                text += t(" — CHỤP ÉP (chưa đạt kiểm tra)", " — FORCED (checks not passed)")
            self.status.setText(text)
        elif self._problem is None:
            self.status.setText("")
        self._buttons()

    # -- live preview -----------------------------------------------------------------------------
    def _should_run(self) -> bool:
        return self.isVisible() and self.policy_code != "none"

    def _sync_running(self) -> None:
        if self._should_run() and not self.service.running:
            self._problem = None
            self.preview.clear(t("Đang mở camera…", "Opening the camera…"))
            self.service.start(taken=self.has_photo)
        elif not self._should_run() and self.service.running:
            self.service.stop(timeout=0)  # the threads finish and close the camera by themselves
        if self.policy_code == "none":
            self.preview.clear(t("Dưới 6 tuổi: không cần ảnh chân dung.",
                                 "Under 6: no photo is needed."))
        self._buttons()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._sync_running()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().hideEvent(event)
        self._sync_running()

    def _frame_from_service(self, live: LiveFrame) -> None:
        """Service thread: pass a frame on only when the last one was shown (never queue up)."""
        if not self._frame_pending:
            self._frame_pending = True
            self.bridge.frame.emit(live)

    def _on_frame(self, live: LiveFrame) -> None:
        self._frame_pending = False
        if not self.service.running:
            return
        self.frames_shown += 1
        self.preview.caption = self._caption(live)
        self.preview.show_frame(live)
        if live.checks != self._checks:
            self._checks = live.checks
            self._show_checks(live.checks)

    def _caption(self, live: LiveFrame) -> str:
        if live.taken:
            return t("Đã chụp. Bấm Chụp lại nếu cần.", "Taken. Press Retake if needed.")
        if not live.checks:
            return t("Đang kiểm tra ảnh…", "Checking the photo…")
        if live.passed:
            return t("Giữ yên… tự chụp khi đạt", "Hold still… capturing when it passes")
        first = next(c for c in live.checks if not c.passed)
        return t_pair((first.vi, first.en))

    def _show_checks(self, checks: tuple[LiveCheck, ...]) -> None:
        labels = check_labels()
        by_name = {c.name: c for c in checks}
        for name, (mark, text) in self.check_rows.items():
            c = by_name.get(name)
            if c is None:
                mark.setText("·")
                mark.setStyleSheet("")
                text.setText(labels[name])
                continue
            mark.setText("✓" if c.passed else "✗")
            mark.setStyleSheet("color: #1e8e3e; font-weight: bold;" if c.passed
                               else "color: #b00020; font-weight: bold;")
            text.setText(labels[name] if c.passed else labels[name] + ": " + t_pair((c.vi, c.en)))

    # -- capture ------------------------------------------------------------------------------
    def capture_now(self) -> None:
        if not self.isVisible() or self.policy_code == "none" or self.has_photo:
            return
        if self.service.capture_now():
            self.status.setText(t("Đang chụp…", "Capturing…"))
            self.capture_button.setEnabled(False)

    def retake(self) -> None:
        if not self.isVisible() or not self.has_photo:
            return
        self.service.retake()
        self.has_photo = False  # the old photo stays in the draft until a new one replaces it
        self.status.setText(t("Chụp lại: đưa khuôn mặt vào khung.",
                              "Retake: frame the face in the oval."))
        self._buttons()

    def _on_captured(self, result: LiveCapture) -> None:
        self.has_photo = True
        self._buttons()
        self.captured.emit(dict(result.blobs), dict(result.capture))

    def _on_problem(self, problem: BaseException | None) -> None:
        self._problem = problem
        if problem is None:
            self.status.setText("")
        else:
            self.status.setText(operations.describe(problem))
            self.preview.clear(t("Camera không có hình", "No picture from the camera"))
        self._buttons()

    def _buttons(self) -> None:
        live = self.service.running and self.policy_code != "none" and self._problem is None
        self.capture_button.setEnabled(live and not self.has_photo)
        self.retake_button.setEnabled(live and self.has_photo)
