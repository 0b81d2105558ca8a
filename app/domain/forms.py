"""What the printed forms say, as ordered (label, value) pairs a PDF renderer lays out.

CC01 (phiếu thu nhận thông tin căn cước) is printed for the resident to check and sign; CC02 is the
appointment slip. Labels are Vietnamese, names upper case with full diacritics, dates dd/mm/yyyy
(or mm/yyyy, yyyy for partial dates), codes shown by name from the master data.

Receipt number: CCCCC-YYMMDD-SSS-NNNNK. CCCCC the commune (current GSO code) where the record was
taken, YYMMDD the day, SSS the station's number within the commune (000-999, assigned at
provisioning), NNNN the day's sequence on that station, K a Luhn check digit over all the digits
before it. It is unique per commune, station and day, readable over the phone, and the QR code on
CC02 holds exactly this string.
"""

from __future__ import annotations

import re
from datetime import date

from app.domain.dates import parse_partial_date
from app.domain.masterdata import MasterData, default_master
from app.domain.names import upper
from app.domain.record import Address, EnrollmentRecord, Person

_SEX = {"male": "Nam", "female": "Nữ"}
_REQUEST = {"new": "Cấp mới", "renew": "Cấp đổi", "replace": "Cấp lại"}
_DELIVERY = {"office": "Nhận tại cơ quan Công an", "post": "Nhận qua dịch vụ bưu chính"}
_MARITAL = {"single": "Chưa kết hôn", "married": "Đã kết hôn", "divorced": "Ly hôn",
            "widowed": "Góa"}
_RECEIPT = re.compile(r"^(\d{5})-(\d{6})-(\d{3})-(\d{4})(\d)$")

Fields = list[tuple[str, str]]


def cc01_fields(record: EnrollmentRecord, master: MasterData | None = None) -> Fields:
    """Every line of the CC01 summary, in print order (empty values kept: the layout is fixed)."""
    m = master or default_master()
    r = record
    card = r.previous_card
    return [
        ("Loại yêu cầu", _REQUEST.get(r.request_type, "")),
        ("Họ, chữ đệm và tên khai sinh", upper(r.full_name)),
        ("Tên gọi khác", upper(r.other_name)),
        ("Ngày, tháng, năm sinh", display_date(r.date_of_birth)),
        ("Giới tính", _SEX.get(r.sex, "")),
        ("Số định danh cá nhân", r.personal_id),
        ("Số CMND/CCCD đã được cấp", card.number if card else ""),
        ("Ngày cấp, nơi cấp", ", ".join(x for x in (display_date(card.issue_date), card.place)
                                        if x) if card else ""),
        ("Dân tộc", m.ethnicity(r.ethnicity) or ""),
        ("Tôn giáo", m.religion(r.religion) or ""),
        ("Quốc tịch", m.country(r.nationality) or ""),
        ("Tình trạng hôn nhân", _MARITAL.get(r.marital_status, "")),
        ("Nhóm máu", r.blood_type),
        ("Nơi đăng ký khai sinh", display_address(r.birth_registration_place, m)),
        ("Quê quán", display_address(r.place_of_origin, m)),
        ("Nơi thường trú", display_address(r.permanent_residence, m)),
        ("Nơi tạm trú", display_address(r.temporary_residence, m)),
        ("Nơi ở hiện tại", display_address(r.current_residence, m)),
        ("Nghề nghiệp", r.occupation),
        ("Họ tên, số định danh, quốc tịch của cha", _person(r.father, m)),
        ("Họ tên, số định danh, quốc tịch của mẹ", _person(r.mother, m)),
        ("Họ tên, số định danh, quốc tịch của vợ/chồng", _person(r.spouse, m)),
        ("Họ tên, số định danh, quốc tịch của người đại diện", _person(r.representative, m)),
        ("Họ tên chủ hộ", upper(r.household_head)),
        ("Quan hệ với chủ hộ", r.relation_to_head),
        ("Số điện thoại", r.phone),
        ("Email", r.email),
        ("Hình thức nhận thẻ", _DELIVERY.get(r.delivery.method, "")),
        ("Địa chỉ nhận thẻ", display_address(r.delivery.address, m)),
    ]


def cc02_fields(record: EnrollmentRecord, receipt_no: str, return_date: date, place: str,
                officer: str, issued_on: date | None = None, issuing_unit: str = "",
                master: MasterData | None = None) -> Fields:
    """The appointment slip; the QR code printed on it encodes `receipt_no` alone."""
    m = master or default_master()
    home = record.current_residence or record.permanent_residence
    out: Fields = []
    if issuing_unit:
        out.append(("Cơ quan tiếp nhận", issuing_unit))
    out += [
        ("Nội dung", "Đã tiếp nhận hồ sơ đề nghị " + _REQUEST.get(record.request_type, "cấp")
         .lower() + " thẻ căn cước của"),
        ("Họ, chữ đệm và tên", upper(record.full_name)),
        ("Ngày, tháng, năm sinh", display_date(record.date_of_birth)),
        ("Giới tính", _SEX.get(record.sex, "")),
        ("Nơi cư trú", display_address(home, m)),
        ("Số biên nhận", receipt_no),
        ("Ngày hẹn trả kết quả", return_date.strftime("%d/%m/%Y")),
        ("Nơi trả kết quả", place),
    ]
    if issued_on is not None:
        out.append(("Ngày tiếp nhận", issued_on.strftime("%d/%m/%Y")))
    out.append(("Cán bộ tiếp nhận", upper(officer)))
    return out


def display_date(text: str) -> str:
    d = parse_partial_date(text) if text else None
    if d is None:
        return text
    parts = [f"{d.day:02d}" if d.day else "", f"{d.month:02d}" if d.month else "", f"{d.year}"]
    return "/".join(p for p in parts if p)


def display_address(a: Address | None, master: MasterData) -> str:
    """'12 Phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội' (legacy units with their district)."""
    if a is None:
        return ""
    parts = [a.detail]
    scheme = master.address_scheme(a.province, a.commune) if a.commune else None
    if scheme == "current":
        unit = master.commune(a.commune)
        parts.append(unit.name if unit else "")
    elif scheme == "legacy":
        unit = master.legacy_commune(a.commune)
        district = master.legacy_district(unit.parent or "") if unit else None
        parts += [unit.name if unit else "", district.name if district else ""]
    prov = master.province(a.province) if scheme != "legacy" else None
    prov = prov or master.legacy_province(a.province)
    parts.append(prov.name if prov else "")
    return ", ".join(p for p in parts if p)


def _person(p: Person | None, master: MasterData) -> str:
    if p is None:
        return ""
    country = master.country(p.nationality) if p.nationality else ""
    return ", ".join(x for x in (upper(p.full_name), p.personal_id, country or "") if x)


def _luhn(digits: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return (10 - total % 10) % 10


def make_receipt_no(commune: str, day: date, station: int, seq: int) -> str:
    if not (len(commune) == 5 and commune.isdigit()) or not 0 <= station <= 999 \
            or not 0 <= seq <= 9999:
        raise ValueError("commune must be 5 digits, station 0-999, seq 0-9999")
    body = f"{commune}{day:%y%m%d}{station:03d}{seq:04d}"
    return f"{commune}-{day:%y%m%d}-{station:03d}-{seq:04d}{_luhn(body)}"


def check_receipt_no(text: str) -> bool:
    """True for a well-formed receipt number whose check digit is right (typos are caught)."""
    m = _RECEIPT.match(text.strip())
    return bool(m) and _luhn("".join(m.groups()[:4])) == int(m.group(5))
