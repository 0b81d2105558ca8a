"""The device manager: which scanner and camera the station uses, and whether they are there.

It keeps SPECs, not device objects. Each chosen device lives in a DeviceWorker (its own thread,
watchdog) built from the spec, and `scanner()` / `camera()` hand out a proxy to the CURRENT
worker, so callers never hold a driver across an unplug or a spec change. A call that ends in
NotConnected / Unplugged marks the device absent; a background poll (every `poll_interval` s,
stoppable) checks absent devices cheaply (serial path exists, SBI port accepts a connection)
and then reopens them on their own thread (handshake, signed device info, camera open). State
changes go to `on_state(kind, state, error_dict | None)` from manager threads: a Qt UI turns
them into signals.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from typing import Any

from devices import errors
from devices.camera.base import Camera
from devices.camera.spec import camera_from_spec
from devices.fingerprint.base import FingerprintScanner
from devices.fingerprint.factory import discover_scanners, scanner_from_spec
from devices.proxies import DEFAULT_DEADLINES, CameraProxy, Deadlines, ScannerProxy
from devices.worker_thread import DeviceWorker

log = logging.getLogger(__name__)

SCANNER, CAMERA = "scanner", "camera"
NONE, READY, ABSENT, RESTARTED = "none", "ready", "absent", "restarted"
# Error codes meaning "the device is not there" (scanners and cameras).
ABSENCE_CODES = frozenset({"device_not_connected", "device_unplugged", "camera.not_connected",
                           "camera.unplugged"})
StateCallback = Callable[[str, str, dict[str, Any] | None], None]


def is_absence(exc: BaseException | None) -> bool:
    return isinstance(exc, errors.DeviceError) and exc.code in ABSENCE_CODES


def present_hint(spec: str) -> bool | None:
    """A cheap OS-level presence check that never talks to the driver; None when unknown."""
    kind, _, rest = spec.partition(":")
    if kind == "r30x":
        path = rest.rpartition("@")[0] if "@" in rest else rest
        return os.path.exists(path) if path.startswith("/") else None  # COMx: no file
    if kind == "sbi" and rest:
        return port_is_open(int(rest.rpartition(":")[2]))
    return None


def port_is_open(port: int, host: str = "127.0.0.1", timeout: float = 0.2) -> bool:
    with socket.socket() as s:
        s.settimeout(timeout)
        return s.connect_ex((host, port)) == 0


def _reopen(device: Any) -> None:
    """Probe on the device's thread: drop any half-dead connection, then open afresh."""
    device.close()
    device.open()


