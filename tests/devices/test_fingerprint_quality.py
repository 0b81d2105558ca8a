"""Synthetic prints, the fingerprint gate, NFIQ 2 ordering and WSQ round trips."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from devices.errors import DeviceFault
from devices.fingerprint import synthetic, wsq_codec
from devices.fingerprint.gate import check_fingerprint
from devices.fingerprint.quality import Nfiq2, assess


@pytest.fixture(scope="module")
def prints():
    return {q: [synthetic.generate_print(s, position=2 + s, quality=q) for s in range(3)]
            for q in synthetic.QUALITIES}


@pytest.fixture(scope="module")
def noise():
    return np.random.default_rng(5).integers(0, 256, (500, 400), dtype=np.uint8)


def test_generator_is_deterministic_and_seed_dependent():
    a = synthetic.generate_print(42, position=3, width=256, height=288)
    b = synthetic.generate_print(42, position=3, width=256, height=288)
    c = synthetic.generate_print(43, position=3, width=256, height=288)
    assert a.dtype == np.uint8 and a.shape == (288, 256)
    np.testing.assert_array_equal(a, b)
    assert np.mean(a != c) > 0.3


def test_same_finger_keeps_its_ridges_across_impressions():
    """Two impressions of one finger correlate far better than two different fingers."""
    def ridges(seed, pos, h=200, w=200):
        return synthetic._master_ridges(synthetic.sub_seed("finger", seed, pos, 500), h, w, 500)
    same = np.corrcoef(ridges(1, 2).ravel(), ridges(1, 2).ravel())[0, 1]
    other = np.corrcoef(ridges(1, 2).ravel(), ridges(1, 3).ravel())[0, 1]
    assert same == pytest.approx(1.0) and abs(other) < 0.2
    # A taller, narrower window (a finger on a slap) shares the centre of the ridges.
    tall = ridges(1, 2, h=300, w=160)[50:250, :]
    centre = ridges(1, 2)[:, 20:180]
    inner = (slice(60, 140), slice(40, 120))  # away from both windows' edges
    assert np.corrcoef(tall[inner].ravel(), centre[inner].ravel())[0, 1] > 0.9
    i0 = synthetic.generate_print(1, position=2, impression=0, width=256, height=288)
    i1 = synthetic.generate_print(1, position=2, impression=1, width=256, height=288)
    assert not np.array_equal(i0, i1)  # placement, pressure and noise differ


def test_quality_and_pattern_arguments_are_checked():
    with pytest.raises(ValueError):
        synthetic.generate_print(1, quality="excellent")
    with pytest.raises(ValueError):
        synthetic.generate_print(1, position=11)
    with pytest.raises(ValueError):
        synthetic.generate_slap(1, 2)


def test_synthetic_prints_of_every_quality_pass_the_gate(prints):
    for quality, imgs in prints.items():
        for img in imgs:
            verdict = check_fingerprint(img)
            assert verdict.is_fingerprint, (quality, verdict.metrics)
            assert 0.4 < verdict.metrics["median_period_mm"] < 0.6  # human ridge spacing


@pytest.mark.parametrize("kind", ["blank", "dim_blank", "noise", "blurred_noise", "gradient"])
def test_blank_and_noise_are_rejected_with_a_reason(kind, noise):
    rng = np.random.default_rng(1)
    img = {
        "blank": np.full((500, 400), 250, np.uint8),
        "dim_blank": np.clip(rng.normal(200, 3, (500, 400)), 0, 255).astype(np.uint8),
        "noise": noise,
        "blurred_noise": np.clip(
            __import__("cv2").GaussianBlur(rng.normal(128, 200, (500, 400)).astype(np.float32),
                                           (0, 0), 3), 0, 255).astype(np.uint8),
        "gradient": np.tile(np.linspace(0, 255, 400), (500, 1)).astype(np.uint8),
    }[kind]
    verdict = check_fingerprint(img)
    assert not verdict.is_fingerprint
    assert verdict.reason in ("blank", "no_ridges")
    assert verdict.vi and verdict.en
    report = assess(img, 2)
    assert report.score is None and not report.accepted  # never scored by NFIQ 2


def test_too_small_a_contact_is_rejected():
    img = np.full((500, 400), 245, np.uint8)
    img[200:260, 150:210] = synthetic.generate_print(3, width=60, height=60)
    assert check_fingerprint(img).reason == "too_small"


def test_nfiq2_orders_good_above_poor(prints):
    good = [assess(img, 2).score for img in prints["good"]]
    poor = [assess(img, 2).score for img in prints["poor"]]
    assert all(0 <= s <= 100 for s in good + poor)
    assert min(good) > max(poor), (good, poor)
    assert np.mean(good) >= 50


def test_nfiq2_is_safe_to_call_from_threads(prints):
    img = prints["good"][0]
    expected = Nfiq2.score(img)
    out: list[int] = []
    threads = [threading.Thread(target=lambda: out.append(Nfiq2.score(img))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == [expected] * 3


def test_nfiq2_failure_becomes_a_device_fault():
    with pytest.raises(DeviceFault):
        Nfiq2.score(np.full((500, 400), 255, np.uint8))


def test_slap_is_segmented_and_each_finger_scored():
    slap = synthetic.generate_slap(3, 15)
    assert slap.shape == (1500, 1600)
    report = assess(slap, 15)
    assert report.accepted and set(report.finger_scores) == {1, 6}
    assert report.score == min(report.finger_scores.values()) > 30
    thumbs_missing = synthetic.generate_slap(3, 15, missing=(1,))
    partial = assess(thumbs_missing, 15, missing=(1,))
    assert partial.accepted and set(partial.finger_scores) == {6}


def test_wsq_round_trip(prints):
    img = prints["good"][0]
    data = wsq_codec.encode(img)
    assert data[:2] == wsq_codec.WSQ_SOI
    assert len(data) < img.size / 5  # ~0.75 bpp of 8
    back = wsq_codec.decode(data)
    assert back.image.shape == img.shape and back.ppi == 500
    err = np.abs(back.image.astype(int) - img.astype(int))
    assert err.mean() < 12  # lossy (sensor noise is not kept), but close
    assert check_fingerprint(back.image).is_fingerprint


def test_wsq_rejects_garbage_and_bad_input():
    with pytest.raises(ValueError):
        wsq_codec.decode(b"not a wsq file")
    with pytest.raises(ValueError):
        wsq_codec.decode(wsq_codec.WSQ_SOI + b"\x00" * 50)
    with pytest.raises(ValueError):
        wsq_codec.encode(np.zeros((10, 10, 3), np.uint8))
