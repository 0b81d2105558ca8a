"""Photo and fingerprint steps: run the capture service off the GUI thread, show what came back.

The station's composition root hands in `capture(policy) -> Biometrics` (blobs by name plus
capture metadata); without one the steps say what will happen here once devices are connected.
Live preview and the per-finger guided flow belong to the device screens that replace this.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui import operations
from app.ui.enroll_steps import POLICY_TEXT
from app.ui.i18n import t
from app.ui.record_view import fill, fit_columns, readonly_table

Capture = Callable[[str], Any]  # policy -> Biometrics (has .blobs and .capture)
FACE = "face.jpg"
FINGERS = {1: ("Ngón cái phải", "R thumb"), 2: ("Ngón trỏ phải", "R index"),
           3: ("Ngón giữa phải", "R middle"), 4: ("Ngón áp út phải", "R ring"),
           5: ("Ngón út phải", "R little"), 6: ("Ngón cái trái", "L thumb"),
           7: ("Ngón trỏ trái", "L index"), 8: ("Ngón giữa trái", "L middle"),
           9: ("Ngón áp út trái", "L ring"), 10: ("Ngón út trái", "L little"),
           13: ("Bốn ngón tay phải", "Right slap"), 14: ("Bốn ngón tay trái", "Left slap"),
           15: ("Hai ngón cái", "Both thumbs")}
ORDER = [13, 14, 15, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]


class CaptureStep(QWidget):
    """One capture step; `captured` carries (blobs, capture metadata) when the service answers."""

    captured = Signal(object, object)

    def __init__(self, kind: str, capture: Capture | None) -> None:
        super().__init__()
        self.kind = kind  # "photo" | "fingerprints"
        self.capture_fn = capture
        self.policy_code = "full"
        head = QLabel(t("Bước 3: Ảnh chân dung", "Step 3: Face photo") if kind == "photo" else
                      t("Bước 4: Vân tay", "Step 4: Fingerprints"))
        head.setObjectName("title")
        self.policy = QLabel("")
        self.policy.setObjectName("policy")
        self.policy.setWordWrap(True)
        self.status = QLabel("")
        self.status.setObjectName("capture_status")
        self.status.setWordWrap(True)
        self.button = QPushButton(t("Thu nhận ảnh và vân tay  (Ctrl+K)",
                                    "Capture photo and prints  (Ctrl+K)"))
        self.button.setObjectName(f"capture_{kind}")
        self.button.setVisible(capture is not None)
        self.button.clicked.connect(self.run)
        QShortcut(QKeySequence("Ctrl+K"), self, activated=self.run)
        self.portrait = QLabel()
        self.portrait.setObjectName("portrait")
        self.portrait.setFixedSize(200, 300)
        self.portrait.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.portrait.setStyleSheet("border: 1px solid #c8d0d8; background: #f4f6f8;")
        self.table = readonly_table([t("Vị trí", "Position"), t("Chất lượng", "Quality"),
                                     t("Lần thử", "Retries"), t("Ghi chú", "Note")])
        self.table.setObjectName("finger_table")
        fit_columns(self.table, (3,))
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.policy)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.status, 1)
        lay.addLayout(row)
        if kind == "photo":
            lay.addWidget(self.portrait)
            self.table.hide()
        else:
            self.portrait.hide()
            lay.addWidget(self.table, 1)
        if kind == "photo":
            lay.addStretch(1)
        self.set_policy("full")
        self.show_result({}, {})

    def set_policy(self, policy: str) -> None:
        self.policy_code = policy
        vi, en = POLICY_TEXT.get(policy, POLICY_TEXT["full"])
        self.policy.setText(t(vi, en))

    def run(self) -> None:
        if self.capture_fn is None or not self.button.isEnabled() or not self.isVisible():
            return
        self.button.setEnabled(False)
        self.status.setText(t("Đang thu nhận… làm theo hướng dẫn trên thiết bị.",
                              "Capturing… follow the device's prompts."))
        fn, policy = self.capture_fn, self.policy_code
        operations.run(lambda: fn(policy), self._done, self._failed, self)

    def _done(self, bio: Any) -> None:
        self.button.setEnabled(True)
        self.captured.emit(dict(bio.blobs), dict(bio.capture))

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.status.setText(operations.describe(exc))

    def show_result(self, capture: dict[str, Any], blobs: dict[str, bytes | None]) -> None:
        """`blobs` maps names to bytes (or None when only the name is known, after resume)."""
        if self.kind == "photo":
            face = capture.get("face")
            data = blobs.get(FACE)
            if data:
                pix = QPixmap()
                pix.loadFromData(data)
                self.portrait.setPixmap(pix.scaled(self.portrait.size(),
                                                   Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))
            else:
                self.portrait.setText(t("Đã có ảnh" if FACE in blobs else "Chưa có ảnh",
                                        "Photo taken" if FACE in blobs else "No photo yet"))
            if face:
                self.status.setText(t(f"Ảnh đạt {face.get('quality')}/100, thử "
                                      f"{face.get('retries', 0)} lần", f"Photo "
                                      f"{face.get('quality')}/100, {face.get('retries', 0)} "
                                      "retries") + (t(" — CHỤP ÉP", " — FORCED")
                                                    if face.get("forced") else ""))
            elif self.capture_fn is None:
                self.status.setText(t("Camera chưa được kết nối trong phiên bản này.",
                                      "No camera is connected in this version."))
            return
        fingers = {int(f["position"]): f for f in capture.get("fingers") or []}
        rows = []
        for pos in ORDER:
            f = fingers.get(pos)
            name = t(*FINGERS[pos])
            if f is None:
                rows.append([name, "—", "", t("chưa thu nhận", "not taken")])
                continue
            note = [t("ép", "forced")] if f.get("forced") else []
            if f.get("exception"):
                note.append(t("ngoại lệ: ", "exception: ") + str(f["exception"]))
            rows.append([name, str(f.get("quality", "")), str(f.get("retries", 0)),
                         ", ".join(note) or t("đạt", "ok")])
        fill(self.table, rows)
        if fingers:
            self.status.setText(t(f"Đã thu nhận {len(fingers)} vị trí.",
                                  f"{len(fingers)} positions taken."))
        elif self.capture_fn is None:
            self.status.setText(t("Máy quét vân tay chưa được kết nối trong phiên bản này.",
                                  "No fingerprint scanner is connected in this version."))
        else:
            self.status.setText("")
