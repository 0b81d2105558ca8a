"""The record lifecycle: which state may follow which, and who may move it.

draft -> captured -> approved | rejected -> queued -> uploading -> delivered -> accepted | returned
-> purged. A rejected record goes back to its officer as a draft; an interrupted upload goes back to
the queue. Everything else raises IllegalTransition.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.errors import IllegalTransition


class State(StrEnum):
    DRAFT = "draft"
    CAPTURED = "captured"
    APPROVED = "approved"
    REJECTED = "rejected"
    QUEUED = "queued"
    UPLOADING = "uploading"
    DELIVERED = "delivered"
    ACCEPTED = "accepted"
    RETURNED = "returned"
    PURGED = "purged"


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


_NEXT: dict[State, frozenset[State]] = {
    State.DRAFT: frozenset({State.CAPTURED}),
    State.CAPTURED: frozenset({State.APPROVED, State.REJECTED, State.DRAFT}),
    State.REJECTED: frozenset({State.DRAFT}),
    State.APPROVED: frozenset({State.QUEUED}),
    State.QUEUED: frozenset({State.UPLOADING}),
    State.UPLOADING: frozenset({State.DELIVERED, State.QUEUED}),
    State.DELIVERED: frozenset({State.ACCEPTED, State.RETURNED, State.PURGED}),
    State.ACCEPTED: frozenset({State.PURGED}),
    State.RETURNED: frozenset({State.PURGED}),
    State.PURGED: frozenset(),
}

# Who may make a move by hand. Moves driven by sync (queued onwards) are made by the station itself.
_ROLE_MOVES: dict[tuple[State, State], frozenset[Role]] = {
    (State.DRAFT, State.CAPTURED): frozenset({Role.OFFICER, Role.SUPERVISOR}),
    (State.CAPTURED, State.DRAFT): frozenset({Role.OFFICER, Role.SUPERVISOR}),
    (State.REJECTED, State.DRAFT): frozenset({Role.OFFICER, Role.SUPERVISOR}),
    (State.CAPTURED, State.APPROVED): frozenset({Role.SUPERVISOR}),
    (State.CAPTURED, State.REJECTED): frozenset({Role.SUPERVISOR}),
}

_VI = {
    State.DRAFT: "bản nháp",
    State.CAPTURED: "đã thu nhận",
    State.APPROVED: "đã duyệt",
    State.REJECTED: "bị trả lại",
    State.QUEUED: "chờ gửi",
    State.UPLOADING: "đang gửi",
    State.DELIVERED: "đã gửi (có biên nhận)",
    State.ACCEPTED: "trung tâm đã chấp nhận",
    State.RETURNED: "trung tâm yêu cầu thu nhận lại",
    State.PURGED: "đã xoá sinh trắc",
}


def label_vi(state: State) -> str:
    return _VI[state]


def allowed_next(state: State) -> frozenset[State]:
    return _NEXT[state]


def check_transition(current: State, target: State) -> None:
    """Raise IllegalTransition unless `target` may follow `current`."""
    if target not in _NEXT[current]:
        raise IllegalTransition(
            "illegal_transition",
            f"Không thể chuyển hồ sơ từ trạng thái '{_VI[current]}' sang '{_VI[target]}'.",
            f"A record in state '{current}' cannot move to '{target}'.",
            field="state",
        )


def roles_for(current: State, target: State) -> frozenset[Role] | None:
    """Roles allowed to make this move by hand; None means the station (sync) makes it."""
    return _ROLE_MOVES.get((current, target))
