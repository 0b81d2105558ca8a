"""OpenCVCamera on real cv2.VideoCapture: a missing device, video files, failing captures."""

from __future__ import annotations

import time

import cv2
import numpy as np
import pytest

from devices.camera.errors import CameraNotConnected, CameraTimeout, CameraUnplugged
from devices.camera.opencv_camera import OpenCVCamera


def write_video(path, frames: int = 12, size=(320, 240), fps: float = 25.0) -> None:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, size)
    assert writer.isOpened()
    for i in range(frames):
        img = np.full((size[1], size[0], 3), (i * 20) % 256, np.uint8)
        cv2.putText(img, str(i), (20, 120), cv2.FONT_HERSHEY_SIMPLEX, 2, (0, 0, 255), 3)
        writer.write(img)
    writer.release()


def test_missing_device_index_raises_not_connected_with_vi_and_en():
    cam = OpenCVCamera(97)
    with pytest.raises(CameraNotConnected) as info:
        cam.open()
    err = info.value
    assert err.code == "camera.not_connected"
    assert "camera:97" in err.en and "Retry" in err.en
    assert "camera:97" in err.vi and "Thử lại" in err.vi
    assert not cam.is_open
    with pytest.raises(CameraNotConnected):
        cam.read()


def test_self_test_reports_a_missing_device_instead_of_raising():
    result = OpenCVCamera(97).self_test()
    assert not result.ok and result.frames == 0
    assert result.error is not None and result.error["code"] == "camera.not_connected"


def test_missing_file_is_not_connected_and_the_message_hides_the_folder(tmp_path):
    cam = OpenCVCamera(str(tmp_path / "secret-folder" / "clip.avi"))
    with pytest.raises(CameraNotConnected) as info:
        cam.open()
    assert "clip.avi" in info.value.en
    assert "secret-folder" not in info.value.en and "secret-folder" not in info.value.vi


def test_video_file_gives_every_frame_then_unplugged_at_the_end(tmp_path):
    path = tmp_path / "clip.avi"
    write_video(path, frames=12)
    cam = OpenCVCamera(str(path))
    cam.open()
    levels = []
    for _ in range(12):
        frame = cam.read()
        assert frame.shape == (240, 320, 3) and frame.dtype == np.uint8
        levels.append(int(np.median(frame[:, :, 0])))
    assert levels == sorted(levels) and levels[-1] > levels[0]  # in order, none repeated
    info = cam.info()
    assert (info.width, info.height, info.kind) == (320, 240, "file")
    with pytest.raises(CameraUnplugged):
        cam.read()
    assert not cam.is_open
    cam.open()  # reopening starts the file again
    assert cam.read().shape == (240, 320, 3)
    cam.close()
    cam.close()  # twice is harmless


def test_looping_file_keeps_giving_frames(tmp_path):
    path = tmp_path / "clip.avi"
    write_video(path, frames=5)
    with OpenCVCamera(str(path), loop=True) as cam:
        frames = [cam.read() for _ in range(13)]
    assert len(frames) == 13 and not cam.is_open


def test_self_test_on_a_file_passes(tmp_path):
    path = tmp_path / "clip.avi"
    write_video(path, frames=8)
    cam = OpenCVCamera(str(path))
    result = cam.self_test(frames=5)
    assert result.ok and result.frames == 5 and (result.width, result.height) == (320, 240)
    assert not cam.is_open  # restored to closed


class FakeCapture:
    """Speaks the cv2.VideoCapture surface; fails reads after `good` frames."""

    def __init__(self, good: int, delay: float = 0.0) -> None:
        self.good, self.delay, self.reads, self.released = good, delay, 0, False
        self.props: dict[int, float] = {}

    def isOpened(self) -> bool:  # noqa: N802 (cv2's name)
        return True

    def set(self, prop: int, value: float) -> bool:
        self.props[prop] = value
        return True

    def get(self, prop: int) -> float:
        return self.props.get(prop, 0.0)

    def read(self):
        self.reads += 1
        if self.delay:
            time.sleep(self.delay)
        if self.reads > self.good:
            return False, None
        return True, np.zeros((720, 1280, 3), np.uint8)

    def release(self) -> None:
        self.released = True


def test_device_asks_for_the_configured_size_and_fails_mid_way_as_unplugged():
    made: list[FakeCapture] = []

    def factory(source):
        made.append(FakeCapture(good=3))
        return made[-1]

    cam = OpenCVCamera(0, width=1280, height=720, capture_factory=factory)
    cam.open()
    assert made[0].props[cv2.CAP_PROP_FRAME_WIDTH] == 1280
    assert made[0].props[cv2.CAP_PROP_FRAME_HEIGHT] == 720
    for _ in range(3):
        cam.read()
    with pytest.raises(CameraUnplugged) as info:
        cam.read()
    assert info.value.code == "camera.unplugged" and made[0].released
    cam.open()
    assert len(made) == 2 and cam.read().shape == (720, 1280, 3)


def test_a_read_slower_than_the_timeout_is_a_timeout():
    cam = OpenCVCamera(0, read_timeout=0.2, capture_factory=lambda s: FakeCapture(0, delay=0.3))
    cam.open()
    with pytest.raises(CameraTimeout) as info:
        cam.read()
    assert info.value.code == "camera.timeout" and "0.2 s" in info.value.en


def test_camera_specs_of_the_command_line(tmp_path):
    from devices.camera.spec import CameraSpecInvalid, camera_from_spec
    from devices.camera.synthetic import SyntheticCamera

    assert isinstance(camera_from_spec("simulated"), SyntheticCamera)
    with pytest.raises(CameraNotConnected):
        camera_from_spec("camera:97").open()
    path = tmp_path / "clip.avi"
    write_video(path, frames=3)
    cam = camera_from_spec(f"camera:{path}")
    assert isinstance(cam, OpenCVCamera) and cam.loop and cam.pace
    result = cam.self_test(frames=5)  # loops past the 3 frames
    assert result.ok and result.frames == 5
    for bad in ("r30x:/dev/ttyUSB0", "camera:", "webcam"):
        with pytest.raises(CameraSpecInvalid):
            camera_from_spec(bad)
