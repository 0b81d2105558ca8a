"""Sync goodput on a bad link: the reference centre behind the flaky loopback proxy.

Usage: python bench/sync_bench.py [--packets N] [--rate BPS] [--cut BYTES] [--latency S]
                                  [--linger S] [--checksum sha256] [--chunk BYTES]
Defaults: 3 realistic packets (~250 KB: portrait 480x640, 10 rolled prints 400x500, slaps
900x600, thumbs 600x500, WSQ), 256 kbit/s each way, 50 ms one-way latency, a cut every
~100 KB (75-125 %). Prints goodput (envelope bytes delivered / link capacity over the upload
time) and checks at the centre's database that every packet is stored exactly once, then sends
them all again and checks nothing new was stored. Target: goodput >= 90 % of the link.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "packets")]

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey  # noqa: E402
from synth import make_inputs, portrait_jpeg, ridge_image, wsq_bytes  # noqa: E402, F401

from app.packets.build import Signers, build_packet  # noqa: E402
from app.packets.inputs import FaceCapture, FingerCapture  # noqa: E402
from app.packets.keys import SigningKey  # noqa: E402
from sync.client.http import CentreClient  # noqa: E402
from sync.client.provision import provision_online  # noqa: E402
from sync.client.pulls import register_signers  # noqa: E402
from sync.client.tus import TusUploader, UploadSettings  # noqa: E402
from sync.server.run import issue_token, running_server  # noqa: E402
from sync.testing.flaky_proxy import running_proxy  # noqa: E402

SIZES = {"rolled": (400, 500), 13: (900, 600), 14: (900, 600), 15: (600, 500)}


def realistic_packet(seed: int, signers: Signers, centre_key) -> tuple[str, bytes]:
    fingers = []
    for pos in (*range(1, 11), 13, 14, 15):
        w, h = SIZES["rolled"] if pos <= 10 else SIZES[pos]
        fingers.append(FingerCapture(pos, wsq_bytes(w, h, seed * 100 + pos), w, h, 500,
                                     quality=55 + pos, retries=pos % 2))
    face = FaceCapture(portrait_jpeg(480, 640, 75, seed), quality=80)
    pid = f"ST001-{seed:06d}"
    built = build_packet(make_inputs(pid, fingers=fingers, face=face), signers, centre_key,
                         datetime.now(UTC))
    return pid, built.envelope


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--packets", type=int, default=3)
    ap.add_argument("--rate", type=int, default=256_000, help="link bits per second")
    ap.add_argument("--cut", type=int, default=100_000, help="cut every ~N upstream bytes")
    ap.add_argument("--latency", type=float, default=0.05, help="one-way latency, seconds")
    ap.add_argument("--linger", type=float, default=1.0,
                    help="seconds before the centre's side of a cut connection closes")
    ap.add_argument("--checksum", choices=["sha1", "sha256"], default=None)
    ap.add_argument("--chunk", type=int, default=0, help="PATCH size (0 = rest of the file)")
    args = ap.parse_args()
    if args.checksum and not args.chunk:
        args.chunk = 64 * 1024

    data = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    signers = Signers(SigningKey.generate(), SigningKey.generate(), SigningKey.generate())
    with running_server(data / "centre", max_upload=4 * 1024 * 1024) as url:
        prov = provision_online(url, issue_token(data / "centre", "XA001"), "ST001", "XA001",
                                signers.station, X25519PrivateKey.generate())
        with CentreClient(url, prov.access_token) as c:
            register_signers(c, [("officer", "officer.lan", signers.officer.verify_key),
                                 ("supervisor", "sup.minh", signers.supervisor.verify_key)])
        t0 = time.perf_counter()
        packets = [realistic_packet(i + 1, signers, prov.centre.current)
                   for i in range(args.packets)]
        sizes = [len(e) for _, e in packets]
        print(f"built {len(packets)} packets in {time.perf_counter() - t0:.1f} s, sizes "
              f"{min(sizes) / 1024:.0f}-{max(sizes) / 1024:.0f} KB")
        port = int(url.rsplit(":", 1)[1])
        with running_proxy(port, rate_bps=args.rate, latency_s=args.latency,
                           cut_every=args.cut, linger_s=args.linger, seed=7,
                           lifetime_s=3600) as proxy:
            settings = UploadSettings(chunk_size=args.chunk, checksum=args.checksum,
                                      max_failures=20)
            with CentreClient(f"http://127.0.0.1:{proxy.port}", prov.access_token) as client:
                up = TusUploader(client, prov.centre.receipt, settings)
                start = time.perf_counter()
                results = [up.upload(env, pid) for pid, env in packets]
                elapsed = time.perf_counter() - start
                again = [up.upload(env, pid) for pid, env in packets]
            link = proxy.stats
        total = sum(sizes)
        goodput = total * 8 / elapsed / args.rate
        db = sqlite3.connect(data / "centre" / "centre.sqlite3")
        rows = db.execute("SELECT packet_id, COUNT(*) FROM packets GROUP BY packet_id").fetchall()
        stored = len(list((data / "centre" / "packets").glob("*.pkt")))
    exact = (sorted(r[0] for r in rows) == sorted(p for p, _ in packets)
             and all(n == 1 for _, n in rows) and stored == len(packets))
    same = all(a.receipt_wire == b.receipt_wire and b.already_held
               for a, b in zip(results, again, strict=True))
    print(f"link {args.rate / 1000:.0f} kbit/s, latency {args.latency * 1000:.0f} ms, cut every "
          f"~{args.cut / 1000:.0f} KB, linger {args.linger} s, checksum {args.checksum}")
    print(f"delivered {total / 1024:.0f} KB in {elapsed:.1f} s; ideal {total * 8 / args.rate:.1f}"
          f" s; cuts {link.cuts}; resumes {sum(r.resumes for r in results)}; upstream link "
          f"bytes {link.upstream_bytes / 1024:.0f} KB ({link.upstream_bytes / total:.3f}x)")
    print(f"goodput {goodput * 100:.1f} % of the link  target >= 90 %: "
          f"{'OK' if goodput >= 0.9 else 'BELOW'}")
    print(f"stored exactly once at the centre: {'yes' if exact else 'NO'} "
          f"({len(rows)} packets, {stored} files); re-sent all: same receipts, nothing new: "
          f"{'yes' if same else 'NO'}")
    return 0 if exact and same else 1


if __name__ == "__main__":
    raise SystemExit(main())
