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

from claimledger.ledger import turns
from claimledger.ledger.demand import reach_table
from claimledger.ledger.driver_rows import padded, run
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


@cache
def _refresh_insert() -> Any:
    return sa.insert(REACH).from_select(COLUMNS, _refresh_rows())


@cache
def _rows_of() -> tuple[Any, Any]:
    """Reading and removing the rows of the claims in :ids."""
    ids: sa.BindParameter[list[int]] = sa.bindparam("ids", expanding=True)
    return (
        sa.select(REACH.c.claim_id).where(REACH.c.claim_id.in_(ids)),
        sa.delete(REACH).where(REACH.c.claim_id.in_(ids)),
    )


def refresh(claim_ids: Iterable[int], *, conn: Connection) -> None:
    """The reach of these claims, recomputed from their live matches (inside the database: no
    row comes back to Python). Plain statements (`driver_rows.run`): ingest runs these for
    every article."""
    turns.matching(conn)
    wanted = sorted(set(claim_ids))
    for chunk in (wanted[i : i + CHUNK] for i in range(0, len(wanted), CHUNK)):
        chunk = padded(chunk)
        run(conn, _rows_of()[1], {"ids": chunk})
        run(conn, _refresh_insert(), {"ids": chunk})


def refresh_article(source_id: int, *, conn: Connection) -> None:
    """An article's outlet or date changed: the reach of its claims and of the claims they match."""
    claim, match = Claim.__table__, ClaimMatch.__table__  # type: ignore[attr-defined]
    ours = [
        int(c) for (c,) in conn.execute(sa.select(claim.c.id).where(claim.c.source_id == source_id))
    ]
    touched = set(ours)
    for chunk in (ours[i : i + CHUNK] for i in range(0, len(ours), CHUNK)):
        for a, b in conn.execute(
            sa.select(match.c.claim_id, match.c.other_id).where(
                sa.or_(match.c.claim_id.in_(chunk), match.c.other_id.in_(chunk))
            )
        ):
            touched.update((int(a), int(b)))
    refresh(touched, conn=conn)


def rebuild(*, conn: Connection) -> None:
    """Every travelling claim's reach, from all the matches."""
    turns.matching(conn)
    conn.execute(sa.delete(REACH))
    table = reach_table()
    stmt = sa.select(
        table.c.claim_id, table.c.articles, table.c.outlets, table.c.latest, col(Claim.score)
    ).join_from(table, Claim, col(Claim.id) == table.c.claim_id)
    conn.execute(sa.insert(REACH).from_select(COLUMNS, stmt))


def _outlet(source: Any) -> Any:
    return sa.func.lower(sa.func.coalesce(source.c.outlet, source.c.path))


@cache
def _gain_article() -> Any:
    """Each claim in :ids (all with a row) now carried by one more article, :sid, new to it.

    Its articles go up by one, its latest date to the article's if later, its outlets by one
    unless the article's outlet already carries it (its own article, or a live match outside
    :sid): an index read of its matches that stops at the first carrier of that outlet."""
    ids: sa.BindParameter[list[int]] = sa.bindparam("ids", expanding=True)
    sid: sa.BindParameter[int] = sa.bindparam("sid")
    source, claim, match = (Source.__table__, Claim.__table__, ClaimMatch.__table__)  # type: ignore[attr-defined]
    article = source.alias("article")  # its own name: never correlated with a carrier's source
    key = sa.select(_outlet(article)).where(article.c.id == sid).scalar_subquery()
    published = (
        sa.select(sa.func.coalesce(article.c.published, "")).where(article.c.id == sid)
    ).scalar_subquery()
    live = match.c.status != MatchStatus.REJECTED.value
    me = REACH.c.claim_id

    def carried_through(mine: Any, theirs: Any) -> Any:
        return sa.exists().where(
            mine == me,
            live,
            claim.c.id == theirs,
            claim.c.source_id != sid,
            source.c.id == claim.c.source_id,
            _outlet(source) == key,
        )

    own = sa.exists().where(
        claim.c.id == me, source.c.id == claim.c.source_id, _outlet(source) == key
    )
    known = sa.or_(
        own,
        carried_through(match.c.claim_id, match.c.other_id),
        carried_through(match.c.other_id, match.c.claim_id),
    )
    return (
        sa.update(REACH)
        .where(me.in_(ids))
        .values(
            articles=REACH.c.articles + 1,
            outlets=REACH.c.outlets + sa.case((known, 0), else_=1),
            latest=sa.case((published > REACH.c.latest, published), else_=REACH.c.latest),
        )
    )


def add_article(source_id: int, pairs: Iterable[tuple[int, int]], *, conn: Connection) -> None:
    """After a new article's claims were matched (`pairs`: new claim, claim of another article).

    The claims it matched gain exactly one article, so those that already travel are updated in
    place (recomputing them would read every match they have, and a claim told in hundreds of
    articles has hundreds); the article's own claims and the others are recomputed, having only
    the matches just made."""
    turns.matching(conn)
    pairs = list(pairs)
    partners = sorted({b for _, b in pairs})
    travelling: set[int] = set()
    for chunk in (partners[i : i + CHUNK] for i in range(0, len(partners), CHUNK)):
        found = run(conn, _rows_of()[0], {"ids": padded(chunk)})
        travelling.update(int(c) for (c,) in found)
    if travelling:
        kept = sorted(travelling)
        for chunk in (kept[i : i + CHUNK] for i in range(0, len(kept), CHUNK)):
            run(conn, _gain_article(), {"ids": padded(chunk), "sid": source_id})
    refresh({a for a, _ in pairs} | (set(partners) - travelling), conn=conn)
