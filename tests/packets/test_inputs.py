"""The builder refuses inputs it cannot carry faithfully, naming the field."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from synth import T0, make_inputs, wsq_bytes

from app.packets.build import Signers, build_packet
from app.packets.errors import PacketInputError
from app.packets.inputs import FingerCapture
from app.packets.keys import CentreKeys, SigningKey
from app.packets.manifest import build_contents


def _bad(field: str, **changes) -> None:
    with pytest.raises(PacketInputError) as err:
        build_contents(dataclasses.replace(make_inputs(fingers=[]), **changes))
    assert err.value.field == field, err.value.en
    assert err.value.vi and err.value.en


def test_ids_times_and_approval():
    _bad("packet_id", packet_id="../etc/passwd")
    _bad("packet_id", packet_id="")
    _bad("station_id", station_id="ST 001")
    _bad("captured_at", captured_at=datetime(2026, 11, 22, 8, 0))  # naive
    _bad("approval", approved_at=None)
    _bad("demographics", demographics=["not", "a", "dict"])
    _bad("demographics", demographics={"x": float("nan")})


def test_finger_rules():
    img = wsq_bytes(100, 120)
    _bad("fingers[11]", fingers=[FingerCapture(11, img, 100, 120)])
    _bad("fingers[2]", fingers=[FingerCapture(2, img, 100, 120), FingerCapture(2, img, 100, 120)])
    _bad("fingers[3]", fingers=[FingerCapture(3, None)])
    _bad("fingers[3]", fingers=[FingerCapture(3, None, exception="lost")])
    _bad("fingers[4]", fingers=[FingerCapture(4, img, 100, 120, exception="worn")])
    _bad("fingers[4].quality", fingers=[FingerCapture(4, img, 100, 120, quality=101)])
    _bad("fingers[4].width", fingers=[FingerCapture(4, img, 0, 120)])
    _bad("finger_image", fingers=[FingerCapture(4, b"\xff\xd8jpeg", 100, 120)])


def test_face_must_be_jpeg():
    from app.packets.inputs import FaceCapture
    _bad("face", face=FaceCapture(b"GIF89a"))


def test_build_packet_needs_approval():
    s = Signers(SigningKey.generate(), SigningKey.generate(), SigningKey.generate())
    with pytest.raises(PacketInputError) as err:
        build_packet(make_inputs(approved=False, fingers=[]), s,
                     CentreKeys.generate().current_public, T0)
    assert err.value.field == "supervisor_id"


def test_child_without_biometrics_is_a_valid_packet():
    c = build_contents(dataclasses.replace(make_inputs(fingers=[]), face=None))
    assert c.manifest["captures"] == {"face": None, "fingers": []}
