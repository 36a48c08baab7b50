"""Plain rows through the driver, for ingest's hottest statements.

An article's writes read and write hundreds of rows of plain integers and text (blocking keys,
candidate quotes, match rows); SQLAlchemy's per-row work (a parameter dict compiled for each row,
a `Row` built for each result) cost several times what the database did. These helpers run in the
caller's transaction, on its connection, with the driver's own placeholder. `insert` and `fetch`
are only used for columns whose values the driver stores and returns exactly as SQLAlchemy would
(integers, floats, text); `insert_values` converts each value by its column's type first, as
SQLAlchemy does, so dates and JSON are stored the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

NO_ID = -1
"""Fills a padded list of ids: no row has a negative id (nor a blocking key a negative value)."""


def padded(ids: Sequence[int], *, most: int = 500) -> list[int]:
    """Ids filled up to one of a few counts (16, 32, ... `most`) with NO_ID: a statement with
    `IN` over them then has a few texts, each parsed and planned once (SQLite keeps prepared
    statements by text), not a new one for every article."""
    size = 16
    while size < len(ids):
        size *= 2
    return [*ids, *[NO_ID] * (max(min(size, most), len(ids)) - len(ids))]


@contextmanager
def _cursor(conn: Connection) -> Iterator[Any]:
    """The driver's cursor, its errors raised as SQLAlchemy raises them (`DBAPIError`), so a lock
    held elsewhere is waited for and a failure is one line (`ledger.transactions`), as for any
    other statement."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    driver_error = conn.dialect.loaded_dbapi.Error
    try:
        yield cursor
    except driver_error as exc:
        raise sa.exc.DBAPIError.instance(
            None, None, exc, driver_error, dialect=conn.dialect
        ) from exc
    finally:
        cursor.close()


def placeholder(conn: Connection) -> str:
    """The driver's positional placeholder: `?` for sqlite3, `%s` for psycopg."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def fetch(conn: Connection, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """All rows of one statement, as tuples (write `placeholder(conn)` for each parameter)."""
    with _cursor(conn) as cursor:
        cursor.execute(sql, tuple(params))
        return list(cursor.fetchall())


MOST_PARAMETERS = 999
"""Parameters in one statement: SQLite before 3.32 allows no more."""


@cache
def _insert_sql(table: str, columns: tuple[str, ...], rows: int, mark: str) -> str:
    row = f"({', '.join([mark] * len(columns))})"
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES {', '.join([row] * rows)}"


def _runs(count: int, width: int) -> Iterator[tuple[int, int]]:
    """(start, length) runs of `count` rows: as long as a statement's parameters allow, each a
    power of two, so a few statement texts serve any count (each parsed once, then reused)."""
    most = max(1, MOST_PARAMETERS // width)
    start = 0
    while start < count:
        length = 1 << (min(count - start, most).bit_length() - 1)
        yield start, length
        start += length


def insert(
    conn: Connection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    together: bool = False,
) -> None:
    """Many rows of plain values into `table`: one executemany, or with `together` many rows a
    statement. A table with triggers (`claim`: its full-text index) pays each statement's set-up
    (its journal, the index's savepoint) once for many rows, not per row: half the cost of
    ingest's claim rows. A plain table (`claim_key`) inserts faster one row a statement."""
    if not rows:
        return
    columns = tuple(columns)
    mark = placeholder(conn)
    if not together:
        conn.exec_driver_sql(_insert_sql(table, columns, 1, mark), list(map(tuple, rows)))
        return
    with _cursor(conn) as cursor:
        for start, length in _runs(len(rows), len(columns)):
            sql = _insert_sql(table, columns, length, mark)
            cursor.execute(sql, [v for row in rows[start : start + length] for v in row])


_NOTHING = object()
_CONVERSIONS: dict[tuple[str, str, tuple[str, ...]], list[tuple[int, Callable[[Any], Any]]]] = {}


def _conversions(
    conn: Connection, table: sa.Table, columns: tuple[str, ...]
) -> list[tuple[int, Callable[[Any], Any]]]:
    """The columns whose type converts a Python value for this dialect, with the conversion."""
    dialect = conn.dialect
    cache_key = (dialect.name, table.name, columns)
    found = _CONVERSIONS.get(cache_key)
    if found is None:
        types = [table.c[c].type.dialect_impl(dialect) for c in columns]
        processors = [t.bind_processor(dialect) for t in types]
        found = [(i, f) for i, f in enumerate(processors) if f is not None]
        _CONVERSIONS[cache_key] = found
    return found


def insert_values(
    conn: Connection,
    table: sa.Table,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    together: bool = False,
) -> None:
    """Many rows of Python values (dates, JSON too) into `table` as `insert` writes them, each
    value converted by its column's type exactly as SQLAlchemy converts it: its per-row
    parameter handling cost ingest more than the database's own work on the claim rows."""
    columns = tuple(columns)
    convert = _conversions(conn, table, columns)
    last: list[tuple[Any, Any]] = [(_NOTHING, None)] * len(convert)
    converted: list[list[Any]] = []
    for row in rows:
        values = list(row)
        for n, (i, f) in enumerate(convert):
            value = values[i]
            before, after = last[n]
            if value is not before:  # a whole article's rows share one timestamp
                after = f(value)
                last[n] = (value, after)
            values[i] = after
        converted.append(values)
    insert(conn, table.name, columns, converted, together=together)


@dataclass(frozen=True)
class _Expanded:
    sql: str
    names: tuple[str, ...]
    """The parameters in placeholder order (positional drivers); empty for named ones."""
    expansion: Mapping[str, Sequence[str]]
    """Each list parameter's names, one per item."""
    fixed: Mapping[str, Any]
    """The values the statement carries (its constants: a status compared with, a default)."""


_STATEMENTS: dict[tuple[str, int, tuple[tuple[str, int], ...]], _Expanded] = {}
_KEEP: list[sa.Executable] = []
"""The statements `run` compiled, never collected: another statement cannot take their id."""


def run(conn: Connection, stmt: sa.Executable, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """A statement built once (a constant or a cached builder: it is known by its identity), its
    integer and text parameters given, a list for each expanding one (pad them: `padded`). Its
    text is made once per dialect and per length of each list, where SQLAlchemy would build a
    cache key and expand the lists on every call (more Python than database work in ingest's
    reach updates). Returns its rows, if it has any."""
    sizes = tuple(sorted((k, len(v)) for k, v in params.items() if isinstance(v, list)))
    cache_key = (conn.dialect.name, id(stmt), sizes)
    found = _STATEMENTS.get(cache_key)
    if found is None:
        sample = {k: list(range(len(v))) if isinstance(v, list) else v for k, v in params.items()}
        state = stmt.compile(dialect=conn.dialect).construct_expanded_state(sample)  # type: ignore[attr-defined]
        names = tuple(state.positiontup or ()) if conn.dialect.positional else ()
        given = {n for k in params for n in state.parameter_expansion.get(k, [k])}
        convert = state.processors
        fixed = {
            k: convert[k](v) if k in convert else v
            for k, v in state.parameters.items()
            if k not in given
        }
        found = _Expanded(state.statement, names, dict(state.parameter_expansion), fixed)
        _STATEMENTS[cache_key] = found
        _KEEP.append(stmt)
    flat = dict(found.fixed)
    for k, v in params.items():
        if isinstance(v, list):
            flat.update(zip(found.expansion[k], v, strict=True))
        else:
            flat[k] = v
    with _cursor(conn) as cursor:
        cursor.execute(found.sql, tuple([flat[n] for n in found.names]) if found.names else flat)
        return list(cursor.fetchall()) if cursor.description is not None else []
