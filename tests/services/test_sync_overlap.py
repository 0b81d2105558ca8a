"""Two sync passes at once (the sync page's 'Sync now' while its background SyncWorker runs):
found by the end-to-end UI test's review. Both passes seal the same approved records, and the
loser fails with IllegalTransition 'queued -> queued' (the page then shows that error, or the
worker reports the station offline). Fixed by one pass at a time per station (sync_lock)."""

from __future__ import annotations

import threading

from app.services import centre_admin, sync
from tests.ui.sync_fixtures import enrolled, provisioned


def test_overlapping_passes_both_succeed(tmp_path):
    data = tmp_path / "centre"
    with centre_admin.running_server(data) as url:
        st = provisioned(tmp_path, data, url)
        try:
            sup, ids = enrolled(st, 4, 81)
            reports, errors = [], []

            def one_pass() -> None:
                try:
                    reports.append(sync.sync_now(sup))
                except Exception as exc:  # noqa: BLE001 - the finding itself
                    errors.append(repr(exc))

            threads = [threading.Thread(target=one_pass) for _ in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            assert {r["state"] for r in st.list_records()} == {"delivered"}
            assert errors == []
            assert sorted(i for r in reports for i in r["delivered"] + r["already_held"]) \
                == sorted(ids)
        finally:
            st.close()
