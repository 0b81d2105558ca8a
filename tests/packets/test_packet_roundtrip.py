"""Build -> envelope -> verify -> open, and the determinism the staged signing relies on."""

from __future__ import annotations

import dataclasses
import json

from synth import T0, make_inputs

from app.packets.archive import MEMBERS, read_archive
from app.packets.build import inner_archive, seal_packet
from app.packets.envelope import MAGIC, open_payload, split_envelope
from app.packets.manifest import build_contents, sign
from app.packets.verify import check_packet, open_packet, verify_envelope


def test_open_returns_what_was_built(built, inputs, centre, trusted):
    opened = open_packet(built.envelope, centre, trusted)
    assert opened.header.packet_id == inputs.packet_id == built.packet_id
    assert opened.envelope_sha256 == built.envelope_sha256
    assert opened.demographics["full_name"] == "Nguyễn Thị Ánh"
    m = opened.manifest
    assert m["officer_id"] == "officer.lan"
    assert m["approval"] == {"supervisor_id": "sup.minh", "approved_at": "2026-11-22T09:30:00Z"}
    assert m["times"]["captured_at"] == "2026-11-22T08:41:00Z"
    fingers = {f["position"]: f for f in m["captures"]["fingers"]}
    assert fingers[5] == {"position": 5, "impression": "rolled", "present": False, "retries": 0,
                          "forced": False, "exception": "amputated"}
    assert fingers[9]["forced"] is True and fingers[13]["impression"] == "plain"
    t = opened.transaction
    assert t.face.jpeg == inputs.face.jpeg
    sent = {f.position: f.wsq for f in inputs.fingers if f.wsq}
    assert {f.position: f.wsq for f in t.fingers} == sent
    assert t.amputations == {5: "XX", 10: "UP"}
    assert set(opened.signatures) == {"officer", "supervisor", "station"}
    assert all(c.status == "ok" for c in opened.checks)


def test_verify_envelope_is_cheap_and_checks_header(built, trusted):
    header = verify_envelope(built.envelope, trusted)
    assert header.centre_key_id == built.centre_key_id
    assert header.payload_size == len(split_envelope(built.envelope).payload)
    assert built.envelope.startswith(MAGIC)


def test_check_packet_all_ok_with_and_without_trust_list(built, centre, trusted):
    with_trust = check_packet(built.envelope, centre, trusted)
    assert [c.status for c in with_trust] == ["ok"] * len(with_trust)
    names = [c.name for c in with_trust]
    for n in ("envelope.signature", "decrypt", "file:biometrics.an2", "signature:supervisor"):
        assert n in names
    without = check_packet(built.envelope, centre.seal_keys)
    assert {c.status for c in without} == {"ok", "warn"}
    assert [c.name for c in without if c.status == "warn"] == ["trust"]
    json.dumps([c.as_dict() for c in without])  # --json output is serialisable


def test_manifest_and_archive_are_deterministic():
    a = build_contents(make_inputs())
    b = build_contents(make_inputs())
    assert a.manifest_bytes() == b.manifest_bytes()
    assert a.biometrics == b.biometrics and a.demographics == b.demographics
    # Demographics key order and NFC-equal input do not matter to the canonical bytes.
    shuffled = make_inputs()
    shuffled = dataclasses.replace(shuffled, demographics=dict(reversed(
        list(shuffled.demographics.items()))))
    assert build_contents(shuffled).manifest_bytes() == a.manifest_bytes()
    body = a.manifest_bytes()
    assert body == json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"),
                              ensure_ascii=False).encode()
    entries = [{"role": "officer", "signer_id": "x", "key_id": "k", "public_key": "p",
                "scope": "capture", "signature": "s"}]
    assert inner_archive(a, entries) == inner_archive(b, entries)
    names = [n for n in MEMBERS]
    assert list(read_archive(inner_archive(a, entries))) == names


def test_staged_signing_officer_before_approval(signers, centre, trusted):
    draft = build_contents(make_inputs("ST001-000099", approved=False))
    officer_sig = sign(draft, "officer", "officer.lan", signers.officer)
    assert "approval" not in draft.manifest
    # Later, at approval, the record is rebuilt from the store with the approval filled in.
    approved = build_contents(make_inputs("ST001-000099"))
    sup_sig = sign(approved, "supervisor", "sup.minh", signers.supervisor)
    pkt = seal_packet(approved, [officer_sig, sup_sig], "ST001", signers.station,
                      centre.current_public, T0.replace(hour=11))
    opened = open_packet(pkt.envelope, centre, trusted)
    assert opened.manifest["approval"]["supervisor_id"] == "sup.minh"


def test_hpke_info_binds_packet_and_station(built, centre):
    raw = split_envelope(built.envelope)
    key = centre.seal_keys[raw.header.centre_key_id]
    assert open_payload(raw.payload, key, raw.header.packet_id, "ST001")[:2] == b"PK"
    import pytest
    from cryptography.exceptions import InvalidTag
    with pytest.raises(InvalidTag):
        open_payload(raw.payload, key, "ST001-000043", "ST001")
    with pytest.raises(InvalidTag):
        open_payload(raw.payload, key, raw.header.packet_id, "ST002")


def test_sealing_refuses_signatures_over_an_older_version_of_the_record(signers, centre):
    import pytest

    from app.packets.errors import BadSignature
    draft = build_contents(make_inputs("ST001-000100", approved=False))
    officer_sig = sign(draft, "officer", "officer.lan", signers.officer)
    edited = make_inputs("ST001-000100")
    edited = dataclasses.replace(edited, demographics=dict(edited.demographics, sex="male"))
    approved = build_contents(edited)
    sup_sig = sign(approved, "supervisor", "sup.minh", signers.supervisor)
    with pytest.raises(BadSignature) as err:
        seal_packet(approved, [officer_sig, sup_sig], "ST001", signers.station,
                    centre.current_public, T0)
    assert err.value.code == "signature_officer"
