"""Screenshots of every main screen at 1366x768 in Vietnamese, for docs/screens/.

Run under a real X server so fonts render as on a laptop:
    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 /work/main/.venv/bin/python -m tests.ui.make_screenshots docs/screenshots
A throwaway station with synthetic residents; nothing real is shown.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.masterdata import default_master
from app.services.enrollment import Enrollment
from app.services.station import Station
from app.store.crypto import FAST_KDF
from app.ui.app import application
from app.ui.i18n import set_lang
from app.ui.shell import Shell
from tests.biometrics import complete
from tests.forms import adult_forms
from tests.ui.helpers import TODAY, type_text, worklist

PW = {"admin": "admin-pass-1", "canbo1": "officer-pass-1", "truongca": "super-pass-1"}


def pump(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def until(cond, ms: int = 15_000) -> None:  # noqa: ANN001
    waited = 0
    while not cond() and waited < ms:
        pump(50)
        waited += 50
    if not cond():
        raise TimeoutError("screen did not reach the expected state")


def shot(widget: QWidget, out: Path, name: str) -> None:
    pump(250)
    widget.grab().save(str(out / f"{name}.png"))
    print("saved", name)


def login(shell: Shell, user: str) -> None:
    screen = shell.login if shell.session is None else shell.lock_screen
    screen.user.setText(user)
    screen.password.setText(PW[user])
    screen.submit()
    until(lambda: shell.main is not None)


def main(out: Path) -> None:
    set_lang("vi")
    app = application()
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="shots-"))
    st = Station.init(tmp / "s", "Trạm Công an xã Tả Van", "admin", PW["admin"], kdf=FAST_KDF)
    admin = st.login("admin", PW["admin"])
    admin.add_user("canbo1", "officer", PW["canbo1"])
    admin.add_user("truongca", "supervisor", PW["truongca"])
    entries, search = worklist(120, 7)
    off = st.login("canbo1", PW["canbo1"])
    enr = Enrollment(off, default_master(), today=lambda: TODAY)
    forms = adult_forms(4, 11, TODAY)
    complete(enr, forms[0])
    complete(enr, {**forms[1], "full_name": "Ánh"},
             reasons={"full_name:name_single_word": "Giấy khai sinh ghi một chữ"})
    complete(enr, forms[2], face={"forced": True, "quality": 40, "retries": 3})
    enr.save_draft(forms[3], "photo")

    import app.ui.main_window as mw

    original = mw.MainArea.__init__

    def with_devices(self, session, name, worklist=None, *args, **kw):  # noqa: ANN001, ANN002, ANN003
        original(self, session, name, search, *args, **kw)

    mw.MainArea.__init__ = with_devices
    shell = Shell(st, "Trạm Công an xã Tả Van", hint="")
    shell.resize(1366, 768)
    shell.show()
    shot(shell, out, "01-login")
    login(shell, "canbo1")
    page = shell.main.enroll
    type_text(page.find.query, "nguyen van")
    until(lambda: page.find.results.count() > 0)
    shot(shell, out, "02-find-resident")
    page.find.blank.emit()
    form = page.form
    type_text(form.editors["full_name"], "Lò Thị Mai")
    type_text(form.editors["date_of_birth"], "12/05/2016")
    type_text(form.editors["personal_id"], "01131600")
    type_text(form.editors["phone"], "0912 34")
    page.go_next()
    pump(600)
    form.verticalScrollBar().setValue(0)
    shot(shell, out, "03-form-validation")
    form.ensureWidgetVisible(form.editors["representative.full_name"])
    form.verticalScrollBar().setValue(form.verticalScrollBar().maximum() // 2)
    shot(shell, out, "04-form-residence-family")
    page.reset()
    type_text(page.find.query, entries[0].personal_id)
    page.find.pick_current()
    until(lambda: page.step == "form")
    until(lambda: page.record_id is not None)
    page.go_next()
    until(lambda: "face.jpg" in page.bio_names, 60_000)  # the live step captures by itself
    pump(800)
    shot(shell, out, "05-photo")
    page.go_next()
    pump(300)
    page.fingers.start()
    until(lambda: sum(s == "good" for s in page.fingers.finger_states().values()) >= 4, 60_000)
    shot(shell, out, "06-fingerprints")
    until(lambda: all(s != "todo" for s in page.fingers.finger_states().values()), 120_000)
    until(lambda: len(page.bio_names) >= 14, 30_000)  # face + 13 print images
    page.go_next()
    until(lambda: page.review.table.rowCount() > 5)
    page.review.consent.setChecked(True)
    shot(shell, out, "07-review")
    page.complete()
    until(lambda: page.step == "done")
    shot(shell, out, "08-saved")
    page.open_drafts()
    until(lambda: page._drafts_dialog.table.rowCount() > 0)
    shot(page._drafts_dialog, out, "09-drafts")
    page._drafts_dialog.close()
    shell.main.nav.setCurrentRow(1)
    rec = shell.main.records
    until(lambda: rec.table.rowCount() > 0)
    rec.table.setCurrentCell(1, 1)
    until(lambda: rec.view.table.rowCount() > 0)
    shot(shell, out, "10-records")
    shell.close()
    shell2 = Shell(st, "Trạm Công an xã Tả Van")
    shell2.resize(1366, 768)
    shell2.show()
    login(shell2, "truongca")
    shell2.main.nav.setCurrentRow(2)
    rv = shell2.main.review
    until(lambda: rv.table.rowCount() > 0)
    rv.table.selectRow(0)
    until(lambda: rv.view.table.rowCount() > 0)
    shot(shell2, out, "11-supervisor-queue")
    shell2.main.nav.setCurrentRow(4)
    pump(800)
    shot(shell2, out, "12-dashboard")
    shell2.main.nav.setCurrentRow(5)
    dev = shell2.main.devices_page
    dev.discover()
    until(lambda: dev.table.rowCount() > 0, 60_000)
    dev.test("camera", "simulated-camera")
    until(lambda: dev.result_table.rowCount() > 0, 60_000)
    pump(500)
    shot(shell2, out, "13-devices")
    shell2.close()
    QApplication.processEvents()
    st.close()
    _ = app


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screens"))
