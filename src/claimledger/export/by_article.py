"""The claims a report shows, article by article: each article's claims as the exporters see
them (`ExportRecord`), with the notes people wrote in their history.

One article in memory at a time (an article holds at most a few thousand claims), articles in id
order and claims in id order within each, so two reports of one ledger compare line by line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col

from claimledger.export.records import ExportRecord, export_records
from claimledger.ledger.queries import conditions
from claimledger.models import Claim, HistoryEntry
from claimledger.records import ClaimFilter, SourceRecord

ARTICLE_PAGE = 200


@dataclass(frozen=True)
class Note:
    """A note someone left in a claim's history (with a change, or on its own)."""

    at: datetime
    user: str
    text: str


@dataclass(frozen=True)
class ReportedClaim:
    record: ExportRecord
    notes: tuple[Note, ...]


@dataclass(frozen=True)
class ArticleClaims:
    source: SourceRecord
    claims: tuple[ReportedClaim, ...]


def articles(*, session: Session, flt: ClaimFilter) -> Iterator[ArticleClaims]:
    """Every article with a claim the filter selects, with those claims."""
    conn = session.connection()
    dialect = conn.dialect.name
    after = 0
    while True:
        ids = list(
            conn.execute(
                sa.select(col(Claim.source_id))
                .where(col(Claim.source_id) > after, *conditions(flt, dialect))
                .group_by(col(Claim.source_id))
                .order_by(col(Claim.source_id))
                .limit(ARTICLE_PAGE)
            ).scalars()
        )
        if not ids:
            return
        for source_id in ids:
            records = list(export_records(session=session, flt=replace(flt, source=str(source_id))))
            if records:
                notes = _notes([r.claim.id for r in records], conn)
                yield ArticleClaims(
                    records[0].source,
                    tuple(ReportedClaim(r, notes.get(r.claim.id, ())) for r in records),
                )
        after = ids[-1]


def _notes(claim_ids: list[int], conn: sa.Connection) -> dict[int, tuple[Note, ...]]:
    found: dict[int, list[Note]] = {}
    for start in range(0, len(claim_ids), 500):
        rows = conn.execute(
            sa.select(
                col(HistoryEntry.claim_id),
                col(HistoryEntry.at),
                col(HistoryEntry.user),
                col(HistoryEntry.note),
            )
            .where(
                col(HistoryEntry.claim_id).in_(claim_ids[start : start + 500]),
                col(HistoryEntry.note).is_not(None),
                col(HistoryEntry.note) != "",
            )
            .order_by(col(HistoryEntry.claim_id), col(HistoryEntry.id))
        ).all()
        for cid, at, user, text in rows:
            found.setdefault(cid, []).append(Note(at, user, text or ""))
    return {cid: tuple(notes) for cid, notes in found.items()}
