"""What goes into the bundle, as plain functions the spec calls and the fast tests check.

PyInstaller finds Python modules by following imports; this module names what it cannot see
(data files read by path or through importlib.resources, nbis's library loaded with ctypes by full
path, yuface's OpenMP runtime found by a glob) and what must stay out (Qt modules the app never
imports, platform plugins a field laptop does not use, test packages).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_NAME = "enroll-station"
GUI_NAME = "enroll-station-gui"
CONTENTS = "_internal"
SOURCE_PACKAGES = ("app", "devices", "sync")
# Qt modules every build needs even if no import names them directly.
QT_ALWAYS = {"QtCore", "QtGui", "QtWidgets"}
# Platform plugins kept: xcb (X11 and XWayland desktops), offscreen (self-test, CI), minimal,
# windows (Windows). Wayland-native, EGLFS, VNC, linuxfb are for kiosks and embedded boards.
KEEP_PLATFORMS = {"qxcb", "qoffscreen", "qminimal", "qwindows"}
DROP_PLUGIN_DIRS = ("egldeviceintegrations", "wayland-decoration-client",
                    "wayland-graphics-integration-client", "wayland-graphics-integration-server",
                    "wayland-shell-integration", "platforminputcontexts", "networkinformation",
                    "tls", "qmltooling", "sqldrivers", "designer", "webview", "multimedia")
# GTK 3 theme: needs GTK on the laptop and pulls cairo/atk/gdk; Qt's own Fusion style is used.
DROP_PLUGINS = {"libqgtk3.so", "qgtk3.dll"}
# Qt ships no Vietnamese translation; English is the fallback the app's own texts pair with.
KEEP_QT_TRANSLATIONS = re.compile(r"qtbase_en\.qm$")
EXCLUDES = ["tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "skimage", "scipy",
            "matplotlib", "IPython", "pydoc_data", "setuptools", "pkg_resources", "pip",
            "tests", "wsq.tests", "numpy.tests", "numpy.f2py", "cv2.samples", "PyInstaller",
            # httpx's own command line (httpx._main) would pull pygments, rich and Pillow.
            "httpx._main", "pygments", "rich", "PIL", "readline"]
# Qt libraries that only the dropped plugins link to (virtual keyboard, Wayland, EGLFS); kept
# only if the app starts using QML/Quick itself.
_DROP_QT_LIBS = re.compile(r"(^|[/\\])(lib)?Qt6(Qml|Quick|VirtualKeyboard|WaylandClient|"
                           r"WlShellIntegration|EglFS|EglFs)\w*\.(so|dll)")
QML_MODULES = {"QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2"}
_QT_IMPORT = re.compile(r"\bPySide6\.(Qt\w+)")


def used_qt_modules(root: Path = ROOT) -> set[str]:
    """Qt modules named anywhere in the app's code (the UI grows; this follows it)."""
    found = set(QT_ALWAYS)
    for pkg in SOURCE_PACKAGES:
        for py in (root / pkg).rglob("*.py"):
            found.update(_QT_IMPORT.findall(py.read_text(encoding="utf-8")))
    return found


def qt_excludes(installed: Path, used: set[str]) -> list[str]:
    """Every PySide6 binding module present in the installed wheel that the app does not use."""
    names = {p.name.split(".")[0] for p in installed.glob("Qt*.*")
             if p.suffix in (".so", ".pyd") or p.name.endswith((".abi3.so", ".pyd"))}
    names |= {"QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebView", "Qt3DCore",
              "QtQuick", "QtQml", "QtQuick3D", "QtDesigner", "QtPdf"}
    return sorted(f"PySide6.{n}" for n in names - used)


