"""The queue by demand: claims other articles carry first, widest reach first, then the rest.

Travelling claims (those with a live match) are ordered by outlets, articles, latest publication
and check-worthiness, read down the index of `claim_reach` (their reach, kept as matches change).
Every other claim reaches only its own article and follows, most check-worthy first, read by the
queue's own indexed pages. A cursor says which of the two parts it stands in (`Cursor.reach`).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from claimledger.ledger.demand import travelling_ids
from claimledger.models import Claim, ClaimReach
from claimledger.records import ClaimFilter, Cursor


def _travelling(
    conds: list[Any], edge: Cursor | None, backwards: bool, limit: int | None
) -> sa.Select[Any]:
    """Ids of travelling claims past a cursor (or from either end), nearest first."""
    cid = col(ClaimReach.claim_id)
    key = (
        col(ClaimReach.outlets),
        col(ClaimReach.articles),
        col(ClaimReach.latest),
        col(ClaimReach.score),
        -cid,
    )
    # the filter as a test of each claim in turn (EXISTS by primary key): a join would let the
    # planner start from the filter's own index and sort every matching claim
    wanted = sa.exists().where(col(Claim.id) == cid, *conds)
    stmt = sa.select(cid).where(wanted)
    if edge is not None and edge.reach is not None:
        r = edge.reach
        edge_key = sa.tuple_(r.outlets, r.articles, r.latest, edge.score, -edge.id)
        stmt = stmt.where(sa.tuple_(*key) > edge_key if backwards else sa.tuple_(*key) < edge_key)
    # the index's own order (claim_id ascending among equals), or its exact reverse
    order = [k.asc() if backwards else k.desc() for k in key[:4]]
    stmt = stmt.order_by(*order, cid.desc() if backwards else cid.asc())
    return stmt if limit is None else stmt.limit(limit)


def page_ids(
    flt: ClaimFilter,
    *,
    session: Session,
    after: Cursor | None,
    before: Cursor | None,
    limit: int | None,
) -> list[int]:
    """One page's ids in display order (a backwards page already turned round)."""
    from claimledger.ledger.queries import conditions, page_ids_select

    dialect = session.get_bind().dialect.name
    conds = conditions(flt, dialect)
    backwards = before is not None
    edge = before if backwards else after
    in_tail = edge is not None and edge.reach is None  # the far end is in the tail too
    others = [~col(Claim.id).in_(travelling_ids())]

    def travelling(edge: Cursor | None, n: int | None) -> list[int]:
        return [int(i) for (i,) in session.execute(_travelling(conds, edge, backwards, n))]

    def tail(edge: Cursor | None, n: int | None) -> list[int]:
        after, before = (None, edge) if backwards else (edge, None)
        stmt = page_ids_select(flt, "queue", after, before, n, dialect, extra=others)
        return [int(i) for (i,) in session.execute(stmt)]

    def rest(found: list[int]) -> int | None:
        return None if limit is None else limit - len(found)

    def more(found: list[int]) -> bool:
        n = rest(found)
        return n is None or n > 0

    if not backwards:
        found = [] if in_tail else travelling(edge, limit)
        if more(found):
            found += tail(edge if in_tail else None, rest(found))
        return found
    found = tail(edge, limit) if in_tail else travelling(edge, limit)
    if in_tail and more(found):
        found += travelling(None, rest(found))
    return found[::-1]
