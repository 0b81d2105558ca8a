"""analyse_image: what `photo-check IMAGE [--json]` returns, and unreadable files."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from devices.camera.scene import Scene, render, with_noise
from devices.portrait.analyse import CHECK_NAMES, analyse_image, read_image
from devices.portrait.detect import detect_faces
from devices.portrait.errors import ImageUnreadable


def save(path, image) -> None:
    ok, buf = cv2.imencode(path.suffix, image)
    assert ok
    path.write_bytes(buf.tobytes())


def test_good_photo_file_passes_with_every_check_reported(tmp_path):
    path = tmp_path / "ảnh chân dung.png"  # a Vietnamese file name must work
    save(path, with_noise(render(Scene())[0], 2, 1))
    result = analyse_image(path)
    assert result["passed"] is True and result["failed"] == []
    assert [c["name"] for c in result["checks"]] == list(CHECK_NAMES)
    for check in result["checks"]:
        assert set(check) == {"name", "passed", "score", "vi", "en"}
        assert isinstance(check["score"], float | int)
    assert result["image"] == {"width": 1280, "height": 720}
    assert json.loads(json.dumps(result, ensure_ascii=False)) == result


def test_bad_photo_file_names_what_to_fix(tmp_path):
    path = tmp_path / "blurred.jpg"
    save(path, render(Scene(blur=4))[0])
    result = analyse_image(path)
    assert result["passed"] is False and "sharpness" in result["failed"]
    assert "blurred" in result["verdict"]["en"] and "mờ" in result["verdict"]["vi"]


@pytest.mark.parametrize("content", [b"", b"not an image at all"])
def test_unreadable_file_is_a_typed_error_without_the_folder(tmp_path, content):
    folder = tmp_path / "private"
    folder.mkdir()
    path = folder / "photo.jpg"
    path.write_bytes(content)
    with pytest.raises(ImageUnreadable) as info:
        analyse_image(path)
    assert info.value.code == "portrait.unreadable"
    assert "photo.jpg" in info.value.en and "private" not in info.value.en


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(ImageUnreadable):
        read_image(tmp_path / "nope.png")


def test_grey_and_bgra_images_are_accepted(tmp_path):
    frame = with_noise(render(Scene())[0], 2, 1)
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    assert len(detect_faces(grey)) == 1
    assert len(detect_faces(cv2.cvtColor(frame, cv2.COLOR_BGR2BGRA))) == 1
    path = tmp_path / "grey.png"
    save(path, grey)
    assert read_image(path).shape == (720, 1280, 3)
    assert analyse_image(path)["checks"][0]["score"] == 1


def test_capture_gives_the_jpeg_only_for_a_passing_frame_unless_overridden():
    from devices.portrait.analyse import capture_portrait
    from devices.portrait.errors import NoFace

    good = with_noise(render(Scene())[0], 2, 1)
    report, jpeg = capture_portrait(good)
    assert report.passed and jpeg is not None and len(jpeg) <= 30_000
    assert cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR).shape == (600, 400, 3)
    tilted = with_noise(render(Scene(roll_deg=15))[0], 2, 1)
    report, jpeg = capture_portrait(tilted)
    assert not report.passed and jpeg is None
    report, jpeg = capture_portrait(tilted, require_pass=False)
    assert jpeg is not None
    with pytest.raises(NoFace) as info:
        capture_portrait(render(Scene(faces=0))[0])
    assert info.value.code == "portrait.no_face"
