"""Hand-kept code lists that feed tools/gen_masterdata.py (facts from domain-vn.md).

Ethnic groups: QĐ 121-TCTK/PPCĐ (1979). Religions: GSO 2008 list, extended 2014. ID province codes:
TT 07/2016/TT-BCA Phụ lục 1 (they equal the legacy GSO province codes, padded to 3 digits; the
generator checks that). Country names in Vietnamese: the usual names in Vietnamese official use for
the countries an officer meets most; the others keep their ISO 3166 English short name.
"""

from __future__ import annotations

ETHNICITIES = (
    "Kinh, Tày, Thái, Hoa, Khơ-me, Mường, Nùng, HMông, Dao, Gia-rai, Ngái, Ê-đê, Ba-na, Xơ-đăng, "
    "Sán Chay, Cơ-ho, Chăm, Sán Dìu, Hrê, Mnông, Ra-glai, Xtiêng, Bru-Vân Kiều, Thổ, Giáy, Cơ-tu, "
    "Gié-Triêng, Mạ, Khơ-mú, Co, Tà-ôi, Chơ-ro, Kháng, Xinh-mun, Hà Nhì, Chu-ru, Lào, La Chí, "
    "La Ha, Phù Lá, La Hủ, Lự, Lô Lô, Chứt, Mảng, Pà Thẻn, Cơ Lao, Cống, Bố Y, Si La, Pu Péo, "
    "Brâu, Ơ Đu, Rơ Măm"
).split(", ")

RELIGIONS = [
    "Không", "Phật giáo", "Công giáo", "Phật giáo Hoà Hảo", "Hồi giáo", "Cao Đài", "Minh Sư đạo",
    "Minh Lý đạo", "Tin Lành", "Tịnh độ Cư sĩ Phật hội Việt Nam", "Tứ Ân Hiếu Nghĩa",
    "Bửu Sơn Kỳ Hương", "Baha'i", "Bà La Môn", "Mặc Môn",
]

ID_PROVINCES = """
001 Hà Nội, 002 Hà Giang, 004 Cao Bằng, 006 Bắc Kạn, 008 Tuyên Quang, 010 Lào Cai, 011 Điện Biên,
012 Lai Châu, 014 Sơn La, 015 Yên Bái, 017 Hòa Bình, 019 Thái Nguyên, 020 Lạng Sơn, 022 Quảng Ninh,
024 Bắc Giang, 025 Phú Thọ, 026 Vĩnh Phúc, 027 Bắc Ninh, 030 Hải Dương, 031 Hải Phòng, 033 Hưng Yên,
034 Thái Bình, 035 Hà Nam, 036 Nam Định, 037 Ninh Bình, 038 Thanh Hóa, 040 Nghệ An, 042 Hà Tĩnh,
044 Quảng Bình, 045 Quảng Trị, 046 Thừa Thiên Huế, 048 Đà Nẵng, 049 Quảng Nam, 051 Quảng Ngãi,
052 Bình Định, 054 Phú Yên, 056 Khánh Hòa, 058 Ninh Thuận, 060 Bình Thuận, 062 Kon Tum, 064 Gia Lai,
066 Đắk Lắk, 067 Đắk Nông, 068 Lâm Đồng, 070 Bình Phước, 072 Tây Ninh, 074 Bình Dương, 075 Đồng Nai,
077 Bà Rịa - Vũng Tàu, 079 Hồ Chí Minh, 080 Long An, 082 Tiền Giang, 083 Bến Tre, 084 Trà Vinh,
086 Vĩnh Long, 087 Đồng Tháp, 089 An Giang, 091 Kiên Giang, 092 Cần Thơ, 093 Hậu Giang,
094 Sóc Trăng, 095 Bạc Liêu, 096 Cà Mau
"""

COUNTRY_VI = {
    "VN": "Việt Nam", "LA": "Lào", "KH": "Campuchia", "CN": "Trung Quốc", "TH": "Thái Lan",
    "MM": "Myanmar", "MY": "Malaysia", "SG": "Singapore", "ID": "Indonesia", "PH": "Philippines",
    "BN": "Brunei", "TL": "Đông Timor", "JP": "Nhật Bản", "KR": "Hàn Quốc", "KP": "Triều Tiên",
    "TW": "Đài Loan", "HK": "Hồng Kông", "MO": "Ma Cao", "MN": "Mông Cổ", "IN": "Ấn Độ",
    "BD": "Bangladesh", "PK": "Pakistan", "NP": "Nepal", "LK": "Sri Lanka", "AF": "Afghanistan",
    "IR": "Iran", "IQ": "Iraq", "SA": "Ả Rập Xê Út", "AE": "Các Tiểu vương quốc Ả Rập Thống nhất",
    "QA": "Qatar", "KW": "Kuwait", "IL": "Israel", "TR": "Thổ Nhĩ Kỳ", "RU": "Nga",
    "UA": "Ukraina", "BY": "Belarus", "KZ": "Kazakhstan", "US": "Hoa Kỳ", "CA": "Canada",
    "MX": "Mexico", "CU": "Cuba", "BR": "Brasil", "AR": "Argentina", "CL": "Chile",
    "GB": "Vương quốc Anh", "IE": "Ireland", "FR": "Pháp", "DE": "Đức", "IT": "Ý",
    "ES": "Tây Ban Nha", "PT": "Bồ Đào Nha", "NL": "Hà Lan", "BE": "Bỉ", "CH": "Thụy Sĩ",
    "AT": "Áo", "SE": "Thụy Điển", "NO": "Na Uy", "DK": "Đan Mạch", "FI": "Phần Lan",
    "PL": "Ba Lan", "CZ": "Séc", "SK": "Slovakia", "HU": "Hungary", "RO": "Romania",
    "BG": "Bulgaria", "GR": "Hy Lạp", "AU": "Úc", "NZ": "New Zealand", "EG": "Ai Cập",
    "ZA": "Nam Phi", "NG": "Nigeria", "DZ": "Algérie", "MA": "Maroc", "AO": "Angola",
    "MZ": "Mozambique",
}
