"""Shipped master data: the counts the catalogue publishes, lookups, mapping, search, bundles."""

from collections import Counter

import pytest

from app.domain.errors import InputError
from app.domain.masterdata import CURRENT, LEGACY, default_master, load_master


@pytest.fixture(scope="module")
def master():
    return default_master()


def test_current_units_match_the_2025_catalogue(master):
    assert len(master.provinces()) == 34
    assert len(master.admin.communes) == 3321
    kinds = Counter(u.kind for u in master.admin.communes.values())
    assert kinds == {"xã": 2621, "phường": 687, "đặc khu": 13}
    assert sum(len(master.communes_of(p.code)) for p in master.provinces()) == 3321


def test_legacy_units_match_the_pre_2025_catalogue(master):
    assert len(master.admin.old_provinces) == 63
    assert len(master.admin.old_districts) == 696
    assert len(master.admin.old_communes) == 10051
    # every legacy commune's district exists and every district's province exists
    for unit in master.admin.old_communes.values():
        assert master.legacy_province_of(unit) in master.admin.old_provinces


def test_id_province_codes_are_the_63_legacy_provinces(master):
    codes = master.id_province_codes()
    assert len(codes) == 63
    assert codes == sorted("0" + p for p in master.admin.old_provinces)
    assert master.id_province("001") == "Hà Nội"
    assert master.id_province("079") == "Hồ Chí Minh"
    assert master.id_province("003") is None


def test_code_lists(master):
    assert len(master.codes["ethnicities"]) == 54
    assert master.ethnicity("01") == "Kinh" and master.ethnicity("54") == "Rơ Măm"
    assert master.ethnicity("55") is None
    assert master.religion("00") == "Không" and master.religion("08") == "Tin Lành"
    assert len(master.codes["countries"]) == 249
    assert master.country("VN") == "Việt Nam"
    assert master.country("LA") == "Lào"
    assert master.country("US") == "Hoa Kỳ"
    assert master.country("XX") is None


def test_address_membership_current_and_legacy(master):
    assert master.address_scheme("01", "00004") == CURRENT  # Phường Ba Đình, Hà Nội
    assert master.address_scheme("79", "00004") is None  # not in Hồ Chí Minh
    # a legacy Hà Giang commune: legacy province 02 (merged into Tuyên Quang 08 in 2025)
    old = next(u for u in master.admin.old_communes.values()
               if master.legacy_province_of(u) == "02")
    assert master.address_scheme("02", old.code) == LEGACY
    assert master.address_scheme("08", old.code) in (None, CURRENT)


def test_old_to_new_mapping(master):
    assert [p.code for p in master.current_for_legacy_province("02")] == ["08"]
    assert [p.code for p in master.current_for_legacy_province("74")] == ["79"]
    assert {p.code for p in master.current_for_legacy_province("82")} == {"80", "82"}
    mapped = master.admin.commune_map
    assert len(mapped) >= 10000
    assert all(c in master.admin.communes for new in mapped.values() for c in new)
    assert [u.name for u in master.current_for_legacy_commune("00016")] == [
        "Phường Ba Đình", "Phường Ngọc Hà"]


def test_search_without_diacritics(master):
    hits = master.search_communes("ba dinh")
    assert hits[0].name == "Phường Ba Đình" and hits[0].scheme == CURRENT
    assert all(h.scheme == CURRENT for h in hits)
    assert any(h.name == "Xã Bạch Đằng" for h in master.search_communes("dang"))
    assert master.search_communes("BẠCH ĐẰNG") == master.search_communes("bach dang")
    assert master.search_communes("   ") == []
    in_hanoi = master.search_communes("phuong", province="01", limit=500)
    assert in_hanoi and all(u.parent == "01" for u in in_hanoi)
    legacy = master.search_communes("phuc xa", include_legacy=True)
    assert any(u.scheme == LEGACY and u.name == "Phường Phúc Xá" for u in legacy)


def test_bundle_applies_only_when_newer():
    master = load_master()
    codes = master.codes
    bundle = {"kind": "codes", "version": codes["version"] + 1,
              "ethnicities": [["01", "Kinh"]], "religions": [["00", "Không"]],
              "countries": [["VN", "Việt Nam", "Viet Nam"]], "id_provinces": [["001", "Hà Nội"]]}
    assert master.apply(bundle) is True
    assert master.ethnicity("02") is None and master.versions()["codes"] == codes["version"] + 1
    assert master.apply(dict(bundle, ethnicities=[])) is False  # same version: ignored
    assert master.ethnicity("01") == "Kinh"
    assert default_master().ethnicity("02") == "Tày"  # the shared instance is untouched


def test_newer_admin_bundle_replaces_units():
    master = load_master()
    doc = {"kind": "admin_units", "version": master.versions()["admin_units"] + 1,
           "provinces": [[1, "Thành phố Hà Nội", "thành phố trung ương"]],
           "communes": [[4, "Phường Ba Đình", "phường", 1]],
           "legacy_provinces": [], "legacy_districts": [], "legacy_communes": [],
           "commune_old_to_new": [], "province_old_to_new": []}
    assert master.apply(doc)
    assert len(master.provinces()) == 1 and master.address_scheme("01", "00004") == CURRENT


@pytest.mark.parametrize("bundle", [
    {"kind": "nope", "version": 9}, {"kind": "codes", "version": "9"},
    {"kind": "codes", "version": 10**9, "ethnicities": "x"}, "not a dict",
    {"kind": "codes", "version": 10**9, "ethnicities": [[1]], "religions": [],
     "countries": [], "id_provinces": []},
])
def test_bad_bundles_raise_input_error(bundle):
    with pytest.raises(InputError):
        load_master().apply(bundle)
