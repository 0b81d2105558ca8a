"""Start the Qt application: bundled fonts, language, the shell window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from app.services.station import Station
from app.ui import i18n, theme
from app.ui.shell import Shell


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("enroll-station")
    theme.apply(app)
    i18n.install(app)  # English mode: the Qt Linguist catalogue (.qm)
    return app


def run(station: Station, station_name: str, lang: str, hint: str = "") -> int:
    i18n.set_lang(lang)
    app = application()
    shell = Shell(station, station_name, hint)
    shell.show()
    return app.exec()
