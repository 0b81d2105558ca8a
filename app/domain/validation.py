"""Every rule of the enrollment form, reported all at once as Problems next to their fields.

`validate(record, today, master)` never raises on bad content: it returns a list (empty when the
record is clean). Errors block completing the record; warnings are allowed with a reason. Messages
say what is wrong and how to fix it, never the values themselves.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from app.domain import contacts, idnumber
from app.domain.dates import age_on, parse_partial_date, representative_required
from app.domain.masterdata import LEGACY, MasterData
from app.domain.names import nfc
from app.domain.problems import ERROR, WARNING, Problem, error, warning
from app.domain.record import (
    DELIVERY_METHODS,
    REQUEST_TYPES,
    SEXES,
    Address,
    EnrollmentRecord,
    Person,
)

MARITAL_STATUSES = ("single", "married", "divorced", "widowed")
BLOOD_TYPES = ("O", "A", "B", "AB", "O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-")
_NAME_PUNCT = frozenset(" '-\u2019")


@dataclass(frozen=True)
class Rules:
    """Tunable rules (the centre may change them through master data)."""

    unknown_id_province: str = WARNING  # abroad/unknown birth-registration codes: unconfirmed
    max_age: int = 130
    name_max_length: int = 100
    detail_max_length: int = 200
    warn_partial_date: bool = True


def validate(record: EnrollmentRecord, today: date, master: MasterData,
             rules: Rules = Rules()) -> list[Problem]:
    out: list[Problem] = []
    _required(record, out)
    age = _dates(record, today, rules, out)
    _id_number(record, master, rules, out)
    _age_rules(record, age, out)
    _names(record, rules, out)
    _codes(record, master, out)
    _addresses(record, master, rules, out)
    _relatives(record, master, rules, out)
    _contacts(record, out)
    return out


def _required(r: EnrollmentRecord, out: list[Problem]) -> None:
    for key, vi in (("full_name", "họ và tên"), ("date_of_birth", "ngày sinh"),
                    ("ethnicity", "dân tộc"), ("religion", "tôn giáo"),
                    ("nationality", "quốc tịch")):
        if not getattr(r, key):
            out.append(error(key, "required", f"Chưa nhập {vi}.", f"{key} is required."))
    if r.request_type not in REQUEST_TYPES:
        out.append(error("request_type", "required" if not r.request_type else "invalid_choice",
                         "Chọn loại yêu cầu: cấp mới, cấp đổi hoặc cấp lại.",
                         "Choose the request type: new, renew or replace."))
    if r.sex not in SEXES:
        out.append(error("sex", "required" if not r.sex else "invalid_choice",
                         "Chọn giới tính: nam hoặc nữ.", "Choose the sex: male or female."))
    for key, vi in (("birth_registration_place", "nơi đăng ký khai sinh"),
                    ("place_of_origin", "quê quán")):
        if getattr(r, key) is None or not getattr(r, key).province:
            out.append(error(f"{key}.province", "required", f"Chưa nhập {vi}.",
                             f"{key} is required."))
    if not any(a is not None and a.province for a in (r.permanent_residence,
                                                     r.current_residence)):
        out.append(error("permanent_residence", "residence_required",
                         "Cần nơi thường trú hoặc nơi ở hiện tại.",
                         "A permanent or a current residence is required."))
    if r.delivery.method not in DELIVERY_METHODS:
        out.append(error("delivery.method", "invalid_choice",
                         "Chọn hình thức nhận thẻ: tại cơ quan hoặc qua bưu chính.",
                         "Choose how the card is delivered: office or post."))
    elif r.delivery.method == "post" and (r.delivery.address is None
                                         or not r.delivery.address.province):
        out.append(error("delivery.address", "required", "Nhận qua bưu chính cần địa chỉ nhận.",
                         "Delivery by post needs an address."))


def _dates(r: EnrollmentRecord, today: date, rules: Rules, out: list[Problem]) -> int | None:
    if not r.date_of_birth:
        return None
    dob = parse_partial_date(r.date_of_birth)
    if dob is None:
        out.append(error("date_of_birth", "date_format",
                         "Ngày sinh phải theo dạng NNNN-TT-NN (hoặc NNNN-TT, NNNN) và có thật.",
                         "Date of birth must be a real date: YYYY-MM-DD (or YYYY-MM, YYYY)."))
        return None
    age = age_on(dob, today)
    if age is None:
        out.append(error("date_of_birth", "date_in_future", "Ngày sinh không được ở tương lai.",
                         "The date of birth cannot be in the future."))
        return None
    if age > rules.max_age:
        out.append(error("date_of_birth", "age_implausible",
                         f"Tuổi tính từ ngày sinh vượt quá {rules.max_age}; kiểm tra lại.",
                         f"The date of birth gives an age over {rules.max_age}; check it."))
    if dob.is_partial and rules.warn_partial_date:
        out.append(warning("date_of_birth", "date_partial",
                           "Ngày sinh không đầy đủ: chỉ dùng khi giấy tờ gốc ghi như vậy.",
                           "Partial date of birth: use only when the source papers give no more."))
    if r.previous_card is not None and r.previous_card.issue_date:
        issued = parse_partial_date(r.previous_card.issue_date)
        if issued is None or issued.earliest() > today or issued.latest() < dob.earliest():
            out.append(error("previous_card.issue_date", "date_invalid",
                             "Ngày cấp thẻ cũ không hợp lệ (sai dạng, ở tương lai hoặc trước "
                             "ngày sinh).", "The previous card's issue date is malformed, in the "
                             "future or before the date of birth."))
    return age


def _id_number(r: EnrollmentRecord, master: MasterData, rules: Rules,
               out: list[Problem]) -> None:
    key = "personal_id"
    if not r.personal_id:
        out.append(warning(key, "id_missing",
                           "Chưa có số định danh cá nhân: hồ sơ sẽ được chuyển trung tâm cấp số.",
                           "No personal ID number yet: the centre will be asked to assign one."))
        return
    parts = idnumber.split_id(r.personal_id)
    if parts is None:
        hint_vi, hint_en = "", ""
        if idnumber.is_cmnd_format(r.personal_id):
            hint_vi = " Số CMND 9 số ghi vào mục giấy tờ cũ."
            hint_en = " A 9-digit CMND number belongs under previous_card."
        out.append(error(key, "id_format",
                         "Số định danh cá nhân phải gồm đúng 12 chữ số." + hint_vi,
                         "The personal ID number must be exactly 12 digits." + hint_en))
        return
    _id_province(key, parts, master, rules, out)
    if parts.century_start is None:
        out.append(error(key, "id_century_invalid",
                         "Chữ số thứ 4 của số định danh (thế kỷ, giới tính) phải từ 0 đến 5.",
                         "The 4th digit (century and sex) must be 0 to 5."))
        return
    if r.sex in SEXES and parts.sex != r.sex:
        out.append(error(key, "id_sex_mismatch",
                         "Chữ số giới tính trong số định danh không khớp với giới tính đã chọn.",
                         "The sex digit of the ID number does not match the sex entered."))
    dob = parse_partial_date(r.date_of_birth)
    if dob is None:
        return
    if dob.year // 100 * 100 != parts.century_start:
        out.append(error(key, "id_century_mismatch",
                         "Chữ số thế kỷ trong số định danh không khớp với năm sinh.",
                         "The century digit of the ID number does not match the year of birth."))
    elif dob.year % 100 != parts.yy:
        out.append(error(key, "id_year_mismatch",
                         "Hai chữ số năm sinh trong số định danh không khớp với năm sinh.",
                         "The year digits of the ID number do not match the year of birth."))
    place = r.birth_registration_place
    if place is not None and place.province and master.id_province(parts.province):
        expected = {"0" + old for old in master.legacy_provinces_of(place.province)}
        if master.legacy_province(place.province) is not None:
            expected.add("0" + place.province)
        if expected and parts.province not in expected:
            out.append(warning(key, "id_province_differs",
                               "Mã tỉnh trong số định danh khác tỉnh nơi đăng ký khai sinh.",
                               "The ID number's province code differs from the province of "
                               "birth registration."))
    card = r.previous_card
    if card is not None and card.number and not (idnumber.is_id_format(card.number)
                                                 or idnumber.is_cmnd_format(card.number)):
        out.append(error("previous_card.number", "id_format",
                         "Số thẻ/CMND cũ phải gồm 9 hoặc 12 chữ số.",
                         "A previous card or CMND number has 9 or 12 digits."))


def _id_province(key: str, parts: idnumber.IdParts, master: MasterData, rules: Rules,
                 out: list[Problem]) -> None:
    if master.id_province(parts.province) is None:
        make = error if rules.unknown_id_province == ERROR else warning
        out.append(make(key, "id_province_unknown",
                        "Mã tỉnh (3 số đầu) của số định danh không có trong danh mục; kiểm tra lại "
                        "(khai sinh ở nước ngoài?).", "The ID number's province code (first 3 "
                        "digits) is not in the list; check it (birth registered abroad?)."))


def _age_rules(r: EnrollmentRecord, age: int | None, out: list[Problem]) -> None:
    if age is None or not representative_required(age):
        return
    rep = r.representative
    if rep is None or not rep.full_name:
        out.append(error("representative.full_name", "representative_required",
                         "Người dưới 14 tuổi phải có người đại diện (cha, mẹ hoặc người giám hộ).",
                         "Under 14 a representative (parent or guardian) is required."))
    elif not rep.personal_id:
        out.append(warning("representative.personal_id", "representative_id_missing",
                           "Nên ghi số định danh của người đại diện.",
                           "Record the representative's personal ID number."))


def name_problems(key: str, value: str, rules: Rules = Rules()) -> list[Problem]:
    """Letters (any script's, incl. Vietnamese), spaces, apostrophes and hyphens; NFC; length."""
    out: list[Problem] = []
    if not value:
        return out
    if nfc(value) != value:
        out.append(error(key, "not_nfc", "Tên chưa được chuẩn hoá Unicode (NFC).",
                         "The name is not in Unicode NFC form."))
    if len(value) > rules.name_max_length:
        out.append(error(key, "name_too_long", f"Tên dài quá {rules.name_max_length} ký tự.",
                         f"The name is longer than {rules.name_max_length} characters."))
    bad = [c for c in value if c not in _NAME_PUNCT
           and not unicodedata.category(c).startswith(("L", "M"))]
    if bad:
        out.append(error(key, "name_characters",
                         "Tên chỉ gồm chữ cái, dấu cách, dấu nháy đơn và gạch nối.",
                         "A name may hold only letters, spaces, apostrophes and hyphens."))
    elif not unicodedata.category(value[0]).startswith("L") or \
            not unicodedata.category(value[-1]).startswith(("L", "M")):
        out.append(error(key, "name_characters", "Tên phải bắt đầu và kết thúc bằng chữ cái.",
                         "A name must start and end with a letter."))
    return out


def _names(r: EnrollmentRecord, rules: Rules, out: list[Problem]) -> None:
    out.extend(name_problems("full_name", r.full_name, rules))
    out.extend(name_problems("other_name", r.other_name, rules))
    out.extend(name_problems("household_head", r.household_head, rules))
    if r.full_name and " " not in r.full_name:
        out.append(warning("full_name", "name_single_word",
                           "Họ tên chỉ có một từ; kiểm tra lại với giấy khai sinh.",
                           "The full name is a single word; check it against the birth record."))


def _codes(r: EnrollmentRecord, master: MasterData, out: list[Problem]) -> None:
    if r.ethnicity and master.ethnicity(r.ethnicity) is None:
        out.append(error("ethnicity", "unknown_code", "Mã dân tộc không có trong danh mục.",
                         "Unknown ethnic-group code."))
    if r.religion and master.religion(r.religion) is None:
        out.append(error("religion", "unknown_code", "Mã tôn giáo không có trong danh mục "
                         "(00 = không).", "Unknown religion code (00 = none)."))
    if r.nationality:
        if master.country(r.nationality) is None:
            out.append(error("nationality", "unknown_code",
                             "Quốc tịch phải là mã quốc gia 2 chữ cái (ISO 3166-1), ví dụ VN.",
                             "Nationality must be an ISO 3166-1 alpha-2 code, e.g. VN."))
        elif r.nationality != "VN":
            out.append(warning("nationality", "nationality_not_vn",
                               "Thẻ căn cước cấp cho công dân Việt Nam; kiểm tra quốc tịch.",
                               "The identity card is for Vietnamese citizens; check nationality."))
    if r.marital_status and r.marital_status not in MARITAL_STATUSES:
        out.append(error("marital_status", "invalid_choice", "Tình trạng hôn nhân không hợp lệ.",
                         "Marital status must be single, married, divorced or widowed."))
    if r.blood_type and r.blood_type not in BLOOD_TYPES:
        out.append(error("blood_type", "invalid_choice", "Nhóm máu không hợp lệ (O, A, B, AB).",
                         "Blood type must be O, A, B or AB (with + or - if known)."))


def _addresses(r: EnrollmentRecord, master: MasterData, rules: Rules, out: list[Problem]) -> None:
    residences = ("permanent_residence", "temporary_residence", "current_residence")
    for key in ("birth_registration_place", "place_of_origin", *residences):
        addr = getattr(r, key)
        if addr is not None:
            _address(key, addr, master, rules, out, current_only=key in residences)
    if r.delivery.address is not None:
        _address("delivery.address", r.delivery.address, master, rules, out, current_only=True)


def _address(key: str, a: Address, master: MasterData, rules: Rules, out: list[Problem],
             current_only: bool) -> None:
    if len(a.detail) > rules.detail_max_length:
        out.append(error(f"{key}.detail", "too_long", "Địa chỉ chi tiết quá dài.",
                         "The address detail is too long."))
    if not a.province:
        if a.commune or a.detail:
            out.append(error(f"{key}.province", "required", "Chưa chọn tỉnh/thành phố.",
                             "Choose the province."))
        return
    known = master.province(a.province) is not None or \
        master.legacy_province(a.province) is not None
    if not known:
        out.append(error(f"{key}.province", "unknown_unit", "Mã tỉnh/thành phố không có trong "
                         "danh mục.", "Unknown province code."))
        return
    if not a.commune:
        if current_only:
            out.append(error(f"{key}.commune", "required", "Chưa chọn xã/phường/đặc khu.",
                             "Choose the commune."))
        return
    scheme = master.address_scheme(a.province, a.commune)
    if scheme is None:
        out.append(error(f"{key}.commune", "commune_not_in_province",
                         "Xã/phường không thuộc tỉnh/thành phố đã chọn.",
                         "The commune does not belong to the province chosen."))
    elif scheme == LEGACY and current_only:
        out.append(warning(f"{key}.commune", "legacy_unit",
                           "Đơn vị hành chính trước 1/7/2025; nên chọn đơn vị hiện nay.",
                           "An administrative unit from before 1 July 2025; prefer today's unit."))


def _relatives(r: EnrollmentRecord, master: MasterData, rules: Rules, out: list[Problem]) -> None:
    expected = {"father": "male", "mother": "female", "spouse": None, "representative": None}
    for key, sex in expected.items():
        person: Person | None = getattr(r, key)
        if person is None:
            continue
        out.extend(name_problems(f"{key}.full_name", person.full_name, rules))
        if person.personal_id:
            parts = idnumber.split_id(person.personal_id)
            if parts is None:
                out.append(error(f"{key}.personal_id", "id_format",
                                 "Số định danh cá nhân phải gồm đúng 12 chữ số.",
                                 "The personal ID number must be exactly 12 digits."))
            elif parts.sex is None:
                out.append(error(f"{key}.personal_id", "id_century_invalid",
                                 "Chữ số thứ 4 của số định danh phải từ 0 đến 5.",
                                 "The 4th digit of the ID number must be 0 to 5."))
            else:
                _id_province(f"{key}.personal_id", parts, master, rules, out)
                if sex is not None and parts.sex != sex:
                    out.append(warning(f"{key}.personal_id", "id_sex_mismatch",
                                       "Chữ số giới tính trong số định danh không hợp với vai trò.",
                                       "The ID number's sex digit does not fit this relative."))
        if person.nationality and master.country(person.nationality) is None:
            out.append(error(f"{key}.nationality", "unknown_code",
                             "Quốc tịch phải là mã quốc gia 2 chữ cái (ISO 3166-1).",
                             "Nationality must be an ISO 3166-1 alpha-2 code."))
    if r.spouse is not None and r.spouse.full_name and r.marital_status == "single":
        out.append(warning("spouse", "spouse_but_single",
                           "Có thông tin vợ/chồng nhưng tình trạng hôn nhân là độc thân.",
                           "A spouse is recorded but the marital status is single."))


def _contacts(r: EnrollmentRecord, out: list[Problem]) -> None:
    if r.phone and contacts.phone_kind(r.phone) is None:
        out.append(error("phone", "phone_format",
                         "Số điện thoại không hợp lệ (di động 0xx xxx xxxx, cố định 02xx xxx "
                         "xxxx, hoặc +84...).", "Invalid phone number (mobile 0xx xxx xxxx, "
                         "landline 02xx xxx xxxx, or +84...)."))
    if r.email and not contacts.is_email(r.email):
        out.append(error("email", "email_format", "Địa chỉ email không hợp lệ.",
                         "Invalid e-mail address."))
