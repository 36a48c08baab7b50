"""The core operations the desk added: bulk changes, undo, manual claims (no Textual involved)."""

from __future__ import annotations

import pytest

from claimledger.db import session_scope
from claimledger.errors import InvalidValue
from claimledger.ledger import bulk, manual, queries, undo


def test_bulk_changes_each_claim_and_reports_skips(db) -> None:
    a, b = db.id("12 bus routes"), db.id("Ridership")
    db.set(b, review_state="verified", evidence_status="supported")
    with session_scope(db.engine) as s:
        out = bulk.apply([a, b], "review_state", "dismissed", session=s, user="u")
    assert [c.claim_id for c in out.changes] == [a]
    assert len(out.skipped) == 1 and "cannot go to dismissed" in out.skipped[0]


def test_bulk_unknown_action(db) -> None:
    with session_scope(db.engine) as s, pytest.raises(InvalidValue):
        bulk.apply([1], "delete", None, session=s, user="u")


def test_undo_refuses_when_someone_changed_the_claim_since(db) -> None:
    a = db.id("12 bus routes")
    with session_scope(db.engine) as s:
        changes = bulk.apply([a], "review_state", "in_review", session=s, user="u").changes
    db.set(a, review_state="reviewed")
    with session_scope(db.engine) as s, pytest.raises(InvalidValue, match="changed since"):
        undo.revert(changes, session=s, user="u")
    assert db.get(a)["state"] == "reviewed"


def test_undo_of_assign(db) -> None:
    a = db.id("12 bus routes")
    with session_scope(db.engine) as s:
        changes = bulk.apply([a], "assignee", "ben", session=s, user="u").changes
    with session_scope(db.engine) as s:
        undo.revert(changes, session=s, user="u")
    held = db.get(a)
    assert held["assignee"] is None
    assert held["history"][-1] == ("assignee", "ben", None, "undo", "u")


def test_manual_claim_is_trimmed_and_anchored(db, article) -> None:
    phrase = "Fares rose twice in that time."
    start = article.index(phrase)
    with session_scope(db.engine) as s:
        claim = manual.record_span(1, start - 1, start + len(phrase) + 2, session=s, user="u")
        assert claim.quote == phrase
        assert claim.prefix == article[start - 32 : start]
        assert claim.origin == "manual"


@pytest.mark.parametrize("span", [(0, 3), (5, 5)])
def test_manual_claim_too_short(db, span) -> None:
    with session_scope(db.engine) as s, pytest.raises(InvalidValue):
        manual.record_span(1, *span, session=s, user="u")


def test_manual_claim_is_searchable(db, article) -> None:
    phrase = "Fares rose twice in that time."
    start = article.index(phrase)
    with session_scope(db.engine) as s:
        manual.record_span(1, start, start + len(phrase), session=s, user="u")
    with session_scope(db.engine) as s:
        rows = queries.list_rows(session=s, flt=queries.ClaimFilter(text="fares"))
    assert [r.quote for r in rows] == [phrase]


def test_queue_over_all_states_matches_a_plain_sort(db) -> None:
    db.set(db.id("Ridership"), review_state="reviewed")
    db.set(db.id("worse than ever"), review_state="dismissed")
    with session_scope(db.engine) as s:
        merged = queries.list_rows(session=s, order="queue", limit=10)
        plain = sorted(
            queries.list_rows(session=s, order="id", limit=None), key=lambda r: (-r.score, r.id)
        )
        first = queries.list_rows(session=s, order="queue", limit=2)
        rest = queries.list_rows(session=s, order="queue", after=first[-1].cursor, limit=10)
        back = queries.list_rows(session=s, order="queue", before=rest[0].cursor, limit=10)
    assert [r.id for r in merged] == [r.id for r in plain]
    assert [r.id for r in first + rest] == [r.id for r in plain]
    assert [r.id for r in back] == [r.id for r in first]


def test_next_open_skips_finished_claims(db) -> None:
    a, b = db.id("12 bus routes"), db.id("Ridership")
    db.set(b, review_state="verified", evidence_status="supported")
    with session_scope(db.engine) as s:
        first = queries.list_rows(session=s, flt=queries.ClaimFilter(ids=(a,)))[0]
        found = queries.next_open(
            session=s, flt=queries.ClaimFilter(), order="queue", after=first.cursor
        )
    assert found is not None and found.id == db.id("new budget")


def test_last_page_from_the_far_end(db) -> None:
    far = queries.Cursor(id=2**62, score=float("-inf"))
    with session_scope(db.engine) as s:
        by_id = queries.list_rows(session=s, order="id", before=far, limit=2)
        by_queue = queries.list_rows(session=s, order="queue", before=far, limit=2)
        new_only = queries.list_rows(
            session=s, flt=queries.ClaimFilter(states=("new",)), order="queue", before=far, limit=2
        )
    assert [r.id for r in by_id] == [3, 4]
    assert [r.score for r in by_queue] == [0.6, 0.2]
    assert [r.score for r in new_only] == [0.6, 0.2]
