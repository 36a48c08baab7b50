"""Changing a claim: review state, evidence status, notes, assignment. Each change is one history entry.

Every function here runs inside a write transaction (see `transactions`): it locks the claim, checks
the workflow and, when the caller says which version it saw, that nothing changed since; then it
writes. So a rule can never be checked on a stale read, and each entry's "before" is the value the
write replaced.

Review state follows the desk's workflow: new -> in_review -> reviewed -> verified, or dismissed.
Verification is an editor's sign-off: only a reviewed claim whose evidence status is decided can be
verified, so nothing is published on an unread claim.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimledger.errors import InvalidValue, NotFound, StaleEdit
from claimledger.ledger import roles, search
from claimledger.ledger.chain import GENESIS, entry_hash, subject_digest
from claimledger.ledger.convert import history_record
from claimledger.ledger.queries import storable
from claimledger.models import Claim, HistoryEntry, Source, utcnow
from claimledger.records import Change, HistoryRecord
from claimledger.vocab import (
    ALLOWED,
    EvidenceStatus,
    HistoryAction,
    ReviewState,
    parse_evidence_status,
    parse_state,
)


def lock_claim(
    claim_id: int,
    *,
    session: Session,
    expected_version: int | None = None,
    unless_only: frozenset[HistoryAction] = frozenset(),
) -> Claim:
    """The claim, locked for this transaction; refused if it moved past the version the caller saw
    (changes of the kinds in `unless_only`, say a link re-checked, do not count)."""
    if not storable([claim_id]):  # past PostgreSQL's INTEGER: no such claim on either backend
        raise NotFound(f"no claim with id {claim_id}")
    claim = session.get(Claim, claim_id, with_for_update=True, populate_existing=True)
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    if expected_version is not None and claim.version != expected_version:
        since = _since(claim, expected_version, session=session)
        if not since or any(e.action not in unless_only for e in since):
            raise StaleEdit(stale_message(claim, expected_version, session=session), claim_id)
    return claim


def _since(claim: Claim, seen: int, *, session: Session) -> list[HistoryRecord]:
    stmt = (
        select(HistoryEntry)
        .where(HistoryEntry.claim_id == claim.id, col(HistoryEntry.version) > seen)
        .order_by(col(HistoryEntry.id))
    )
    return [history_record(h) for h in session.exec(stmt)]


def stale_message(claim: Claim, seen: int, *, session: Session) -> str:
    """What changed since version `seen`, and who changed it."""
    assert claim.id is not None
    entries = _since(claim, seen, session=session)
    now = f"now {claim.review_state}, evidence {claim.evidence_status}"
    if not entries:
        return f"claim {claim.id} changed since you read it ({now}): not changed again"
    shown = "; ".join(e.describe() for e in entries[-3:])
    more = f" and {len(entries) - 3} more" if len(entries) > 3 else ""
    return f"claim {claim.id} changed since you read it: {shown}{more} ({now}); not changed again"


def record(
    claim: Claim,
    action: HistoryAction,
    *,
    session: Session,
    user: str,
    before: str | None = None,
    after: str | None = None,
    note: str | None = None,
) -> HistoryEntry:
    """One history entry for a change to a locked claim; the claim's version goes up by one, and
    the entry is chained to the claim's previous one (see `chain`)."""
    assert claim.id is not None
    roles.check_change(claim.id, action.value, before, after, user=user, session=session)
    claim.version = (claim.version or 0) + 1
    prev = _head(claim, session=session)
    entry = HistoryEntry(
        claim_id=claim.id,
        at=utcnow(),
        user=user,
        action=action.value,
        before=before,
        after=after,
        note=note,
        version=claim.version,
    )
    entry.hash = entry_hash(
        GENESIS if prev is None else prev,
        version=entry.version,
        at=entry.at,
        user=user,
        action=entry.action,
        before=before,
        after=after,
        note=note,
        subject=_subject(claim, session=session) if prev is None else None,
    )
    claim.updated_at = entry.at
    session.add(claim)
    session.add(entry)
    session.info.setdefault("history", []).append(entry)
    if note:
        search.index_note(claim.id, note, session=session)
    return entry


def _head(claim: Claim, *, session: Session) -> str | None:
    """The hash of the claim's latest entry (None before its first)."""
    stmt = (
        sa.select(col(HistoryEntry.hash))
        .where(col(HistoryEntry.claim_id) == claim.id)
        .order_by(col(HistoryEntry.id).desc())
        .limit(1)
    )
    found = session.execute(stmt).first()
    return None if found is None else (found[0] or GENESIS)


def _subject(claim: Claim, *, session: Session) -> str:
    source = session.get(Source, claim.source_id)
    assert source is not None
    return subject_digest(source.content_hash, claim.start, claim.end, claim.quote)


def _change(claim: Claim, action: HistoryAction, before: str | None, after: str | None) -> Change:
    assert claim.id is not None
    return Change(claim.id, action, before=before, after=after, version=claim.version)


def set_review_state(
    claim_id: int,
    state: str,
    *,
    session: Session,
    user: str,
    note: str | None = None,
    expected_version: int | None = None,
) -> Change | None:
    target = parse_state(state)
    claim = lock_claim(claim_id, session=session, expected_version=expected_version)
    current = ReviewState(claim.review_state)
    if target == current:
        return None
    if target not in ALLOWED[current]:
        raise InvalidValue(f"claim {claim_id} is {current.value}: it cannot go to {target.value}")
    if target == ReviewState.VERIFIED and claim.evidence_status == EvidenceStatus.UNVERIFIED:
        raise InvalidValue(f"claim {claim_id} has no evidence status yet: set one before verifying")
    claim.review_state = target.value
    action = HistoryAction.REVIEW_STATE
    record(
        claim,
        action,
        session=session,
        user=user,
        before=current.value,
        after=target.value,
        note=note,
    )
    return _change(claim, action, current.value, target.value)


def set_evidence_status(
    claim_id: int,
    status: str,
    *,
    session: Session,
    user: str,
    note: str | None = None,
    expected_version: int | None = None,
) -> Change | None:
    target = parse_evidence_status(status)
    claim = lock_claim(claim_id, session=session, expected_version=expected_version)
    current = claim.evidence_status
    if target == current:
        return None
    if claim.review_state == ReviewState.VERIFIED:
        raise InvalidValue(
            f"claim {claim_id} is verified: send it back to reviewed before changing its evidence"
        )
    claim.evidence_status = target.value
    action = HistoryAction.EVIDENCE_STATUS
    record(claim, action, session=session, user=user, before=current, after=target.value, note=note)
    return _change(claim, action, current, target.value)


def add_note(
    claim_id: int,
    note: str,
    *,
    session: Session,
    user: str,
    expected_version: int | None = None,
) -> Change:
    text = note.strip()
    if not text:
        raise InvalidValue("a note cannot be empty")
    claim = lock_claim(claim_id, session=session, expected_version=expected_version)
    record(claim, HistoryAction.NOTE, session=session, user=user, note=text)
    return _change(claim, HistoryAction.NOTE, None, text)


def assign(
    claim_id: int,
    assignee: str | None,
    *,
    session: Session,
    user: str,
    expected_version: int | None = None,
) -> Change | None:
    claim = lock_claim(claim_id, session=session, expected_version=expected_version)
    who = assignee.strip() if assignee and assignee.strip() else None
    if who == claim.assignee:
        return None
    before = claim.assignee
    claim.assignee = who
    record(claim, HistoryAction.ASSIGNEE, session=session, user=user, before=before, after=who)
    return _change(claim, HistoryAction.ASSIGNEE, before, who)
