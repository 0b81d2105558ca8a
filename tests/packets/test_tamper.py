"""Every kind of damage or forgery is refused with an error that says exactly what is wrong."""

from __future__ import annotations

import struct

import pytest
import rfc8785
from synth import T0, make_inputs

from app.packets.archive import BIOMETRICS, DEMOGRAPHICS, MANIFEST, SIGNATURES, write_archive
from app.packets.build import inner_archive, seal_archive
from app.packets.envelope import split_envelope
from app.packets.errors import (
    BadSignature,
    DecryptionFailed,
    HashMismatch,
    KeyMismatch,
    MalformedEnvelope,
    MalformedPacket,
    PacketError,
)
from app.packets.keys import CentreKeys, SigningKey, TrustedKeys
from app.packets.manifest import build_contents, sign
from app.packets.verify import check_packet, open_packet, verify_envelope

WHEN = T0.replace(hour=10)


def _status(results, name):
    return next(c for c in results if c.name == name)


def _flip(data: bytes, index: int) -> bytes:
    b = bytearray(data)
    b[index] ^= 0x01
    return bytes(b)


@pytest.fixture(scope="module")
def parts(signers):
    """Contents and valid signature entries, to forge archives from (as an insider would)."""
    contents = build_contents(make_inputs())
    sigs = [sign(contents, "officer", "officer.lan", signers.officer),
            sign(contents, "supervisor", "sup.minh", signers.supervisor),
            sign(contents, "station", "ST001", signers.station)]
    return contents, sigs


def _reseal(files_or_archive, signers, centre) -> bytes:
    archive = files_or_archive if isinstance(files_or_archive, bytes) else write_archive(
        files_or_archive)
    return seal_archive(archive, "ST001-000042", "ST001", signers.station, centre.current_public,
                        WHEN)


def _files(contents, sigs):
    return {MANIFEST: contents.manifest_bytes(),
            SIGNATURES: rfc8785.dumps({"format": "enroll-station/packet-signatures",
                                       "signatures": sigs}),
            DEMOGRAPHICS: contents.demographics, BIOMETRICS: contents.biometrics}


def test_flipped_payload_byte_fails_the_envelope_hash(built, centre, trusted):
    bad = _flip(built.envelope, len(built.envelope) - 100)
    with pytest.raises(HashMismatch) as err:
        verify_envelope(bad, trusted)
    assert err.value.field == "payload"
    results = check_packet(bad, centre, trusted)
    assert _status(results, "envelope.payload").status == "fail"
    assert _status(results, "decrypt").status == "skipped"


@pytest.mark.parametrize("cut", [5, 20, 200, 1])
def test_truncation_and_garbage_are_malformed(built, trusted, cut):
    with pytest.raises(MalformedEnvelope) as err:
        verify_envelope(built.envelope[:-cut] if cut > 1 else built.envelope + b"x", trusted)
    assert err.value.code == "envelope_malformed"
    with pytest.raises(MalformedEnvelope, match="magic"):
        verify_envelope(b"PK\x03\x04" + bytes(100), trusted)
    with pytest.raises(MalformedEnvelope, match="truncated"):
        verify_envelope(built.envelope[:60], trusted)


def test_payload_truncated_message_names_the_byte_counts(built, trusted):
    with pytest.raises(MalformedEnvelope, match=r"payload truncated: \d+ of \d+ bytes"):
        verify_envelope(built.envelope[:-7], trusted)


def test_altered_header_fails_the_station_signature(built, trusted):
    env = built.envelope
    (hlen,) = struct.unpack(">I", env[8:12])
    head = env[12:12 + hlen].replace(b'"created_at":"2026-11-22T10', b'"created_at":"2026-11-22T11')
    assert head != env[12:12 + hlen]
    with pytest.raises(BadSignature) as err:
        verify_envelope(env[:12] + head + env[12 + hlen:], trusted)
    assert err.value.code == "signature_station"


