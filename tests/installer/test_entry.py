"""The bundle's entry point: clear words instead of tracebacks for a broken environment."""

from __future__ import annotations

import pytest

from installer import entry


def test_version_comes_from_the_build_stamp(capsys):
    assert entry.run(["--version"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("enroll-station ") and "built" in out


@pytest.mark.parametrize("argv,env,expected", [
    (["gui"], {}, True),
    (["--data-dir", "/x", "--lang", "en", "demo"], {}, True),
    (["gui"], {"DISPLAY": ":0"}, False),
    (["gui"], {"WAYLAND_DISPLAY": "wayland-0"}, False),
    (["gui"], {"QT_QPA_PLATFORM": "offscreen"}, False),
    (["self-test"], {}, False),
    (["--data-dir", "gui", "list"], {}, False),  # a folder named gui is not the command
])
def test_no_display_is_detected_only_for_window_commands(monkeypatch, argv, env, expected):
    monkeypatch.setattr(entry.sys, "platform", "linux")
    assert entry.no_display(argv, env) is expected


def test_no_display_says_what_to_do(monkeypatch, capsys):
    monkeypatch.setattr(entry.sys, "platform", "linux")
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    assert entry.run(["--lang", "en", "gui"]) == 3
    err = capsys.readouterr().err
    assert "no display" in err and "offscreen" in err and "--help" in err


def _failing_main(exc):
    def main(argv):
        raise exc
    return main


def test_unwritable_data_folder(monkeypatch, capsys):
    import app.cli

    monkeypatch.setattr(app.cli, "main", _failing_main(
        PermissionError(13, "Permission denied", "/srv/data/station.db")))
    assert entry.run(["--lang", "en", "list"]) == 4
    err = capsys.readouterr().err
    assert "/srv/data/station.db" in err and "--data-dir" in err and "Traceback" not in err


def test_missing_native_library_says_reinstall(monkeypatch, capsys):
    import app.cli

    monkeypatch.setattr(app.cli, "main", _failing_main(
        OSError("libnbis.so: cannot open shared object file: No such file or directory")))
    assert entry.run(["self-test"]) == 5
    err = capsys.readouterr().err
    assert "cài lại" in err and "libnbis.so" in err


def test_other_os_errors_are_not_disguised(monkeypatch):
    import app.cli

    monkeypatch.setattr(app.cli, "main", _failing_main(OSError("disk on fire")))
    with pytest.raises(OSError, match="disk on fire"):
        entry.run(["list"])


def test_gui_launcher_adds_the_gui_command(monkeypatch):
    seen = []
    monkeypatch.setattr(entry, "run", lambda argv: seen.append(argv) or 0)
    monkeypatch.setattr(entry.sys, "argv", ["enroll-station-gui", "--lang", "en"])
    with pytest.raises(SystemExit):
        entry.main_gui()
    assert seen == [["--lang", "en", "gui"]]
