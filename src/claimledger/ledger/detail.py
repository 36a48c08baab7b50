"""One claim with everything a reviewer reads: source, paragraph, evidence, history, other anchors."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from claimledger.ledger.context import paragraph_bounds
from claimledger.ledger.queries import (
    anchors_for,
    evidence_for,
    get_claim,
    get_source,
    history_for,
)
from claimledger.models import Claim, Evidence, HistoryEntry

_BOUNDS = {"more_than": ">", "at_least": "≥", "less_than": "<", "at_most": "≤", "approx": "≈"}


def describe_quantity(q: dict[str, Any]) -> str:
    """A number as written and as read: “more than half” > 0.5, “102 people” = 102."""
    value = q.get("value")
    if value is None:
        return f"“{q.get('text', '?')}”"
    if q.get("bound") == "range" and q.get("low") is not None and q.get("high") is not None:
        return f"“{q.get('text', '?')}” {_shown(q['low'])} to {_shown(q['high'])}"
    return f"“{q.get('text', '?')}” {_BOUNDS.get(q.get('bound', ''), '=')} {_shown(value)}"


def _shown(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e6 else f"{value:,.0f}"


def claim_period(claim: Claim) -> dict[str, str | None] | None:
    if not (claim.period_start or claim.period_end):
        return None
    return {"start": claim.period_start, "end": claim.period_end}


def claim_row(claim: Claim, source_label: str | None) -> dict[str, Any]:
    period = claim_period(claim)
    return {
        "id": claim.id,
        "quote": claim.quote,
        "state": claim.review_state,
        "evidence_status": claim.evidence_status,
        "type": claim.type,
        "source": source_label,
        "source_id": claim.source_id,
        "speaker": claim.speaker,
        "score": claim.score,
        "start": claim.start,
        "end": claim.end,
        "prefix": claim.prefix,
        "suffix": claim.suffix,
        "quantities": claim.quantities,
        "period": period,
        "assignee": claim.assignee,
        "origin": claim.origin,
        "updated_at": claim.updated_at.isoformat() if claim.updated_at else None,
    }


def evidence_row(ev: Evidence) -> dict[str, Any]:
    return {
        "id": ev.id,
        "url": ev.url,
        "stance": ev.stance,
        "note": ev.note,
        "added_by": ev.added_by,
        "added_at": ev.added_at.isoformat() if ev.added_at else None,
        "link_state": ev.link_state,
        "http_status": ev.http_status,
        "final_url": ev.final_url,
        "title": ev.title,
        "fetch_error": ev.fetch_error,
        "checked_at": ev.checked_at.isoformat() if ev.checked_at else None,
        "archive_url": ev.archive_url,
    }


def history_row(h: HistoryEntry) -> dict[str, Any]:
    return {
        "at": h.at.isoformat(),
        "user": h.user,
        "action": h.action,
        "before": h.before,
        "after": h.after,
        "note": h.note,
    }


def claim_detail(claim_id: int, *, session: Session) -> dict[str, Any]:
    claim = get_claim(claim_id, session=session)
    source = get_source(claim.source_id, session=session)
    para = paragraph_bounds(source.text, claim.start, claim.end)
    return {
        "claim": claim_row(claim, source.outlet or source.path),
        "source": {
            "id": source.id,
            "label": source.outlet or source.path,
            "path": source.path,
            "title": source.title,
            "author": source.author,
            "published": source.published,
            "url": source.url,
        },
        "paragraph": {"start": para[0], "end": para[1], "text": source.text[para[0] : para[1]]},
        "anchors": [
            {"start": a.start, "end": a.end} for a in anchors_for(claim_id, session=session)
        ],
        "evidence": [evidence_row(e) for e in evidence_for(claim_id, session=session)],
        "history": [history_row(h) for h in history_for(claim_id, session=session)],
    }
