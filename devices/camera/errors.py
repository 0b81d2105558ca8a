"""Camera errors a person can act on, each with a stable code and Vietnamese + English text.

They share `devices.errors.DeviceError` with the scanners, so the UI and the CLI handle every
device the same way. Messages never carry personal data or image bytes, only the device
description and the cause.
"""

from __future__ import annotations

from devices.errors import DeviceError


class CameraError(DeviceError):
    """Any camera problem; the capture worker reopens the camera after one of these."""

    def __init__(self, code: str, vi: str, en: str) -> None:
        super().__init__(code, vi, en, kind="camera")


class CameraNotConnected(CameraError):
    """The camera (or video file) cannot be opened at all."""

    def __init__(self, source: str) -> None:
        super().__init__(
            "camera.not_connected",
            f"Không mở được camera ({source}): hãy cắm camera, đóng ứng dụng khác đang dùng nó "
            "rồi bấm Thử lại.",
            f"Camera not connected ({source}): plug it in, close any other program using it, "
            "then press Retry.",
        )


class CameraUnplugged(CameraError):
    """The camera was open but stopped giving frames (unplugged, driver reset, end of file)."""

    def __init__(self, source: str) -> None:
        super().__init__(
            "camera.unplugged",
            f"Camera ({source}) ngừng gửi hình: kiểm tra dây cáp; máy sẽ tự kết nối lại.",
            f"Camera ({source}) stopped sending frames: check the cable; the station will "
            "reconnect by itself.",
        )


class CameraTimeout(CameraError):
    """A frame did not arrive within the allowed time."""

    def __init__(self, source: str, seconds: float) -> None:
        super().__init__(
            "camera.timeout",
            f"Camera ({source}) không trả hình sau {seconds:.1f} giây: rút ra cắm lại camera "
            "hoặc dùng cổng USB khác.",
            f"Camera ({source}) gave no frame within {seconds:.1f} s: unplug and replug it or "
            "use another USB port.",
        )
