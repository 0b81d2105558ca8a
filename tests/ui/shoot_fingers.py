"""Screenshot of the fingerprint step mid-capture, 1366x768, Vietnamese (docs/screens/).

    Xvfb :92 -screen 0 1366x768x24 &
    DISPLAY=:92 QT_QPA_PLATFORM=xcb /work/main/.venv/bin/python -m tests.ui.shoot_fingers OUT.png
Synthetic prints from the simulated scanner; nothing real is shown.
"""

from __future__ import annotations

import sys

from app.services.capture import DeviceSource
from app.ui.app import application
from app.ui.finger_step import FingerStep
from app.ui.i18n import set_lang
from devices.fingerprint.simulated import SimulatedScanner
from tests.biometrics import biometrics
from tests.ui.make_screenshots import pump, until


def main(out: str) -> None:
    set_lang("vi")
    application()
    scanner = SimulatedScanner(seed=8, latency=0.6, qualities={4: "poor"})
    step = FingerStep(DeviceSource(scanner=lambda: scanner))
    blobs, capture = biometrics()
    todo = {15, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
    capture["fingers"] = [f for f in capture["fingers"] if f["position"] not in todo]
    capture["fingers"][1]["forced"], capture["fingers"][1]["quality"] = True, 34
    capture["fingers"].append({"position": 9, "exception": "amputated", "quality": None,
                               "retries": 0, "forced": False})
    step.show_result(capture, dict.fromkeys(blobs))
    step.setWindowTitle("enroll-station")
    step.resize(1366, 768)
    step.show()
    pump(300)
    step.threshold = step.bar.threshold = 50
    step.start()
    until(lambda: step.current == 4 and step.bar.value is not None, 60_000)
    pump(200)
    step.grab().save(out)
    print("saved", out)
    step.close_session()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/screens/fingerprints.png")
