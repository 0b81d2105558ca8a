"""Key holders, the centre key directory, and signed receipts."""

from __future__ import annotations

import json
import os
import stat

import pytest
from synth import T0

from app.packets.errors import KeyMismatch, PacketInputError, ReceiptError
from app.packets.keydir import read_key_dir, write_key_dir
from app.packets.keys import (
    CentreKeys,
    CentrePublicKey,
    SigningKey,
    TrustedKeys,
    VerifyKey,
    key_id,
)
from app.packets.receipt import issue_receipt, verify_receipt
from app.packets.verify import open_packet


def test_public_keys_round_trip_and_key_id_is_sha256_prefix():
    k = SigningKey.generate()
    assert VerifyKey.from_b64(k.verify_key.to_b64()).raw == k.verify_key.raw
    assert SigningKey.from_raw(k.raw_private()).key_id == k.key_id
    import hashlib
    assert k.key_id == hashlib.sha256(k.verify_key.raw).hexdigest()[:16] == key_id(
        k.verify_key.raw)
    c = CentreKeys.generate().current_public
    assert CentrePublicKey.from_b64(c.to_b64()).key_id == c.key_id
    with pytest.raises(PacketInputError):
        VerifyKey.from_b64("AAAA")
    with pytest.raises(PacketInputError):
        CentrePublicKey.from_b64("not base64!")


def test_key_dir_round_trip_with_rotation(tmp_path, built, trusted):
    keys = CentreKeys.generate()
    keys.rotate()
    d = write_key_dir(tmp_path, keys)
    assert d == tmp_path / "keys"
    assert stat.S_IMODE(os.stat(d / "receipt-signing.key").st_mode) == 0o600
    names = sorted(p.name for p in d.iterdir())
    assert names == sorted(["centre-public.json", "receipt-signing.key",
                            *(f"hpke-{kid}.key" for kid in keys.seal_keys)])
    for root in (tmp_path, d):  # the server data dir or the keys dir itself
        back = read_key_dir(root)
        assert back.current_kid == keys.current_kid
        assert set(back.seal_keys) == set(keys.seal_keys)
        assert back.receipt_key.key_id == keys.receipt_key.key_id
    pub = json.loads((d / "centre-public.json").read_text())
    assert pub["hpke_current"] == keys.current_kid and len(pub["hpke"]) == 2


def test_key_dir_opens_packets(tmp_path, built, centre, trusted):
    write_key_dir(tmp_path, centre)
    assert open_packet(built.envelope, read_key_dir(tmp_path), trusted).header.packet_id


def test_key_dir_inconsistencies_are_reported(tmp_path):
    keys = CentreKeys.generate()
    d = write_key_dir(tmp_path, keys)
    f = d / f"hpke-{keys.current_kid}.key"
    f.rename(d / "hpke-0000000000000000.key")
    with pytest.raises(KeyMismatch, match="holds key"):
        read_key_dir(tmp_path)
    (d / "hpke-0000000000000000.key").unlink()
    with pytest.raises(KeyMismatch, match="no private key file"):
        read_key_dir(tmp_path)
    with pytest.raises(KeyMismatch, match="missing"):
        read_key_dir(tmp_path / "nowhere")


def test_receipt_sign_verify_and_replay(built, centre):
    wire = issue_receipt(built.envelope, built.packet_id, centre.receipt_key, T0)
    r = verify_receipt(wire, centre.receipt_verify_key, built.packet_id, built.envelope_sha256)
    assert (r.status, r.received_at, r.centre_key_id) == ("received", "2026-11-22T08:30:00Z",
                                                          centre.receipt_key.key_id)
    # Ed25519 is deterministic: same envelope, same first-receipt time -> identical receipt.
    assert issue_receipt(built.envelope, built.packet_id, centre.receipt_key, T0) == wire
    json.dumps(wire)


def test_receipt_tampering_and_mismatches(built, centre):
    wire = issue_receipt(built.envelope, built.packet_id, centre.receipt_key, T0)
    vk, pid, h = centre.receipt_verify_key, built.packet_id, built.envelope_sha256
    altered = {"receipt": dict(wire["receipt"], status="accepted"), "signature": wire["signature"]}
    with pytest.raises(ReceiptError) as err:
        verify_receipt(altered, vk, pid, h)
    assert err.value.code == "receipt_signature"
    with pytest.raises(ReceiptError) as err:
        verify_receipt(wire, vk, "ST001-000043", h)
    assert err.value.code == "receipt_packet"
    with pytest.raises(ReceiptError) as err:
        verify_receipt(wire, vk, pid, "0" * 64)
    assert err.value.code == "receipt_hash"
    with pytest.raises(ReceiptError) as err:
        verify_receipt(wire, SigningKey.generate().verify_key, pid, h)
    assert err.value.code == "receipt_key"
    with pytest.raises(ReceiptError):
        verify_receipt({"receipt": wire["receipt"]}, vk, pid, h)
    forged = issue_receipt(built.envelope, pid, SigningKey.generate(), T0)
    forged["receipt"]["centre_key_id"] = vk.key_id
    with pytest.raises(ReceiptError, match="does not verify"):
        verify_receipt(forged, vk, pid, h)


def test_station_reads_the_centre_public_document():
    from app.packets.keys import CentrePublic
    keys = CentreKeys.generate()
    keys.rotate()
    pub = CentrePublic.from_document(json.loads(json.dumps(keys.public_document())))
    assert pub.current.key_id == keys.current_kid and len(pub.hpke) == 2
    assert pub.receipt.raw == keys.receipt_verify_key.raw
    doc = keys.public_document()
    doc["hpke"][0]["kid"] = "0" * 16
    with pytest.raises(KeyMismatch):
        CentrePublic.from_document(doc)
    with pytest.raises(KeyMismatch):
        CentrePublic.from_document({"format": "x"})


def test_trusted_signers_file_lets_verify_packet_check_trust(tmp_path, built, centre, trusted):
    from app.packets.keydir import read_trusted, write_trusted
    from app.packets.verify import check_packet
    write_key_dir(tmp_path, centre)
    assert read_trusted(tmp_path) is None
    write_trusted(tmp_path, trusted)
    back = read_trusted(tmp_path)
    results = check_packet(built.envelope, read_key_dir(tmp_path), back)
    assert all(c.status == "ok" for c in results)
    other = TrustedKeys().add("station", "ST001", SigningKey.generate().verify_key)
    write_trusted(tmp_path, other)
    failed = [c.name for c in check_packet(built.envelope, centre, read_trusted(tmp_path))
              if c.status == "fail"]
    assert failed == ["envelope.signature", "signature:officer", "signature:supervisor",
                      "signature:station"]
    (tmp_path / "keys" / "trusted-signers.json").write_text("{}")
    with pytest.raises(KeyMismatch, match="trusted-signers.json"):
        read_trusted(tmp_path)
