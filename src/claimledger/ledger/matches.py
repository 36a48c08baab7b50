"""The same claim in different articles: suggested by similarity, confirmed or rejected by a person.

Candidates come from the full-text index (claims sharing the rarer words of a claim), so suggesting
matches for a new article costs a few indexed look-ups per claim, not a scan of the ledger.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimledger.errors import InvalidValue, NotFound
from claimledger.extract import claim_similarity
from claimledger.ledger.queries import fts_query
from claimledger.ledger.review import record
from claimledger.models import Claim, ClaimMatch, MatchStatus, utcnow

THRESHOLD = 0.45
CANDIDATES = 40
_WORD = re.compile(r"[^\W\d_]{4,}|\d{3,}", re.UNICODE)
_COMMON = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "were",
        "they",
        "their",
        "there",
        "which",
        "about",
        "would",
        "could",
        "said",
        "says",
        "also",
        "been",
        "than",
        "them",
        "when",
        "what",
        "while",
        "more",
        "most",
        "some",
        "into",
        "only",
        "other",
        "over",
        "such",
        "these",
        "those",
    ]
)


def _key_words(quote: str, n: int = 6) -> list[str]:
    words = {w.lower() for w in _WORD.findall(quote)} - _COMMON
    return sorted(words, key=lambda w: (-len(w), w))[:n]


def _candidates(claim: Claim, *, session: Session) -> list[Claim]:
    words = _key_words(claim.quote)
    if not words:
        return []
    stmt = select(Claim).where(col(Claim.source_id) != claim.source_id)
    if session.get_bind().dialect.name == "sqlite":
        query = " OR ".join(fts_query(w) or "" for w in words)
        hits = sa.text(
            "SELECT rowid FROM claim_fts WHERE claim_fts MATCH :q ORDER BY rank LIMIT :n"
        ).bindparams(q=query, n=CANDIDATES)
        stmt = stmt.where(col(Claim.id).in_(hits.columns(sa.column("rowid", sa.Integer))))
    else:
        stmt = stmt.where(sa.or_(*(col(Claim.quote).ilike(f"%{w}%") for w in words[:3])))
        stmt = stmt.limit(CANDIDATES)
    return list(session.exec(stmt))


def suggest_for(claims: Iterable[Claim], *, session: Session, threshold: float = THRESHOLD) -> int:
    """Record suggested matches between these claims and claims of other sources; returns how many."""
    added = 0
    for claim in claims:
        assert claim.id is not None
        for other in _candidates(claim, session=session):
            assert other.id is not None
            score = claim_similarity(claim.quote, other.quote)
            if score < threshold:
                continue
            low, high = sorted((claim.id, other.id))
            exists = session.exec(
                select(ClaimMatch.id).where(ClaimMatch.claim_id == low, ClaimMatch.other_id == high)
            ).first()
            if exists is None:
                session.add(ClaimMatch(claim_id=low, other_id=high, similarity=round(score, 3)))
                added += 1
    session.flush()
    return added


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
    try:
        return MatchStatus(value.strip().lower()).value
    except ValueError:
        names = ", ".join(s.value for s in MatchStatus)
        raise InvalidValue(f"unknown match status {value!r} (one of: {names})") from None


def decide(match_id: int, status: str, *, session: Session, user: str) -> ClaimMatch:
    """Confirm or reject a suggestion; both claims' histories say so."""
    match = session.get(ClaimMatch, match_id)
    if match is None:
        raise NotFound(f"no match with id {match_id}")
    target = _status(status)
    before = match.status
    match.status = target
    match.decided_by = user
    match.decided_at = utcnow()
    session.add(match)
    for mine, theirs in ((match.claim_id, match.other_id), (match.other_id, match.claim_id)):
        claim = session.get(Claim, mine)
        if claim is not None:
            record(
                claim,
                "match",
                session=session,
                user=user,
                before=before,
                after=f"{target} with claim {theirs}",
            )
    return match
