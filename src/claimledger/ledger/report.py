"""The desk's report: counts grouped in the database (never a row per claim in memory), and the
latest verdicts published."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from claimledger.models import Claim, HistoryEntry, Publication, Source
from claimledger.records import LedgerReport, PublishedVerdict, ReviewerTally, Tally
from claimledger.vocab import EvidenceStatus, HistoryAction, ReviewState


def _tallies(conn: sa.Connection, column: Any, *, order: tuple[str, ...] = ()) -> tuple[Tally, ...]:
    rows = conn.execute(sa.select(column, sa.func.count()).group_by(column)).all()
    found = {str(name) if name is not None else "(none)": int(n) for name, n in rows}
    known = [Tally(name, found.pop(name, 0)) for name in order]
    rest = sorted((Tally(name, n) for name, n in found.items()), key=lambda t: (-t.count, t.name))
    return tuple(known + rest)


def ledger_report(*, session: Session, recent: int = 10, sources: int = 10) -> LedgerReport:
    conn = session.connection()
    total = int(conn.execute(sa.select(sa.func.count()).select_from(Claim)).scalar() or 0)
    by_state = _tallies(conn, col(Claim.review_state), order=tuple(ReviewState))
    by_evidence = _tallies(conn, col(Claim.evidence_status), order=tuple(EvidenceStatus))
    published = col(Publication.published_at).is_not(None)
    rating_rows = conn.execute(
        sa.select(col(Publication.rating), sa.func.count())
        .where(published)
        .group_by(col(Publication.rating))
        .order_by(sa.func.count().desc(), col(Publication.rating))
    ).all()
    by_rating = tuple(Tally(str(r or "(none)"), int(n)) for r, n in rating_rows)
    label = sa.func.coalesce(col(Source.outlet), col(Source.path))
    source_rows = conn.execute(
        sa.select(label, sa.func.count())
        .select_from(Claim)
        .join(Source, col(Source.id) == col(Claim.source_id))
        .group_by(label)
        .order_by(sa.func.count().desc(), label)
        .limit(sources)
    ).all()
    by_source = tuple(Tally(str(name), int(n)) for name, n in source_rows)
    return LedgerReport(
        claims=total,
        by_state=by_state,
        by_evidence=by_evidence,
        by_rating=by_rating,
        by_source=by_source,
        by_reviewer=_reviewers(conn),
        recent=_recent(conn, recent),
    )


def _reviewers(conn: sa.Connection) -> tuple[ReviewerTally, ...]:
    """Everyone who changed a claim, by the changes they made (claims created by the finder on
    ingest count as changes too: the ingesting person did it)."""
    verified = sa.and_(
        col(HistoryEntry.action) == HistoryAction.REVIEW_STATE.value,
        col(HistoryEntry.after) == ReviewState.VERIFIED.value,
    )
    published = sa.and_(
        col(HistoryEntry.action) == HistoryAction.PUBLISHED.value,
        col(HistoryEntry.after).is_not(None),
    )
    rows = conn.execute(
        sa.select(
            col(HistoryEntry.user),
            sa.func.count(),
            sa.func.sum(sa.case((verified, 1), else_=0)),
            sa.func.sum(sa.case((published, 1), else_=0)),
        )
        .group_by(col(HistoryEntry.user))
        .order_by(sa.func.count().desc(), col(HistoryEntry.user))
    ).all()
    return tuple(ReviewerTally(str(u), int(n), int(v or 0), int(p or 0)) for u, n, v, p in rows)


def _recent(conn: sa.Connection, limit: int) -> tuple[PublishedVerdict, ...]:
    label = sa.func.coalesce(col(Source.outlet), col(Source.path))
    rows = conn.execute(
        sa.select(
            col(Claim.id),
            sa.func.coalesce(col(Publication.statement), col(Claim.quote)),
            col(Publication.rating),
            col(Publication.url),
            label,
            col(Publication.published_by),
            col(Publication.published_at),
        )
        .select_from(Publication)
        .join(Claim, col(Claim.id) == col(Publication.claim_id))
        .join(Source, col(Source.id) == col(Claim.source_id))
        .where(col(Publication.published_at).is_not(None))
        .order_by(col(Publication.published_at).desc(), col(Claim.id).desc())
        .limit(limit)
    ).all()
    return tuple(PublishedVerdict(*_values(row)) for row in rows)


def _values(row: Any) -> tuple[Any, ...]:
    return tuple(row)
