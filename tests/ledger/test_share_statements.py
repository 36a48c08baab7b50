"""A share read with what it says of its group: a negated statement is its complement."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.documents import SourceMeta, render_document
from claimledger.extract import read_article
from claimledger.extract.share_predicate import share_predicate
from claimledger.ledger.conflict_rules import Figures, find_conflict
from claimledger.service import Ledger, prepare

MOST_CRIMINALS = "Officials said the figures proved that most of the people held under the program were criminals."
HALF_NO_CONVICTIONS = "Court records showed that more than half of those picked up had no criminal convictions at all."


def _figures(claim_id: int, sentence: str) -> Figures:
    claim = next(
        iter(read_article(sentence, published="2024-01-15", outlet=None, title=None).claims)
    )
    return Figures(claim_id, claim.quote, [q.to_dict() for q in claim.quantities])


def _conflict(a: str, b: str) -> bool:
    return find_conflict(_figures(1, a), _figures(2, b)) is not None


def test_what_a_share_says_is_read_after_its_verb() -> None:
    said = share_predicate(HALF_NO_CONVICTIONS, "more than half")
    assert said is not None
    assert said.negated and said.generic
    assert said.phrase == ("criminal", "conviction")
    assert share_predicate("Sixty percent of students passed the exam.", "Sixty percent") is None


def test_a_negated_share_conflicts_with_its_complement_even_for_a_group_named_by_reference() -> (
    None
):
    assert _conflict(MOST_CRIMINALS, HALF_NO_CONVICTIONS)
    assert _conflict(
        "Most of the teachers in the district were women, the union said.",
        "More than half of the teachers in the district were not women, a parent said.",
    )


@pytest.mark.parametrize(
    "other",
    [
        "Most of the people held under the program had prior arrests, lawyers said.",
        "More than half of those held under the program had no felony convictions, lawyers said.",
        "Almost half of those held under the program had no criminal records, lawyers said.",
        "Almost half of those held under the program were not criminals, lawyers said.",
        "Most of the nurses in the county were not criminals, the hospital said.",
    ],
)
def test_look_alikes_do_not_conflict(other: str) -> None:
    """Another measure, a narrower one, a complement that agrees, another group."""
    assert not _conflict(MOST_CRIMINALS, other)


def test_a_qualified_statement_is_another_measure() -> None:
    assert not _conflict(
        "Most of the people held under the program had convictions, the agency said.",
        "More than half of them had no convictions for violent crimes, lawyers said.",
    )
    assert _conflict(
        "Most of the people held under the program had convictions, the agency said.",
        "More than half of them had no convictions, lawyers said.",
    )


ARTICLE = (
    "Statistics at issue\n\n"
    f"{MOST_CRIMINALS}\n\n"
    "The program began in the city in 2008, the sheriff said.\n\n"
    f"{HALF_NO_CONVICTIONS}\n"
)


@pytest.fixture
def ledger(ledger_db: str) -> Iterator[Ledger]:
    opened = Ledger.open(ledger_db, user="ann", create=True)
    yield opened
    opened.close()


def test_the_ledger_suggests_a_conflict_within_one_article(tmp_path: Path, ledger: Ledger) -> None:
    path = tmp_path / "one.txt"
    meta = SourceMeta(outlet="Desk", published="2011-11-30")
    path.write_text(render_document(meta, ARTICLE), "utf-8")
    ledger.ingest(prepare(path))
    found = ledger.conflicts()
    assert len(found) == 1
    assert {found[0].claim.quote, found[0].other.quote} == {MOST_CRIMINALS, HALF_NO_CONVICTIONS}
    assert "not criminal conviction" in found[0].reason and "complement" in found[0].reason


def test_the_ledger_leaves_a_look_alike_alone(tmp_path: Path, ledger: Ledger) -> None:
    path = tmp_path / "one.txt"
    meta = SourceMeta(outlet="Desk", published="2011-11-30")
    text = ARTICLE.replace("had no criminal convictions", "had no felony convictions")
    path.write_text(render_document(meta, text), "utf-8")
    ledger.ingest(prepare(path))
    assert ledger.conflicts() == []


def test_a_verb_inside_a_relative_clause_is_not_what_the_share_says() -> None:
    quote = "Half of the nurses who were surveyed said they planned to quit."
    assert share_predicate(quote, "Half") is None