def source_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every non-code file inside the app's packages (fonts, master data, licences, .qm).

    Qt Linguist sources (.ts) stay out: the app loads only the compiled .qm next to them.
    """
    out = []
    for pkg in SOURCE_PACKAGES:
        for f in sorted((root / pkg).rglob("*")):
            if f.is_file() and f.suffix not in (".py", ".pyc", ".pyi", ".ts") \
                    and "__pycache__" not in f.parts:
                out.append((str(f), str(f.parent.relative_to(root))))
    return out


def native_binaries(site: Path) -> list[tuple[str, str]]:
    """Libraries loaded by path, which import analysis cannot follow."""
    out = []
    for pattern in ("nbis/libnbis.so", "nbis/nbis.dll", "nbis/libnbis.dylib"):
        out += [(str(p), "nbis") for p in site.glob(pattern)]
    out += [(str(p), "yuface.libs") for p in sorted(site.glob("yuface.libs/*"))]
    return out


def keep_binary(dest: str, used_qt: set[str] = QT_ALWAYS) -> bool:
    """False for Qt plugins, libraries and translations the station never loads."""
    parts = Path(dest).parts
    if parts and parts[-1] in DROP_PLUGINS:
        return False
    if not (used_qt & QML_MODULES) and _DROP_QT_LIBS.search(dest):
        return False
    if "plugins" in parts:
        sub = parts[parts.index("plugins") + 1:]
        if sub and sub[0] in DROP_PLUGIN_DIRS:
            return False
        if sub and sub[0] == "platforms":
            stem = Path(sub[-1]).stem.removeprefix("lib")
            return stem in KEEP_PLATFORMS
    if "translations" in parts and dest.endswith(".qm") and "PySide6" in parts:
        return bool(KEEP_QT_TRANSLATIONS.search(dest))
    return not ("tests" in parts[:-1] and parts[0] in ("numpy", "wsq", "cv2", "PySide6"))


def _toplevel_lib(dest: str, typecode: str) -> bool:
    """A shared library copied from the system (not an extension module, not libpython)."""
    return (typecode == "BINARY" and len(Path(dest).parts) == 1 and dest.startswith("lib")
            and ".so" in dest and not dest.startswith("libpython"))


def prune_unreferenced(binaries: list[tuple[str, str, str]],
                       imports: Callable[[str], Iterable[tuple[str, str | None]]]
                       ) -> list[tuple[str, str, str]]:
    """Drop system libraries that only dropped plugins needed (Linux: GTK, cairo, pango ...).

    PyInstaller resolves dependencies before the spec filters plugins, so the libraries of a
    dropped plugin stay behind as top-level files. Keep a top-level library only if something
    kept links to it (DT_NEEDED, followed transitively).
    """
    by_name = {Path(dest).name: src for dest, src, _ in binaries}
    stack = [src for dest, src, tc in binaries if not _toplevel_lib(dest, tc)]
    seen: set[str] = set()
    needed: set[str] = set()
    while stack:
        src = stack.pop()
        if src in seen:
            continue
        seen.add(src)
        for name, _full in imports(src):
            base = Path(name).name
            needed.add(base)
            if base in by_name:
                stack.append(by_name[base])
    return [b for b in binaries if not _toplevel_lib(b[0], b[2]) or Path(b[0]).name in needed]


def exe_name(name: str, platform: str = sys.platform) -> str:
    return name + (".exe" if platform.startswith("win") else "")


def expected_layout(platform: str = sys.platform) -> list[str]:
    """Paths (relative to the bundle folder) the installers and the tests rely on."""
    win = platform.startswith("win")
    nbis = "nbis/nbis.dll" if win else "nbis/libnbis.so"
    # PySide6's Windows wheels keep plugins in PySide6/plugins, Linux ones in PySide6/Qt/plugins.
    plugins = "PySide6/plugins/platforms" if win else "PySide6/Qt/plugins/platforms"
    qxcb = "qwindows.dll" if win else "libqxcb.so"
    qoff = "qoffscreen.dll" if win else "libqoffscreen.so"
    c = CONTENTS
    return [
        exe_name(APP_NAME, platform),
        exe_name(GUI_NAME, platform),
        "NOTICES.txt",
        "licenses",
        f"{c}/enroll_station_build.json",
        f"{c}/app/ui/fonts/DejaVuSans.ttf",
        f"{c}/app/ui/fonts/DejaVuSans-Bold.ttf",
        f"{c}/app/ui/fonts/LICENSE-DejaVu.txt",
        f"{c}/app/ui/translations/enroll_station_en.qm",
        f"{c}/app/domain/data/codes.json",
        f"{c}/app/domain/data/admin_units.json.gz",
        f"{c}/{nbis}",
        f"{c}/{plugins}/{qxcb}",
        f"{c}/{plugins}/{qoff}",
        f"{c}/assets/enroll-station.png",
    ]
