"""The synthetic camera: frames, a face yuface really finds where it was drawn, unplugging."""

from __future__ import annotations

import math

import numpy as np
import pytest

from devices.camera.errors import CameraNotConnected, CameraUnplugged
from devices.camera.scene import Scene
from devices.camera.synthetic import SyntheticCamera
from devices.portrait.detect import detect_faces


def test_frames_are_1280x720_bgr_and_fresh_arrays():
    with SyntheticCamera(fps=0) as cam:
        a = cam.read()
        assert a.shape == (720, 1280, 3) and a.dtype == np.uint8
        a[:] = 0  # a consumer scribbling on its frame must not change the next one
        b = cam.read()
        assert b.mean() > 100
        assert cam.frames_read == 2
        info = cam.info()
    assert (info.width, info.height, info.kind) == (1280, 720, "synthetic")


def test_frames_carry_sensor_noise_that_changes_between_frames():
    with SyntheticCamera(fps=0) as cam:
        a, b = cam.read().astype(int), cam.read().astype(int)
    assert 0.5 < np.abs(a - b).mean() < 6


@pytest.mark.parametrize("scene", [
    Scene(),
    Scene(offset_x=0.25),
    Scene(face_height=0.2),
    Scene(roll_deg=15),
    Scene(blur=3),
    Scene(gain=0.35),
    Scene(background="busy"),
], ids=["default", "off-centre", "small", "tilted", "blurred", "dark", "busy"])
def test_yuface_finds_the_drawn_face_where_it_was_drawn(scene):
    cam = SyntheticCamera(fps=0, scene=scene)
    with cam:
        frame = cam.read()
    faces = detect_faces(frame)
    assert len(faces) == 1 and faces[0].confidence >= 0.8
    truth = cam.truth()
    eye_gap = math.dist(*truth.eyes)
    assert math.dist(faces[0].eye_left, truth.eyes[0]) < 0.15 * eye_gap
    assert math.dist(faces[0].eye_right, truth.eyes[1]) < 0.15 * eye_gap


def test_face_count_follows_the_scene():
    for n in (0, 2):
        with SyntheticCamera(fps=0, scene=Scene(faces=n)) as cam:
            assert len(detect_faces(cam.read())) == n


def test_set_scene_from_outside_changes_the_next_frame():
    with SyntheticCamera(fps=0) as cam:
        centre = cam.truth().center
        cam.set_scene(Scene(offset_x=-0.2))
        frame = cam.read()
        assert cam.truth().center[0] == pytest.approx(centre[0] - 0.2 * 1280, abs=1)
    face = detect_faces(frame)[0]
    assert face.eye_center[0] < 640 - 0.15 * 1280


def test_unplug_fails_reads_and_opens_until_replugged():
    cam = SyntheticCamera(fps=0)
    cam.open()
    cam.read()
    cam.unplug()
    with pytest.raises(CameraUnplugged):
        cam.read()
    assert not cam.is_open
    with pytest.raises(CameraNotConnected):
        cam.open()
    cam.replug()
    cam.open()
    assert cam.read().shape == (720, 1280, 3)


def test_fail_after_fails_once_then_works_after_reopening():
    cam = SyntheticCamera(fps=0, fail_after=3)
    cam.open()
    for _ in range(3):
        cam.read()
    with pytest.raises(CameraUnplugged):
        cam.read()
    cam.open()
    for _ in range(5):
        cam.read()


def test_self_test_passes():
    result = SyntheticCamera(fps=0).self_test()
    assert result.ok and (result.width, result.height) == (1280, 720) and result.error is None
