"""The content of the printed forms for one record: CC01 (check and sign) and CC02 (slip).

Layout is the UI's job (app/ui/printing.py renders PDF in memory); this module decides what the
forms say, including the receipt number and the return date (7 working days, the legal limit).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from app.domain.forms import cc01_fields, cc02_fields, make_receipt_no
from app.domain.masterdata import MasterData
from app.domain.record import EnrollmentRecord
from app.services.packaging import FACE_BLOB, demographics
from app.services.station import Session

WORKING_DAYS = 7


def add_working_days(day: date, n: int) -> date:
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _record(session: Session, record_id: str) -> tuple[dict[str, Any], EnrollmentRecord]:
    rec = session.show(record_id)
    return rec, EnrollmentRecord.from_json(demographics(rec["data"]))


def cc01(session: Session, record_id: str, master: MasterData) -> dict[str, Any]:
    rec, form = _record(session, record_id)
    photo = session.blob(record_id, FACE_BLOB) if FACE_BLOB in rec["blobs"] else None
    return {"title": "PHIẾU THU NHẬN THÔNG TIN CĂN CƯỚC", "code": "CC01",
            "fields": cc01_fields(form, master), "photo": photo}


def receipt_number(session: Session, rec: dict[str, Any], form: EnrollmentRecord) -> str:
    """Commune of the station (the residence's until provisioning says), day, day's sequence."""
    day = datetime.fromisoformat(rec["created_at"]).date()
    same_day = [r for r in session.station.list_records(limit=100_000)
                if r["created_at"][:10] == rec["created_at"][:10] and r["seq"] <= rec["seq"]]
    home = form.current_residence or form.permanent_residence
    commune = (home.commune if home and len(home.commune) == 5 else "") or "00000"
    return make_receipt_no(commune, day, 0, len(same_day) % 10_000)


def cc02(session: Session, record_id: str, master: MasterData, place: str,
         issuing_unit: str = "") -> dict[str, Any]:
    rec, form = _record(session, record_id)
    receipt = receipt_number(session, rec, form)
    taken = datetime.fromisoformat(rec["created_at"]).date()
    fields = cc02_fields(form, receipt, add_working_days(taken, WORKING_DAYS), place,
                         session.user.username, issued_on=taken, issuing_unit=issuing_unit,
                         master=master)
    return {"title": "GIẤY HẸN TRẢ THẺ CĂN CƯỚC", "code": "CC02", "fields": fields,
            "qr": receipt, "receipt_no": receipt}
