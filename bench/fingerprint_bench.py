"""Fingerprint numbers on this machine: generator, gate, NFIQ 2, WSQ, R30x emulator round trips.

Run: /work/main/.venv/bin/python bench/fingerprint_bench.py [--quick]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devices.fingerprint import r30x_protocol as p  # noqa: E402
from devices.fingerprint import synthetic, wsq_codec  # noqa: E402
from devices.fingerprint.gate import check_fingerprint  # noqa: E402
from devices.fingerprint.quality import Nfiq2, assess  # noqa: E402
from devices.fingerprint.r30x import R30xScanner  # noqa: E402
from devices.fingerprint.r30x_emulator import start_pty_emulator  # noqa: E402
from devices.fingerprint.sbi import SbiScanner, discover  # noqa: E402
from devices.fingerprint.sbi_emulator import start_sbi_emulator  # noqa: E402


def timed(fn, *args, **kw):
    start = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - start


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"


def main() -> None:
    quick = "--quick" in sys.argv
    n = 3 if quick else 8
    print(f"== generator ({n} prints each)")
    prints: dict[str, list[np.ndarray]] = {}
    for q in synthetic.QUALITIES:
        times = []
        for seed in range(n):
            img, dt = timed(synthetic.generate_print, seed, position=seed % 10 + 1, quality=q)
            prints.setdefault(q, []).append(img)
            times.append(dt)
        print(f"  400x500 {q:5s}: {ms(times)}")
    times = [timed(synthetic.generate_print, s, width=256, height=288)[1] for s in range(n)]
    print(f"  256x288 good : {ms(times)}")
    for pos in (13, 14, 15):
        _, dt = timed(synthetic.generate_slap, 1, pos)
        print(f"  slap {pos} 1600x1500: {dt * 1000:.0f} ms")

    print("== gate")
    times = [timed(check_fingerprint, img)[1] for img in prints["good"]]
    print(f"  400x500: {ms(times)}")
    rng = np.random.default_rng(0)
    noise = rng.integers(0, 256, (500, 400), dtype=np.uint8)
    print(f"  noise -> {check_fingerprint(noise).reason}; blank -> "
          f"{check_fingerprint(np.full((500, 400), 250, np.uint8)).reason}")

    print("== NFIQ 2")
    _, dt = timed(Nfiq2.warm_up)
    print(f"  load: {dt * 1000:.0f} ms")
    for q, imgs in prints.items():
        scores, times = [], []
        for img in imgs:
            report, dt = timed(assess, img, 2)
            scores.append(report.score)
            times.append(dt)
        print(f"  {q:5s}: scores {scores} mean {statistics.mean(scores):.1f}; {ms(times)}")
    raw, dt = timed(Nfiq2.score, noise)
    print(f"  raw NFIQ 2 of uniform noise (gate bypassed): {raw} ({dt * 1000:.0f} ms)")
    for pos in (13, 15):
        report, dt = timed(assess, synthetic.generate_slap(2, pos), pos)
        print(f"  slap {pos}: worst {report.score} per finger {report.finger_scores} "
              f"({dt * 1000:.0f} ms)")

    print("== WSQ")
    sizes, enc, dec = [], [], []
    for img in prints["good"]:
        data, dt = timed(wsq_codec.encode, img)
        sizes.append(len(data))
        enc.append(dt)
        dec.append(timed(wsq_codec.decode, data)[1])
    print(f"  400x500: {statistics.mean(sizes) / 1024:.1f} KiB "
          f"({statistics.mean(sizes) * 8 / (500 * 400):.2f} bpp); encode {ms(enc)}; "
          f"decode {ms(dec)}")

    print("== R30x over a pty")
    fixed = synthetic.generate_print(5, width=256, height=288)
    path, stop, emu = start_pty_emulator(images=lambda i: fixed)
    try:
        s = R30xScanner(path)
        _, dt = timed(s.open)
        print(f"  open (VfyPwd + ReadSysPara): {dt * 1000:.2f} ms")
        rtt = [timed(s._call, p.GEN_IMG)[1] for _ in range(200)]
        print(f"  command round trip (GenImg): median {statistics.median(rtt) * 1e6:.0f} us")
        caps = [timed(s.capture, 2)[1] for _ in range(5)]
        print(f"  capture + UpImage 36,864 B unpaced: {ms(caps)}")
        s.close()
    finally:
        stop()
    if not quick:
        path, stop, _ = start_pty_emulator(images=lambda i: fixed, pace_baud=115200)
        try:
            s = R30xScanner(path, baudrate=115200)
            s.open()
            _, dt = timed(s.capture, 2)
            print(f"  capture paced at 115200 baud: {dt:.2f} s (wire time ~3.5 s)")
            s.close()
        finally:
            stop()

    print("== MOSIP SBI over loopback (generation + NFIQ 2 inside the emulator)")
    port, stop, emu = start_sbi_emulator(seed=3)
    try:
        found, dt = timed(discover)
        print(f"  discovery over 4501-4600: {dt * 1000:.0f} ms, {len(found)} device(s)")
        s = SbiScanner(port, trusted={emu.cert_fingerprint})
        _, dt = timed(s.open)
        print(f"  open (MOSIPDINFO + JWS verify): {dt * 1000:.0f} ms")
        for pos in (2, 15, 13):
            cap, dt = timed(s.capture, pos)
            print(f"  RCAPTURE {pos}: {dt * 1000:.0f} ms, scores {cap.meta['device_scores']}")
        s.close()
    finally:
        stop()


if __name__ == "__main__":
    main()
