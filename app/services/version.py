"""Which version of the station is this, and how old is it? One answer for source and bundle.

The single source of the version is `version` in pyproject.toml. An installed package reads it
through importlib.metadata; a PyInstaller bundle has no package metadata, so the build writes
`enroll_station_build.json` (version, build time, commit) into the bundle and this module reads
that first. The build date is the basis of the "days since update" operating limit: it is when
the installed software was made, not when it was copied onto the laptop.

Stdlib only, no files written.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import metadata
from pathlib import Path

DIST_NAME = "enroll-station"
BUILD_FILE = "enroll_station_build.json"


@dataclass(frozen=True)
class BuildInfo:
    version: str
    built: datetime | None  # UTC; None for a source checkout without a build stamp
    commit: str = ""
    source: str = "package"  # "bundle" | "package" | "source"


def _bundle_dir() -> Path | None:
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else None


def _from_file(path: Path) -> BuildInfo | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        built = datetime.fromisoformat(doc["built"]).astimezone(UTC)
        return BuildInfo(str(doc["version"]), built, str(doc.get("commit", "")), "bundle")
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _from_pyproject(root: Path) -> str | None:
    import tomllib

    try:
        with open(root / "pyproject.toml", "rb") as fh:
            return str(tomllib.load(fh)["project"]["version"])
    except (OSError, ValueError, KeyError):
        return None


def build_info(bundle_dir: Path | None = None) -> BuildInfo:
    """The running station's version and build time (bundle stamp, else package metadata)."""
    folder = bundle_dir or _bundle_dir()
    if folder is not None:
        info = _from_file(folder / BUILD_FILE)
        if info is not None:
            return info
    try:
        dist = metadata.distribution(DIST_NAME)
    except metadata.PackageNotFoundError:
        found = next((_from_pyproject(p) for p in Path(__file__).resolve().parents
                      if (p / "pyproject.toml").is_file()), None)
        return BuildInfo(found or "0+unknown", None, "", "source")
    return BuildInfo(dist.version, _installed_at(dist), "", "package")


def _installed_at(dist: metadata.Distribution) -> datetime | None:
    """When pip wrote the package's METADATA: the best build date a plain install has."""
    for f in dist.files or []:
        if f.name == "METADATA":
            try:
                return datetime.fromtimestamp(Path(str(f.locate())).stat().st_mtime, UTC)
            except OSError:
                return None
    return None


def version() -> str:
    return build_info().version


def describe(info: BuildInfo | None = None) -> str:
    """What `enroll-station --version` prints: 'enroll-station 0.1.0 (built 2026-11-22, abc)'."""
    info = info or build_info()
    built = info.built.strftime("%Y-%m-%d") if info.built else "?"
    commit = f", {info.commit[:12]}" if info.commit else ""
    return f"{DIST_NAME} {info.version} (built {built}{commit})"


def installed_on(info: BuildInfo | None = None) -> str | None:
    """ISO date of the installed build, as app.services.limits.limits(installed_on=...) takes."""
    info = info or build_info()
    return info.built.date().isoformat() if info.built else None


def days_since_update(today: date | None = None, info: BuildInfo | None = None) -> int | None:
    """Whole days from the installed build to `today` (UTC); None when the build date is unknown.

    Never negative: a laptop clock set before the build date counts as day 0, and the clock
    check elsewhere flags the implausible time.
    """
    info = info or build_info()
    if info.built is None:
        return None
    today = today or datetime.now(UTC).date()
    return max(0, (today - info.built.date()).days)


def stamp(version_: str, built: datetime, commit: str = "") -> str:
    """The JSON the build writes into the bundle (see BUILD_FILE)."""
    return json.dumps({"version": version_, "built": built.astimezone(UTC).isoformat(),
                       "commit": commit}, indent=2) + "\n"
