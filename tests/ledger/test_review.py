"""The review workflow: every change lands at once, with who/when/before/after in the history."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from claimledger.db import session_scope
from claimledger.errors import InvalidValue, NotFound
from claimledger.ledger import review
from claimledger.ledger.queries import get_claim, history_for


def _state(engine: Engine, claim_id: int) -> tuple[str, str]:
    with session_scope(engine) as s:
        c = get_claim(claim_id, session=s)
        return c.review_state, c.evidence_status


def test_state_change_is_recorded_with_who_before_after_and_note(
    engine: Engine, seeded: dict[str, int]
) -> None:
    cid = seeded["c0"]
    with session_scope(engine) as s:
        review.set_review_state(cid, "in_review", session=s, user="ann", note="starting")
    with session_scope(engine) as s:
        last = history_for(cid, session=s)[-1]
    assert (last.user, last.action, last.before, last.after, last.note) == (
        "ann",
        "review_state",
        "new",
        "in_review",
        "starting",
    )
    assert last.at.tzinfo is not None
    assert _state(engine, cid) == ("in_review", "unverified")


def test_state_names_are_forgiving_about_dashes_and_case(
    engine: Engine, seeded: dict[str, int]
) -> None:
    with session_scope(engine) as s:
        review.set_review_state(seeded["c0"], "In-Review", session=s, user="ann")
    assert _state(engine, seeded["c0"])[0] == "in_review"


def test_unknown_state_names_the_valid_ones(engine: Engine, seeded: dict[str, int]) -> None:
    with session_scope(engine) as s, pytest.raises(InvalidValue, match="one of: new, in_review"):
        review.set_review_state(seeded["c0"], "approved", session=s, user="ann")


def test_verify_needs_a_reviewed_claim(engine: Engine, seeded: dict[str, int]) -> None:
    with session_scope(engine) as s, pytest.raises(InvalidValue, match="cannot go to verified"):
        review.set_review_state(seeded["c0"], "verified", session=s, user="ed")
    assert _state(engine, seeded["c0"])[0] == "new"


def test_verify_needs_an_evidence_status(engine: Engine, seeded: dict[str, int]) -> None:
    cid = seeded["c0"]
    with session_scope(engine) as s:
        review.set_review_state(cid, "reviewed", session=s, user="ann")
    with session_scope(engine) as s, pytest.raises(InvalidValue, match="no evidence status"):
        review.set_review_state(cid, "verified", session=s, user="ed")
    with session_scope(engine) as s:
        review.set_evidence_status(cid, "supported", session=s, user="ann")
        review.set_review_state(cid, "verified", session=s, user="ed")
    assert _state(engine, cid) == ("verified", "supported")


def test_a_verified_claims_evidence_is_frozen(engine: Engine, seeded: dict[str, int]) -> None:
    cid = seeded["c0"]
    with session_scope(engine) as s:
        review.set_evidence_status(cid, "mixed", session=s, user="ann")
        review.set_review_state(cid, "reviewed", session=s, user="ann")
        review.set_review_state(cid, "verified", session=s, user="ed")
    with session_scope(engine) as s, pytest.raises(InvalidValue, match="is verified"):
        review.set_evidence_status(cid, "supported", session=s, user="ann")


def test_dismissed_claims_can_be_reopened(engine: Engine, seeded: dict[str, int]) -> None:
    cid = seeded["c2"]
    with session_scope(engine) as s:
        review.set_review_state(cid, "dismissed", session=s, user="ann")
        review.set_review_state(cid, "new", session=s, user="ann")
    assert _state(engine, cid)[0] == "new"


def test_setting_the_same_value_records_nothing(engine: Engine, seeded: dict[str, int]) -> None:
    cid = seeded["c0"]
    with session_scope(engine) as s:
        review.set_review_state(cid, "new", session=s, user="ann")
        assert len(history_for(cid, session=s)) == 1


def test_a_failed_change_leaves_nothing_behind(engine: Engine, seeded: dict[str, int]) -> None:
    cid = seeded["c0"]
    with pytest.raises(InvalidValue), session_scope(engine) as s:
        review.set_evidence_status(cid, "supported", session=s, user="ann")
        review.set_review_state(cid, "verified", session=s, user="ed")
    assert _state(engine, cid) == ("new", "unverified")


def test_notes_and_assignment(engine: Engine, seeded: dict[str, int]) -> None:
    cid = seeded["c1"]
    with session_scope(engine) as s:
        review.add_note(cid, "  ask the transit authority  ", session=s, user="ann")
        review.assign(cid, "bob", session=s, user="ann")
    with session_scope(engine) as s:
        entries = history_for(cid, session=s)
        assert [e.action for e in entries[-2:]] == ["note", "assignee"]
        assert entries[-2].note == "ask the transit authority"
        assert get_claim(cid, session=s).assignee == "bob"


def test_empty_note_is_refused(engine: Engine, seeded: dict[str, int]) -> None:
    with session_scope(engine) as s, pytest.raises(InvalidValue, match="empty"):
        review.add_note(seeded["c0"], "   ", session=s, user="ann")


def test_unknown_claim(engine: Engine, seeded: dict[str, int]) -> None:
    with session_scope(engine) as s, pytest.raises(NotFound, match="no claim with id 999"):
        review.set_review_state(999, "reviewed", session=s, user="ann")
