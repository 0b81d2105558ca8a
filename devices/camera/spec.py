"""Camera from a device SPEC of the command line: `camera:0`, `camera:FILE.avi`, `simulated`."""

from __future__ import annotations

from devices.camera.base import Camera
from devices.camera.errors import CameraError
from devices.camera.opencv_camera import OpenCVCamera
from devices.camera.scene import Scene
from devices.camera.synthetic import SyntheticCamera


class CameraSpecInvalid(CameraError):
    def __init__(self, spec: str) -> None:
        super().__init__(
            "camera.spec_invalid",
            f"Không hiểu thiết bị '{spec}': dùng camera:0, camera:TỆP.avi hoặc simulated.",
            f"Unknown camera '{spec}': use camera:0, camera:FILE.avi or simulated.",
        )


def camera_from_spec(spec: str, width: int = 1280, height: int = 720,
                     scene: Scene | None = None) -> Camera:
    """A closed camera for SPEC; video files loop and keep their own pace, like a live camera."""
    kind, _, rest = spec.partition(":")
    if spec in ("simulated", "camera:simulated"):
        return SyntheticCamera(width, height, scene=scene)
    if kind != "camera" or not rest:
        raise CameraSpecInvalid(spec)
    if rest.isdigit():
        return OpenCVCamera(int(rest), width, height)
    return OpenCVCamera(rest, width, height, loop=True, pace=True)
