"""The core operations the desk relies on, through the ledger's one door (no Textual involved)."""

from __future__ import annotations

import pytest

from claimledger.errors import InvalidValue, LedgerError
from claimledger.records import FAR_END, ClaimFilter
from tui.support import Db


def test_bulk_changes_each_claim_and_reports_skips(db: Db) -> None:
    a, b = db.id("12 bus routes"), db.id("Ridership")
    db.set(b, review_state="verified", evidence_status="supported")
    out = db.ledger("u").apply([a, b], "review_state", "dismissed")
    assert [c.claim_id for c in out.changes] == [a]
    assert len(out.skipped) == 1 and "cannot go to dismissed" in out.skipped[0]


def test_bulk_unknown_action(db: Db) -> None:
    with pytest.raises(InvalidValue):
        db.ledger("u").apply([1], "delete", None)


def test_bulk_refuses_a_claim_changed_since_it_was_seen(db: Db) -> None:
    a, b = db.id("12 bus routes"), db.id("Ridership")
    mine, theirs = db.ledger("u"), db.ledger("u")
    seen = {r.id: r.version for r in mine.rows_by_id([a, b])}
    theirs.apply([a], "assignee", "ben")
    out = mine.apply([a, b], "review_state", "in_review", seen=seen)
    assert out.stale == (a,)
    assert [c.claim_id for c in out.changes] == [b]
    assert "ben" in out.skipped[0] and "u" in out.skipped[0]


def test_undo_refuses_when_someone_changed_the_claim_since(db: Db) -> None:
    a = db.id("12 bus routes")
    mine = db.ledger("u")
    changes = list(mine.apply([a], "review_state", "in_review").changes)
    db.ledger("v").apply([a], "review_state", "reviewed")
    with pytest.raises(LedgerError, match="changed since"):
        mine.revert(changes)
    assert db.get(a)["state"] == "reviewed"


def test_undo_of_assign(db: Db) -> None:
    a = db.id("12 bus routes")
    mine = db.ledger("u")
    changes = list(mine.apply([a], "assignee", "ben").changes)
    mine.revert(changes)
    held = db.get(a)
    assert held["assignee"] is None
    assert held["history"][-1] == ("assignee", "ben", None, "undo", "u")


def test_manual_claim_is_trimmed_and_anchored(db: Db, article: str) -> None:
    phrase = "Fares rose twice in that time."
    start = article.index(phrase)
    change = db.ledger("u").record_span(1, start - 1, start + len(phrase) + 2)
    claim = db.ledger("u").claim(change.claim_id)
    assert claim.quote == phrase
    assert claim.prefix == article[start - 32 : start]
    assert claim.origin == "manual"


@pytest.mark.parametrize("span", [(0, 3), (5, 5)])
def test_manual_claim_too_short(db: Db, span: tuple[int, int]) -> None:
    with pytest.raises(InvalidValue):
        db.ledger("u").record_span(1, *span)


def test_manual_claim_is_searchable(db: Db, article: str) -> None:
    phrase = "Fares rose twice in that time."
    start = article.index(phrase)
    ledger = db.ledger("u")
    ledger.record_span(1, start, start + len(phrase))
    assert [r.quote for r in ledger.rows(ClaimFilter(text="fares"))] == [phrase]


def test_queue_over_all_states_matches_a_plain_sort(db: Db) -> None:
    db.set(db.id("Ridership"), review_state="reviewed")
    db.set(db.id("worse than ever"), review_state="dismissed")
    ledger = db.ledger()
    merged = ledger.rows(order="queue", limit=10)
    plain = sorted(ledger.rows(order="id", limit=None), key=lambda r: (-r.score, r.id))
    first = ledger.rows(order="queue", limit=2)
    rest = ledger.rows(order="queue", after=first[-1].cursor, limit=10)
    back = ledger.rows(order="queue", before=rest[0].cursor, limit=10)
    assert [r.id for r in merged] == [r.id for r in plain]
    assert [r.id for r in first + rest] == [r.id for r in plain]
    assert [r.id for r in back] == [r.id for r in first]


def test_next_open_skips_finished_claims(db: Db) -> None:
    a, b = db.id("12 bus routes"), db.id("Ridership")
    db.set(b, review_state="verified", evidence_status="supported")
    ledger = db.ledger()
    first = ledger.rows_by_id([a])[0]
    found = ledger.next_open(ClaimFilter(), "queue", first, forward=True)
    assert found is not None and found.id == db.id("new budget")


def test_last_page_from_the_far_end(db: Db) -> None:
    ledger = db.ledger()
    by_id = ledger.rows(order="id", before=FAR_END, limit=2)
    by_queue = ledger.rows(order="queue", before=FAR_END, limit=2)
    new_only = ledger.rows(ClaimFilter(states=("new",)), "queue", before=FAR_END, limit=2)
    assert [r.id for r in by_id] == [3, 4]
    assert [r.score for r in by_queue] == [0.6, 0.2]
    assert [r.score for r in new_only] == [0.6, 0.2]
