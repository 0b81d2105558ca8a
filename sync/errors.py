"""Typed sync errors: transient ones are retried, refusals are not, each with vi/en text.

The sync engine decides what to do by class: `LinkDown` (no connection, cut, timeout, 5xx, 423)
means try again later; `Refused` means the centre answered and said no (the code says why);
`BadCentreDocument` means something claiming to come from the centre failed its signature check.
"""

from __future__ import annotations

from app.domain.errors import StationError


class SyncError(StationError):
    """Base of every sync failure."""

    exit_code = 7


class LinkDown(SyncError):
    """The centre could not be reached or the link broke: retry later with backoff."""


class Refused(SyncError):
    """The centre answered and refused (bad token, revoked station, rejected packet, conflict)."""

    def __init__(self, code: str, vi: str, en: str, field: str | None = None,
                 status: int = 0) -> None:
        super().__init__(code, vi, en, field)
        self.status = status


class BadCentreDocument(SyncError):
    """A receipt, bundle, key update or worklist does not verify against the centre's key."""


def link_down(why_en: str, why_vi: str) -> LinkDown:
    return LinkDown("link_down", f"Không kết nối được với trung tâm: {why_vi}. Sẽ thử lại sau.",
                    f"Cannot reach the centre: {why_en}. Will retry later.", field="server")


def bad_document(kind: str, why_en: str, why_vi: str) -> BadCentreDocument:
    return BadCentreDocument(f"{kind}_invalid", f"Tài liệu '{kind}' từ trung tâm không hợp lệ: "
                             f"{why_vi}.", f"The centre's '{kind}' document is not valid: "
                             f"{why_en}.", field=kind)


def refused_from_body(status: int, body: object) -> Refused:
    """Build a Refused from the server's JSON error body {code, vi, en, field}."""
    if isinstance(body, dict) and isinstance(body.get("code"), str):
        return Refused(body["code"], str(body.get("vi", "")), str(body.get("en", "")),
                       body.get("field") if isinstance(body.get("field"), str) else None, status)
    return Refused("http_error", f"Trung tâm từ chối yêu cầu (mã HTTP {status}).",
                   f"The centre refused the request (HTTP {status}).", status=status)
