"""The station's own settings: language, capture policy, operating-limit maxima, chosen devices.

The store has no settings table, so they live in `settings.json` in the data folder (no personal
data: specs, numbers, a language code). Written atomically. The capture policy, language and
limits are the admin's to change; any logged-in user may choose which camera and scanner to use
(plugging in a scanner must not need the admin).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from app.domain.errors import AuthError, InputError
from app.domain.states import Role
from app.services.limits import DEFAULTS as LIMIT_DEFAULTS
from app.services.station import Session
from app.store import audit

FILE = "settings.json"
LANGS = ("vi", "en")
NFIQ_RANGE = (1, 100)
RETRIES_RANGE = (0, 10)
ADMIN_FIELDS = frozenset({"lang", "nfiq_threshold", "max_retries", "limits"})
DEVICE_FIELDS = frozenset({"camera", "scanner"})


@dataclass
class Settings:
    lang: str = "vi"
    nfiq_threshold: int = 40  # MOSIP practice, as capture_all's default
    max_retries: int = 3
    limits: dict[str, float] = field(default_factory=dict)  # overrides of limits.DEFAULTS
    camera: str | None = None
    scanner: str | None = None

    def maxima(self) -> dict[str, float]:
        """Every operating limit's maximum: the defaults with this station's overrides."""
        return {**LIMIT_DEFAULTS, **self.limits}


def path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE


def load(data_dir: Path) -> Settings:
    """The saved settings, or the defaults (a missing or unreadable file is not an error)."""
    try:
        doc = json.loads(path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(doc, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    try:
        return _checked(Settings(**{k: v for k, v in doc.items() if k in known}))
    except (InputError, TypeError, ValueError):
        return Settings()


def _save(data_dir: Path, s: Settings) -> None:
    target = path(data_dir)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(s), fh, ensure_ascii=False, indent=2, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _bad(name: str, vi: str, en: str) -> InputError:
    return InputError(f"bad_setting_{name}", vi, en, field=name)


def _in(value: Any, lo: float, hi: float) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and lo <= value <= hi


def _checked(s: Settings) -> Settings:
    if s.lang not in LANGS:
        raise _bad("lang", "Ngôn ngữ phải là vi hoặc en.", "The language must be vi or en.")
    if not _in(s.nfiq_threshold, *NFIQ_RANGE):
        raise _bad("nfiq_threshold", "Ngưỡng NFIQ 2 phải từ 1 đến 100.",
                   "The NFIQ 2 threshold must be 1 to 100.")
    if not _in(s.max_retries, *RETRIES_RANGE):
        raise _bad("max_retries", "Số lần thử lại phải từ 0 đến 10.",
                   "Retries must be 0 to 10.")
    for name, value in s.limits.items():
        if name not in LIMIT_DEFAULTS or not _in(value, 1, 100_000):
            raise _bad("limits", f"Giới hạn '{name}' không hợp lệ.",
                       f"The limit '{name}' is not valid.")
    s.nfiq_threshold, s.max_retries = int(s.nfiq_threshold), int(s.max_retries)
    return s


def can_edit(session: Session) -> bool:
    """Language, capture policy and limits: the admin only (others see them read-only)."""
    return session.user.role == Role.ADMIN


def update(session: Session, **changes: Any) -> Settings:
    """Change settings as `session`'s user; device choices are open to every role."""
    unknown = set(changes) - ADMIN_FIELDS - DEVICE_FIELDS
    if unknown:
        raise _bad("unknown", "Không có thiết lập này.", f"No such setting: {sorted(unknown)}.")
    if set(changes) & ADMIN_FIELDS and not can_edit(session):
        raise AuthError("not_allowed", "Chỉ quản trị viên được đổi thiết lập này.",
                        "Only the admin may change this setting.", field="role")
    session._k()  # a locked session changes nothing
    data_dir = session.station.store.data_dir
    current = asdict(load(data_dir))
    current.update(changes)
    s = _checked(Settings(**current))
    _save(data_dir, s)
    # Who changed a threshold or a limit is for the audit chain, like any other station action.
    session.station.store.run(lambda db: audit.append(db, "settings", session.user.id, None,
                                                      changed=changes))
    return s
