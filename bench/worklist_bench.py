"""Worklist on the station at 100,000 residents: import (seal + index) and offline search by ID
number and by name without diacritics, through the encrypted store. Target: search <= 100 ms."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from app.domain.masterdata import default_master
from app.domain.names import fold
from app.domain.synthetic import generate_worklist
from app.services import worklist
from app.services.station import Station
from app.store.crypto import FAST_KDF
from bench.store_bench import timed


def main(argv: list[str] | None = None) -> None:
    n = int((argv or [None])[0] or 100_000)
    folder = Path(tempfile.mkdtemp(prefix="es-wl-"))
    try:
        st = Station.init(folder / "s", "bench", "admin", "bench-pass-1", kdf=FAST_KDF)
        s = st.login("admin", "bench-pass-1")
        t0 = time.perf_counter()
        entries = [e.to_json() for e in generate_worklist(default_master(), n, 1, date.today())]
        gen = time.perf_counter() - t0
        t0 = time.perf_counter()
        worklist.import_entries(s, "bench", entries)
        imp = time.perf_counter() - t0
        probe = entries[n // 2]
        words = fold(probe["full_name"]).split()
        pid_ms = timed(lambda: worklist.search(s, probe["personal_id"]))
        full_ms = timed(lambda: worklist.search(s, " ".join(words)))
        two_ms = timed(lambda: worklist.search(s, f"{words[0]} {words[-1]}"))
        one_ms = timed(lambda: worklist.search(s, words[0]))  # a surname: thousands of hits
        st.close()
        print(f"worklist {n} residents: generated in {gen:.1f} s, imported (sealed + indexed) in "
              f"{imp:.1f} s | search by ID {pid_ms:.1f} ms | full name {full_ms:.1f} ms | "
              f"surname + given name {two_ms:.1f} ms | surname alone (first 50 of many) "
              f"{one_ms:.1f} ms   (target <= 100 ms)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
