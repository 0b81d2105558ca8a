"""The station's chosen camera and scanner, owned by one DeviceManager for the whole run.

The UI never talks to devices/ itself: it asks this object to discover, self-test and choose,
and gets a DeviceSource for the capture screens whose factories hand out the manager's current
proxies (so a screen never keeps a driver across an unplug or a change of device). The choice
is remembered in the station's settings. `simulated` specs keep the demo's behaviour: a fresh
simulated camera or scanner per screen, so two residents never share prints. Everything here
blocks; the UI calls it off the GUI thread. State changes arrive on manager threads through
`on_state(kind, state, error)`; a Qt caller turns them into signals.
"""

from __future__ import annotations

import random
import threading
from pathlib import Path
from typing import Any

from app.domain.errors import InputError
from app.services import devices
from app.services import settings as settings_service
from app.services.capture import DeviceSource, device_call
from app.services.station import Session
from devices.camera.synthetic import SyntheticCamera
from devices.fingerprint.simulated import SimulatedScanner
from devices.manager import CAMERA, NONE, READY, SCANNER, DeviceManager, StateCallback

KINDS = (CAMERA, SCANNER)
SIMULATED = "simulated"


def _simulated_camera() -> SyntheticCamera:
    return SyntheticCamera()


def _simulated_scanner() -> SimulatedScanner:
    return SimulatedScanner(seed=random.randrange(1 << 30))


class StationDevices:
    """Discovery, self-tests, the chosen devices and their state, for one station run."""

    def __init__(self, data_dir: Path, on_state: StateCallback | None = None,
                 manager: DeviceManager | None = None,
                 default: dict[str, str | None] | None = None) -> None:
        """`default`: specs to use when the station has chosen none yet (the demo: simulated)."""
        self.data_dir = Path(data_dir)
        self._listen = threading.Lock()
        self._on_state = on_state
        self.manager = manager or DeviceManager(on_state=self._state)
        if manager is not None:
            manager.on_state = self._state
        self.default = default or {}

    @property
    def on_state(self) -> StateCallback | None:
        return self._on_state

    @on_state.setter
    def on_state(self, callback: StateCallback | None) -> None:
        """Waits for a callback in flight: once this returns with None, no thread calls the old
        one again (a Qt receiver may be deleted right after)."""
        with self._listen:
            self._on_state = callback

    def _state(self, kind: str, state: str, error: dict[str, Any] | None) -> None:
        with self._listen:
            if self._on_state is not None:
                self._on_state(kind, state, error)

    # -- what is there -----------------------------------------------------------------------
    def discover(self, probe_serial: bool = False) -> list[dict[str, Any]]:
        """Cameras and scanners in view, simulated ones included; `device` is camera/scanner."""
        return devices.discover(probe_serial)

    def self_test(self, spec: str, kind: str = SCANNER) -> dict[str, Any]:
        """The device's own test under the watchdog; `spec` and `device` as the caller named
        them (the simulated camera is tested as `simulated-camera` underneath)."""
        return {**devices.self_test(_test_spec(spec, kind)), "spec": spec, "device": kind}

    # -- the chosen devices ------------------------------------------------------------------
    def restore(self) -> dict[str, Any]:
        """Open the saved (or default) choices; blocking, so call it off the GUI thread."""
        saved = settings_service.load(self.data_dir)
        for kind in KINDS:
            spec = getattr(saved, kind) or self.default.get(kind)
            if spec:
                self._use(kind, spec)
        self.manager.start()
        return self.status()

    def choose(self, session: Session, kind: str, spec: str | None) -> dict[str, Any]:
        """Use `spec` for `kind` from now on and remember it; returns the new status."""
        if kind not in KINDS:
            raise InputError("bad_device_kind", "Loại thiết bị không hợp lệ.",
                             "Unknown device kind.", field="device")
        settings_service.update(session, **{kind: spec})
        self._use(kind, spec)
        return self.status()

    def _use(self, kind: str, spec: str | None) -> str:
        use = self.manager.use_camera if kind == CAMERA else self.manager.use_scanner
        try:
            return use(spec)
        except ValueError as exc:  # a spec the factory cannot parse: the device is absent
            raise InputError("bad_device_spec", f"Không hiểu thiết bị '{spec}'.",
                             f"Unknown device '{spec}': {exc}", field="device") from None

    def status(self) -> dict[str, Any]:
        """{camera|scanner: {"spec", "state"}}; state is none / ready / absent / restarted."""
        return {k: {"spec": self.manager.spec(k), "state": self.manager.state(k)} for k in KINDS}

    def source(self) -> DeviceSource:
        """Factories over the CURRENT choice (asked at every screen open)."""
        return DeviceSource(camera=self._camera, scanner=self._scanner,
                            policy=self.capture_policy)

    def capture_policy(self) -> tuple[int, int]:
        """(NFIQ 2 threshold, max retries) as the station's settings say now."""
        s = settings_service.load(self.data_dir)
        return s.nfiq_threshold, s.max_retries

    def _camera(self) -> Any:
        if self.manager.spec(CAMERA) == SIMULATED:
            return _simulated_camera()
        return device_call(self.manager.camera)

    def _scanner(self) -> Any:
        spec = self.manager.spec(SCANNER) or ""
        if spec == SIMULATED:
            return _simulated_scanner()
        return device_call(self.manager.scanner)

    def close(self) -> None:
        self.manager.close()


def ready(status: dict[str, Any], kind: str) -> bool:
    return status.get(kind, {}).get("state") == READY


def chosen(status: dict[str, Any], kind: str) -> bool:
    return status.get(kind, {}).get("state", NONE) != NONE


def _test_spec(spec: str, kind: str) -> str:
    """run_self_test reads `simulated` as a scanner; the simulated camera is `simulated-camera`."""
    return "simulated-camera" if kind == CAMERA and spec == SIMULATED else spec
