"""Filters, full-text search that is safe for anything typed, keyset pages."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from claimledger.db import session_scope
from claimledger.ledger import review
from claimledger.ledger.queries import count_claims, fts_query, list_claims
from claimledger.records import ClaimFilter, Cursor


def _quotes(engine: Engine, flt: ClaimFilter, **kw: object) -> list[str]:
    with session_scope(engine) as s:
        return [c.quote for c in list_claims(session=s, flt=flt, **kw)]  # type: ignore[arg-type]


def test_search_finds_words_in_quotes(engine: Engine, seeded: dict[str, int]) -> None:
    assert _quotes(engine, ClaimFilter(text="ridership")) == [
        "Ridership fell by 30 percent between 2019 and 2021"
    ]


def test_search_matches_a_word_prefix_as_typed(engine: Engine, seeded: dict[str, int]) -> None:
    assert len(_quotes(engine, ClaimFilter(text="rider"))) == 1


def test_search_finds_words_in_notes(engine: Engine, seeded: dict[str, int]) -> None:
    with session_scope(engine) as s:
        review.add_note(seeded["c2"], "opinion, probably dismiss", session=s, user="ann")
    assert _quotes(engine, ClaimFilter(text="dismiss")) == [
        "Residents say the buses are worse than ever."
    ]


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        'bus"',
        "AND",
        "bus OR",
        "NOT bus",
        "(bus",
        "bus*",
        "*",
        "^bus",
        "quote:bus",
        "bus -route",
        "'; DROP TABLE claim; --",
        "NEAR(bus route)",
        "{",
        "%",
        "_",
        "\\",
    ],
)
def test_fts_syntax_in_a_search_never_crashes(
    engine: Engine, seeded: dict[str, int], typed: str
) -> None:
    _quotes(engine, ClaimFilter(text=typed))
    with session_scope(engine) as s:
        assert count_claims(session=s) == 3  # and nothing was dropped


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('bus" OR (route') == '("bus") OR ("route"*)'
    assert fts_query('bus" or (route') == '"bus" "or" "route"*'
    assert fts_query("***") is None
    assert fts_query('"bus routes" deport* fell') == '"bus routes" "deport"* "fell"*'
    assert fts_query("covid-19 12.5 café") == '"covid 19" "12 5" "cafe"*'


def test_filters_combine_with_search(engine: Engine, seeded: dict[str, int]) -> None:
    assert _quotes(engine, ClaimFilter(text="bus", types=("other",))) == [
        "Residents say the buses are worse than ever."
    ]
    assert _quotes(engine, ClaimFilter(text="bus", states=("dismissed",))) == []


def test_source_filter_by_name_or_outlet(engine: Engine, seeded: dict[str, int]) -> None:
    assert len(_quotes(engine, ClaimFilter(source="city paper"))) == 3
    assert len(_quotes(engine, ClaimFilter(source="bus.txt"))) == 3
    assert _quotes(engine, ClaimFilter(source="nothing_like_it%")) == []


def test_has_evidence_filter(engine: Engine, seeded: dict[str, int]) -> None:
    from claimledger.ledger.evidence import add_evidence

    with session_scope(engine) as s:
        add_evidence(
            seeded["c1"], "https://data.example/ridership", stance="supports", session=s, user="ann"
        )
    assert len(_quotes(engine, ClaimFilter(has_evidence=True))) == 1
    assert len(_quotes(engine, ClaimFilter(has_evidence=False))) == 2


def test_keyset_pages_walk_every_claim_once(engine: Engine, seeded: dict[str, int]) -> None:
    with session_scope(engine) as s:
        first = list_claims(session=s, limit=2)
        rest = list_claims(session=s, after=Cursor(id=first[-1].id or 0), limit=2)
        back = list_claims(session=s, before=Cursor(id=rest[0].id or 0), limit=2)
    assert [c.id for c in first + rest] == sorted(seeded[k] for k in ("c0", "c1", "c2"))
    assert [c.id for c in back] == [c.id for c in first]


def test_queue_order_puts_most_check_worthy_first(engine: Engine, seeded: dict[str, int]) -> None:
    with session_scope(engine) as s:
        page = list_claims(session=s, order="queue", limit=2)
        more = list_claims(
            session=s,
            order="queue",
            after=Cursor(id=page[-1].id or 0, score=page[-1].score),
            limit=5,
        )
    assert [c.score for c in page + more] == [0.9, 0.8, 0.2]
