"""Cold start to a shown login window: a fresh interpreter, imports, station open, first paint.

Measured from just before the process is spawned until the login window has been shown and
painted once (offscreen platform), median of several runs. Target: <= 2 s."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import sys, time
from pathlib import Path
from app.services.station import Station
from app.ui.app import application
from app.ui.shell import Shell
app = application()
station = Station.open(Path(sys.argv[1]))
w = Shell(station, station.info()["name"])
w.show()
app.processEvents()
w.grab()
print(time.time())
station.close()
"""


def main(argv: list[str] | None = None) -> None:
    from app.main import make_demo_station

    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        make_demo_station(Path(tmp) / "s").close()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
        times = []
        for _ in range(5):
            t0 = time.time()
            out = subprocess.run([sys.executable, "-c", CHILD, str(Path(tmp) / "s")], env=env,
                                 capture_output=True, text=True, check=True).stdout
            times.append(float(out.strip().splitlines()[-1]) - t0)
    print(f"cold start to painted login window: median {statistics.median(times) * 1e3:.0f} ms, "
          f"max {max(times) * 1e3:.0f} ms over {len(times)} runs (target <= 2000 ms)")


if __name__ == "__main__":
    main(sys.argv[1:])
