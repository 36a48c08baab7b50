"""The claim_key table: blocking keys written with each claim, read back by index look-ups.

A look-up asks, per key, for the newest PER_KEY claims holding it (one range scan of the primary
key each, all keys of an article in one statement), so finding candidates costs the same in an
empty ledger and in one of a million claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache

import sqlalchemy as sa
from sqlmodel import Session, col

from claimledger.extract.similarity import claim_keys
from claimledger.ledger import driver_rows
from claimledger.models import ClaimKey

PER_KEY = 8
"""The newest claims per key: a claim repeated in many articles is found by its newest copies."""
KEYS_PER_STATEMENT = 200  # SQLite allows 500 terms in one compound SELECT


def write(
    claims: Iterable[tuple[int, str, Sequence[Mapping[str, object]]]], *, session: Session
) -> None:
    """Keys of new claims (id, quote, quantities as stored)."""
    write_keys(
        (
            (cid, claim_keys(quote, [dict(q) for q in quantities]))
            for cid, quote, quantities in claims
        ),
        session=session,
    )


def write_keys(keyed: Iterable[tuple[int, Iterable[int]]], *, session: Session) -> None:
    """Keys already computed (claim id, its keys): ingest computes them once for look-up and write."""
    rows = [(k, cid) for cid, keys in keyed for k in keys]  # hundreds per article: plain rows
    driver_rows.insert(session.connection(), "claim_key", ("key", "claim_id"), rows)


def rewrite(
    claim_id: int, quote: str, quantities: Sequence[Mapping[str, object]], *, session: Session
) -> None:
    session.execute(sa.delete(ClaimKey).where(col(ClaimKey.claim_id) == claim_id))
    write([(claim_id, quote, quantities)], session=session)


def _arms(n: int) -> int:
    """Arms of the look-up statement for n keys: a few fixed sizes, so the database parses and
    plans each size once (its statement cache) instead of a new text for every article."""
    size = 16
    while size < n:
        size *= 2
    return min(size, KEYS_PER_STATEMENT)


NO_KEY = -1
"""Fills the unused arms of a look-up: keys are 48-bit hashes, never negative."""


@cache
def _lookup_sql(arms: int, per_key: int, mark: str) -> str:
    return " UNION ALL ".join(
        f"SELECT * FROM (SELECT key, claim_id FROM claim_key WHERE key = {mark} "
        f"ORDER BY claim_id DESC LIMIT {int(per_key)}) AS a{i}"
        for i in range(arms)
    )


def lookup(
    keys: Iterable[int], *, session: Session, per_key: int = PER_KEY
) -> dict[int, list[int]]:
    """For each key, the ids of the newest `per_key` claims holding it."""
    wanted = sorted(set(keys))
    found: dict[int, list[int]] = {}
    conn = session.connection()
    for start in range(0, len(wanted), KEYS_PER_STATEMENT):
        chunk = wanted[start : start + KEYS_PER_STATEMENT]
        arms = _arms(len(chunk))
        sql = _lookup_sql(arms, per_key, driver_rows.placeholder(conn))
        rows = driver_rows.fetch(conn, sql, chunk + [NO_KEY] * (arms - len(chunk)))
        for key, claim_id in rows:  # fetched at once, as tuples: thousands of rows per article
            found.setdefault(key, []).append(claim_id)
    return found
