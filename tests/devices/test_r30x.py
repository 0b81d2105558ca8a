"""The R30x driver against the pty emulator that speaks the real UART protocol."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from devices import errors
from devices.fingerprint import r30x_protocol as p
from devices.fingerprint.r30x import R30xScanner
from devices.fingerprint.r30x_emulator import R30xEmulator, start_pty_emulator
from devices.fingerprint.synthetic import generate_print
from devices.prompts import RecordingPrompts


@pytest.fixture(scope="module")
def images():
    """Two prints made once: image generation stays out of the timed protocol calls."""
    prints = [generate_print(s, position=2, width=256, height=288) for s in (11, 12)]
    return lambda i: prints[i % 2]


@pytest.fixture
def emulator(images, request):
    faults = getattr(request, "param", {})
    path, stop, emu = start_pty_emulator(images=images, **faults)
    yield path, emu
    stop()


@pytest.fixture
def scanner(emulator):
    s = R30xScanner(emulator[0], call_timeout=0.5, poll_interval=0.01)
    yield s
    s.close()


def test_packet_bytes_match_the_datasheet_examples():
    assert p.command(p.GEN_IMG).hex(" ") == "ef 01 ff ff ff ff 01 00 03 01 00 05"
    assert p.command(p.VFY_PWD, b"\0\0\0\0").hex(" ") == (
        "ef 01 ff ff ff ff 01 00 07 13 00 00 00 00 00 1b")
    assert p.ack(p.OK).hex(" ") == "ef 01 ff ff ff ff 07 00 03 00 00 0a"
    assert p.ack(p.ERR_NO_FINGER).hex(" ") == "ef 01 ff ff ff ff 07 00 03 02 00 0c"


def test_parser_resynchronises_after_garbage_and_flags_bad_checksum():
    good = p.ack(p.OK)
    bad = bytearray(p.ack(p.ERR_NO_FINGER))
    bad[-1] ^= 1
    buf = bytearray(b"\x00\xef\x01\xff\x07\xef" + good + bytes(bad))
    stats = p.ParseStats()
    first = p.parse(buf, stats)
    assert first == p.Packet(p.DEFAULT_ADDRESS, p.PID_ACK, b"\x00", True)
    assert stats.skipped == 6
    second = p.parse(buf, stats)
    assert second is not None and not second.valid and stats.bad_checksums == 1
    assert p.parse(buf, stats) is None and not buf
    partial = bytearray(good[:7])
    assert p.parse(partial) is None and bytes(partial) == good[:7]  # waits for the rest


def test_image_packing_round_trip_is_4_bit_quantisation():
    img = np.random.default_rng(0).integers(0, 256, (288, 256), dtype=np.uint8)
    packed = p.pack_image(img)
    assert len(packed) == p.IMAGE_BYTES == 36864
    assert packed[0] >> 4 == img[0, 0] >> 4 and packed[0] & 15 == img[0, 1] >> 4
    np.testing.assert_array_equal(p.unpack_image(packed), p.quantise(img))


def test_handshake_reads_system_parameters(scanner, emulator):
    scanner.open()
    assert scanner.params.packet_size == 128 and scanner.params.baudrate == 57600
    assert scanner.info().image_width == 256 and scanner.info().positions == tuple(range(1, 11))
    assert emulator[1].verified and emulator[1].commands == 2  # VfyPwd + ReadSysPara
    assert scanner.self_test().ok


def test_capture_round_trip_equals_what_the_emulator_sent(scanner, emulator):
    emu = emulator[1]
    scanner.open()
    prompts = RecordingPrompts()
    cap = scanner.capture(3, prompts=prompts)
    assert cap.image.shape == (288, 256) and cap.ppi == 500 and cap.position == 3
    assert len(emu.sent_images) == 1
    np.testing.assert_array_equal(cap.image, p.quantise(emu.sent_images[0]))
    assert prompts.names() == ["place_finger", "lift_finger"]
    second = scanner.capture(4)
    np.testing.assert_array_equal(second.image, p.quantise(emu.sent_images[1]))
    assert not np.array_equal(cap.image, second.image)


@pytest.mark.parametrize("emulator", [{"bad_checksum_replies": 1}], indirect=True)
def test_bad_checksum_is_detected(emulator):
    strict = R30xScanner(emulator[0], call_timeout=0.5, retries=0)
    with pytest.raises(errors.ProtocolError) as info:
        strict.open()
    assert "checksum" in info.value.detail
    assert strict.stats.bad_checksums == 1


@pytest.mark.parametrize("emulator", [{"bad_checksum_replies": 1, "garbage_replies": 3}],
                         indirect=True)
def test_corrupt_and_noisy_replies_are_survived_by_retry_and_resync(scanner, emulator):
    scanner.open()
    emulator[1].faults.bad_checksum_replies = 1  # corrupt GenImg's answer too
    cap = scanner.capture(1)
    np.testing.assert_array_equal(cap.image, p.quantise(emulator[1].sent_images[-1]))
    assert scanner.stats.bad_checksums == 2
    assert scanner.stats.skipped >= 3 * 13  # the garbage before each of 3 replies was dropped


@pytest.mark.parametrize("emulator", [{"bad_data_packets": 1}], indirect=True)
def test_corrupt_image_packet_is_detected_and_the_upload_repeated(emulator):
    strict = R30xScanner(emulator[0], call_timeout=0.5, retries=0)
    strict.open()
    with pytest.raises(errors.ProtocolError):
        strict.capture(2)
    strict.close()
    emulator[1].faults.bad_data_packets = 1
    tolerant = R30xScanner(emulator[0], call_timeout=0.5)
    tolerant.open()
    cap = tolerant.capture(2)
    np.testing.assert_array_equal(cap.image, p.quantise(emulator[1].sent_images[-1]))
    assert tolerant.stats.bad_checksums == 1
    tolerant.close()


@pytest.mark.parametrize("emulator", [{"no_finger_polls": 4}], indirect=True)
def test_polls_until_the_finger_arrives(scanner, emulator):
    scanner.open()
    prompts = RecordingPrompts()
    cap = scanner.capture(6, prompts=prompts)
    assert cap.meta["empty_polls"] == 4
    assert prompts.calls[:2] == [("place_finger", 6), ("info", "waiting for finger")]


@pytest.mark.parametrize("emulator", [{"never_finger": True}], indirect=True)
def test_no_finger_times_out_with_prompts(scanner, emulator):
    scanner.open()
    prompts = RecordingPrompts()
    with pytest.raises(errors.NoFinger):
        scanner.capture(2, prompts=prompts, timeout=0.3)
    assert prompts.names() == ["place_finger", "info"]  # never told to lift
    assert emulator[1].empty_polls >= 2


@pytest.mark.parametrize("emulator", [{"unplug_after": 3}], indirect=True)
def test_unplugged_device_raises_unplugged(scanner, emulator):
    scanner.open()
    with pytest.raises(errors.Unplugged):
        scanner.capture(2)
    with pytest.raises(errors.NotConnected):  # closed after the unplug: a new open is needed
        scanner.capture(2)


@pytest.mark.parametrize("emulator", [{"hang_after": 2}], indirect=True)
def test_hung_device_raises_timeout(emulator):
    s = R30xScanner(emulator[0], call_timeout=0.2)
    s.open()
    with pytest.raises(errors.Timeout):
        s.read_sys_params()
    s.close()


@pytest.mark.parametrize("emulator", [{"hang_after": 0}], indirect=True)
def test_silent_port_is_not_connected(emulator):
    with pytest.raises(errors.NotConnected):
        R30xScanner(emulator[0], call_timeout=0.2).open()


@pytest.mark.parametrize("emulator", [{"password": 0x1234}], indirect=True)
def test_wrong_password_is_access_denied_and_right_one_works(emulator):
    with pytest.raises(errors.AccessDenied):
        R30xScanner(emulator[0], call_timeout=0.5).open()
    ok = R30xScanner(emulator[0], call_timeout=0.5, password=0x1234)
    ok.open()
    ok.close()


def test_missing_port_is_not_connected():
    with pytest.raises(errors.NotConnected):
        R30xScanner("/dev/does-not-exist-r30x").open()


def test_slaps_are_refused_by_a_single_finger_sensor(scanner):
    scanner.open()
    with pytest.raises(ValueError):
        scanner.capture(13)


def test_emulator_answers_corrupt_commands_with_packet_error():
    emu = R30xEmulator(images=lambda i: np.zeros((288, 256), np.uint8))
    bad = p.Packet(p.DEFAULT_ADDRESS, p.PID_COMMAND, b"\x01", valid=False)
    assert p.parse(bytearray(emu.handle(bad))).code == p.ERR_PACKET
    other = p.Packet(0x1234, p.PID_COMMAND, b"\x01")
    assert emu.handle(other) == b""  # addressed to another device: silence
    reply = emu.handle(p.Packet(p.DEFAULT_ADDRESS, p.PID_COMMAND,
                                bytes([p.VFY_PWD]) + struct.pack(">I", 0)))
    assert p.parse(bytearray(reply)).code == p.OK


def test_serve_forever_prints_the_port_and_serves_until_stopped():
    import threading

    from devices.fingerprint.r30x_emulator import serve_forever

    printed: list[str] = []
    stop = threading.Event()
    ready = threading.Event()

    def say(line: str) -> None:
        printed.append(line)
        ready.set()

    t = threading.Thread(target=serve_forever, kwargs={"print_fn": say, "stop": stop})
    t.start()
    try:
        assert ready.wait(5)
        assert printed[0].startswith("/dev/")
        s = R30xScanner(printed[0], call_timeout=0.5)
        s.open()
        assert s.capture(1, timeout=5).image.shape == (288, 256)
        s.close()
    finally:
        stop.set()
        t.join(5)
    assert not t.is_alive()


@pytest.mark.slow
def test_paced_emulator_still_round_trips(images):
    path, stop, emu = start_pty_emulator(images=images, pace_baud=115200)
    try:
        s = R30xScanner(path, baudrate=115200)
        s.open()
        cap = s.capture(2)
        np.testing.assert_array_equal(cap.image, p.quantise(emu.sent_images[0]))
        s.close()
    finally:
        stop()
