"""Devices as the UI and the command line see them: discovery, self-tests, file checks,
emulators, and the simulated set used by the demo and by `enroll --devices simulated`."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.domain.errors import InputError
from app.services.capture import Biometrics, DeviceSource, capture_all, device_call
from devices.camera.synthetic import SyntheticCamera
from devices.fingerprint import quality
from devices.fingerprint.simulated import SimulatedScanner
from devices.manager import DeviceManager, run_self_test
from devices.portrait.analyse import analyse_image


def _spec_error(spec: str, why: str) -> InputError:
    return InputError("bad_device_spec", f"Không hiểu thiết bị '{spec}': {why}",
                      f"Unknown device '{spec}': {why}. Examples: r30x:/dev/ttyUSB0, "
                      "sbi:127.0.0.1:4501, camera:0, camera:FILE.avi, simulated", field="device")


def discover(probe_serial: bool = False) -> list[dict[str, Any]]:
    """Scanners in view plus the cameras OpenCV can open (indexes 0-3) and the simulated ones;
    each row's `device` says camera or scanner (the device manager's discovery)."""
    return device_call(lambda: DeviceManager.discover(probe_serial=probe_serial))


def self_test(spec: str) -> dict[str, Any]:
    """`devices test --device SPEC`: open, exercise and close the device on its own thread under
    the watchdog, so a hung device fails instead of hanging the caller."""
    try:
        return device_call(lambda: run_self_test(spec))
    except ValueError as exc:
        raise _spec_error(spec, str(exc)) from None


def photo_check(path: Path) -> dict[str, Any]:
    return device_call(lambda: analyse_image(str(path)))


def finger_check(path: Path) -> dict[str, Any]:
    if not Path(path).exists():
        raise InputError("file_missing", f"Không có tệp {path}.", f"No file {path}.",
                         field="image")
    return device_call(lambda: quality.check_file(str(path))).as_dict()


def simulated_capture(seed: int, policy: str, threshold: int = 40,
                      max_retries: int = 3) -> Biometrics:
    """The simulated camera and scanner, following the age policy (none under 6) and the
    station's capture settings."""
    if policy == "none":
        return Biometrics()
    return capture_all(SyntheticCamera(), SimulatedScanner(seed=seed), threshold=threshold,
                       max_retries=max_retries)


def simulated_source() -> DeviceSource:
    """The demo's camera and scanner as live screens use them (a new simulated finger set
    per scanner opened, so two residents never share prints)."""
    return DeviceSource(camera=SyntheticCamera,
                        scanner=lambda: SimulatedScanner(seed=random.randrange(1 << 30)))


def emulate_r30x(print_fn: Callable[[str], None], **options: Any) -> None:
    from devices.fingerprint.r30x_emulator import serve_forever

    serve_forever(print_fn=print_fn, **options)


def emulate_sbi(print_fn: Callable[[str], None], port: int | None = None) -> None:
    from devices.fingerprint.sbi_emulator import serve_forever

    serve_forever(port=port, print_fn=print_fn)


def warm_up() -> None:
    """Load NFIQ 2 once, off the GUI thread, before the first fingerprint."""
    quality.warm_up()
