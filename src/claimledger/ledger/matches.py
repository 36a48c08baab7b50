"""The same claim in different articles: suggested by similarity, confirmed or rejected by a person.

Candidates come from blocking keys (`claim_keys`): a claim's (number or name, other word) pairs,
looked up in an indexed table, newest claims first, so suggesting matches for a new article costs a
few index range scans per article whatever the size of the ledger (a ranked full-text query per
claim cost more as the ledger grew: 37 articles/s where ingest without suggestions ran 199).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimledger.errors import NotFound
from claimledger.extract.similarity import profile_of, profiles_similarity
from claimledger.ledger import claim_keys as keys_table
from claimledger.ledger import driver_rows, reach, turns
from claimledger.ledger.claim_facts import ClaimFacts, NewClaim, match_keys_of, measure_keys_of
from claimledger.ledger.pair_decisions import record_on_both, stale_decision
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
    conn = session.connection()
    for chunk in (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)):
        rows = conn.execute(
            sa.select(col(ClaimMatch.claim_id), col(ClaimMatch.other_id)).where(
                sa.or_(col(ClaimMatch.claim_id).in_(chunk), col(ClaimMatch.other_id).in_(chunk))
            )
        )
        known.update((int(a), int(b)) for a, b in rows)
    return known


def _ranked(keys: Iterable[int], postings: Postings, exclude: int) -> list[int]:
    """The claims sharing most keys with this one (newest first among equals), CANDIDATES of them."""
    counts = Counter(chain.from_iterable([postings.get(key, ()) for key in keys]))
    counts.pop(exclude, None)
    best = sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0]))[:CANDIDATES]
    return [cid for cid, _ in best]


def quotes_of(ids: Iterable[int], *, session: Session) -> dict[int, tuple[int, str]]:
    """Id -> (source id, quote), in a few statements (plain rows: ingest reads hundreds)."""
    wanted = sorted(set(ids))
    found: dict[int, tuple[int, str]] = {}
    conn = session.connection()
    mark = driver_rows.placeholder(conn)
    for chunk in (driver_rows.padded(wanted[i : i + CHUNK]) for i in range(0, len(wanted), CHUNK)):
        sql = (
            f"SELECT id, source_id, quote FROM claim WHERE id IN ({', '.join([mark] * len(chunk))})"
        )
        found.update({i: (s, q) for i, s, q in driver_rows.fetch(conn, sql, chunk)})
    return found


def suggest_for(
    claims: Iterable[ClaimFacts],
    *,
    session: Session,
    threshold: float = THRESHOLD,
    postings: Postings | None = None,
    known: set[tuple[int, int]] | None = None,
    article: int | None = None,
) -> int:
    """Record suggested matches between these claims and claims of other sources; returns how many.

    Each claim keeps its PER_CLAIM most similar matches; pairs already recorded (in any status)
    are left alone, so a rejected suggestion never comes back. `known`, when the caller knows
    them (none, for claims written in this transaction), saves reading them. `article`: the new
    article all these claims come from, when they do (the claims they match gain just that one,
    see `reach.add_article`).
    """
    turns.matching(session.connection())
    batch = [(c.id, c) for c in claims if c.id is not None]
    if known is None:
        known = _known_pairs([cid for cid, _ in batch], session=session)
    keys = {cid: match_keys_of(c) for cid, c in batch}
    if postings is None:
        postings = keys_table.lookup((k for ks in keys.values() for k in ks), session=session)
    ranked = {cid: _ranked(keys[cid], postings, cid) for cid, _ in batch}
    quotes = quotes_of((i for r in ranked.values() for i in r), session=session)
    new_rows: list[tuple[int, int, float, str]] = []
    for cid, claim in batch:
        scored = []
        mine = profile_of(claim.quote)
        for other_id in ranked[cid]:
            other = quotes.get(other_id)
            if other is None or other[0] == claim.source_id:
                continue
            score = profiles_similarity(mine, profile_of(other[1]))
            if score >= threshold:
                scored.append((score, other_id))
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        for score, other_id in scored[:PER_CLAIM]:
            pair = (min(cid, other_id), max(cid, other_id))
            if pair in known:
                continue
            known.add(pair)
            new_rows.append((*pair, round(score, 3), MatchStatus.SUGGESTED.value))
    if new_rows:  # plain rows, not the ORM's bulk path
        conn = session.connection()
        columns = ("claim_id", "other_id", "similarity", "status")
        driver_rows.insert(conn, "claim_match", columns, new_rows)
        pairs = [(a, b) for a, b, _, _ in new_rows]
        if article is None:
            reach.refresh((x for pair in pairs for x in pair), conn=conn)
        else:
            ours = {cid for cid, _ in batch}
            pairs = [(a, b) if a in ours else (b, a) for a, b in pairs]
            reach.add_article(article, pairs, conn=conn)
    return len(new_rows)


def suggest_for_new(
    claims: Sequence[ClaimFacts], *, session: Session, article: int | None = None
) -> int:
    """Claims just written (an article's): matches and conflicting figures suggested, then their
    keys written; returns the matches suggested.

    Each claim's keys are computed once and looked up in one statement for both (the keys are
    written after it, so no claim finds itself); no pair of new claims can be known yet.
    """
    from claimledger.ledger.conflicts import suggest_conflicts

    turns.matching(session.connection())  # look-ups see the keys of an ingest just committed
    matching = {c.id: match_keys_of(c) for c in claims if c.id is not None}
    measures = {c.id: measure_keys_of(c) for c in claims if c.id is not None}
    wanted = {k for ks in matching.values() for k in ks} | {
        k for ks in measures.values() for k in ks
    }
    postings = keys_table.lookup(wanted, session=session)
    found = suggest_for(claims, session=session, postings=postings, known=set(), article=article)
    suggest_conflicts(claims, session=session, postings=postings, known=set())
    keys_table.write_keys(
        ((cid, ks | measures[cid]) for cid, ks in matching.items()), session=session
    )
    return found


def suggest_for_source(source_id: int, *, session: Session) -> int:
    """An article's claims, read back (ingest passes its new claims to `suggest_for_new`)."""
    columns = (Claim.id, Claim.source_id, Claim.quote, Claim.quantities, Claim.period_start)
    stmt = sa.select(*(col(c) for c in columns), col(Claim.period_end)).where(
        col(Claim.source_id) == source_id
    )
    claims = [
        NewClaim(int(i), int(s), q, quantities or [], start, end)
        for i, s, q, quantities, start, end in session.connection().execute(stmt)
    ]
    return suggest_for_new(claims, session=session)


def suggest_all(*, session: Session) -> int:
    claims: list[Claim] = list(session.exec(select(Claim).order_by(col(Claim.id))))
    return suggest_for(claims, session=session)


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


def decide(
    match_id: int, status: str, *, session: Session, user: str, expected: str | None = None
) -> ClaimMatch:
    """Confirm or reject a suggestion; both claims' histories say so. `expected`: the status
    the person saw; decided otherwise since, nothing changes and they are told who did."""
    match = session.get(ClaimMatch, match_id, with_for_update=True, populate_existing=True)
    if match is None:
        raise NotFound(f"no match with id {match_id}")
    target = _status(status)
    before = match.status
    if expected is not None and before not in (expected, target):
        raise stale_decision("match", match_id, match, match.claim_id)
    if before == target:
        # decided so already (two people confirming at once): the first decision stands, its
        # name kept, and neither history records it twice
        return match
    match.status = target
    match.decided_by = user
    match.decided_at = utcnow()
    session.add(match)
    session.flush()
    reach.refresh((match.claim_id, match.other_id), conn=session.connection())
    record_on_both(
        match.claim_id,
        match.other_id,
        HistoryAction.MATCH,
        session=session,
        user=user,
        before=before,
        decided=target,
    )
    return match
