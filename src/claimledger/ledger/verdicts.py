"""Verdicts that travel: the same claim decided elsewhere, its verdict taken over, copies kept up.

A claim that matches another (a confirmed match, or a suggestion: suggestions are stored only above
the match threshold) which the desk has reviewed or verified shows that verdict; taking it sets
this claim's evidence status and review state through the same functions as any review (each
history entry says which claim it was taken from) and remembers the copy, so a later change to the
original can be carried to every copy that still shows the old one.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimledger.errors import InvalidValue, NotFound
from claimledger.ledger.convert import evidence_record
from claimledger.ledger.matches_view import matches_for
from claimledger.ledger.review import lock_claim, set_evidence_status, set_review_state
from claimledger.models import Claim, Evidence, HistoryEntry, VerdictCopy
from claimledger.records import Change, Verdict
from claimledger.vocab import EvidenceStatus, HistoryAction, ReviewState

DECIDED = (ReviewState.REVIEWED.value, ReviewState.VERIFIED.value)


def taken_from(claim_id: int) -> str:
    return f"taken from claim {claim_id}"


def _decision(claim_id: int, *, session: Session) -> HistoryEntry | None:
    """The last change to the claim's review state or evidence status: who decided, and when."""
    stmt = (
        select(HistoryEntry)
        .where(
            HistoryEntry.claim_id == claim_id,
            col(HistoryEntry.action).in_(
                [HistoryAction.REVIEW_STATE.value, HistoryAction.EVIDENCE_STATUS.value]
            ),
        )
        .order_by(col(HistoryEntry.id).desc())
        .limit(1)
    )
    return session.exec(stmt).first()


def earlier_verdicts(claim_id: int, *, session: Session) -> list[Verdict]:
    """The reviewed or verified claims this one repeats, best match first."""
    found = []
    for match in matches_for(claim_id, session=session):
        other = session.get(Claim, match.claim_id)
        if other is None or other.review_state not in DECIDED:
            continue
        if other.evidence_status == EvidenceStatus.UNVERIFIED.value:
            continue
        decision = _decision(match.claim_id, session=session)
        evidence = session.exec(
            select(Evidence).where(Evidence.claim_id == match.claim_id).order_by(col(Evidence.id))
        )
        via = (
            "confirmed match"
            if match.status == "confirmed"
            else f"suggested match, similarity {match.similarity:.2f}"
        )
        found.append(
            Verdict(
                claim_id=match.claim_id,
                source=match.source,
                quote=other.quote,
                review_state=other.review_state,
                evidence_status=other.evidence_status,
                decided_by=decision.user if decision else None,
                decided_at=decision.at if decision else None,
                evidence=tuple(evidence_record(e) for e in evidence),
                via=via,
            )
        )
    return found


def carry(claim_id: int, from_id: int, *, session: Session, user: str) -> list[Change]:
    """Give `claim_id` the verdict of `from_id`: its evidence status, and reviewed."""
    if claim_id == from_id:
        raise InvalidValue("a claim cannot take its verdict from itself")
    original = session.get(Claim, from_id)
    if original is None:
        raise NotFound(f"no claim with id {from_id}")
    target = lock_claim(claim_id, session=session)
    if target.review_state == ReviewState.VERIFIED.value:
        # taking a verdict marks the claim reviewed: on a verified claim that silently undid an
        # editor's sign-off (one made while the take waited for the lock, say)
        raise InvalidValue(
            f"claim {claim_id} is verified: an editor signed it off, its verdict is not taken "
            "from elsewhere (send it back to reviewed first)"
        )
    if original.review_state not in DECIDED or original.evidence_status == "unverified":
        raise InvalidValue(
            f"claim {from_id} has no verdict to take ({original.review_state}, "
            f"evidence {original.evidence_status})"
        )
    note = taken_from(from_id)
    changes = [
        set_evidence_status(
            claim_id, original.evidence_status, session=session, user=user, note=note
        ),
        set_review_state(
            claim_id, ReviewState.REVIEWED.value, session=session, user=user, note=note
        ),
    ]
    known = session.exec(
        select(VerdictCopy).where(VerdictCopy.claim_id == claim_id, VerdictCopy.from_id == from_id)
    ).first()
    if known is None:
        session.add(VerdictCopy(claim_id=claim_id, from_id=from_id, user=user))
    return [c for c in changes if c is not None]


def outdated_copies(from_id: int, *, session: Session) -> list[int]:
    """Claims that took this claim's verdict and no longer show it (it changed since).

    None while the original has no verdict (sent back to review), and none an editor verified:
    a sign-off is not overwritten from elsewhere."""
    original = session.get(Claim, from_id)
    if original is None:
        raise NotFound(f"no claim with id {from_id}")
    if original.review_state not in DECIDED or original.evidence_status == "unverified":
        return []
    copy, claim = VerdictCopy, Claim
    stmt = (
        sa.select(col(claim.id))
        .join(copy, col(copy.claim_id) == col(claim.id))
        .where(
            col(copy.from_id) == from_id,
            sa.or_(
                col(claim.evidence_status) != original.evidence_status,
                col(claim.review_state).not_in(DECIDED),
            ),
            col(claim.review_state) != ReviewState.VERIFIED.value,
        )
        .order_by(col(claim.id))
        .distinct()
    )
    return [int(i) for i in session.execute(stmt).scalars()]


def update_copies(from_id: int, *, session: Session, user: str) -> list[Change]:
    """Carry the original's current verdict to every copy that shows an older one."""
    changes: list[Change] = []
    for claim_id in outdated_copies(from_id, session=session):
        # the list was read before each copy was locked: one an editor verified since is left
        # alone (on PostgreSQL carrying to it failed the whole update)
        if lock_claim(claim_id, session=session).review_state == ReviewState.VERIFIED.value:
            continue
        changes.extend(carry(claim_id, from_id, session=session, user=user))
    return changes
