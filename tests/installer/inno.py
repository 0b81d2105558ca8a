"""Read the Inno Setup script the way the compiler would, enough to know which bundle paths it
names ({#BundleDir}\\... sources and {app}\\... targets)."""

from __future__ import annotations

import re
from pathlib import Path

ISS = Path(__file__).resolve().parents[2] / "installer" / "windows" / "enroll-station.iss"


def text() -> str:
    return ISS.read_text(encoding="utf-8-sig")


def defines(src: str) -> dict[str, str]:
    return dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', src, re.M))


def _expand(value: str, defs: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defs.get(m.group(1), m.group(0)), value)


def bundle_paths(src: str | None = None) -> list[str]:
    """Paths relative to the bundle folder, '/'-separated, wildcards and trailing parts cut."""
    src = src if src is not None else text()
    defs = defines(src)
    defs.pop("BundleDir", None)
    out = []
    for m in re.finditer(r'(?:Source|Filename|Name):\s*"([^"]+)"', src):
        value = _expand(m.group(1), defs)
        for prefix in ("{#BundleDir}\\", "{app}\\"):
            if value.startswith(prefix):
                rel = value[len(prefix):].split("\\*")[0].replace("\\", "/")
                out.append(rel)
    return sorted(set(out))
