"""The simulated scanner: same base class, scripted failures, slaps and singles."""

from __future__ import annotations

import numpy as np
import pytest

from devices import errors
from devices.fingerprint.base import SLAPS, Capture
from devices.fingerprint.simulated import SimulatedScanner


def test_must_be_open_and_unplug_is_sticky():
    s = SimulatedScanner(script=["unplugged"], single_size=(128, 160))
    with pytest.raises(errors.NotConnected):
        s.capture(1)
    s.open()
    with pytest.raises(errors.Unplugged):
        s.capture(1)
    with pytest.raises(errors.NotConnected):
        s.open()
    s.plugged = True
    s.open()
    assert isinstance(s.capture(1), Capture)


@pytest.mark.parametrize("outcome,exc", [("no_finger", errors.NoFinger),
                                         ("timeout", errors.Timeout),
                                         ("garbage", errors.ProtocolError),
                                         ("busy", errors.DeviceBusy)])
def test_scripted_failures_raise_typed_errors(outcome, exc):
    s = SimulatedScanner(script=[outcome], single_size=(128, 160))
    s.open()
    with pytest.raises(exc):
        s.capture(2)
    assert s.capture(2).image.shape == (160, 128)  # script consumed: back to normal


def test_same_person_same_finger_is_reproducible_and_differs_per_finger():
    a = SimulatedScanner(seed=9, single_size=(128, 160))
    b = SimulatedScanner(seed=9, single_size=(128, 160))
    a.open()
    b.open()
    np.testing.assert_array_equal(a.capture(3).image, b.capture(3).image)
    assert not np.array_equal(a.capture(3).image, a.capture(4).image)


def test_supports_all_positions_and_unknown_outcomes_are_refused():
    s = SimulatedScanner()
    assert set(SLAPS) <= set(s.info().positions) and len(s.positions) == 13
    with pytest.raises(ValueError):
        SimulatedScanner(default="perfect")
    s.open()
    with pytest.raises(ValueError):
        s.capture(11)


def test_self_test_reports_instead_of_raising():
    s = SimulatedScanner()
    report = s.self_test()
    assert report.ok and report.device_id == "simulated" and s.is_open
    s.plugged = False
    s.close()
    bad = s.self_test()
    assert not bad.ok and bad.as_dict()["checks"][-1]["note"] == "device_not_connected"
