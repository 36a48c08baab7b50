"""The whole ledger as JSON Lines, every field kept, for another ledger to read back (`import`).

One object a line, each with its `kind`: the header, the desk's settings, the articles (text
included), the claims (each with its anchors, evidence, history and publication inside), then the
matches between claims. Sources are known by their content hash and claims by their id in this
file, so a ledger that already holds some of them merges instead of duplicating (see
`ledger.restore`). Nothing in the file depends on when it was written: the same ledger gives the
same bytes, and export, import into an empty ledger, export again gives identical files.

Rows are read a page at a time in id order, so memory stays flat however large the ledger.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from claimledger.ledger.verify import check_claims, claim_rows, guards, refuse
from claimledger.models import UTCDateTime  # (importing models registers the tables)

FORMAT = "claimledger-archive"
VERSION = 1
PAGE = 500

# What each line keeps of its table: every column but the row's own id and the parent's id
# (those are the nesting); new columns are written (and read back) without a change here.
PARENT = {"claim_anchor": "claim_id", "evidence": "claim_id", "history": "claim_id"}


def table(name: str) -> sa.Table:
    return SQLModel.metadata.tables[name]


@cache
def columns(name: str, *, keep_id: bool = False) -> list[str]:
    """The columns a line carries, in table order."""
    skip = {PARENT.get(name), "claim_id" if name == "publication" else None}
    if not keep_id:
        skip.add("id")
    return [c.name for c in table(name).columns if c.name not in skip]


def line(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def _row(name: str, values: Sequence[Any], names: list[str]) -> dict[str, Any]:
    obj = dict(zip(names, values, strict=True))
    for key in _timestamps(name):
        value = obj.get(key)
        if value is not None:
            obj[key] = _iso(value)
    return obj


@cache
def _timestamps(name: str) -> list[str]:
    return [c.name for c in table(name).columns if isinstance(c.type, UTCDateTime)]


def _iso(value: Any) -> str:
    """A timestamp as `datetime.isoformat` writes it in UTC, from a datetime (PostgreSQL) or from
    SQLite's stored text (`2026-11-30 23:54:19.123456`, UTC), without parsing it."""
    if isinstance(value, datetime):
        return value.isoformat()
    text = str(value)
    if len(text) != 26 or text[10] != " ":
        return datetime.fromisoformat(text + "+00:00").isoformat()
    return (text[:10] + "T" + (text[11:19] if text.endswith(".000000") else text[11:])) + "+00:00"


def _select(conn: sa.Connection, *cols: Any) -> Any:
    """The columns, timestamps as SQLite's stored text there (see `_iso`)."""
    if conn.dialect.name != "sqlite":
        return sa.select(*cols)
    return sa.select(
        *(
            sa.type_coerce(c, sa.String).label(c.key) if isinstance(c.type, UTCDateTime) else c
            for c in cols
        )
    )


def archive_lines(*, session: Session, verified: bool = False) -> Iterator[str]:
    """Every line of the archive, in a stable order (ids ascending); with `verified`, each page
    of claims is verified before its lines are yielded (see `export.records.export_records`)."""
    conn = session.connection()
    if verified:
        refuse(list(guards(session)))
    yield line({"kind": "header", "format": FORMAT, "version": VERSION})
    settings = table("ledger_setting")
    for key, value, by, at in conn.execute(
        sa.select(settings.c.key, settings.c.value, settings.c.updated_by, settings.c.updated_at)
        .order_by(settings.c.key)
    ):  # fmt: skip
        yield line(
            {"kind": "setting", "key": key, "value": json.loads(value), "updated_by": by,
             "updated_at": _iso(at)}
        )  # fmt: skip
    yield from _sources(conn)
    yield from _claims(conn, session if verified else None)
    yield from _matches(conn)


def _pages(conn: sa.Connection, name: str, select: sa.Select[Any]) -> Iterator[Sequence[Any]]:
    """`select` (whose first column is the id) a page at a time, by id."""
    ident = table(name).c.id
    last = 0
    while True:
        rows = conn.execute(select.where(ident > last).order_by(ident).limit(PAGE)).all()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _sources(conn: sa.Connection) -> Iterator[str]:
    names = columns("source", keep_id=True)
    source = table("source")
    for rows in _pages(conn, "source", _select(conn, *(source.c[n] for n in names))):
        for row in rows:
            yield line({"kind": "source", **_row("source", row, names)})


def _claims(conn: sa.Connection, verifying: Session | None) -> Iterator[str]:
    claim, source = table("claim"), table("source")
    names = [n for n in columns("claim", keep_id=True) if n != "source_id"]
    select = _select(conn, *(claim.c[n] for n in names), source.c.content_hash).join(
        source, source.c.id == claim.c.source_id
    )
    bad_sources: set[int] = set()
    for rows in _pages(conn, "claim", select):
        ids = [row[0] for row in rows]
        if verifying is not None:
            page = claim_rows(ids, session=verifying)
            refuse(check_claims(page, session=verifying, bad_sources=bad_sources).findings)
        children = {
            name: _children(conn, name, ids) for name in ("claim_anchor", "evidence", "history")
        }
        publications = _publications(conn, ids)
        for row in rows:
            cid = row[0]
            obj = {"kind": "claim", **_row("claim", row[:-1], names), "source": row[-1]}
            obj["anchors"] = children["claim_anchor"].get(cid, [])
            obj["evidence"] = children["evidence"].get(cid, [])
            obj["history"] = children["history"].get(cid, [])
            obj["publication"] = publications.get(cid)
            yield line(obj)


def _children(conn: sa.Connection, name: str, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """A page's anchors (or evidence, or history), per claim, in id order."""
    t = table(name)
    names = columns(name)
    found: dict[int, list[dict[str, Any]]] = {}
    stmt = (
        _select(conn, t.c.claim_id, *(t.c[n] for n in names))
        .where(t.c.claim_id.between(ids[0], ids[-1]))
        .order_by(t.c.id)
    )
    for row in conn.execute(stmt).all():
        found.setdefault(row[0], []).append(_row(name, row[1:], names))
    return found


def _publications(conn: sa.Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    t = table("publication")
    names = columns("publication")
    stmt = _select(conn, t.c.claim_id, *(t.c[n] for n in names)).where(
        t.c.claim_id.between(ids[0], ids[-1])
    )
    return {row[0]: _row("publication", row[1:], names) for row in conn.execute(stmt).all()}


def _matches(conn: sa.Connection) -> Iterator[str]:
    names = columns("claim_match")
    match = table("claim_match")
    select = _select(conn, match.c.id, *(match.c[n] for n in names))
    for rows in _pages(conn, "claim_match", select):
        for row in rows:
            yield line({"kind": "match", **_row("claim_match", row[1:], names)})
