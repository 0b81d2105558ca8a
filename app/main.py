"""Composition root: the one place that builds the store, services and UI and wires them."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from app.services.station import Station
from app.store.crypto import KdfParams

DEMO_USERS = [("admin", "admin", "demo-admin-1"), ("canbo1", "officer", "demo-canbo-1"),
              ("truongca", "supervisor", "demo-truong-1")]


def run_gui(data_dir: Path, lang: str | None = None) -> int:
    """`lang`: --lang if given, else the station's saved language (Devices > Settings)."""
    from app.services import settings
    from app.ui import app as ui

    lang = lang or settings.load(data_dir).lang
    station = Station.open(data_dir)
    try:
        return ui.run(station, station.info()["name"], lang)
    finally:
        station.close()


def make_demo_station(data_dir: Path, kdf: KdfParams | None = None) -> Station:
    """A station with one user per role and the passwords printed on the login screen."""
    station = Station.init(data_dir, "Trạm demo — Xã Tả Van", DEMO_USERS[0][0], DEMO_USERS[0][2],
                           kdf=kdf)
    admin = station.login(DEMO_USERS[0][0], DEMO_USERS[0][2])
    for name, role, pw in DEMO_USERS[1:]:
        admin.add_user(name, role, pw)
    admin.logout()
    return station


def demo_hint() -> str:
    return "Demo: " + ", ".join(f"{u} / {p} ({r})" for u, r, p in DEMO_USERS)


DEMO_COMMUNE = "00004"


def prepare_demo(folder: Path, centre_url: str, centre_dir: Path,
                 kdf: KdfParams | None = None) -> Station:
    """Station with demo users, registered with the local centre, a synthetic worklist."""
    from datetime import date

    from app.domain.masterdata import default_master
    from app.services import centre_admin, sync, worklist

    if (folder / "station.db").exists():
        return Station.open(folder, kdf=kdf)
    station = make_demo_station(folder, kdf)
    admin = station.login(DEMO_USERS[0][0], DEMO_USERS[0][2])
    token = centre_admin.issue_token(centre_dir, DEMO_COMMUNE)
    sync.provision(admin, centre_url, token, DEMO_COMMUNE)
    worklist.import_synthetic(admin, default_master(), 500, 2026, date.today())
    admin.logout()
    return station


def run_demo(lang: str, data_dir: Path | None = None) -> int:
    """The app with simulated devices and a reference centre on 127.0.0.1, in a throwaway
    folder (or `data_dir`, kept)."""
    from app.services import centre_admin
    from app.ui import app as ui

    throwaway = data_dir is None
    folder = Path(tempfile.mkdtemp(prefix="enroll-demo-")) if throwaway else Path(data_dir)
    try:
        with centre_admin.running_server(folder / "centre") as url:
            station = prepare_demo(folder / "station", url, folder / "centre")
            try:
                print(f"centre: {url}  station data: {folder / 'station'}", flush=True)
                return ui.run(station, station.info()["name"], lang, demo_hint())
            finally:
                station.close()
    finally:
        if throwaway:
            shutil.rmtree(folder, ignore_errors=True)


def ui_checks() -> list[tuple[str, object]]:
    """Self-test checks that need Qt: render the login screen offscreen."""

    def render() -> None:
        import os

        if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from app.ui.app import application
        from app.ui.login import LoginScreen

        application()
        screen = LoginScreen(lambda u, p: None, "Trạm tự kiểm tra")  # type: ignore[arg-type]
        screen.resize(800, 500)
        image = screen.grab().toImage()
        colours = {image.pixel(x, y) for x in range(0, 800, 40) for y in range(0, 500, 25)}
        assert not image.isNull() and len(colours) > 1, "blank render"
        screen.deleteLater()

    def pdf() -> None:
        from app.ui.app import application
        from app.ui.printing import render_pdf

        application()
        data = render_pdf({"title": "PHIẾU TỰ KIỂM TRA", "code": "TEST",
                           "fields": [("Họ và tên", "NGUYỄN THỊ ÁNH")], "qr": "00000-000000"})
        assert data.startswith(b"%PDF") and len(data) > 1000, "PDF not rendered"

    return [("screen render", render), ("PDF render", pdf)]
