"""Speed of the domain layer: master-data load, commune search, validation, synthetic worklists.

Run: python bench/domain_bench.py  (prints numbers; nothing asserts on time, the machine is shared)
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.masterdata import load_master  # noqa: E402
from app.domain.names import collation_key  # noqa: E402
from app.domain.synthetic import generate_worklist  # noqa: E402
from app.domain.validation import validate  # noqa: E402
from app.domain.worklist import WorklistIndex  # noqa: E402

TODAY = date(2026, 11, 22)


def _ms(fn, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    loads = []
    for _ in range(5):
        m = load_master()
        t0 = time.perf_counter()
        m.ethnicity("01")
        t1 = time.perf_counter()
        m.province("01")
        t2 = time.perf_counter()
        m.search_communes("ba dinh")
        t3 = time.perf_counter()
        loads.append(((t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000))
    codes, admin, first = (statistics.median(x) for x in zip(*loads, strict=True))
    print(f"load codes.json          {codes:7.1f} ms")
    print(f"load admin units         {admin:7.1f} ms  (3,321 + 10,051 communes, mapping)")
    print(f"first commune search     {first:7.1f} ms  (builds the folded index)")
    print(f"commune search           {_ms(lambda: m.search_communes('nguyen trai'), 20):7.2f} ms")
    print(f"commune search + legacy  "
          f"{_ms(lambda: m.search_communes('phuc xa', include_legacy=True), 20):7.2f} ms")
    wl = []
    print(f"synthetic worklist 10k   "
          f"{_ms(lambda: wl.extend(generate_worklist(m, 10_000, 1, TODAY))):7.0f} ms")
    records = [e.to_record() for e in wl]
    per = _ms(lambda: [validate(r, TODAY, m) for r in records]) / len(records)
    print(f"validate one record      {per * 1000:7.1f} us")
    index = WorklistIndex(wl)
    print(f"worklist index 10k       {_ms(lambda: WorklistIndex(wl)):7.1f} ms")
    print(f"worklist search by name  {_ms(lambda: index.search('nguyen thi anh'), 5):7.1f} ms")
    print(f"worklist search by ID    {_ms(lambda: index.search(wl[5000].personal_id), 5):7.1f} ms")
    names = [e.full_name for e in wl]
    print(f"collation sort 10k names {_ms(lambda: sorted(names, key=collation_key), 3):7.1f} ms")


if __name__ == "__main__":
    main()
