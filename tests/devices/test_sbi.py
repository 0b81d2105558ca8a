"""MOSIP SBI 0.9.5 client against the loopback SBI emulator; JWS, ISO 19794-4, hash chain."""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np
import pytest

from devices import errors
from devices.fingerprint import iso19794_4, jws
from devices.fingerprint import sbi_spec as spec
from devices.fingerprint.sbi import SbiScanner, discover
from devices.fingerprint.sbi_emulator import start_sbi_emulator
from devices.fingerprint.synthetic import generate_print


@pytest.fixture(scope="module")
def service():
    port, stop, emu = start_sbi_emulator(seed=4)
    yield port, emu
    stop()


@pytest.fixture
def scanner(service):
    port, emu = service
    emu.faults.__init__()  # every test starts from a well-behaved device
    s = SbiScanner(port, trusted={emu.cert_fingerprint})
    s.open()
    yield s
    s.close()


def test_chain_hash_follows_the_spec():
    record = b"iso-record"
    first = spec.chain_hash("", record)
    manual = hashlib.sha256(hashlib.sha256(b"").digest()
                            + hashlib.sha256(record).digest()).hexdigest().upper()
    assert first == manual and first.isupper()
    second = spec.chain_hash(first, b"next")
    assert second == hashlib.sha256(bytes.fromhex(first)
                                    + hashlib.sha256(b"next").digest()).hexdigest().upper()


def test_sub_ids_for_slaps_and_single_fingers():
    assert [spec.sub_id_for(p) for p in (14, 13, 15)] == [1, 2, 3]
    assert spec.sub_id_for(2) == 2 and spec.sub_id_for(9) == 1 and spec.sub_id_for(6) == 3


def test_iso_19794_4_round_trip_raw_and_wsq():
    img = generate_print(1, width=256, height=288)
    raw = iso19794_4.encode([iso19794_4.FingerImage(3, img, quality=55)],
                            compression=iso19794_4.COMPRESSION_RAW)
    back = iso19794_4.decode(raw)
    assert raw[:8] == b"FIR\x00020\x00" and len(back) == 1
    assert back[0].position == 3 and back[0].quality == 55
    np.testing.assert_array_equal(back[0].image, img)
    two = iso19794_4.encode([iso19794_4.FingerImage(2, img), iso19794_4.FingerImage(3, img)])
    decoded = iso19794_4.decode(two)
    assert [f.position for f in decoded] == [2, 3] and decoded[1].image.shape == img.shape
    assert len(two) < len(raw)  # WSQ-compressed
    with pytest.raises(ValueError):
        iso19794_4.decode(two[:-10])
    with pytest.raises(ValueError):
        iso19794_4.decode(b"FIR\x00010\x00" + two[8:])


def test_jws_rejects_tampering_strangers_and_expired_certificates():
    key, cert = jws.self_signed("test device", days=1)
    token = jws.sign({"a": 1}, key, cert)
    payload, signer = jws.verify(token, {jws.fingerprint(cert)})
    assert payload == {"a": 1} and jws.fingerprint(signer) == jws.fingerprint(cert)
    head, body, sig = token.split(".")
    forged = jws.b64url(b'{"a":2}')
    with pytest.raises(jws.JwsError, match="signature"):
        jws.verify(f"{head}.{forged}.{sig}")
    with pytest.raises(jws.JwsError, match="registered"):
        jws.verify(token, {"00" * 32})
    with pytest.raises(jws.JwsError, match="expired"):
        jws.verify(token, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=3))
    with pytest.raises(jws.JwsError, match="malformed"):
        jws.verify("not-a-jws")


def test_discovery_finds_the_service(service):
    port, _ = service
    found = discover(ports=range(port, port + 2))
    assert found and found[0]["port"] == port and found[0]["deviceStatus"] == "Ready"
    assert 3 in found[0]["deviceSubId"]


def test_open_verifies_device_info(scanner, service):
    info = scanner.info()
    assert info.kind == "sbi" and info.serial == service[1].serial
    assert set(info.positions) >= {13, 14, 15, 1, 10}


def test_untrusted_device_is_refused(service):
    with pytest.raises(errors.ProtocolError):
        SbiScanner(service[0], trusted={"ab" * 32}).open()


@pytest.mark.parametrize("status,exc", [("Busy", errors.DeviceBusy),
                                        ("Not Ready", errors.NotConnected)])
def test_device_status_is_checked_on_open(service, status, exc):
    service[1].faults.status = status
    try:
        with pytest.raises(exc):
            SbiScanner(service[0]).open()
    finally:
        service[1].faults.status = "Ready"


def test_single_captures_chain_their_hashes(scanner):
    first = scanner.capture(2)
    assert first.image.shape == (500, 400) and first.position == 2
    assert set(first.meta["fingers"]) == {2} and first.meta["device_scores"][2] > 0
    second = scanner.capture(7)
    assert scanner.previous_hash == second.meta["hash"] != first.meta["hash"]
    scanner.reset_chain()
    assert scanner.previous_hash == ""


def test_thumb_slap_returns_both_fingers_and_a_composite(scanner):
    cap = scanner.capture(15)
    assert set(cap.meta["fingers"]) == {1, 6}
    widths = sum(img.shape[1] for img in cap.meta["fingers"].values())
    assert cap.image.shape[1] > widths  # side by side with gaps


def test_declared_missing_fingers_are_not_requested(scanner):
    cap = scanner.capture(15, missing=(1,))
    assert set(cap.meta["fingers"]) == {6}


@pytest.mark.parametrize("fault,detail", [("tamper_signature", "signature"),
                                          ("wrong_hash", "hash chain")])
def test_forged_answers_are_protocol_errors(scanner, service, fault, detail):
    setattr(service[1].faults, fault, True)
    with pytest.raises(errors.ProtocolError) as info:
        scanner.capture(3)
    assert detail in info.value.detail
    assert scanner.previous_hash == ""  # a rejected answer does not move the chain


def test_no_finger_maps_to_no_finger(scanner, service):
    service[1].faults.no_finger = 1
    with pytest.raises(errors.NoFinger):
        scanner.capture(4)
    assert scanner.capture(4).position == 4


def test_service_gone_is_unplugged():
    port, stop, emu = start_sbi_emulator(seed=5)
    s = SbiScanner(port)
    s.open()
    stop()
    with pytest.raises(errors.Unplugged):
        s.capture(2)
    s.close()
    with pytest.raises(errors.NotConnected):
        SbiScanner(port).open()


def test_self_test_opens_and_reports(service):
    report = SbiScanner(service[0], trusted={service[1].cert_fingerprint}).self_test()
    assert report.ok and report.device_id.endswith(str(service[0]))
    assert not SbiScanner(service[0], trusted={"00" * 32}).self_test().ok
