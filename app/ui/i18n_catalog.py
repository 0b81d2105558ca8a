"""The Qt Linguist catalogue of the UI's t("vi", "en") / mark("vi", "en") strings.

`python -m app.ui.i18n_catalog` reads every app/ui/**/*.py with `ast` (nothing is imported or run),
writes app/ui/translations/enroll_station_en.ts (one context per module, source = Vietnamese,
translation = English) and compiles the .qm with PySide6's lrelease. `--check` writes nothing and
exits 1 listing strings missing from or obsolete in the .ts, and t() calls whose arguments are not
string literals (file:line). Lives next to i18n.py, which shares its paths and context rule; the
app never imports it, so the bundle does not carry it.

Translator edits: each message keeps the code's English in <extra-code-en> (Qt Linguist preserves
`extra-` elements). A translation that differs from it was edited in Linguist: it is kept on every
regeneration, marked <extra-edited>yes</extra-edited>, and wins at runtime. Clear the translation
(or delete the marker) to go back to the code's English.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

UI = Path(__file__).resolve().parent
ROOT = UI.parents[1]
TS = UI / "translations" / "enroll_station_en.ts"
FUNCS = ("t", "mark")
# Modules allowed non-literal t() calls (none: every module is converted; keep it empty).
ALLOW_NONLITERAL: tuple[str, ...] = ()


@dataclass
class Message:
    context: str
    source: str
    english: str  # the English written in the code
    locations: list[tuple[str, int]] = field(default_factory=list)
    translation: str = ""  # what the .ts says (edited or not)
    edited: bool = False


@dataclass
class Scan:
    messages: dict[tuple[str, str], Message] = field(default_factory=dict)
    nonliteral: list[str] = field(default_factory=list)  # "app/ui/x.py:12: t(f'...')"
    conflicts: list[str] = field(default_factory=list)


def placeholders(text: str) -> set[str]:
    """The {names} that .format() fills; a translation must use the same ones."""
    try:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError:  # a lone brace: never equal to a well-formed source
        return {"<unbalanced brace>"}


def module_name(path: Path, root: Path = ROOT) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


def scan_source(text: str, context: str, filename: str, into: Scan | None = None) -> Scan:
    """The t()/mark() calls of one module's source text."""
    out = into or Scan()
    for node in ast.walk(ast.parse(text, filename=filename)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in FUNCS):
            continue
        args = node.args
        if node.keywords or len(args) != 2 or not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
            out.nonliteral.append(f"{filename}:{node.lineno}: {ast.unparse(node)[:90]}")
            continue
        vi, en = args[0].value, args[1].value  # type: ignore[attr-defined]
        msg = out.messages.get((context, vi))
        if msg is None:
            msg = out.messages[(context, vi)] = Message(context, vi, en)
        elif msg.english != en:
            out.conflicts.append(f"{filename}:{node.lineno}: {vi!r} has two English texts "
                                 f"({msg.english!r}, {en!r}) in one module")
        msg.locations.append((filename, node.lineno))
    return out


def scan(ui: Path = UI, root: Path = ROOT) -> Scan:
    out = Scan()
    for py in sorted(ui.rglob("*.py")):
        if py.name == "i18n_catalog.py":
            continue
        rel = py.relative_to(root).as_posix()
        scan_source(py.read_text(encoding="utf-8"), module_name(py, root), rel, out)
    out.nonliteral.sort(key=lambda n: (n.split(":")[0], int(n.split(":")[1])))
    return out


def read_ts(path: Path) -> dict[tuple[str, str], Message]:
    """The messages of an existing .ts (obsolete/vanished ones included)."""
    if not path.exists():
        return {}
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            src = m.findtext("source") or ""
            tr = m.find("translation")
            text = (tr.text or "") if tr is not None else ""
            msg = Message(name, src, m.findtext("extra-code-en") or "", translation=text,
                          edited=(m.findtext("extra-edited") or "").strip() == "yes")
            if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                msg.translation = ""  # kept only as history by Linguist; not ours
            out[(name, src)] = msg
    return out


