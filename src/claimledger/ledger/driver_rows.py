"""Plain rows through the driver, for ingest's hottest statements.

An article's writes read and write hundreds of rows of plain integers and text (blocking keys,
candidate quotes, match rows); SQLAlchemy's per-row work (a parameter dict compiled for each row,
a `Row` built for each result) cost several times what the database did. These helpers run in the
caller's transaction, on its connection, with the driver's own placeholder, and are only used for
columns whose values the driver stores and returns exactly as SQLAlchemy would (integers, floats,
text): no dates, no JSON written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
