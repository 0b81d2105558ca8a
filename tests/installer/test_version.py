"""One version, read the same way from a checkout, an installed package and the bundle."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

from app.services import version as v

ROOT = Path(__file__).resolve().parents[2]


def _pyproject_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def test_bundle_stamp_wins_and_round_trips(tmp_path):
    built = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    (tmp_path / v.BUILD_FILE).write_text(v.stamp("9.8.7", built, "abc123"), encoding="utf-8")
    info = v.build_info(tmp_path)
    assert info == v.BuildInfo("9.8.7", built, "abc123", "bundle")


def test_without_a_stamp_the_package_metadata_answers(tmp_path):
    info = v.build_info(tmp_path)  # empty folder: no stamp
    assert info.source in ("package", "source")
    assert info.version  # installed metadata may lag an edited pyproject, never empty


def test_a_damaged_stamp_is_ignored_not_fatal(tmp_path):
    (tmp_path / v.BUILD_FILE).write_text("{not json", encoding="utf-8")
    assert v.build_info(tmp_path).source != "bundle"


def test_pyproject_fallback_reads_the_single_source(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nversion = "1.2.3"\n')
    assert v._from_pyproject(tmp_path) == "1.2.3"
    assert v._from_pyproject(ROOT) == _pyproject_version()


def test_days_since_update_counts_from_the_build_date():
    info = v.BuildInfo("1.0", datetime(2026, 1, 10, 23, 59, tzinfo=UTC))
    assert v.days_since_update(date(2026, 1, 10), info) == 0
    assert v.days_since_update(date(2026, 2, 9), info) == 30
    assert v.days_since_update(date(2025, 12, 31), info) == 0  # clock before the build
    assert v.days_since_update(date(2026, 2, 9), v.BuildInfo("1.0", None)) is None
    assert v.installed_on(info) == "2026-01-10"
    assert v.installed_on(v.BuildInfo("1.0", None)) is None


def test_describe_is_what_version_prints():
    info = v.BuildInfo("1.2.3", datetime(2026, 4, 5, 6, 7, tzinfo=UTC), "0123456789abcdef")
    assert v.describe(info) == "enroll-station 1.2.3 (built 2026-04-05, 0123456789ab)"
    assert v.describe(v.BuildInfo("1.2.3", None)) == "enroll-station 1.2.3 (built ?)"
