"""The same claim in different articles: suggested by similarity, confirmed or rejected by a person.

Candidates come from blocking keys (`claim_keys`): a claim's (number or name, other word) pairs,
looked up in an indexed table, newest claims first, so suggesting matches for a new article costs a
few index range scans per article whatever the size of the ledger (a ranked full-text query per
claim cost more as the ledger grew: 37 articles/s where ingest without suggestions ran 199).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimledger.errors import NotFound
from claimledger.extract import claim_similarity
from claimledger.extract.similarity import claim_keys, match_keys
from claimledger.ledger import claim_keys as keys_table
from claimledger.ledger.review import record
from claimledger.models import Claim, ClaimMatch, utcnow
from claimledger.vocab import HistoryAction, MatchStatus, parse_match_status

THRESHOLD = 0.45
CANDIDATES = 20
PER_CLAIM = 10  # a claim repeated in a hundred articles does not need a hundred suggestions
CHUNK = 500

Postings = Mapping[int, Sequence[int]]
"""Key -> ids of the newest claims holding it (`claim_keys.lookup`)."""


def _known_pairs(ids: Sequence[int], *, session: Session) -> set[tuple[int, int]]:
    known: set[tuple[int, int]] = set()
    for chunk in (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)):
        rows = session.execute(
            sa.select(col(ClaimMatch.claim_id), col(ClaimMatch.other_id)).where(
                sa.or_(col(ClaimMatch.claim_id).in_(chunk), col(ClaimMatch.other_id).in_(chunk))
            )
        )
        known.update((int(a), int(b)) for a, b in rows)
    return known


def _ranked(keys: Iterable[int], postings: Postings, exclude: set[int]) -> list[int]:
    """The claims sharing most keys with this one (newest first among equals), CANDIDATES of them."""
    counts: Counter[int] = Counter()
    for key in keys:
        counts.update(postings.get(key, ()))
    for cid in exclude:
        counts.pop(cid, None)
    best = sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0]))[:CANDIDATES]
    return [cid for cid, _ in best]


def quotes_of(ids: Iterable[int], *, session: Session) -> dict[int, tuple[int, str]]:
    """Id -> (source id, quote), in a few statements."""
    wanted = sorted(set(ids))
    found: dict[int, tuple[int, str]] = {}
    for chunk in (wanted[i : i + CHUNK] for i in range(0, len(wanted), CHUNK)):
        stmt = sa.select(col(Claim.id), col(Claim.source_id), col(Claim.quote)).where(
            col(Claim.id).in_(chunk)
        )
        found.update({int(i): (int(s), q) for i, s, q in session.execute(stmt)})
    return found


def suggest_for(
    claims: Iterable[Claim],
    *,
    session: Session,
    threshold: float = THRESHOLD,
    postings: Postings | None = None,
) -> int:
    """Record suggested matches between these claims and claims of other sources; returns how many.

    Each claim keeps its PER_CLAIM most similar matches; pairs already recorded (in any status)
    are left alone, so a rejected suggestion never comes back.
    """
    claims = [c for c in claims if c.id is not None]
    ids = [c.id for c in claims if c.id is not None]
    known = _known_pairs(ids, session=session)
    keys = {c.id: match_keys(c.quote) for c in claims}
    if postings is None:
        postings = keys_table.lookup((k for ks in keys.values() for k in ks), session=session)
    ranked = {c.id: _ranked(keys[c.id], postings, {c.id}) for c in claims if c.id is not None}
    quotes = quotes_of((i for r in ranked.values() for i in r), session=session)
    new_rows: list[dict[str, object]] = []
    for claim in claims:
        assert claim.id is not None
        scored = []
        for other_id in ranked[claim.id]:
            if other_id not in quotes or quotes[other_id][0] == claim.source_id:
                continue
            score = claim_similarity(claim.quote, quotes[other_id][1])
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
    if new_rows:  # Core, not the ORM's bulk path
        session.connection().execute(ClaimMatch.__table__.insert(), new_rows)  # type: ignore[attr-defined]
    return len(new_rows)


def suggest_for_source(source_id: int, *, session: Session) -> int:
    """A new article's claims: matches and conflicting figures suggested, then their keys written.

    One look-up serves both (the keys are written after it, so no claim finds itself)."""
    from claimledger.ledger.conflicts import suggest_conflicts

    claims = list(session.exec(select(Claim).where(Claim.source_id == source_id)))
    everything = {c.id: claim_keys(c.quote, c.quantities) for c in claims if c.id is not None}
    postings = keys_table.lookup((k for ks in everything.values() for k in ks), session=session)
    found = suggest_for(claims, session=session, postings=postings)
    suggest_conflicts(claims, session=session, postings=postings)
    keys_table.write(((c.id, c.quote, c.quantities) for c in claims if c.id), session=session)
    return found


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
