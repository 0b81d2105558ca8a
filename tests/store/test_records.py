import pytest

from app.domain.errors import AuthError, IllegalTransition, InputError
from app.domain.states import State
from app.store import crypto


def test_round_trip_with_blobs_and_search(officer):
    data = {"full_name": "Nguyễn Thị Ánh", "personal_id": "001305012345"}
    rec = officer.save_record(data, {"face.jpg": b"\xff\xd8jpeg" * 100, "r1.wsq": b"wsq" * 50})
    got = officer.show(rec.id)
    assert got["data"] == data and got["blobs"] == ["face.jpg", "r1.wsq"]
    assert got["state"] == "draft" and got["version"] == 1 and got["blob_count"] == 2
    assert officer.blob(rec.id, "face.jpg") == b"\xff\xd8jpeg" * 100
    other = officer.save_record({"full_name": "Nguyễn Văn Bình", "personal_id": "001099000002"})
    assert [r["id"] for r in officer.search("nguyen thi anh")] == [rec.id]
    assert [r["id"] for r in officer.search("NGUYỄN")] == [rec.id, other.id]
    assert [r["id"] for r in officer.search("001305012345")] == [rec.id]
    assert officer.search("001305012346") == [] and officer.search("tran") == []


def test_edit_bumps_version_and_reindexes(officer):
    rec = officer.save_record({"full_name": "Đặng Văn Lâm"})
    rec2 = officer.save_record({"full_name": "Đỗ Văn Lâm"}, record_id=rec.id)
    assert rec2.version == 2
    assert officer.search("dang") == [] and len(officer.search("do lam")) == 1


def test_ciphertext_is_bound_to_its_record(station, officer):
    a = officer.save_record({"full_name": "A Một"})
    b = officer.save_record({"full_name": "B Hai"})

    def swap(db):  # copy a's ciphertext into b's row: must fail to open, not decrypt as b
        payload = db.execute("SELECT payload FROM records WHERE id=?", [a.id]).fetchone()[0]
        db.execute("UPDATE records SET payload=? WHERE id=?", [payload, b.id])
    station.store.run(swap)
    with pytest.raises(crypto.DecryptError):
        officer.show(b.id)


def test_shredding_makes_the_record_unreadable(station, officer):
    rec = officer.save_record({"full_name": "Lù Thị Dung"}, {"face.jpg": b"x" * 500})
    officer.discard(rec.id)
    with pytest.raises(InputError) as e:
        officer.show(rec.id)
    assert e.value.code == "record_shredded"
    left = station.store.run(lambda db: (
        db.execute("SELECT COUNT(*) FROM record_keys WHERE record_id=?", [rec.id]).fetchone()[0],
        db.execute("SELECT COUNT(*) FROM record_blobs WHERE record_id=?", [rec.id]).fetchone()[0],
        db.execute("SELECT payload, state FROM records WHERE id=?", [rec.id]).fetchone()))
    assert left == (0, 0, (None, "purged"))
    assert officer.search("dung") == []


def test_transitions_follow_lifecycle_and_roles(officer, supervisor):
    rec = officer.save_record({"full_name": "Mùa A Sử"})
    with pytest.raises(IllegalTransition):
        officer.transition(rec.id, State.APPROVED)
    officer.transition(rec.id, State.CAPTURED)
    with pytest.raises(AuthError) as e:
        officer.transition(rec.id, State.APPROVED)  # officers don't approve their own work
    assert e.value.code == "not_allowed"
    supervisor.transition(rec.id, State.APPROVED)
    with pytest.raises(AuthError):
        supervisor.transition(rec.id, State.QUEUED)  # sync's move, not a person's
    with pytest.raises(InputError) as e:
        officer.save_record({"full_name": "changed"}, record_id=rec.id)
    assert e.value.code == "record_sealed"
    assert officer.show(rec.id)["state"] == "approved"


def test_missing_record_is_named(officer):
    with pytest.raises(InputError) as e:
        officer.show("no-such-id")
    assert e.value.field == "id" and "no-such-id" in e.value.en


def test_clock_far_from_the_centre_flags_records(station, officer):
    from app.store import centre

    station.store.run(lambda db: db.execute(
        "INSERT INTO centre (id, keys_doc, registered_at, clock_offset) VALUES (1, '{}', 'x', ?)",
        [3600.0]))
    rec = officer.save_record({"full_name": "Lò Thị Sáu"})
    assert officer.show(rec.id)["clock_flag"] == 1
    station.store.run(centre.update_centre, clock_offset=2.0)
    ok = officer.save_record({"full_name": "Lò Thị Bảy"})
    assert officer.show(ok.id)["clock_flag"] == 0
