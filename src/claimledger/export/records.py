"""Claims as plain records for exporters: streamed page by page, each with its evidence."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from claimledger.ledger.queries import list_claims
from claimledger.models import Claim, Evidence, HistoryEntry, Source
from claimledger.records import ClaimFilter, Cursor

PAGE = 500


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def iter_records(*, session: Session, flt: ClaimFilter) -> Iterator[dict[str, Any]]:
    """Every claim the filter selects, in id order, without holding the whole ledger in memory."""
    sources: dict[int, Source] = {}
    cursor: Cursor | None = None
    while True:
        page = list_claims(session=session, flt=flt, after=cursor, limit=PAGE)
        if not page:
            return
        ids = [c.id for c in page if c.id is not None]
        evidence = _evidence_by_claim(ids, session=session)
        verified = _verified_at(ids, session=session)
        for claim in page:
            assert claim.id is not None
            if claim.source_id not in sources:
                sources[claim.source_id] = session.get(Source, claim.source_id)  # type: ignore[assignment]
            yield _record(claim, sources[claim.source_id], evidence.get(claim.id, []), verified)
        last = page[-1]
        assert last.id is not None
        cursor = Cursor(id=last.id)


def _evidence_by_claim(ids: list[int], *, session: Session) -> dict[int, list[Evidence]]:
    out: dict[int, list[Evidence]] = {}
    stmt = select(Evidence).where(col(Evidence.claim_id).in_(ids)).order_by(col(Evidence.id))
    for ev in session.exec(stmt):
        out.setdefault(ev.claim_id, []).append(ev)
    return out


def _verified_at(ids: list[int], *, session: Session) -> dict[int, datetime]:
    out: dict[int, datetime] = {}
    stmt = (
        select(HistoryEntry)
        .where(
            col(HistoryEntry.claim_id).in_(ids),
            HistoryEntry.action == "review_state",
            HistoryEntry.after == "verified",
        )
        .order_by(col(HistoryEntry.at))
    )
    for entry in session.exec(stmt):
        out[entry.claim_id] = entry.at
    return out


def _record(
    claim: Claim, source: Source, evidence: list[Evidence], verified: dict[int, datetime]
) -> dict[str, Any]:
    assert claim.id is not None
    period = (
        {"start": claim.period_start, "end": claim.period_end}
        if claim.period_start or claim.period_end
        else None
    )
    return {
        "id": claim.id,
        "quote": claim.quote,
        "state": claim.review_state,
        "evidence_status": claim.evidence_status,
        "type": claim.type,
        "source": source.outlet or source.path,
        "source_file": source.path,
        "source_title": source.title,
        "source_url": source.url,
        "source_published": source.published,
        "speaker": claim.speaker,
        "score": claim.score,
        "start": claim.start,
        "end": claim.end,
        "prefix": claim.prefix,
        "suffix": claim.suffix,
        "quantities": claim.quantities,
        "period": period,
        "assignee": claim.assignee,
        "verified_at": _iso(verified.get(claim.id)),
        "updated_at": _iso(claim.updated_at),
        "evidence": [
            {
                "url": ev.url,
                "stance": ev.stance,
                "note": ev.note,
                "added_by": ev.added_by,
                "added_at": _iso(ev.added_at),
                "link_state": ev.link_state,
                "http_status": ev.http_status,
                "title": ev.title,
                "archive_url": ev.archive_url,
            }
            for ev in evidence
        ],
    }
