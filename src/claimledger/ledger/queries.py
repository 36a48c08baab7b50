"""Reading claims: filters, full-text search, keyset pages, counts.

Pages are keyset queries on indexed orders, never OFFSET and never "load every row", so a ledger of
a million claims reads as fast as one of a hundred.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from claimledger.errors import NotFound
from claimledger.ledger import demand, demand_order, search
from claimledger.models import Claim, ClaimAnchor, Evidence, HistoryEntry, Source
from claimledger.records import FAR_END, ClaimFilter, ClaimRow, Cursor, Order
from claimledger.vocab import OPEN_STATES, ReviewState

_WORD = re.compile(r"\w+", re.UNICODE)

MAX_ID = 2**31 - 1
"""The largest id a ledger holds on either backend (PostgreSQL's INTEGER): a larger number typed
by a person names nothing, as on SQLite, instead of failing the query on PostgreSQL."""


def storable(ids: Any) -> list[int]:
    """The ids that could exist (ids past MAX_ID name nothing)."""
    return [i for i in ids if 0 < i <= MAX_ID]


def fts_query(text: str) -> str | None:
    """A person's search in FTS5 syntax (see `search`): None when it holds no word."""
    return search.engine_query(search.parse_query(text), "sqlite")


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def conditions(flt: ClaimFilter, dialect: str) -> list[ColumnElement[bool]]:
    """The WHERE terms of a filter (exports build their own pages over them)."""
    conds: list[ColumnElement[bool]] = []
    if flt.ids:
        conds.append(col(Claim.id).in_(storable(flt.ids)))
    if flt.states:
        conds.append(col(Claim.review_state).in_(flt.states))
    if flt.evidence_statuses:
        conds.append(col(Claim.evidence_status).in_(flt.evidence_statuses))
    if flt.types:
        conds.append(col(Claim.type).in_(flt.types))
    if flt.source:
        if flt.source.isdigit():
            conds.append(col(Claim.source_id).in_(storable([int(flt.source)])))
        else:
            pattern = _like_pattern(flt.source)
            matching = select(Source.id).where(
                sa.or_(
                    col(Source.path).ilike(pattern, escape="\\"),
                    col(Source.outlet).ilike(pattern, escape="\\"),
                )
            )
            conds.append(col(Claim.source_id).in_(matching))
    if flt.speaker:
        conds.append(col(Claim.speaker).ilike(_like_pattern(flt.speaker), escape="\\"))
    if flt.assignee:
        conds.append(col(Claim.assignee) == flt.assignee)
    if flt.has_evidence is not None:
        with_links = col(Claim.id).in_(select(Evidence.claim_id))  # driven by the evidence index
        conds.append(with_links if flt.has_evidence else ~with_links)
    if flt.text and flt.text.strip():
        conds.append(search.condition(flt.text, dialect))
    if flt.changed_since is not None:
        conds.append(col(Claim.updated_at) >= flt.changed_since)
    if flt.changed_until is not None:
        conds.append(col(Claim.updated_at) < flt.changed_until)
    if flt.changed_after_entry is not None:
        changed = select(HistoryEntry.claim_id).where(
            col(HistoryEntry.id) > flt.changed_after_entry
        )  # driven by the history's primary key: as cheap as the changes are few
        conds.append(col(Claim.id).in_(changed))
    return conds


def list_claims(
    *,
    session: Session,
    flt: ClaimFilter = ClaimFilter(),
    order: Order = "id",
    after: Cursor | None = None,
    before: Cursor | None = None,
    limit: int | None = 50,
) -> list[Claim]:
    """One page of claims. 'queue' puts the most check-worthy first."""
    dialect = session.get_bind().dialect.name
    if order == "demand":
        ids = demand_order.page_ids(flt, session=session, after=after, before=before, limit=limit)
        by_id = {c.id: c for c in session.exec(_in_ids(select(Claim), ids))}
        return [by_id[i] for i in ids if i in by_id]
    stmt = select(Claim).where(*conditions(flt, dialect))
    rows = list(session.exec(_paged(stmt, order, after, before, limit)))
    return rows[::-1] if before is not None else rows


def _paged(
    stmt: Any, order: Order, after: Cursor | None, before: Cursor | None, limit: int | None
) -> Any:
    """Add the keyset condition and order; a backwards page comes out reversed."""
    backwards = before is not None
    edge = before if backwards else after
    if edge == FAR_END:
        edge = None  # the far end bounds nothing (and its id would not fit PostgreSQL's integer)
    if order == "queue":
        score, cid = col(Claim.score), col(Claim.id)
        if edge is not None:
            if backwards:
                stmt = stmt.where(sa.tuple_(score, -cid) > sa.tuple_(edge.score, -edge.id))
            else:
                stmt = stmt.where(sa.tuple_(score, -cid) < sa.tuple_(edge.score, -edge.id))
        if backwards:
            stmt = stmt.order_by(score.asc(), cid.desc())
        else:
            stmt = stmt.order_by(score.desc(), cid.asc())
    else:
        cid = col(Claim.id)
        if edge is not None:
            stmt = stmt.where(cid < edge.id if backwards else cid > edge.id)
        stmt = stmt.order_by(cid.desc() if backwards else cid.asc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return stmt


def _search_table_query(flt: ClaimFilter, dialect: str) -> str | None:
    """PostgreSQL, a search of words alone (every state, no other filter): its tsquery, answered
    by the search table without reading claims. None otherwise."""
    if dialect != "postgresql" or not flt.text or replace(flt, text=None) != ClaimFilter():
        return None
    return search.indexed_only(flt.text, dialect)


def count_claims(*, session: Session, flt: ClaimFilter = ClaimFilter()) -> int:
    dialect = session.get_bind().dialect.name
    query = _search_table_query(flt, dialect)
    if query is not None:
        return int(session.execute(search.count(query)).scalar_one())
    stmt = select(sa.func.count()).select_from(Claim).where(*conditions(flt, dialect))
    return int(session.exec(stmt).one())


def counts_by_state(*, session: Session) -> dict[str, int]:
    stmt = select(Claim.review_state, sa.func.count()).group_by(Claim.review_state)
    return {state: int(n) for state, n in session.exec(stmt)}


def get_claim(claim_id: int, *, session: Session) -> Claim:
    claim = session.get(Claim, claim_id) if storable([claim_id]) else None
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    return claim


def get_source(source_id: int, *, session: Session) -> Source:
    source = session.get(Source, source_id) if storable([source_id]) else None
    if source is None:
        raise NotFound(f"no source with id {source_id}")
    return source


def list_sources(*, session: Session) -> list[Source]:
    return list(session.exec(select(Source).order_by(col(Source.id))))


def evidence_for(claim_id: int, *, session: Session) -> list[Evidence]:
    stmt = select(Evidence).where(Evidence.claim_id == claim_id).order_by(col(Evidence.id))
    return list(session.exec(stmt))


def history_for(claim_id: int, *, session: Session) -> list[HistoryEntry]:
    stmt = (
        select(HistoryEntry)
        .where(HistoryEntry.claim_id == claim_id)
        .order_by(col(HistoryEntry.id))  # ids are taken under the claim's lock: commit order
    )
    return list(session.exec(stmt))


def anchors_for(claim_id: int, *, session: Session) -> list[ClaimAnchor]:
    stmt = (
        select(ClaimAnchor).where(ClaimAnchor.claim_id == claim_id).order_by(col(ClaimAnchor.start))
    )
    return list(session.exec(stmt))


def source_names(ids: set[int], *, session: Session) -> dict[int, str]:
    """Short labels for a page of claims: the outlet, or the file name."""
    if not ids:
        return {}
    stmt = select(Source.id, Source.outlet, Source.path).where(col(Source.id).in_(ids))
    return {sid: outlet or path for sid, outlet, path in session.exec(stmt) if sid is not None}


_ROW_COLUMNS = (
    col(Claim.id),
    col(Claim.review_state),
    col(Claim.evidence_status),
    col(Claim.type),
    col(Claim.source_id),
    sa.func.coalesce(col(Source.outlet), col(Source.path)).label("source_label"),
    col(Claim.score),
    col(Claim.quote),
    col(Claim.speaker),
    col(Claim.assignee),
    col(Claim.version),
)


def list_rows(
    *,
    session: Session,
    flt: ClaimFilter = ClaimFilter(),
    order: Order = "id",
    after: Cursor | None = None,
    before: Cursor | None = None,
    limit: int | None = 50,
) -> list[ClaimRow]:
    """A page like `list_claims`, as light rows with the source's label, for tables that scroll.

    The page is chosen on ids and scores alone (indexes, small sorts), then its rows are read.
    """
    dialect = session.get_bind().dialect.name
    stmt = sa.select(*_ROW_COLUMNS).join_from(Claim, Source, col(Source.id) == col(Claim.source_id))
    if order == "demand":
        ids = demand_order.page_ids(flt, session=session, after=after, before=before, limit=limit)
        by_id = {r[0]: ClaimRow(*r) for r in session.execute(_in_ids(stmt, ids))}
        return demand.annotate([by_id[i] for i in ids if i in by_id], session=session)
    if limit is None:
        paged = _paged(stmt.where(*conditions(flt, dialect)), order, after, before, None)
    else:
        ids = page_ids_select(flt, order, after, before, limit, dialect)
        paged = _paged(stmt.where(col(Claim.id).in_(ids)), order, None, None, None)
        if before is not None:
            paged = _paged(stmt.where(col(Claim.id).in_(ids)), order, None, FAR_END, None)
    rows = [ClaimRow(*r) for r in session.execute(paged)]
    return demand.annotate(rows[::-1] if before is not None else rows, session=session)


def _in_ids(stmt: Any, ids: Sequence[int]) -> Any:
    return stmt.where(col(Claim.id).in_(ids)) if ids else stmt.where(sa.false())


def page_ids_select(
    flt: ClaimFilter,
    order: Order,
    after: Cursor | None,
    before: Cursor | None,
    limit: int | None,
    dialect: str,
    *,
    extra: Sequence[ColumnElement[bool]] = (),
) -> Any:
    """The ids of one page, by the cheapest plan for the filter (see PERF notes in the docstrings).

    - queue order, filtered on states only (or nothing): one indexed range read per state on
      (review_state, score, id), merged; no sort of the matching rows.
    - id order with states, or states with another indexed filter (evidence, type, assignee,
      source, words): keep the planner off the state index (walk the primary key, or the other
      filter's index) instead of reading every claim in those states.
    - words alone (a search across every state) on PostgreSQL: the page is chosen in the search
      table, which keeps each claim's score (`search.page_ids`); no claim is read to choose it.
    - anything else: let the planner use the filter's own index, sorting ids and scores only.
    """
    query = _search_table_query(flt, dialect)
    if query is not None and limit is not None and order != "demand" and not extra:
        return search.page_ids(query, order, after, before, limit)
    ids = sa.select(col(Claim.id), col(Claim.score))
    rest = replace(flt, states=(), speaker=None)
    if order == "queue" and rest == ClaimFilter() and limit is not None:
        conds = [*conditions(replace(flt, states=()), dialect), *extra]
        states = flt.states or tuple(s.value for s in ReviewState)
        parts = [
            _paged(ids.where(*conds, col(Claim.review_state) == st), order, after, before, limit)
            .subquery()
            .select()
            for st in states
        ]
        merged = sa.union_all(*parts).subquery()
        forward = (merged.c.score.desc(), merged.c.id.asc())
        backward = (merged.c.score.asc(), merged.c.id.desc())
        chosen = backward if before is not None else forward
        return sa.select(merged.c.id).order_by(*chosen).limit(limit)
    indexed = replace(rest, has_evidence=None) != ClaimFilter()
    if flt.states and (order == "id" or indexed):
        conds = [*conditions(replace(flt, states=()), dialect), *extra]
        unindexed = col(Claim.review_state).concat("").in_(flt.states)
        stmt = _paged(ids.where(*conds, unindexed), order, after, before, limit)
    else:
        stmt = _paged(ids.where(*conditions(flt, dialect), *extra), order, after, before, limit)
    return sa.select(stmt.subquery().c.id)


def next_open(
    *,
    session: Session,
    flt: ClaimFilter,
    order: Order,
    after: Cursor | None = None,
    before: Cursor | None = None,
) -> ClaimRow | None:
    """The nearest claim still waiting for review (new or in review) after or before a row."""
    states = tuple(s for s in flt.states if s in OPEN_STATES) if flt.states else OPEN_STATES
    if not states:
        return None
    narrowed = replace(flt, states=states)
    found = list_rows(
        session=session, flt=narrowed, order=order, after=after, before=before, limit=1
    )
    return found[0] if found else None
