"""The capture sequence: order, retries, best kept, forced flag, exceptions, fatal errors."""

from __future__ import annotations

from collections import deque

import numpy as np
import pytest

from devices import errors
from devices.fingerprint.base import Capture, DeviceInfo, FingerprintScanner
from devices.fingerprint.capture_flow import DEFAULT_SEQUENCE, CaptureFlow
from devices.fingerprint.gate import GateResult
from devices.fingerprint.quality import QualityReport
from devices.fingerprint.simulated import SimulatedScanner
from devices.prompts import RecordingPrompts


class ScriptedScanner(FingerprintScanner):
    """Returns tiny captures whose 'score' is scripted; exceptions in the script are raised."""

    def __init__(self, script):
        self.script = deque(script)
        self.calls: list[tuple[int, bool]] = []
        self.missing_seen: dict[int, tuple[int, ...]] = {}

    def open(self):
        pass

    def close(self):
        pass

    def info(self):
        return DeviceInfo("scripted", "test", "scripted")

    def capture(self, position, *, prompts=None, timeout=15.0, rolled=False, missing=()):
        self.calls.append((position, rolled))
        self.missing_seen[position] = missing
        item = self.script.popleft() if self.script else 60
        if isinstance(item, Exception):
            raise item
        return Capture(np.zeros((4, 4), np.uint8), 500, "scripted", position,
                       meta={"score": item})


def fake_assess(cap, missing):
    score = cap.meta["score"]
    if score is None:
        return QualityReport(GateResult(False, "no_ridges"), None)
    return QualityReport(GateResult(True, "ok"), score)


def flow(script, **kw):
    scanner = ScriptedScanner(script)
    return scanner, CaptureFlow(scanner, assess_fn=fake_assess, **kw)


def test_sequence_is_slaps_then_rolled_fingers_right_thumb_first():
    scanner, f = flow([])
    result = f.run()
    assert [p for p, _ in scanner.calls] == [13, 14, 15, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert list(DEFAULT_SEQUENCE) == [p for p, _ in scanner.calls]
    assert [rolled for _, rolled in scanner.calls] == [False] * 3 + [True] * 10
    assert result.complete and all(r.retries == 0 and not r.forced
                                   for r in result.positions.values())


def test_retries_until_threshold_and_keeps_best():
    scanner, f = flow([20, 35, 55], sequence=(2,), threshold=40, max_retries=3)
    res = f.run().positions[2]
    assert [a.score for a in res.attempts] == [20, 35, 55]
    assert res.retries == 2 and res.quality == 55 and not res.forced
    assert res.capture.meta["score"] == 55


def test_forced_when_threshold_never_reached_best_of_all_kept():
    scanner, f = flow([30, 38, 25], sequence=(3,), threshold=40, max_retries=2)
    res = f.run().positions[3]
    assert res.forced and res.quality == 38 and res.capture.meta["score"] == 38
    assert len(scanner.calls) == 3  # 1 + max_retries, no more
    assert res.as_dict()["forced"] is True and res.as_dict()["retries"] == 2


def test_rejected_and_failed_attempts_count_but_never_become_the_capture():
    script = [None, errors.NoFinger(), errors.ProtocolError(), 45]
    scanner, f = flow(script, sequence=(4,), max_retries=3)
    res = f.run().positions[4]
    assert [a.reason for a in res.attempts] == ["no_ridges", "no_finger",
                                                "device_protocol_error", "ok"]
    assert res.quality == 45 and not res.forced


def test_nothing_usable_leaves_position_open_until_marked():
    scanner, f = flow([None, None, None], sequence=(5,), max_retries=2)
    result = f.run()
    res = result.positions[5]
    assert res.capture is None and not res.forced and not result.complete
    assert result.missing_positions == [5]
    f.mark_exception(5, "unable_to_print", note="scar")
    assert result.complete and res.amp == "UP" and res.note == "scar"


def test_exceptions_skip_fingers_and_reach_the_slaps():
    scanner, f = flow([], exceptions={1: "amputated", 6: "amputated", 2: "bandaged"})
    result = f.run()
    called = [p for p, _ in scanner.calls]
    assert 1 not in called and 6 not in called and 2 not in called
    assert 15 not in called  # both thumbs amputated: nothing to slap
    assert result.positions[15].exception == "amputated" and result.positions[15].amp == "XX"
    assert result.positions[2].amp == "UP" and result.positions[1].amp == "XX"
    assert 13 in called and f.missing_in(13) == (2,)
    assert scanner.missing_seen[13] == (2,) and scanner.missing_seen[14] == ()
    with pytest.raises(ValueError):
        f.mark_exception(13, "amputated")
    with pytest.raises(ValueError):
        f.mark_exception(3, "lost")


def test_fatal_error_stops_and_run_resumes_where_it_stopped():
    scanner, f = flow([60, errors.Unplugged()], sequence=(13, 14, 15))
    with pytest.raises(errors.Unplugged):
        f.run()
    assert f.result.positions[13].done and not f.result.positions[14].done
    f.run()
    assert [p for p, _ in scanner.calls] == [13, 14, 14, 15]
    assert f.result.complete


def test_with_simulated_scanner_and_real_quality():
    """End to end on real images: a noise capture is rejected, then a good print is kept."""
    prompts = RecordingPrompts()
    scanner = SimulatedScanner(seed=3, script=["noise", "worn", "good"],
                               single_size=(256, 288))
    scanner.open()
    f = CaptureFlow(scanner, sequence=(7,), threshold=45, max_retries=2, prompts=prompts)
    res = f.run().positions[7]
    assert [a.reason for a in res.attempts] == ["no_ridges", "ok", "ok"]
    worn, good = res.attempts[1].score, res.attempts[2].score
    assert res.quality == max(worn, good) and res.capture.impression == 1  # rolled
    assert prompts.names().count("roll") == 3 and "info" in prompts.names()
