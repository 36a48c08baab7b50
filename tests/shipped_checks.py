"""What must hold of the shipped claims.db, untouched or after someone follows the README's tour.

It is what the project's own commands build from sources/: the same articles, the same claims at
the same anchors, every piece of evidence from sources/evidence.json; at the current schema,
sound, and its record proves itself (`verify`). What the tour documents doing to it (reviews,
notes, evidence added, an editor's sign-off, an article fetched into sources/) is work a person
records, and stays allowed: the checks look at what the project built, not at what people did
with it since.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from claimledger.db import HEAD_REVISION
from helpers import Cli

BUILDER = "claimledger"
"""The name the project's own rebuild acts under (see REBUILD)."""

REBUILD = (
    "rm claims.db; claimledger --user claimledger ingest sources/ && "
    "claimledger --user claimledger evidence import sources/evidence.json"
)

SOURCES_SQL = "SELECT path, content_hash, outlet, title, author, published, url FROM source"
# what the finder made of each article; not what reviewers did with it since
CLAIMS_SQL = (
    'SELECT s.path, c.quote, c.start, c."end", c.prefix, c.suffix, c.type, c.speaker, c.score, '
    "c.quantities, c.period_start, c.period_end FROM claim c JOIN source s ON s.id = c.source_id "
    "WHERE c.origin = 'extracted'"
)
EVIDENCE_SQL = (
    "SELECT s.path, c.quote, e.url, e.stance, e.note FROM evidence e "
    "JOIN claim c ON c.id = e.claim_id JOIN source s ON s.id = c.source_id"
)
ANCHORS_SQL = (
    'SELECT c.id, c.quote, c.start, c."end", c.prefix, c.suffix, s.text '
    "FROM claim c JOIN source s ON s.id = c.source_id"
)
EXTRA_ANCHORS_SQL = (
    'SELECT c.quote, a.start, a."end", a.prefix, a.suffix, s.text FROM claim_anchor a '
    "JOIN claim c ON c.id = a.claim_id JOIN source s ON s.id = c.source_id"
)


def _rows(path: Path, sql: str) -> set[tuple[object, ...]]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return set(conn.execute(sql))


def _one(path: Path, sql: str) -> object:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute(sql).fetchone()[0]


def rebuild(cli: Cli, sources: Path, target: Path) -> Path:
    """The ledger the project's own commands build from `sources` (REBUILD)."""
    assert cli("--db", str(target), "--user", BUILDER, "ingest", str(sources)).code == 0
    imported = cli(
        "--db", str(target), "--user", BUILDER, "evidence", "import", str(sources / "evidence.json")
    )
    assert imported.code == 0, imported.err
    assert "no claim matches" not in imported.err, imported.err
    return target


def assert_built_from_sources(shipped: Path, rebuilt: Path) -> None:
    """The articles, claims and evidence the project built are all there, as built."""
    assert _one(shipped, "SELECT version_num FROM alembic_version") == HEAD_REVISION, (
        f"claims.db is at an old schema; rebuild: {REBUILD}"
    )
    assert _rows(shipped, SOURCES_SQL) == _rows(rebuilt, SOURCES_SQL), (
        f"claims.db sources are stale; rebuild: {REBUILD}"
    )
    assert _rows(shipped, CLAIMS_SQL) == _rows(rebuilt, CLAIMS_SQL), (
        f"claims.db claims are stale; rebuild: {REBUILD}"
    )
    missing = _rows(rebuilt, EVIDENCE_SQL) - _rows(shipped, EVIDENCE_SQL)
    assert not missing, f"claims.db lacks evidence of sources/evidence.json; rebuild: {REBUILD}"


def assert_sound(shipped: Path, cli: Cli) -> None:
    """Sound file, anchors that point at their words, a record that proves itself."""
    assert _one(shipped, "PRAGMA integrity_check") == "ok"
    for claim_id, quote, start, end, prefix, suffix, text in _rows(shipped, ANCHORS_SQL):
        assert isinstance(text, str) and isinstance(start, int) and isinstance(end, int)
        assert text[start:end] == quote, f"claim {claim_id} is not anchored to its words"
        assert text[max(0, start - 32) : start] == prefix and text[end : end + 32] == suffix
    for quote, start, end, prefix, suffix, text in _rows(shipped, EXTRA_ANCHORS_SQL):
        assert isinstance(text, str) and isinstance(start, int) and isinstance(end, int)
        assert text[start:end] == quote
        assert text[max(0, start - 32) : start] == prefix and text[end : end + 32] == suffix
    verified = cli("--db", str(shipped), "verify")
    assert verified.code == 0, verified.out + verified.err


def assert_demonstrable(shipped: Path) -> None:
    """Real articles and evidence to show, and nothing reviewed or signed off by the project
    itself: what the tour shows a person doing is left for a person to do."""
    assert len(_rows(shipped, SOURCES_SQL)) >= 5
    assert len(_rows(shipped, EVIDENCE_SQL)) >= 10
    by_builder = _rows(shipped, f"SELECT DISTINCT action FROM history WHERE user = '{BUILDER}'")
    assert by_builder <= {("created",), ("evidence",)}, by_builder
