"""The live photo step offscreen: checklist, automatic and forced capture, retake, camera
errors, the under-6 policy, preview only while visible, and the GUI thread never stalls."""

from __future__ import annotations

import time

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer

from app.services.capture import DeviceSource
from app.services.packaging import FACE_BLOB
from app.ui.i18n import set_lang
from app.ui.photo_step import PhotoStep, check_labels
from devices.camera.scene import Scene
from devices.camera.synthetic import SyntheticCamera
from devices.portrait.analyse import CHECK_NAMES, analyse_frame
from tests.services.test_portrait_live import BlankCamera

WAIT = 15_000


def make_step(qtbot, camera, own: bool = True, **live) -> PhotoStep:  # noqa: ANN001, ANN003
    set_lang("vi")
    step = PhotoStep(DeviceSource(camera=camera), **live)
    if own:
        qtbot.addWidget(step)
    step.resize(1140, 620)
    step.show()
    return step


def marks(step: PhotoStep) -> list[str]:
    return [step.check_rows[n][0].text() for n in CHECK_NAMES]


def test_checklist_and_automatic_capture_emit_face_jpg_then_retake(qtbot):
    step = make_step(qtbot, SyntheticCamera, analyser=analyse_frame)
    with qtbot.waitSignal(step.captured, timeout=WAIT) as got:
        pass
    blobs, capture = got.args
    assert set(blobs) == {FACE_BLOB} and blobs[FACE_BLOB][:2] == b"\xff\xd8"
    assert capture == {"face": {"quality": 100, "retries": 0, "forced": False}}
    qtbot.waitUntil(lambda: marks(step) == ["✓"] * 9, timeout=WAIT)
    labels = check_labels()
    assert step.check_rows["sharpness"][1].text() == labels["sharpness"] == "Độ nét"
    assert step.frames_shown > 0 and step.preview.image is not None
    step.show_result(capture, blobs)  # EnrollPage answers with the whole record
    assert not step.portrait.pixmap().isNull()
    assert "Ảnh đạt 100/100" in step.status.text()
    assert not step.capture_button.isEnabled() and step.retake_button.isEnabled()
    with qtbot.waitSignal(step.captured, timeout=WAIT) as again:
        qtbot.mouseClick(step.retake_button, Qt.MouseButton.LeftButton)
    assert again.args[1]["face"]["retries"] == 1


def test_forced_capture_with_ctrl_k_when_no_face_is_seen(qtbot):
    step = make_step(qtbot, BlankCamera, analyser=analyse_frame)
    qtbot.waitUntil(lambda: marks(step) == ["✗"] * 9, timeout=WAIT)
    assert "Không thấy khuôn mặt" in step.check_rows["face_count"][1].text()
    assert step.capture_button.isEnabled() and not step.retake_button.isEnabled()
    with qtbot.waitSignal(step.captured, timeout=WAIT) as got:
        qtbot.keyClick(step, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    blobs, capture = got.args
    assert capture["face"]["forced"] is True and capture["face"]["failed_checks"]
    step.show_result(capture, blobs)
    assert "CHỤP ÉP" in step.status.text()


@pytest.mark.parametrize("camera, words", [
    (lambda: BlankCamera(fail_open=True), "Không mở được"),
    (None, "Chưa có camera"),
])
def test_camera_errors_are_a_message_in_the_step(qtbot, camera, words):  # noqa: ANN001
    step = make_step(qtbot, camera, analyser=analyse_frame, backoff=0.05)
    qtbot.waitUntil(lambda: words.lower() in step.status.text().lower(), timeout=WAIT)
    assert step.isVisible() and not step.capture_button.isEnabled()
    qtbot.keyClick(step, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # harmless


def test_under_six_needs_no_photo_and_opens_no_camera(qtbot):
    step = make_step(qtbot, SyntheticCamera, analyser=analyse_frame)
    qtbot.waitUntil(lambda: step.frames_shown > 0, timeout=WAIT)
    step.set_policy("none")
    assert "Dưới 6 tuổi" in step.policy.text() and "không cần ảnh" in step.preview.caption
    qtbot.waitUntil(lambda: not step.service.running, timeout=WAIT)
    assert not step.capture_button.isEnabled()
    step.set_policy("full")
    qtbot.waitUntil(lambda: step.service.running, timeout=WAIT)


def test_preview_runs_only_while_the_step_is_visible(qtbot):
    cams: list[SyntheticCamera] = []

    def camera() -> SyntheticCamera:
        cams.append(SyntheticCamera())
        return cams[-1]

    step = make_step(qtbot, camera, analyser=analyse_frame, passes_needed=10_000)
    qtbot.waitUntil(lambda: step.frames_shown > 0, timeout=WAIT)
    step.hide()
    qtbot.waitUntil(lambda: not step.service.running and not cams[0].is_open, timeout=WAIT)
    step.show()
    qtbot.waitUntil(lambda: len(cams) == 2 and cams[1].is_open, timeout=WAIT)


def test_the_gui_thread_never_stalls_while_the_preview_runs(qtbot):
    """A tilted head never passes, so the analysis (in its child process) runs throughout."""
    step = make_step(qtbot, lambda: SyntheticCamera(scene=Scene(roll_deg=20)), own=False)
    qtbot.waitUntil(lambda: step.frames_shown > 0 and bool(step._checks), timeout=WAIT)
    ticks: list[float] = []
    timer = QTimer(interval=10, timerType=Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    shown, analysed = step.frames_shown, step.service._worker.stats().analyses
    timer.start()
    qtbot.wait(2000)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    worst = max(gaps)
    print(f"longest GUI stall {worst * 1000:.1f} ms over {len(ticks)} ticks, "
          f"{step.frames_shown - shown} frames shown")
    assert step.frames_shown - shown > 20  # the preview really ran meanwhile
    assert step.service._worker.stats().analyses - analysed > 5  # and the analysis too
    assert worst < 0.050
    svc = step.service
    assert svc._analyser._proc is not None  # the analysis child process was used
    shiboken6.delete(step)  # the window goes: camera threads end, the child process too
    assert not svc.running and svc._analyser._proc is None


def test_a_resumed_photo_is_kept_until_retake(qtbot):
    from tests.biometrics import biometrics

    blobs, capture = biometrics(retries=2)
    set_lang("vi")
    step = PhotoStep(DeviceSource(camera=SyntheticCamera), analyser=analyse_frame)
    qtbot.addWidget(step)
    step.show_result(capture, {FACE_BLOB: blobs[FACE_BLOB]})  # before it is shown, as on resume
    got: list = []
    step.captured.connect(lambda *a: got.append(a))
    step.show()
    qtbot.waitUntil(lambda: step.frames_shown > 5, timeout=WAIT)
    assert step.service.taken and not got  # the preview runs, nothing replaces the photo
    assert "chụp lại 2 lần" in step.status.text() and not step.capture_button.isEnabled()
    with qtbot.waitSignal(step.captured, timeout=WAIT) as again:
        qtbot.keyClick(step, Qt.Key.Key_K, Qt.KeyboardModifier.ShiftModifier
                       | Qt.KeyboardModifier.ControlModifier)
    assert again.args[1]["face"]["retries"] == 3
