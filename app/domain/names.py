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


# --- Vietnamese collation --------------------------------------------------------------------
# The order QCollator/ICU use for locale vi (CLDR tailoring), computed without Qt so the core can
# sort. Three levels, as in the Unicode Collation Algorithm:
#   primary:   letters a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z);
#              digraphs (ch, ng, nh ...) are NOT separate letters; spaces and punctuation sort
#              before digits, digits before letters.
#   secondary: tone, in dictionary order: none, huyền (grave), hỏi (hook), ngã (tilde),
#              sắc (acute), nặng (dot below); compared left to right once primaries are equal.
#   tertiary:  lower case before upper case.
# So "Anh" < "Ánh" < "Ân" < "Ba" and "Dương" < "Đặng" < "Giang" (see docs/domain.md).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_MOD_BASE = {  # base letter + breve / circumflex / horn -> a letter of its own
    ("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư",
}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_APOSTROPHES = "\u2019\u2018\u02bc"
_LETTER_BASE = 1000  # primary weights of letters start here; digits and punctuation sit below


def _primary(base: str) -> int:
    if base in _RANK:
        return _LETTER_BASE + _RANK[base]
    if base.isdigit():
        return 500 + int(base) if base.isascii() else 510
    if base.isspace():
        return 1
    if base in _APOSTROPHES:  # typographic apostrophes weigh as "'" (differ at tertiary only)
        return 10 + ord("'")
    if base.isalpha():  # letters outside the Vietnamese/Latin alphabet: after z, by code point
        return _LETTER_BASE + 100 + ord(base)
    return 10 + min(ord(base), 480)  # punctuation and symbols, before digits


def collation_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Sort key giving Vietnamese dictionary order (ICU/CLDR 'vi'), usable with sorted(key=...)."""
    primary: list[int] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for cluster in _clusters(unicodedata.normalize("NFD", text)):
        base, marks = cluster[0], cluster[1:]
        low = base.lower()
        tone = 0
        other = 0
        for mark in marks:
            if (low, mark) in _MOD_BASE:
                low = _MOD_BASE[(low, mark)]
            elif mark in _TONES:
                tone = _TONES[mark]
            else:
                other = other * 8 + 6 + (ord(mark) & 0x7)
        if low == "đ" or base == "Đ":
            low = "đ"
        primary.append(_primary(low))
        secondary.append(tone * 64 + other)
        tertiary.append(2 if base in _APOSTROPHES else 0 if base == base.lower() else 1)
    return tuple(primary), tuple(secondary), tuple(tertiary)


def _clusters(nfd: str) -> list[str]:
    out: list[str] = []
    for ch in nfd:
        if out and unicodedata.combining(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def name_sort_key(full_name: str) -> tuple[object, ...]:
    """Order people as Vietnamese lists do: by given name (last word), then the whole name."""
    parts = nfc(full_name).split()
    given = parts[-1] if parts else ""
    return collation_key(given), collation_key(" ".join(parts))
