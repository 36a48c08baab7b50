"""Conflicting figures in the ledger: suggested when an article comes in, confirmed or dismissed.

Candidates for a claim are the claims sharing one of its measure keys (what a figure counts and a
word about it, see `extract.similarity.measure_keys`), read from the key table like match
candidates; `conflict_rules.find_conflict` decides. A pair is suggested once: a dismissed one
never comes back.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import chain

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimledger.errors import InvalidValue, NotFound
from claimledger.ledger import claim_keys as keys_table
from claimledger.ledger import driver_rows
from claimledger.ledger.claim_facts import ClaimFacts, measure_keys_of
from claimledger.ledger.conflict_rules import Figures, find_conflict
from claimledger.ledger.pair_decisions import record_on_both, stale_decision
from claimledger.models import Claim, ClaimConflict, utcnow
from claimledger.vocab import ConflictStatus, HistoryAction, parse_conflict_status

CANDIDATES = 40
CHUNK = 500


def figures_of(claim: ClaimFacts) -> Figures:
    return Figures(
        claim.id or 0, claim.quote, claim.quantities, claim.period_start, claim.period_end
    )


def _known(ids: Sequence[int], *, session: Session) -> set[tuple[int, int]]:
    known: set[tuple[int, int]] = set()
    conn = session.connection()
    for chunk in (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)):
        rows = conn.execute(
            sa.select(col(ClaimConflict.claim_id), col(ClaimConflict.other_id)).where(
                sa.or_(
                    col(ClaimConflict.claim_id).in_(chunk), col(ClaimConflict.other_id).in_(chunk)
                )
            )
        )
        known.update((int(a), int(b)) for a, b in rows)
    return known


def _figures(ids: Iterable[int], *, session: Session) -> dict[int, Figures]:
    """What the comparison needs of these claims (plain rows: ingest reads thousands)."""
    wanted = sorted(set(ids))
    found: dict[int, Figures] = {}
    conn = session.connection()
    mark = driver_rows.placeholder(conn)
    for chunk in (driver_rows.padded(wanted[i : i + CHUNK]) for i in range(0, len(wanted), CHUNK)):
        sql = (
            "SELECT id, quote, quantities, period_start, period_end FROM claim "
            f"WHERE id IN ({', '.join([mark] * len(chunk))})"
        )
        for cid, quote, quantities, start, end in driver_rows.fetch(conn, sql, chunk):
            if isinstance(quantities, str | bytes):  # SQLite keeps JSON as text
                quantities = _parsed(quantities)
            found[int(cid)] = Figures(int(cid), quote, quantities or (), start, end)
    return found


@lru_cache(maxsize=16_384)
def _parsed(text: str | bytes) -> tuple[Mapping[str, object], ...]:
    """A claim's figures as stored, read once: the same candidates come back article after
    article (a key's newest claims), and decoding their JSON was a tenth of the conflict check.
    Shared between readers, so never changed (`find_conflict` only reads them)."""
    return tuple(json.loads(text) or ())


def suggest_conflicts(
    claims: Iterable[ClaimFacts],
    *,
    session: Session,
    postings: Mapping[int, Sequence[int]] | None = None,
    known: set[tuple[int, int]] | None = None,
) -> int:
    """Record the conflicts between these claims and the ledger's (and among themselves).

    `known`, the pairs already recorded when the caller knows them (none, for claims written in
    this transaction), saves reading them."""
    claims = [c for c in claims if c.id is not None and c.quantities]
    if not claims:
        return 0
    keys = {c.id or 0: measure_keys_of(c) for c in claims}
    if postings is None:
        postings = keys_table.lookup((k for ks in keys.values() for k in ks), session=session)
    batch = {c.id or 0: c for c in claims}
    by_key: dict[int, list[int]] = {}
    for cid, ks in keys.items():
        for k in ks:
            by_key.setdefault(k, []).append(cid)
    ranked: dict[int, list[int]] = {}
    for cid, ks in keys.items():
        counts = Counter(
            chain.from_iterable(
                [postings.get(k, ()) for k in ks] + [by_key.get(k, ()) for k in ks]
            )  # the ledger's claims, and the article's own too
        )
        counts.pop(cid, None)
        best = sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0]))[:CANDIDATES]
        ranked[cid] = [o for o, _ in best]
    others = _figures({o for r in ranked.values() for o in r} - batch.keys(), session=session)
    others.update({cid: figures_of(c) for cid, c in batch.items()})
    if known is None:
        known = _known(list(batch), session=session)
    rows: list[tuple[int, int, str, str]] = []
    for cid, candidates in ranked.items():
        mine = figures_of(batch[cid])
        for other_id in candidates:
            pair = (min(cid, other_id), max(cid, other_id))
            other = others.get(other_id)
            if other is None or pair in known or other.quote == mine.quote:
                continue  # the same words cannot disagree with themselves
            first, second = mine, other
            if first.claim_id > second.claim_id:
                first, second = second, first
            found = find_conflict(first, second)
            if found is None:
                continue
            known.add(pair)
            rows.append((*pair, found.reason, ConflictStatus.SUGGESTED.value))
    columns = ("claim_id", "other_id", "reason", "status")
    driver_rows.insert(session.connection(), "claim_conflict", columns, rows)
    return len(rows)


def scan(*, session: Session, batch: int = 2000) -> int:
    """Every claim with figures against the ledger: for a ledger from before conflicts were found."""
    found, last = 0, 0
    while True:
        page = list(
            session.exec(
                select(Claim).where(col(Claim.id) > last).order_by(col(Claim.id)).limit(batch)
            )
        )
        if not page:
            return found
        found += suggest_conflicts(page, session=session)
        last = page[-1].id or last


def list_conflicts(
    *, session: Session, status: str | None = None, claim_id: int | None = None
) -> list[ClaimConflict]:
    stmt = select(ClaimConflict)
    if status:
        stmt = stmt.where(ClaimConflict.status == parse_conflict_status(status).value)
    else:
        stmt = stmt.where(ClaimConflict.status != ConflictStatus.DISMISSED.value)
    if claim_id is not None:
        stmt = stmt.where(
            sa.or_(col(ClaimConflict.claim_id) == claim_id, col(ClaimConflict.other_id) == claim_id)
        )
    return list(session.exec(stmt.order_by(col(ClaimConflict.id))))


def decide(
    conflict_id: int,
    status: str,
    *,
    session: Session,
    user: str,
    note: str | None = None,
    expected: str | None = None,
) -> ClaimConflict:
    """Confirm or dismiss a suggested conflict; both claims' histories say so. `expected`: the
    status the person saw; decided otherwise since, nothing changes and they are told who did."""
    target = parse_conflict_status(status)
    if target is ConflictStatus.SUGGESTED:
        raise InvalidValue("a conflict is confirmed or dismissed")
    conflict = session.get(ClaimConflict, conflict_id, with_for_update=True, populate_existing=True)
    if conflict is None:
        raise NotFound(f"no conflict with id {conflict_id}")
    before = conflict.status
    if expected is not None and before not in (expected, target.value):
        raise stale_decision("conflict", conflict_id, conflict, conflict.claim_id)
    if before == target.value:
        # decided so already (two people confirming at once): the first decision stands, its
        # name kept, and neither history records it twice
        return conflict
    conflict.status = target.value
    conflict.decided_by = user
    conflict.decided_at = utcnow()
    session.add(conflict)
    record_on_both(
        conflict.claim_id,
        conflict.other_id,
        HistoryAction.CONFLICT,
        session=session,
        user=user,
        before=before,
        decided=target.value,
        note=note,
    )
    return conflict
