"""Child for the crash test: saves and edits records forever, printing each committed id."""

import os
import sys
from pathlib import Path

from app.domain.states import State
from app.services.station import Station
from app.store.crypto import FAST_KDF


def main(data_dir: str) -> None:
    st = Station.open(Path(data_dir), kdf=FAST_KDF)
    s = st.login("officer1", "officer-pass-1")
    i = 0
    while True:
        i += 1
        rec = s.save_record({"full_name": f"Crash Test {os.getpid()} {i}", "n": i},
                            {"face.jpg": os.urandom(20_000 + (i % 7) * 10_000)})
        print(f"saved {rec.id} {i}", flush=True)
        if i % 3 == 0:
            s.transition(rec.id, State.CAPTURED)
            print(f"captured {rec.id}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
