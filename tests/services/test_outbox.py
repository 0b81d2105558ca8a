from datetime import date

import pytest

from app.domain.errors import InputError
from app.domain.masterdata import default_master
from app.domain.synthetic import generate_worklist
from app.packets.keydir import write_key_dir
from app.packets.keys import CentreKeys
from app.services import outbox, packaging
from app.services.enrollment import Enrollment
from app.services.review import Review
from app.store import outbox as store_outbox
from tests.biometrics import complete
from tests.conftest import PASSWORDS

TODAY = date(2026, 11, 22)


@pytest.fixture
def centre(tmp_path):
    keys = CentreKeys.generate()
    write_key_dir(tmp_path / "centre", keys)
    return keys, tmp_path / "centre"


@pytest.fixture
def approved(station, officer, supervisor, centre):
    admin = station.login("admin", PASSWORDS["admin"])
    outbox.register_centre(admin, centre[0].public_document())
    flow = Enrollment(officer, default_master(), today=lambda: TODAY)
    ids = [complete(flow, e.to_record().to_json())
           for e in generate_worklist(default_master(), 3, 21, TODAY)]
    Review(supervisor).approve(ids, PASSWORDS["super1"])
    return ids


def test_queue_seals_packets_the_centre_can_open(station, supervisor, approved, centre, tmp_path):
    assert sorted(outbox.queue_approved(supervisor)) == sorted(approved)
    assert {r["state"] for r in station.list_records()} == {"queued"}
    export = tmp_path / "usb"
    report = outbox.export_to(supervisor, export)
    assert report["count"] == 3 and report["verified"]
    for pid in approved:
        checks = packaging.verify_packet_file(export / f"{pid}.pkt", centre[1])
        assert all(c["status"] != "fail" for c in checks), checks
    counts = station.store.run(store_outbox.counts)
    assert counts == {"packets": 3, "undelivered": 3, "exported": 3}


def test_export_read_back_catches_a_bad_stick(station, supervisor, approved, tmp_path):
    outbox.queue_approved(supervisor)
    export = tmp_path / "usb"
    outbox.export_to(supervisor, export)
    victim = export / f"{approved[0]}.pkt"
    data = bytearray(victim.read_bytes())
    data[-10] ^= 0xFF
    victim.write_bytes(bytes(data))
    with pytest.raises(InputError) as e:
        outbox.verify_batch(export)
    assert e.value.code == "batch_corrupt" and approved[0] in e.value.en


def test_only_admin_registers_centre_and_bad_doc_refused(station, officer, centre):
    from app.domain.errors import AuthError, StationError

    with pytest.raises(AuthError):
        outbox.register_centre(officer, centre[0].public_document())
    admin = station.login("admin", PASSWORDS["admin"])
    doc = centre[0].public_document()
    doc["hpke"][0]["kid"] = "0" * 16
    with pytest.raises(StationError):
        outbox.register_centre(admin, doc)


def test_purge_after_receipt_and_retention(station, supervisor, approved, centre):
    from datetime import UTC, datetime, timedelta

    from app.packets.receipt import issue_receipt

    outbox.queue_approved(supervisor)
    keys = centre[0]
    for rid in approved[:2]:  # two delivered, one still waiting
        env = station.store.run(store_outbox.envelope, rid)
        wire = issue_receipt(env, rid, keys.receipt_key, datetime.now(UTC))
        station.store.run(store_outbox.delivered, rid, wire)
    assert outbox.purge(supervisor) == []  # within the retention period: kept
    later = datetime.now(UTC) + timedelta(days=31)
    assert sorted(outbox.purge(supervisor, now=later)) == sorted(approved[:2])
    states = {r["id"]: r["state"] for r in station.list_records()}
    assert [states[i] for i in approved] == ["purged", "purged", "queued"]
    assert station.store.run(store_outbox.receipt, approved[0])  # the proof stays
    with pytest.raises(InputError):
        supervisor.show(approved[0])
