"""The step-wise fingerprint session on the simulated scanner: events, exceptions, forcing,
device errors and cancel, and the (blobs, capture) shape the record stores."""

from __future__ import annotations

import queue
import threading

import pytest

from app.services.capture import DeviceProblem
from app.services.finger_live import FingerEvent, FingerSession
from app.services.packaging import REQUIRED_POSITIONS, finger_blob, missing_biometrics
from devices.fingerprint import wsq_codec
from devices.fingerprint.simulated import SimulatedScanner
from devices.fingerprint.synthetic import generate_print

WAIT = 60


class Recorder:
    """Collects events from the worker; `done` is set on each finished command."""

    def __init__(self) -> None:
        self.events: list[FingerEvent] = []
        self.answers: queue.Queue[FingerEvent] = queue.Queue()
        self.closed = threading.Event()

    def __call__(self, ev: FingerEvent) -> None:
        self.events.append(ev)
        if ev.kind in ("done", "error"):
            self.answers.put(ev)
        if ev.kind == "closed":
            self.closed.set()

    def wait(self) -> FingerEvent:
        """The next answer (done or error) in order."""
        return self.answers.get(timeout=WAIT)

    def kinds(self, kind: str) -> list[FingerEvent]:
        return [e for e in self.events if e.kind == kind]

    def last_done(self) -> FingerEvent:
        return self.kinds("done")[-1]


class CountingScanner(SimulatedScanner):
    def __init__(self, **kw) -> None:  # noqa: ANN003
        super().__init__(**kw)
        self.calls: list[tuple[int, tuple[int, ...]]] = []

    def capture(self, position, *, missing=(), **kw):  # noqa: ANN001, ANN003, ANN201
        self.calls.append((position, tuple(missing)))
        return super().capture(position, missing=missing, **kw)


def run(session: FingerSession, rec: Recorder) -> FingerEvent:
    session.start()
    ev = rec.wait()
    while ev.kind == "error":
        raise AssertionError(ev.error)
    return ev


def test_nogil_wsq_is_byte_identical():
    img = generate_print(5, position=2)
    assert wsq_codec._nogil_encoder() is not None  # the ctypes path is the one compared
    assert wsq_codec.encode(img) == wsq_codec.encode(img, release_gil=False)


@pytest.mark.slow
def test_all_13_positions_from_the_simulated_scanner():
    rec = Recorder()
    s = FingerSession(lambda: SimulatedScanner(seed=11), rec)
    ev = run(s, rec)
    s.close()
    assert set(ev.blobs) == {finger_blob(p) for p in REQUIRED_POSITIONS}
    assert all(b.startswith(b"\xff\xa0") for b in ev.blobs.values())
    fingers = ev.capture["fingers"]
    assert [f["position"] for f in fingers] == [13, 14, 15, *range(1, 11)]
    assert all(isinstance(f["quality"], int) and 0 < f["quality"] <= 100 for f in fingers)
    assert missing_biometrics("full", ev.capture, {**ev.blobs, "face.jpg": b""}) == []
    order = [e.position for e in rec.kinds("current")]
    assert order == [13, 14, 15, *range(1, 11)]
    prompts = [e.reason for e in rec.kinds("prompt")]
    assert prompts[:2] == ["place", "lift"] and "roll" in prompts
    print(f"13 positions from the simulated scanner in {s.seconds:.1f} s")
    assert s.seconds > 0


def test_short_sequence_reports_attempts_and_blobs():
    rec = Recorder()
    s = FingerSession(lambda: SimulatedScanner(seed=3), rec, sequence=(15, 1))
    ev = run(s, rec)
    assert set(ev.blobs) == {finger_blob(15), finger_blob(1)}
    att = rec.kinds("attempt")
    assert [(a.position, a.attempt) for a in att] == [(15, 1), (1, 1)]
    assert all(a.passed and a.quality >= 40 for a in att)
    assert [e.state for e in rec.kinds("position")] == ["good", "good"]
    prompts = [(e.position, e.reason) for e in rec.kinds("prompt")]  # devices/prompts.py
    assert prompts == [(15, "place"), (15, "lift"), (1, "roll"), (1, "lift")]
    meta = {f["position"]: f for f in ev.capture["fingers"]}
    assert meta[1]["quality"] == att[1].quality and meta[1]["forced"] is False
    assert meta[1]["width"] == 400 and meta[1]["ppi"] == 500
    assert s.close() and rec.closed.is_set()


def test_an_exception_skips_the_finger_and_travels_in_the_metadata():
    rec = Recorder()
    scanner = CountingScanner(seed=4, missing=(3,))
    s = FingerSession(lambda: scanner, rec, sequence=(13, 3, 4))
    s.mark_exception(3, "unable_to_print", "bandaged after surgery")
    assert rec.wait().capture["fingers"][0]["position"] == 3  # recorded without the scanner
    ev = run(s, rec)
    s.close()
    assert [p for p, _ in scanner.calls] == [13, 4]  # finger 3 never asked for
    assert scanner.calls[0] == (13, (3,))  # the slap expects three fingers
    meta = {f["position"]: f for f in ev.capture["fingers"]}
    assert meta[3]["exception"] == "unable" and meta[3]["note"] == "bandaged after surgery"
    assert finger_blob(3) not in ev.blobs
    assert finger_blob(13) in ev.blobs and meta[13]["exception"] is None


