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
    from devices.camera.synthetic import SyntheticCamera
    from devices.portrait.process import ProcessAnalyser

    cam = SyntheticCamera()
    cam.open()
    try:
        frame = cam.read()
    finally:
        cam.close()
    with ProcessAnalyser(start_timeout=60.0) as analyse:
        report = analyse(frame)
    print(f"spawn ok face={report.face is not None}", flush=True)
    return 0 if report.face is not None else 1
