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
    "The 🚌 ticket is €2 since March.",
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
        ("bus OR city", [0, 4]),  # OR between words: either side
        ("café OR fares rose", [2, 4]),  # OR binds looser than the words beside it
        ("OR bus OR", [0, 4]),  # an OR with nothing on one side is left out
        ("bus or city", []),  # lower-case "or" is a word no claim holds
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


HOSTILE = [
    '"unbalanced',
    'bus "',
    '""',
    "NEAR(bus routes)",
    "NEAR bus",
    "^bus",
    "bus^2",
    "quote:bus",
    ":",
    "-bus",
    "bus -routes",
    "bus AND NOT routes",
    "AND",
    "NOT",
    "OR",
    "OR OR OR",
    "(bus",
    "bus)",
    "((bus OR) city",
    "*",
    "bus**",
    "'bus'",
    "a & b | !c <-> d:*",
    "\\",
    "%_",
    "\x00bus",
]


@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_searches_never_fail(ledger: Ledger, typed: str) -> None:
    rows = ledger.rows(ClaimFilter(text=typed), limit=None)
    assert ledger.count(ClaimFilter(text=typed)) == len(rows)


def test_hostile_operators_are_words(ledger: Ledger) -> None:
    assert found(ledger, "NEAR(bus routes)") == []  # "near" is a word no claim holds
    assert found(ledger, "-bus routes") == [QUOTES[0]]
    assert found(ledger, "^bus fares") == [QUOTES[4]]
    assert found(ledger, '"bus routes') == [QUOTES[0]]  # an unclosed quote is not a phrase


def test_an_emoji_in_a_note_is_found(ledger: Ledger) -> None:
    cid = ledger.rows(ClaimFilter(text="café"))[0].id
    ledger.apply([cid], "note", "Owner confirmed 👍🏽 by phone")
    assert found(ledger, "👍🏽") == [QUOTES[2]]
    assert found(ledger, "👍🏽 owner") == [QUOTES[2]]  # a symbol and a word
    assert found(ledger, "👍🏽 bus") == []
    assert found(ledger, "bus OR 👍🏽") == [QUOTES[0], QUOTES[2], QUOTES[4]]
    assert found(ledger, "🙂") == []


def test_an_emoji_or_a_sign_in_a_quote_is_found(ledger: Ledger) -> None:
    assert found(ledger, "🚌") == [QUOTES[5]]
    assert found(ledger, "€2") == [QUOTES[5]]  # the sign, and the number as a word
    assert found(ledger, "🚌 ticket") == [QUOTES[5]]
    assert found(ledger, "🚌 bus") == []


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
