"""The Qt Linguist catalogue: in sync with the code, compiled .qm used in English mode only,
translator edits kept across regeneration, non-literal t() calls reported with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from app.ui import i18n, i18n_catalog
from app.ui.i18n import mark, t, t_pair


@pytest.fixture(autouse=True)
def _vietnamese_after(qapp):
    yield
    i18n.set_lang("vi")
    i18n.install(qapp)  # removes any translator a test installed


def _in(module: str, code: str) -> str:
    """Evaluate a t() call as if written in `module` (the context is the caller's __name__)."""
    return eval(code, {"__name__": module, "t": t})


def test_committed_catalogue_is_in_sync_with_the_code():
    found = i18n_catalog.problems(allow=i18n_catalog.ALLOW_NONLITERAL)
    assert found == [], "run `python -m app.ui.i18n_catalog`:\n" + "\n".join(found)


def test_committed_qm_holds_every_translation_of_the_ts():
    tr = QTranslator()
    assert tr.load(str(i18n.QM_EN))
    msgs = i18n_catalog.read_ts(i18n_catalog.TS)
    assert len(msgs) > 200
    wrong = [k for k, m in msgs.items() if tr.translate(m.context, m.source) != m.translation]
    assert wrong == [], "recompile the .qm (run the tool)"


def test_english_mode_translates_through_the_qm(qapp):
    i18n.set_lang("en")
    assert i18n.install(qapp)
    # The inline English is deliberately wrong: the answer must come from the .qm.
    assert _in("app.ui.dashboard_page", 't("Hôm nay", "not from the qm")') == "Today"
    assert _in("app.ui.dashboard_page", 't("Không có trong mục lục", "Fallback")') == "Fallback"
    from app.ui.record_view import state_label

    assert state_label("draft") == "Draft"


def test_vietnamese_mode_ignores_the_translator(qapp):
    i18n.set_lang("en")
    assert i18n.install(qapp)
    i18n.set_lang("vi")
    assert _in("app.ui.dashboard_page", 't("Hôm nay", "Today")') == "Hôm nay"
    assert t_pair(mark("Ảnh", "Photo")) == "Ảnh"
    assert not i18n.install(qapp)  # Vietnamese: nothing installed


def test_marked_pairs_unpack_like_tuples_and_plain_tuples_fall_back():
    p = mark("Ảnh", "Photo")
    vi, en = p
    assert (vi, en) == ("Ảnh", "Photo") and p.ctx == __name__
    i18n.set_lang("en")
    assert t_pair(("Dịch vụ", "Service")) == "Service"


def _tree(tmp_path: Path, body: str) -> tuple[Path, Path]:
    ui = tmp_path / "app" / "ui"
    ui.mkdir(parents=True, exist_ok=True)
    (ui / "greet.py").write_text("from app.ui.i18n import t\n" + body, encoding="utf-8")
    return ui, ui / "translations" / "x_en.ts"


def test_an_english_edit_in_the_ts_survives_regeneration_and_wins(tmp_path, qapp):
    ui, ts = _tree(tmp_path, 'A = t("Xin chào", "Hello")\nB = t("Tạm biệt", "Bye")\n')
    i18n_catalog.generate(ts, ui, tmp_path)
    text = ts.read_text(encoding="utf-8")
    assert '<location filename="../greet.py" line="2"' in text
    assert "<source>Xin chào</source>" in text and "<translation>Hello</translation>" in text
    # The translator edits "Hello" in Qt Linguist ...
    ts.write_text(text.replace("<translation>Hello</translation>",
                               "<translation>Good day</translation>"), encoding="utf-8")
    # ... and a developer changes both English texts in the code.
    (ui / "greet.py").write_text('from app.ui.i18n import t\nA = t("Xin chào", "Hello!")\n'
                                 'B = t("Tạm biệt", "Goodbye")\n', encoding="utf-8")
    assert any("English changed" in p for p in i18n_catalog.problems(ts, ui, tmp_path))
    i18n_catalog.generate(ts, ui, tmp_path)
    i18n_catalog.generate(ts, ui, tmp_path)  # twice: the mark keeps the edit
    msgs = i18n_catalog.read_ts(ts)
    hello = msgs[("app.ui.greet", "Xin chào")]
    assert (hello.translation, hello.edited, hello.english) == ("Good day", True, "Hello!")
    bye = msgs[("app.ui.greet", "Tạm biệt")]
    assert (bye.translation, bye.edited) == ("Goodbye", False)  # unedited: follows the code
    assert i18n_catalog.problems(ts, ui, tmp_path) == []
    i18n.set_lang("en")
    assert i18n.install(qapp, ts.with_suffix(".qm"))
    assert _in("app.ui.greet", 't("Xin chào", "Hello!")') == "Good day"
    assert _in("app.ui.greet", 't("Tạm biệt", "Goodbye")') == "Goodbye"


def test_check_lists_missing_and_obsolete_strings(tmp_path):
    ui, ts = _tree(tmp_path, 'A = t("Một", "One")\n')
    i18n_catalog.generate(ts, ui, tmp_path, qm=False)
    (ui / "greet.py").write_text('from app.ui.i18n import t\nA = t("Hai", "Two")\n',
                                 encoding="utf-8")
    found = i18n_catalog.problems(ts, ui, tmp_path)
    assert any(p.startswith("missing") and "'Hai'" in p for p in found)
    assert any(p.startswith("obsolete") and "'Một'" in p for p in found)


def test_check_catches_a_translation_that_loses_a_placeholder(tmp_path):
    ui, ts = _tree(tmp_path, 'A = t("Trang {n}", "Page {n}")\n')
    i18n_catalog.generate(ts, ui, tmp_path, qm=False)
    assert i18n_catalog.problems(ts, ui, tmp_path) == []
    ts.write_text(ts.read_text(encoding="utf-8").replace("<translation>Page {n}",
                                                         "<translation>Page {num}"))
    found = i18n_catalog.problems(ts, ui, tmp_path)
    assert len(found) == 1 and found[0].startswith("placeholders differ"), found


def test_check_reports_an_f_string_inside_t_with_its_line():
    src = 'q = 3\nx = t(f"Ảnh {q}/100", f"Photo {q}/100")\ny = t("Ảnh", "Photo")\n' \
          'z = t(vi, en)\nw = mark("a" + "b", "ab")\n'
    found = i18n_catalog.scan_source(src, "app.ui.snippet", "snippet.py")
    assert [n.split(": ")[0] for n in found.nonliteral] == ["snippet.py:2", "snippet.py:4",
                                                            "snippet.py:5"]
    assert list(found.messages) == [("app.ui.snippet", "Ảnh")]


def test_the_allow_list_names_only_files_still_to_convert():
    code = i18n_catalog.scan()
    files = {Path(n.split(":")[0]).name for n in code.nonliteral}
    assert files <= set(i18n_catalog.ALLOW_NONLITERAL)
