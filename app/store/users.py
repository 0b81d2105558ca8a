"""Users, roles, offline login with growing lockout, password change that re-wraps keys.

A user's password derives (Argon2id) the key that unwraps their copy of the station KEK and their
own Ed25519 signing key; a wrong password simply fails to authenticate the wrapped KEK.
"""

from __future__ import annotations

import json
import os
import re
import time
import uuid
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from app.domain.errors import AuthError, InputError
from app.domain.states import Role
from app.store import audit, crypto
from app.store.keys import raw_private, raw_public

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
MIN_PASSWORD = 8
FREE_ATTEMPTS = 2  # failures before any delay


def lockout_delay(failures: int) -> float:
    """Seconds to wait after `failures` wrong passwords in a row: 0, 0, 30, 60, 120 ... 1 h."""
    if failures <= FREE_ATTEMPTS:
        return 0.0
    return float(min(30 * 2 ** (failures - FREE_ATTEMPTS - 1), 3600))


@dataclass(frozen=True)
class User:
    id: str
    username: str
    role: Role
    sign_pub: bytes


@dataclass(frozen=True)
class LoginResult:
    user: User
    kek: bytes
    signing_key: Ed25519PrivateKey


def check_username(username: str) -> str:
    if not USERNAME.match(username or ""):
        raise InputError(
            "bad_username",
            "Tên đăng nhập phải dài 3-32 ký tự, chỉ gồm chữ thường không dấu, số, '.', '_', '-'.",
            "A user name is 3-32 characters: lower-case letters, digits, '.', '_' or '-'.",
            field="username",
        )
    return username


def check_password(password: str) -> str:
    if not password:
        raise InputError("empty_password", "Mật khẩu không được để trống.",
                         "The password must not be empty.", field="password")
    if len(password) < MIN_PASSWORD:
        raise InputError(
            "short_password",
            f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.",
            f"The password must have at least {MIN_PASSWORD} characters.",
            field="password",
        )
    return password


def _wrap_for(user_id: str, password: str, kek: bytes, signing: Ed25519PrivateKey,
              kdf: crypto.KdfParams) -> dict:
    salt = os.urandom(16)
    pkey = crypto.password_key(password, salt, kdf)
    uid = user_id.encode()
    return {
        "salt": salt,
        "kdf": json.dumps(kdf.to_dict()),
        "kek_wrapped": crypto.seal(pkey, kek, b"kek|" + uid),
        "sign_priv_wrapped": crypto.seal(pkey, raw_private(signing), b"user-sign|" + uid),
    }


def add_user(db: Database, kek: bytes, username: str, role: str, password: str,
             kdf: crypto.KdfParams, actor: str | None) -> User:
    check_username(username)
    check_password(password)
    try:
        role_ = Role(role)
    except ValueError:
        raise InputError("bad_role", "Vai trò phải là officer, supervisor hoặc admin.",
                         "The role must be officer, supervisor or admin.", field="role") from None
    if db.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone():
        raise InputError("user_exists", f"Người dùng '{username}' đã tồn tại.",
                         f"User '{username}' already exists.", field="username")
    user_id = str(uuid.uuid4())
    signing = Ed25519PrivateKey.generate()
    row = {"id": user_id, "username": username, "role": role_.value,
           "created_at": audit.now_iso(), "sign_pub": raw_public(signing),
           **_wrap_for(user_id, password, kek, signing, kdf)}
    db.execute(
        "INSERT INTO users (id, username, role, created_at, sign_pub, salt, kdf, kek_wrapped, "
        "sign_priv_wrapped) VALUES (:id, :username, :role, :created_at, :sign_pub, :salt, :kdf, "
        ":kek_wrapped, :sign_priv_wrapped)",
        row,
    )
    audit.append(db, "user_add", actor, None, user=user_id, role=role_.value)
    return User(user_id, username, role_, row["sign_pub"])


