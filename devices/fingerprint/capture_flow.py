"""The fingerprint capture sequence of TT 60/2021 as pure logic (no Qt, no threads).

Order: right four-finger slap (13), left slap (14), both thumbs (15), then the ten fingers one by
one, rolled, right thumb (1) to left little (10). Each position gets up to 1 + max_retries
attempts; the best NFIQ 2 capture is kept and the loop stops once it reaches the threshold. A
position whose best stays below the threshold is kept with `forced=True`. Fingers that cannot be
printed carry an exception (amputated -> Type-14 AMP "XX", others -> "UP") and are skipped; a
slap then expects fewer fingers. Run it on the scanner's I/O thread. A fatal device error
(unplugged, not connected, access denied) propagates; everything done so far stays in
`flow.result` and run() resumes with the positions still open.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from devices import errors
from devices.fingerprint.base import SLAP_FINGERS, Capture, FingerprintScanner, check_position
from devices.fingerprint.quality import QualityReport, assess
from devices.prompts import NULL_PROMPTS, PromptHandler

DEFAULT_SEQUENCE: tuple[int, ...] = (13, 14, 15, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)

# Why a finger cannot be captured -> (Type-14 AMP code, vi, en).
EXCEPTIONS: dict[str, tuple[str, str, str]] = {
    "amputated": ("XX", "Cụt ngón", "Amputated"),
    "deformed": ("UP", "Dị tật", "Deformed"),
    "bandaged": ("UP", "Băng bó", "Bandaged"),
    "worn": ("UP", "Mòn vân", "Worn ridges"),
    "unable_to_print": ("UP", "Không lấy được vân", "Unable to print"),
}
# Device errors after which the flow stops (the person cannot fix them by placing a finger).
FATAL = (errors.Unplugged, errors.NotConnected, errors.AccessDenied, errors.DeviceBusy)

Assess = Callable[[Capture, tuple[int, ...]], QualityReport]


def default_assess(cap: Capture, missing: tuple[int, ...]) -> QualityReport:
    return assess(cap.image, cap.position, cap.ppi, missing=missing)


@dataclass(frozen=True)
class Attempt:
    """One try at a position: NFIQ 2 score, or why it produced nothing usable."""

    score: int | None
    reason: str  # "ok", a gate reason ("no_ridges", "blank"...) or a device error code
    seconds: float

    def as_dict(self) -> dict[str, object]:
        return {"score": self.score, "reason": self.reason, "seconds": round(self.seconds, 3)}


@dataclass
class PositionResult:
    """Outcome for one finger position."""

    position: int
    capture: Capture | None = None  # the best capture so far
    quality: int | None = None  # its NFIQ 2 (slaps: the worst finger)
    finger_scores: dict[int, int] = field(default_factory=dict)
    attempts: list[Attempt] = field(default_factory=list)
    forced: bool = False
    exception: str | None = None  # a key of EXCEPTIONS
    note: str = ""

    @property
    def retries(self) -> int:
        return max(0, len(self.attempts) - 1)

    @property
    def amp(self) -> str | None:
        """Type-14 amputation code for a position recorded as an exception."""
        return EXCEPTIONS[self.exception][0] if self.exception else None

    @property
    def done(self) -> bool:
        return self.capture is not None or self.exception is not None

    def as_dict(self) -> dict[str, object]:
        """Capture metadata for the packet manifest (no image data)."""
        return {"position": self.position, "quality": self.quality, "forced": self.forced,
                "retries": self.retries, "exception": self.exception, "amp": self.amp,
                "note": self.note, "captured": self.capture is not None,
                "finger_scores": {str(k): v for k, v in self.finger_scores.items()},
                "attempts": [a.as_dict() for a in self.attempts]}


@dataclass
class CaptureResult:
    positions: dict[int, PositionResult]

    @property
    def complete(self) -> bool:
        return all(r.done for r in self.positions.values())

    @property
    def missing_positions(self) -> list[int]:
        return [p for p, r in self.positions.items() if not r.done]

    def as_dict(self) -> dict[str, object]:
        return {"complete": self.complete,
                "positions": [r.as_dict() for r in self.positions.values()]}


class CaptureFlow:
    """Drives a FingerprintScanner through the sequence; see the module docstring."""

    def __init__(
        self, scanner: FingerprintScanner, *, threshold: int = 40, max_retries: int = 2,
        exceptions: dict[int, str] | None = None, prompts: PromptHandler = NULL_PROMPTS,
        timeout: float = 15.0, sequence: Iterable[int] = DEFAULT_SEQUENCE,
        assess_fn: Assess = default_assess, rolled_singles: bool = True,
        on_attempt: Callable[[int, Attempt], None] | None = None,
    ) -> None:
        self.scanner = scanner
        self.threshold = threshold
        self.max_retries = max_retries
        self.prompts = prompts
        self.timeout = timeout
        self.assess = assess_fn
        self.rolled_singles = rolled_singles
        self.on_attempt = on_attempt
        self.result = CaptureResult({check_position(p): PositionResult(p) for p in sequence})
        self.exceptions: dict[int, str] = {}
        for pos, reason in (exceptions or {}).items():
            self.mark_exception(pos, reason)

    def mark_exception(self, position: int, reason: str, note: str = "") -> None:
        """Record that a single finger (1-10) cannot be printed; slaps follow from fingers."""
        pos = check_position(position)
        if reason not in EXCEPTIONS:
            raise ValueError(f"exception must be one of {sorted(EXCEPTIONS)}")
        if pos in SLAP_FINGERS:
            raise ValueError("mark the single fingers; slap positions follow from them")
        self.exceptions[pos] = reason
        if pos in self.result.positions:
            res = self.result.positions[pos]
            res.exception, res.note = reason, note
        for slap, fingers in SLAP_FINGERS.items():
            if slap in self.result.positions and all(f in self.exceptions for f in fingers):
                res = self.result.positions[slap]
                res.exception = "amputated" if all(
                    self.exceptions[f] == "amputated" for f in fingers) else "unable_to_print"

    def missing_in(self, position: int) -> tuple[int, ...]:
        return tuple(f for f in SLAP_FINGERS.get(position, ()) if f in self.exceptions)

    def run(self) -> CaptureResult:
        """Capture every open position in order; returns the (shared) result."""
        for pos, res in self.result.positions.items():
            if not res.done:
                self.capture_position(pos)
        return self.result

    def capture_position(self, position: int) -> PositionResult:
        """Up to 1 + max_retries attempts at `position`; call again for another round."""
        res = self.result.positions[position]
        if res.exception:
            return res
        missing = self.missing_in(position)
        rolled = self.rolled_singles and position not in SLAP_FINGERS
        for _ in range(1 + self.max_retries):
            attempt = self._attempt(position, rolled, missing, res)
            res.attempts.append(attempt)
            if self.on_attempt:
                self.on_attempt(position, attempt)
            if res.quality is not None and res.quality >= self.threshold:
                break
        res.forced = res.capture is not None and (res.quality or 0) < self.threshold
        return res

    def _attempt(self, position: int, rolled: bool, missing: tuple[int, ...],
                 res: PositionResult) -> Attempt:
        start = time.monotonic()
        try:
            cap = self.scanner.capture(position, prompts=self.prompts, timeout=self.timeout,
                                       rolled=rolled, missing=missing)
        except FATAL:
            raise
        except errors.DeviceError as exc:
            return Attempt(None, exc.code, time.monotonic() - start)
        report = self.assess(cap, missing)
        if not report.accepted or report.score is None:
            self.prompts.info(report.gate.en)
            return Attempt(None, report.gate.reason, time.monotonic() - start)
        if res.quality is None or report.score > res.quality:
            res.capture, res.quality = cap, report.score
            res.finger_scores = dict(report.finger_scores)
        return Attempt(report.score, "ok", time.monotonic() - start)
