"""Vietnamese first, English second: one switch chosen at start-up (`--lang`).

Every UI string is written `t("tiếng Việt", "English")` with string literals, so reviewers see both
and `python -m app.ui.i18n_catalog` can list them in app/ui/translations/enroll_station_en.ts
(Qt Linguist). In English mode the compiled .qm is installed and an English edited in Linguist
wins over the inline English; without a translation the inline English is used. The context of a
string is the module that wrote it (`__name__`, e.g. "app.ui.enroll_form").
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

TRANSLATIONS = Path(__file__).with_name("translations")
QM_EN = TRANSLATIONS / "enroll_station_en.qm"

_lang = "vi"
_translator: QTranslator | None = None
_cache: dict[tuple[str, str], str] = {}


class Pair(tuple):
    """A (vi, en) pair from `mark()`: unpacks like a tuple, remembers the module it came from."""

    ctx: str = ""


def set_lang(lang: str) -> None:
    global _lang
    _lang = "en" if lang == "en" else "vi"
    _cache.clear()


def lang() -> str:
    return _lang


def t(vi: str, en: str) -> str:
    """The text in the current language; both arguments must be string literals."""
    if _lang == "vi":
        return vi
    return _english(sys._getframe(1).f_globals.get("__name__", ""), vi, en)


def mark(vi: str, en: str) -> Pair:
    """Mark a (vi, en) pair kept in a table for the catalogue; translate it later with t_pair()."""
    p = Pair((vi, en))
    p.ctx = sys._getframe(1).f_globals.get("__name__", "")
    return p


def t_pair(pair: tuple[str, str]) -> str:
    """A pair from `mark()` in the current language (a plain tuple falls back to its English)."""
    vi, en = pair
    if _lang == "vi":
        return vi
    return _english(getattr(pair, "ctx", ""), vi, en)


def _english(ctx: str, vi: str, en: str) -> str:
    key = (ctx, vi)
    hit = _cache.get(key)
    if hit is None:
        hit = en
        if _translator is not None and ctx:
            out = QCoreApplication.translate(ctx, vi)
            if out and out != vi:
                hit = out
        _cache[key] = hit
    return hit


def install(app: QCoreApplication, qm: Path = QM_EN) -> bool:
    """In English mode, install the compiled catalogue; False if Vietnamese or it cannot load."""
    global _translator
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    _cache.clear()
    if _lang != "en":
        return False
    tr = QTranslator(app)
    if not tr.load(str(qm)):
        return False
    app.installTranslator(tr)
    _translator = tr
    return True
