"""The live portrait service on the synthetic camera and on fakes: auto and manual capture,
retakes, camera errors, dropping frames while the analysis is busy, clean stop."""

from __future__ import annotations

import threading
import time

import cv2
import numpy as np
import pytest

from app.services.capture import DeviceProblem
from app.services.packaging import FACE_BLOB
from app.services.portrait_live import LiveCapture, LiveFrame, PortraitLive
from devices.camera.base import Camera, CameraInfo
from devices.camera.errors import CameraNotConnected
from devices.camera.synthetic import SyntheticCamera
from devices.portrait.analyse import CHECK_NAMES, analyse_frame
from devices.portrait.process import ProcessAnalyser

WAIT = 15.0


class BlankCamera(Camera):
    """A camera filming a plain wall: frames with no face."""

    def __init__(self, fail_open: bool = False) -> None:
        self.fail_open, self._open, self.closed = fail_open, False, 0

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self) -> None:
        if self.fail_open:
            raise CameraNotConnected("blank")
        self._open = True

    def close(self) -> None:
        self._open = False
        self.closed += 1

    def read(self) -> np.ndarray:
        time.sleep(1 / 30)
        return np.full((720, 1280, 3), 205, np.uint8)

    def info(self) -> CameraInfo:
        return CameraInfo("blank", "blank", 1280, 720, 30.0)


class Recorder:
    def __init__(self) -> None:
        self.frames: list[LiveFrame] = []
        self.captures: list[LiveCapture] = []
        self.problems: list[DeviceProblem | None] = []
        self.threads: set[str] = set()

    def frame(self, live: LiveFrame) -> None:
        self.threads.add(threading.current_thread().name)
        self.frames.append(live)

    def live(self, camera, **kw) -> PortraitLive:  # noqa: ANN001
        return PortraitLive(camera, on_frame=self.frame, on_captured=self.captures.append,
                            on_problem=self.problems.append, **kw)


def until(cond, timeout: float = WAIT) -> None:  # noqa: ANN001
    end = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < end, "condition not reached"
        time.sleep(0.01)


@pytest.fixture(scope="module")
def analyser():
    with ProcessAnalyser() as a:
        yield a


def decode(jpeg: bytes) -> np.ndarray:
    return cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)


def test_auto_capture_from_the_synthetic_camera_gives_a_checked_portrait(analyser):
    rec = Recorder()
    svc = rec.live(SyntheticCamera, analyser=analyser)
    svc.start()
    try:
        until(lambda: rec.captures)
    finally:
        assert svc.stop()
    cap = rec.captures[0]
    assert cap.auto and cap.capture == {"face": {"quality": 100, "retries": 0, "forced": False}}
    assert set(cap.blobs) == {FACE_BLOB}
    img = decode(cap.blobs[FACE_BLOB])
    assert img.shape == (600, 400, 3) and len(cap.blobs[FACE_BLOB]) <= 30_000
    report = analyse_frame(img)
    # Every check passes on the card crop itself; `centring` asks whether a further 2:3 crop
    # would fit inside the picture, which a picture that is already that crop cannot satisfy.
    assert [n for n in report.failed if n != "centring"] == []
    assert report.face is not None and abs(report.face.eye_center[1] / 600 - 0.42) < 0.03
    passing = [f for f in rec.frames if f.checks and f.passed]
    assert passing and [c.name for c in passing[0].checks] == list(CHECK_NAMES)
    assert rec.frames[0].preview.shape == (360, 640, 4)  # shrunk on the camera thread
    assert rec.frames[0].preview.flags.c_contiguous
    assert rec.threads == {"portrait-camera"} and rec.problems == []


def test_auto_capture_waits_for_consecutive_passes_and_only_once(analyser):
    rec = Recorder()
    svc = rec.live(SyntheticCamera, analyser=analyser, passes_needed=3)
    svc.start()
    try:
        until(lambda: rec.captures)
        n = len(rec.frames)
        until(lambda: len(rec.frames) > n + 15)  # preview goes on, no second photo
    finally:
        svc.stop()
    assert len(rec.captures) == 1
    streaks = [f.streak for f in rec.frames if not f.taken]
    assert 2 <= max(streaks) <= 3  # counted up to the third passing analysis, then taken
    assert rec.frames[-1].taken


