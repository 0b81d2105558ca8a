"""Screenshot of the devices page in Vietnamese at 1366x768, inside the main area with its
status strip and an update banner (run under Xvfb):
`DISPLAY=:93 QT_QPA_PLATFORM=xcb python -m tests.ui.shoot_devices_screen docs/screens`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.services.station import Station
from app.services.station_devices import StationDevices
from app.store import centre
from app.store.crypto import FAST_KDF
from app.ui import theme
from app.ui.i18n import set_lang
from app.ui.main_window import MainArea
from tests.ui.shoot_sync_screens import wait


def main(out: Path) -> None:
    set_lang("vi")
    app = QApplication(sys.argv)
    theme.apply(app)
    tmp = Path(tempfile.mkdtemp())
    st = Station.init(tmp / "st", "Trạm demo — Xã Tả Van", "admin", "admin-pass-1", kdf=FAST_KDF)
    admin = st.login("admin", "admin-pass-1")
    devs = StationDevices(st.store.data_dir)
    area = MainArea(admin, "Trạm demo — Xã Tả Van", station_devices=devs)
    area.resize(1366, 768)
    area.show()
    area.nav.setCurrentRow(5)
    page = area.devices_page
    assert page is not None
    page.discover()
    wait(app, lambda: page.table.rowCount() >= 2)
    for kind in ("camera", "scanner"):
        page.test(kind, "simulated")
        wait(app, lambda: page._busy == 0)
    page.use("camera", "simulated")
    wait(app, lambda: page._busy == 0)
    page.use("scanner", "simulated")
    wait(app, lambda: page._busy == 0 and "sẵn sàng" in page.scanner_state.text())
    row = next(i for i, d in enumerate(page.found) if d["device"] == "scanner"
               and d["spec"] == "simulated")
    page.table.selectRow(row)
    notice = {"latest": "9.0.0", "where_en": "",
              "where_vi": "chép bộ cài từ USB của công an huyện hoặc tải tại "
                          "https://trungtam.example.vn/tram"}
    st.store.run(centre.add_master_bundle, 1, {"app": notice})  # as a master-data pull does
    area.refresh_status()
    wait(app, lambda: area.banner.isVisible() and "✓ · Máy quét ✓" in area.status.text())
    for _ in range(20):
        app.processEvents()
    out.mkdir(parents=True, exist_ok=True)
    area.grab().save(str(out / "devices.png"))
    if len(sys.argv) > 2:  # a look at the settings tab too (not in docs)
        page.tabs.setCurrentIndex(1)
        for _ in range(20):
            app.processEvents()
        area.grab().save(sys.argv[2])
    devs.close()
    st.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screens"))