def test_an_exception_marked_after_capture_drops_the_image():
    rec = Recorder()
    s = FingerSession(lambda: SimulatedScanner(seed=4), rec, sequence=(2,))
    run(s, rec)
    s.mark_exception(2, "amputated")
    ev = rec.wait()
    s.close()
    assert ev.kind == "done" and ev.blobs == {}
    assert ev.capture["fingers"][0]["exception"] == "amputated"
    assert rec.kinds("position")[-1].state == "exception"


def test_a_poor_finger_is_retried_to_the_cap_then_forced():
    rec = Recorder()
    s = FingerSession(lambda: SimulatedScanner(seed=5, qualities={2: "poor"}), rec,
                      threshold=70, max_retries=2, sequence=(2,))
    ev = run(s, rec)
    s.close()
    att = rec.kinds("attempt")
    assert [a.attempt for a in att] == [1, 2, 3] and not any(a.passed for a in att)
    f = ev.capture["fingers"][0]
    assert f["forced"] is True and f["retries"] == 2
    assert f["quality"] == max(a.quality for a in att)  # the best attempt is kept
    assert finger_blob(2) in ev.blobs and rec.kinds("position")[-1].state == "forced"


def test_a_scanner_error_is_reported_and_the_next_request_reopens():
    rec = Recorder()
    made: list[SimulatedScanner] = []

    def factory() -> SimulatedScanner:
        made.append(SimulatedScanner(seed=6, script=["unplugged"] if not made else []))
        return made[-1]

    s = FingerSession(factory, rec, sequence=(1, 2))
    s.start()
    ev = rec.wait()
    assert ev.kind == "error" and isinstance(ev.error, DeviceProblem)
    assert ev.error.message("vi") and ev.error.message("en")
    assert not made[0].is_open
    rec.wait()  # the partial result still comes back
    s.start()
    ev = rec.wait()
    s.close()
    assert ev.kind == "done" and set(ev.blobs) == {finger_blob(1), finger_blob(2)}
    assert len(made) == 2


def test_an_attempt_without_a_print_says_why():
    rec = Recorder()
    s = FingerSession(lambda: SimulatedScanner(seed=6, script=["no_finger", "blank"]), rec,
                      sequence=(1,))
    run(s, rec)
    s.close()
    att = rec.kinds("attempt")
    assert [a.reason for a in att[:2]] == ["no_finger", "blank"] and att[2].passed
    assert "ngón tay" in att[0].advice[0] and "finger" in att[1].advice[1]
    assert att[2].advice == ("", "")


def test_open_failure_is_an_error_event_not_a_crash():
    rec = Recorder()
    dead = SimulatedScanner(seed=1)
    dead.plugged = False
    s = FingerSession(lambda: dead, rec, sequence=(1,))
    s.start()
    ev = rec.wait()
    s.close()
    assert ev.kind == "error" and isinstance(ev.error, DeviceProblem)


def test_close_mid_capture_stops_and_releases_the_scanner():
    rec = Recorder()
    scanner = SimulatedScanner(seed=2, latency=0.05)
    s = FingerSession(lambda: scanner, rec, sequence=(1, 2, 3, 4, 5))
    s.start()
    for _ in range(200):
        if rec.kinds("attempt"):
            break
        threading.Event().wait(0.02)
    assert s.close(timeout=10)
    assert rec.closed.is_set() and not scanner.is_open
    assert len(rec.kinds("attempt")) < 5


def test_under_six_takes_no_prints():
    rec = Recorder()
    opened = []
    s = FingerSession(lambda: opened.append(1) or SimulatedScanner(), rec, policy="none")
    ev = run(s, rec)
    s.close()
    assert opened == [] and ev.blobs == {} and ev.capture == {"fingers": []}


def test_a_stale_print_under_an_exception_stays_out_of_the_packet():
    from app.services.packaging import inputs_for
    from tests.biometrics import biometrics

    blobs, capture = biometrics()  # finger-04.wsq stays among the draft's blobs
    f4 = next(f for f in capture["fingers"] if f["position"] == 4)
    f4.update(exception="amputated", quality=None)
    record = {"id": "r1", "officer_id": "o1", "created_at": "2026-11-22T08:00:00+00:00",
              "data": {"_capture": capture}}
    fingers = {f.position: f for f in inputs_for(record, blobs, "S1").fingers}
    assert fingers[4].wsq is None and fingers[4].exception == "amputated"
    assert fingers[5].wsq is not None
