"""Matches and conflicts found through the blocking keys, as an article comes in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimledger.documents import SourceMeta, render_document
from claimledger.service import Ledger, prepare

ONE = (
    "Deportations in Boston\n\n"
    "Between October 2008 and June 2010, 102 people were deported from Boston, officials said.\n\n"
    "The mayor of Springfield opened a new library branch on Elm Street in 2009.\n"
)
TWO = (
    "A second look at Boston\n\n"
    "In that period, 340 people were deported from Boston, according to the advocates.\n\n"
    "Between October 2008 and June 2010, 102 people were deported from Boston, a spokesman said.\n"
)


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    opened = Ledger.open(tmp_path / "travel.db", user="ann", create=True)
    yield opened
    opened.close()


def _article(folder: Path, name: str, text: str, published: str = "2010-08-05") -> Path:
    path = folder / name
    path.write_text(render_document(SourceMeta(outlet=name, published=published), text), "utf-8")
    return path


def _ingest(ledger: Ledger, *paths: Path) -> None:
    for path in paths:
        ledger.ingest(prepare(path))


def test_the_same_claim_in_another_article_is_suggested(tmp_path: Path, ledger: Ledger) -> None:
    _ingest(ledger, _article(tmp_path, "one.txt", ONE), _article(tmp_path, "two.txt", TWO))
    pairs = ledger.match_pairs()
    assert len(pairs) == 1
    quotes = {pairs[0].claim.quote, pairs[0].other.quote}
    assert all("102 people" in q for q in quotes)


def test_a_rejected_match_is_not_suggested_again(tmp_path: Path, ledger: Ledger) -> None:
    _ingest(ledger, _article(tmp_path, "one.txt", ONE), _article(tmp_path, "two.txt", TWO))
    match = ledger.match_pairs()[0]
    ledger.decide_match(match.id, "rejected")
    assert ledger.suggest_matches() == 0
    assert [p.status for p in ledger.match_pairs()] == ["rejected"]


def test_every_claim_with_a_number_or_name_gets_keys(tmp_path: Path, ledger: Ledger) -> None:
    _ingest(ledger, _article(tmp_path, "one.txt", ONE))
    with ledger.tx.engine.connect() as conn:
        keyed = conn.execute(
            sa.text("SELECT count(DISTINCT claim_id) FROM claim_key_recent")
        ).scalar()
        claims = conn.execute(sa.text("SELECT count(*) FROM claim")).scalar()
    assert claims and keyed == claims


def test_conflicting_figures_are_suggested_on_ingest(tmp_path: Path, ledger: Ledger) -> None:
    _ingest(ledger, _article(tmp_path, "one.txt", ONE), _article(tmp_path, "two.txt", TWO))
    found = ledger.conflicts()
    assert len(found) >= 1
    pair = found[0]
    figures = {
        pair.claim.quantity.text if pair.claim.quantity else None,
        pair.other.quantity.text if pair.other.quantity else None,
    }
    assert figures == {"102 people", "340 people"}
    assert pair.status == "suggested" and "cannot both be true" in pair.reason


def test_an_unrelated_article_brings_no_conflict(tmp_path: Path, ledger: Ledger) -> None:
    other = "Library news\n\nThe library lent 340 books to schools in Springfield in 2009, staff said.\n"
    _ingest(ledger, _article(tmp_path, "one.txt", ONE), _article(tmp_path, "lib.txt", other))
    assert ledger.conflicts() == []


def test_confirming_and_dismissing_are_in_both_histories(tmp_path: Path, ledger: Ledger) -> None:
    _ingest(ledger, _article(tmp_path, "one.txt", ONE), _article(tmp_path, "two.txt", TWO))
    pair = ledger.conflicts()[0]
    decided = ledger.decide_conflict(pair.id, "confirmed", note="ICE's own figure is 340")
    assert decided.status == "confirmed" and decided.decided_by == "ann"
    for mine, theirs in ((pair.claim.id, pair.other.id), (pair.other.id, pair.claim.id)):
        last = ledger.history(mine)[-1]
        assert last.action.value == "conflict"
        assert last.after == f"confirmed with claim {theirs}"
        assert last.note == "ICE's own figure is 340"
    ledger.decide_conflict(pair.id, "dismissed")
    assert pair.id not in [c.id for c in ledger.conflicts()]
    assert [c.id for c in ledger.conflicts(status="dismissed")] == [pair.id]


def test_a_dismissed_conflict_is_not_suggested_again(tmp_path: Path, ledger: Ledger) -> None:
    _ingest(ledger, _article(tmp_path, "one.txt", ONE), _article(tmp_path, "two.txt", TWO))
    for pair in ledger.conflicts():
        ledger.decide_conflict(pair.id, "dismissed")
    assert ledger.scan_conflicts() == 0
    assert ledger.conflicts() == []


def test_suggesting_across_the_whole_ledger_finds_the_pairs_again(
    tmp_path: Path, ledger: Ledger
) -> None:
    _ingest(ledger, _article(tmp_path, "one.txt", ONE), _article(tmp_path, "two.txt", TWO))
    with ledger.tx.engine.begin() as conn:  # as in a ledger from before suggestions were made
        conn.execute(sa.text("DELETE FROM claim_match"))
        conn.execute(sa.text("DELETE FROM claim_conflict"))
    assert ledger.suggest_matches() == 1
    assert ledger.scan_conflicts() >= 1


def test_one_measure_in_two_reporters_words_is_found_on_ingest(
    tmp_path: Path, ledger: Ledger
) -> None:
    """The blocking keys bring "closed" and "shut" together, not only the comparison."""
    closed = "Bridge repairs\n\nThe Harlow Street bridge was closed for 12 days in February 2025.\n"
    shut = "Traders count the cost\n\nThe Harlow Street bridge was shut for 19 days in February 2025.\n"
    _ingest(
        ledger,
        _article(tmp_path, "one.txt", closed, "2025-03-10"),
        _article(tmp_path, "two.txt", shut, "2025-03-12"),
    )
    [pair] = ledger.conflicts()
    figures = {side.quantity.text for side in (pair.claim, pair.other) if side.quantity}
    assert figures == {"12 days", "19 days"}


def test_one_event_worded_apart_is_found_on_ingest(tmp_path: Path, ledger: Ledger) -> None:
    one = "Clashes\n\nPolice said 14 people were arrested after the clashes outside Harwick Stadium.\n"
    two = "Match report\n\nOfficers detained 23 people following the clashes outside Harwick Stadium.\n"
    _ingest(ledger, _article(tmp_path, "one.txt", one), _article(tmp_path, "two.txt", two))
    [pair] = ledger.conflicts()
    assert "arrest / detain" in pair.reason
