"""Probes of the frozen program, reached only when ENROLL_STATION_STARTUP_PROBE is set.

`startup_probe` (bench/bundle_bench.py): the same steps as `enroll-station gui` (Qt application,
bundled fonts, station open, shell window shown and painted once, offscreen), then prints the
wall-clock time of the paint and exits. `spawn_probe` (value "spawn", the slow test): the portrait
analyser's spawned worker process starts from the frozen executable and answers. Neither writes.
"""

from __future__ import annotations

import time
from pathlib import Path


def startup_probe(argv: list[str]) -> int:
    from app.cli.context import default_data_dir
    from app.services.station import Station
    from app.ui.app import application
    from app.ui.shell import Shell

    folder = Path(argv[argv.index("--data-dir") + 1]) if "--data-dir" in argv else \
        default_data_dir()
    app = application()
    station = Station.open(folder)
    try:
        window = Shell(station, station.info()["name"])
        window.show()
        app.processEvents()
        window.grab()
        print(f"painted {time.time():.6f}", flush=True)
        window.close()
    finally:
        station.close()
    return 0


def spawn_probe() -> int:
    """A spawned child of a frozen program re-runs the program: freeze_support must catch it."""
    from app.services.selftest import portrait_process_finds_face

    found = portrait_process_finds_face()
    print(f"spawn ok face={found}", flush=True)
    return 0 if found else 1
