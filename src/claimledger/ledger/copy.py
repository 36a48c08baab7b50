"""Moving a ledger between backends (SQLite to PostgreSQL and back), every row and id as it was.

The whole copy is one transaction on the target: a copy that fails or is killed leaves the target
as it was, so running it again is safe. Rows are read and written in batches (Core inserts, ids
kept); each engine's search index is filled as it fills its own (SQLite by its triggers,
PostgreSQL from the same tokens, see `search`), and PostgreSQL's id sequences are moved past the
copied ids so new rows never collide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel

import claimledger.models  # noqa: F401  (registers the tables)
from claimledger.db import write_engine
from claimledger.errors import LedgerError
from claimledger.ledger import claim_keys as keys_table
from claimledger.ledger import reach
from claimledger.ledger.search import CLAIM_SEARCH, write_words

TABLES = (
    "source",
    "claim",
    "claim_anchor",
    "evidence",
    "history",
    "claim_match",
    "person",
    "publication",
    "ledger_setting",
    "claim_conflict",
    "verdict_copy",
    "export_log",
)
"""In the order foreign keys need."""

EMPTYING = (
    "export_log",
    "claim_conflict",
    "verdict_copy",
    "publication",
    "claim_match",
    "claim_anchor",
    "evidence",
    "claim",
    "history",
    "source",
    "person",
    "ledger_setting",
)
"""The order a replaced target is emptied in: a history entry can only go once its claim has
(the history is append-only, see migration 0007)."""

RULES = "ledger_rule"

BATCH = 2000

Progress = Callable[[str, int, int], None]
"""(table, rows copied so far, rows in all) after each batch."""


@dataclass(frozen=True)
class CopyReport:
    rows: tuple[tuple[str, int], ...]
    """Rows copied per table."""
    replaced: bool


def _table(name: str) -> sa.Table:
    return SQLModel.metadata.tables[name]


def _count(conn: Connection, name: str) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(_table(name))).scalar() or 0)


def _batches(conn: Connection, table: sa.Table) -> Iterator[list[dict[str, object]]]:
    """Every row, in id order, a batch at a time (keyset: no OFFSET)."""
    last = 0
    while True:
        stmt = sa.select(table).where(table.c.id > last).order_by(table.c.id).limit(BATCH)
        rows = [dict(r._mapping) for r in conn.execute(stmt)]
        if not rows:
            return
        yield rows
        last = int(str(rows[-1]["id"]))


def copy_ledger(
    source: Engine,
    target: Engine,
    *,
    replace: bool = False,
    progress: Progress | None = None,
) -> CopyReport:
    """Copy every row of `source` into `target` (both at the current schema), read from one
    snapshot of the source (PostgreSQL: REPEATABLE READ; SQLite: its connection's one transaction)."""
    reading = (
        source.execution_options(isolation_level="REPEATABLE READ")
        if source.dialect.name == "postgresql"
        else source
    )
    with reading.connect() as src, write_engine(target).begin() as dst:
        filled = [name for name in TABLES if _count(dst, name)]
        if filled and not replace:
            raise LedgerError(
                f"the target ledger is not empty ({', '.join(filled)}): "
                "copy into an empty one, or replace its contents with --replace"
            )
        for name in keys_table.TABLES:
            dst.execute(sa.delete(_table(name)))
        dst.execute(sa.delete(_table("claim_reach")))
        for name in EMPTYING:
            dst.execute(sa.delete(_table(name)))
        dst.execute(sa.delete(_table(RULES)))
        settings = [dict(r._mapping) for r in src.execute(sa.select(_table(RULES)))]
        if settings:
            dst.execute(sa.insert(_table(RULES)), settings)
        if dst.dialect.name == "postgresql":
            dst.execute(sa.delete(CLAIM_SEARCH))
        counts = []
        for name in TABLES:
            table = _table(name)
            total, done = _count(src, name), 0
            for rows in _batches(src, table):
                dst.execute(sa.insert(table), rows)
                done += len(rows)
                if progress is not None:
                    progress(name, done, total)
            counts.append((name, done))
        _copy_keys(src, dst)
        reach.rebuild(conn=dst)  # derived from the copied matches, as the upgrade fills it
        if dst.dialect.name == "postgresql":
            _index_on_postgresql(src, dst)
            for name in TABLES:
                dst.execute(
                    sa.text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"coalesce((SELECT max(id) FROM {name}), 0) + 1, false)"
                    )
                )
        for name, done in counts:
            if _count(dst, name) != done:
                raise LedgerError(f"copy check failed: {name} has a different number of rows")
    return CopyReport(tuple(counts), bool(filled))


def _index_on_postgresql(src: Connection, dst: Connection) -> None:
    """The search index's words from the copied quotes and notes, as the core writes them (the
    trigger gave each copied claim its row and score as it was inserted)."""
    claim, history = _table("claim"), _table("history")
    last = 0
    while True:
        page = src.execute(
            sa.select(claim.c.id, claim.c.quote)
            .where(claim.c.id > last)
            .order_by(claim.c.id)
            .limit(BATCH)
        ).all()
        if not page:
            return
        ids = [int(cid) for cid, _ in page]
        notes: dict[int, list[str]] = {}
        for cid, note in src.execute(
            sa.select(history.c.claim_id, history.c.note)
            .where(history.c.claim_id.in_(ids), history.c.note.is_not(None))
            .order_by(history.c.id)
        ):
            notes.setdefault(int(cid), []).append(str(note))
        write_words(((cid, " ".join([q, *notes.get(cid, [])])) for cid, q in page), conn=dst)
        last = ids[-1]


def _copy_keys(src: Connection, dst: Connection) -> None:
    """The blocking keys, each table into its own (no id column: paged by claim)."""
    for name in keys_table.TABLES:
        _copy_key_table(src, dst, _table(name))


def _copy_key_table(src: Connection, dst: Connection, keys: sa.Table) -> None:
    last = 0
    while True:
        rows = [
            dict(r._mapping)
            for r in src.execute(
                sa.select(keys)
                .where(keys.c.claim_id > last)
                .order_by(keys.c.claim_id, keys.c.key)
                .limit(BATCH)
            )
        ]
        if not rows:
            return
        last = int(str(rows[-1]["claim_id"]))
        complete = [r for r in rows if r["claim_id"] != last] or rows
        if complete is not rows:  # the last claim's keys may go past the page: take them whole
            complete += [
                dict(r._mapping)
                for r in src.execute(sa.select(keys).where(keys.c.claim_id == last))
            ]
        dst.execute(sa.insert(keys), complete)
