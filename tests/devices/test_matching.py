"""Sequence check: single fingers must match the same finger on their slap."""

from __future__ import annotations

from devices.fingerprint.base import IMPRESSION_ROLLED, Capture
from devices.fingerprint.capture_flow import CaptureResult, PositionResult
from devices.fingerprint.matching import MATCH_THRESHOLD, match, sequence_check
from devices.fingerprint.synthetic import generate_print, generate_slap


def _result(slap_img, singles):
    positions = {15: PositionResult(15, Capture(slap_img, 500, "t", 15), quality=50)}
    for pos, img in singles.items():
        positions[pos] = PositionResult(pos, Capture(img, 500, "t", pos,
                                                     impression=IMPRESSION_ROLLED), quality=50)
    return CaptureResult(positions)


def test_same_finger_matches_and_different_fingers_do_not():
    a = generate_print(2, position=3, impression=0, width=320, height=400)
    b = generate_print(2, position=3, impression=1, width=320, height=400, rolled=True)
    c = generate_print(2, position=4, width=320, height=400)
    assert match(a, b) >= MATCH_THRESHOLD > match(a, c)


def test_sequence_check_flags_swapped_thumbs():
    slap = generate_slap(5, 15)
    right = generate_print(5, position=1, impression=3, rolled=True)
    left = generate_print(5, position=6, impression=4, rolled=True)
    assert sequence_check(_result(slap, {1: right, 6: left})) == []
    issues = sequence_check(_result(slap, {1: left, 6: right}))
    assert {i.position for i in issues} == {1, 6}
    by_pos = {i.position: i for i in issues}
    assert by_pos[1].best_position == 6 and by_pos[6].best_position == 1
    assert by_pos[1].score < MATCH_THRESHOLD <= by_pos[1].best_score
    assert by_pos[1].as_dict()["slap"] == 15
