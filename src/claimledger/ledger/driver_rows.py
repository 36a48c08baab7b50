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

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
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


def placeholder(conn: Connection) -> str:
    """The driver's positional placeholder: `?` for sqlite3, `%s` for psycopg."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def fetch(conn: Connection, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """All rows of one statement, as tuples (write `placeholder(conn)` for each parameter)."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, tuple(params))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def insert(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Many rows of plain values into `table` in one executemany."""
    if not rows:
        return
    marks = ", ".join([placeholder(conn)] * len(columns))
    names = ", ".join(f'"{c}"' for c in columns)
    conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(map(tuple, rows)))


@dataclass(frozen=True)
class _Insert:
    """An INSERT compiled once for a dialect: its text, and for each column the conversion its
    type makes of a Python value (a date to text on SQLite, a list to JSON), or None."""

    sql: str
    order: tuple[int, ...]
    """Each placeholder's column, by position in the columns given (positional drivers)."""
    names: tuple[str, ...]
    """Each column's parameter name (drivers with named placeholders)."""
    convert: tuple[Callable[[Any], Any] | None, ...]
    positional: bool


_NOTHING = object()
_INSERTS: dict[tuple[str, str, tuple[str, ...]], _Insert] = {}


def _compiled_insert(conn: Connection, table: sa.Table, columns: tuple[str, ...]) -> _Insert:
    dialect = conn.dialect
    cache_key = (dialect.name, table.name, columns)
    found = _INSERTS.get(cache_key)
    if found is None:
        binds = {c: sa.bindparam(f"p{i}", type_=table.c[c].type) for i, c in enumerate(columns)}
        compiled = sa.insert(table).values(binds).compile(dialect=dialect)
        names = tuple(f"p{i}" for i in range(len(columns)))
        positions = compiled.positiontup or []
        types = (table.c[c].type for c in columns)
        found = _INSERTS[cache_key] = _Insert(
            compiled.string,
            tuple(names.index(p) for p in positions),
            names,
            tuple(t.dialect_impl(dialect).bind_processor(dialect) for t in types),
            dialect.positional,
        )
    return found


def insert_values(
    conn: Connection, table: sa.Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Many rows of Python values (dates, JSON too) into `table` in one executemany, each value
    converted by its column's type exactly as SQLAlchemy converts it: its per-row parameter
    handling cost ingest more than the database's own work on the claim rows."""
    stmt = _compiled_insert(conn, table, tuple(columns))
    convert = [(i, f) for i, f in enumerate(stmt.convert) if f is not None]
    last: list[tuple[Any, Any]] = [(_NOTHING, None)] * len(convert)
    params: list[Any] = []
    for row in rows:
        values = list(row)
        for n, (i, f) in enumerate(convert):
            value = values[i]
            before, after = last[n]
            if value is not before:  # a whole article's rows share one timestamp
                after = f(value)
                last[n] = (value, after)
            values[i] = after
        if stmt.positional:
            params.append(tuple([values[i] for i in stmt.order]))
        else:
            params.append(dict(zip(stmt.names, values, strict=True)))
    if params:
        conn.exec_driver_sql(stmt.sql, params)


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
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(found.sql, tuple([flat[n] for n in found.names]) if found.names else flat)
        return list(cursor.fetchall()) if cursor.description is not None else []
    finally:
        cursor.close()