def _row(db: Database, username: str) -> dict:
    rows = list(db.query("SELECT * FROM users WHERE username = ?", [username]))
    if not rows:
        raise AuthError("unknown_user", f"Không có người dùng '{username}' trên trạm này.",
                        f"There is no user '{username}' on this station.", field="username")
    return rows[0]


def _unwrap(row: dict, password: str) -> tuple[bytes, Ed25519PrivateKey] | None:
    pkey = crypto.password_key(password, row["salt"],
                               crypto.KdfParams.from_dict(json.loads(row["kdf"])))
    try:
        kek = crypto.open_sealed(pkey, row["kek_wrapped"], b"kek|" + row["id"].encode())
        raw = crypto.open_sealed(pkey, row["sign_priv_wrapped"], b"user-sign|" + row["id"].encode())
    except crypto.DecryptError:
        return None
    return kek, Ed25519PrivateKey.from_private_bytes(raw)


def _user(row: dict) -> User:
    return User(row["id"], row["username"], Role(row["role"]), row["sign_pub"])


def locked_for(row: dict, now: float) -> float:
    return max(0.0, row["locked_until"] - now)


def login(db: Database, username: str, password: str, now: float | None = None) -> LoginResult:
    """Check the password offline. Failures are counted and audited even though we raise."""
    now = time.time() if now is None else now
    if not password:
        check_password(password)
    row = _row(db, username)
    if row["disabled"]:
        raise AuthError("user_disabled", "Tài khoản này đã bị khoá bởi quản trị viên.",
                        "This account was disabled by an administrator.", field="username")
    wait = locked_for(row, now)
    if wait > 0:
        raise _locked(wait)
    opened = _unwrap(row, password)
    if opened is None:
        failures = row["failed"] + 1
        delay = lockout_delay(failures)
        with db.atomic():
            db.execute("UPDATE users SET failed = ?, locked_until = ? WHERE id = ?",
                       [failures, now + delay if delay else 0, row["id"]])
            audit.append(db, "login_failed", row["id"], None, failures=failures)
        if delay:
            raise _locked(delay)
        raise AuthError("wrong_password", "Sai mật khẩu.", "Wrong password.", field="password")
    with db.atomic():
        db.execute("UPDATE users SET failed = 0, locked_until = 0 WHERE id = ?", [row["id"]])
        audit.append(db, "login", row["id"])
    kek, signing = opened
    return LoginResult(_user(row), kek, signing)


def _locked(seconds: float) -> AuthError:
    secs = int(seconds + 0.999)
    err = AuthError(
        "locked_out",
        f"Nhập sai mật khẩu nhiều lần: thử lại sau {secs} giây.",
        f"Too many wrong passwords: try again in {secs} seconds.",
        field="password",
    )
    err.retry_after = secs  # type: ignore[attr-defined]
    return err


def change_password(db: Database, username: str, old: str, new: str,
                    kdf: crypto.KdfParams, now: float | None = None) -> None:
    """Re-wrap the KEK and the user's signing key under a key from the new password."""
    check_password(new)
    result = login(db, username, old, now)
    with db.atomic():
        wrapped = _wrap_for(result.user.id, new, result.kek, result.signing_key, kdf)
        db.execute(
            "UPDATE users SET salt = :salt, kdf = :kdf, kek_wrapped = :kek_wrapped, "
            "sign_priv_wrapped = :sign_priv_wrapped WHERE id = :id",
            {**wrapped, "id": result.user.id},
        )
        audit.append(db, "password_change", result.user.id)


def list_users(db: Database) -> list[dict]:
    return list(db.query("SELECT id, username, role, created_at, disabled FROM users "
                         "ORDER BY username"))


def user_by_id(db: Database, user_id: str) -> User | None:
    rows = list(db.query("SELECT * FROM users WHERE id = ?", [user_id]))
    return _user(rows[0]) if rows else None
