"""The queue by demand: claims more articles and outlets carry come first, on either backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from claimledger.db import session_scope
from claimledger.ledger import reach
from claimledger.models import Claim, ClaimConflict, ClaimMatch, Source
from claimledger.records import FAR_END, ClaimFilter, ClaimRow, Order, Reach
from claimledger.service import Ledger
from helpers import Cli

# (outlet, published) of each article
ARTICLES = [
    ("Globe", "2020-01-01"),
    ("WBUR", "2021-05-01"),
    ("globe", "2019-01-01"),
    ("Herald", None),
]
# (article, score) of each claim, in id order: c1..c8
CLAIMS = [(0, 0.2), (1, 0.3), (2, 0.4), (3, 0.3), (0, 0.9), (1, 0.1), (2, 0.5), (3, 0.6)]
# (a, b, status): c1 is carried by three articles of two outlets
MATCHES = [(1, 2, "confirmed"), (1, 3, "suggested"), (4, 7, "rejected")]


@pytest.fixture
def ledger(ledger_db: str) -> Iterator[tuple[Ledger, list[int]]]:
    opened = Ledger.open(ledger_db, user="ann")
    with session_scope(opened.tx.engine) as s:
        sources = []
        for n, (outlet, published) in enumerate(ARTICLES):
            src = Source(
                path=f"a{n}.txt", content_hash=f"h{n}", outlet=outlet, published=published, text="x"
            )
            s.add(src)
            sources.append(src)
        s.flush()
        claims = []
        for n, (article, score) in enumerate(CLAIMS):
            claim = Claim(
                source_id=sources[article].id or 0,
                quote=f"claim {n + 1}",
                start=0,
                end=1,
                score=score,
            )
            s.add(claim)
            claims.append(claim)
        s.flush()
        ids = [c.id or 0 for c in claims]
        for a, b, status in MATCHES:
            s.add(
                ClaimMatch(claim_id=ids[a - 1], other_id=ids[b - 1], similarity=0.6, status=status)
            )
        s.flush()
        reach.rebuild(conn=s.connection())  # as the core does when it records matches
    yield opened, ids
    opened.close()


def _ids(rows: list[ClaimRow], ids: list[int]) -> list[int]:
    """Rows as claim numbers (1..8)."""
    return [ids.index(r.id) + 1 for r in rows]


def test_travelling_claims_come_first_widest_first(ledger: tuple[Ledger, list[int]]) -> None:
    led, ids = ledger
    rows = led.rows(order="demand", limit=None)
    # c1: 3 articles, 2 outlets; c2: 2, 2; c3: 2 articles of one outlet; then by check-worthiness
    assert _ids(rows, ids) == [1, 2, 3, 5, 8, 7, 4, 6]
    assert rows[0].reach == Reach(articles=3, outlets=2, latest="2021-05-01")
    assert rows[2].reach == Reach(articles=2, outlets=1, latest="2020-01-01")
    assert rows[3].reach is None  # only its own article carries it (a rejected match is none)


@pytest.mark.parametrize("page", [1, 2, 3, 5])
def test_pages_forward_and_back_make_the_same_order(
    ledger: tuple[Ledger, list[int]], page: int
) -> None:
    led, _ = ledger
    whole = led.rows(order="demand", limit=None)
    forward = led.rows(order="demand", limit=page)
    while len(forward) < len(whole):
        more = led.rows(order="demand", after=forward[-1].cursor, limit=page)
        assert more, "a page came back empty before the end"
        forward += more
    assert forward == whole
    backward = led.rows(order="demand", before=FAR_END, limit=page)
    while len(backward) < len(whole):
        backward = led.rows(order="demand", before=backward[0].cursor, limit=page) + backward
    assert backward == whole


def test_demand_keeps_the_filter(ledger: tuple[Ledger, list[int]]) -> None:
    led, ids = ledger
    led.apply([ids[1]], "review_state", "dismissed")
    rows = led.rows(ClaimFilter(states=("new",)), order="demand", limit=None)
    assert _ids(rows, ids) == [1, 3, 5, 8, 7, 4, 6]
    assert led.count(ClaimFilter(states=("new",))) == len(rows)


def test_next_open_follows_the_demand_order(ledger: tuple[Ledger, list[int]]) -> None:
    led, _ = ledger
    rows = led.rows(order="demand", limit=None)
    found = led.next_open(ClaimFilter(), "demand", rows[2], forward=True)
    assert found is not None and found.id == rows[3].id
    back = led.next_open(ClaimFilter(), "demand", rows[3], forward=False)
    assert back is not None and back.id == rows[2].id


def test_rows_say_what_waits_elsewhere(ledger: tuple[Ledger, list[int]]) -> None:
    led, ids = ledger
    with session_scope(led.tx.engine) as s:
        s.add(ClaimConflict(claim_id=ids[4], other_id=ids[5], reason="102 against 340"))
        s.add(ClaimConflict(claim_id=ids[3], other_id=ids[6], reason="x", status="dismissed"))
    led.apply([ids[1]], "evidence_status", "supported")
    led.apply([ids[1]], "review_state", "reviewed")
    rows = {r.id: r for r in led.rows(limit=None)}
    assert rows[ids[0]].decided_elsewhere  # c2, which c1 matches, was reviewed
    assert not rows[ids[1]].decided_elsewhere
    assert not rows[ids[2]].decided_elsewhere  # c3 matches c1 only, undecided
    assert (rows[ids[4]].conflicts, rows[ids[5]].conflicts) == (1, 1)
    assert rows[ids[3]].conflicts == 0  # a dismissed conflict is no conflict
    assert led.rows_by_id([ids[0]])[0].decided_elsewhere


def test_cli_lists_by_demand(ledger: tuple[Ledger, list[int]], ledger_db: str, cli: Cli) -> None:
    result = cli("--db", ledger_db, "claims", "--order", "demand")
    assert result.code == 0, result.err
    assert "3 articles, 2 outlets" in result.out
    assert result.out.index("claim 1") < result.out.index("claim 5")


def test_cli_demand_json_carries_the_reach(
    ledger: tuple[Ledger, list[int]], ledger_db: str, cli: Cli
) -> None:
    import json

    result = cli("--db", ledger_db, "claims", "--order", "demand", "--json")
    assert result.code == 0
    found = json.loads(result.out)
    assert found[0]["reach"] == {"articles": 3, "outlets": 2, "latest": "2021-05-01"}
    assert found[-1]["reach"] == {"articles": 1, "outlets": 1, "latest": ""}


def test_cli_refuses_an_unknown_order(
    ledger: tuple[Ledger, list[int]], ledger_db: str, cli: Cli
) -> None:
    result = cli("--db", ledger_db, "claims", "--order", "loudest")
    assert result.code == 1
    assert "unknown order 'loudest'" in result.err


@pytest.mark.parametrize("order", ["id", "queue", "demand"])
def test_pages_of_a_long_listing_join_into_the_whole_in_order(
    ledger: tuple[Ledger, list[int]], order: Order
) -> None:
    """`claims --json` writes a page at a time: small pages must give the same claims, in the
    same order, as one read of the whole, and stop at the limit."""
    led, _ = ledger
    whole = [c.id for page in led.claim_pages(order=order, size=100) for c in page.claims]
    paged = [c.id for page in led.claim_pages(order=order, size=3) for c in page.claims]
    assert paged == whole and len(whole) == len(CLAIMS)
    first5 = [c.id for page in led.claim_pages(order=order, size=2, limit=5) for c in page.claims]
    assert first5 == whole[:5]
    if order == "demand":  # each page carries its claims' reach
        reached = {cid for page in led.claim_pages(order="demand", size=3) for cid in page.reach}
        assert reached == {c for c, r in led.reach(whole).items() if r}
