"""Vietnamese names: NFC normalisation and diacritic-free folding for search.

Keyboards send NFC or NFD; both must compare equal, so every text input goes through `nfc`.
Search folds to ASCII lower case: marks are stripped after NFD and đ/Đ, which do not decompose,
are mapped to d explicitly.
"""

from __future__ import annotations

import re
import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"[a-z0-9]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """'Nguyễn Thị Ánh' -> 'nguyen thi anh'; 'Đặng' -> 'dang'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.translate(_D).lower()


def words(text: str) -> list[str]:
    """The folded words of a name, in order, for word-by-word blind indexing."""
    return _WORD.findall(fold(text))


def upper(text: str) -> str:
    """Printed forms show names in upper case with full diacritics."""
    return nfc(text).upper()
