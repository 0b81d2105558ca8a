"""Camera errors a person can act on, each with a stable code and Vietnamese + English text.

`LocalDeviceError` stands in for the shared `devices.errors.DeviceError` (written on another
branch); when merging, re-base `CameraError` on it and drop the local base. Messages never carry
personal data or image bytes, only the device description and the cause.
"""

from __future__ import annotations


class LocalDeviceError(Exception):
    """Temporary base: code + vi/en message (same shape as app.domain.errors.StationError)."""

    def __init__(self, code: str, vi: str, en: str) -> None:
        super().__init__(en)
        self.code = code
        self.vi = vi
        self.en = en

    def message(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "vi": self.vi, "en": self.en}


class CameraError(LocalDeviceError):
    """Any camera problem; the capture worker reopens the camera after one of these."""


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
