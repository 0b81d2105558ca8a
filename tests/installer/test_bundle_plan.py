"""What the spec puts into the bundle and leaves out, checked without running PyInstaller."""

from __future__ import annotations

import sysconfig
from pathlib import Path

from installer import bundle_plan as plan

SITE = Path(sysconfig.get_paths()["purelib"])


def test_used_qt_modules_follow_the_code(tmp_path):
    assert {"QtCore", "QtGui", "QtWidgets"} <= plan.used_qt_modules()
    (tmp_path / "app" / "ui").mkdir(parents=True)
    (tmp_path / "app" / "ui" / "chart.py").write_text("from PySide6.QtCharts import QChart\n")
    assert "QtCharts" in plan.used_qt_modules(tmp_path)


def test_unused_qt_modules_are_excluded_and_used_ones_never():
    used = plan.used_qt_modules()
    excluded = set(plan.qt_excludes(SITE / "PySide6", used))
    assert {"PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick", "PySide6.QtQml",
            "PySide6.QtMultimedia"} <= excluded
    assert not {f"PySide6.{m}" for m in used} & excluded


def test_plugins_and_libraries_kept_or_dropped():
    keep = plan.keep_binary
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert keep("PySide6/plugins/platforms/qwindows.dll")
    assert keep("PySide6/Qt/plugins/imageformats/libqjpeg.so")
    assert keep("PySide6/Qt/lib/libQt6Widgets.so.6")
    assert not keep("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqeglfs.so")
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not keep("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so")
    assert not keep("PySide6/Qt/lib/libQt6Quick.so.6")
    assert not keep("PySide6/Qt6Qml.dll")
    assert keep("PySide6/Qt/lib/libQt6Quick.so.6", {"QtCore", "QtQuick"})  # if the UI moves to QML
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")


def test_prune_keeps_only_libraries_something_kept_links_to():
    binaries = [("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
                ("libfontconfig.so.1", "/usr/lib/libfontconfig.so.1", "BINARY"),
                ("libexpat.so.1", "/usr/lib/libexpat.so.1", "BINARY"),
                ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
                ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
                ("_cffi_backend.cpython-311-x86_64-linux-gnu.so", "/s/_cffi.so", "EXTENSION")]
    links = {"/s/QtGui.abi3.so": [("libfontconfig.so.1", "/usr/lib/libfontconfig.so.1")],
             "/usr/lib/libfontconfig.so.1": [("libexpat.so.1", "/usr/lib/libexpat.so.1")]}
    kept = {b[0] for b in plan.prune_unreferenced(binaries, lambda src: links.get(src, []))}
    assert kept == {"PySide6/QtGui.abi3.so", "libfontconfig.so.1", "libexpat.so.1",
                    "libpython3.11.so.1.0", "_cffi_backend.cpython-311-x86_64-linux-gnu.so"}


def test_data_files_of_the_app_are_collected():
    dests = {(Path(src).name, dest) for src, dest in plan.source_datas()}
    assert ("DejaVuSans.ttf", "app/ui/fonts") in dests
    assert ("LICENSE-DejaVu.txt", "app/ui/fonts") in dests
    assert ("codes.json", "app/domain/data") in dests
    assert ("admin_units.json.gz", "app/domain/data") in dests
    assert ("enroll_station_en.qm", "app/ui/translations") in dests  # English UI catalogue
    assert not [s for s, _ in plan.source_datas() if s.endswith(".ts")]  # translators' source
    assert plan.keep_binary("app/ui/translations/enroll_station_en.qm")
    assert not [s for s, _ in plan.source_datas() if s.endswith((".py", ".pyc"))]


def test_native_libraries_loaded_by_path_are_named():
    found = {dest + "/" + Path(src).name for src, dest in plan.native_binaries(SITE)}
    assert "nbis/libnbis.so" in found  # nbis-py loads it with ctypes from its own folder
    assert any(f.startswith("yuface.libs/") and "omp" in f for f in found)


def test_expected_layout_per_platform():
    linux, win = plan.expected_layout("linux"), plan.expected_layout("win32")
    assert "enroll-station" in linux and "enroll-station.exe" in win
    assert "_internal/PySide6/Qt/plugins/platforms/libqxcb.so" in linux
    assert "_internal/PySide6/plugins/platforms/qwindows.dll" in win
    assert "_internal/nbis/nbis.dll" in win and "_internal/nbis/libnbis.so" in linux
    assert "_internal/app/ui/translations/enroll_station_en.qm" in linux
