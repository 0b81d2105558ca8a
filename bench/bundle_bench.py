"""The bundled program: size on disk, .deb size, cold start to the painted login window, self-test.

Uses dist/enroll-station if present (else builds it: `python -m installer build`). Cold start is
measured from just before the bundled executable is spawned until its login window has been
shown and painted once (offscreen, ENROLL_STATION_STARTUP_PROBE), median of 5 runs; the first run
after a build also pays the page cache. Target: <= 3 s. `--release` also builds the xz .deb.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installer import bundle_plan as plan
from installer import deb
from installer.build import DIST, build, bundle_dir, folder_size

MiB = 2**20


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "PYTHONPATH")}
    return {**env, "QT_QPA_PLATFORM": "offscreen", **extra}


def cold_starts(exe: Path, data: Path, runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.time()
        out = subprocess.run([str(exe), "--data-dir", str(data)], capture_output=True, text=True,
                             env=_env(ENROLL_STATION_STARTUP_PROBE="1"), check=True).stdout
        painted = float(out.split("painted ")[1].split()[0])
        times.append(painted - t0)
    return times


def self_test_times(exe: Path, runs: int = 3) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([str(exe), "self-test"], capture_output=True, env=_env(), check=True)
        times.append(time.perf_counter() - t0)
    return times


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    bundle = bundle_dir()
    if not (bundle / plan.APP_NAME).exists():
        import importlib.util

        if importlib.util.find_spec("PyInstaller") is None:
            print("no bundle and no PyInstaller: pip install -e '.[bundle]' (skipped)")
            return
        t0 = time.perf_counter()
        build()
        print(f"bundle build (PyInstaller + notices): {time.perf_counter() - t0:.0f} s")
    exe = bundle / plan.exe_name(plan.APP_NAME)
    print(f"bundle size on disk: {folder_size(bundle) / MiB:.0f} MiB ({bundle})")
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        pkg = deb.build_deb(bundle, Path(tmp), Path(tmp) / "work", compression="fast")
        print(f".deb (zstd -9): {pkg.stat().st_size / MiB:.0f} MiB, built in "
              f"{time.perf_counter() - t0:.0f} s")
        if "--release" in argv:
            t0 = time.perf_counter()
            pkg = deb.build_deb(bundle, DIST, Path(tmp) / "work", compression="release")
            print(f".deb (xz -6, release): {pkg.stat().st_size / MiB:.0f} MiB, built in "
                  f"{time.perf_counter() - t0:.0f} s")
        from app.main import make_demo_station
        from app.store.crypto import FAST_KDF

        make_demo_station(Path(tmp) / "s", kdf=FAST_KDF).close()
        starts = cold_starts(exe, Path(tmp) / "s")
    print(f"cold start to painted login window: median {statistics.median(starts) * 1e3:.0f} ms, "
          f"max {max(starts) * 1e3:.0f} ms over {len(starts)} runs (target <= 3000 ms)")
    tests = self_test_times(exe)
    print(f"self-test (whole process): median {statistics.median(tests):.2f} s over "
          f"{len(tests)} runs")


if __name__ == "__main__":
    main()