def test_unknown_station_key_is_refused_before_decrypting(built):
    stranger = TrustedKeys().add("station", "ST001", SigningKey.generate().verify_key)
    with pytest.raises(BadSignature, match="not trusted"):
        verify_envelope(built.envelope, stranger)


def test_wrong_centre_key_names_both_key_ids(built, centre, trusted):
    other = CentreKeys.generate()
    with pytest.raises(KeyMismatch) as err:
        open_packet(built.envelope, other, trusted)
    assert built.centre_key_id in err.value.en and other.current_kid in err.value.en
    assert err.value.code == "centre_key_unknown"


def test_right_key_id_wrong_private_key_fails_decryption(built, centre, trusted):
    impostor = {built.centre_key_id: CentreKeys.generate().seal_keys.popitem()[1]}
    with pytest.raises(DecryptionFailed):
        open_packet(built.envelope, impostor, trusted)


def test_rotated_centre_key_still_opens_older_packets(built, inputs, signers, trusted):
    keys = CentreKeys.generate()
    from app.packets.build import build_packet
    old = build_packet(inputs, signers, keys.current_public, WHEN)
    keys.rotate()
    assert keys.current_kid != old.centre_key_id
    assert open_packet(old.envelope, keys, trusted).header.centre_key_id == old.centre_key_id


def test_altered_manifest_fails_signatures(parts, signers, centre, trusted):
    contents, sigs = parts
    files = _files(contents, sigs)
    m = dict(contents.manifest)
    m["officer_id"] = "officer.lan"  # unchanged id, changed capture metadata:
    m["times"] = dict(m["times"], clock_suspect=True)
    files[MANIFEST] = rfc8785.dumps(m)
    results = check_packet(_reseal(files, signers, centre), centre, trusted)
    for role in ("officer", "supervisor", "station"):
        r = _status(results, f"signature:{role}")
        assert r.status == "fail" and r.code == f"signature_{role}"
        assert "does not verify" in r.en
    assert _status(results, "file:demographics.json").status == "ok"


def test_swapped_demographics_fail_their_hash(parts, signers, centre, trusted):
    contents, sigs = parts
    files = _files(contents, sigs)
    files[DEMOGRAPHICS] = rfc8785.dumps({"full_name": "Trần Văn B"})
    env = _reseal(files, signers, centre)
    with pytest.raises(HashMismatch) as err:
        open_packet(env, centre, trusted)
    assert err.value.field == "demographics.json"
    results = check_packet(env, centre, trusted)
    assert _status(results, "file:demographics.json").status == "fail"
    assert _status(results, "file:biometrics.an2").status == "ok"
    assert _status(results, "signature:officer").status == "ok"  # manifest itself is intact


def test_swapped_biometrics_fail_their_hash(parts, signers, centre, trusted):
    contents, sigs = parts
    files = _files(contents, sigs)
    files[BIOMETRICS] = build_contents(make_inputs(sizes=(110, 150))).biometrics
    with pytest.raises(HashMismatch, match="biometrics.an2"):
        open_packet(_reseal(files, signers, centre), centre, trusted)


def test_missing_supervisor_signature(parts, signers, centre, trusted):
    contents, sigs = parts
    env = _reseal(inner_archive(contents, [s for s in sigs if s["role"] != "supervisor"]),
                  signers, centre)
    with pytest.raises(BadSignature) as err:
        open_packet(env, centre, trusted)
    assert err.value.code == "signature_supervisor" and "missing" in err.value.en
    results = check_packet(env, centre, trusted)
    assert [c.name for c in results if c.status == "fail"] == ["signature:supervisor"]


def test_officer_signature_cannot_stand_in_for_supervisor(parts, signers, centre, trusted):
    contents, sigs = parts
    forged = dict(sigs[0], role="supervisor", signer_id="sup.minh", scope="manifest")
    env = _reseal(inner_archive(contents, [sigs[0], forged, sigs[2]]), signers, centre)
    results = check_packet(env, centre, trusted)
    assert _status(results, "signature:supervisor").status == "fail"
    assert _status(results, "signature:officer").status == "ok"


