import pytest

from app.domain.errors import AuthError, InputError
from app.store import users
from tests.conftest import PASSWORDS


def test_wrong_password_is_refused_and_counted(station):
    with pytest.raises(AuthError) as e:
        station.login("officer1", "not-the-password")
    assert e.value.code == "wrong_password" and e.value.field == "password"
    row = station.store.run(lambda db: db.execute(
        "SELECT failed FROM users WHERE username='officer1'").fetchone())
    assert row[0] == 1
    station.login("officer1", PASSWORDS["officer1"])  # the right one still works, and resets
    row = station.store.run(lambda db: db.execute(
        "SELECT failed FROM users WHERE username='officer1'").fetchone())
    assert row[0] == 0


def test_unknown_user_and_empty_password(station):
    with pytest.raises(AuthError) as e:
        station.login("ghost", "whatever-1")
    assert e.value.code == "unknown_user" and "ghost" in e.value.en
    with pytest.raises(InputError) as e:
        station.login("officer1", "")
    assert e.value.code == "empty_password"


def test_lockout_grows_and_blocks_even_the_right_password(station):
    t = 1_000_000.0
    for _ in range(users.FREE_ATTEMPTS):
        with pytest.raises(AuthError) as e:
            station.store.run(users.login, "officer1", "wrong-pass", t)
        assert e.value.code == "wrong_password"
    with pytest.raises(AuthError) as e:
        station.store.run(users.login, "officer1", "wrong-pass", t)
    assert e.value.code == "locked_out" and e.value.retry_after == 30
    with pytest.raises(AuthError) as e:  # locked: the right password is not even tried
        station.store.run(users.login, "officer1", PASSWORDS["officer1"], t + 10)
    assert e.value.code == "locked_out" and e.value.retry_after == 20
    with pytest.raises(AuthError) as e:  # after the wait, another failure doubles the delay
        station.store.run(users.login, "officer1", "wrong-pass", t + 31)
    assert e.value.retry_after == 60
    ok = station.store.run(users.login, "officer1", PASSWORDS["officer1"], t + 92)
    assert ok.user.username == "officer1"
    assert [users.lockout_delay(n) for n in (1, 2, 3, 4, 5, 20)] == [0, 0, 30, 60, 120, 3600]


def test_password_change_rewraps_keys(station, officer):
    rec = officer.save_record({"full_name": "Lò Văn Páo"})
    station.change_password("officer1", PASSWORDS["officer1"], "brand-new-pass")
    with pytest.raises(AuthError):
        station.login("officer1", PASSWORDS["officer1"])
    again = station.login("officer1", "brand-new-pass")
    assert again.show(rec.id)["data"]["full_name"] == "Lò Văn Páo"
    assert again.user.sign_pub == officer.user.sign_pub  # same signing key, re-wrapped
    with pytest.raises(InputError):
        station.change_password("officer1", "brand-new-pass", "short")


def test_only_admin_adds_users_and_input_is_checked(station, officer):
    with pytest.raises(AuthError) as e:
        officer.add_user("x-user", "officer", "password-1")
    assert e.value.code == "not_allowed"
    admin = station.login("admin", PASSWORDS["admin"])
    for name, role, pw, code in [("A B", "officer", "password-1", "bad_username"),
                                 ("newbie", "chief", "password-1", "bad_role"),
                                 ("newbie", "officer", "", "empty_password"),
                                 ("officer1", "officer", "password-1", "user_exists")]:
        with pytest.raises(InputError) as e:
            admin.add_user(name, role, pw)
        assert e.value.code == code


def test_idle_lock_forgets_keys_until_password(station, officer):
    rec = officer.save_record({"full_name": "Hà Thị Mai"})
    officer.idle_seconds = 0.0
    with pytest.raises(AuthError) as e:
        officer.show(rec.id)
    assert e.value.code == "session_locked" and officer.locked
    with pytest.raises(AuthError):
        officer.unlock("wrong-password")
    officer.idle_seconds = 900
    officer.unlock(PASSWORDS["officer1"])
    assert officer.show(rec.id)["data"]["full_name"] == "Hà Thị Mai"
