"""A scanner twin for the demo, training and tests: synthetic prints through the same base class.

It plays one person (a seed) whose fingers keep their ridges across captures, with a quality per
finger and missing fingers, and it fails on demand: a script of outcomes is consumed one per
capture ("ok", "poor", "worn", "no_finger", "timeout", "unplugged", "garbage", "blank", "noise"),
then `default` applies. Slaps 13/14/15 and single fingers 1-10, plain or rolled.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable

import numpy as np

from devices import errors
from devices.fingerprint.base import (
    ALL_POSITIONS,
    IMPRESSION_PLAIN,
    IMPRESSION_ROLLED,
    SLAP_FINGERS,
    Capture,
    DeviceInfo,
    FingerprintScanner,
    check_position,
)
from devices.fingerprint.synthetic import QUALITIES, generate_print, generate_slap
from devices.prompts import NULL_PROMPTS, PromptHandler

OUTCOMES = QUALITIES + ("ok", "no_finger", "timeout", "unplugged", "garbage", "busy", "blank",
                        "noise")


class SimulatedScanner(FingerprintScanner):
    """Synthetic scanner; `script` outcomes are used first, one per capture, then `default`."""

    def __init__(
        self, *, seed: int = 1, default: str = "good", script: Iterable[str] = (),
        qualities: dict[int, str] | None = None, missing: Iterable[int] = (),
        latency: float = 0.0, single_size: tuple[int, int] = (400, 500),
        device_id: str = "simulated",
    ) -> None:
        for outcome in (default, *script, *(qualities or {}).values()):
            if outcome not in OUTCOMES:
                raise ValueError(f"unknown outcome {outcome!r}")
        self.seed = seed
        self.default = default
        self.script: deque[str] = deque(script)
        self.qualities = dict(qualities or {})
        self.missing = tuple(int(m) for m in missing)
        self.latency = latency
        self.single_size = single_size
        self._device_id = device_id
        self.is_open = False
        self.plugged = True
        self.captures = 0

    def open(self) -> None:
        if not self.plugged:
            raise errors.NotConnected(detail="simulated scanner unplugged")
        self.is_open = True

    def close(self) -> None:
        self.is_open = False

    def info(self) -> DeviceInfo:
        return DeviceInfo(device_id=self._device_id, kind="simulated",
                          model="Simulated 500 ppi scanner", serial=f"SIM-{self.seed}",
                          image_width=self.single_size[0], image_height=self.single_size[1],
                          ppi=500, positions=ALL_POSITIONS)

    def _next_outcome(self, position: int) -> str:
        if self.script:
            return self.script.popleft()
        return self.qualities.get(position, self.default)

    def capture(
        self, position: int, *, prompts: PromptHandler = NULL_PROMPTS, timeout: float = 15.0,
        rolled: bool = False, missing: tuple[int, ...] = (),
    ) -> Capture:
        pos = check_position(position)
        if not self.is_open:
            raise errors.NotConnected(detail="scanner not open")
        rolled = rolled and pos not in SLAP_FINGERS
        (prompts.roll if rolled else prompts.place_finger)(pos)
        outcome = self._next_outcome(pos)
        if self.latency:
            time.sleep(min(self.latency, timeout))
        impression = self.captures
        self.captures += 1
        image = self._image(pos, outcome, impression, rolled, timeout)
        prompts.lift_finger()
        return Capture(image=image, ppi=500, device_id=self._device_id, position=pos,
                       impression=IMPRESSION_ROLLED if rolled else IMPRESSION_PLAIN,
                       meta={"simulated": outcome})

    def _image(self, pos: int, outcome: str, impression: int, rolled: bool,
               timeout: float) -> np.ndarray:
        fails = {
            "no_finger": errors.NoFinger(detail="simulated"),
            "timeout": errors.Timeout(detail="simulated"),
            "garbage": errors.ProtocolError(detail="simulated garbage"),
            "busy": errors.DeviceBusy(detail="simulated"),
        }
        if outcome in fails:
            raise fails[outcome]
        if outcome == "unplugged":
            self.plugged = False
            self.is_open = False
            raise errors.Unplugged(detail="simulated")
        w, h = self.single_size if pos not in SLAP_FINGERS else (1600, 1500)
        rng = np.random.default_rng(impression)
        if outcome == "blank":
            return np.clip(rng.normal(246, 2, (h, w)), 0, 255).astype(np.uint8)
        if outcome == "noise":
            return rng.integers(0, 256, (h, w), dtype=np.uint8)
        quality = "good" if outcome == "ok" else outcome
        if pos in SLAP_FINGERS:
            return generate_slap(self.seed, pos, quality=quality, impression=impression,
                                 missing=self.missing)
        if pos in self.missing:
            return np.clip(rng.normal(246, 2, (h, w)), 0, 255).astype(np.uint8)
        return generate_print(self.seed, position=pos, quality=quality, impression=impression,
                              width=w, height=h, rolled=rolled)
