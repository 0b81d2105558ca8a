"""Generate the station's master-data files in app/domain/data/ from public catalogue facts.

Administrative units (GSO catalogue, after and before 1 July 2025, and the old -> new mapping) are
read from the wheel of the PyPI package `vietnam-provinces` WITHOUT importing or running it: its
JSON file is parsed with `json`, its Python tables with `ast` (literal nodes only). The package is
GPL-3.0 and needs Python >= 3.12; it is a generation-time input only, never a runtime dependency.
Countries: ISO 3166-1 codes and English short names from Debian's `iso-codes` JSON; Vietnamese names
from tools/masterdata_tables.py. Ethnic groups, religions and ID province codes: the same tables.

Get the wheel:   pip download --no-deps --python-version 3.12 --only-binary=:all: \
                     vietnam-provinces==2026.9.0 -d /tmp/vp
Run:             python tools/gen_masterdata.py --wheel /tmp/vp/vietnam_provinces-2026.9.0-*.whl
The output is deterministic (sorted, gzip mtime 0), so a re-run shows no diff when nothing changed.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import masterdata_tables as tables  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "app" / "domain" / "data"
ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
PKG = "vietnam_provinces/"
ADMIN_VERSION = 2025070101  # bump when the catalogue facts change (YYYYMMDDnn)
CODES_VERSION = 1


def _literal(node: ast.AST) -> Any:
    """A call's positional arguments, an enum member's name, or a constant; never evaluated."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return [_literal(a) for a in node.args]
    if isinstance(node, ast.Tuple | ast.List):
        return [_literal(e) for e in node.elts]
    raise ValueError(f"unexpected node {type(node).__name__}")


def _tables(source: str) -> dict[str, Any]:
    """Every top-level `NAME: type = {...}` dict literal and class-level string constants."""
    out: dict[str, Any] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Dict):
            assert isinstance(node.target, ast.Name)
            keys = [_literal(k) for k in node.value.keys if k is not None]
            out[node.target.id] = dict(zip(keys, map(_literal, node.value.values), strict=True))
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.Assign) and isinstance(item.value, ast.Constant):
                    name = item.targets[0]
                    if isinstance(name, ast.Name):
                        out.setdefault(node.name, {})[name.id] = item.value.value
    return out


def _enum_int(member: str) -> int:
    """'P_01' / 'D_001' / 'W_00001' -> the code as an int."""
    return int(member.split("_", 1)[1])


def admin_units(wheel: Path) -> dict[str, Any]:
    with zipfile.ZipFile(wheel) as z:
        nested = json.loads(z.read(PKG + "data/nested-divisions.json"))
        legacy = _tables(z.read(PKG + "legacy/_lookup.py").decode("utf-8"))
        types = _tables(z.read(PKG + "legacy/base.py").decode("utf-8"))["VietNamDivisionType"]
        wards = _tables(z.read(PKG + "_ward_conversion_2025.py").decode("utf-8"))
        provs = _tables(z.read(PKG + "_province_conversion_2025.py").decode("utf-8"))
    provinces = sorted([p["code"], p["name"], p["division_type"]] for p in nested)
    communes = sorted(
        [w["code"], w["name"], w["division_type"], p["code"]] for p in nested for w in p["wards"]
    )
    old_p = sorted([k, v[0], types[v[2]]] for k, v in legacy["PROVINCE_MAPPING"].items())
    old_d = sorted(
        [k, v[0], types[v[2]], _enum_int(v[4])] for k, v in legacy["DISTRICT_MAPPING"].items()
    )
    old_c = sorted(
        [k, v[0], types[v[2]], _enum_int(v[4])] for k, v in legacy["WARD_MAPPING"].items()
    )
    # OldToNewEntry(OldWardRef(code, district, province, partly), (NewWardRef(code, prov), ...))
    old_to_new = sorted(
        [old, sorted(ref[0] for ref in entry[1]), int(bool(entry[0][3]))]
        for old, entry in wards["OLD_TO_NEW"].items()
    )
    prov_map = sorted(
        [old, sorted(ref[0] for ref in entry[1])] for old, entry in provs["OLD_TO_NEW"].items()
    )
    return {
        "kind": "admin_units",
        "version": ADMIN_VERSION,
        "effective": "2025-07-01",
        "source": "GSO/NSO administrative-unit catalogue, via vietnam-provinces 2026.9.0 (facts)",
        "provinces": provinces,
        "communes": communes,
        "legacy_provinces": old_p,
        "legacy_districts": old_d,
        "legacy_communes": old_c,
        "commune_old_to_new": old_to_new,
        "province_old_to_new": prov_map,
    }


def codes(iso_json: Path, legacy_provinces: list[list[Any]]) -> dict[str, Any]:
    id_provinces = []
    for item in tables.ID_PROVINCES.replace("\n", " ").split(","):
        code, name = item.strip().split(" ", 1)
        id_provinces.append([code, name])
    legacy_codes = {f"{row[0]:03d}" for row in legacy_provinces}
    if legacy_codes != {c for c, _ in id_provinces}:
        raise SystemExit("ID province codes and legacy GSO province codes disagree")
    iso = json.loads(iso_json.read_text(encoding="utf-8"))["3166-1"]
    countries = sorted(
        [c["alpha_2"], tables.COUNTRY_VI.get(c["alpha_2"], c["name"]), c["name"]] for c in iso
    )
    missing = set(tables.COUNTRY_VI) - {c[0] for c in countries}
    if missing:
        raise SystemExit(f"Vietnamese names for unknown ISO codes: {sorted(missing)}")
    return {
        "kind": "codes",
        "version": CODES_VERSION,
        "ethnicities": [[f"{i:02d}", n] for i, n in enumerate(tables.ETHNICITIES, 1)],
        "religions": [[f"{i:02d}", n] for i, n in enumerate(tables.RELIGIONS)],
        "countries": countries,
        "id_provinces": id_provinces,
    }


def _write_gz(path: Path, doc: dict[str, Any]) -> None:
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    path.write_bytes(buf.getvalue())


def _rows_json(doc: dict[str, Any]) -> str:
    """Readable, diff-friendly JSON: one code-list row per line."""
    parts = []
    for key, value in doc.items():
        if isinstance(value, list):
            rows = ",\n  ".join(json.dumps(r, ensure_ascii=False) for r in value)
            parts.append(f"{json.dumps(key)}: [\n  {rows}\n]")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, required=True, help="vietnam-provinces wheel file")
    ap.add_argument("--iso-codes", type=Path, default=ISO_JSON, help="iso_3166-1.json")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    admin = admin_units(args.wheel)
    if len(ETH := tables.ETHNICITIES) != 54:
        raise SystemExit(f"expected 54 ethnic groups, got {len(ETH)}")
    code_doc = codes(args.iso_codes, admin["legacy_provinces"])
    args.out.mkdir(parents=True, exist_ok=True)
    _write_gz(args.out / "admin_units.json.gz", admin)
    (args.out / "codes.json").write_text(_rows_json(code_doc), encoding="utf-8")
    print(
        f"provinces {len(admin['provinces'])}, communes {len(admin['communes'])}, "
        f"legacy {len(admin['legacy_provinces'])}/{len(admin['legacy_districts'])}/"
        f"{len(admin['legacy_communes'])}, old->new {len(admin['commune_old_to_new'])}, "
        f"countries {len(code_doc['countries'])}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
