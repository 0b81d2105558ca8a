"""The Debian package: the bundle under /opt, a /usr/bin launcher, a desktop entry with an icon.

No maintainer scripts at all (so nothing runs at install time, and nothing touches the network);
Debian's own triggers refresh the desktop and icon caches. Depends lists the few system libraries
PyInstaller deliberately leaves out (glibc, OpenGL/EGL, libxcb); `unbundled_libraries` checks the
list against what the bundle really links to.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from installer import bundle_plan as plan

PACKAGE = "enroll-station"
PREFIX = Path("opt") / PACKAGE
DEPENDS = {"libc6": "libc6 (>= 2.34)", "libgl1": "libgl1", "libglx0": "libglx0",
           "libglvnd0": "libglvnd0", "libegl1": "libegl1", "libxcb1": "libxcb1",
           "fontconfig-config": "fontconfig-config"}
LAUNCHER = f"""#!/bin/sh
# enroll-station launcher: the program lives in /{PREFIX}; data stays in the user's data folder.
exec /{PREFIX}/{plan.APP_NAME} "$@"
"""
DESKTOP = f"""[Desktop Entry]
Type=Application
Name=Enrollment station
Name[vi]=Trạm thu nhận căn cước
GenericName=Identity card enrollment
GenericName[vi]=Thu nhận hồ sơ căn cước
Comment=Offline enrollment of the chip identity card
Comment[vi]=Thu nhận hồ sơ thẻ căn cước gắn chip, làm việc không cần mạng
Exec={PACKAGE} gui
Icon={PACKAGE}
Terminal=false
Categories=Office;
StartupNotify=true
"""


def _version(bundle: Path) -> str:
    doc = json.loads((bundle / plan.CONTENTS / "enroll_station_build.json").read_text())
    return f"{doc['version']}-1"


def _arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def _size_kib(path: Path) -> int:
    return sum(f.lstat().st_size for f in path.rglob("*")) // 1024 + 1


def control(version: str, arch: str, installed_kib: int) -> str:
    return (f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: {arch}\n"
            "Maintainer: enroll-station team <enroll-station@localhost>\n"
            f"Installed-Size: {installed_kib}\nDepends: {', '.join(DEPENDS.values())}\n"
            "Section: misc\nPriority: optional\n"
            "Description: offline enrollment station for the Vietnamese chip identity card\n"
            " Form, face photo and ten fingerprints captured into an encrypted local store,\n"
            " approved by a supervisor, then synced as signed, sealed packets. Data lives in\n"
            " each user's data folder and is kept across upgrades and removal.\n")


def stage(bundle: Path, root: Path) -> Path:
    """The package tree under `root` (rebuilt from scratch)."""
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    usr = root / "usr"
    (usr / "bin").mkdir(parents=True)
    (usr / "bin" / PACKAGE).write_text(LAUNCHER)
    (usr / "bin" / PACKAGE).chmod(0o755)
    apps = usr / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / f"{PACKAGE}.desktop").write_text(DESKTOP, encoding="utf-8")
    assets = Path(__file__).with_name("assets")
    for size_dir, name in (("256x256", "enroll-station.png"), ("scalable", "enroll-station.svg")):
        dest = usr / "share" / "icons" / "hicolor" / size_dir / "apps"
        dest.mkdir(parents=True)
        shutil.copyfile(assets / name, dest / (PACKAGE + Path(name).suffix))
    doc = usr / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    shutil.copyfile(bundle / "NOTICES.txt", doc / "copyright")
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(_version(bundle), _arch(), _size_kib(root / "opt")
                                            + _size_kib(usr)), encoding="utf-8")
    for d in [root, *root.rglob("*")]:
        if d.is_dir() and not d.is_symlink():
            d.chmod(0o755)
    return root


# Release: xz -6 (smallest, ~3 min on 2 cores, readable by every dpkg). Fast: zstd -9 (~8 s,
# ~30% larger; dpkg >= 1.21.18, i.e. Debian 12 / Ubuntu 18.04 on) for tests and CI.
COMPRESSION = {"release": ["-Zxz", "-z6"], "fast": ["-Zzstd", "-z9"]}


def build_deb(bundle: Path, out_dir: Path, work: Path | None = None,
              compression: str = "release") -> Path:
    """Stage the tree and run dpkg-deb; the .deb path."""
    work = work or plan.ROOT / "build" / "deb"
    root = stage(bundle, work / "root")
    out = out_dir / f"{PACKAGE}_{_version(bundle)}_{_arch()}.deb"
    out.unlink(missing_ok=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "0")}
    subprocess.run(["dpkg-deb", "--root-owner-group", *COMPRESSION[compression], "--build",
                    str(root), str(out)], check=True, capture_output=True, env=env)
    shutil.rmtree(root, ignore_errors=True)
    return out


def unbundled_libraries(bundle: Path) -> dict[str, str]:
    """Shared libraries the bundle links to but does not carry: name -> path on this system."""
    have = {f.name for f in bundle.rglob("*.so*")}
    found: dict[str, str] = {}
    files = [bundle / plan.APP_NAME, *[f for f in bundle.rglob("*.so*") if f.is_file()]]
    for f in files:
        res = subprocess.run(["ldd", str(f)], capture_output=True, text=True)
        for line in res.stdout.splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[1] == "=>" and parts[0] not in have:
                found[parts[0]] = parts[2]
    return found


def owning_package(path: str) -> str:
    """The Debian package that ships a library (usrmerge: /lib and /usr/lib are the same)."""
    p = Path(path)
    for query in (str(p), str(p.resolve()), f"*/{p.name}"):
        res = subprocess.run(["dpkg-query", "-S", query], capture_output=True, text=True)
        if res.returncode == 0 and res.stdout:
            return res.stdout.splitlines()[0].split(":")[0]
    return ""
