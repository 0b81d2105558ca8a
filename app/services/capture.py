"""Biometric capture for one enrollment: a portrait and the 4-4-2 + ten-finger sequence.

Drivers live in devices/; this module runs them for a service caller and turns what they return
into what the record stores: blobs (portrait JPEG, WSQ prints) and capture metadata (quality,
retries, forced, exceptions) that the packet manifest carries.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.domain.errors import InputError, StationError
from app.services.packaging import FACE_BLOB, REQUIRED_POSITIONS, finger_blob
from devices.camera.base import Camera
from devices.errors import DeviceError
from devices.fingerprint import wsq_codec
from devices.fingerprint.base import FingerprintScanner
from devices.fingerprint.capture_flow import DEFAULT_SEQUENCE, CaptureFlow, CaptureResult
from devices.portrait.analyse import PortraitReport, capture_portrait

assert REQUIRED_POSITIONS == frozenset(DEFAULT_SEQUENCE)  # the packet and the flow agree
# The device layer's exception names -> the packet format's (docs/packet-format.md).
PACKET_EXCEPTION = {"unable_to_print": "unable"}


class DeviceProblem(StationError):
    """A device error handed to the UI or CLI, with the driver's own vi/en advice."""

    exit_code = 7

    def __init__(self, err: DeviceError) -> None:
        super().__init__(err.code, err.vi, err.en, field=err.kind)
        self.retryable = err.retryable


def device_call(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except DeviceError as err:
        raise DeviceProblem(err) from None


@dataclass
class DeviceSource:
    """Where capture screens get their devices; the composition root fills it (simulated
    devices in the demo, the device manager's proxies on a station). Factories, so a screen
    opens a device only while it is on screen and never keeps a driver across an unplug."""

    camera: Callable[[], Camera] | None = None
    scanner: Callable[[], FingerprintScanner] | None = None
    # (NFIQ 2 threshold, max retries) from the station's settings, asked at each capture
    policy: Callable[[], tuple[int, int]] | None = None


@dataclass
class Biometrics:
    blobs: dict[str, bytes] = field(default_factory=dict)
    capture: dict[str, Any] = field(default_factory=dict)


def face_quality(report: PortraitReport) -> int:
    """0-100: the share of photo checks passed (100 only when every check passed)."""
    return round(100 * sum(r.passed for r in report.checks) / max(1, len(report.checks)))


def take_portrait(camera: Camera, attempts: int = 30) -> tuple[bytes, dict[str, Any]]:
    """Read frames until one passes every check (the automatic capture), or force the best."""
    best: tuple[int, PortraitReport, bytes | None] | None = None
    for i in range(attempts):
        frame = device_call(camera.read)
        report, jpeg = device_call(lambda f=frame: capture_portrait(f, require_pass=False))
        q = face_quality(report)
        if best is None or q > best[0]:
            best = (q, report, jpeg)
        if report.passed and jpeg:
            return jpeg, {"quality": q, "retries": i, "forced": False}
    if best is None or best[2] is None:
        raise InputError("no_portrait", "Không chụp được ảnh chân dung: không thấy khuôn mặt.",
                         "No portrait could be taken: no face was found.", field="face")
    return best[2], {"quality": best[0], "retries": attempts - 1, "forced": True,
                     "failed_checks": best[1].failed}


def fingers_to_record(result: CaptureResult,
                      encode: Callable[[Any], bytes] = wsq_codec.encode) -> Biometrics:
    out = Biometrics(capture={"fingers": []})
    for res in result.positions.values():
        meta: dict[str, Any] = {"position": res.position, "quality": res.quality,
                                "retries": res.retries, "forced": res.forced,
                                "exception": PACKET_EXCEPTION.get(res.exception or "",
                                                                  res.exception)}
        if res.capture is not None:
            img = res.capture.image
            out.blobs[finger_blob(res.position)] = encode(img)
            meta.update(width=int(img.shape[1]), height=int(img.shape[0]), ppi=res.capture.ppi)
        out.capture["fingers"].append(meta)
    return out


def capture_all(camera: Camera | None, scanner: FingerprintScanner | None,
                exceptions: dict[int, str] | None = None, threshold: int = 40,
                max_retries: int = 3) -> Biometrics:
    """Portrait then fingerprints, as the officer does it; devices are opened and closed here.
    Policy defaults (MOSIP practice): NFIQ 2 threshold 40, 3 retries, best capture kept."""
    started = time.time()
    bio = Biometrics()
    if camera is not None:
        device_call(camera.open)
        try:
            jpeg, meta = take_portrait(camera)
        finally:
            camera.close()
        bio.blobs[FACE_BLOB] = jpeg
        bio.capture["face"] = meta
    if scanner is not None:
        device_call(scanner.open)
        try:
            flow = CaptureFlow(scanner, threshold=threshold, max_retries=max_retries,
                               exceptions=exceptions)
            result = device_call(flow.run)
        finally:
            scanner.close()
        fingers = fingers_to_record(result)
        bio.blobs.update(fingers.blobs)
        bio.capture["fingers"] = fingers.capture["fingers"]
    bio.capture["capture_seconds"] = round(time.time() - started, 1)
    return bio
