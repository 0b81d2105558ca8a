"""Vietnamese first, English second: one switch chosen at start-up (`--lang`)."""

from __future__ import annotations

_lang = "vi"


def set_lang(lang: str) -> None:
    global _lang
    _lang = "en" if lang == "en" else "vi"


def lang() -> str:
    return _lang


def t(vi: str, en: str) -> str:
    return vi if _lang == "vi" else en
