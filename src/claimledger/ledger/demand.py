"""How widely claims travel, and what else a listing marks on a row, read for a whole page at once.

A claim travels when other articles carry it: a confirmed match, or a suggestion (suggestions are
stored only above the match threshold; rejected ones do not count). Its reach is the articles and
distinct outlets among the claim and those it matches, and the latest publication date among
them, kept in `claim_reach` as matches change (`reach`). A page of rows costs four indexed
queries here, whatever its length: never one per claim.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from claimledger.models import Claim, ClaimConflict, ClaimMatch, ClaimReach, Source
from claimledger.records import ClaimRow, Reach
from claimledger.vocab import EvidenceStatus, MatchStatus, ReviewState

DECIDED = (ReviewState.REVIEWED.value, ReviewState.VERIFIED.value)
DISMISSED_CONFLICT = "dismissed"
CHUNK = 500


def live_matches() -> Any:
    """Pairs (a, b) of claims the desk holds to be the same claim, or may."""
    return sa.select(
        col(ClaimMatch.claim_id).label("a"), col(ClaimMatch.other_id).label("b")
    ).where(col(ClaimMatch.status) != MatchStatus.REJECTED.value)


def travelling_ids() -> Any:
    """Every claim with a live match (the claims whose reach is more than their own)."""
    return sa.select(col(ClaimReach.claim_id))


def reach_table(only: Sequence[int] | None = None) -> Any:
    """(claim_id, articles, outlets, latest) for each travelling claim (or those of `only`)."""
    pairs = live_matches()
    if only is not None:  # the page's matches only, through the indexes on either side
        pairs = pairs.where(
            sa.or_(col(ClaimMatch.claim_id).in_(only), col(ClaimMatch.other_id).in_(only))
        )
    live = pairs.subquery()
    edges = sa.union_all(
        sa.select(live.c.a.label("cid"), live.c.b.label("oid")),
        sa.select(live.c.b, live.c.a),
        sa.select(live.c.a, live.c.a),
        sa.select(live.c.b, live.c.b),
    ).subquery()
    outlet = sa.func.lower(sa.func.coalesce(col(Source.outlet), col(Source.path)))
    stmt = (
        sa.select(
            edges.c.cid.label("claim_id"),
            sa.func.count(sa.distinct(col(Claim.source_id))).label("articles"),
            sa.func.count(sa.distinct(outlet)).label("outlets"),
            sa.func.coalesce(sa.func.max(col(Source.published)), "").label("latest"),
        )
        .join_from(edges, Claim, col(Claim.id) == edges.c.oid)
        .join(Source, col(Source.id) == col(Claim.source_id))
        .group_by(edges.c.cid)
    )
    if only is not None:
        stmt = stmt.where(edges.c.cid.in_(only))
    return stmt.subquery()


def reach_of(ids: Iterable[int], *, session: Session) -> dict[int, Reach]:
    """The reach of the travelling claims among these (the others reach only their own article),
    as `reach.refresh` keeps it."""
    wanted = sorted(set(ids))
    found: dict[int, Reach] = {}
    for chunk in (wanted[i : i + CHUNK] for i in range(0, len(wanted), CHUNK)):
        rows = session.execute(
            sa.select(
                col(ClaimReach.claim_id),
                col(ClaimReach.articles),
                col(ClaimReach.outlets),
                col(ClaimReach.latest),
            ).where(col(ClaimReach.claim_id).in_(chunk))
        )
        found.update({int(c): Reach(int(a), int(o), str(latest)) for c, a, o, latest in rows})
    return found


def _conflict_counts(ids: Sequence[int], *, session: Session) -> Counter[int]:
    stmt = sa.select(col(ClaimConflict.claim_id), col(ClaimConflict.other_id)).where(
        col(ClaimConflict.status) != DISMISSED_CONFLICT,
        sa.or_(col(ClaimConflict.claim_id).in_(ids), col(ClaimConflict.other_id).in_(ids)),
    )
    counts: Counter[int] = Counter()
    wanted = set(ids)
    for a, b in session.execute(stmt):
        counts.update(x for x in (a, b) if x in wanted)
    return counts


def _live_pairs(ids: Sequence[int], *, session: Session) -> list[tuple[int, int]]:
    """The live matches of these claims, through the indexes on either side."""
    live = live_matches().where(
        sa.or_(col(ClaimMatch.claim_id).in_(ids), col(ClaimMatch.other_id).in_(ids))
    )
    return [(int(a), int(b)) for a, b in session.execute(live)]


def _decided_elsewhere(
    ids: Sequence[int], pairs: Sequence[tuple[int, int]], *, session: Session
) -> set[int]:
    """Claims matching one the desk reviewed or verified with an evidence status: a verdict to
    take (as `verdicts.earlier_verdicts` lists them)."""
    others = {b for a, b in pairs} | {a for a, b in pairs}
    if not others:
        return set()
    # read by primary key and filtered here: a condition on the state would tempt the planner
    # onto the state index, through every reviewed claim of the ledger
    found = session.execute(
        sa.select(col(Claim.id), col(Claim.review_state), col(Claim.evidence_status)).where(
            col(Claim.id).in_(sorted(others))
        )
    )
    decided = {
        int(cid)
        for cid, state, status in found
        if state in DECIDED and status != EvidenceStatus.UNVERIFIED.value
    }
    wanted = set(ids)
    found_ids = {a for a, b in pairs if b in decided and a in wanted}
    return found_ids | {b for a, b in pairs if a in decided and b in wanted}


def annotate(rows: Sequence[ClaimRow], *, session: Session) -> list[ClaimRow]:
    """The rows with their reach, their conflicts and whether a verdict waits elsewhere."""
    if len(rows) > CHUNK:
        return [
            r
            for i in range(0, len(rows), CHUNK)
            for r in annotate(rows[i : i + CHUNK], session=session)
        ]
    ids = [r.id for r in rows]
    if not ids:
        return list(rows)
    pairs = _live_pairs(ids, session=session)
    travelling = {x for pair in pairs for x in pair} & set(ids)
    reach = reach_of(travelling, session=session) if travelling else {}
    conflicts = _conflict_counts(ids, session=session)
    decided = _decided_elsewhere(ids, pairs, session=session)
    return [
        replace(
            r,
            reach=reach.get(r.id),
            conflicts=conflicts.get(r.id, 0),
            decided_elsewhere=r.id in decided,
        )
        if r.id in reach or r.id in conflicts or r.id in decided
        else r
        for r in rows
    ]


def signals_of(ids: Sequence[int], *, session: Session) -> dict[int, tuple[int, bool]]:
    """For a listing: each claim's conflicts (not dismissed) and whether a verdict waits
    elsewhere, as the review UI flags its rows (claims with neither are left out)."""
    found: dict[int, tuple[int, bool]] = {}
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        conflicts = _conflict_counts(chunk, session=session)
        decided = _decided_elsewhere(chunk, _live_pairs(chunk, session=session), session=session)
        for cid in set(conflicts) | decided:
            found[cid] = (conflicts.get(cid, 0), cid in decided)
    return found
