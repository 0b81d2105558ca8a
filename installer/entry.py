"""The bundle's entry point: `enroll-station` (console) and `enroll-station-gui` (windowed).

Before handing over to the command line it does what only a frozen program needs:
`multiprocessing.freeze_support()` (the portrait worker is a spawned process, and a spawned child
of a frozen program is the program itself), `--version` from the bundle's build stamp, and clear
words instead of a traceback for a broken environment: no display, a data folder that cannot be
written, a native library missing from a damaged install.
"""

from __future__ import annotations

import multiprocessing
import os
import sys

GUI_COMMANDS = {"gui", "demo"}
PROBE_ENV = "ENROLL_STATION_STARTUP_PROBE"  # bench and tests only: see installer/probe.py


def _lang(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "vi"


def _say(argv: list[str], vi: str, en: str) -> None:
    print(("Lỗi: " + vi) if _lang(argv) == "vi" else ("Error: " + en), file=sys.stderr)


def _command(argv: list[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--data-dir", "--lang"):
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def no_display(argv: list[str], env: dict[str, str] | None = None) -> bool:
    """A window was asked for on Linux without X11/Wayland: Qt would abort, so say why first."""
    env = dict(os.environ) if env is None else env
    return (sys.platform.startswith("linux") and _command(argv) in GUI_COMMANDS
            and not env.get("QT_QPA_PLATFORM") and not env.get("DISPLAY")
            and not env.get("WAYLAND_DISPLAY"))


def _version_text() -> str:
    from app.services.version import describe

    return describe()


def _native_library(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, ImportError) or any(s in text for s in (".so", ".dll", "dll load"))


def run(argv: list[str]) -> int:
    if argv == ["--version"]:
        print(_version_text())
        return 0
    if no_display(argv):
        _say(argv, "không có màn hình (DISPLAY trống). Chạy trong phiên đồ hoạ, hoặc dùng các lệnh "
             "dòng lệnh (enroll-station --help); kiểm tra máy: QT_QPA_PLATFORM=offscreen "
             "enroll-station self-test.",
             "no display (DISPLAY is empty). Run it in a desktop session, or use the command-line "
             "commands (enroll-station --help); to check this machine: QT_QPA_PLATFORM=offscreen "
             "enroll-station self-test.")
        return 3
    if os.environ.get(PROBE_ENV):
        from installer import probe

        return probe.spawn_probe() if os.environ[PROBE_ENV] == "spawn" else \
            probe.startup_probe(argv)
    try:
        from app.cli import main

        return int(main(argv) or 0)
    except PermissionError as exc:
        where = exc.filename or "?"
        _say(argv, f"không ghi được vào thư mục dữ liệu ({where}). Kiểm tra quyền, hoặc chọn thư "
             "mục khác bằng --data-dir.",
             f"cannot write to the data folder ({where}). Check its permissions, or choose another "
             "folder with --data-dir.")
        return 4
    except (ImportError, OSError) as exc:
        if not _native_library(exc):
            raise
        _say(argv, f"bản cài đặt bị hỏng, thiếu thư viện ({type(exc).__name__}: {exc}). Hãy cài "
             "lại phần mềm; dữ liệu không bị ảnh hưởng.",
             f"the installation is damaged, a library is missing ({type(exc).__name__}: {exc}). "
             "Reinstall the software; your data is not affected.")
        return 5


def main() -> None:
    multiprocessing.freeze_support()
    sys.exit(run(sys.argv[1:]))


def main_gui() -> None:
    """Windowed launcher (Start menu): global options from the shortcut, then `gui`."""
    multiprocessing.freeze_support()
    argv = sys.argv[1:]
    sys.exit(run(argv if _command(argv) else [*argv, "gui"]))


if __name__ == "__main__":
    main()
