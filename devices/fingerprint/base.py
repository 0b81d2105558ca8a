"""The fingerprint scanner contract every driver and twin implements (R30x, SBI, simulated).

A capture is a grayscale image plus what a Type-14 record needs to describe it (position,
resolution, device). Drivers are not thread-safe: one I/O thread per device owns the object.
"""

from __future__ import annotations

import abc
import time
from dataclasses import dataclass, field
from enum import IntEnum

import numpy as np

from devices.prompts import NULL_PROMPTS, PromptHandler


class FingerPosition(IntEnum):
    """ANSI/NIST-ITL 1-2011 finger positions used by the station (Table 8)."""

    R_THUMB = 1
    R_INDEX = 2
    R_MIDDLE = 3
    R_RING = 4
    R_LITTLE = 5
    L_THUMB = 6
    L_INDEX = 7
    L_MIDDLE = 8
    L_RING = 9
    L_LITTLE = 10
    R_SLAP = 13  # right four fingers, plain
    L_SLAP = 14  # left four fingers, plain
    THUMBS = 15  # both thumbs, plain


SINGLE_FINGERS: tuple[int, ...] = tuple(range(1, 11))
SLAPS: tuple[int, ...] = (13, 14, 15)
ALL_POSITIONS: tuple[int, ...] = SINGLE_FINGERS + SLAPS
# Which single fingers appear in a multi-finger image, left to right as seen on the glass.
SLAP_FINGERS: dict[int, tuple[int, ...]] = {13: (2, 3, 4, 5), 14: (10, 9, 8, 7), 15: (6, 1)}

# Type-14 impression types (IMP): live-scan plain and live-scan rolled.
IMPRESSION_PLAIN = 0
IMPRESSION_ROLLED = 1


def check_position(position: int) -> int:
    """Return `position` as an int, or raise ValueError when it is not one the station uses."""
    pos = int(position)
    if pos not in ALL_POSITIONS:
        raise ValueError(f"unsupported finger position {position!r}")
    return pos


@dataclass(frozen=True)
class Capture:
    """One captured impression: an 8-bit grayscale image (rows x cols), white background."""

    image: np.ndarray
    ppi: int
    device_id: str
    position: int
    impression: int = IMPRESSION_PLAIN
    captured_at: float = field(default_factory=time.time)
    # Free technical notes (sensor model, retries inside the driver...), never personal data.
    meta: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        img = self.image
        if not isinstance(img, np.ndarray) or img.dtype != np.uint8 or img.ndim != 2:
            raise ValueError("capture image must be a 2-D uint8 numpy array")
        check_position(self.position)
        if self.ppi <= 0:
            raise ValueError("ppi must be positive")

    @property
    def width(self) -> int:
        return int(self.image.shape[1])

    @property
    def height(self) -> int:
        return int(self.image.shape[0])


@dataclass(frozen=True)
class DeviceInfo:
    """What a device says about itself; shown by `devices list` and recorded with captures."""

    device_id: str
    kind: str  # "r30x", "sbi", "simulated"
    model: str
    serial: str = ""
    firmware: str = ""
    image_width: int = 0
    image_height: int = 0
    ppi: int = 500
    positions: tuple[int, ...] = SINGLE_FINGERS
    extra: dict[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "device_id": self.device_id, "kind": self.kind, "model": self.model,
            "serial": self.serial, "firmware": self.firmware, "image_width": self.image_width,
            "image_height": self.image_height, "ppi": self.ppi, "positions": list(self.positions),
            "extra": dict(self.extra),
        }


@dataclass(frozen=True)
class SelfTestReport:
    """Result of self_test(): each check is (name, passed, note)."""

    device_id: str
    checks: tuple[tuple[str, bool, str], ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return all(passed for _, passed, _ in self.checks)

    def as_dict(self) -> dict[str, object]:
        return {"device_id": self.device_id, "ok": self.ok, "seconds": round(self.seconds, 3),
                "checks": [{"name": n, "ok": p, "note": note} for n, p, note in self.checks]}


class FingerprintScanner(abc.ABC):
    """Base class: open/close/capture/self_test/info. Errors are devices.errors.DeviceError."""

    @abc.abstractmethod
    def open(self) -> None:
        """Connect (and authenticate); raise NotConnected / AccessDenied / Timeout."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the device; safe to call twice."""

    @abc.abstractmethod
    def capture(
        self, position: int, *, prompts: PromptHandler = NULL_PROMPTS, timeout: float = 15.0,
        rolled: bool = False, missing: tuple[int, ...] = (),
    ) -> Capture:
        """Guide the person through `prompts`, wait up to `timeout` s for a finger, return it.

        `missing` names fingers of a slap declared absent (amputated, bandaged), so a device
        that segments slaps does not wait for them."""

    @abc.abstractmethod
    def info(self) -> DeviceInfo:
        """Describe the device (model, serial, image size, positions it can capture)."""

    @property
    def positions(self) -> tuple[int, ...]:
        return self.info().positions

    def self_test(self) -> SelfTestReport:
        """Default self-test: open (idempotent in every driver), then read the device info.

        Drivers add their own checks; a self-test reports failures, it never raises."""
        start = time.monotonic()
        checks: list[tuple[str, bool, str]] = []
        device_id = "?"
        try:
            self.open()
            checks.append(("open", True, "ok"))
            info = self.info()
            device_id = info.device_id
            checks.append(("info", True, f"{info.model} {info.image_width}x{info.image_height}"))
        except Exception as exc:  # noqa: BLE001 - a self-test reports, it does not raise
            checks.append(("device", False, getattr(exc, "code", type(exc).__name__)))
        return SelfTestReport(device_id, tuple(checks), time.monotonic() - start)

    def __enter__(self) -> FingerprintScanner:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
