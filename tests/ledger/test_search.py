"""One search language, the same answers on SQLite (FTS5) and on PostgreSQL (tsvector + GIN)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from claimledger.db import session_scope
from claimledger.ledger.search import index_claims, parse, tokens, tsquery
from claimledger.models import Claim, Source
from claimledger.records import ClaimFilter
from claimledger.service import Ledger

QUOTES = [
    "The city cut 12 bus routes.",
    "Ridership fell 12.5 percent after the COVID-19 lockdowns.",
    "The café on Main Street closed.",
    "Deportations rose under the Secure Communities program.",
    "Bus fares rose by 25 cents.",
]


@pytest.fixture
def ledger(ledger_db: str) -> Iterator[Ledger]:
    opened = Ledger.open(ledger_db, user="ann")
    text = " ".join(QUOTES)
    with session_scope(opened.tx.engine) as s:
        source = Source(path="a.txt", content_hash="h", outlet="Paper", text=text)
        s.add(source)
        s.flush()
        claims = []
        for quote in QUOTES:
            start = text.index(quote)
            claim = Claim(
                source_id=source.id or 0, quote=quote, start=start, end=start + len(quote)
            )
            s.add(claim)
            claims.append(claim)
        s.flush()
        index_claims([(c.id or 0, c.quote) for c in claims], session=s)
    yield opened
    opened.close()


def found(ledger: Ledger, text: str) -> list[str]:
    return [row.quote for row in ledger.rows(ClaimFilter(text=text), limit=None)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("routes bus", [0]),  # every word, any order
        ("city routes", [0]),
        ('"bus routes"', [0]),  # a phrase
        ('"routes bus"', []),  # ...in its order
        ("bus", [0, 4]),
        ("rout", [0]),  # the word being typed is a prefix
        ("deport* program", [3]),
        ("12.5", [1]),  # a number with a point is one term
        ("covid-19", [1]),
        ("cafe", [2]),  # accents do not matter
        ("CAFÉ main", [2]),
        ("bus OR city", []),  # operators are plain words
        ("NOT bus", []),
        ('bus" (fares', [4]),  # stray quotes and parentheses are safe text
        ("fares AND", []),  # AND is a word like any other: no claim has it
        ("***", []),
        ("fares:rose", [4]),
    ],
)
def test_the_same_search_finds_the_same_claims(
    ledger: Ledger, typed: str, expected: list[int]
) -> None:
    assert found(ledger, typed) == [QUOTES[n] for n in expected]


def test_notes_are_searched_too(ledger: Ledger) -> None:
    cid = ledger.rows(ClaimFilter(text="café"))[0].id
    ledger.apply([cid], "note", "Asked the owner: closed in 2023.")
    assert found(ledger, "owner closed") == [QUOTES[2]]
    assert ledger.count(ClaimFilter(text="owner")) == 1


def test_tokens_are_what_fts5s_unicode61_keeps() -> None:
    assert tokens("Naïve CAFÉ, covid_19 12.5% — “quoted”") == [
        "naive",
        "cafe",
        "covid",
        "19",
        "12",
        "5",
        "quoted",
    ]


def test_tsquery_never_carries_syntax() -> None:
    assert tsquery(parse("a & b | !c <-> d:* 'e'")) == "'a' & 'b' & 'c' & 'd':* & 'e':*"
