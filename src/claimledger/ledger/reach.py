"""Each travelling claim's reach, written as its matches change (the `claim_reach` table).

A claim's reach depends only on its own live matches (and on the articles of the claims they
join), so a match suggested, confirmed or rejected changes the reach of its two claims and no
other: `refresh` recomputes those rows from the matches, through the indexes on either side of
`claim_match`, and removes the row of a claim that no longer travels. `rebuild` recomputes them
all (a copied ledger). Both count as `demand.reach_table` does; a test holds them equal.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import col

from claimledger.ledger.demand import reach_table
from claimledger.models import Claim, ClaimMatch, ClaimReach, Source
from claimledger.vocab import MatchStatus

CHUNK = 500

REACH = ClaimReach.__table__  # type: ignore[attr-defined]
COLUMNS = ("claim_id", "articles", "outlets", "latest", "score")


@cache
def _refresh_rows() -> Any:
    """(claim, articles, outlets, latest, score) of the claims in :ids that have a live match.

    One statement, built once: each claim's live matches read from the index on either side, its
    own article added, counted per claim."""
    ids: sa.BindParameter[list[int]] = sa.bindparam("ids", expanding=True)
    live = col(ClaimMatch.status) != MatchStatus.REJECTED.value
    a, b = col(ClaimMatch.claim_id), col(ClaimMatch.other_id)
    edges = sa.union_all(
        sa.select(a.label("cid"), b.label("oid")).where(a.in_(ids), live),
        sa.select(b, a).where(b.in_(ids), live),
        sa.select(col(Claim.id), col(Claim.id)).where(col(Claim.id).in_(ids)),
    ).subquery()
    outlet = sa.func.lower(sa.func.coalesce(col(Source.outlet), col(Source.path)))
    own = sa.orm.aliased(Claim)
    return (
        sa.select(
            edges.c.cid,
            sa.func.count(sa.distinct(col(Claim.source_id))),
            sa.func.count(sa.distinct(outlet)),
            sa.func.coalesce(sa.func.max(col(Source.published)), ""),
            sa.func.max(col(own.score)),
        )
        .join_from(edges, Claim, col(Claim.id) == edges.c.oid)
        .join(Source, col(Source.id) == col(Claim.source_id))
        .join(own, col(own.id) == edges.c.cid)
        .group_by(edges.c.cid)
        .having(sa.func.count() > 1)  # its own article and at least one match
    )


def refresh(claim_ids: Iterable[int], *, conn: Connection) -> None:
    """The reach of these claims, recomputed from their live matches."""
    wanted = sorted(set(claim_ids))
    for chunk in (wanted[i : i + CHUNK] for i in range(0, len(wanted), CHUNK)):
        conn.execute(sa.delete(REACH).where(REACH.c.claim_id.in_(chunk)))
        rows = [
            dict(zip(COLUMNS, row, strict=True))
            for row in conn.execute(_refresh_rows(), {"ids": chunk})
        ]
        if rows:
            conn.execute(sa.insert(REACH), rows)


def rebuild(*, conn: Connection) -> None:
    """Every travelling claim's reach, from all the matches."""
    conn.execute(sa.delete(REACH))
    table = reach_table()
    stmt = sa.select(
        table.c.claim_id, table.c.articles, table.c.outlets, table.c.latest, col(Claim.score)
    ).join_from(table, Claim, col(Claim.id) == table.c.claim_id)
    conn.execute(sa.insert(REACH).from_select(COLUMNS, stmt))