class _Slot:
    """One device kind: its spec, worker, proxy and state."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.spec: str | None = None
        self.worker: DeviceWorker | None = None
        self.proxy: ScannerProxy | CameraProxy | None = None
        self.state = NONE
        self.error: dict[str, Any] | None = None


class DeviceManager:
    """Discovery, the chosen devices, unplug/replug. Call close() at shutdown."""

    def __init__(
        self, *, on_state: StateCallback | None = None, deadlines: Deadlines = DEFAULT_DEADLINES,
        poll_interval: float = 2.0,
        scanner_factory: Callable[[str], FingerprintScanner] = scanner_from_spec,
        camera_factory: Callable[[str], Camera] = camera_from_spec,
    ) -> None:
        self.on_state = on_state
        self.deadlines = deadlines
        self.poll_interval = poll_interval
        self._factories: dict[str, Callable[[str], Any]] = {SCANNER: scanner_factory,
                                                             CAMERA: camera_factory}
        self._slots = {SCANNER: _Slot(SCANNER), CAMERA: _Slot(CAMERA)}
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._poller: threading.Thread | None = None

    # -- discovery ---------------------------------------------------------------------------
    @staticmethod
    def discover(*, probe_serial: bool = False, sbi_ports: range | None = None,
                 camera_indexes: range = range(4), include_simulated: bool = True,
                 ) -> list[dict[str, Any]]:
        """Scanners (SBI 127.0.0.1:4501-4600, serial ports, simulated) and cameras that open."""
        found: list[dict[str, Any]] = [
            dict(d, device=SCANNER) for d in discover_scanners(
                probe_serial=probe_serial, include_simulated=include_simulated,
                sbi_ports=sbi_ports)]
        for index in camera_indexes:
            cam = camera_from_spec(f"camera:{index}")
            try:
                cam.open()
            except errors.DeviceError:
                continue
            finally:
                cam.close()
            found.append({"device": CAMERA, "kind": "camera", "spec": f"camera:{index}",
                          "verified": True})
        if include_simulated:
            found.append({"device": CAMERA, "kind": "camera", "spec": "simulated",
                          "verified": True})
        return found

    # -- choosing devices --------------------------------------------------------------------
    def use_scanner(self, spec: str | None) -> str:
        """Choose (or with None, drop) the scanner; returns its state after a first open."""
        return self._use(SCANNER, spec)

    def use_camera(self, spec: str | None) -> str:
        return self._use(CAMERA, spec)

    def _use(self, kind: str, spec: str | None) -> str:
        slot = self._slots[kind]
        with self._cond:
            old, slot.worker, slot.proxy, slot.spec = slot.worker, None, None, spec
        if old is not None:
            old.stop(timeout=self.deadlines.short)
        if spec is None:
            self._set(slot, NONE, None)
            return NONE
        factory = self._factories[kind]
        worker: DeviceWorker = DeviceWorker(
            lambda: factory(spec), kind=kind, name=kind, default_deadline=self.deadlines.short,
            on_event=lambda event, exc: self._on_event(slot, worker, event, exc))
        proxy_cls = ScannerProxy if kind == SCANNER else CameraProxy
        with self._cond:
            slot.worker, slot.proxy = worker, proxy_cls(worker, self.deadlines)  # type: ignore[arg-type]
        self._probe(slot)
        return slot.state

    def scanner(self) -> ScannerProxy:
        """The current scanner; ask again for every operation (never keep it across one)."""
        return self._proxy(SCANNER)  # type: ignore[return-value]

    def camera(self) -> CameraProxy:
        return self._proxy(CAMERA)  # type: ignore[return-value]

    def _proxy(self, kind: str) -> ScannerProxy | CameraProxy:
        slot = self._slots[kind]
        with self._cond:
            if slot.proxy is None:
                raise errors.NotConnected(kind=kind, detail="no device chosen")
            return slot.proxy

    def spec(self, kind: str) -> str | None:
        return self._slots[kind].spec

    def state(self, kind: str) -> str:
        return self._slots[kind].state

    def wait_state(self, kind: str, state: str, timeout: float) -> bool:
        """Block until `kind` is in `state` (for the CLI and tests); False on timeout."""
        slot = self._slots[kind]
        with self._cond:
            return self._cond.wait_for(lambda: slot.state == state, timeout)

    # -- background poll ---------------------------------------------------------------------
    def start(self) -> DeviceManager:
        """Start the replug poll (idempotent)."""
        if self._poller is None:
            self._stop.clear()
            self._poller = threading.Thread(target=self._poll, name="device-poll", daemon=True)
            self._poller.start()
        return self

    def close(self) -> None:
        """Stop the poll and the device threads (devices are closed on their own threads)."""
        self._stop.set()
        if self._poller is not None:
            self._poller.join(self.deadlines.short + self.poll_interval)
            self._poller = None
        for slot in self._slots.values():
            worker, slot.worker, slot.proxy = slot.worker, None, None
            if worker is not None:
                worker.stop(timeout=self.deadlines.short)

    def _poll(self) -> None:
        while not self._stop.wait(self.poll_interval):
            for slot in self._slots.values():
                if self._stop.is_set():
                    return
                try:
                    self._check(slot)
                except Exception:  # the poll must outlive any driver surprise
                    log.exception("device poll failed for %s", slot.kind)

    def _check(self, slot: _Slot) -> None:
        spec = slot.spec
        if spec is None or slot.worker is None:
            return
        hint = present_hint(spec)
        if slot.state == ABSENT:
            if hint is not False:
                self._probe(slot)
        elif hint is False:  # idle and gone: say so before the officer presses Capture
            self._set(slot, ABSENT, errors.Unplugged(kind=slot.kind, detail="gone").as_dict())

    def _probe(self, slot: _Slot) -> None:
        worker = slot.worker
        if worker is None:
            return
        fut = worker.submit(_reopen, deadline=self.deadlines.short, label="probe")
        try:
            fut.result(timeout=self.deadlines.short * 2 + 1)  # the watchdog ends it sooner
        except Exception as exc:  # noqa: BLE001 - the state says what happened
            if slot.state != ABSENT or is_absence(exc):
                err = exc.as_dict() if isinstance(exc, errors.DeviceError) else None
                self._set(slot, ABSENT, err)

    # -- state -------------------------------------------------------------------------------
    def _on_event(self, slot: _Slot, worker: DeviceWorker, event: str,
                  exc: BaseException | None) -> None:
        if slot.worker is not worker:
            return  # a replaced worker's last words
        if event == "ok":
            if slot.state != READY:
                self._set(slot, READY, None)
        elif event == "restarted":
            self._set(slot, RESTARTED, exc.as_dict() if isinstance(exc, errors.DeviceError)
                      else None)
        elif is_absence(exc):
            self._set(slot, ABSENT, exc.as_dict())  # type: ignore[union-attr]

    def _set(self, slot: _Slot, state: str, error: dict[str, Any] | None) -> None:
        with self._cond:
            code = error.get("code") if error else None
            if slot.state == state and (slot.error or {}).get("code") == code:
                return  # same news: no repeated callback
            slot.state, slot.error = state, error
            self._cond.notify_all()
        if self.on_state is not None:
            try:
                self.on_state(slot.kind, state, error)
            except Exception:  # a UI callback must not break the manager
                log.exception("device state callback failed")


def run_self_test(spec: str, *, deadlines: Deadlines = DEFAULT_DEADLINES) -> dict[str, Any]:
    """`devices test --device SPEC` under the watchdog: a hung device fails with Hung instead of
    hanging the command. `camera:...` and `simulated-camera` are cameras, the rest scanners."""
    if spec.startswith("camera:") or spec == "simulated-camera":
        target = "simulated" if spec == "simulated-camera" else spec
        worker: DeviceWorker = DeviceWorker(lambda: camera_from_spec(target), kind=CAMERA,
                                            name="test-camera")
    else:
        worker = DeviceWorker(lambda: scanner_from_spec(spec), kind=SCANNER, name="test-scanner")
    try:
        report = worker.call(lambda d: d.self_test(), deadline=deadlines.self_test,
                             label="self_test")
        return {"spec": spec, **report.as_dict()}
    finally:
        worker.stop(timeout=deadlines.short)
