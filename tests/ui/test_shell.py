"""The shell offscreen: login, wrong password, lockout countdown, idle lock and unlock."""

import pytest
from PySide6.QtCore import Qt

from app.ui.i18n import set_lang
from app.ui.shell import Shell
from tests.conftest import PASSWORDS


@pytest.fixture
def shell(qtbot, station):
    set_lang("vi")
    w = Shell(station, "Trạm thử", hint="demo")
    qtbot.addWidget(w)
    w.show()
    return w


def _login(qtbot, screen, user, password):
    screen.user.setText(user)
    screen.password.setText(password)
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)


def test_wrong_password_then_login(qtbot, shell):
    _login(qtbot, shell.login, "officer1", "wrong-password")
    qtbot.waitUntil(lambda: "Sai mật khẩu" in shell.login.message.text(), timeout=5000)
    assert shell.login.password.text() == ""  # never left in the field
    _login(qtbot, shell.login, "officer1", PASSWORDS["officer1"])
    qtbot.waitUntil(lambda: shell.main is not None and shell.stack.currentWidget() is shell.main,
                    timeout=5000)
    qtbot.waitUntil(lambda: "officer1 (officer)" in shell.main.status.text(), timeout=5000)
    assert "Nháp: 0" in shell.main.status.text()


def test_lockout_shows_countdown_and_disables_login(qtbot, shell):
    for _ in range(3):
        qtbot.waitUntil(lambda: shell.login.button.isEnabled(), timeout=5000)
        _login(qtbot, shell.login, "officer1", "wrong-password")
    qtbot.waitUntil(lambda: "Thử lại sau" in shell.login.message.text(), timeout=5000)
    assert not shell.login.button.isEnabled()
    assert "30 giây" in shell.login.message.text() or "29 giây" in shell.login.message.text()


def test_idle_lock_and_unlock(qtbot, shell):
    _login(qtbot, shell.login, "super1", PASSWORDS["super1"])
    qtbot.waitUntil(lambda: shell.session is not None, timeout=5000)
    shell.session.idle_seconds = 0
    shell.check_idle()
    assert shell.session.locked and shell.stack.currentWidget() is shell.lock_screen
    assert shell.lock_screen.user.text() == "super1" and shell.lock_screen.user.isReadOnly()
    shell.session.idle_seconds = 900
    _login(qtbot, shell.lock_screen, "super1", "nope-nope-1")
    qtbot.waitUntil(lambda: "Sai mật khẩu" in shell.lock_screen.message.text(), timeout=5000)
    assert shell.session.locked
    _login(qtbot, shell.lock_screen, "super1", PASSWORDS["super1"])
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.main, timeout=5000)
    assert not shell.session.locked
