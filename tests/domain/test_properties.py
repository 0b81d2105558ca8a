"""Property-based: arbitrary text and JSON thrown at reading, validation and worklist import
comes back as problems (or a typed InputError naming a field), never as a crash."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import names
from app.domain.errors import InputError
from app.domain.masterdata import default_master
from app.domain.problems import Problem
from app.domain.record import EnrollmentRecord, parse_record
from app.domain.validation import validate
from app.domain.worklist import WorklistEntry

KEYS = ["request_type", "full_name", "other_name", "date_of_birth", "sex", "personal_id",
        "ethnicity", "religion", "nationality", "birth_registration_place", "place_of_origin",
        "permanent_residence", "current_residence", "father", "representative", "phone",
        "email", "delivery", "previous_card", "unknown_key"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=4),
    max_leaves=12)
forms = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), json_values, max_size=12)
FAST = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(forms)
def test_any_json_gives_problems_not_crashes(doc):
    record, problems = parse_record(doc)
    assert isinstance(record, EnrollmentRecord)
    problems = problems + validate(record, date(2026, 11, 22), default_master())
    assert all(isinstance(p, Problem) and p.field is not None and p.message_vi and p.message_en
               for p in problems)


@FAST
@given(st.text())
def test_any_text_document(text):
    _, problems = parse_record(text)
    assert all(isinstance(p, Problem) for p in problems)


@FAST
@given(st.dictionaries(st.sampled_from(["full_name", "date_of_birth", "personal_id", "sex",
                                        "phone", "email", "other_name"]), st.text()))
def test_any_field_text_validates(fields):
    record, problems = parse_record(fields)
    validate(record, date(2026, 11, 22), default_master())


@FAST
@given(forms)
def test_worklist_import_raises_only_input_errors(doc):
    try:
        WorklistEntry.from_json(doc)
    except InputError as err:
        assert err.field is not None or err.code


@FAST
@given(st.text())
def test_folding_is_ascii_idempotent_and_keyboard_blind(text):
    import unicodedata

    folded = names.fold(text)
    assert names.fold(folded) == folded
    assert names.fold(unicodedata.normalize("NFD", text)) == names.fold(
        unicodedata.normalize("NFC", text))
    assert all(w.isascii() for w in names.words(text))
