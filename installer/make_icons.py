"""Regenerate assets/enroll-station.png and .ico from the SVG (run by hand after editing it)."""

from __future__ import annotations

import os
from pathlib import Path

ASSETS = Path(__file__).with_name("assets")


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ASSETS / "enroll-station.svg"))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png = ASSETS / "enroll-station.png"
    image.save(str(png))
    Image.open(png).save(ASSETS / "enroll-station.ico",
                         sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])


if __name__ == "__main__":
    main()
