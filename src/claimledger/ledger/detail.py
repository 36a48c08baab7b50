"""One claim with everything a reviewer reads: source, paragraph, evidence, history, other anchors,
conflicting figures and verdicts elsewhere."""

from __future__ import annotations

from sqlmodel import Session

from claimledger.ledger.conflicts_view import conflicts
from claimledger.ledger.context import paragraph_bounds
from claimledger.ledger.convert import (
    anchor_record,
    claim_record,
    evidence_record,
    history_record,
    source_record,
)
from claimledger.ledger.matches_view import matches_for
from claimledger.ledger.publication import publication_for, read_settings
from claimledger.ledger.queries import (
    anchors_for,
    evidence_for,
    get_claim,
    get_source,
    history_for,
)
from claimledger.ledger.verdicts import earlier_verdicts
from claimledger.records import ClaimDetail, Paragraph


def claim_detail(claim_id: int, *, session: Session, related: bool = True) -> ClaimDetail:
    claim = get_claim(claim_id, session=session)
    source = get_source(claim.source_id, session=session)
    start, end = paragraph_bounds(source.text, claim.start, claim.end)
    src = source_record(source)
    publication = publication_for(claim_id, session=session)
    page = (publication.url if publication else None) or (
        read_settings(session=session).review_url(claim_id) if publication else None
    )
    return ClaimDetail(
        claim=claim_record(claim, src.label),
        source=src,
        paragraph=Paragraph(start, end, source.text[start:end]),
        anchors=tuple(anchor_record(a) for a in anchors_for(claim_id, session=session)),
        evidence=tuple(evidence_record(e) for e in evidence_for(claim_id, session=session)),
        history=tuple(history_record(h) for h in history_for(claim_id, session=session)),
        matches=tuple(matches_for(claim_id, session=session)),
        publication=publication,
        publication_url=page,
        conflicts=tuple(conflicts(session=session, claim_id=claim_id)) if related else (),
        verdicts_elsewhere=tuple(earlier_verdicts(claim_id, session=session)) if related else (),
    )
