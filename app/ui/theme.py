"""Fonts and style: a bundled font with every Vietnamese glyph, readable sizes in bad light."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONTS = Path(__file__).with_name("fonts")

STYLE = """
QWidget { font-size: 11pt; }
#title { font-size: 18pt; font-weight: bold; }
#error { color: #b00020; }
#hint { color: #555555; }
#status { background: #eef2f5; border-top: 1px solid #c8d0d8; }
#banner { background: #fff4ce; border-bottom: 1px solid #e0c060; font-weight: bold; }
QListWidget#nav { background: #243447; color: white; border: none; font-size: 12pt; }
QListWidget#nav::item { padding: 10px 14px; }
QListWidget#nav::item:selected { background: #3d5a80; }
"""


def print_font() -> QFont:
    """The bundled family for printed forms, so every diacritic is embedded in the PDF."""
    load_fonts()
    return QFont(_family, 10)


_family = "DejaVu Sans"
_loaded = False


def load_fonts() -> str:
    global _family, _loaded
    if not _loaded:
        for ttf in sorted(FONTS.glob("*.ttf")):
            fid = QFontDatabase.addApplicationFont(str(ttf))
            fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
            if fams:
                _family = fams[0]
        _loaded = True
    return _family


def apply(app: QApplication) -> str:
    """Load the bundled fonts and make them the default; returns the family used."""
    family = load_fonts()
    app.setFont(QFont(family, 11))
    app.setStyleSheet(STYLE)
    return family