def merge(code: Scan, old: dict[tuple[str, str], Message]) -> list[Message]:
    """Code messages with the .ts edits carried over; sorted by context then first location."""
    out = []
    for key, msg in code.messages.items():
        prev = old.get(key)
        msg.translation, msg.edited = msg.english, False
        if prev is not None and prev.translation and (
                prev.edited or prev.translation != (prev.english or msg.english)):
            msg.translation, msg.edited = prev.translation, True
        out.append(msg)
    return sorted(out, key=lambda m: (m.context, m.locations[0][1], m.source))


def render(messages: list[Message], ts_dir: Path, root: Path = ROOT) -> str:
    """The .ts text (stable: the same code and edits give the same bytes)."""
    tsroot = ET.Element("TS", version="2.1", language="en_GB", sourcelanguage="vi_VN")
    by_ctx: dict[str, ET.Element] = {}
    for m in messages:
        ctx = by_ctx.get(m.context)
        if ctx is None:
            ctx = by_ctx[m.context] = ET.SubElement(tsroot, "context")
            ET.SubElement(ctx, "name").text = m.context
        el = ET.SubElement(ctx, "message")
        for fname, line in m.locations:
            rel = Path(_relpath(root / fname, ts_dir)).as_posix()
            ET.SubElement(el, "location", filename=rel, line=str(line))
        ET.SubElement(el, "source").text = m.source
        ET.SubElement(el, "translation").text = m.translation
        ET.SubElement(el, "extra-code-en").text = m.english
        if m.edited:
            ET.SubElement(el, "extra-edited").text = "yes"
    ET.indent(tsroot, space="    ")
    body = ET.tostring(tsroot, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n"


def _relpath(path: Path, start: Path) -> str:
    return os.path.relpath(path, start)


def lrelease() -> str:
    """PySide6's lrelease: the venv's wrapper script, else the binary inside the package."""
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    if exe.exists():
        return str(exe)
    import PySide6

    for name in ("lrelease", "lrelease.exe"):
        p = Path(PySide6.__file__).with_name(name)
        if p.exists():
            return str(p)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("lrelease not found (PySide6's pyside6-lrelease)")
    return found


def compile_qm(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def generate(ts: Path = TS, ui: Path = UI, root: Path = ROOT, qm: bool = True) -> Scan:
    code = scan(ui, root)
    merged = merge(code, read_ts(ts))
    ts.parent.mkdir(parents=True, exist_ok=True)
    ts.write_text(render(merged, ts.parent, root), encoding="utf-8")
    if qm:
        compile_qm(ts)
    return code


def problems(ts: Path = TS, ui: Path = UI, root: Path = ROOT,
             allow: tuple[str, ...] = ()) -> list[str]:
    """What --check reports: missing, obsolete and stale strings, placeholders that differ,
    non-literal calls, conflicts."""
    code = scan(ui, root)
    old = {k: m for k, m in read_ts(ts).items() if m.translation or m.english}
    out = [f"missing in {ts.name}: [{c}] {v!r}" for (c, v) in code.messages if (c, v) not in old]
    out += [f"obsolete in {ts.name}: [{c}] {v!r}" for (c, v) in old if (c, v) not in code.messages]
    for key, msg in code.messages.items():
        prev = old.get(key)
        if prev is not None and prev.english != msg.english:
            out.append(f"English changed in code, run the tool: [{key[0]}] {key[1]!r}")
    for key, msg in code.messages.items():
        prev = old.get(key)
        for text in {msg.english, prev.translation if prev else ""} - {""}:
            if placeholders(text) != placeholders(msg.source):
                out.append(f"placeholders differ from the Vietnamese: [{key[0]}] {key[1]!r} -> "
                           f"{text!r}")
    out += [f"non-literal t(): {n}" for n in code.nonliteral
            if Path(n.split(":")[0]).name not in allow]
    out += [f"conflict: {c}" for c in code.conflicts]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m app.ui.i18n_catalog", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if out of sync")
    ap.add_argument("--no-qm", action="store_true", help="do not run lrelease")
    a = ap.parse_args(argv)
    if a.check:
        found = problems()
        for line in found:
            print(line)
        print(f"{len(found)} problem(s)" if found else "catalogue in sync")
        return 1 if found else 0
    code = generate(qm=not a.no_qm)
    edited = sum(1 for m in read_ts(TS).values() if m.edited)
    print(f"{len(code.messages)} strings, {edited} edited in Linguist -> {TS.relative_to(ROOT)}")
    for n in code.nonliteral:
        print(f"not catalogued (non-literal): {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
