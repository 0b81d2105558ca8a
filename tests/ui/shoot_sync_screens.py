"""Screenshots of the sync centre and dashboard pages in Vietnamese at 1366x768 (run under Xvfb):
`DISPLAY=:99 python -m tests.ui.shoot_sync_screens docs/screens`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.services import centre_admin
from app.ui import theme
from app.ui.dashboard_page import DashboardPage
from app.ui.i18n import set_lang
from app.ui.sync_page import SyncPage
from tests.ui.sync_fixtures import enrolled, provisioned

SIZE = (1366 - 200, 768 - 60)  # the page area beside the navigation, above the status strip


def wait(app: QApplication, cond, seconds: float = 30) -> None:
    import time
    end = time.monotonic() + seconds
    while not cond() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main(out: Path) -> None:
    set_lang("vi")
    app = QApplication(sys.argv)
    theme.apply(app)
    tmp = Path(tempfile.mkdtemp())
    with centre_admin.running_server(tmp / "centre") as url:
        st = provisioned(tmp, tmp / "centre", url)
        sup, ids = enrolled(st, 6, 91)
        page = SyncPage(sup)
        page.resize(*SIZE)
        page.show()
        page.sync_now()
        wait(app, lambda: page.last_report is not None)
        centre_admin.mark_packet(tmp / "centre", ids[0], "accepted")
        centre_admin.mark_packet(tmp / "centre", ids[1], "returned",
                                 "Ảnh chân dung bị lóa, cần chụp lại")
        enrolled(st, 3, 92)
        page.last_report, page.refreshed = None, False
        page.sync_now()
        wait(app, lambda: page.last_report is not None and page.refreshed)
    page.last_report, page.refreshed = None, False
    page.sync_now()  # the centre is gone now: the offline message
    wait(app, lambda: page.last_report is not None and page.refreshed)
    enrolled(st, 2, 93, approve=0)
    page.refreshed = False
    page.refresh()
    wait(app, lambda: page.refreshed)
    app.processEvents()
    page.grab().save(str(out / "sync.png"))
    dash = DashboardPage(sup, installed_on="2026-06-01",
                         maxima={"pending_approvals": 2, "undelivered": 4})
    dash.resize(*SIZE)
    dash.show()
    wait(app, lambda: dash.data is not None)
    app.processEvents()
    dash.grab().save(str(out / "dashboard.png"))
    st.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screens"))
