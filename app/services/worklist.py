"""The commune worklist on the station: import an extract, search it offline, prefill a form.

Entries are checked one by one (WorklistEntry.from_json) before anything is replaced, so a bad
extract changes nothing; then the store seals each entry and indexes it with blind tokens.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.errors import InputError
from app.domain.masterdata import MasterData
from app.domain.synthetic import generate_worklist
from app.domain.worklist import WorklistEntry
from app.services.station import Session
from app.store import worklist as store_worklist


def import_entries(session: Session, batch: str, entries: list[dict[str, Any]]) -> int:
    checked = []
    for i, raw in enumerate(entries):
        try:
            checked.append(WorklistEntry.from_json(raw).to_json())
        except InputError as err:
            raise InputError(err.code, f"Mục {i + 1} của danh sách: {err.vi}",
                             f"Worklist entry {i + 1}: {err.en}", field=err.field) from None
    return session.station.store.run(store_worklist.replace, session._k(write=True), batch,
                                     checked, session.user.id)


def import_synthetic(session: Session, master: MasterData, count: int, seed: int,
                     today: date | None = None) -> int:
    """For the demo and training: realistic residents of real communes, never real people."""
    entries = generate_worklist(master, count, seed, today or date.today())
    return import_entries(session, f"synthetic-{seed}", [e.to_json() for e in entries])


def search(session: Session, text: str, limit: int = 50) -> list[dict[str, Any]]:
    return session.station.store.run(store_worklist.search, session._k(), text, limit)


def prefill(entry: dict[str, Any]) -> dict[str, Any]:
    """A new enrollment form from a worklist hit (cấp mới without a card, else cấp đổi)."""
    return WorklistEntry.from_json(entry).to_record().to_json()


def info(session: Session) -> dict[str, Any]:
    return session.station.store.run(store_worklist.info)
