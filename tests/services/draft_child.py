"""Child for the draft crash test: autosaves one draft over and over, printing each commit."""

import sys
from pathlib import Path

from app.domain.masterdata import default_master
from app.services.enrollment import Enrollment
from app.services.station import Station
from app.store.crypto import FAST_KDF


def main(data_dir: str, record_id: str) -> None:
    st = Station.open(Path(data_dir), kdf=FAST_KDF)
    flow = Enrollment(st.login("officer1", "officer-pass-1"), default_master())
    form, _ = flow.resume(record_id)
    n = 0
    while True:
        n += 1
        form["other_name"] = f"Bản nháp {n}"
        flow.save_draft(form, step=f"form-{n}", record_id=record_id)
        print(n, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
