"""Evidence corrected, removed, or a changed page acknowledged: each in the claim's history."""

from __future__ import annotations

from sqlmodel import Session

from claimledger.errors import InvalidValue, LedgerError
from claimledger.ledger.evidence import check_url, get_evidence, refuse_duplicate
from claimledger.ledger.review import lock_claim, record
from claimledger.models import Claim, Evidence
from claimledger.vocab import HistoryAction, LinkState, parse_stance


def _describe(ev: Evidence) -> str:
    note = f" ({ev.note})" if ev.note else ""
    return f"{ev.stance} {ev.url}{note}"


def locked_evidence(evidence_id: int, *, session: Session) -> tuple[Evidence, Claim]:
    """The link and its claim, the claim locked first and the link read again after.

    On PostgreSQL a row read before the lock is the one a colleague may be changing: two removals
    at once both recorded "removed", an edit on a removed link failed with a traceback, and an
    edit's "before" missed the edit it waited for. Every change to a link locks its claim, so the
    link read after that lock is the one this change replaces."""
    claim_id = get_evidence(evidence_id, session=session).claim_id
    claim = lock_claim(claim_id, session=session)
    ev = session.get(Evidence, evidence_id, populate_existing=True)
    if ev is None:
        raise LedgerError(f"no evidence with id {evidence_id}")
    return ev, claim


def edit_evidence(
    evidence_id: int,
    *,
    session: Session,
    user: str,
    stance: str | None = None,
    note: str | None = None,
    url: str | None = None,
) -> Evidence:
    """Correct a link's stance, note or address; a new address is checked again from scratch."""
    ev, claim = locked_evidence(evidence_id, session=session)
    before = _describe(ev)
    if stance is not None:
        ev.stance = parse_stance(stance).value
    if note is not None:
        ev.note = note.strip() or None
    if url is not None:
        clean = check_url(url)
        if clean != ev.url:
            refuse_duplicate(ev.claim_id, clean, session=session)
            ev.url = clean
            ev.link_state = LinkState.UNCHECKED.value
            ev.content_hash = ev.final_url = ev.title = ev.fetch_error = None
            ev.http_status = None
            ev.outlet_verdicts = None  # another page: its own verdicts, when it is fetched
    after = _describe(ev)
    if after == before:
        raise InvalidValue(f"evidence {evidence_id} already says that")
    session.add(ev)
    record(claim, HistoryAction.EVIDENCE, session=session, user=user, before=before, after=after)
    return ev


def remove_evidence(
    evidence_id: int, *, session: Session, user: str, reason: str | None = None
) -> Evidence:
    """Take a link off its claim; the history keeps what it was."""
    ev, claim = locked_evidence(evidence_id, session=session)
    record(
        claim,
        HistoryAction.EVIDENCE,
        session=session,
        user=user,
        before=_describe(ev),
        after="removed",
        note=reason.strip() if reason and reason.strip() else None,
    )
    session.delete(ev)
    return ev


def acknowledge_change(
    evidence_id: int, *, session: Session, user: str, note: str | None = None
) -> Evidence:
    """A reviewer read the changed page and it still says what the note says: the page as the
    next check finds it becomes the baseline."""
    ev, claim = locked_evidence(evidence_id, session=session)
    if ev.link_state != LinkState.CHANGED.value:
        raise InvalidValue(f"evidence {evidence_id} is {ev.link_state}, not changed")
    ev.link_state = LinkState.ALIVE.value
    ev.content_hash = None  # the next successful fetch is the new baseline
    session.add(ev)
    record(
        claim,
        HistoryAction.LINK_STATE,
        session=session,
        user=user,
        before=f"changed {ev.url}",
        after=f"alive {ev.url} (change acknowledged)",
        note=note.strip() if note and note.strip() else None,
    )
    return ev
