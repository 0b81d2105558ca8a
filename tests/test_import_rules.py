"""The architecture's import rules, checked by walking every module's imports (no execution)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STDLIB = set(sys.stdlib_module_names) | {"__future__"}
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    package = _module_name(path)
    if path.name != "__init__.py":
        package = package.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            found.append(mod)
    return found


def _under(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


# (importing module, forbidden import prefixes, why). The first matching rule wins.
RULES: list[tuple[str, tuple[str, ...], str]] = [
    ("app.packets", ("app.store", "app.services", "app.ui", "app.cli", "app.main", "devices",
                     "sync"), "app.packets is pure: only app.domain"),
    ("app.store", ("app.services", "app.ui", "app.cli", "app.main", "app.packets", "devices",
                   "sync"), "app.store may import only app.domain"),
    ("app.services", ("app.ui", "app.cli", "app.main"),
     "services never import the UI, the CLI or the composition root"),
    ("app.ui", ("app.store", "app.packets", "devices", "sync", "app.cli", "app.main"),
     "the UI talks only to app.services (and domain types)"),
    ("app.cli", ("app.ui", "app.store", "app.packets", "devices", "sync"),
     "the CLI uses the services (and the composition root for the GUI), as the UI does"),
    ("devices", ("app", "sync"), "devices never import app or sync"),
    ("sync", ("app.store", "app.services", "app.ui", "app.cli", "app.main", "devices"),
     "sync may import only app.domain and app.packets"),
]


def _why(mod: str, imp: str) -> str | None:
    root = imp.split(".")[0]
    if root in QT and not _under(mod, "app.ui"):
        return "Qt outside app/ui"
    if _under(mod, "app.domain") and root not in STDLIB and not _under(imp, "app.domain"):
        return "app.domain must use the standard library only"
    for owner, forbidden, why in RULES:
        if _under(mod, owner) and _under(imp, *forbidden):
            return why
    return None


def _violations() -> list[str]:
    bad: list[str] = []
    for top in ("app", "devices", "sync"):
        for path in sorted((ROOT / top).rglob("*.py")):
            mod = _module_name(path)
            for imp in _imports(path):
                why = _why(mod, imp)
                if why:
                    bad.append(f"{mod} imports {imp}: {why}")
    return bad


def test_app_init_is_empty():
    assert (ROOT / "app" / "__init__.py").read_text().strip() == ""


def test_import_rules_hold():
    assert _violations() == []


def test_checker_catches_a_breach(tmp_path, monkeypatch):
    """The walker must see a forbidden import, or the rule test above proves nothing."""
    fake = ROOT / "devices" / "_tmp_breach_probe.py"
    fake.write_text("from app.ui import x\nimport PySide6\n")
    try:
        found = _violations()
    finally:
        fake.unlink()
    assert any("devices._tmp_breach_probe imports app.ui" in v for v in found)
    assert any("imports PySide6: Qt outside app/ui" in v for v in found)
