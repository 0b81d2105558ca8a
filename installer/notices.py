"""NOTICES.txt and licences/ for the bundle, built from what PyInstaller actually collected.

Every third-party distribution whose modules or files are in the bundle gets a line with its
licence (package metadata, or NOTES below where the metadata says too little) and its licence
files are copied to licenses/<distribution>/. Shared libraries copied from the build machine are
listed with the Debian package they came from. The build fails if a distribution has no licence.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

COMMON_LICENCES = Path(__file__).with_name("licenses")
OWN = {"app", "devices", "sync", "installer", "assets", "enroll_station_build.json"}
# What the metadata does not say: components bundled inside a wheel, and licence corrections.
NOTES: dict[str, str] = {
    "PySide6-Essentials": "LGPL-3.0-only. Qt 6 and Qt for Python, used as unmodified shared "
                          "libraries; you may replace them (they are separate files in "
                          "_internal/PySide6). Source: https://download.qt.io/official_releases/",
    "PySide6-Addons": "LGPL-3.0-only (as PySide6-Essentials)",
    "shiboken6": "LGPL-3.0-only (as PySide6-Essentials)",
    "nbis-py": "MIT (binding). Bundles NIST NBIS and NFIQ 2 (public domain, US Government works) "
               "and FingerJetFX OSE (LGPL-3.0, dynamically linked inside libnbis); see "
               "licenses/nbis-py/",
    "wsq": "CeCILL-C (binding); the WSQ codec is NIST NBIS (public domain)",
    "nistitl": "CeCILL-C",
    "opencv-python-headless": "Apache-2.0. Bundles third-party libraries (FFmpeg LGPL-2.1, "
                              "libpng, libjpeg-turbo, zlib, OpenBLAS ...) listed in "
                              "licenses/opencv-python-headless/LICENSE-3RD-PARTY.txt",
    "yuface": "BSD-3-Clause (libfacedetection); bundles GNU libgomp (GPL-3.0 with the GCC Runtime "
              "Library Exception)",
    "numpy": "BSD-3-Clause; bundles OpenBLAS (BSD-3-Clause) and libgfortran/libquadmath (GPL-3.0 "
             "with the GCC Runtime Library Exception)",
    "cryptography": "Apache-2.0 OR BSD-3-Clause; bundles OpenSSL (Apache-2.0)",
    "pillow": "MIT-CMU (HPND); bundles libjpeg-turbo, libpng, zlib, freetype, libtiff, libwebp ... "
              "(see licenses/pillow/)",
    "certifi": "MPL-2.0 (unmodified CA bundle)",
}
TOP_LEVEL_ALIASES = {"_wsq": "wsq", "yuface.libs": "yuface", "numpy.libs": "numpy",
                     "opencv_python_headless.libs": "opencv-python-headless",
                     "pillow.libs": "pillow", "cv2": "opencv-python-headless"}
LICENSE_WORDS = ("license", "licence", "copying", "notice", "authors", "lisence")
FONT_LINE = ("DejaVu Sans fonts (app/ui/fonts)", "Bitstream Vera licence; DejaVu changes public "
             "domain (text in _internal/app/ui/fonts/LICENSE-DejaVu.txt)")
PYTHON_LINE = (f"Python {sys.version.split()[0]} runtime", "PSF-2.0")
PYINSTALLER_LINE = ("PyInstaller bootloader", "GPL-2.0-or-later with the bootloader exception "
                    "(the exception allows distributing the bundled program under its own terms)")


def distributions_for(top_levels: list[str]) -> dict[str, str]:
    """Top-level module or folder name -> distribution name, for third-party ones only."""
    by_module = metadata.packages_distributions()
    out = {}
    for name in top_levels:
        base = name.split(".")[0] if name not in TOP_LEVEL_ALIASES else name
        if base in OWN or base in sys.stdlib_module_names or name in OWN:
            continue
        if name in TOP_LEVEL_ALIASES:
            out[name] = TOP_LEVEL_ALIASES[name]
        elif base in by_module:
            out[name] = by_module[base][0]
    return out


def _norm(name: str) -> str:
    return name.lower().replace("_", "-")


def licence_of(dist_name: str) -> str:
    for key, note in NOTES.items():
        if _norm(key) == _norm(dist_name) and note:
            return note
    meta = metadata.metadata(dist_name)
    for field in ("License-Expression", "License"):
        value = (meta.get(field) or "").strip()
        if value and len(value) < 80 and "\n" not in value and not value.startswith("./"):
            return value
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    if classifiers:
        return "; ".join(classifiers)
    raise SystemExit(f"no licence known for bundled distribution {dist_name}: add it to NOTES")


def _licence_files(dist_name: str) -> list[Path]:
    dist = metadata.distribution(dist_name)
    found = []
    for f in dist.files or []:
        lower = f.name.lower()
        in_dist_info = ".dist-info" in str(f.parent)
        if any(w in lower for w in LICENSE_WORDS) and (in_dist_info or "licenses" in str(f)
                                                       or f.parent.name in ("cv2",)):
            found.append(Path(str(f.locate())))
    return [p for p in found if p.is_file()]


def _system_libraries(bundle: Path) -> list[tuple[str, str]]:
    """Top-level .so files PyInstaller copied from the build machine, with their Debian package."""
    out = []
    for lib in sorted((bundle / "_internal").glob("lib*.so*")):
        if lib.is_symlink():  # points at a wheel's own copy elsewhere in the bundle
            continue
        pkg = "?"
        if shutil.which("dpkg-query"):
            real = lib.resolve().name
            res = subprocess.run(["dpkg-query", "-S", f"*/{real}"], capture_output=True,
                                 text=True)
            if res.returncode == 0 and res.stdout:
                pkg = res.stdout.split(":")[0]
        out.append((lib.name, pkg))
    return out


def write(bundle: Path, top_levels: list[str]) -> Path:
    """NOTICES.txt at the bundle's top and licences/<dist>/; returns the notices path."""
    dists = sorted(set(distributions_for(top_levels).values()), key=str.lower)
    lines = ["enroll-station: third-party components in this folder and their licences.",
             "Licence texts are in licenses/<component>/ beside this file.", "",
             f"- {PYTHON_LINE[0]}: {PYTHON_LINE[1]}", f"- {PYINSTALLER_LINE[0]}: "
             f"{PYINSTALLER_LINE[1]}", f"- {FONT_LINE[0]}: {FONT_LINE[1]}"]
    target = bundle / "licenses"
    shutil.rmtree(target, ignore_errors=True)
    for name in dists:
        version = metadata.version(name)
        lines.append(f"- {name} {version}: {licence_of(name)}")
        for src in _licence_files(name):
            dest = target / name / src.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
    # Full texts the notices refer to (Qt and FingerJetFX: LGPL-3.0, which builds on GPL-3.0;
    # OpenCV: Apache-2.0; PyInstaller's bootloader: GPL-2.0 with its exception), kept in the
    # repository so a Windows build ships them too.
    shutil.copytree(COMMON_LICENCES, target / "common")
    system = _system_libraries(bundle)
    if system:
        lines += ["", "Shared libraries copied from the build system (Debian package; licence "
                      "texts in /usr/share/doc/<package>/copyright of that system):"]
        lines += [f"- {lib}: {pkg}" for lib, pkg in system]
    path = bundle / "NOTICES.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
