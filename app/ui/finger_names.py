"""Finger names (vi/en) and the order the officer takes positions in: 4-4-2 slaps, then
rolled fingers. Shared by the fingerprint step and its hand diagram."""

from __future__ import annotations

from app.ui.i18n import mark

FINGERS = {1: mark("Ngón cái phải", "R thumb"), 2: mark("Ngón trỏ phải", "R index"),
           3: mark("Ngón giữa phải", "R middle"), 4: mark("Ngón áp út phải", "R ring"),
           5: mark("Ngón út phải", "R little"), 6: mark("Ngón cái trái", "L thumb"),
           7: mark("Ngón trỏ trái", "L index"), 8: mark("Ngón giữa trái", "L middle"),
           9: mark("Ngón áp út trái", "L ring"), 10: mark("Ngón út trái", "L little"),
           13: mark("Bốn ngón tay phải", "Right slap"), 14: mark("Bốn ngón tay trái", "Left slap"),
           15: mark("Hai ngón cái", "Both thumbs")}
ORDER = [13, 14, 15, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
