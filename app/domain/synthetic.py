"""Synthetic worklists for the demo, training and tests: realistic, valid, and fake.

Names use common Vietnamese surnames with their approximate population weights, middle and given
names by sex; ID numbers agree with date of birth, sex and the (legacy) province where the birth was
registered; residences are real communes from the master data, and the birth registration commune
is a pre-2025 commune that became part of it. The same seed always gives the same list.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.domain.dates import RENEWAL_AGES, parse_partial_date
from app.domain.idnumber import compose_id
from app.domain.masterdata import MasterData, Unit
from app.domain.record import Address
from app.domain.worklist import NO_CARD, WorklistEntry, card_valid_until, due_reason

SURNAMES = {  # approximate shares (%) of the population
    "Nguyễn": 38.0, "Trần": 11.0, "Lê": 9.5, "Phạm": 7.1, "Hoàng": 4.1, "Huỳnh": 1.8,
    "Phan": 4.5, "Vũ": 3.9, "Võ": 1.5, "Đặng": 2.1, "Bùi": 2.0, "Đỗ": 1.4, "Hồ": 1.3,
    "Ngô": 1.3, "Dương": 1.0, "Lý": 0.5, "Đinh": 0.8, "Trịnh": 0.6, "Đào": 0.5, "Mai": 0.4,
    "Lương": 0.4, "Cao": 0.3, "Tạ": 0.2, "Lò": 0.2, "Hà": 0.3, "Triệu": 0.2,
}
MIDDLE = {
    "male": ["Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Thành", "Công", "Xuân",
             "Ngọc", "Duy", "Gia", "Tuấn"],
    "female": ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Phương", "Kim",
               "Mai", "Bích", "Thùy", "Khánh"],
}
GIVEN = {
    "male": ["Anh", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hoàng",
             "Hùng", "Huy", "Khánh", "Khoa", "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phong",
             "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Tiến", "Toàn", "Trung",
             "Tú", "Tuấn", "Việt", "Vinh", "Vũ", "Ân", "Lộc", "Hưng", "Thịnh", "Khôi"],
    "female": ["Anh", "Ánh", "Châu", "Chi", "Diệp", "Dung", "Giang", "Hà", "Hạnh", "Hằng",
               "Hiền", "Hoa", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My",
               "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo",
               "Thủy", "Trang", "Trâm", "Tuyết", "Uyên", "Vân", "Vy", "Xuân", "Yến", "Ân",
               "Ly"],
}
ETHNICITY = {"01": 85.3, "02": 1.9, "03": 1.9, "06": 1.5, "05": 1.4, "08": 1.3, "07": 1.1,
             "04": 0.8, "09": 0.9, "10": 0.5, "12": 0.4}
RELIGION = {"00": 86.0, "01": 4.8, "02": 6.1, "08": 1.0, "05": 1.1, "03": 1.0}
STREETS = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Lý Thường Kiệt",
           "Quang Trung", "Điện Biên Phủ", "Hùng Vương", "Nguyễn Huệ", "Lê Duẩn"]
REASON_WEIGHTS = {"age_14": 20.0, "age_25": 25.0, "age_40": 25.0, "age_60": 20.0, NO_CARD: 10.0}


def generate_worklist(master: MasterData, count: int, seed: int, today: date,
                      communes: list[str] | None = None) -> list[WorklistEntry]:
    """`count` residents due for a card on `today`, living in `communes` (current codes; default:
    a handful of communes drawn by the seed). Deterministic for a given seed and master data."""
    rng = random.Random(seed)
    units = _communes(master, rng, communes)
    origins = _legacy_origins(master)
    seen: set[str] = set()
    out: list[WorklistEntry] = []
    while len(out) < count:
        entry = _one(master, rng, today, rng.choice(units), origins, seen)
        out.append(entry)
    return out


def _communes(master: MasterData, rng: random.Random, codes: list[str] | None) -> list[Unit]:
    if codes:
        units = [master.commune(c) for c in codes]
        missing = [c for c, u in zip(codes, units, strict=True) if u is None]
        if missing:
            raise ValueError(f"unknown commune codes: {missing}")
        return [u for u in units if u is not None]
    pool = sorted(master.admin.communes)
    return [master.admin.communes[c] for c in rng.sample(pool, 5)]


def _legacy_origins(master: MasterData) -> dict[str, list[str]]:
    """Current commune -> the pre-2025 communes that went (wholly or partly) into it."""
    inverse: dict[str, list[str]] = {}
    for old, new in sorted(master.admin.commune_map.items()):
        for code in new:
            inverse.setdefault(code, []).append(old)
    return inverse


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _one(master: MasterData, rng: random.Random, today: date, home: Unit,
         origins: dict[str, list[str]], seen: set[str]) -> WorklistEntry:
    sex = rng.choice(("male", "female"))
    name = f"{_pick(rng, SURNAMES)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"
    reason = _pick(rng, REASON_WEIGHTS)
    dob, issued = _dates_for(rng, today, reason)
    assert due_reason(dob.isoformat(), issued, today) is not None
    born_in = _birth_commune(master, rng, home, origins)
    province = _id_province(master, born_in, home)
    while True:
        pid = compose_id(province, dob.year, sex, rng.randrange(1_000_000))
        if pid not in seen:
            seen.add(pid)
            break
    detail = (f"Số {rng.randint(1, 300)} đường {rng.choice(STREETS)}" if home.kind == "phường"
              else f"Thôn {rng.randint(1, 15)}")
    return WorklistEntry(
        personal_id=pid, full_name=name, date_of_birth=dob.isoformat(), sex=sex,
        residence=Address(home.parent or "", home.code, detail),
        reason=due_reason(dob.isoformat(), issued, today) or reason,
        last_issue_date=issued.isoformat() if issued else "",
        ethnicity=_pick(rng, ETHNICITY), religion=_pick(rng, RELIGION),
        birth_registration_place=born_in, place_of_origin=_copy_address(born_in),
    )


def _dates_for(rng: random.Random, today: date, reason: str) -> tuple[date, date | None]:
    """A date of birth and last card issue date that make the resident due for `reason`."""
    if reason == NO_CARD:
        age = rng.randint(15, 80)
        return today - timedelta(days=365 * age + rng.randint(0, 300)), None
    age = int(reason.split("_")[1])
    days_since = rng.randint(0, 330)  # reached the age within the last year
    turning = today - timedelta(days=days_since)
    dob = _minus_years(turning, age)
    if age == 14:
        return dob, None
    previous = RENEWAL_AGES[RENEWAL_AGES.index(age) - 1]
    # issued at the previous renewal age (+ up to a year), far from the 2-year grace window
    issued = _minus_years(turning, age - previous) + timedelta(days=rng.randint(0, 300))
    parsed = parse_partial_date(dob.isoformat())
    assert parsed is not None and card_valid_until(parsed, issued) is not None
    return dob, issued


def _minus_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _birth_commune(master: MasterData, rng: random.Random, home: Unit,
                   origins: dict[str, list[str]]) -> Address:
    """Usually born where they live (a legacy commune of it), sometimes in another province."""
    if rng.random() < 0.8 and origins.get(home.code):
        old = master.legacy_commune(rng.choice(origins[home.code]))
    else:
        old = master.legacy_commune(rng.choice(sorted(master.admin.old_communes)))
    if old is None:
        return Address(home.parent or "", home.code)
    return Address(master.legacy_province_of(old) or "", old.code)


def _id_province(master: MasterData, born_in: Address, home: Unit) -> str:
    if master.legacy_province(born_in.province) is not None:
        return "0" + born_in.province
    legacy = master.legacy_provinces_of(home.parent or "")
    return "0" + legacy[0]


def _copy_address(a: Address) -> Address:
    """Quê quán down to the commune: a province code alone may mean a current or a legacy one."""
    return Address(a.province, a.commune, a.detail)
