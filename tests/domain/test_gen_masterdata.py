"""tools/gen_masterdata.py reads a vietnam-provinces wheel without importing it."""

import gzip
import importlib.util
import json
import sys
import zipfile
from pathlib import Path

import pytest

from app.domain.masterdata import default_master

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gen():
    sys.path.insert(0, str(ROOT / "tools"))
    spec = importlib.util.spec_from_file_location("gen_masterdata", ROOT / "tools" /
                                                  "gen_masterdata.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NESTED = [{"name": "Tỉnh Tuyên Quang", "code": 8, "division_type": "tỉnh", "wards": [
    {"name": "Xã Thượng Lâm", "code": 2269, "division_type": "xã"},
    {"name": "Phường Hà Giang 1", "code": 688, "division_type": "phường"}]}]
BASE = """
class VietNamDivisionType(StrEnum):
    TINH = 'tỉnh'
    HUYEN = 'huyện'
    THANH_PHO = 'thành phố'
    XA = 'xã'
    PHUONG = 'phường'
"""
LOOKUP = """
PROVINCE_MAPPING: dict[int, Province] = {
    2: Province('Tỉnh Hà Giang', ProvinceCode.P_02, VietNamDivisionType.TINH, 'tinh_ha_giang', 219),
    8: Province('Tỉnh Tuyên Quang', ProvinceCode.P_08, VietNamDivisionType.TINH, 'x', 207),
}
DISTRICT_MAPPING: dict[int, District] = {
    24: District('Thành phố Hà Giang', DistrictCode.D_024, VietNamDivisionType.THANH_PHO, 'x',
                 ProvinceCode.P_02),
    71: District('Huyện Lâm Bình', DistrictCode.D_071, VietNamDivisionType.HUYEN, 'x',
                 ProvinceCode.P_08),
}
WARD_MAPPING: dict[int, Ward] = {
    688: Ward('Phường Quang Trung', WardCode.W_00688, VietNamDivisionType.PHUONG, 'x',
              DistrictCode.D_024),
    2269: Ward('Xã Thượng Lâm', WardCode.W_02269, VietNamDivisionType.XA, 'x', DistrictCode.D_071),
}
"""
WARDS = """
OLD_TO_NEW: dict[int, OldToNewEntry] = {
    688: OldToNewEntry(OldWardRef(688, 24, 2, True), (NewWardRef(688, 8), NewWardRef(2269, 8))),
    2269: OldToNewEntry(OldWardRef(2269, 71, 8, False), (NewWardRef(2269, 8),)),
}
"""
PROVS = """
OLD_TO_NEW: dict[int, OldToNewEntry] = {
    2: OldToNewEntry(OldProvinceRef(2), (NewProvinceRef(8),)),
    8: OldToNewEntry(OldProvinceRef(8), (NewProvinceRef(8),)),
}
"""


def _wheel(tmp_path: Path, lookup: str = LOOKUP) -> Path:
    path = tmp_path / "vietnam_provinces-0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("vietnam_provinces/data/nested-divisions.json", json.dumps(NESTED))
        z.writestr("vietnam_provinces/legacy/base.py", BASE)
        z.writestr("vietnam_provinces/legacy/_lookup.py", lookup)
        z.writestr("vietnam_provinces/_ward_conversion_2025.py", WARDS)
        z.writestr("vietnam_provinces/_province_conversion_2025.py", PROVS)
    return path


def test_reads_the_wheel_tables(gen, tmp_path):
    doc = gen.admin_units(_wheel(tmp_path))
    assert doc["provinces"] == [[8, "Tỉnh Tuyên Quang", "tỉnh"]]
    assert doc["communes"] == [[688, "Phường Hà Giang 1", "phường", 8],
                               [2269, "Xã Thượng Lâm", "xã", 8]]
    assert doc["legacy_provinces"][0] == [2, "Tỉnh Hà Giang", "tỉnh"]
    assert doc["legacy_districts"][0] == [24, "Thành phố Hà Giang", "thành phố", 2]
    assert doc["legacy_communes"][0] == [688, "Phường Quang Trung", "phường", 24]
    assert doc["commune_old_to_new"] == [[688, [688, 2269], 1], [2269, [2269], 0]]
    assert doc["province_old_to_new"] == [[2, [8]], [8, [8]]]


def test_never_executes_the_package_code(gen, tmp_path):
    evil = LOOKUP.replace("'tinh_ha_giang'", "__import__('os').system('touch PWNED')")
    gen.admin_units(_wheel(tmp_path, evil))
    assert not Path("PWNED").exists()
    with pytest.raises(ValueError):
        gen.admin_units(_wheel(tmp_path, LOOKUP.replace("'x', 207", "'x', 200 + 7")))


def test_output_is_deterministic_and_loads(gen, tmp_path, monkeypatch):
    iso = tmp_path / "iso.json"
    iso.write_text(json.dumps({"3166-1": [{"alpha_2": c, "name": c} for c in gen.tables.COUNTRY_VI]
                               + [{"alpha_2": "ZW", "name": "Zimbabwe"}]}), encoding="utf-8")
    out1, out2 = tmp_path / "a", tmp_path / "b"
    wheel = _wheel(tmp_path)
    # the ID-province check needs the 63 legacy provinces: feed the shipped ones
    real = default_master().admin
    full = [[int(u.code), u.name, u.kind] for u in real.old_provinces.values()]
    with pytest.raises(SystemExit):
        gen.codes(iso, [[2, "Tỉnh Hà Giang", "tỉnh"]])
    code_doc = gen.codes(iso, full)
    assert len(code_doc["id_provinces"]) == 63 and len(code_doc["ethnicities"]) == 54
    assert ["ZW", "Zimbabwe", "Zimbabwe"] in code_doc["countries"]
    assert ["VN", "Việt Nam", "VN"] in code_doc["countries"]
    monkeypatch.setattr(gen, "codes", lambda iso_json, legacy: code_doc)
    for out in (out1, out2):
        assert gen.main(["--wheel", str(wheel), "--iso-codes", str(iso), "--out", str(out)]) == 0
    for name in ("admin_units.json.gz", "codes.json"):
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes()
    admin = json.loads(gzip.decompress((out1 / "admin_units.json.gz").read_bytes()))
    assert admin["version"] == gen.ADMIN_VERSION
    json.loads((out1 / "codes.json").read_text(encoding="utf-8"))


def test_shipped_files_carry_the_generator_versions(gen):
    assert default_master().versions() == {"admin_units": gen.ADMIN_VERSION,
                                           "codes": gen.CODES_VERSION}
