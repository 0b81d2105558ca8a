"""Master data in force on this station: what shipped with the app plus the centre's signed
bundles (already verified when they were pulled), newest applied last."""

from __future__ import annotations

from app.domain.masterdata import MasterData, load_master
from app.services.station import Station
from app.store import centre


def master_for(station: Station) -> MasterData:
    return load_master(bundles=station.store.run(centre.master_bundles))
