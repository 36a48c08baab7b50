"""A conflict or match decided by someone else after the person deciding saw it: nothing changes,
and they are told who decided what (the review UI passes the status it showed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.documents import SourceMeta, render_document
from claimledger.errors import StaleEdit
from claimledger.service import Ledger, prepare

ONE = (
    "Deportations in Boston\n\n"
    "Between October 2008 and June 2010, 102 people were deported from Boston, officials said.\n"
)
TWO = (
    "A second look at Boston\n\n"
    "In that period, 340 people were deported from Boston, according to the advocates.\n\n"
    "Between October 2008 and June 2010, 102 people were deported from Boston, a spokesman said.\n"
)


@pytest.fixture
def two_desks(ledger_db: str, tmp_path: Path) -> Iterator[tuple[Ledger, Ledger]]:
    ann = Ledger.open(ledger_db, user="ann", create=True)
    for name, text in (("one.txt", ONE), ("two.txt", TWO)):
        path = tmp_path / name
        meta = SourceMeta(outlet=name, published="2010-08-05")
        path.write_text(render_document(meta, text), encoding="utf-8")
        ann.ingest(prepare(path))
    bob = Ledger.open(ledger_db, user="bob")
    yield ann, bob
    bob.close()
    ann.close()


def test_a_conflict_decided_since_it_was_seen_is_left_as_decided(
    two_desks: tuple[Ledger, Ledger],
) -> None:
    ann, bob = two_desks
    seen = ann.conflicts()[0]
    assert seen.status == "suggested"
    bob.decide_conflict(seen.id, "dismissed")
    with pytest.raises(
        StaleEdit, match=f"conflict {seen.id} was dismissed by bob .* nothing changed"
    ):
        ann.decide_conflict(seen.id, "confirmed", expected=seen.status)
    (now,) = [c for c in ann.conflicts(status="dismissed") if c.id == seen.id]
    assert now.decided_by == "bob"
    assert [h.user for h in ann.history(seen.claim.id) if h.action.value == "conflict"] == ["bob"]
    # decided the same way since: what the person wanted, the first decision stands
    assert ann.decide_conflict(seen.id, "dismissed", expected="suggested").decided_by == "bob"
    # and without `expected` (the CLI, a deliberate change of mind) it changes
    assert ann.decide_conflict(seen.id, "confirmed").status == "confirmed"


def test_a_match_decided_since_it_was_seen_is_left_as_decided(
    two_desks: tuple[Ledger, Ledger],
) -> None:
    ann, bob = two_desks
    (seen,) = ann.match_pairs()
    assert seen.status == "suggested"
    bob.decide_match(seen.id, "rejected")
    with pytest.raises(StaleEdit, match=f"match {seen.id} was rejected by bob"):
        ann.decide_match(seen.id, "confirmed", expected=seen.status)
    (now,) = ann.match_pairs(status="rejected")
    assert now.id == seen.id
