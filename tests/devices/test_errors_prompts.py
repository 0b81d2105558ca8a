"""Device errors carry actionable vi/en text and stable codes; prompts satisfy the protocol."""

from __future__ import annotations

import io

import pytest

from devices import errors as e
from devices.prompts import NULL_PROMPTS, PrintPrompts, PromptHandler, RecordingPrompts


@pytest.mark.parametrize("cls", [e.NotConnected, e.Unplugged, e.Timeout, e.NoFinger,
                                 e.ProtocolError, e.DeviceBusy, e.AccessDenied, e.DeviceFault,
                                 e.PoorQuality])
def test_every_error_is_a_device_error_with_both_languages(cls):
    err = cls(detail="checksum 0x12 != 0x34")
    assert isinstance(err, e.DeviceError)
    assert err.vi and err.en and err.vi != err.en
    assert err.code == cls.code and err.code != e.DeviceError.code
    assert "checksum" in str(err) and "checksum" not in err.en  # detail is for logs only
    assert err.as_dict()["code"] == err.code


def test_not_connected_names_the_device_and_the_action():
    err = e.NotConnected()
    assert err.vi == "Máy quét vân tay chưa được kết nối: cắm lại và bấm Thử lại."
    assert err.en == "Fingerprint scanner not connected: plug it in and press Retry."
    cam = e.NotConnected(kind="camera")
    assert cam.en.startswith("Camera not connected") and cam.message("vi").startswith("Camera")
    assert e.NotConnected(kind="xyz").en.startswith("Device")


def test_access_denied_is_not_retryable():
    assert not e.AccessDenied().retryable and e.Timeout().retryable


def test_prompt_implementations_satisfy_protocol():
    rec = RecordingPrompts()
    for p in (NULL_PROMPTS, rec, PrintPrompts(stream=io.StringIO())):
        assert isinstance(p, PromptHandler)
    rec.place_finger(13)
    rec.lift_finger()
    assert rec.calls == [("place_finger", 13), ("lift_finger", None)]
    out = io.StringIO()
    PrintPrompts(lang="vi", stream=out).roll(2)
    assert "Lăn ngón tay" in out.getvalue()
