"""The command line as operators and scripts use it: a real process, real exit codes."""

import json
import os
import subprocess
import sys

import pytest

from tests.forms import adult_forms, child_form

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def es(data_dir, *args, stdin="", lang="en"):
    env = {**os.environ, "PYTHONPATH": ROOT}
    cmd = [sys.executable, "-m", "app.cli", "--data-dir", str(data_dir), "--lang", lang, *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def initialised(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli") / "data"
    r = es(d, "init", "--station-name", "Xã Bản Phố", "--admin", "admin", "--password-stdin",
           "--json", stdin="admin-pass-1\n")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["name"] == "Xã Bản Phố"
    r = es(d, "user", "add", "off1", "--role", "officer", "--as", "admin", "--password-stdin",
           "--json", stdin="admin-pass-1\nofficer-pass-1\n")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["role"] == "officer"
    r = es(d, "user", "add", "sup1", "--role", "supervisor", "--as", "admin", "--password-stdin",
           stdin="admin-pass-1\nsuper-pass-1\n")
    assert r.returncode == 0, r.stderr
    return d


def test_list_json_and_state_filter(initialised):
    r = es(initialised, "list", "--json")
    assert r.returncode == 0 and json.loads(r.stdout) == []
    r = es(initialised, "list", "--state", "nonsense", "--json")
    assert r.returncode == 2 and json.loads(r.stdout)["error"]["field"] == "state"


def test_errors_name_the_cause_and_exit_nonzero(initialised, tmp_path):
    r = es(initialised, "show", "x", "--as", "ghost", "--password-stdin", stdin="whatever-1\n")
    assert r.returncode == 3 and "ghost" in r.stderr
    r = es(initialised, "show", "x", "--as", "admin", "--password-stdin", stdin="\n")
    assert r.returncode == 2 and "empty" in r.stderr
    r = es(initialised, "show", "x", "--as", "admin", "--password-stdin", stdin="")
    assert r.returncode == 2 and "missing" in r.stderr
    r = es(initialised, "show", "nope", "--as", "admin", "--password-stdin",
           stdin="admin-pass-1\n", lang="vi")
    assert r.returncode == 2 and "Không tìm thấy hồ sơ" in r.stderr
    r = es(initialised, "user", "add", "x2", "--role", "officer", "--as", "off1",
           "--password-stdin", stdin="officer-pass-1\nsome-pass-1\n")
    assert r.returncode == 3 and "officer" in r.stderr
    r = es(tmp_path / "empty", "list")
    assert r.returncode == 4 and "init" in r.stderr and not (tmp_path / "empty").exists()
    r = es(initialised, "init", "--station-name", "X", "--admin", "admin2", "--password-stdin",
           stdin="admin-pass-2\n")
    assert r.returncode == 2 and "already" in r.stderr


def test_self_test_json(tmp_path):
    r = es(tmp_path, "self-test", "--json")
    out = json.loads(r.stdout)
    assert r.returncode == 0 and out["ok"] and {c["name"] for c in out["checks"]} >= {
        "crypto", "store"}


def _write(tmp_path, name, form):
    f = tmp_path / name
    f.write_text(json.dumps(form, ensure_ascii=False), encoding="utf-8")
    return f


def _enroll(d, f, *extra, user="off1", pw="officer-pass-1"):
    return es(d, "enroll", "--from-json", str(f), "--as", user, "--password-stdin", "--json",
              *extra, stdin=pw + "\n")


def test_enroll_from_json_then_show_and_search(initialised, tmp_path):
    form = child_form(adult_forms(1, 11)[0], 4)  # under 6: no biometrics to capture
    f = _write(tmp_path, "form.json", form)
    r = _enroll(initialised, f, "--devices", "none")
    assert r.returncode == 0, r.stderr
    rid = json.loads(r.stdout)["id"]
    r = es(initialised, "show", rid, "--as", "off1", "--password-stdin", "--json",
           stdin="officer-pass-1\n")
    assert json.loads(r.stdout)["data"]["full_name"] == form["full_name"]
    r = es(initialised, "search", form["personal_id"], "--as", "off1", "--password-stdin",
           "--json", stdin="officer-pass-1\n")
    assert [x["id"] for x in json.loads(r.stdout)] == [rid]
    # the same person again: a warning that needs a reason, named on the command line
    r = _enroll(initialised, f, "--devices", "none")
    assert r.returncode == 2 and "personal_id [duplicate_local" in r.stderr
    r = _enroll(initialised, f, "--devices", "none", "--reason",
                "personal_id:duplicate_local=re-issue after loss")
    assert r.returncode == 0, r.stderr


def test_enroll_adult_with_simulated_devices(initialised, tmp_path):
    f = _write(tmp_path, "adult.json", adult_forms(1, 12)[0])
    r = _enroll(initialised, f, "--devices", "none")
    assert r.returncode == 2 and "biometrics incomplete" in r.stderr.lower()
    r = _enroll(initialised, f)  # default: the simulated camera and scanner
    assert r.returncode == 0, r.stderr
    rid = json.loads(r.stdout)["id"]
    r = es(initialised, "list", "--json")
    row = next(x for x in json.loads(r.stdout) if x["id"] == rid)
    assert row["state"] == "captured" and row["blob_count"] == 14  # portrait + 13 prints


def test_enroll_bad_form_lists_every_problem(initialised, tmp_path):
    f = _write(tmp_path, "bad.json", {"full_name": "X1", "sex": "other", "colour": "blue"})
    r = _enroll(initialised, f)
    assert r.returncode == 2
    fields = {p["field"] for p in json.loads(r.stdout)["problems"]}
    assert {"colour", "sex", "full_name", "date_of_birth"} <= fields
    r = _enroll(initialised, tmp_path / "missing.json")
    assert r.returncode == 2 and "missing.json" in r.stderr


def test_approve_and_reject(initialised, tmp_path):
    ids = []
    for i, form in enumerate(adult_forms(2, 99)):
        r = _enroll(initialised, _write(tmp_path, f"f{i}.json", child_form(form, 3)),
                    "--devices", "none")
        assert r.returncode == 0, r.stderr
        ids.append(json.loads(r.stdout)["id"])
    r = es(initialised, "approve", ids[0], "--as", "off1", "--password-stdin",
           stdin="officer-pass-1\n")
    assert r.returncode == 3  # an officer cannot approve
    r = es(initialised, "approve", ids[0], "--as", "sup1", "--password-stdin", "--json",
           stdin="super-pass-1\n")
    assert r.returncode == 0 and json.loads(r.stdout)["approved"] == [ids[0]]
    r = es(initialised, "reject", ids[1], "--reason", "Sai ngày sinh", "--as", "sup1",
           "--password-stdin", stdin="super-pass-1\n")
    assert r.returncode == 0, r.stderr
    r = es(initialised, "list", "--json")
    states = {x["id"]: x["state"] for x in json.loads(r.stdout)}
    assert states[ids[0]] == "approved" and states[ids[1]] == "rejected"


def test_device_commands(tmp_path):
    r = es(tmp_path, "devices", "test", "--device", "simulated", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["ok"]
    r = es(tmp_path, "devices", "test", "--device", "bogus:thing")
    assert r.returncode == 2 and "bogus" in r.stderr
    r = es(tmp_path, "devices", "test", "--device", "r30x:/dev/does-not-exist", "--json")
    assert r.returncode != 0
    blank = tmp_path / "blank.png"
    import cv2
    import numpy as np

    cv2.imwrite(str(blank), np.full((500, 400), 255, np.uint8))
    r = es(tmp_path, "finger-check", str(blank), "--json")
    assert r.returncode == 1 and json.loads(r.stdout)["is_fingerprint"] is False
    r = es(tmp_path, "photo-check", str(blank), "--json")
    assert r.returncode == 1 and json.loads(r.stdout)["passed"] is False


@pytest.mark.parametrize("emulator,spec", [("r30x", "r30x:{}"), ("sbi", "sbi:{}")])
def test_emulators_speak_to_the_drivers(tmp_path, emulator, spec):
    """`emulate` prints where it listens; `devices test` reaches it through the real driver."""
    env = {**os.environ, "PYTHONPATH": ROOT}
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "emulate", emulator],
                            stdout=subprocess.PIPE, text=True, env=env)
    try:
        where = proc.stdout.readline().strip()
        assert where.startswith("/dev/") if emulator == "r30x" else where.startswith(
            "http://127.0.0.1:")
        target = where if emulator == "r30x" else where.removeprefix("http://127.0.0.1:")
        r = es(tmp_path, "devices", "test", "--device", spec.format(target), "--json")
        assert r.returncode == 0, r.stdout + r.stderr
        assert json.loads(r.stdout)["ok"] is True
    finally:
        proc.terminate()
        proc.wait(10)


def test_server_token_provision_sync(initialised, tmp_path):
    env = {**os.environ, "PYTHONPATH": ROOT}
    centre = tmp_path / "centre"
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "server", "--data-dir",
                             str(centre)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        r = es(tmp_path, "server", "token", "--commune", "00004", "--data-dir", str(centre),
               "--json")
        token = json.loads(r.stdout)["token"]
        args = ["provision", "--server", url, "--token", token, "--commune", "00004", "--as",
                "admin", "--password-stdin", "--json"]
        r = es(initialised, *args, stdin="admin-pass-1\n")
        assert r.returncode == 0, r.stderr
        r = es(initialised, *args, stdin="admin-pass-1\n")  # a token works once
        assert r.returncode != 0 and "token" in r.stderr.lower()
        r = es(initialised, "sync", "--once", "--as", "sup1", "--password-stdin", "--json",
               stdin="super-pass-1\n")
        assert r.returncode == 0, r.stderr
        out = json.loads(r.stdout)
        assert out["online"] and out["pending"] == 0
    finally:
        proc.terminate()
        proc.wait(10)


def test_offline_request_bundle_provision_sync(tmp_path):
    """USB provisioning as operators do it: request file -> centre bundle -> provision -> sync."""
    d = tmp_path / "station"
    r = es(d, "init", "--station-name", "Xã Ngoại Tuyến", "--admin", "admin", "--password-stdin",
           stdin="admin-pass-1\n")
    assert r.returncode == 0, r.stderr
    env = {**os.environ, "PYTHONPATH": ROOT}
    centre = tmp_path / "centre"
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "server", "--data-dir",
                             str(centre)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        url = proc.stdout.readline().strip()
        req, bundle = tmp_path / "request.json", tmp_path / "bundle.json"
        admin = ["--as", "admin", "--password-stdin", "--json"]
        r = es(d, "provision", "--request", str(req), "--commune", "00004", *admin,
               stdin="admin-pass-1\n")
        assert r.returncode == 0, r.stderr
        r = es(tmp_path, "server", "register-offline", str(req), "--url", url, "--out",
               str(bundle), "--data-dir", str(centre), "--json")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["commune"] == "00004"
        good = bundle.read_text(encoding="utf-8")
        bad = json.loads(good)
        bad["document"]["commune"] = "00007"
        bundle.write_text(json.dumps(bad), encoding="utf-8")
        r = es(d, "provision", "--bundle", str(bundle), *admin, stdin="admin-pass-1\n")
        assert r.returncode != 0 and "does not verify" in r.stderr
        bundle.write_text(good, encoding="utf-8")
        r = es(d, "provision", "--bundle", str(bundle), *admin, stdin="admin-pass-1\n")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["server"] == url
        r = es(d, "sync", "--once", *admin, stdin="admin-pass-1\n")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["online"]
    finally:
        proc.terminate()
        proc.wait(10)
