"""Start the Qt application: bundled fonts, language, the shell window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from app.services.station import Station
from app.ui import theme
from app.ui.i18n import set_lang
from app.ui.shell import Shell


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("enroll-station")
    theme.apply(app)
    return app


def run(station: Station, station_name: str, lang: str, hint: str = "") -> int:
    set_lang(lang)
    app = application()
    shell = Shell(station, station_name, hint)
    shell.show()
    return app.exec()
