"""ANSI/NIST-ITL 1-2011 transactions (Type-1, 2, 10, 14) built and parsed with nistitl 0.6.

nistitl writes and parses the traditional encoding but checks nothing, so this module enforces
the 2011 mandatory fields both ways: `build_an2` refuses incomplete input, `parse_an2` refuses a
transaction missing a mandatory field or carrying values outside what this profile writes.
The field values used are listed in docs/packet-format.md ("biometrics.an2").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import nistitl

from app.packets.errors import AN2Error, an2_error, bad_input

VERSION = "0500"  # ANSI/NIST-ITL 1-2011
DOMAIN = ("VN-ENROLL", "1")  # 1.013 DOM: implementation domain name and version (ours)
FACE_SAP = "14"  # 10.013 subject acquisition profile (ISO/IEC 19794-5 full frontal)
QUALITY_VENDOR, QUALITY_PRODUCT = "000F", "0301"  # 14.024 FQM QAV/QAP for NFIQ 2 (configurable)
FINGER_POSITIONS = frozenset(range(1, 11)) | {13, 14, 15}
SLAP_OF = {2: 13, 3: 13, 4: 13, 5: 13, 7: 14, 8: 14, 9: 14, 10: 14, 1: 15, 6: 15}
AMP_CODES = frozenset({"XX", "UP"})
_ASCII = re.compile(r"^[\x20-\x7e]+$")
_DATE = re.compile(r"^\d{8}$")
_GMT = re.compile(r"^\d{14}Z$")

T1_MANDATORY = ("VER", "CNT", "TOT", "DAT", "DAI", "ORI", "TCN", "NSR", "NTR")
T10_MANDATORY = ("IMT", "SRC", "PHD", "HLL", "VLL", "SLC", "THPS", "TVPS", "CGA", "CSP", "SAP",
                 "DATA")
T14_MANDATORY = ("IMP", "SRC", "FCD", "HLL", "VLL", "SLC", "THPS", "TVPS", "CGA", "BPX", "FGP",
                 "DATA")


@dataclass(frozen=True)
class FaceRecord:
    """A Type-10 frontal face: baseline JPEG bytes and their size (read from the JPEG itself)."""

    jpeg: bytes
    width: int
    height: int
    colour: bool
    date: str  # YYYYMMDD (10.005 PHD)


@dataclass(frozen=True)
class FingerRecord:
    """A Type-14 image: one finger (1-10, rolled) or a plain slap (13, 14, 15) in WSQ."""

    position: int
    wsq: bytes
    width: int
    height: int
    ppi: int
    quality: int | None  # NFIQ 2 score 0-100, None = not computed (254)
    date: str  # YYYYMMDD (14.005 FCD)

    @property
    def rolled(self) -> bool:
        return self.position <= 10


@dataclass(frozen=True)
class Transaction:
    """What biometrics.an2 holds; `amputations` maps finger position 1-10 to XX or UP."""

    tcn: str  # 1.009: the packet id
    tot: str  # 1.004
    date: str  # 1.005 YYYYMMDD
    gmt: str  # 1.014 YYYYMMDDhhmmssZ
    dai: str  # 1.007 destination agency (the centre)
    ori: str  # 1.008 originating agency (the station)
    face: FaceRecord | None = None
    fingers: tuple[FingerRecord, ...] = ()
    amputations: dict[int, str] = field(default_factory=dict)


def jpeg_info(data: bytes) -> tuple[int, int, int]:
    """(width, height, components) from a JPEG's SOF marker; raises if it is not a JPEG."""
    if data[:2] != b"\xff\xd8":
        raise bad_input("face", "not a JPEG image", "không phải ảnh JPEG")
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            break
        marker = data[i + 1]
        if marker == 0xFF:
            i += 1
            continue
        seg_len = int.from_bytes(data[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2) and i + 10 <= len(data):
            h = int.from_bytes(data[i + 5:i + 7], "big")
            w = int.from_bytes(data[i + 7:i + 9], "big")
            return w, h, data[i + 9]
        i += 2 + seg_len
    raise bad_input("face", "JPEG without a readable frame header",
                    "JPEG không đọc được kích thước")


def _text(name: str, value: str) -> str:
    if not isinstance(value, str) or not _ASCII.match(value):
        raise bad_input(name, "must be printable ASCII, non-empty",
                        "phải là ASCII in được, khác rỗng")
    return value


def _check_transaction(t: Transaction) -> None:
    for name in ("tcn", "tot", "dai", "ori"):
        _text(name, getattr(t, name))
    if not _DATE.match(t.date) or not _GMT.match(t.gmt):
        raise bad_input("date", "dates are YYYYMMDD and GMT YYYYMMDDhhmmssZ",
                        "ngày dạng YYYYMMDD, GMT dạng YYYYMMDDhhmmssZ")
    seen: set[int] = set()
    for f in t.fingers:
        if f.position not in FINGER_POSITIONS or f.position in seen:
            raise bad_input("finger_position", f"position {f.position} is unknown or repeated",
                            f"vị trí ngón {f.position} không hợp lệ hoặc bị lặp")
        seen.add(f.position)
        if f.wsq[:2] != b"\xff\xa0":
            raise bad_input("finger_image", f"image at position {f.position} is not WSQ",
                            f"ảnh ở vị trí {f.position} không phải WSQ")
        if not (10 <= f.width <= 99999 and 10 <= f.height <= 99999 and 1 <= f.ppi <= 99999):
            raise bad_input("finger_image", f"bad size or resolution at position {f.position}",
                            f"kích thước hoặc độ phân giải sai ở vị trí {f.position}")
    for pos, code in t.amputations.items():
        if pos not in range(1, 11) or code not in AMP_CODES or pos in seen:
            raise bad_input("amputation", f"position {pos} code {code} is not usable",
                            f"vị trí {pos} mã {code} không dùng được")


def _quality_fields(r: nistitl.AsciiRecord, f: FingerRecord) -> None:
    q = 254 if f.quality is None else f.quality
    r.NQM = [[str(f.position), "254"]]  # NFIQ 1 not computed: NFIQ 2 goes in FQM
    r.FQM = [[str(f.position), str(q), QUALITY_VENDOR, QUALITY_PRODUCT]]


def build_an2(t: Transaction) -> bytes:
    """Serialise a checked transaction (traditional binary encoding)."""
    _check_transaction(t)
    msg = nistitl.Message()
    r1 = msg[0]
    r1.VER, r1.TOT, r1.DAT, r1.DAI, r1.ORI, r1.TCN = VERSION, t.tot, t.date, t.dai, t.ori, t.tcn
    r1.NSR, r1.NTR = "00.00", "00.00"
    r1.DOM = [list(DOMAIN)]
    r1.GMT = t.gmt
    r2 = nistitl.AsciiRecord(2)
    r2.IDC = 0
    r2._3 = t.tcn  # 2.003: user-defined, the packet id again
    msg += r2
    idc = 1
    if t.face is not None:
        face = t.face
        r = nistitl.AsciiRecord(10)
        r.IDC, r.IMT, r.SRC, r.PHD = idc, "FACE", t.ori, face.date
        r.HLL, r.VLL, r.SLC, r.THPS, r.TVPS = str(face.width), str(face.height), "0", "1", "1"
        r.CGA, r.CSP, r.SAP, r.POS = "JPEGB", "YCC" if face.colour else "GRAY", FACE_SAP, "F"
        r.DATA = face.jpeg
        msg += r
        idc += 1
    amp_home = _amputation_homes(t)
    for f in sorted(t.fingers, key=lambda x: x.position):
        r = nistitl.AsciiRecord(14)
        r.IDC, r.IMP, r.SRC, r.FCD = idc, "1" if f.rolled else "0", t.ori, f.date
        r.HLL, r.VLL, r.SLC = str(f.width), str(f.height), "1"
        r.THPS, r.TVPS, r.CGA, r.BPX, r.FGP = str(f.ppi), str(f.ppi), "WSQ20", "8", str(f.position)
        amps = sorted(p for p, home in amp_home.items() if home == f.position)
        if amps:
            r.AMP = [[str(p), t.amputations[p]] for p in amps]
        _quality_fields(r, f)
        r.DATA = f.wsq
        msg += r
        idc += 1
    return msg.NIST


def _amputation_homes(t: Transaction) -> dict[int, int]:
    """Which Type-14 record carries each AMP entry: the slap covering the finger if present,
    else the first Type-14 record. With no finger image at all, AMP lives only in the manifest."""
    present = sorted(f.position for f in t.fingers)
    if not present:
        return {}
    return {p: SLAP_OF[p] if SLAP_OF[p] in present else present[0] for p in t.amputations}


def _get(r: nistitl.AsciiRecord, name: str, rtype: int):
    fld = r[name]
    value = None if fld is None else fld.value
    if value in (None, "", b"", []):
        raise an2_error(f"Type-{rtype} record lacks mandatory field {name}",
                        f"bản ghi loại {rtype} thiếu trường bắt buộc {name}", field=name)
    return value


def _int(value, name: str, rtype: int, lo: int, hi: int) -> int:
    try:
        v = int(value)
    except (TypeError, ValueError):
        v = -1
    if not lo <= v <= hi:
        raise an2_error(f"Type-{rtype} field {name} is out of range",
                        f"trường {name} của bản ghi loại {rtype} ngoài khoảng cho phép", field=name)
    return v


def _expect(value, wanted: str, name: str, rtype: int) -> None:
    if value != wanted:
        raise an2_error(f"Type-{rtype} field {name} is {value!r}, expected {wanted!r}",
                        f"trường {name} của bản ghi loại {rtype} là {value!r}, cần {wanted!r}",
                        field=name)


def parse_an2(data: bytes) -> Transaction:
    """Parse and check a transaction; raises AN2Error naming the record and field at fault."""
    try:
        return _parse(data)
    except AN2Error:
        raise
    except Exception as exc:  # a field with an unexpected shape (value vs subfields, etc.)
        raise an2_error(f"a field has an unexpected structure ({type(exc).__name__})",
                        f"một trường có cấu trúc bất thường ({type(exc).__name__})") from exc


def _parse(data: bytes) -> Transaction:
    msg = nistitl.Message()
    try:
        msg.parse(bytes(data))
    except Exception as exc:  # nistitl is pure Python: garbage can raise almost anything
        raise an2_error("it does not parse as a traditional-encoding transaction",
                        "không phân tích được theo mã hóa truyền thống") from exc
    r1 = msg[0]
    for name in T1_MANDATORY:
        _get(r1, name, 1)
    _expect(r1.VER, VERSION, "VER", 1)
    gmt = r1["GMT"].value if r1["GMT"] is not None else ""
    face: FaceRecord | None = None
    fingers: list[FingerRecord] = []
    amps: dict[int, str] = {}
    type2 = 0
    for r in list(msg)[1:]:
        if r.type == 2:
            type2 += 1
            _expect(r[3].value if r[3] is not None else None, r1.TCN, "2.003", 2)
        elif r.type == 10:
            for name in T10_MANDATORY:
                _get(r, name, 10)
            if face is not None:
                raise an2_error("more than one Type-10 face record", "có hơn một bản ghi ảnh mặt")
            _expect(r.IMT, "FACE", "IMT", 10)
            _expect(r.CGA, "JPEGB", "CGA", 10)
            w, h = _int(r.HLL, "HLL", 10, 10, 99999), _int(r.VLL, "VLL", 10, 10, 99999)
            face = FaceRecord(r.DATA, w, h, r.CSP != "GRAY", r.PHD)
        elif r.type == 14:
            fingers.append(_parse_14(r, amps))
        else:
            raise an2_error(f"unexpected Type-{r.type} record",
                            f"bản ghi loại {r.type} không mong đợi")
    if type2 != 1:
        raise an2_error("there must be exactly one Type-2 record",
                        "phải có đúng một bản ghi loại 2")
    return Transaction(tcn=r1.TCN, tot=r1.TOT, date=r1.DAT, gmt=gmt, dai=r1.DAI, ori=r1.ORI,
                       face=face, fingers=tuple(fingers), amputations=amps)


def _parse_14(r: nistitl.AsciiRecord, amps: dict[int, str]) -> FingerRecord:
    for name in T14_MANDATORY:
        _get(r, name, 14)
    _expect(r.CGA, "WSQ20", "CGA", 14)
    _expect(r.BPX, "8", "BPX", 14)
    pos = _int(r.FGP, "FGP", 14, 1, 15)
    if pos not in FINGER_POSITIONS:
        raise an2_error(f"finger position {pos} is not used by this format",
                        f"vị trí ngón {pos} không dùng trong định dạng này", field="FGP")
    _expect(r.IMP, "1" if pos <= 10 else "0", "IMP", 14)
    quality: int | None = None
    fqm = r["FQM"]
    if fqm is not None and fqm.value:
        q = _int(fqm.value[0][1], "FQM", 14, 0, 255)
        quality = None if q >= 254 else q
    amp = r["AMP"]
    if amp is not None and amp.value:
        for item in amp.value:
            p = _int(item[0], "AMP", 14, 1, 10)
            if item[1] not in AMP_CODES:
                raise an2_error(f"AMP code {item[1]!r} is not XX or UP",
                                f"mã AMP {item[1]!r} không phải XX hoặc UP", field="AMP")
            amps[p] = item[1]
    return FingerRecord(
        position=pos, wsq=r.DATA, width=_int(r.HLL, "HLL", 14, 10, 99999),
        height=_int(r.VLL, "VLL", 14, 10, 99999), ppi=_int(r.THPS, "THPS", 14, 1, 99999),
        quality=quality, date=r.FCD)
