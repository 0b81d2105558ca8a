"""ProcessAnalyser: same reports as in-process analysis, survives its child dying."""

from __future__ import annotations

import threading
import time

import pytest

from devices.camera.scene import Scene, render, with_noise
from devices.camera.synthetic import SyntheticCamera
from devices.camera.worker import AnalysisWorker, CaptureWorker
from devices.portrait.analyse import analyse_frame
from devices.portrait.checks import Thresholds
from devices.portrait.process import AnalysisProcessFailed, ProcessAnalyser


@pytest.fixture(scope="module")
def analyser():
    with ProcessAnalyser() as a:
        yield a


def test_child_gives_the_same_report_as_in_process(analyser):
    for scene in (Scene(), Scene(roll_deg=15), Scene(faces=0)):
        frame = with_noise(render(scene)[0], 2, 5)
        here, there = analyse_frame(frame), analyser(frame)
        assert there.failed == here.failed
        assert [c.score for c in there.checks] == [c.score for c in here.checks]


def test_thresholds_reach_the_child():
    frame = with_noise(render(Scene())[0], 2, 5)
    with ProcessAnalyser(Thresholds(min_eye_distance_px=500)) as strict:
        assert strict(frame).failed == ["eye_distance"]


def test_a_child_killed_between_calls_is_replaced(analyser):
    frame = with_noise(render(Scene())[0], 2, 5)
    analyser(frame)
    old = analyser._proc
    old.kill()
    old.join(10)
    assert analyser(frame).passed
    assert analyser._proc.pid != old.pid


def test_a_child_dying_during_a_call_is_a_typed_error_and_is_replaced(analyser):
    frame = with_noise(render(Scene())[0], 2, 5)
    analyser(frame)
    failed = None
    for _ in range(5):  # the kill must land while the child works (~35 ms)
        timer = threading.Timer(0.005, analyser._proc.kill)
        timer.start()
        try:
            analyser(frame)
        except AnalysisProcessFailed as exc:
            failed = exc
            break
        finally:
            timer.join()
    assert failed is not None and failed.code == "portrait.analysis_process"
    assert failed.vi and failed.en
    assert analyser(frame).passed


def test_it_plugs_into_the_analysis_worker(analyser):
    cap = CaptureWorker(SyntheticCamera(fps=30)).start()
    ana = AnalysisWorker(cap.slot, analyser).start()
    try:
        end = time.monotonic() + 30
        while ana.stats().analyses < 3 and time.monotonic() < end:
            time.sleep(0.02)
        event, report = ana.latest()
        assert ana.stats().analyses >= 3 and report.passed
    finally:
        ana.stop()
        cap.stop()
