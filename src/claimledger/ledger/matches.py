"""The same claim in different articles: suggested by similarity, confirmed or rejected by a person.

Candidates come from the full-text index (claims sharing the rarer words of a claim), so suggesting
matches for a new article costs a few indexed look-ups per claim, not a scan of the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimledger.errors import NotFound
from claimledger.extract import claim_similarity, match_terms
from claimledger.ledger import search
from claimledger.ledger.review import record
from claimledger.models import Claim, ClaimMatch, utcnow
from claimledger.vocab import HistoryAction, MatchStatus, parse_match_status

THRESHOLD = 0.45
CANDIDATES = 40
PER_CLAIM = 10  # a claim repeated in a hundred articles does not need a hundred suggestions


def _candidates(claim: Claim, *, session: Session) -> list[tuple[int, str]]:
    """Claims sharing a number or a name with this one and one of its other longer words.

    `claim_similarity` is 0 without a shared number or name, so nothing similar is missed by
    requiring one; the AND keeps the hit list small. The newest hits first: coverage of the same
    story is usually recent, and walking the index newest-first stops after CANDIDATES hits, so
    the cost does not grow with the ledger (ranking every hit did: 3x slower at 1,000 articles).
    """
    strong, weak = match_terms(claim.quote)
    dialect = session.get_bind().dialect.name
    hits = search.candidates(strong, weak, dialect, newest=CANDIDATES)
    if hits is None:
        return []
    stmt = select(Claim.id, Claim.quote).where(
        col(Claim.source_id) != claim.source_id, col(Claim.id).in_(hits)
    )
    return [(int(i or 0), q) for i, q in session.exec(stmt)]


def suggest_for(claims: Iterable[Claim], *, session: Session, threshold: float = THRESHOLD) -> int:
    """Record suggested matches between these claims and claims of other sources; returns how many.

    Each claim keeps its PER_CLAIM most similar matches; pairs already recorded (in any status)
    are left alone, so a rejected suggestion never comes back.
    """
    claims = list(claims)
    ids = [c.id for c in claims if c.id is not None]
    known: set[tuple[int, int]] = set()
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        rows = session.execute(
            sa.select(col(ClaimMatch.claim_id), col(ClaimMatch.other_id)).where(
                sa.or_(col(ClaimMatch.claim_id).in_(chunk), col(ClaimMatch.other_id).in_(chunk))
            )
        )
        known.update((int(a), int(b)) for a, b in rows)
    new_rows: list[dict[str, object]] = []
    for claim in claims:
        assert claim.id is not None
        scored = []
        for other_id, other_quote in _candidates(claim, session=session):
            score = claim_similarity(claim.quote, other_quote)
            if score >= threshold:
                scored.append((score, other_id))
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        for score, other_id in scored[:PER_CLAIM]:
            pair = (min(claim.id, other_id), max(claim.id, other_id))
            if pair in known:
                continue
            known.add(pair)
            new_rows.append(
                {
                    "claim_id": pair[0],
                    "other_id": pair[1],
                    "similarity": round(score, 3),
                    "status": MatchStatus.SUGGESTED.value,
                }
            )
    if new_rows:
        session.execute(sa.insert(ClaimMatch), new_rows)
    return len(new_rows)


def suggest_for_source(source_id: int, *, session: Session) -> int:
    claims = session.exec(select(Claim).where(Claim.source_id == source_id))
    return suggest_for(list(claims), session=session)


def suggest_all(*, session: Session) -> int:
    return suggest_for(list(session.exec(select(Claim).order_by(col(Claim.id)))), session=session)


def list_matches(
    *, session: Session, status: str | None = None, claim_id: int | None = None
) -> list[ClaimMatch]:
    stmt = select(ClaimMatch)
    if status:
        stmt = stmt.where(ClaimMatch.status == _status(status))
    if claim_id is not None:
        stmt = stmt.where(
            sa.or_(col(ClaimMatch.claim_id) == claim_id, col(ClaimMatch.other_id) == claim_id)
        )
    stmt = stmt.order_by(col(ClaimMatch.similarity).desc(), col(ClaimMatch.id))
    return list(session.exec(stmt))


def _status(value: str) -> str:
    return parse_match_status(value).value


def decide(match_id: int, status: str, *, session: Session, user: str) -> ClaimMatch:
    """Confirm or reject a suggestion; both claims' histories say so."""
    match = session.get(ClaimMatch, match_id, with_for_update=True, populate_existing=True)
    if match is None:
        raise NotFound(f"no match with id {match_id}")
    target = _status(status)
    before = match.status
    match.status = target
    match.decided_by = user
    match.decided_at = utcnow()
    session.add(match)
    pairs = sorted([(match.claim_id, match.other_id), (match.other_id, match.claim_id)])
    for mine, theirs in pairs:  # locked in id order: no two deciders wait on each other
        claim = session.get(Claim, mine, with_for_update=True, populate_existing=True)
        if claim is not None:
            record(
                claim,
                HistoryAction.MATCH,
                session=session,
                user=user,
                before=before,
                after=f"{target} with claim {theirs}",
            )
    return match
