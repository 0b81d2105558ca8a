"""Typed device errors that every driver (scanner, camera, SBI client, emulator twin) raises.

A user sees `vi` or `en`: what went wrong and what to do next (plug in, press Retry...). `code` is
stable for scripts and logs. `detail` is a short technical note for logs (never personal data,
never image bytes). devices/ must not import app/, so this mirrors app.domain.errors.StationError
(code/vi/en) without depending on it; the services layer can wrap these one-to-one.
"""

from __future__ import annotations

# What a message calls the device: (vi, en). Unknown kinds fall back to "device".
_NOUNS: dict[str, tuple[str, str]] = {
    "scanner": ("Máy quét vân tay", "Fingerprint scanner"),
    "camera": ("Camera", "Camera"),
    "device": ("Thiết bị", "Device"),
}


def _noun(kind: str) -> tuple[str, str]:
    return _NOUNS.get(kind, _NOUNS["device"])


class DeviceError(Exception):
    """Base of every device error; `retryable` says whether pressing Retry can help."""

    code = "device_error"
    retryable = True

    def __init__(
        self, code: str | None = None, vi: str = "", en: str = "", *,
        kind: str = "device", detail: str = "",
    ) -> None:
        self.code = code or type(self).code
        self.kind = kind
        self.detail = detail
        self.vi = vi or "Lỗi thiết bị: bấm Thử lại; nếu vẫn lỗi, rút ra cắm lại thiết bị."
        self.en = en or "Device error: press Retry; if it persists, unplug and replug the device."
        super().__init__(self.en + (f" [{detail}]" if detail else ""))

    def message(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en

    def as_dict(self) -> dict[str, str | bool]:
        return {"code": self.code, "kind": self.kind, "vi": self.vi, "en": self.en,
                "detail": self.detail, "retryable": self.retryable}


class _Templated(DeviceError):
    """A device error whose vi/en text is built from templates naming the device kind."""

    vi_tpl = ""
    en_tpl = ""

    def __init__(self, kind: str = "scanner", detail: str = "", vi: str = "", en: str = "") -> None:
        nv, ne = _noun(kind)
        super().__init__(
            None, vi or self.vi_tpl.format(noun=nv), en or self.en_tpl.format(noun=ne),
            kind=kind, detail=detail,
        )


class NotConnected(_Templated):
    """The port or service is absent: nothing answers at the configured address."""

    code = "device_not_connected"
    vi_tpl = "{noun} chưa được kết nối: cắm lại và bấm Thử lại."
    en_tpl = "{noun} not connected: plug it in and press Retry."


class Unplugged(_Templated):
    """The device was there and went away (cable pulled, port vanished, stopped answering)."""

    code = "device_unplugged"
    vi_tpl = "{noun} đã bị ngắt kết nối: kiểm tra dây cáp, cắm lại và bấm Thử lại."
    en_tpl = "{noun} was disconnected: check the cable, plug it back in and press Retry."


class Timeout(_Templated):
    """The device did not answer a command in time (it may be hung or too slow)."""

    code = "device_timeout"
    vi_tpl = "{noun} không phản hồi kịp: bấm Thử lại; nếu vẫn lỗi, rút ra cắm lại."
    en_tpl = "{noun} did not answer in time: press Retry; if it persists, unplug and replug it."


class NoFinger(_Templated):
    """No finger was placed on the sensor before the capture timed out."""

    code = "no_finger"
    vi_tpl = "Không thấy ngón tay trên máy quét: đặt ngón tay lên mặt kính và bấm Thử lại."
    en_tpl = "No finger on the scanner: place the finger on the glass and press Retry."


class ProtocolError(_Templated):
    """Bytes from the device made no sense (bad checksum, garbage, unexpected packet)."""

    code = "device_protocol_error"
    vi_tpl = ("{noun} gửi dữ liệu lỗi: bấm Thử lại; nếu lặp lại, rút ra cắm lại hoặc "
              "kiểm tra tốc độ cổng (baud).")
    en_tpl = ("{noun} sent corrupt data: press Retry; if it repeats, replug it or check the "
              "port speed (baud rate).")


class DeviceBusy(_Templated):
    """Another program or capture holds the device."""

    code = "device_busy"
    vi_tpl = "{noun} đang được chương trình khác sử dụng: đóng chương trình đó rồi bấm Thử lại."
    en_tpl = "{noun} is in use by another program: close it and press Retry."


class AccessDenied(_Templated):
    """The device refused our credentials (e.g. R30x handshake password) or the OS denied access."""

    code = "device_access_denied"
    retryable = False
    vi_tpl = ("{noun} từ chối truy cập (sai mật khẩu thiết bị hoặc thiếu quyền): "
              "kiểm tra cấu hình thiết bị.")
    en_tpl = ("{noun} refused access (wrong device password or missing permission): "
              "check the device settings.")


class DeviceFault(_Templated):
    """The device reported an internal failure (sensor error, bad image, flash error...)."""

    code = "device_fault"
    vi_tpl = "{noun} báo lỗi phần cứng: lau mặt kính, bấm Thử lại; nếu vẫn lỗi, thay thiết bị."
    en_tpl = ("{noun} reported a hardware fault: clean the glass and press Retry; if it "
              "persists, replace the device.")


class PoorQuality(_Templated):
    """The capture is not usable (not a fingerprint, blank, smudged): capture again."""

    code = "poor_quality"
    vi_tpl = "Ảnh chụp không đạt: lau mặt kính, đặt lại ngón tay và chụp lại."
    en_tpl = "The capture is not usable: clean the glass, place the finger again and retry."


__all__ = [
    "AccessDenied", "DeviceBusy", "DeviceError", "DeviceFault", "NoFinger", "NotConnected",
    "PoorQuality", "ProtocolError", "Timeout", "Unplugged",
]
