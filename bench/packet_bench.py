"""Packet size and build/open times for realistic content (synthetic images, real codecs).

Usage: python bench/packet_bench.py [--runs N] [--profile compact|iafis|devices|all]

Profiles (500 ppi, WSQ at the `wsq` package's fixed rate, portrait JPEG about 25 KB):
  compact: 10 rolled 400x500 (0.8 x 1.0 in), four-finger slaps 1600x1000, thumbs 800x500
  iafis:   10 rolled 800x750, four-finger slaps 1600x1500, thumbs 800x750 (FBI window sizes)
  devices: what the simulated devices capture (devices.fingerprint.synthetic: 10 rolled 400x500,
           slaps 13/14/15 at 1600x1500; the synthetic camera's card portrait), median of 20 by
           default, with the bytes broken down per blob, AN2 overhead and the rest (manifest,
           signatures, archive, HPKE, envelope), NFIQ 2 before/after WSQ, and the measured effect
           of two options (slaps cropped to the fingers; a 20 KB portrait).
Prints medians of: image encoding (WSQ + JPEG: the capture layer's work), packet build (AN2,
manifest, three signatures, archive, HPKE seal), verify_envelope, open_packet; and the envelope
size. Targets: median size <= 250 KB, build <= 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "packets")]

from synth import T0, make_inputs, portrait_jpeg, ridge_image  # noqa: E402

from app.packets.build import Signers, build_packet  # noqa: E402
from app.packets.inputs import FaceCapture, FingerCapture  # noqa: E402
from app.packets.keys import CentreKeys, SigningKey, TrustedKeys  # noqa: E402
from app.packets.verify import open_packet, verify_envelope  # noqa: E402

PROFILES = {
    "compact": {"rolled": (400, 500), 13: (1600, 1000), 14: (1600, 1000), 15: (800, 500)},
    "iafis": {"rolled": (800, 750), 13: (1600, 1500), 14: (1600, 1500), 15: (800, 750)},
}


def _wsq(img) -> bytes:
    import io

    from PIL import Image
    out = io.BytesIO()
    Image.fromarray(img).save(out, format="WSQ")
    return out.getvalue()


def one_run(profile: dict, seed: int, signers: Signers, centre: CentreKeys,
            trusted: TrustedKeys) -> dict[str, float]:
    raw = {}
    for pos in (*range(1, 11), 13, 14, 15):
        w, h = profile["rolled"] if pos <= 10 else profile[pos]
        raw[pos] = (ridge_image(w, h, seed * 100 + pos), w, h)
    t0 = time.perf_counter()
    fingers = [FingerCapture(pos, _wsq(img), w, h, 500, quality=55 + pos, retries=pos % 2)
               for pos, (img, w, h) in raw.items()]
    face = FaceCapture(portrait_jpeg(480, 640, 75, seed), quality=80)
    t1 = time.perf_counter()
    inputs = make_inputs(f"ST001-{seed:06d}", fingers=fingers, face=face)
    built = build_packet(inputs, signers, centre.current_public, T0)
    t2 = time.perf_counter()
    verify_envelope(built.envelope, trusted)
    t3 = time.perf_counter()
    open_packet(built.envelope, centre, trusted)
    t4 = time.perf_counter()
    return {"encode_s": t1 - t0, "build_s": t2 - t1, "verify_envelope_s": t3 - t2,
            "open_s": t4 - t3, "size_kb": len(built.envelope) / 1024,
            "face_kb": len(face.jpeg) / 1024,
            "wsq_kb": sum(len(f.wsq or b"") for f in fingers) / 1024}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=None, help="default 5 (devices: 20)")
    ap.add_argument("--profile", choices=[*PROFILES, "devices", "all"], default="all")
    args = ap.parse_args()
    signers = Signers(SigningKey.generate(), SigningKey.generate(), SigningKey.generate())
    centre = CentreKeys.generate()
    trusted = (TrustedKeys().add("station", "ST001", signers.station.verify_key)
               .add("officer", "officer.lan", signers.officer.verify_key)
               .add("supervisor", "sup.minh", signers.supervisor.verify_key))
    names = [*PROFILES, "devices"] if args.profile == "all" else [args.profile]
    for name in names:
        if name == "devices":
            from bench import packet_devices

            packet_devices.report(args.runs or 20, signers, centre)
            continue
        n = args.runs or 5
        runs = [one_run(PROFILES[name], s, signers, centre, trusted) for s in range(n)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(f"profile {name} ({n} runs, medians)")
        print(f"  envelope size      {med['size_kb']:8.1f} KB  (face {med['face_kb']:.1f} KB, "
              f"WSQ total {med['wsq_kb']:.1f} KB, format overhead "
              f"{med['size_kb'] - med['face_kb'] - med['wsq_kb']:.1f} KB)  target <= 250 KB: "
              f"{'OK' if med['size_kb'] <= 250 else 'OVER'}")
        print(f"  encode WSQ+JPEG    {med['encode_s'] * 1000:8.1f} ms")
        print(f"  build packet       {med['build_s'] * 1000:8.1f} ms  target <= 1000 ms: "
              f"{'OK' if med['build_s'] <= 1 else 'OVER'}")
        print(f"  encode + build     {(med['encode_s'] + med['build_s']) * 1000:8.1f} ms")
        print(f"  verify_envelope    {med['verify_envelope_s'] * 1000:8.1f} ms")
        print(f"  open_packet        {med['open_s'] * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
