"""The claim_key table: blocking keys written with each claim, read back by index look-ups.

A look-up asks, per key, for the newest PER_KEY claims holding it (one range scan of the primary
key each, all keys of an article in one statement), so finding candidates costs the same in an
empty ledger and in one of a million claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import sqlalchemy as sa
from sqlmodel import Session, col

from claimledger.extract.similarity import claim_keys
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
    rows = [{"key": k, "claim_id": cid} for cid, keys in keyed for k in keys]
    if rows:  # Core, not the ORM's bulk path: ingest writes tens of keys per claim
        session.connection().execute(ClaimKey.__table__.insert(), rows)  # type: ignore[attr-defined]


def rewrite(
    claim_id: int, quote: str, quantities: Sequence[Mapping[str, object]], *, session: Session
) -> None:
    session.execute(sa.delete(ClaimKey).where(col(ClaimKey.claim_id) == claim_id))
    write([(claim_id, quote, quantities)], session=session)


def lookup(
    keys: Iterable[int], *, session: Session, per_key: int = PER_KEY
) -> dict[int, list[int]]:
    """For each key, the ids of the newest `per_key` claims holding it."""
    wanted = sorted(set(keys))
    found: dict[int, list[int]] = {}
    for start in range(0, len(wanted), KEYS_PER_STATEMENT):
        chunk = wanted[start : start + KEYS_PER_STATEMENT]
        arms = [  # keys are our own integers, written inline: one plain statement on any driver
            f"SELECT * FROM (SELECT key, claim_id FROM claim_key WHERE key = {int(k)} "
            f"ORDER BY claim_id DESC LIMIT {int(per_key)}) AS a{i}"
            for i, k in enumerate(chunk)
        ]
        rows = session.connection().exec_driver_sql(" UNION ALL ".join(arms)).fetchall()
        for key, claim_id in rows:  # fetched at once: thousands of rows per article
            found.setdefault(key, []).append(claim_id)
    return found
