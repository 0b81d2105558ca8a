"""Portrait errors with Vietnamese + English text, on the shared device error base."""

from __future__ import annotations

from devices.errors import DeviceError


class PortraitError(DeviceError):
    """A portrait could not be analysed or produced."""

    retryable = True

    def __init__(self, code: str, vi: str, en: str) -> None:
        super().__init__(code, vi, en, kind="camera")


class ImageUnreadable(PortraitError):
    def __init__(self, name: str) -> None:
        super().__init__(
            "portrait.unreadable",
            f"Không đọc được ảnh {name}: hãy dùng tệp JPEG hoặc PNG còn nguyên vẹn.",
            f"Cannot read image {name}: use an intact JPEG or PNG file.",
        )


class NoFace(PortraitError):
    def __init__(self) -> None:
        super().__init__(
            "portrait.no_face",
            "Không thấy khuôn mặt: người dân nhìn thẳng vào camera rồi chụp lại.",
            "No face found: ask the person to look straight at the camera and capture again.",
        )


class JpegTooLarge(PortraitError):
    def __init__(self, max_bytes: int) -> None:
        super().__init__(
            "portrait.jpeg_too_large",
            f"Ảnh chân dung không nén được dưới {max_bytes // 1000} KB: chụp lại trên nền trơn.",
            f"Portrait cannot be compressed under {max_bytes // 1000} KB: capture again on a "
            "plain background.",
        )
