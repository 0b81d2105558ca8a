"""Vietnamese collation without Qt: alphabet, tones as a secondary key, case last."""

import random
import unicodedata

import pytest

from app.domain.names import collation_key, name_sort_key


def _sorted(items):
    return sorted(items, key=collation_key)


@pytest.mark.parametrize("ordered", [
    # letters: a < ă < â < b ... d < đ < e < ê ... o < ô < ơ ... u < ư < v
    ["An", "Ăn", "Ân", "Bé"],
    ["Dung", "Dương", "Đào", "Đặng", "Em", "Êm"],
    ["Oanh", "Ôn", "Ơn", "Phúc"],
    ["Uyên", "Ưng", "Vân", "Xuân", "Yến"],
    # tones: ngang < huyền < hỏi < ngã < sắc < nặng
    ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"],
    ["Trang", "Tràng", "Trảng", "Trãng", "Tráng", "Trạng"],
    # tone is only secondary: the base letters decide first
    ["Anh", "Ánh", "Ân"],
    ["Ạn", "Anh"],
    ["Mạnh", "Minh"],
    # digraphs are not letters of their own (ICU/CLDR 'vi', as QCollator sorts)
    ["Cao", "Châu", "Cúc"],
    ["Nga", "Ngọc", "Nhung", "Nụ"],
    ["Gia", "Giang", "Giao", "Gương"],
    # prefixes first, spaces before letters
    ["Lê", "Lê Anh", "Lêa"],
    # lower case before upper case when nothing else differs
    ["an", "An", "án"],
])
def test_known_orderings(ordered):
    shuffled = ordered[:]
    random.Random(7).shuffle(shuffled)
    assert _sorted(shuffled) == ordered


def test_python_default_order_is_wrong_and_ours_is_not():
    names = ["Đức", "Zin", "Ân", "Bình"]
    assert sorted(names) == ["Bình", "Zin", "Ân", "Đức"]  # what sorted() alone does
    assert _sorted(names) == ["Ân", "Bình", "Đức", "Zin"]


def test_nfd_and_nfc_sort_identically():
    word = "Nguyễn Thị Ánh"
    assert collation_key(unicodedata.normalize("NFD", word)) == collation_key(word)


def test_names_sort_by_given_name_first():
    people = ["Trần Văn Bình", "Nguyễn Thị Ánh", "Lê Ân", "Phạm Anh"]
    assert sorted(people, key=name_sort_key) == [
        "Phạm Anh", "Nguyễn Thị Ánh", "Lê Ân", "Trần Văn Bình"]


def test_agrees_with_qcollator_vi_on_every_unit_name():
    """The reference the brief names: QCollator(vi_VN). Units with typographic apostrophes
    (’ versus ') are left out: ICU orders those two apart in a way no dictionary does."""
    qtcore = pytest.importorskip("PySide6.QtCore")
    import functools

    from app.domain.masterdata import default_master

    admin = default_master().admin
    names = {u.name for u in admin.communes.values()}
    names |= {u.name for u in admin.old_communes.values()}
    names |= {u.name.split(" ", 1)[1] for u in admin.old_districts.values()}
    names = sorted(n for n in names if "\u2019" not in n)
    collator = qtcore.QCollator(qtcore.QLocale("vi_VN"))
    if collator.locale().name() != "vi_VN":
        pytest.skip("no Vietnamese collation in this Qt build")
    expected = sorted(names, key=functools.cmp_to_key(collator.compare))
    assert sorted(names, key=collation_key) == expected
