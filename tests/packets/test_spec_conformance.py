"""An independent verifier written from docs/packet-format.md alone (no app.packets verify code).

If this test and the implementation disagree, either the spec or the code is wrong.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import struct
import zipfile

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def _canon(obj) -> bytes:
    # Enough of RFC 8785 for these documents (strings, ints, bools, null; no floats).
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _kid(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def test_independent_verifier_accepts_a_built_packet(built, centre, signers):
    env = built.envelope
    assert env[:8] == b"ENRPKT\x00\x01"
    (h,) = struct.unpack(">I", env[8:12])
    header_bytes = env[12:12 + h]
    header = json.loads(header_bytes)
    assert _canon(header) == header_bytes
    sig = env[12 + h:76 + h]
    (p,) = struct.unpack(">Q", env[76 + h:84 + h])
    payload = env[84 + h:]
    assert len(payload) == p == header["payload_size"]
    assert hashlib.sha256(payload).hexdigest() == header["payload_sha256"]
    station_raw = signers.station.verify_key.raw
    assert _kid(station_raw) == header["station_key_id"]
    Ed25519PublicKey.from_public_bytes(station_raw).verify(
        sig, b"enroll-station/envelope-header/v1\x00" + header_bytes)

    info = _canon({"format": "enroll-station/packet", "format_version": 1,
                   "packet_id": header["packet_id"], "station_id": header["station_id"]})
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    private = centre.seal_keys[header["centre_key_id"]].private
    archive = suite.decrypt(payload, private, info=info)

    zf = zipfile.ZipFile(io.BytesIO(archive))
    assert [i.filename for i in zf.infolist()] == [
        "manifest.json", "signatures.json", "demographics.json", "biometrics.an2"]
    assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist())
    files = {i.filename: zf.read(i) for i in zf.infolist()}
    manifest = json.loads(files["manifest.json"])
    assert _canon(manifest) == files["manifest.json"]
    assert manifest["packet_id"] == header["packet_id"]
    for name in ("demographics.json", "biometrics.an2"):
        assert manifest["files"][name] == {"sha256": hashlib.sha256(files[name]).hexdigest(),
                                           "size": len(files[name])}
    sigs = json.loads(files["signatures.json"])
    assert sigs["format"] == "enroll-station/packet-signatures"
    signer_of = {"officer": manifest["officer_id"], "station": manifest["station_id"],
                 "supervisor": manifest["approval"]["supervisor_id"]}
    for e in sigs["signatures"]:
        raw = base64.b64decode(e["public_key"])
        assert _kid(raw) == e["key_id"] and e["signer_id"] == signer_of[e["role"]]
        if e["scope"] == "capture":
            body = _canon({k: v for k, v in manifest.items() if k != "approval"})
        else:
            body = files["manifest.json"]
        msg = (b"enroll-station/manifest-signature/v1\x00" + e["role"].encode() + b"\x00"
               + e["scope"].encode() + b"\x00" + body)
        Ed25519PublicKey.from_public_bytes(raw).verify(base64.b64decode(e["signature"]), msg)
    assert {e["role"]: e["scope"] for e in sigs["signatures"]} == {
        "officer": "capture", "supervisor": "manifest", "station": "manifest"}

    an2 = files["biometrics.an2"]
    assert an2.startswith(b"1.001:") and b"1.002:0500\x1d" in an2
    assert f"1.009:{header['packet_id']}\x1d".encode() in an2


def test_independent_receipt_check(built, centre):
    from synth import T0

    from app.packets.receipt import issue_receipt
    wire = issue_receipt(built.envelope, built.packet_id, centre.receipt_key, T0)
    body = _canon(wire["receipt"])
    raw = centre.receipt_verify_key.raw
    Ed25519PublicKey.from_public_bytes(raw).verify(
        base64.b64decode(wire["signature"]), b"enroll-station/receipt/v1\x00" + body)
    assert wire["receipt"]["envelope_sha256"] == hashlib.sha256(built.envelope).hexdigest()
    assert wire["receipt"]["centre_key_id"] == _kid(raw)
