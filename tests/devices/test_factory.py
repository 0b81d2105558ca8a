"""Device SPEC strings, discovery, and finger-check on files."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from devices.fingerprint import wsq_codec
from devices.fingerprint.factory import discover_scanners, scanner_from_spec
from devices.fingerprint.quality import check_file
from devices.fingerprint.r30x import R30xScanner
from devices.fingerprint.r30x_emulator import start_pty_emulator
from devices.fingerprint.sbi import SbiScanner
from devices.fingerprint.sbi_emulator import start_sbi_emulator
from devices.fingerprint.simulated import SimulatedScanner
from devices.fingerprint.synthetic import generate_print


def test_specs_build_the_right_driver():
    r = scanner_from_spec("r30x:/dev/ttyUSB0@115200")
    assert isinstance(r, R30xScanner) and r.port == "/dev/ttyUSB0" and r.baudrate == 115200
    assert scanner_from_spec("r30x:COM3").baudrate == 57600
    s = scanner_from_spec("sbi:127.0.0.1:4502")
    assert isinstance(s, SbiScanner) and s.port == 4502
    assert scanner_from_spec("sbi:4503").port == 4503 and scanner_from_spec("sbi").port is None
    sim = scanner_from_spec("simulated:worn")
    assert isinstance(sim, SimulatedScanner) and sim.default == "worn"
    for bad in ("r30x", "sbi:10.0.0.5:4501", "simulated:perfect", "usb:1"):
        with pytest.raises(ValueError):
            scanner_from_spec(bad)


def test_r30x_spec_opens_the_emulator():
    path, stop, _ = start_pty_emulator()
    try:
        scanner = scanner_from_spec(f"r30x:{path}")
        report = scanner.self_test()
        assert report.ok and report.as_dict()["checks"][0]["name"] == "open"
        scanner.close()
    finally:
        stop()


def test_discovery_lists_sbi_and_simulated():
    port, stop, emu = start_sbi_emulator(seed=8)
    try:
        found = discover_scanners(sbi_ports=range(port, port + 1))
    finally:
        stop()
    specs = [d["spec"] for d in found]
    assert f"sbi:127.0.0.1:{port}" in specs and "simulated" in specs
    sbi = next(d for d in found if d["kind"] == "sbi")
    assert sbi["serial"] == emu.serial and sbi["status"] == "Ready"


def test_check_file_reads_png_and_wsq(tmp_path):
    img = generate_print(6, width=256, height=288)
    png = tmp_path / "f.png"
    cv2.imwrite(str(png), img)
    wsq = tmp_path / "f.wsq"
    wsq.write_bytes(wsq_codec.encode(img))
    a, b = check_file(str(png), 2), check_file(str(wsq), 2)
    assert a.accepted and b.accepted and a.score is not None and b.score is not None
    noise = tmp_path / "n.png"
    cv2.imwrite(str(noise), np.random.default_rng(0).integers(0, 256, (300, 300), np.uint8))
    assert check_file(str(noise)).as_dict()["reason"] == "no_ridges"
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"nothing")
    with pytest.raises(ValueError):
        check_file(str(junk))
