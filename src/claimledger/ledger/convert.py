"""Table rows to the records the core hands out (see `records`): the one place that knows both."""

from __future__ import annotations

from claimledger.models import Claim, ClaimAnchor, Evidence, HistoryEntry, Source
from claimledger.records import (
    AnchorRecord,
    ClaimRecord,
    EvidenceRecord,
    HistoryRecord,
    Period,
    Quantity,
    SourceRecord,
    outlet_verdicts,
)
from claimledger.vocab import HistoryAction


def source_label(source: Source) -> str:
    return source.outlet or source.path


def claim_record(claim: Claim, label: str | None) -> ClaimRecord:
    assert claim.id is not None
    period = (
        Period(claim.period_start, claim.period_end)
        if claim.period_start or claim.period_end
        else None
    )
    return ClaimRecord(
        id=claim.id,
        source_id=claim.source_id,
        source=label or "",
        quote=claim.quote,
        start=claim.start,
        end=claim.end,
        prefix=claim.prefix,
        suffix=claim.suffix,
        type=claim.type,
        speaker=claim.speaker,
        score=claim.score,
        quantities=tuple(Quantity.from_dict(q) for q in claim.quantities or ()),
        period=period,
        review_state=claim.review_state,
        evidence_status=claim.evidence_status,
        assignee=claim.assignee,
        origin=claim.origin,
        version=claim.version,
        created_at=claim.created_at,
        updated_at=claim.updated_at,
    )


def source_record(source: Source) -> SourceRecord:
    assert source.id is not None
    return SourceRecord(
        id=source.id,
        label=source_label(source),
        path=source.path,
        outlet=source.outlet,
        title=source.title,
        author=source.author,
        published=source.published,
        url=source.url,
        genre=source.genre,
    )


def anchor_record(a: ClaimAnchor) -> AnchorRecord:
    return AnchorRecord(a.start, a.end)


def evidence_record(ev: Evidence) -> EvidenceRecord:
    assert ev.id is not None
    return EvidenceRecord(
        id=ev.id,
        claim_id=ev.claim_id,
        url=ev.url,
        stance=ev.stance,
        note=ev.note,
        added_by=ev.added_by,
        added_at=ev.added_at,
        link_state=ev.link_state,
        http_status=ev.http_status,
        final_url=ev.final_url,
        title=ev.title,
        fetch_error=ev.fetch_error,
        content_hash=ev.content_hash,
        retrieved_at=ev.retrieved_at,
        checked_at=ev.checked_at,
        archive_url=ev.archive_url,
        archived_at=ev.archived_at,
        outlet_verdicts=outlet_verdicts(ev.outlet_verdicts),
    )


def history_record(h: HistoryEntry) -> HistoryRecord:
    assert h.id is not None
    return HistoryRecord(
        id=h.id,
        claim_id=h.claim_id,
        at=h.at,
        user=h.user,
        action=HistoryAction(h.action),
        before=h.before,
        after=h.after,
        note=h.note,
        version=h.version,
    )
