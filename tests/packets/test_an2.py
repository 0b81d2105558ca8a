"""ANSI/NIST-ITL 1-2011 round trip and mandatory-field enforcement."""

from __future__ import annotations

import nistitl
import pytest
from synth import portrait_jpeg, wsq_bytes

from app.packets import an2
from app.packets.errors import AN2Error, PacketInputError


def _txn(**over) -> an2.Transaction:
    jpg = portrait_jpeg(120, 160)
    w, h, c = an2.jpeg_info(jpg)
    fingers = (an2.FingerRecord(1, wsq_bytes(100, 120, 1), 100, 120, 500, 61, "20261122"),
               an2.FingerRecord(13, wsq_bytes(200, 120, 2), 200, 120, 500, None, "20261122"),
               an2.FingerRecord(15, wsq_bytes(160, 120, 3), 160, 120, 500, 48, "20261122"))
    base = dict(tcn="ST001-7", tot="ENROLL", date="20261122", gmt="20261122084100Z",
                dai="VN-C06", ori="ST001", face=an2.FaceRecord(jpg, w, h, c == 3, "20261122"),
                fingers=fingers, amputations={3: "XX", 6: "UP", 7: "UP"})
    base.update(over)
    return an2.Transaction(**base)


def test_round_trip_keeps_fields_and_image_bytes():
    t = _txn()
    data = an2.build_an2(t)
    back = an2.parse_an2(data)
    assert back == t
    assert back.face.jpeg == t.face.jpeg and back.fingers[1].wsq == t.fingers[1].wsq
    assert (back.face.width, back.face.height) == (120, 160)


def test_written_fields_follow_the_2011_profile():
    msg = nistitl.Message()
    msg.parse(an2.build_an2(_txn()))
    r1 = msg[0]
    assert (r1.VER, r1.TCN, r1.ORI, r1.DAI) == ("0500", "ST001-7", "ST001", "VN-C06")
    face = next(msg.iter(10))
    assert (face.IMT, face.CGA, face.POS, face.SAP, face.CSP) == ("FACE", "JPEGB", "F", "14",
                                                                  "YCC")
    recs = {int(r.FGP): r for r in msg.iter(14)}
    assert recs[1].IMP == "1" and recs[13].IMP == "0" and recs[1].CGA == "WSQ20"
    assert recs[1].FQM == [["1", "61", "000F", "0301"]]
    assert recs[13].FQM[0][1] == "254"  # quality not computed
    # AMP lives in the slap covering the finger when present (3 -> 13, 6 -> 15),
    # otherwise in the first Type-14 record (7: no left slap).
    assert recs[13].AMP == [["3", "XX"]]
    assert recs[15].AMP == [["6", "UP"]]
    assert recs[1].AMP == [["7", "UP"]]


def test_no_fingers_and_no_face_is_a_valid_minimal_transaction():
    t = _txn(face=None, fingers=(), amputations={})
    assert an2.parse_an2(an2.build_an2(t)) == t


@pytest.mark.parametrize("record,field", [(1, "ORI"), (10, "PHD"), (10, "CGA"), (14, "FCD"),
                                          (14, "BPX"), (14, "FGP")])
def test_parse_rejects_missing_mandatory_field(record, field):
    msg = nistitl.Message()
    msg.parse(an2.build_an2(_txn()))
    rec = next(r for r in msg if r.type == record)
    num = next(k for k, v in nistitl.ALIASES[record].items() if v == field)
    del rec[num]
    with pytest.raises(AN2Error) as err:
        an2.parse_an2(msg.NIST)
    assert err.value.field == field
    assert field in err.value.en


def test_parse_rejects_wrong_version_and_garbage():
    msg = nistitl.Message()
    msg.parse(an2.build_an2(_txn()))
    msg[0].VER = "0400"
    with pytest.raises(AN2Error, match="VER"):
        an2.parse_an2(msg.NIST)
    with pytest.raises(AN2Error):
        an2.parse_an2(b"1.001:garbage")
    with pytest.raises(AN2Error):
        an2.parse_an2(an2.build_an2(_txn())[:-10])


def test_build_refuses_what_it_cannot_write_correctly():
    with pytest.raises(PacketInputError):
        an2.build_an2(_txn(fingers=(an2.FingerRecord(1, b"not wsq", 100, 120, 500, 1,
                                                     "20261122"),)))
    with pytest.raises(PacketInputError):
        an2.build_an2(_txn(amputations={1: "XX"}))  # position 1 has an image
    with pytest.raises(PacketInputError):
        an2.build_an2(_txn(amputations={2: "ZZ"}))
    with pytest.raises(PacketInputError):
        an2.build_an2(_txn(ori="trạm"))  # AN2 text here is ASCII only
    with pytest.raises(PacketInputError):
        an2.jpeg_info(b"\x89PNG....")


def test_damaged_transactions_parse_or_raise_an2_error_only():
    import random
    data = an2.build_an2(_txn(face=None))
    text_end = data.index(b"14.999:")  # damage the text part, where structure lives
    rng = random.Random(3)
    outcomes = {"ok": 0, "error": 0}
    for _ in range(300):
        b = bytearray(data)
        i = rng.randrange(text_end)
        b[i] = rng.choice(b"0123456789:.\x1c\x1d\x1e\x1fA ")
        try:
            an2.parse_an2(bytes(b))
            outcomes["ok"] += 1
        except AN2Error:
            outcomes["error"] += 1
    assert outcomes["error"] > 50


def test_quality_field_with_unexpected_shape_is_an_an2_error():
    msg = nistitl.Message()
    msg.parse(an2.build_an2(_txn()))
    rec = next(r for r in msg.iter(14))
    rec.FQM = "61"  # a plain value where subfields are required
    with pytest.raises(AN2Error):
        an2.parse_an2(msg.NIST)
