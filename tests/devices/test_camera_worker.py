"""Capture and analysis threads: frames flow, stop works, failures are recovered from."""

from __future__ import annotations

import threading
import time

import cv2
import numpy as np
import pytest

from devices.camera.errors import CameraNotConnected, CameraUnplugged
from devices.camera.opencv_camera import OpenCVCamera
from devices.camera.synthetic import SyntheticCamera
from devices.camera.worker import AnalysisWorker, CaptureWorker, LatestFrame, RateMeter
from devices.portrait.analyse import analyse_frame

WAIT = 20.0  # generous: the machine may be busy; nothing here measures speed


def wait_until(predicate, timeout: float = WAIT) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


@pytest.fixture
def workers():
    started: list = []
    yield started
    for w in reversed(started):
        w.stop()


def test_latest_frame_keeps_only_the_newest_and_wakes_waiters():
    slot = LatestFrame()
    assert slot.get() is None and slot.wait_newer(0, timeout=0.01) is None
    got = []
    t = threading.Thread(target=lambda: got.append(slot.wait_newer(0, timeout=WAIT)))
    t.start()
    slot.put(np.zeros((2, 2, 3), np.uint8))
    t.join(WAIT)
    assert got and got[0].index == 1
    slot.put(np.ones((2, 2, 3), np.uint8))
    assert slot.get().index == 2 and slot.get().frame.max() == 1
    assert slot.wait_newer(2, timeout=0.01) is None


def test_rate_meter_counts_events_per_second_in_its_window():
    meter = RateMeter(window=2.0)
    assert meter.rate() == 0.0
    for i in range(21):
        meter.tick(100.0 + i * 0.04)  # 25 per second
    assert meter.rate() == pytest.approx(25.0)
    meter.tick(110.0)  # older ticks leave the window
    assert meter.rate() == 0.0


def test_frames_arrive_with_counter_and_fps_and_stop_closes_the_camera(workers):
    cam = SyntheticCamera(fps=60)
    seen = []
    w = CaptureWorker(cam, on_frame=lambda ev: seen.append(ev.index))
    workers.append(w.start())
    assert w.slot.wait_newer(10, timeout=WAIT) is not None
    assert seen[:5] == [1, 2, 3, 4, 5]
    assert w.stats().state == "running" and w.stats().fps > 0
    assert w.stop() is True
    assert not cam.is_open and w.stats().state == "stopped"
    count = w.stats().frames
    time.sleep(0.1)
    assert w.stats().frames == count  # nothing after stop


def test_a_source_failing_mid_way_is_reopened(workers):
    cam = SyntheticCamera(fps=0, fail_after=5)
    states = []
    w = CaptureWorker(cam, backoff=0.01, on_state=lambda s, e: states.append((s, e)))
    workers.append(w.start())
    assert wait_until(lambda: w.stats().frames >= 20)
    stats = w.stats()
    assert stats.reconnects == 1 and stats.last_error["code"] == "camera.unplugged"
    assert ("reconnecting", "camera.unplugged") in [(s, e and e.code) for s, e in states]
    assert states[-1][0] == "running"


def test_unplugged_at_start_keeps_retrying_then_runs_when_plugged(workers):
    cam = SyntheticCamera(fps=0)
    cam.unplug()
    errors = []
    w = CaptureWorker(cam, backoff=0.01, backoff_max=0.05,
                      on_state=lambda s, e: errors.append(e))
    workers.append(w.start())
    assert wait_until(lambda: len(errors) >= 3)  # several attempts, each reported
    assert all(isinstance(e, CameraNotConnected) for e in errors)
    assert w.stats().frames == 0 and w.stats().state == "reconnecting"
    cam.replug()
    assert wait_until(lambda: w.stats().frames >= 3)
    assert w.stats().state == "running"


def test_stop_is_prompt_while_waiting_to_reconnect(workers):
    cam = SyntheticCamera(fps=0)
    cam.unplug()
    w = CaptureWorker(cam, backoff=30.0, backoff_max=30.0)
    workers.append(w.start())
    assert wait_until(lambda: w.stats().state == "reconnecting")
    assert w.stop(timeout=WAIT) is True


def test_video_file_frames_arrive_and_the_end_of_file_reopens_it(tmp_path, workers):
    path = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 25.0, (320, 240))
    for i in range(10):
        writer.write(np.full((240, 320, 3), i * 20, np.uint8))
    writer.release()
    w = CaptureWorker(OpenCVCamera(str(path)), backoff=0.01)
    workers.append(w.start())
    assert wait_until(lambda: w.stats().frames >= 25)  # 10 per pass: reopened at least twice
    stats = w.stats()
    assert stats.reconnects >= 2 and stats.last_error["code"] == "camera.unplugged"
    assert w.slot.get().frame.shape == (240, 320, 3)


def test_analysis_never_holds_up_capture(workers):
    cap = CaptureWorker(SyntheticCamera(fps=0))
    release = threading.Event()
    started = threading.Event()

    def slow(frame):
        started.set()
        release.wait(WAIT)
        return frame.shape

    ana = AnalysisWorker(cap.slot, slow, max_rate=None)
    workers.extend([cap.start(), ana.start()])
    assert started.wait(WAIT)
    first = cap.stats().frames
    assert wait_until(lambda: cap.stats().frames >= first + 30)  # while analysis is stuck
    assert ana.stats().analyses == 0
    release.set()
    assert wait_until(lambda: ana.stats().analyses >= 2)
    assert ana.stats().skipped_frames > 0  # it jumped to the newest frame
    event, result = ana.latest()
    assert result == (720, 1280, 3) and event.index > first


def test_analysis_failures_do_not_stop_the_worker(workers):
    cap = CaptureWorker(SyntheticCamera(fps=0))
    calls = []

    def flaky(frame):
        calls.append(1)
        if len(calls) % 2:
            raise ValueError("bad frame")
        return len(calls)

    ana = AnalysisWorker(cap.slot, flaky, max_rate=None)
    workers.extend([cap.start(), ana.start()])
    assert wait_until(lambda: ana.stats().analyses >= 3)


def test_live_portrait_analysis_reports_on_the_synthetic_person(workers):
    cap = CaptureWorker(SyntheticCamera(fps=30))
    results = []
    ana = AnalysisWorker(cap.slot, analyse_frame, on_result=lambda ev, r: results.append(r))
    workers.extend([cap.start(), ana.start()])
    assert wait_until(lambda: len(results) >= 3)
    assert all(r.passed for r in results[:3])
    assert ana.stats().mean_seconds > 0


def test_unexpected_driver_exception_is_treated_as_a_lost_camera(workers):
    class Broken(SyntheticCamera):
        def __init__(self):
            super().__init__(fps=0)
            self.boom = True

        def read(self):
            if self.boom:
                self.boom = False
                raise RuntimeError("driver bug")
            return super().read()

    w = CaptureWorker(Broken(), backoff=0.01)
    workers.append(w.start())
    assert wait_until(lambda: w.stats().frames >= 3)
    assert w.stats().reconnects == 1
    assert w.stats().last_error["code"] == CameraUnplugged("x").code
