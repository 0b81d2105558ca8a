"""The window: login first, then the main area; an idle timer locks it again.

Any key or mouse activity counts as use. After the idle limit the session forgets its keys and
the lock screen asks for the same user's password; work in progress stays where it was.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from app.services import worklist
from app.services.station import Session, Station
from app.services.station_devices import StationDevices
from app.ui import operations
from app.ui.i18n import t
from app.ui.login import LoginScreen
from app.ui.main_window import MainArea

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel}


class Shell(QMainWindow):
    def __init__(self, station: Station, station_name: str, hint: str = "",
                 station_devices: StationDevices | None = None) -> None:
        """`station_devices`: the device manager's owner for this run; by default one that
        falls back to the simulated camera and scanner until the station chooses others."""
        super().__init__()
        self.station = station
        self.devices = station_devices or StationDevices(
            station.store.data_dir, default={"camera": "simulated", "scanner": "simulated"})
        operations.run(self.devices.restore, lambda _s: None, lambda _e: None, self)
        self.station_name = station_name
        self.session: Session | None = None
        self.setWindowTitle(t("Trạm thu nhận căn cước", "Identity enrollment station")
                            + f" — {station_name}")
        self.resize(1200, 800)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.login = LoginScreen(station.login, station_name, hint)
        self.login.logged_in.connect(self._enter)
        self.stack.addWidget(self.login)
        self.main: MainArea | None = None
        self.lock_screen: LoginScreen | None = None
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(5_000)
        self.idle_timer.timeout.connect(self.check_idle)
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if self.session is not None and not self.session.locked and event.type() in _ACTIVITY:
            self.session.touch()
        return False

    def _enter(self, session: Session) -> None:
        self.session = session
        self.main = MainArea(session, self.station_name,
                             worklist=lambda text: worklist.search(session, text),
                             station_devices=self.devices)
        self.stack.addWidget(self.main)
        self.stack.setCurrentWidget(self.main)
        self.idle_timer.start()

    def check_idle(self) -> None:
        if self.session and not self.session.locked and self.session.idle_expired():
            self.lock()

    def lock(self) -> None:
        session = self.session
        assert session is not None
        self.idle_timer.stop()
        session.lock()

        def unlock(_user: str, password: str) -> Session:
            session.unlock(password)
            return session

        self.lock_screen = LoginScreen(unlock, self.station_name, locked_user=session.user.username)
        self.lock_screen.logged_in.connect(self._unlocked)
        self.stack.addWidget(self.lock_screen)
        self.stack.setCurrentWidget(self.lock_screen)

    def _unlocked(self, _session: Session) -> None:
        assert self.main is not None and self.lock_screen is not None
        self.stack.setCurrentWidget(self.main)
        self.stack.removeWidget(self.lock_screen)
        self.lock_screen.deleteLater()
        self.lock_screen = None
        self.idle_timer.start()

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        worker = getattr(self.main.sync_page, "worker", None) if self.main else None
        if worker is not None:  # ask the background sync to stop; never wait on the network
            worker.stop(timeout=0)
        if self.session is not None:
            try:
                self.session.logout()
            except Exception:  # noqa: BLE001 - closing must not be blocked by the audit write
                pass
        self.devices.close()
        super().closeEvent(event)