def test_signature_by_an_untrusted_supervisor_key(parts, signers, centre, trusted):
    contents, sigs = parts
    rogue = sign(contents, "supervisor", "sup.minh", SigningKey.generate())
    env = _reseal(inner_archive(contents, [sigs[0], rogue, sigs[2]]), signers, centre)
    with pytest.raises(BadSignature, match="not trusted"):
        open_packet(env, centre, trusted)
    # Without a trust list the signature is consistent, which is all verify-packet can say.
    results = check_packet(env, centre)
    assert _status(results, "signature:supervisor").status == "ok"
    assert _status(results, "trust").status == "warn"


def test_non_canonical_or_foreign_archives_are_malformed(parts, signers, centre, trusted):
    contents, sigs = parts
    files = _files(contents, sigs)
    files[MANIFEST] = contents.manifest_bytes().replace(b"{", b"{ ", 1)
    with pytest.raises(MalformedPacket, match="canonical"):
        open_packet(_reseal(files, signers, centre), centre, trusted)
    with pytest.raises(MalformedPacket, match="not a ZIP"):
        open_packet(_reseal(b"hello", signers, centre), centre, trusted)


def test_every_failure_has_vi_and_en_text(built, centre):
    for data in (b"", built.envelope[:-1], _flip(built.envelope, 40)):
        for c in check_packet(data, centre):
            if c.status == "fail":
                assert c.vi and c.en and c.code
    with pytest.raises(PacketError) as err:
        open_packet(b"junk", centre, None)
    assert err.value.message("vi") != err.value.message("en")


def test_random_damage_inside_the_archive_never_crashes_the_checker(parts, signers, centre,
                                                                   trusted):
    import io
    import random
    import zipfile
    contents, sigs = parts
    archive = inner_archive(contents, sigs)
    spans = []  # where member contents live (ZIP dates and local CRC copies are not checked)
    for info in zipfile.ZipFile(io.BytesIO(archive)).infolist():
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
        spans.append((start, start + info.compress_size))
    rng = random.Random(7)
    for _ in range(60):
        lo, hi = spans[rng.randrange(len(spans))] if rng.random() < 0.7 else (0, len(archive))
        i = rng.randrange(lo, min(hi, lo + 3000))
        damaged = bytearray(archive)
        damaged[i] ^= 1 << rng.randrange(8)
        results = check_packet(_reseal(bytes(damaged), signers, centre), centre, trusted)
        assert all(c.status in ("ok", "fail", "skipped") for c in results)
        if any(a <= i < b for a, b in spans):
            assert any(c.status == "fail" for c in results), i


def test_mangled_manifest_values_are_reported_not_raised(parts, signers, centre, trusted):
    from app.packets.verify import _Runner
    contents, sigs = parts
    m = dict(contents.manifest)
    m["captures"] = {"face": "x", "fingers": [{"position": "one", "present": True}]}
    files = _files(contents, sigs)
    files[MANIFEST] = rfc8785.dumps(m)
    results = check_packet(_reseal(files, signers, centre), centre, trusted)
    assert _status(results, "biometrics").status == "fail"
    assert "unexpected content" in _status(results, "biometrics").en
    with pytest.raises(MalformedPacket, match="unexpected content"):
        _Runner(strict=True).run("biometrics", lambda: 1 / 0)


def test_header_lying_about_payload_size_is_refused(built, signers, trusted):
    import dataclasses

    from app.packets.envelope import write_envelope
    raw = split_envelope(built.envelope)
    lying = dataclasses.replace(raw.header, payload_size=raw.header.payload_size + 1)
    with pytest.raises(MalformedEnvelope, match="header says"):
        verify_envelope(write_envelope(lying, signers.station, raw.payload), trusted)
