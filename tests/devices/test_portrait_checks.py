"""Photo checks: real-looking frames pass; each kind of bad frame fails the right check."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest
from skimage import data

from devices.camera.scene import Scene, render, with_noise
from devices.portrait.analyse import CHECK_NAMES, analyse_frame
from devices.portrait.checks import Thresholds


def synthetic(**kw) -> np.ndarray:
    scene = Scene(**kw)
    frame, _ = render(scene)
    return with_noise(frame, scene.noise, 7)


def astronaut() -> np.ndarray:
    return cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)


def astronaut_on_wall(scale: float = 2.1, roll: float = 0.0, wall: int = 232) -> np.ndarray:
    """A real portrait: the astronaut's head and shoulders cut out onto a light wall, 1280x720."""
    src = astronaut()
    mask = np.zeros(src.shape[:2], np.uint8)
    cv2.ellipse(mask, (222, 105), (58, 72), 0, 0, 360, 255, -1)  # head with hair
    cv2.rectangle(mask, (150, 170), (330, 511), 255, -1)  # neck and suit
    mask = cv2.GaussianBlur(mask, (0, 0), 2)
    m = cv2.getRotationMatrix2D((222.0, 105.0), roll, scale)
    m[:, 2] += (640 - 222, 340 - 105)
    person = cv2.warpAffine(src, m, (1280, 720), flags=cv2.INTER_CUBIC)
    alpha = cv2.warpAffine(mask, m, (1280, 720)).astype(np.float32)[..., None] / 255
    frame = np.full((720, 1280, 3), wall, np.float32)
    return (frame * (1 - alpha) + person * alpha).astype(np.uint8)


def test_synthetic_good_frame_passes_every_check():
    report = analyse_frame(synthetic())
    assert report.failed == []
    assert [r.name for r in report.checks] == list(CHECK_NAMES)
    assert report.passed and report.verdict()[1] == "Photo meets the requirements."


def test_real_portrait_on_a_light_wall_passes_every_check():
    report = analyse_frame(astronaut_on_wall())
    assert report.failed == [], report.as_dict()
    assert abs(report.check("roll").score) < 5


@pytest.mark.parametrize(("scene", "failing", "still_passing"), [
    ({"offset_x": 0.25}, "centring", ["face_size", "sharpness", "background"]),
    ({"offset_x": -0.25}, "centring", ["face_size", "sharpness"]),
    ({"offset_y": 0.2}, "centring", ["face_size", "roll"]),
    ({"face_height": 0.18}, "face_size", ["centring", "roll", "sharpness"]),
    ({"face_height": 0.18}, "eye_distance", ["exposure"]),
    ({"face_height": 0.75}, "face_size", ["roll", "sharpness"]),
    ({"roll_deg": 15}, "roll", ["face_size", "centring", "sharpness"]),
    ({"roll_deg": -12}, "roll", ["face_size", "centring"]),
    ({"blur": 3}, "sharpness", ["face_size", "centring", "roll", "exposure"]),
    ({"gain": 0.35}, "exposure", ["face_size", "centring", "roll", "sharpness"]),
    ({"gain": 1.6}, "exposure", ["face_size", "centring", "roll", "sharpness"]),
    ({"background": "busy"}, "background", ["face_size", "sharpness", "exposure"]),
    ({"background_level": 90}, "background", ["face_size", "sharpness", "exposure"]),
    ({"faces": 2}, "face_count", ["face_size", "sharpness", "background"]),
], ids=["right", "left", "low", "small", "small-eyes", "too-close", "tilt-ccw", "tilt-cw",
        "blurred", "dark", "bright", "busy", "dark-wall", "two-faces"])
def test_degraded_frame_fails_the_right_check(scene, failing, still_passing):
    report = analyse_frame(synthetic(**scene))
    assert failing in report.failed, report.as_dict()
    for name in still_passing:
        assert report.check(name).passed, (name, report.as_dict())
    assert not report.passed
    vi, en = report.verdict()
    assert vi.startswith("Ảnh chưa đạt") and en.startswith("Photo not acceptable")


@pytest.mark.parametrize("scene", [
    {"offset_x": -0.05, "roll_deg": 3, "blur": 0.6, "gain": 0.85, "noise": 3, "seed": 4},
    {"offset_x": 0.06, "offset_y": 0.04, "roll_deg": -4, "face_height": 0.36, "seed": 5},
    {"offset_y": -0.05, "gain": 1.15, "face_height": 0.48, "noise": 1, "seed": 6},
    {"roll_deg": 6, "blur": 1.0, "background_level": 200, "noise": 4, "seed": 7},
], ids=["soft-left", "small-right", "close-bright", "tilted-soft-grey-wall"])
def test_ordinary_variation_within_the_limits_still_passes(scene):
    report = analyse_frame(synthetic(**scene))
    assert report.passed, report.as_dict()


def test_roll_score_has_the_sign_and_size_of_the_tilt():
    assert analyse_frame(synthetic(roll_deg=15)).check("roll").score == pytest.approx(15, abs=2)
    assert analyse_frame(synthetic(roll_deg=-12)).check("roll").score == pytest.approx(-12, abs=2)


def test_real_portrait_tilted_fails_roll():
    report = analyse_frame(astronaut_on_wall(roll=18))
    assert "roll" in report.failed
    assert report.check("roll").score == pytest.approx(18 - 3, abs=5)  # she tilts -3 already


def test_real_portrait_blurred_fails_sharpness_only_there():
    report = analyse_frame(cv2.GaussianBlur(astronaut_on_wall(), (0, 0), 3))
    assert "sharpness" in report.failed
    assert report.check("exposure").passed and report.check("roll").passed


def test_real_photo_with_a_busy_background_fails_background():
    frame = cv2.resize(astronaut(), None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    report = analyse_frame(frame)
    assert "background" in report.failed
    assert report.check("sharpness").passed and report.check("face_count").passed


def test_no_face_fails_face_count_and_measures_nothing_else():
    report = analyse_frame(synthetic(faces=0))
    count = report.check("face_count")
    assert not count.passed and count.score == 0
    assert report.face is None
    for name in CHECK_NAMES[1:]:
        assert report.check(name).score is None and not report.check(name).passed
    assert "No face" in report.verdict()[1]


def test_two_faces_are_counted():
    report = analyse_frame(synthetic(faces=2))
    assert report.check("face_count").score == 2
    assert "2" in report.check("face_count").vi


def test_thresholds_are_configurable():
    frame = synthetic()
    strict = Thresholds(min_eye_distance_px=200)
    report = analyse_frame(frame, thresholds=strict)
    assert "eye_distance" in report.failed
    lax = Thresholds(min_sharpness=1.0)
    assert "sharpness" not in analyse_frame(synthetic(blur=3), thresholds=lax).failed


def test_every_reason_is_given_in_both_languages_and_the_report_is_json():
    report = analyse_frame(synthetic(offset_x=0.25, gain=0.35))
    for r in report.checks:
        assert r.vi and r.en and (r.passed or r.vi != r.en)
    d = json.loads(json.dumps(report.as_dict()))
    assert d["passed"] is False and d["failed"] == report.failed
    assert {c["name"] for c in d["checks"]} == set(CHECK_NAMES)
