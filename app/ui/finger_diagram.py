"""Drawn parts of the fingerprint step: two hands coloured by finger state, the NFIQ 2 bar, and
the exception dialog. Painting only reads plain dicts, so an event costs a dict write + update().
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from app.services.finger_live import EXCEPTION_REASONS
from app.ui.finger_names import FINGERS
from app.ui.i18n import mark, t, t_pair

COLOURS = {"todo": "#d9dee4", "current": "#2f80ed", "good": "#2e9d57", "forced": "#e0a100",
           "failed": "#d64545", "exception": "#8a6fb0"}


def state_names() -> dict[str, str]:
    return {"todo": t("Chưa lấy", "To do"), "current": t("Đang lấy", "Current"),
            "good": t("Đạt", "Good"), "forced": t("Ép (dưới ngưỡng)", "Forced"),
            "failed": t("Không đạt", "Failed"), "exception": t("Ngoại lệ", "Exception")}


# Finger layout per hand as seen from above, palms down: (position, x offset, length, width).
_RIGHT = [(1, -0.46, 0.55, 0.17), (2, -0.25, 0.85, 0.15), (3, -0.07, 0.95, 0.15),
          (4, 0.11, 0.85, 0.15), (5, 0.28, 0.65, 0.13)]
_LEFT = [(6, 0.46, 0.55, 0.17), (7, 0.25, 0.85, 0.15), (8, 0.07, 0.95, 0.15),
         (9, -0.11, 0.85, 0.15), (10, -0.28, 0.65, 0.13)]
SLAP_LABELS = {13: mark("4 ngón phải", "Right four"), 14: mark("4 ngón trái", "Left four"),
               15: mark("2 ngón cái", "Thumbs")}


class HandDiagram(QWidget):
    """Left hand on the left, right hand on the right (as the officer faces the screen)."""

    def __init__(self) -> None:
        super().__init__()
        self.states: dict[int, str] = dict.fromkeys(range(1, 16), "todo")
        self.quality: dict[int, int | None] = {}
        self.current: set[int] = set()
        self.setMinimumSize(480, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setObjectName("hand_diagram")

    def finger_colour(self, pos: int) -> str:
        return COLOURS["current"] if pos in self.current else COLOURS[self.states[pos]]

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        chips = 34
        size = min(w / 2.3, (h - chips - 10) / 1.25)
        for cx, fingers, title in ((w * 0.27, _LEFT, t("Tay trái", "Left hand")),
                                   (w * 0.73, _RIGHT, t("Tay phải", "Right hand"))):
            self._hand(p, QPointF(cx, 8 + size * 1.2), size, fingers, title)
        self._chips(p, QRectF(0, h - chips, w, chips - 4))
        p.end()

    def _hand(self, p: QPainter, base: QPointF, size: float, fingers: list, title: str) -> None:
        palm = QRectF(base.x() - size * 0.36, base.y() - size * 0.55, size * 0.72, size * 0.55)
        p.setPen(QPen(QColor("#9aa5b1"), 1.5))
        p.setBrush(QColor("#f4f6f8"))
        p.drawRoundedRect(palm, size * 0.12, size * 0.12)
        p.setPen(QColor("#52606d"))
        p.drawText(palm, Qt.AlignmentFlag.AlignCenter, title)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        for pos, dx, length, width in fingers:
            thumb = pos in (1, 6)
            fw, fl = size * width, size * length * 0.55
            x = base.x() + dx * size - fw / 2
            y = (palm.top() + size * 0.22 - fl) if thumb else (palm.top() - fl + size * 0.05)
            rect = QRectF(x, y, fw, fl)
            path = QPainterPath()
            path.addRoundedRect(rect, fw / 2, fw / 2)
            colour = QColor(self.finger_colour(pos))
            p.setPen(QPen(QColor("#1f2933") if pos in self.current else QColor("#7b8794"),
                          3 if pos in self.current else 1.2))
            p.setBrush(colour)
            p.drawPath(path)
            state = self.states[pos]
            if state == "exception":
                p.setPen(QPen(QColor("#ffffff"), 2))
                p.drawLine(rect.topLeft() + QPointF(4, 8), rect.bottomRight() - QPointF(4, 8))
            p.setFont(small)
            p.setPen(QColor("#1f2933"))
            q = self.quality.get(pos)
            label = str(q) if q is not None and state in ("good", "forced") else str(pos)
            p.drawText(QRectF(rect.left() - 10, rect.top() - 20, rect.width() + 20, 18),
                       Qt.AlignmentFlag.AlignCenter, label)
            if state == "forced":  # the forced flag, per finger
                flag = QFont(self.font())
                flag.setBold(True)
                flag.setPointSizeF(self.font().pointSizeF() * 1.6)
                p.setFont(flag)
                p.setPen(QColor("#ffffff"))
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "!")
            p.setFont(self.font())

    def _chips(self, p: QPainter, area: QRectF) -> None:
        gap = 8
        cw = (area.width() - 4 * gap) / 3
        for i, slap in enumerate((14, 15, 13)):
            r = QRectF(area.left() + gap + i * (cw + gap), area.top(), cw, area.height())
            p.setPen(QPen(QColor("#1f2933"), 2.5) if slap in self.current
                     else QPen(QColor("#7b8794"), 1))
            p.setBrush(QColor(COLOURS["current"] if slap in self.current
                              else COLOURS[self.states[slap]]).lighter(135))
            p.drawRoundedRect(r, 6, 6)
            q = self.quality.get(slap)
            text = t_pair(SLAP_LABELS[slap])
            if q is not None and self.states[slap] in ("good", "forced"):
                text += f"  {q}" + ("  !" if self.states[slap] == "forced" else "")
            p.setPen(QColor("#1f2933"))
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)


class QualityBar(QWidget):
    """NFIQ 2 of the last attempt (0-100) with the acceptance threshold marked."""

    def __init__(self, threshold: int = 40) -> None:
        super().__init__()
        self.value: int | None = None
        self.threshold = threshold
        self.setObjectName("quality_bar")
        self.setMinimumHeight(34)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_value(self, value: int | None) -> None:
        self.value = value
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(1, 1, self.width() - 2, self.height() - 2)
        p.setPen(QPen(QColor("#9aa5b1"), 1))
        p.setBrush(QColor("#eef1f4"))
        p.drawRoundedRect(r, 4, 4)
        if self.value is not None:
            fill = QRectF(r.left(), r.top(), r.width() * max(0, min(100, self.value)) / 100,
                          r.height())
            ok = self.value >= self.threshold
            p.setBrush(QColor(COLOURS["good"] if ok else COLOURS["forced"]))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawRoundedRect(fill, 4, 4)
        x = r.left() + r.width() * self.threshold / 100
        p.setPen(QPen(QColor("#1f2933"), 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
        p.setPen(QColor("#1f2933"))
        text = ("NFIQ 2: —" if self.value is None else f"NFIQ 2: {self.value}/100") + \
            t("   (ngưỡng {n})", "   (threshold {n})").format(n=self.threshold)
        p.drawText(r.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, text)
        p.end()


class ExceptionDialog(QDialog):
    """Which finger cannot be printed and why (keyboard: Tab, arrows, Enter, Esc)."""

    def __init__(self, parent: QWidget, finger: int = 1) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Ngoại lệ vân tay", "Fingerprint exception"))
        self.setObjectName("finger_exception")
        self.finger = QComboBox()
        for pos in range(1, 11):
            self.finger.addItem(f"{pos}. " + t_pair(FINGERS[pos]), pos)
        self.finger.setCurrentIndex(max(0, min(9, finger - 1)))
        self.reason = QComboBox()
        for key, (vi, en) in EXCEPTION_REASONS.items():
            self.reason.addItem(t_pair((vi, en)), key)
        self.note = QLineEdit()
        self.note.setPlaceholderText(t("Ghi chú (không bắt buộc)", "Note (optional)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("Ghi ngoại lệ", "Record"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("Huỷ", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(t("&Ngón:", "&Finger:"), self.finger)
        form.addRow(t("&Lý do:", "&Reason:"), self.reason)
        form.addRow(t("Ghi &chú:", "N&ote:"), self.note)
        form.addRow(buttons)
        self.finger.setFocus()

    def choice(self) -> tuple[int, str, str]:
        return int(self.finger.currentData()), str(self.reason.currentData()), \
            self.note.text().strip()
