"""A draft survives a SIGKILL between two autosaves: the last autosave that returned is there,
whole, and resumes at its step."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.domain.masterdata import default_master
from app.services.enrollment import Enrollment
from app.services.station import Station
from app.store.crypto import FAST_KDF
from tests.conftest import PASSWORDS
from tests.forms import adult_forms

ROOT = Path(__file__).resolve().parents[2]


def test_draft_survives_sigkill_between_autosaves(tmp_path):
    data = tmp_path / "data"
    st = Station.init(data, "S", "admin", PASSWORDS["admin"], kdf=FAST_KDF)
    st.login("admin", PASSWORDS["admin"]).add_user("officer1", "officer", PASSWORDS["officer1"])
    flow = Enrollment(st.login("officer1", PASSWORDS["officer1"]), default_master())
    form = adult_forms(1, 71)[0]
    rid = flow.save_draft(form, step="find")
    st.close()
    rng = random.Random(5)
    for _ in range(5):
        proc = subprocess.Popen([sys.executable, "-m", "tests.services.draft_child", str(data),
                                 rid], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert proc.stdout.readline().strip() == "1"
        time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        last = int(([ "1", *out.split()])[-1])
        st = Station.open(data, kdf=FAST_KDF)
        try:
            flow = Enrollment(st.login("officer1", PASSWORDS["officer1"]), default_master())
            drafts = flow.drafts()
            assert [d["id"] for d in drafts] == [rid]  # one draft, never a duplicate
            resumed, step = flow.resume(rid)
            n = int(step.removeprefix("form-"))
            assert n in (last, last + 1)  # the last reported autosave, or one more
            assert resumed["other_name"] == f"Bản nháp {n}"  # the form and its step agree
            assert resumed["full_name"] == form["full_name"]
        finally:
            st.close()
