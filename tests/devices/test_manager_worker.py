"""DeviceWorker: calls run on the device's own thread; the watchdog replaces a wedged thread."""

from __future__ import annotations

import threading

import pytest

from devices import errors
from devices.fingerprint.capture_flow import CaptureFlow
from devices.fingerprint.r30x import R30xScanner
from devices.fingerprint.r30x_emulator import start_pty_emulator
from devices.fingerprint.synthetic import generate_print
from devices.proxies import Deadlines, ScannerProxy
from devices.worker_thread import DeviceWorker, Hung

pytestmark = pytest.mark.timeout(20)


class Blocker:
    """A fake device: block() waits on an event that only close() (or the test) sets."""

    instances: list[Blocker] = []

    def __init__(self, unblock_on_close: bool = True) -> None:
        self.release = threading.Event()
        self.unblock_on_close = unblock_on_close
        self.closed = threading.Event()
        self.threads: set[str] = set()
        Blocker.instances.append(self)

    def whoami(self) -> str:
        self.threads.add(threading.current_thread().name)
        return threading.current_thread().name

    def block(self) -> str:
        self.release.wait()  # forever unless released
        return "released"

    def close(self) -> None:
        self.closed.set()
        if self.unblock_on_close:
            self.release.set()


@pytest.fixture
def made():
    Blocker.instances = []
    yield Blocker.instances
    for b in Blocker.instances:
        b.release.set()  # let abandoned daemon threads end


def test_calls_run_on_one_device_thread_in_order(made):
    w = DeviceWorker(Blocker, name="fake")
    names = [w.submit(lambda d: d.whoami()).result(timeout=2) for _ in range(5)]
    assert len(set(names)) == 1 and names[0] != threading.current_thread().name
    order: list[int] = []
    futs = [w.submit(lambda d, i=i: order.append(i)) for i in range(20)]
    for f in futs:
        f.result(timeout=2)
    assert order == list(range(20))
    assert w.stop()
    assert made[0].closed.is_set()  # the owner thread closed its device on stop


def test_errors_reach_the_caller_and_the_worker_keeps_going(made):
    w = DeviceWorker(Blocker, name="fake")
    with pytest.raises(ZeroDivisionError):
        w.call(lambda d: 1 / 0)
    assert w.call(lambda d: 42) == 42
    assert w.stats().restarts == 0
    w.stop()


@pytest.mark.parametrize("unblock_on_close", [True, False])
def test_watchdog_restarts_a_call_that_blocks_forever(made, unblock_on_close):
    events: list[tuple[str, str | None]] = []
    w = DeviceWorker(lambda: Blocker(unblock_on_close), kind="scanner", name="fake",
                     abort_grace=0.2,
                     on_event=lambda e, x: events.append((e, getattr(x, "code", None))))
    first = w.call(lambda d: d.whoami())
    fut = w.submit(lambda d: d.block(), deadline=0.3, label="capture")
    queued = w.submit(lambda d: d.whoami())  # waits behind the wedged call
    with pytest.raises(Hung) as info:
        fut.result(timeout=5)
    err = info.value
    assert isinstance(err, errors.Timeout) and err.code == "device_hung"
    assert "restarted" in err.en and "Retry" in err.en and "Thử lại" in err.vi
    assert made[0].closed.is_set()  # closed from another thread
    second = queued.result(timeout=5)  # the queued call ran on the fresh thread and device
    assert second != first and len(made) == 2 and made[1].threads == {second}
    st = w.stats()
    assert st.generation == 2 and st.restarts == 1
    assert st.hung_threads_alive == (0 if unblock_on_close else 1)
    assert ("restarted", "device_hung") in events
    made[0].release.set()
    w.stop()


def test_stop_fails_queued_calls_and_later_submits(made):
    w = DeviceWorker(Blocker, kind="camera", name="fake")
    w.submit(lambda d: d.block(), deadline=10)
    queued = w.submit(lambda d: 1)
    w.stop(timeout=0.2)
    with pytest.raises(errors.NotConnected):
        queued.result(timeout=1)
    with pytest.raises(errors.NotConnected):
        w.call(lambda d: 1)


@pytest.fixture(scope="module")
def images():
    prints = [generate_print(s, position=2, width=256, height=288) for s in (21, 22)]
    return lambda i: prints[i % 2]


def test_r30x_that_stops_answering_is_recovered_through_the_proxy(images):
    """Driver deadlines (5 s) longer than the watchdog's: the watchdog must act, not the driver."""
    path, stop, emu = start_pty_emulator(images=images, hang_after=4)
    made: list[R30xScanner] = []

    def factory() -> R30xScanner:
        made.append(R30xScanner(path, call_timeout=5.0, poll_interval=0.01))
        return made[-1]

    worker = DeviceWorker(factory, kind="scanner", name="r30x", abort_grace=1.0)
    proxy = ScannerProxy(worker, Deadlines(short=1.0, capture_grace=0.5))
    try:
        proxy.open()  # VfyPwd + ReadSysPara = 2 commands
        assert proxy.capture(2, timeout=1.0).image.shape == (288, 256)  # GenImg + UpImage
        with pytest.raises(Hung):
            proxy.capture(2, timeout=1.0)  # command 5: silence
        assert emu.hung and made[0]._ser is None  # the wedged driver's port was closed
        emu.faults.hang_after = None  # the device answers again after the reset
        cap = proxy.capture(3, timeout=1.0)  # fresh thread + fresh driver: opens and captures
        assert cap.position == 3 and len(made) == 2 and worker.stats().restarts == 1
        assert worker.stats().hung_threads_alive == 0  # closing the port freed the old thread
    finally:
        worker.stop()
        stop()


def test_capture_flow_runs_through_the_proxy_and_survives_a_hang(made):
    """A hang in the middle of the flow costs one attempt, not the session."""
    from devices.fingerprint.simulated import SimulatedScanner

    class Wedging(SimulatedScanner):
        wedge_once = [True]

        def capture(self, position, **kw):  # noqa: ANN001, ANN003 - mirrors the base
            if position == 2 and self.wedge_once[0]:
                self.wedge_once[0] = False
                threading.Event().wait()  # blocks forever: only the watchdog helps
            return super().capture(position, **kw)

    w = DeviceWorker(lambda: Wedging(single_size=(256, 300)), kind="scanner", name="sim",
                     abort_grace=0.1)
    proxy = ScannerProxy(w, Deadlines(capture_grace=0.5))
    flow = CaptureFlow(proxy, sequence=(1, 2), threshold=0, max_retries=1, timeout=0.2,
                       assess_fn=lambda cap, missing: _Accept())
    result = flow.run()
    assert result.complete
    reasons = [a.reason for a in result.positions[2].attempts]
    assert reasons == ["device_hung", "ok"]
    assert w.stats().restarts == 1
    w.stop()


class _Accept:
    accepted = True
    score = 50
    finger_scores: dict[int, int] = {}
