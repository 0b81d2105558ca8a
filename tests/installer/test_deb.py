"""The .deb's shape, built from a small stand-in bundle (the real one: test_bundle_slow.py)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime

import pytest

from app.services.version import stamp
from installer import bundle_plan as plan
from installer import deb

pytestmark = pytest.mark.skipif(not shutil.which("dpkg-deb"), reason="needs dpkg-deb")


@pytest.fixture
def fake_bundle(tmp_path):
    b = tmp_path / "dist" / plan.APP_NAME
    (b / plan.CONTENTS).mkdir(parents=True)
    (b / plan.APP_NAME).write_text("#!/bin/sh\necho stand-in\n")
    (b / plan.APP_NAME).chmod(0o755)
    (b / "NOTICES.txt").write_text("notices\n")
    (b / plan.CONTENTS / "enroll_station_build.json").write_text(
        stamp("2.3.4", datetime(2026, 5, 1, tzinfo=UTC), "abc"))
    return b


def _contents(pkg):
    out = subprocess.run(["dpkg-deb", "--contents", str(pkg)], capture_output=True, text=True,
                         check=True).stdout
    return {line.split()[-1].lstrip("."): line.split()[0] for line in out.splitlines()}


def test_package_layout_control_and_no_scripts(fake_bundle, tmp_path):
    pkg = deb.build_deb(fake_bundle, tmp_path, tmp_path / "work", compression="fast")
    assert pkg.name.startswith("enroll-station_2.3.4-1_")
    info = subprocess.run(["dpkg-deb", "--info", str(pkg)], capture_output=True, text=True,
                          check=True).stdout
    assert "Package: enroll-station" in info and "Version: 2.3.4-1" in info
    assert "Depends: libc6 (>= 2.34)" in info
    for script in ("preinst", "postinst", "prerm", "postrm", "config", "triggers"):
        assert f" {script}" not in info  # nothing runs at install time: no network, no surprises
    files = _contents(pkg)
    assert files["/usr/bin/enroll-station"].startswith("-rwxr-xr-x")
    assert files["/opt/enroll-station/enroll-station"].startswith("-rwxr-xr-x")
    for path in ("/usr/share/applications/enroll-station.desktop",
                 "/usr/share/icons/hicolor/256x256/apps/enroll-station.png",
                 "/usr/share/icons/hicolor/scalable/apps/enroll-station.svg",
                 "/usr/share/doc/enroll-station/copyright",
                 "/opt/enroll-station/_internal/enroll_station_build.json"):
        assert path in files, path
    x = tmp_path / "x"
    subprocess.run(["dpkg-deb", "-x", str(pkg), str(x)], check=True)
    desktop = (x / "usr/share/applications/enroll-station.desktop").read_text(encoding="utf-8")
    assert "Exec=enroll-station gui" in desktop and "Icon=enroll-station" in desktop
    assert "Name[vi]=Trạm thu nhận căn cước" in desktop
    launcher = (x / "usr/bin/enroll-station").read_text()
    assert 'exec /opt/enroll-station/enroll-station "$@"' in launcher
    # The launcher really runs the program (pointed at the unpacked tree).
    text = launcher.replace("/opt/", f"{x}/opt/")
    run = subprocess.run(["sh", "-c", text, "launcher"], capture_output=True, text=True)
    assert run.stdout.strip() == "stand-in"
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate",
                        str(x / "usr/share/applications/enroll-station.desktop")], check=True)
