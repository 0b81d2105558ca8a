"""Screenshot of the live photo step in Vietnamese at 1366x768 (run under Xvfb):
`DISPLAY=:91 QT_QPA_PLATFORM=xcb python -m tests.ui.shoot_photo_screen docs/screens`.

A throwaway station and the simulated camera: the photo is taken by itself, then Retake is
pressed and the drawn person tilts the head, so the shot shows the crop, the live preview with
its guide and a failing check with its advice together."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

import app.services.devices as devices
from app.services.capture import DeviceSource
from app.services.station import Station
from app.store.crypto import FAST_KDF
from app.ui import theme
from app.ui.i18n import set_lang
from app.ui.shell import Shell
from devices.camera.scene import Scene
from devices.camera.synthetic import SyntheticCamera
from tests.forms import adult_forms
from tests.ui.helpers import TODAY


def wait(app: QApplication, cond, seconds: float = 30) -> None:  # noqa: ANN001
    end = time.monotonic() + seconds
    while not cond() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    if not cond():
        raise TimeoutError("the photo step did not reach the expected state")


def main(out: Path) -> None:
    set_lang("vi")
    app = QApplication(sys.argv)
    theme.apply(app)
    cams: list[SyntheticCamera] = []

    def camera() -> SyntheticCamera:
        cams.append(SyntheticCamera())
        return cams[-1]

    devices.simulated_source = lambda: DeviceSource(camera=camera)
    tmp = Path(tempfile.mkdtemp(prefix="shots-"))
    st = Station.init(tmp / "s", "Trạm Công an xã Tả Van", "admin", "admin-pass-1", kdf=FAST_KDF)
    st.login("admin", "admin-pass-1").add_user("canbo1", "officer", "officer-pass-1")
    shell = Shell(st, "Trạm Công an xã Tả Van")
    shell.resize(1366, 768)
    shell.show()
    shell.login.user.setText("canbo1")
    shell.login.password.setText("officer-pass-1")
    shell.login.submit()
    wait(app, lambda: shell.main is not None)
    page = shell.main.enroll
    page.start_from(adult_forms(1, 11, TODAY)[0])
    wait(app, lambda: page.record_id is not None)
    page.go("photo")
    wait(app, lambda: "face.jpg" in page.bio_names and not page._pending_blobs)
    page.photo.retake()
    cams[-1].set_scene(Scene(roll_deg=14, offset_x=0.05))
    marks = page.photo.check_rows
    wait(app, lambda: marks["roll"][0].text() == "✗" and page.photo.frames_shown > 0)
    end = time.monotonic() + 0.5
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    out.mkdir(parents=True, exist_ok=True)
    shell.grab().save(str(out / "photo.png"))
    print("saved", out / "photo.png")
    shell.close()
    app.processEvents()
    st.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screens"))
