"""A search's pages in the queue's order (score, then id) and by id, the same on both backends,
for claims added every way: through the core, by hand into the table, rescored behind its back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimledger.db import session_scope
from claimledger.ledger.search import index_claims, tokens
from claimledger.models import Claim, Source
from claimledger.records import FAR_END, ClaimFilter, Order
from claimledger.service import Ledger, prepare

CLAIMS = [  # (quote, score): ties on purpose, so the id decides
    ("The city cut 12 bus routes.", 0.5),
    ("Bus fares rose by 25 cents.", 0.9),
    ("The bus depot closed in May.", 0.5),
    ("A tram line opened in June.", 0.7),
    ("Night bus services doubled.", 0.9),
    ("Bus drivers won a 4 percent raise.", 0.2),
    ("The bus fleet is 30 years old.", 0.5),
]


@pytest.fixture
def ledger(ledger_db: str) -> Iterator[Ledger]:
    opened = Ledger.open(ledger_db, user="ann")
    text = " ".join(q for q, _ in CLAIMS)
    with session_scope(opened.tx.engine) as s:
        source = Source(path="a.txt", content_hash="h", outlet="Paper", text=text)
        s.add(source)
        s.flush()
        claims = []
        for quote, score in CLAIMS:
            start = text.index(quote)
            claim = Claim(
                source_id=source.id or 0, quote=quote, start=start, end=start + len(quote)
            )
            claim.score = score
            s.add(claim)
            claims.append(claim)
        s.flush()
        index_claims([(c.id or 0, c.quote) for c in claims], session=s)
    yield opened
    opened.close()


def expected(ledger: Ledger, word: str, order: Order) -> list[int]:
    """Every claim with the word, ordered in Python from the claims' own scores."""
    rows = [r for r in ledger.rows(limit=None) if word in tokens(r.quote)]
    if order == "queue":
        rows.sort(key=lambda r: (-r.score, r.id))
    else:
        rows.sort(key=lambda r: r.id)
    return [r.id for r in rows]


def forward(ledger: Ledger, text: str, order: Order, size: int = 2) -> list[int]:
    """Every page of a search, first to last, each from the one before (keyset paging)."""
    flt, seen = ClaimFilter(text=text), list[int]()
    page = ledger.rows(flt, order, limit=size)
    while page and len(seen) <= len(CLAIMS) + 2:  # a page out of step could repeat forever
        seen += [r.id for r in page]
        page = ledger.rows(flt, order, after=page[-1].cursor, limit=size)
    return seen


def backward(ledger: Ledger, text: str, order: Order, size: int = 2) -> list[int]:
    """Every page from the far end back to the first (the table scrolling up)."""
    flt, seen = ClaimFilter(text=text), list[int]()
    page = ledger.rows(flt, order, before=FAR_END, limit=size)
    while page and len(seen) <= len(CLAIMS) + 2:
        seen = [r.id for r in page] + seen
        page = ledger.rows(flt, order, before=page[0].cursor, limit=size)
    return seen


@pytest.mark.parametrize("order", ["queue", "id"])
def test_a_search_pages_in_order_both_ways(ledger: Ledger, order: Order) -> None:
    wanted = expected(ledger, "bus", order)
    assert len(wanted) == 6
    assert forward(ledger, "bus", order) == wanted
    assert backward(ledger, "bus", order) == wanted
    assert [r.id for r in ledger.rows(ClaimFilter(text="bus"), order, limit=3)] == wanted[:3]


def _sql(ledger: Ledger, statement: str, **params: object) -> None:
    with ledger.tx.engine.begin() as conn:
        conn.execute(sa.text(statement), params)


def test_a_claim_rescored_behind_the_ledgers_back_moves_in_the_search(ledger: Ledger) -> None:
    last = expected(ledger, "bus", "queue")[-1]
    _sql(ledger, "UPDATE claim SET score = 0.95 WHERE id = :id", id=last)
    assert forward(ledger, "bus", "queue")[0] == last
    assert forward(ledger, "bus", "queue") == expected(ledger, "bus", "queue")
    assert backward(ledger, "bus", "queue") == expected(ledger, "bus", "queue")


def test_a_claim_inserted_by_hand_is_found_in_its_place(ledger: Ledger) -> None:
    source = ledger.rows(limit=1)[0].source_id
    _sql(
        ledger,
        'INSERT INTO claim (source_id, quote, start, "end", prefix, suffix, type, score, '
        "quantities, fingerprint, origin, review_state, evidence_status, version, created_at, "
        "updated_at) VALUES (:source, :quote, 0, 10, '', '', 'other', 0.6, '[]', '', 'manual', "
        "'new', 'unverified', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        source=source,
        quote="Zürich's BUS-lanes saved 3.5 minutes.",
    )
    wanted = expected(ledger, "bus", "queue")
    assert len(wanted) == 7
    assert ledger.count(ClaimFilter(text="bus")) == 7
    assert forward(ledger, "bus", "queue") == wanted
    for typed in ("zurich", "bus lanes", "3.5", '"saved 3 5"'):
        assert [r.quote for r in ledger.rows(ClaimFilter(text=typed))] == [
            "Zürich's BUS-lanes saved 3.5 minutes."
        ]


def test_new_claims_from_an_article_and_by_hand_take_their_place(
    ledger: Ledger, tmp_path: Path
) -> None:
    article = tmp_path / "bus.txt"
    article.write_text(
        "Buses\n\nThe city added 40 electric bus stops in March, the authority said.\n",
        encoding="utf-8",
    )
    ledger.ingest(prepare(article))
    found = ledger.rows(ClaimFilter(text="electric"), limit=None)
    assert len(found) == 1
    source = found[0].source_id
    text = ledger.source_text(source)[0]
    start = text.index("the authority")
    by_hand = ledger.record_span(source, start, start + len("the authority said")).claim_id
    assert forward(ledger, "bus", "queue") == expected(ledger, "bus", "queue")
    assert forward(ledger, "authority", "queue")[0] == by_hand  # a person's pick: score 1.0
    assert forward(ledger, "authority", "id") == expected(ledger, "authority", "id")


def test_a_search_with_a_state_reads_the_same_order(ledger: Ledger) -> None:
    first = expected(ledger, "bus", "queue")[0]
    ledger.review(first, state="in_review")
    flt = ClaimFilter(text="bus", states=("new",))
    assert [r.id for r in ledger.rows(flt, "queue")] == expected(ledger, "bus", "queue")[1:]


@pytest.mark.postgres
@pytest.mark.parametrize(
    "text",
    [
        "Ridership fell 12.5 percent after the COVID-19 lockdowns.",
        "The café on Main Street closed.",
        "The 🚌 ticket is €2 since March.",
        "naïve Zürich coöperation, l'été dernier: 3,5 %",
        "ÉCOLE «quoted» — dash – en… snake_case",
        "½ of ² and ª, x\u200dy, tab\tnew\nline",
        "Straße ΑΘΗΝΑ Москва Ærø ﬁne",
        "東京 の 人口",
    ],
)
def test_the_servers_words_for_a_claim_added_by_hand_are_the_cores(pg_url: str, text: str) -> None:
    """PostgreSQL's trigger cuts a hand-inserted claim's words itself: as `tokens` does."""
    ledger = Ledger.open(pg_url, user="ann")
    try:
        with ledger.tx.engine.connect() as conn:
            cut = conn.execute(sa.text("SELECT claimledger_words(:t)"), {"t": text}).scalar()
        assert cut == " ".join(tokens(text))
    finally:
        ledger.close()
