"""Packet size for what the simulated devices capture, and where the bytes go.

Used by packet_bench (`--profile devices`). Per enrollment: 10 rolled prints and the 4-4-2
slaps from devices.fingerprint.synthetic (the simulated scanner's generator, sizes as it
captures them), the synthetic camera's card portrait (devices.portrait, <= 30 KB), WSQ through
devices.fingerprint.wsq_codec. Also measured, not applied: slaps cropped to the fingers (ANSI/NIST
gives only maximum slap dimensions) and a portrait bounded to 20 KB.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "packets")]

from synth import T0, make_inputs  # noqa: E402

from app.packets.build import Signers, build_packet  # noqa: E402
from app.packets.inputs import FaceCapture, FingerCapture  # noqa: E402
from app.packets.keys import CentreKeys  # noqa: E402
from app.packets.manifest import build_contents  # noqa: E402
from devices.fingerprint import wsq_codec  # noqa: E402
from devices.fingerprint.synthetic import generate_print, generate_slap  # noqa: E402

SLAPS = (13, 14, 15)
NFIQ_RUNS = 3  # NFIQ 2 on the first runs' rolled prints (it is slow on a shared machine)


def portraits() -> tuple[bytes, bytes]:
    """The card portrait as captured (<= 30 KB) and the same crop bounded to 20 KB."""
    from devices.camera.synthetic import SyntheticCamera
    from devices.portrait.analyse import capture_portrait
    from devices.portrait.crop import CropSpec

    cam = SyntheticCamera()
    cam.open()
    frame = cam.read()
    cam.close()
    _, jpeg = capture_portrait(frame)
    _, small = capture_portrait(frame, spec=CropSpec(max_bytes=20_000))
    return jpeg, small


def crop_to_ink(img: np.ndarray, margin: int = 32, level: int = 200) -> np.ndarray:
    ys, xs = np.nonzero(img < level)
    if ys.size == 0:
        return img
    y0, x0 = max(0, ys.min() - margin), max(0, xs.min() - margin)
    return img[y0:ys.max() + margin + 1, x0:xs.max() + margin + 1]


def _packet(seed: int, images: dict[int, np.ndarray], wsq: dict[int, bytes], face: bytes,
            signers: Signers, centre: CentreKeys) -> tuple[int, int]:
    fingers = [FingerCapture(p, wsq[p], images[p].shape[1], images[p].shape[0], 500,
                             quality=60, retries=0) for p in sorted(wsq)]
    inputs = make_inputs(f"ST001-{seed:06d}", fingers=fingers,
                         face=FaceCapture(face, quality=80))
    an2 = len(build_contents(inputs).biometrics)
    return an2, len(build_packet(inputs, signers, centre.current_public, T0).envelope)


def one_run(seed: int, faces: tuple[bytes, bytes], signers: Signers,
            centre: CentreKeys) -> dict[str, float]:
    images = {p: generate_print(seed, position=p, rolled=True) for p in range(1, 11)}
    images.update({p: generate_slap(seed, p) for p in SLAPS})
    wsq = {p: wsq_codec.encode(img) for p, img in images.items()}
    face, small_face = faces
    an2, env = _packet(seed, images, wsq, face, signers, centre)
    blobs = len(face) + sum(len(b) for b in wsq.values())
    cropped = {**images, **{p: crop_to_ink(images[p]) for p in SLAPS}}
    wsq_c = {**wsq, **{p: wsq_codec.encode(cropped[p]) for p in SLAPS}}
    _, env_crop = _packet(seed, cropped, wsq_c, face, signers, centre)
    _, env_both = _packet(seed, cropped, wsq_c, small_face, signers, centre)
    out = {"envelope": env, "face": len(face), "an2_overhead": an2 - blobs,
           "rest": env - an2, "rolled": sum(len(wsq[p]) for p in range(1, 11)),
           "rolled_bpp": 8 * sum(len(wsq[p]) for p in range(1, 11)) / sum(
               images[p].size for p in range(1, 11)),
           "env_crop": env_crop, "env_crop_face20": env_both,
           **{f"slap{p}": len(wsq[p]) for p in SLAPS},
           **{f"slap{p}_crop": len(wsq_c[p]) for p in SLAPS},
           **{f"slap{p}_px": cropped[p].size for p in SLAPS}}
    if seed < NFIQ_RUNS:
        from devices.fingerprint.quality import Nfiq2

        raw = [Nfiq2.score(images[p]) for p in range(1, 11)]
        dec = [Nfiq2.score(wsq_codec.decode(wsq[p]).image) for p in range(1, 11)]
        out["nfiq_raw"], out["nfiq_wsq"] = statistics.median(raw), statistics.median(dec)
    return out


def report(runs: int, signers: Signers, centre: CentreKeys) -> None:
    faces = portraits()
    rows = [one_run(seed, faces, signers, centre) for seed in range(runs)]

    def med(key: str) -> float:
        return statistics.median(r[key] for r in rows if key in r)

    kb = 1024
    print(f"profile devices ({runs} enrollments, medians; simulated scanner and camera)")
    print(f"  envelope size      {med('envelope') / kb:8.1f} KB  target <= 250 KB: "
          f"{'OK' if med('envelope') <= 250 * kb else 'OVER'}")
    print(f"    portrait JPEG    {med('face') / kb:8.1f} KB  (400x600, <= 30 KB bound)")
    print(f"    10 rolled WSQ    {med('rolled') / kb:8.1f} KB  (400x500 each, "
          f"{med('rolled_bpp'):.2f} bit/px)")
    for p in SLAPS:
        print(f"    slap {p} WSQ      {med(f'slap{p}') / kb:8.1f} KB  (1600x1500, "
              f"{8 * med(f'slap{p}') / (1600 * 1500):.2f} bit/px)")
    print(f"    AN2 overhead     {med('an2_overhead') / kb:8.1f} KB  (Type-1/2/10/14 fields)")
    print(f"    rest             {med('rest') / kb:8.1f} KB  (manifest, demographics, 3 "
          "signatures, archive, HPKE, signed envelope)")
    print("  options (measured, not applied):")
    crop = " ".join(f"{p}: {med(f'slap{p}_crop') / kb:.1f} KB ({med(f'slap{p}_px') / 1e6:.2f} "
                    "Mpx)" for p in SLAPS)
    print(f"    slaps cropped to the fingers + 32 px  {med('env_crop') / kb:8.1f} KB  [{crop}]")
    print(f"    ... and portrait <= 20 KB ({len(faces[1]) / kb:.1f} KB)  "
          f"{med('env_crop_face20') / kb:8.1f} KB")
    print(f"  NFIQ 2, rolled prints (median of {min(runs, NFIQ_RUNS) * 10}): raw "
          f"{med('nfiq_raw'):.0f}, after WSQ {med('nfiq_wsq'):.0f}")
