"""DeviceManager: current proxies, unplug/replug through the real twins, state callbacks."""

from __future__ import annotations

import threading

import pytest

from devices import errors
from devices.camera.synthetic import SyntheticCamera
from devices.fingerprint.r30x_emulator import start_pty_emulator
from devices.fingerprint.sbi_emulator import start_sbi_emulator
from devices.fingerprint.simulated import SimulatedScanner
from devices.fingerprint.synthetic import generate_print
from devices.manager import (
    ABSENT,
    CAMERA,
    NONE,
    READY,
    RESTARTED,
    SCANNER,
    DeviceManager,
    run_self_test,
)
from devices.proxies import Deadlines
from devices.worker_thread import Hung

pytestmark = pytest.mark.timeout(20)
FAST = Deadlines(short=2.0, self_test=3.0, capture_grace=5.0, frame=1.0)


class Log:
    def __init__(self) -> None:
        self.items: list[tuple[str, str, str | None]] = []

    def __call__(self, kind: str, state: str, err: dict | None) -> None:
        self.items.append((kind, state, err["code"] if err else None))

    def states(self, kind: str) -> list[str]:
        return [s for k, s, _ in self.items if k == kind]


@pytest.fixture
def log():
    return Log()


@pytest.fixture
def make(log):
    made: list[DeviceManager] = []

    def build(**kw) -> DeviceManager:  # noqa: ANN003
        m = DeviceManager(on_state=log, deadlines=FAST, poll_interval=0.05, **kw)
        made.append(m)
        return m

    yield build
    for m in made:
        m.close()


def test_simulated_unplug_and_replug(make, log):
    physical = SimulatedScanner(script=["unplugged"], single_size=(256, 300))
    m = make(scanner_factory=lambda spec: physical).start()
    assert m.use_scanner("simulated") == READY
    with pytest.raises(errors.Unplugged):
        m.scanner().capture(2, timeout=0.5)
    assert m.wait_state(SCANNER, ABSENT, 2)
    assert m.state(SCANNER) == ABSENT  # the poll keeps probing but the device stays away
    physical.plugged = True  # cable back in
    assert m.wait_state(SCANNER, READY, 3)
    assert m.scanner().capture(2, timeout=0.5).position == 2
    assert log.items[:3] == [(SCANNER, READY, None), (SCANNER, ABSENT, "device_unplugged"),
                             (SCANNER, READY, None)]


def test_no_device_chosen_and_spec_change_hand_out_the_current_worker(make):
    m = make(scanner_factory=lambda spec: SimulatedScanner(device_id=spec))
    with pytest.raises(errors.NotConnected):
        m.scanner()
    m.use_scanner("simulated:a")
    old = m.scanner()
    assert old.info().device_id == "simulated:a"
    m.use_scanner("simulated:b")
    assert m.scanner().info().device_id == "simulated:b"
    with pytest.raises(errors.NotConnected):
        old.info()  # a proxy kept across a change fails loudly instead of using a stale device
    assert m.use_scanner(None) == NONE and m.state(SCANNER) == NONE


@pytest.fixture(scope="module")
def images():
    prints = [generate_print(s, position=2, width=256, height=288) for s in (31, 32)]
    return lambda i: prints[i % 2]


def test_r30x_unplugged_then_back_on_a_new_pty(make, log, images):
    path, stop, _ = start_pty_emulator(images=images, unplug_after=3)
    m = make().start()
    try:
        assert m.use_scanner(f"r30x:{path}") == READY  # 2 commands: VfyPwd, ReadSysPara
        with pytest.raises((errors.Unplugged, errors.NotConnected)):
            m.scanner().capture(2, timeout=0.5)  # the pty vanishes on the 4th command
        assert m.wait_state(SCANNER, ABSENT, 3)
    finally:
        stop()
    path2, stop2, _ = start_pty_emulator(images=images)
    try:
        assert m.use_scanner(f"r30x:{path2}") == READY
        assert m.scanner().capture(4, timeout=0.5).position == 4
    finally:
        m.close()
        stop2()
    assert log.states(SCANNER)[:3] == [READY, ABSENT, READY]


def test_sbi_service_stopped_and_restarted_on_the_same_port(make, log):
    port, stop, _ = start_sbi_emulator()
    m = make().start()
    restarted = None
    try:
        assert m.use_scanner(f"sbi:127.0.0.1:{port}") == READY
        stop()
        assert m.wait_state(SCANNER, ABSENT, 3)  # noticed while idle: the port closed
        with pytest.raises((errors.Unplugged, errors.NotConnected)):
            m.scanner().capture(2, timeout=0.5)
        _, restarted, _ = start_sbi_emulator(port=port)
        assert m.wait_state(SCANNER, READY, 3)  # probe: MOSIPDINFO verified afresh
        assert m.scanner().info().device_id == f"sbi:127.0.0.1:{port}"
    finally:
        m.close()
        if restarted:
            restarted()
    assert log.states(SCANNER)[:3] == [READY, ABSENT, READY]


def test_camera_unplug_and_replug(make, log):
    physical = SyntheticCamera(320, 240, fps=0)
    m = make(camera_factory=lambda spec: physical).start()
    assert m.use_camera("simulated") == READY
    assert m.camera().read().shape == (240, 320, 3)
    physical.unplug()
    with pytest.raises(errors.DeviceError) as info:
        m.camera().read()
    assert info.value.code == "camera.unplugged"
    assert m.wait_state(CAMERA, ABSENT, 2)
    physical.replug()
    assert m.wait_state(CAMERA, READY, 3)
    assert m.camera().read().shape == (240, 320, 3)


def test_a_hung_call_is_reported_and_the_next_call_works(make, log):
    gate = threading.Event()

    class Sticky(SimulatedScanner):
        def info(self):  # noqa: ANN201
            if not gate.is_set():
                gate.set()
                threading.Event().wait(5)  # wedged (daemon thread ends by itself)
            return super().info()

    m = make(scanner_factory=lambda spec: Sticky())
    m.use_scanner("simulated")
    with pytest.raises(Hung):
        m.scanner().info()
    assert m.state(SCANNER) == RESTARTED
    assert m.scanner().info().kind == "simulated"
    assert m.state(SCANNER) == READY
    assert (SCANNER, RESTARTED, "device_hung") in log.items


def test_discover_lists_sbi_and_simulated_devices():
    port, stop, _ = start_sbi_emulator()
    try:
        found = DeviceManager.discover(sbi_ports=range(port, port + 1), camera_indexes=range(0))
    finally:
        stop()
    specs = {(d["device"], d["spec"]) for d in found}
    assert (SCANNER, f"sbi:127.0.0.1:{port}") in specs
    assert (SCANNER, "simulated") in specs and (CAMERA, "simulated") in specs


def test_run_self_test_reports_and_missing_port_is_not_connected(tmp_path):
    with pytest.raises(ValueError):
        run_self_test("nonsense:1")  # a bad spec fails at once, not after a deadline
    report = run_self_test("simulated", deadlines=FAST)
    assert report["ok"] and report["spec"] == "simulated"
    cam = run_self_test("simulated-camera", deadlines=FAST)
    assert cam["ok"] and cam["frames"] == 5 and cam["spec"] == "simulated-camera"
    missing = run_self_test(f"r30x:{tmp_path}/ttyNONE", deadlines=FAST)
    assert not missing["ok"]
    assert missing["checks"][-1]["note"] == "device_not_connected"
