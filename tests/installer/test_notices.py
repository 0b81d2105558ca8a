"""NOTICES.txt is built from what was bundled; every component gets its licence."""

from __future__ import annotations

import pytest

from installer import notices


def test_bundled_names_map_to_their_distributions():
    got = notices.distributions_for(["cv2", "_wsq", "nbis", "yuface.libs", "numpy.libs", "app",
                                     "json", "installer", "enroll_station_build.json"])
    assert got["cv2"] == "opencv-python-headless" and got["_wsq"] == "wsq"
    assert got["nbis"] == "nbis-py" and got["yuface.libs"] == "yuface"
    assert got["numpy.libs"] == "numpy"
    assert not {"app", "json", "installer", "enroll_station_build.json"} & set(got)


@pytest.mark.parametrize("dist,words", [
    ("PySide6_Essentials", "LGPL-3.0-only"), ("shiboken6", "LGPL-3.0-only"),
    ("nbis-py", "FingerJetFX OSE (LGPL-3.0"), ("nbis-py", "public domain"),
    ("wsq", "CeCILL-C"), ("nistitl", "CeCILL-C"), ("opencv-python-headless", "Apache-2.0"),
    ("yuface", "BSD-3-Clause"), ("cryptography", "Apache-2.0"), ("httpx", "BSD"),
])
def test_licence_lines(dist, words):
    assert words in notices.licence_of(dist)


def test_write_lists_components_and_copies_licence_texts(tmp_path):
    (tmp_path / "_internal").mkdir()
    path = notices.write(tmp_path, ["nbis", "_wsq", "cv2", "PySide6", "app"])
    text = path.read_text(encoding="utf-8")
    for needle in ("nbis-py 0.1.3", "wsq 0.9: CeCILL-C", "opencv-python-headless",
                   "DejaVu", "PyInstaller bootloader"):
        assert needle in text
    assert "CeCILL-C" in (tmp_path / "licenses" / "wsq" / "LICENSE").read_text()[:200]
    assert (tmp_path / "licenses" / "common" / "LGPL-3.txt").is_file()
