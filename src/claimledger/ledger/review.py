"""Changing a claim: review state, evidence status, notes, assignment. Each change is one history entry.

Review state follows the desk's workflow: new -> in_review -> reviewed -> verified, or dismissed.
Verification is an editor's sign-off: only a reviewed claim whose evidence status is decided can be
verified, so nothing is published on an unread claim.
"""

from __future__ import annotations

from sqlmodel import Session

from claimledger.errors import InvalidValue
from claimledger.ledger.queries import get_claim
from claimledger.models import Claim, EvidenceStatus, HistoryEntry, ReviewState

ALLOWED: dict[str, set[str]] = {
    ReviewState.NEW: {ReviewState.IN_REVIEW, ReviewState.REVIEWED, ReviewState.DISMISSED},
    ReviewState.IN_REVIEW: {ReviewState.NEW, ReviewState.REVIEWED, ReviewState.DISMISSED},
    ReviewState.REVIEWED: {ReviewState.IN_REVIEW, ReviewState.VERIFIED, ReviewState.DISMISSED},
    ReviewState.VERIFIED: {ReviewState.REVIEWED, ReviewState.IN_REVIEW},
    ReviewState.DISMISSED: {ReviewState.NEW, ReviewState.IN_REVIEW},
}


def parse_state(value: str) -> ReviewState:
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return ReviewState(key)
    except ValueError:
        names = ", ".join(s.value for s in ReviewState)
        raise InvalidValue(f"unknown review state {value!r} (one of: {names})") from None


def parse_evidence_status(value: str) -> EvidenceStatus:
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return EvidenceStatus(key)
    except ValueError:
        names = ", ".join(s.value for s in EvidenceStatus)
        raise InvalidValue(f"unknown evidence status {value!r} (one of: {names})") from None


def record(
    claim: Claim,
    action: str,
    *,
    session: Session,
    user: str,
    before: str | None = None,
    after: str | None = None,
    note: str | None = None,
) -> HistoryEntry:
    assert claim.id is not None
    entry = HistoryEntry(
        claim_id=claim.id, user=user, action=action, before=before, after=after, note=note
    )
    claim.updated_at = entry.at
    session.add(claim)
    session.add(entry)
    return entry


def set_review_state(
    claim_id: int, state: str, *, session: Session, user: str, note: str | None = None
) -> Claim:
    claim = get_claim(claim_id, session=session)
    target = parse_state(state)
    current = claim.review_state
    if target == current:
        return claim
    if target not in ALLOWED.get(current, set()):
        raise InvalidValue(f"claim {claim_id} is {current}: it cannot go to {target.value}")
    if target == ReviewState.VERIFIED and claim.evidence_status == EvidenceStatus.UNVERIFIED:
        raise InvalidValue(f"claim {claim_id} has no evidence status yet: set one before verifying")
    claim.review_state = target.value
    record(
        claim, "review_state", session=session, user=user, before=current, after=target, note=note
    )
    return claim


def set_evidence_status(
    claim_id: int, status: str, *, session: Session, user: str, note: str | None = None
) -> Claim:
    claim = get_claim(claim_id, session=session)
    target = parse_evidence_status(status)
    current = claim.evidence_status
    if target == current:
        return claim
    if claim.review_state == ReviewState.VERIFIED:
        raise InvalidValue(
            f"claim {claim_id} is verified: send it back to reviewed before changing its evidence"
        )
    claim.evidence_status = target.value
    record(
        claim,
        "evidence_status",
        session=session,
        user=user,
        before=current,
        after=target,
        note=note,
    )
    return claim


def add_note(claim_id: int, note: str, *, session: Session, user: str) -> HistoryEntry:
    text = note.strip()
    if not text:
        raise InvalidValue("a note cannot be empty")
    claim = get_claim(claim_id, session=session)
    return record(claim, "note", session=session, user=user, note=text)


def assign(claim_id: int, assignee: str | None, *, session: Session, user: str) -> Claim:
    claim = get_claim(claim_id, session=session)
    who = assignee.strip() if assignee and assignee.strip() else None
    if who == claim.assignee:
        return claim
    before = claim.assignee
    claim.assignee = who
    record(claim, "assignee", session=session, user=user, before=before, after=who)
    return claim
