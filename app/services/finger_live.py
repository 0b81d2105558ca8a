"""The guided fingerprint step as a service: one worker thread, one position at a time.

The screen shows each attempt as it happens (position, attempt, NFIQ 2, the device's prompts)
and the officer can mark a finger as an exception or capture a position again while the scanner
stays open. Everything heavy (synthetic prints, NFIQ 2, WSQ) runs on the worker; events go to a
callback the caller marshals to its own thread. No Qt here.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from app.domain.errors import StationError
from app.services.capture import DeviceProblem, device_call, fingers_to_record
from devices import errors
from devices.fingerprint import gate, wsq_codec
from devices.fingerprint.base import SLAP_FINGERS, FingerprintScanner
from devices.fingerprint.capture_flow import DEFAULT_SEQUENCE, EXCEPTIONS, Attempt, CaptureFlow

# Why a finger cannot be printed: key -> (vi, en); the keys CaptureFlow accepts.
EXCEPTION_REASONS: dict[str, tuple[str, str]] = {k: (v[1], v[2]) for k, v in EXCEPTIONS.items()}
SLAPS = SLAP_FINGERS  # slap position -> the single fingers it shows


@dataclass(frozen=True)
class FingerEvent:
    """What the worker reports. kind: current | prompt | attempt | position | done | error |
    closed. `reason`: prompt "place"/"roll"/"lift"/"info"; attempt "ok", a gate reason or a
    device code; `state` (position): good / forced / failed / exception."""

    kind: str
    position: int | None = None
    attempt: int = 0
    quality: int | None = None
    passed: bool = False
    reason: str = ""
    text: str = ""
    state: str = ""
    blobs: dict[str, bytes] | None = None
    capture: dict[str, Any] | None = None
    error: BaseException | None = None
    advice: tuple[str, str] = ("", "")  # attempt without a score: what to do (vi, en)


def reason_text(code: str) -> tuple[str, str]:
    """Why an attempt gave nothing usable, for the officer (vi, en)."""
    if code in gate.REASONS:
        return gate.REASONS[code]
    for cls in (errors.NoFinger, errors.Timeout, errors.ProtocolError, errors.DeviceBusy):
        if cls.code == code:
            err = cls()
            return err.vi, err.en
    return f"Ảnh không dùng được ({code}).", f"Unusable capture ({code})."


class _Cancelled(Exception):
    pass


class _Prompts:
    """The device's prompts as events (called on the worker; a cancel stops before a wait)."""

    def __init__(self, session: FingerSession) -> None:
        self.s = session

    def place_finger(self, position: int) -> None:
        self.s._check_cancel()
        self.s._emit(FingerEvent("prompt", position, reason="place"))

    def roll(self, position: int) -> None:
        self.s._check_cancel()
        self.s._emit(FingerEvent("prompt", position, reason="roll"))

    def lift_finger(self) -> None:
        self.s._emit(FingerEvent("prompt", self.s.current, reason="lift"))

    def info(self, text: str) -> None:
        self.s._emit(FingerEvent("prompt", self.s.current, reason="info", text=text))


