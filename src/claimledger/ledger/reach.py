"""Each travelling claim's reach, written as its matches change (the `claim_reach` table).

A claim's reach depends only on its own live matches (and on the articles of the claims they
join), so a match suggested, confirmed or rejected changes the reach of its two claims and no
other: `refresh` recomputes those rows from the matches (`demand.reach_table`), removing the row
of a claim that no longer travels. `rebuild` recomputes them all (a copied or restored ledger).
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import col

from claimledger.ledger.demand import reach_table
from claimledger.models import Claim, ClaimReach

CHUNK = 500

REACH = ClaimReach.__table__  # type: ignore[attr-defined]


def _rows(only: list[int] | None) -> sa.Select[tuple[int, int, int, str, float]]:
    table = reach_table(only)
    return sa.select(
        table.c.claim_id, table.c.articles, table.c.outlets, table.c.latest, col(Claim.score)
    ).join_from(table, Claim, col(Claim.id) == table.c.claim_id)


def _write(conn: Connection, stmt: sa.Select[tuple[int, int, int, str, float]]) -> None:
    names = ("claim_id", "articles", "outlets", "latest", "score")
    conn.execute(sa.insert(REACH).from_select(names, stmt))


def refresh(claim_ids: Iterable[int], *, conn: Connection) -> None:
    """The reach of these claims, recomputed from their live matches."""
    wanted = sorted(set(claim_ids))
    for chunk in (wanted[i : i + CHUNK] for i in range(0, len(wanted), CHUNK)):
        conn.execute(sa.delete(REACH).where(REACH.c.claim_id.in_(chunk)))
        _write(conn, _rows(chunk))


def rebuild(*, conn: Connection) -> None:
    """Every travelling claim's reach, from all the matches."""
    conn.execute(sa.delete(REACH))
    _write(conn, _rows(None))
