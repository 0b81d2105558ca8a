"""`python -m installer build`: the one-folder bundle, its notices and licences, checked.

Output: dist/enroll-station/ (work files in build/pyinstaller/). The build stamp (version from
pyproject.toml, build time, commit) goes into the bundle for app.services.version.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from datetime import UTC, datetime
from pathlib import Path

from app.services.version import stamp
from installer import bundle_plan as plan
from installer import notices

ROOT = plan.ROOT
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = ROOT / "installer" / "enroll-station.spec"


def project_version(root: Path = ROOT) -> str:
    with open(root / "pyproject.toml", "rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def _commit(root: Path) -> str:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def build_time() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)


def bundle_dir(dist: Path = DIST) -> Path:
    return dist / plan.APP_NAME


def build(dist: Path = DIST, work: Path = WORK, quiet: bool = True) -> Path:
    """Run PyInstaller on the spec, add notices and licences, check the layout; the folder."""
    work.mkdir(parents=True, exist_ok=True)
    stamp_file = work / "enroll_station_build.json"
    stamp_file.write_text(stamp(project_version(), build_time(), _commit(ROOT)), encoding="utf-8")
    env = {**os.environ, "ENROLL_STATION_BUILD_STAMP": str(stamp_file)}
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if quiet:
        cmd[3:3] = ["--log-level", "WARN"]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    out = bundle_dir(dist)
    bundled = json.loads((work / "enroll-station" / "bundled-modules.json").read_text()
                         if (work / "enroll-station").is_dir()
                         else (work / "bundled-modules.json").read_text())
    notices.write(out, bundled)
    missing = [p for p in plan.expected_layout() if not (out / p).exists()]
    if missing:
        raise SystemExit(f"bundle is missing: {missing}")
    return out


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str]) -> int:
    t0 = time.perf_counter()
    out = build(quiet="-v" not in argv)
    print(f"bundle: {out} ({folder_size(out) / 2**20:.0f} MiB, "
          f"{time.perf_counter() - t0:.0f} s)")
    if "--deb" in argv:
        from installer import deb

        pkg = deb.build_deb(out, DIST, compression="fast" if "--fast" in argv else "release")
        print(f"deb: {pkg} ({pkg.stat().st_size / 2**20:.0f} MiB)")
    return 0


def clean() -> None:
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.rmtree(bundle_dir(), ignore_errors=True)
