"""Device manager numbers: call overhead, watchdog recovery, replug detection.

Run from the repository root: python -m bench.devmgr_bench   (prints one line per measurement)
"""

from __future__ import annotations

import statistics
import threading
import time

from devices.fingerprint.r30x import R30xScanner
from devices.fingerprint.r30x_emulator import start_pty_emulator
from devices.fingerprint.sbi_emulator import start_sbi_emulator
from devices.fingerprint.simulated import SimulatedScanner
from devices.manager import ABSENT, READY, SCANNER, DeviceManager
from devices.proxies import Deadlines, ScannerProxy
from devices.worker_thread import DeviceWorker, Hung


def call_overhead(n: int = 2000) -> None:
    w = DeviceWorker(SimulatedScanner, name="bench")
    start = time.perf_counter()
    for _ in range(n):
        w.call(lambda d: None)
    per = (time.perf_counter() - start) / n
    w.stop()
    print(f"worker round trip (no-op call): {per * 1e6:.0f} us")


def watchdog_fake(deadline: float = 0.5, runs: int = 5) -> None:
    """A call that blocks forever and ignores close(): deadline -> Hung -> next call done."""
    over, nxt = [], []
    for _ in range(runs):
        w = DeviceWorker(SimulatedScanner, name="bench", abort_grace=0.2)
        t0 = time.monotonic()
        try:
            w.call(lambda d: threading.Event().wait(30), deadline=deadline)
        except Hung:
            pass
        t1 = time.monotonic()
        w.call(lambda d: None)
        t2 = time.monotonic()
        over.append(t1 - t0 - deadline)
        nxt.append(t2 - t1)
        w.stop()
    print(f"watchdog, call ignoring close(): Hung {statistics.median(over) * 1000:.0f} ms after "
          f"the deadline (abort_grace 200 ms), next call {statistics.median(nxt) * 1000:.1f} ms")


def watchdog_r30x(runs: int = 5) -> None:
    """A hung R30x (silent pty): deadline -> port closed -> Hung -> fresh driver captures."""
    over, nxt = [], []
    for _ in range(runs):
        path, stop, emu = start_pty_emulator(hang_after=2)
        w = DeviceWorker(lambda p=path: R30xScanner(p, call_timeout=5.0, poll_interval=0.01),
                         kind="scanner", name="r30x", abort_grace=1.0)
        proxy = ScannerProxy(w, Deadlines(short=1.0, capture_grace=0.5))
        proxy.open()
        t0 = time.monotonic()
        try:
            proxy.capture(2, timeout=0.5)
        except Hung:
            pass
        t1 = time.monotonic()
        emu.faults.hang_after = None
        proxy.open()
        t2 = time.monotonic()
        over.append(t1 - t0 - 1.0)
        nxt.append(t2 - t1)
        w.stop()
        stop()
    print(f"watchdog, hung R30x on a pty: Hung {statistics.median(over) * 1000:.0f} ms after the "
          f"deadline, reopen on the fresh driver {statistics.median(nxt) * 1000:.1f} ms")


def replug(poll: float) -> None:
    physical = SimulatedScanner(script=["unplugged"])
    m = DeviceManager(poll_interval=poll, scanner_factory=lambda s: physical).start()
    m.use_scanner("simulated")
    try:
        m.scanner().capture(2, timeout=0.1)
    except Exception:  # noqa: BLE001 - the scripted unplug
        pass
    m.wait_state(SCANNER, ABSENT, 5)
    t0 = time.monotonic()
    physical.plugged = True
    m.wait_state(SCANNER, READY, 3 * poll + 5)
    print(f"replug detection, simulated, poll {poll} s: {time.monotonic() - t0:.2f} s")
    m.close()


def replug_sbi(poll: float) -> None:
    port, stop, _ = start_sbi_emulator()
    m = DeviceManager(poll_interval=poll).start()
    m.use_scanner(f"sbi:127.0.0.1:{port}")
    t0 = time.monotonic()
    stop()
    m.wait_state(SCANNER, ABSENT, 3 * poll + 5)
    t1 = time.monotonic()
    _, stop2, _ = start_sbi_emulator(port=port)
    t2 = time.monotonic()
    m.wait_state(SCANNER, READY, 3 * poll + 5)
    t3 = time.monotonic()
    print(f"SBI service, poll {poll} s: unplug noticed while idle in {t1 - t0:.2f} s, "
          f"back in {t3 - t2:.2f} s")
    m.close()
    stop2()


def main() -> None:
    call_overhead()
    watchdog_fake()
    watchdog_r30x()
    for poll in (0.5, 2.0):
        replug(poll)
        replug_sbi(poll)


if __name__ == "__main__":
    main()
