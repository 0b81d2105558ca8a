import unicodedata

import pytest

from app.domain import names
from app.domain.errors import IllegalTransition
from app.domain.states import Role, State, check_transition, roles_for


def test_fold_strips_marks_and_maps_d():
    assert names.fold("Nguyễn Thị Ánh") == "nguyen thi anh"
    assert names.fold("Đặng") == "dang"
    nfd = unicodedata.normalize("NFD", "Đặng Văn Hưởng")
    assert names.fold(nfd) == "dang van huong"
    assert names.words("  Lê-Thị  Ngọc'Ánh ") == ["le", "thi", "ngoc", "anh"]


def test_nfc_makes_keyboard_forms_equal():
    a = unicodedata.normalize("NFD", "Nguyễn")
    assert a != "Nguyễn"
    assert names.nfc(a) == "Nguyễn"
    assert names.upper("nguyễn thị ánh") == "NGUYỄN THỊ ÁNH"


@pytest.mark.parametrize(
    "a,b",
    [
        (State.DRAFT, State.APPROVED),
        (State.CAPTURED, State.DELIVERED),
        (State.QUEUED, State.DELIVERED),
        (State.PURGED, State.DRAFT),
        (State.APPROVED, State.REJECTED),
    ],
)
def test_illegal_transitions_raise(a, b):
    with pytest.raises(IllegalTransition) as e:
        check_transition(a, b)
    assert e.value.field == "state" and a.value in e.value.en


def test_legal_path_and_roles():
    path = [State.DRAFT, State.CAPTURED, State.APPROVED, State.QUEUED, State.UPLOADING,
            State.DELIVERED, State.ACCEPTED, State.PURGED]
    for a, b in zip(path, path[1:], strict=False):
        check_transition(a, b)
    assert roles_for(State.CAPTURED, State.APPROVED) == {Role.SUPERVISOR}
    assert roles_for(State.QUEUED, State.UPLOADING) is None
