"""The login screen (also the idle-lock screen): keyboard-first, plain-language errors.

A lockout shows the remaining wait as a live countdown instead of a bare refusal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AuthError
from app.services.station import Session
from app.ui import operations
from app.ui.i18n import t


class LoginScreen(QWidget):
    logged_in = Signal(object)  # Session

    def __init__(self, attempt: Callable[[str, str], Session], station_name: str,
                 hint: str = "", locked_user: str | None = None) -> None:
        """`attempt(user, password)` runs off the GUI thread: a login, or unlocking a session."""
        super().__init__()
        self.attempt = attempt
        self.setObjectName("login")
        self.setWindowTitle(t("Trạm thu nhận căn cước", "Identity enrollment station"))
        title = QLabel(t("Đăng nhập", "Log in") if not locked_user else t("Đã khoá", "Locked"))
        title.setObjectName("title")
        sub = QLabel(station_name)
        self.user = QLineEdit(locked_user or "")
        self.user.setObjectName("username")
        self.user.setReadOnly(locked_user is not None)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton(t("Đăng nhập", "Log in"))
        self.button.setObjectName("login_button")
        self.button.setDefault(True)
        self.message = QLabel("")
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(t("Tên đăng nhập", "User name"), self.user)
        form.addRow(t("Mật khẩu", "Password"), self.password)
        card = QWidget()
        card.setMaximumWidth(480)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 3)
        outer.addStretch(1)
        box = QVBoxLayout(card)
        box.addStretch(1)
        for w in (title, sub):
            box.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addLayout(form)
        box.addWidget(self.button)
        box.addWidget(self.message)
        if hint:
            h = QLabel(hint)
            h.setObjectName("hint")
            h.setWordWrap(True)
            box.addWidget(h)
        box.addStretch(2)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.user.returnPressed.connect(self.password.setFocus)
        self._wait = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        (self.password if locked_user else self.user).setFocus()

    def submit(self) -> None:
        if self._wait > 0:
            return
        username, password = self.user.text().strip(), self.password.text()
        self.button.setEnabled(False)
        self.message.setText(t("Đang kiểm tra…", "Checking…"))
        operations.run(lambda: self.attempt(username, password), self._ok, self._fail, self)

    def _ok(self, session: Session) -> None:
        self.password.clear()
        self.message.clear()
        self.button.setEnabled(True)
        self.logged_in.emit(session)

    def _fail(self, exc: BaseException) -> None:
        self.password.clear()
        self.button.setEnabled(True)
        self.password.setFocus()
        wait = getattr(exc, "retry_after", 0) if isinstance(exc, AuthError) else 0
        if wait:
            self._wait = int(wait)
            self.button.setEnabled(False)
            self._countdown.start()
            self._tick(first=True)
        else:
            self.message.setText(operations.describe(exc))

    def _tick(self, first: bool = False) -> None:
        if not first:
            self._wait -= 1
        if self._wait <= 0:
            self._countdown.stop()
            self.button.setEnabled(True)
            self.message.setText(t("Có thể thử lại.", "You can try again."))
            return
        self.message.setText(t("Nhập sai nhiều lần. Thử lại sau {s} giây.",
                               "Too many wrong passwords. Try again in {s} s.").format(
                                   s=self._wait))
