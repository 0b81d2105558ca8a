"""The Windows installer cannot be built here: check by reading that it is right."""

from __future__ import annotations

import re

from installer import bundle_plan as plan
from tests.installer import inno


def _layout_with_parents(paths: list[str]) -> set[str]:
    out = set()
    for p in paths:
        parts = p.split("/")
        out.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
    return out


def test_every_path_the_script_names_is_in_the_windows_bundle_layout():
    named = inno.bundle_paths()
    assert {"enroll-station.exe", "enroll-station-gui.exe", "NOTICES.txt", "licenses",
            "_internal"} <= set(named)
    layout = _layout_with_parents(plan.expected_layout("win32"))
    assert set(named) <= layout, set(named) - layout


def test_the_path_reader_sees_a_wrong_name():
    bad = inno.text().replace('"{#BundleDir}\\NOTICES.txt"', '"{#BundleDir}\\NOTICE.txt"')
    assert "NOTICE.txt" in inno.bundle_paths(bad)


def test_per_user_by_default_per_machine_on_request():
    src = inno.text()
    assert re.search(r"^PrivilegesRequired=lowest\s*$", src, re.M)
    assert re.search(r"^PrivilegesRequiredOverridesAllowed=.*dialog", src, re.M)
    assert "DefaultDirName={autopf}\\enroll-station" in src


def test_vietnamese_and_english_texts():
    src = inno.text()
    langs = dict(re.findall(r'^Name: "(\w+)"; MessagesFile: "([^"]+)"', src, re.M))
    assert set(langs) == {"vi", "en"}
    assert langs["vi"].endswith("Vietnamese.isl")
    customs = re.findall(r"^(vi|en)\.(\w+)=", src, re.M)
    vi = {k for lang, k in customs if lang == "vi"}
    en = {k for lang, k in customs if lang == "en"}
    assert vi == en and {"AppTitle", "DataKept", "DeleteData"} <= vi
    used = set(re.findall(r"\{cm:(\w+)\}|CustomMessage\('(\w+)'\)", src))
    assert {a or b for a, b in used} <= vi
    isl = (inno.ISS.parent / "Vietnamese.isl").read_text(encoding="utf-8-sig")
    assert "LanguageID=$042A" in isl and "ButtonNext=" in isl and "WelcomeLabel2=" in isl


def test_start_menu_entry_opens_the_windowed_program():
    src = inno.text()
    entry = r'^Name: "\{autoprograms\}\\\{cm:AppTitle\}"; Filename: "\{app\}\\\{#GuiExe\}"'
    assert re.search(entry, src, re.M)
    assert '#define GuiExe "enroll-station-gui.exe"' in src


def test_uninstall_keeps_the_data_folder_unless_ticked():
    src = inno.text()
    # The data folder the app uses on Windows: platformdirs user_data_dir, no author folder.
    assert "ExpandConstant('{localappdata}\\enroll-station')" in src
    assert "Box.Checked := False;" in src
    assert "DeleteData := Result and Box.Checked;" in src
    assert re.search(r"if \(CurUninstallStep = usPostUninstall\) and DeleteData", src)
    # Nothing else deletes it: the only DelTree is the ticked one, no [UninstallDelete] section.
    assert src.count("DelTree(") == 1 and "[UninstallDelete]" not in src
    assert "{localappdata}" not in src.split("[Code]")[0]  # never installed into the data folder


def test_data_folder_matches_platformdirs_on_windows(monkeypatch):
    """app/cli/context.py's default_data_dir on Windows is {localappdata}\\enroll-station."""
    import platformdirs.windows as win

    folders = {"CSIDL_LOCAL_APPDATA": "LOCAL", "CSIDL_APPDATA": "ROAMING"}
    monkeypatch.setattr(win, "get_win_folder", folders.__getitem__)
    folder = win.Windows(appname="enroll-station", appauthor=False).user_data_dir
    assert folder.replace("\\", "/") == "LOCAL/enroll-station"
