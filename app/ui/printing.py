"""CC01 and CC02 as PDF, rendered in memory with Qt's PDF writer (fonts embedded).

Nothing is written to disk here: the PDF comes back as bytes for the print dialog or for a
file the officer explicitly chooses, so no plaintext copy is left behind in a temp folder.
"""

from __future__ import annotations

import html
import io
from typing import Any

import segno
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from app.ui import theme


def _qr_image(text: str) -> QImage:
    buf = io.BytesIO()
    segno.make(text, micro=False, error="m").save(buf, kind="png", scale=6, border=2)
    return QImage.fromData(buf.getvalue())


def _html(form: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td width='42%' style='color:#333'>{html.escape(label)}</td>"
        f"<td><b>{html.escape(value)}</b></td></tr>" for label, value in form["fields"])
    return (f"<p align='center' style='font-size:9pt'>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>"
            f"Độc lập - Tự do - Hạnh phúc</p>"
            f"<h2 align='center'>{html.escape(form['title'])}</h2>"
            f"<p align='right' style='font-size:8pt'>Mẫu {html.escape(form['code'])}</p>"
            f"<table cellspacing='0' cellpadding='3' width='100%' style='font-size:10pt'>"
            f"{rows}</table>"
            f"<p><br/></p><table width='100%'><tr><td align='center'>Người khai<br/>"
            f"<i>(ký, ghi rõ họ tên)</i></td><td align='center'>Cán bộ tiếp nhận<br/>"
            f"<i>(ký, ghi rõ họ tên)</i></td></tr></table>")


def render_pdf(form: dict[str, Any]) -> bytes:
    """One A4 page; the portrait (CC01) or the receipt QR code (CC02) at the top right."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(150)
    writer.setTitle(form["code"])
    paint(form, writer)
    buffer.close()
    return bytes(data.data())


def print_form(form: dict[str, Any], parent: QWidget | None = None) -> bool:
    """The system print dialog, then the page straight to the printer (no file in between;
    "print to file" is the officer's explicit choice in that dialog). False if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(form["code"])
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint(form, printer)
    return True


def paint(form: dict[str, Any], device: QPagedPaintDevice) -> None:
    """Lay the form out on one A4 page of a PDF writer or a printer."""
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout.Unit.Millimeter))
    painter = QPainter(device)
    try:
        page = device.pageLayout().paintRectPixels(device.resolution())
        doc = QTextDocument()
        doc.setDefaultFont(theme.print_font())
        doc.setHtml(_html(form))
        doc.setPageSize(QSizeF(page.width(), page.height()))
        doc.drawContents(painter, QRectF(0, 0, page.width(), page.height()))
        corner = None
        if form.get("photo"):
            corner = QImage.fromData(form["photo"])
        elif form.get("qr"):
            corner = _qr_image(form["qr"])
        if corner is not None and not corner.isNull():
            w = int(page.width() * 0.16)
            h = int(w * corner.height() / max(1, corner.width()))
            painter.drawImage(QRectF(page.width() - w, 0, w, h), corner)
    finally:
        painter.end()
