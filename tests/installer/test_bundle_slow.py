"""Build the real bundle and .deb, then run them as a field laptop would (pytest -m slow).

About 1.5 minutes on 2 cores: PyInstaller ~30 s, .deb (zstd) ~10 s, the rest is the program
running its self-test several times (bundle, unpacked .deb, broken copy)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from installer import bundle_plan as plan
from tests.installer import inno

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]
ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).with_name("fixtures")
CHECKS = {"crypto", "store", "packet build + verify", "face detector + portrait", "NFIQ 2 + WSQ",
          "screen render"}


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH")}
    return {**env, **extra}


def _run(exe: Path, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
         stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), *args], capture_output=True, text=True, input=stdin,
                          env=env or _env(QT_QPA_PLATFORM="offscreen"), cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    from installer.build import build

    tmp = tmp_path_factory.mktemp("bundle")
    return build(dist=tmp / "dist", work=tmp / "work")


@pytest.fixture(scope="module")
def exe(bundle) -> Path:
    return bundle / plan.exe_name(plan.APP_NAME)


def _self_test_ok(exe: Path, cwd: Path) -> None:
    r = _run(exe, "--lang", "en", "self-test", "--json", cwd=cwd)
    assert r.returncode == 0, r.stdout + r.stderr
    doc = json.loads(r.stdout)
    assert doc["ok"] and {c["name"] for c in doc["checks"]} >= CHECKS
    assert all(c["ok"] for c in doc["checks"]), doc


def test_bundled_self_test_passes_offscreen(exe, tmp_path):
    _self_test_ok(exe, tmp_path)  # run from elsewhere: nothing may come from the source tree


def test_layout_and_every_path_the_windows_installer_names(bundle):
    missing = [p for p in plan.expected_layout() if not (bundle / p).exists()]
    assert not missing
    for rel in inno.bundle_paths():
        rel = rel.removesuffix(".exe") if not plan.exe_name("x").endswith(".exe") else rel
        assert (bundle / rel).exists(), rel


def test_unused_qt_and_test_packages_are_left_out(bundle):
    names = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*")]
    for word in ("WebEngine", "Qt3D", "QtQuick", "libQt6Quick", "libQt6Qml", "QtCharts3D",
                 "libqwayland", "libqeglfs", "libqgtk3", "pytest", "/tests/", "skimage"):
        assert not [n for n in names if word in n], word
    platforms = {p.name for p in (bundle / "_internal/PySide6/Qt/plugins/platforms").iterdir()}
    assert platforms == {"libqxcb.so", "libqoffscreen.so", "libqminimal.so"}


def test_version_from_pyproject(exe):
    with open(ROOT / "pyproject.toml", "rb") as fh:
        version = tomllib.load(fh)["project"]["version"]
    r = _run(exe, "--version")
    assert r.returncode == 0 and r.stdout.startswith(f"enroll-station {version} (built ")


def test_spawned_worker_process_starts_from_the_frozen_program(exe):
    r = _run(exe, env=_env(QT_QPA_PLATFORM="offscreen", ENROLL_STATION_STARTUP_PROBE="spawn"))
    assert r.returncode == 0 and "spawn ok face=True" in r.stdout, r.stderr


def test_cold_start_paints_the_login_window(exe, tmp_path):
    from app.main import make_demo_station
    from app.store.crypto import FAST_KDF

    make_demo_station(tmp_path / "s", kdf=FAST_KDF).close()
    r = _run(exe, "--data-dir", str(tmp_path / "s"),
             env=_env(QT_QPA_PLATFORM="offscreen", ENROLL_STATION_STARTUP_PROBE="1"))
    assert r.returncode == 0 and r.stdout.startswith("painted "), r.stderr


def test_no_display_gives_advice_not_a_crash(bundle, exe):
    for program, args in ((exe, ["--lang", "en", "gui"]),
                          (bundle / plan.exe_name(plan.GUI_NAME), ["--lang", "en"])):
        r = _run(program, *args, env=_env())
        assert r.returncode == 3, (program, r.stderr)
        assert "no display" in r.stderr and "offscreen" in r.stderr
        assert "Traceback" not in r.stderr


def test_upgrade_fixture_opens_and_a_newer_database_is_refused(exe, tmp_path):
    folder = sorted(p for p in FIXTURES.iterdir() if p.is_dir())[-1]
    expected = json.loads(folder.with_suffix(".json").read_text(encoding="utf-8"))
    data = tmp_path / "data"
    shutil.copytree(folder, data)
    r = _run(exe, "--data-dir", str(data), "--lang", "en", "list", "--json")
    assert r.returncode == 0, r.stderr
    assert {row["id"] for row in json.loads(r.stdout)} == {x["id"] for x in expected["records"]}
    import sqlite3

    conn = sqlite3.connect(data / "station.db")
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES "
                 "('enroll-station', '9999_newer', '2099-01-01')")
    conn.commit()
    conn.close()
    r = _run(exe, "--data-dir", str(data), "--lang", "en", "list")
    assert r.returncode != 0 and "newer version" in r.stderr and "Traceback" not in r.stderr


def test_a_missing_native_library_is_named_not_a_traceback(bundle, tmp_path):
    broken = tmp_path / "broken"
    subprocess.run(["cp", "-al", str(bundle), str(broken)], check=True)  # hard links: cheap
    (broken / plan.CONTENTS / "nbis" / "libnbis.so").unlink()
    r = _run(broken / plan.APP_NAME, "--lang", "en", "self-test")
    assert r.returncode != 0
    assert "FAIL NFIQ 2 + WSQ" in r.stdout and "Traceback" not in r.stdout + r.stderr
    assert "OK  crypto" in r.stdout  # the rest still checked


def test_notices_name_every_bundled_licence(bundle):
    text = (bundle / "NOTICES.txt").read_text(encoding="utf-8")
    for needle in ("PySide6_Essentials", "LGPL-3.0", "shiboken6", "nbis-py", "FingerJetFX",
                   "NFIQ 2", "public domain", "wsq 0.9: CeCILL-C", "nistitl 0.6: CeCILL-C",
                   "opencv-python-headless", "Apache-2.0", "DejaVu", "yuface", "cryptography",
                   "numpy", "PyInstaller bootloader", "Python 3.11"):
        assert needle in text, needle
    licences = bundle / "licenses"
    assert (licences / "opencv-python-headless" / "LICENSE-3RD-PARTY.txt").is_file()
    assert any((licences / "nbis-py").iterdir())
    for text in ("LGPL-3.txt", "GPL-3.txt", "Apache-2.0.txt", "GPL-2.txt"):
        assert (licences / "common" / text).is_file()


@pytest.mark.skipif(not shutil.which("dpkg-deb"), reason="needs dpkg-deb")
def test_deb_installs_a_tree_whose_program_passes_its_self_test(bundle, tmp_path):
    from installer import deb

    pkg = deb.build_deb(bundle, tmp_path, tmp_path / "work", compression="fast")
    info = subprocess.run(["dpkg-deb", "--info", str(pkg)], capture_output=True, text=True,
                          check=True).stdout
    assert "Package: enroll-station" in info and "postinst" not in info
    contents = subprocess.run(["dpkg-deb", "--contents", str(pkg)], capture_output=True,
                              text=True, check=True).stdout
    for path in ("./usr/bin/enroll-station", "./opt/enroll-station/enroll-station",
                 "./opt/enroll-station/NOTICES.txt",
                 "./usr/share/applications/enroll-station.desktop",
                 "./usr/share/icons/hicolor/256x256/apps/enroll-station.png"):
        assert path in contents, path
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(pkg), str(root)], check=True)
    _self_test_ok(root / "opt" / "enroll-station" / plan.APP_NAME, tmp_path)
    # Every library the program needs and does not carry comes from a package it Depends on.
    unbundled = deb.unbundled_libraries(root / "opt" / "enroll-station")
    owners = {name: deb.owning_package(path) for name, path in unbundled.items()}
    allowed = set(deb.DEPENDS)
    assert {n: o for n, o in owners.items() if o.split(":")[0] not in allowed} == {}


@pytest.mark.skipif(not shutil.which("Xvfb"), reason="needs Xvfb")
def test_real_x11_window_through_the_bundled_xcb_plugin(exe, tmp_path):
    import time

    from app.main import make_demo_station
    from app.store.crypto import FAST_KDF

    make_demo_station(tmp_path / "s", kdf=FAST_KDF).close()
    display = f":{200 + os.getpid() % 500}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.5)
        r = _run(exe, "--data-dir", str(tmp_path / "s"),
                 env=_env(DISPLAY=display, ENROLL_STATION_STARTUP_PROBE="1"))
        assert r.returncode == 0 and r.stdout.startswith("painted "), r.stderr
    finally:
        xvfb.terminate()
        xvfb.wait(10)