class FingerSession:
    """Open the scanner from `open_scanner`, run the sequence, answer retry/exception requests.

    Policy "none" (under 6) takes no prints; "with_guardian" and "full" take all 13 positions.
    Retries up to `max_retries` per round; the best attempt is kept and marked forced when it
    stays under `threshold`. A fatal device error is reported and the scanner is reopened on
    the next request, keeping what was captured."""

    def __init__(self, open_scanner: Callable[[], FingerprintScanner],
                 on_event: Callable[[FingerEvent], None], *, policy: str = "full",
                 threshold: int = 40, max_retries: int = 3,
                 sequence: Iterable[int] = DEFAULT_SEQUENCE, timeout: float = 15.0,
                 exceptions: dict[int, str] | None = None) -> None:
        self.open_scanner = open_scanner
        self.on_event = on_event
        self.policy = policy
        self.threshold = threshold
        self.max_retries = max_retries
        self.sequence = tuple(sequence)
        self.timeout = timeout
        self.current: int | None = None
        self.seconds = 0.0  # time spent capturing (all commands)
        self._scanner: FingerprintScanner | None = None
        self._flow: CaptureFlow | None = None
        self._queue: queue.Queue[tuple[Any, ...] | None] = queue.Queue()
        self._pending: dict[int, tuple[str, str]] = {}
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._wsq: dict[int, tuple[Any, bytes]] = {}
        self._thread: threading.Thread | None = None
        for pos, reason in (exceptions or {}).items():
            self.mark_exception(pos, reason, apply=False)

    # -- called from any thread -----------------------------------------------------------------
    def start(self, positions: Iterable[int] | None = None) -> None:
        """Capture every position still open (or only `positions`), in sequence order."""
        self._send(("run", None if positions is None else frozenset(positions)))

    def retry(self, position: int) -> None:
        """Another round of attempts at `position` (best of all rounds kept)."""
        self._send(("retry", int(position)))

    def mark_exception(self, position: int, reason: str, note: str = "",
                       apply: bool = True) -> None:
        """A single finger (1-10) that cannot be printed; applied before the next attempt
        (apply=False: only with the next start or retry)."""
        if reason not in EXCEPTIONS:
            raise ValueError(f"exception must be one of {sorted(EXCEPTIONS)}")
        if int(position) not in range(1, 11):
            raise ValueError("exceptions are for single fingers 1-10")
        with self._lock:
            self._pending[int(position)] = (reason, note)
        if apply:
            self._send(("apply",))

    def close(self, timeout: float = 5.0) -> bool:
        """Stop after the current attempt and release the scanner; True once the worker ended."""
        self._cancel.set()
        self._queue.put(None)
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- worker ---------------------------------------------------------------------------------
    def _send(self, cmd: tuple[Any, ...]) -> None:
        if self._cancel.is_set():
            return
        self._queue.put(cmd)
        if self._thread is None:
            self._thread = threading.Thread(target=self._main, name="finger-capture",
                                            daemon=True)
            self._thread.start()

    def _emit(self, event: FingerEvent) -> None:
        try:
            self.on_event(event)
        except Exception:  # noqa: BLE001, S110 - a listener's bug must not kill the capture
            pass

    def _check_cancel(self) -> None:
        if self._cancel.is_set():
            raise _Cancelled

    def _main(self) -> None:
        try:
            while True:
                cmd = self._queue.get()
                if cmd is None or self._cancel.is_set():
                    break
                started = time.monotonic()
                try:
                    self._command(cmd)
                except _Cancelled:
                    break
                except StationError as exc:
                    self._close_scanner()
                    self._emit(FingerEvent("error", self.current, error=exc))
                except Exception as exc:  # noqa: BLE001 - reported, never a crash
                    self._close_scanner()
                    self._emit(FingerEvent("error", self.current, error=exc))
                finally:
                    self.seconds += time.monotonic() - started
                self.current = None
                if not self._cancel.is_set():
                    blobs, capture = self.result()
                    self._emit(FingerEvent("done", blobs=blobs, capture=capture))
        finally:
            self._close_scanner()
            self._emit(FingerEvent("closed"))

    def _command(self, cmd: tuple[Any, ...]) -> None:
        if self.policy == "none":
            return  # under 6: no prints are taken, the scanner is never opened
        flow = self._ensure_flow(open_device=cmd[0] != "apply")
        self._apply_pending()
        if cmd[0] == "run":
            for pos in self.sequence:
                self._apply_pending()
                if (cmd[1] is None or pos in cmd[1]) and not flow.result.positions[pos].done:
                    self._capture(pos)
        elif cmd[0] == "retry" and cmd[1] in flow.result.positions:
            self._capture(cmd[1])

    def _ensure_flow(self, open_device: bool = True) -> CaptureFlow:
        if self._scanner is None and open_device:
            scanner = device_call(self.open_scanner)
            device_call(scanner.open)
            self._scanner = scanner
            if self._flow is not None:
                self._flow.scanner = scanner
        if self._flow is None:
            self._flow = CaptureFlow(self._scanner,  # type: ignore[arg-type]
                                     threshold=self.threshold, max_retries=self.max_retries,
                                     prompts=_Prompts(self), timeout=self.timeout,
                                     sequence=self.sequence, on_attempt=self._on_attempt)
        return self._flow

    def _apply_pending(self) -> None:
        flow = self._flow
        with self._lock:
            pending, self._pending = self._pending, {}
        if flow is None:
            with self._lock:
                self._pending = {**pending, **self._pending}
            return
        for pos, (reason, note) in pending.items():
            flow.mark_exception(pos, reason, note)
            for p in (pos, *[s for s, fs in SLAPS.items() if pos in fs]):
                res = flow.result.positions.get(p)
                if res is not None and res.exception:  # an exception carries no image
                    res.capture, res.quality, res.forced = None, None, False
                    self._wsq.pop(p, None)
                    self._emit(FingerEvent("position", p, state="exception", reason=reason))

    def _capture(self, pos: int) -> None:
        self._check_cancel()
        flow = self._flow
        assert flow is not None
        res = flow.result.positions[pos]
        if res.exception:
            return
        self.current = pos
        self._emit(FingerEvent("current", pos, attempt=len(res.attempts)))
        device_call(lambda: flow.capture_position(pos))
        if res.capture is not None and self._wsq.get(pos, (None,))[0] is not res.capture:
            self._wsq[pos] = (res.capture, wsq_codec.encode(res.capture.image))
        state = "failed" if res.capture is None else "forced" if res.forced else "good"
        self._emit(FingerEvent("position", pos, attempt=len(res.attempts), quality=res.quality,
                               state=state))

    def _on_attempt(self, pos: int, attempt: Attempt) -> None:
        res = self._flow.result.positions[pos] if self._flow else None
        self._emit(FingerEvent("attempt", pos, attempt=len(res.attempts) if res else 0,
                               quality=attempt.score, reason=attempt.reason,
                               advice=("", "") if attempt.score is not None
                               else reason_text(attempt.reason),
                               passed=attempt.score is not None
                               and attempt.score >= self.threshold))
        self._check_cancel()

    def _close_scanner(self) -> None:
        scanner, self._scanner = self._scanner, None
        if scanner is not None:
            try:
                scanner.close()
            except Exception:  # noqa: BLE001, S110 - closing a gone device is not news
                pass

    # -- result -------------------------------------------------------------------------------
    def result(self) -> tuple[dict[str, bytes], dict[str, Any]]:
        """(blobs, {"fingers": [...]}) as the record stores them; positions not done are left
        out. Call from the worker's events or after close()."""
        if self._flow is None:
            return {}, {"fingers": []}
        cache = {id(cap.image): data for cap, data in self._wsq.values()}
        bio = fingers_to_record(self._flow.result,
                                encode=lambda img: cache.get(id(img)) or wsq_codec.encode(img))
        done = {p for p, r in self._flow.result.positions.items() if r.done}
        fingers = [f for f in bio.capture["fingers"] if f["position"] in done]
        for f in fingers:
            note = self._flow.result.positions[f["position"]].note
            if note:
                f["note"] = note
        return dict(bio.blobs), {"fingers": fingers}


__all__ = ["EXCEPTION_REASONS", "DeviceProblem", "FingerEvent", "FingerSession"]
