"""The blocking keys: written with each claim, read back by index look-ups.

A look-up asks, per key, for the newest PER_KEY claims holding it (one range scan of the primary
key each, all keys of an article in one statement), so finding candidates costs the same in an
empty ledger and in one of a million claims.

Keys are hashes: written straight into the big table (`claim_key`), each of an article's few
hundred keys dirtied a page of its own, and a commit at a million claims wrote thousands of pages.
So new keys go to `claim_key_recent`, a table small enough that an article's keys share its pages,
and `fold` moves them into `claim_key` in key order once it holds RECENT_ROWS: each page of the big
table is then written once a fold, not once a key. A look-up reads both tables: a key is in one or
the other, never both (a fold moves each key range in one transaction).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache

import sqlalchemy as sa
from sqlmodel import Session

from claimledger.extract.similarity import claim_keys
from claimledger.ledger import driver_rows

TABLES = ("claim_key_recent", "claim_key")
RECENT_ROWS = 262_144
"""Rows of `claim_key_recent` that start a fold: about 1,000 pages (4 MB), so an article's keys
share pages there; a fold then writes each page of `claim_key` about once for a thousand articles."""
FOLD_RANGES = 16
"""A fold is this many transactions, a range of key values each: a desk's writes wait for one
range, never for the whole fold."""
KEY_SPACE = 1 << 48
"""Keys are 48-bit hashes (`extract.similarity`)."""

PER_KEY = 8
"""The newest claims per key: a claim repeated in many articles is found by its newest copies."""
KEYS_PER_STATEMENT = 200
"""Arms of one look-up statement (SQLite allows 500): 200 keys, or 100 when both tables are asked."""


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
    driver_rows.insert(session.connection(), "claim_key_recent", ("key", "claim_id"), rows)


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
def _lookup_sql(arms: int, per_key: int, mark: str, tables: tuple[str, ...]) -> str:
    """Per key, the newest `per_key` of each table (a key bound once per table)."""
    return " UNION ALL ".join(
        f"SELECT * FROM (SELECT key, claim_id FROM {table} WHERE key = {mark} "
        f"ORDER BY claim_id DESC LIMIT {int(per_key)}) AS {table[-3:]}{i}"
        for i in range(arms)
        for table in tables
    )


_HOLDING = "SELECT (SELECT 1 FROM claim_key_recent LIMIT 1), (SELECT 1 FROM claim_key LIMIT 1)"


def _holding(conn: sa.Connection) -> tuple[str, ...]:
    """The key tables with rows: a ledger under RECENT_ROWS keys has never folded, and its
    look-ups cost what one table's did."""
    (held,) = driver_rows.fetch(conn, _HOLDING)
    return tuple(name for name, has in zip(TABLES, held, strict=True) if has is not None)


def lookup(
    keys: Iterable[int], *, session: Session, per_key: int = PER_KEY
) -> dict[int, list[int]]:
    """For each key, the ids of the newest `per_key` claims holding it."""
    wanted = sorted(set(keys))
    found: dict[int, list[int]] = {}
    conn = session.connection()
    tables = _holding(conn) if wanted else ()
    if not tables:
        return found
    step = KEYS_PER_STATEMENT // len(tables)
    for start in range(0, len(wanted), step):
        chunk = wanted[start : start + step]
        arms = min(_arms(len(chunk)), step)
        sql = _lookup_sql(arms, per_key, driver_rows.placeholder(conn), tables)
        asked = chunk + [NO_KEY] * (arms - len(chunk))
        rows = driver_rows.fetch(conn, sql, [k for k in asked for _ in tables])
        for key, claim_id in rows:  # fetched at once, as tuples: thousands of rows per article
            found.setdefault(key, []).append(claim_id)
    if len(tables) > 1:  # both tables' newest: the newest of all, as one table gave
        for ids in found.values():
            if len(ids) > 1:
                ids.sort(reverse=True)
                del ids[per_key:]
    return found


def recent_rows(*, session: Session) -> int:
    return int(
        session.connection().execute(sa.text("SELECT count(*) FROM claim_key_recent")).scalar_one()
    )


def fold_ranges(parts: int = FOLD_RANGES) -> list[tuple[int, int]]:
    step = KEY_SPACE // parts
    return [(i * step, KEY_SPACE if i == parts - 1 else (i + 1) * step) for i in range(parts)]


def fold_range(low: int, high: int, *, session: Session) -> int:
    """Move the recent keys in [low, high) into `claim_key`, in key order; returns how many.

    On PostgreSQL one statement deletes and inserts from one snapshot: as two, a key committed by
    an ingest between them would be deleted unmoved, and a second fold at the same time would
    move the same keys twice. SQLite's writers take turns (BEGIN IMMEDIATE), so two statements."""
    conn = session.connection()
    bounds = {"low": low, "high": high}
    if conn.dialect.name == "postgresql":
        moved = conn.execute(
            sa.text(
                "WITH moved AS (DELETE FROM claim_key_recent WHERE key >= :low AND key < :high "
                "RETURNING key, claim_id) "
                "INSERT INTO claim_key (key, claim_id) SELECT key, claim_id FROM moved "
                "ORDER BY key, claim_id"
            ),
            bounds,
        ).rowcount
        return int(moved or 0)
    moved = conn.execute(
        sa.text(
            "INSERT INTO claim_key (key, claim_id) SELECT key, claim_id FROM claim_key_recent "
            "WHERE key >= :low AND key < :high ORDER BY key, claim_id"
        ),
        bounds,
    ).rowcount
    conn.execute(sa.text("DELETE FROM claim_key_recent WHERE key >= :low AND key < :high"), bounds)
    return int(moved or 0)