def test_manual_capture_without_a_face_is_forced_with_the_failed_checks():
    rec = Recorder()
    cam = BlankCamera()
    svc = rec.live(lambda: cam, analyser=analyse_frame)
    svc.start()
    try:
        until(lambda: any(f.checks for f in rec.frames))
        assert not rec.captures  # nothing passes, nothing is taken by itself
        assert svc.capture_now()
        until(lambda: rec.captures)
        assert not svc.capture_now()  # taken: the button waits for retake()
    finally:
        svc.stop()
    face = rec.captures[0].capture["face"]
    assert not rec.captures[0].auto
    assert face["forced"] is True and face["quality"] == 0 and face["retries"] == 0
    assert face["failed_checks"] == list(CHECK_NAMES)
    assert decode(rec.captures[0].blobs[FACE_BLOB]).shape == (600, 400, 3)
    assert cam.closed >= 1 and not cam.is_open  # stop() closed the camera


def test_manual_capture_before_any_analysis_checks_the_newest_frame():
    rec = Recorder()
    gate = threading.Event()

    def slow(frame: np.ndarray):  # noqa: ANN202
        gate.wait(5)
        return analyse_frame(frame)

    svc = rec.live(SyntheticCamera, analyser=slow)
    svc.start()
    try:
        until(lambda: rec.frames)
        svc.capture_now()
        gate.set()
        until(lambda: rec.captures)
    finally:
        svc.stop()
    assert rec.captures[0].capture["face"]["forced"] is False


def test_retake_counts_retries_and_captures_again(analyser):
    rec = Recorder()
    svc = rec.live(SyntheticCamera, analyser=analyser)
    svc.start()
    try:
        until(lambda: rec.captures)
        svc.retake()
        until(lambda: len(rec.captures) == 2)
        svc.retake()
        until(lambda: len(rec.captures) == 3)
    finally:
        svc.stop()
    assert [c.capture["face"]["retries"] for c in rec.captures] == [0, 1, 2]
    svc.reset(retries=5, taken=True)
    assert svc.taken and svc.retries == 5


def test_slow_analysis_drops_frames_instead_of_delaying_the_preview():
    rec = Recorder()
    calls: list[float] = []

    def slow(frame: np.ndarray):  # noqa: ANN202
        calls.append(time.monotonic())
        time.sleep(0.25)
        return analyse_frame(frame)

    svc = rec.live(lambda: SyntheticCamera(fps=30), analyser=slow, passes_needed=100)
    svc.start()
    try:
        until(lambda: len(calls) >= 4)
    finally:
        svc.stop()
    span = calls[-1] - calls[0]
    assert len(rec.frames) > 3 * len(calls)  # the preview kept the camera's rate
    assert span >= 0.2 * (len(calls) - 1)  # one analysis at a time, newest frame each time


def test_camera_errors_become_device_problems_and_clear_when_it_works_again():
    rec = Recorder()
    cam = SyntheticCamera(fps=60)
    svc = rec.live(lambda: cam, analyser=analyse_frame, backoff=0.05, backoff_max=0.1,
                   passes_needed=10_000)
    svc.start()
    try:
        until(lambda: rec.frames)
        cam.unplug()
        until(lambda: rec.problems)
        problem = rec.problems[0]
        assert isinstance(problem, DeviceProblem) and problem.code == "camera.unplugged"
        assert problem.message("vi") and problem.message("en") != problem.message("vi")
        n = len(rec.frames)
        cam.replug()
        until(lambda: len(rec.frames) > n + 3)
        until(lambda: rec.problems[-1] is None)
    finally:
        svc.stop()
    assert len([p for p in rec.problems if p is not None]) == 1  # said once, not per retry


def test_a_camera_that_cannot_open_or_is_missing_is_reported():
    rec = Recorder()
    svc = rec.live(lambda: BlankCamera(fail_open=True), analyser=analyse_frame, backoff=0.05)
    svc.start()
    try:
        until(lambda: rec.problems)
    finally:
        svc.stop()
    assert rec.problems[0].code == "camera.not_connected" and not rec.frames
    rec2 = Recorder()
    missing = rec2.live(None, analyser=analyse_frame)
    missing.start()
    assert rec2.problems[0].code == "camera.missing" and not missing.running


def test_stop_is_prompt_and_start_works_again(analyser):
    rec = Recorder()
    svc = rec.live(SyntheticCamera, analyser=analyser, passes_needed=10_000)
    for _ in range(2):
        svc.start()
        until(lambda: rec.frames)
        began = time.monotonic()
        assert svc.stop()
        assert time.monotonic() - began < 1.5 and not svc.running
        n = len(rec.frames)
        time.sleep(0.1)
        assert len(rec.frames) == n  # nothing arrives after stop
        rec.frames.clear()
