"""Store figures: save (encrypt + commit) p50/p95 of a full-size record; open, page and lookup
at 1,000 / 10,000 / 100,000 records. Usage: python -m bench.store_bench [--sizes 1000,10000]."""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from app.domain.states import State
from app.services.station import Station
from app.store import records
from app.store.crypto import FAST_KDF

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lò", "Giàng", "Sùng", "Hà"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thu", "A", "Mí", "Xuân"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Hà", "Hải", "Hoa", "Hùng", "Lan", "Linh", "Mai", "Nam",
         "Páo", "Phúc", "Quỳnh", "Sơn", "Tâm", "Thảo", "Tuấn", "Vân", "Yến", "Sử", "Dính", "Mỷ"]


def person(rng: random.Random, i: int) -> dict:
    name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    return {"full_name": name, "personal_id": f"0{rng.randint(1, 96):02d}{rng.randint(0, 3)}"
            f"{rng.randint(0, 99):02d}{i:06d}", "date_of_birth": "1980-01-01", "sex": "female",
            "permanent_residence": {"province": "10", "commune": "02737", "detail": "Bản " + name},
            "filler": "x" * 1500}


def full_blobs() -> dict[str, bytes]:
    """Realistic biometric payload: portrait JPEG, 10 rolled WSQ prints, 3 slaps (~265 KB)."""
    blobs = {"face.jpg": os.urandom(25_000)}
    blobs.update({f"finger-{p:02d}.wsq": os.urandom(12_000) for p in range(1, 11)})
    blobs.update({f"slap-{p}.wsq": os.urandom(40_000) for p in (13, 14, 15)})
    return blobs


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def bench_save(folder: Path, n: int = 200) -> None:
    st = Station.init(folder / "save", "bench", "admin", "bench-pass-1", kdf=FAST_KDF)
    st.login("admin", "bench-pass-1").add_user("off1", "officer", "bench-pass-1")
    s = st.login("off1", "bench-pass-1")
    rng = random.Random(1)
    blobs = full_blobs()
    times = []
    for i in range(n):
        data = person(rng, i)
        t0 = time.perf_counter()
        s.save_record(data, blobs)
        times.append((time.perf_counter() - t0) * 1e3)
    st.close()
    size = sum(len(b) for b in blobs.values())
    print(f"save full record ({size / 1024:.0f} KB, synchronous=FULL) x{n}: "
          f"p50 {statistics.median(times):.1f} ms  p95 {pct(times, 95):.1f} ms  "
          f"max {max(times):.1f} ms   (target p95 <= 50 ms)")


def fill(st: Station, session, target: int, rng: random.Random) -> None:
    keys = session._k()
    have = len(st.list_records(limit=10_000_000))
    small = {"face.jpg": os.urandom(1024)}

    def batch(db, start: int, count: int) -> None:
        with db.atomic():
            for i in range(start, start + count):
                rec = records.save(db, keys, person(rng, i), small, officer_id=session.user.id)
                if i % 3 == 0:
                    db.execute("UPDATE records SET state = ? WHERE id = ?",
                               [State.CAPTURED.value, rec.id])

    while have < target:
        count = min(2000, target - have)
        st.store.run(batch, have, count)
        have += count


def bench_scale(folder: Path, sizes: list[int]) -> None:
    data_dir = folder / "scale"
    st = Station.init(data_dir, "bench", "admin", "bench-pass-1", kdf=FAST_KDF)
    st.login("admin", "bench-pass-1").add_user("off1", "officer", "bench-pass-1")
    rng = random.Random(7)
    probe_pid = None
    for n in sizes:
        s = st.login("off1", "bench-pass-1")
        t0 = time.perf_counter()
        fill(st, s, n, rng)
        fill_s = time.perf_counter() - t0
        if probe_pid is None:
            probe_pid = s.show(st.list_records(limit=1)[0]["id"])["data"]["personal_id"]
        st.close()
        t0 = time.perf_counter()
        st = Station.open(data_dir, kdf=FAST_KDF)
        st.list_records(limit=1)
        open_ms = (time.perf_counter() - t0) * 1e3
        t0 = time.perf_counter()
        report = st.audit_check()
        health_ms = (time.perf_counter() - t0) * 1e3 + open_ms
        page_ms, deep_ms, pid_ms, name_ms, common_ms = lookups(st, n, probe_pid)
        mb = sum(p.stat().st_size for p in data_dir.iterdir()) / 1e6
        print(f"{n:>7} records ({mb:.0f} MB, filled in {fill_s:.1f} s): open {open_ms:.0f} ms | "
              f"page walk + audit chain ({report.entries} entries) done by {health_ms:.0f} ms | "
              f"page {page_ms:.1f} ms, deep page {deep_ms:.1f} ms | ID lookup {pid_ms:.1f} ms | "
              f"name 3 words {name_ms:.1f} ms | name 1 common word {common_ms:.1f} ms")
    st.close()


def lookups(st: Station, n: int, pid: str) -> list[float]:
    s = st.login("off1", "bench-pass-1")
    return [timed(lambda: st.list_records(State.CAPTURED, 50, 0)),
            timed(lambda: st.list_records(State.CAPTURED, 50, n // 4)),
            timed(lambda: s.search(pid)),
            timed(lambda: s.search("nguyen thi lan")),
            timed(lambda: s.search("thi"))]


def timed(fn, repeat: int = 5) -> float:
    fn()
    xs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        xs.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(xs)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--saves", type=int, default=200)
    args = ap.parse_args(argv or [])
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {platform.platform()}")
    folder = Path(tempfile.mkdtemp(prefix="es-bench-"))
    try:
        bench_save(folder, args.saves)
        bench_scale(folder, [int(x) for x in args.sizes.split(",")])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
