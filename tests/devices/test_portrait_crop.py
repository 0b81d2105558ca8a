"""The 2:3 card portrait: eyes where the geometry puts them, level, and a bounded JPEG."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from skimage import data

from devices.camera.scene import Scene, render, with_noise
from devices.portrait.crop import (
    CropSpec,
    crop_portrait,
    crop_window,
    encode_jpeg_bounded,
    outside_fraction,
    portrait_jpeg,
)
from devices.portrait.detect import detect_faces
from devices.portrait.errors import JpegTooLarge


def frame_and_face(**kw):
    scene = Scene(**kw)
    frame = with_noise(render(scene)[0], scene.noise, 3)
    return frame, detect_faces(frame)[0]


def assert_geometry(portrait: np.ndarray, spec: CropSpec) -> None:
    h, w = portrait.shape[:2]
    assert (w, h) == (spec.width, spec.height) and w * 3 == h * 2
    face = detect_faces(portrait)[0]
    ex, ey = face.eye_center
    assert ey == pytest.approx(spec.eye_line * h, abs=0.02 * h)
    assert ex == pytest.approx(w / 2, abs=0.02 * w)
    assert face.eye_distance == pytest.approx(spec.eye_distance * w, rel=0.06)
    assert abs(face.roll_deg) < 2.5


@pytest.mark.parametrize("scene", [{}, {"roll_deg": 15}, {"roll_deg": -10, "offset_x": 0.1},
                                   {"face_height": 0.5}], ids=["level", "tilted", "tilted-off",
                                                                "close"])
def test_crop_puts_the_eyes_on_the_eye_line_level_and_at_the_set_distance(scene):
    frame, face = frame_and_face(**scene)
    spec = CropSpec()
    assert_geometry(crop_portrait(frame, face, spec), spec)


def test_crop_size_is_configurable():
    frame, face = frame_and_face()
    spec = CropSpec(width=300, height=450, eye_line=0.45)
    assert_geometry(crop_portrait(frame, face, spec), spec)


def test_real_portrait_crop_geometry():
    photo = cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)
    photo = cv2.copyMakeBorder(photo, 200, 200, 200, 200, cv2.BORDER_REPLICATE)
    face = detect_faces(photo)[0]
    portrait = crop_portrait(photo, face)
    again = detect_faces(portrait)[0]
    assert again.eye_center[1] == pytest.approx(0.42 * 600, abs=0.03 * 600)
    assert again.eye_distance == pytest.approx(0.29 * 400, rel=0.1)


def test_crop_window_maps_to_the_portrait_corners_and_flags_running_off_the_frame():
    frame, face = frame_and_face()
    spec = CropSpec()
    window = crop_window(face, spec)
    w = np.linalg.norm(window[1] - window[0])
    h = np.linalg.norm(window[3] - window[0])
    assert h / w == pytest.approx(1.5, rel=1e-6)
    assert outside_fraction(face, spec, frame.shape) == 0.0
    frame, face = frame_and_face(offset_x=0.42)
    assert outside_fraction(face, spec, frame.shape) > 0.1


def test_portrait_jpeg_is_under_the_limit_decodes_and_carries_no_metadata():
    frame, face = frame_and_face(noise=6)
    spec = CropSpec(max_bytes=30_000)
    data_ = portrait_jpeg(frame, face, spec)
    assert len(data_) <= 30_000
    assert data_[:2] == b"\xff\xd8" and b"Exif" not in data_[:200]
    img = cv2.imdecode(np.frombuffer(data_, np.uint8), cv2.IMREAD_COLOR)
    assert img.shape == (600, 400, 3)


def test_quality_steps_down_until_the_size_fits():
    rng = np.random.default_rng(0)
    noisy = rng.integers(0, 256, (600, 400, 3), dtype=np.uint8)
    big, q_big = encode_jpeg_bounded(noisy, max_bytes=10**7)
    assert q_big == 95
    small, q_small = encode_jpeg_bounded(noisy, max_bytes=len(big) * 2 // 3)
    assert q_small < 95 and len(small) <= len(big) * 2 // 3


def test_impossible_limit_raises_a_typed_error():
    frame, face = frame_and_face()
    with pytest.raises(JpegTooLarge) as info:
        portrait_jpeg(frame, face, CropSpec(max_bytes=500))
    assert info.value.code == "portrait.jpeg_too_large" and info.value.vi and info.value.en
