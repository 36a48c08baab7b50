"""Conflicts as records: both claims, their figures as read, their periods, and why."""

from __future__ import annotations

from sqlmodel import Session

from claimledger.ledger.conflict_rules import find_conflict
from claimledger.ledger.conflicts import figures_of, list_conflicts
from claimledger.models import Claim, ClaimConflict, Source
from claimledger.records import ConflictRecord, ConflictSide, Period, Quantity


def _side(claim: Claim, figure: str | None, *, session: Session) -> ConflictSide:
    source = session.get(Source, claim.source_id)
    quantity = next(
        (Quantity.from_dict(q) for q in claim.quantities if q.get("text") == figure), None
    )
    period = (
        Period(claim.period_start, claim.period_end)
        if claim.period_start or claim.period_end
        else None
    )
    return ConflictSide(
        id=claim.id or 0,
        source=(source.outlet or source.path) if source else "",
        quote=claim.quote,
        quantity=quantity,
        period=period,
        review_state=claim.review_state,
        evidence_status=claim.evidence_status,
    )


def conflict_record(row: ClaimConflict, *, session: Session) -> ConflictRecord | None:
    a, b = session.get(Claim, row.claim_id), session.get(Claim, row.other_id)
    if a is None or b is None or row.id is None:
        return None
    found = find_conflict(figures_of(a), figures_of(b))  # which figures: read again, not stored
    return ConflictRecord(
        id=row.id,
        status=row.status,
        reason=row.reason,
        claim=_side(a, found.figure if found else None, session=session),
        other=_side(b, found.other_figure if found else None, session=session),
        decided_by=row.decided_by,
    )


def conflicts(
    *, session: Session, status: str | None = None, claim_id: int | None = None
) -> list[ConflictRecord]:
    rows = list_conflicts(session=session, status=status, claim_id=claim_id)
    return [r for row in rows if (r := conflict_record(row, session=session)) is not None]
