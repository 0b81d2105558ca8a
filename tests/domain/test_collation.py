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
