"""The committed claims.db is what the project's own commands build from sources/ today."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from claimledger.db import HEAD_REVISION
from helpers import Cli

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"

SHIPPED = ROOT / "claims.db"
REBUILD = "rm claims.db; claimledger --user claimledger ingest sources/ && claimledger --user claimledger evidence import sources/evidence.json"

CLAIMS_SQL = (
    'SELECT s.path, c.quote, c.start, c."end", c.prefix, c.suffix, c.type, c.speaker, c.score, '
    "c.quantities, c.period_start, c.period_end, c.review_state FROM claim c JOIN source s ON s.id = c.source_id"
)
EVIDENCE_SQL = (
    "SELECT s.path, c.quote, e.url, e.stance, e.note FROM evidence e "
    "JOIN claim c ON c.id = e.claim_id JOIN source s ON s.id = c.source_id"
)
SOURCES_SQL = "SELECT path, content_hash, outlet, title, author, published, url FROM source"


def _read(path: Path) -> dict[str, set[tuple[object, ...]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            "version": {(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0],)},
            "sources": set(conn.execute(SOURCES_SQL)),
            "claims": set(conn.execute(CLAIMS_SQL)),
            "evidence": set(conn.execute(EVIDENCE_SQL)),
        }
    finally:
        conn.close()


def test_shipped_ledger_is_current(cli: Cli, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    assert cli("--db", str(fresh), "--user", "claimledger", "ingest", str(SOURCES)).code == 0
    imported = cli(
        "--db",
        str(fresh),
        "--user",
        "claimledger",
        "evidence",
        "import",
        str(SOURCES / "evidence.json"),
    )
    assert imported.code == 0
    assert "no claim matches" not in imported.err, imported.err
    shipped, rebuilt = _read(SHIPPED), _read(fresh)
    assert shipped["version"] == {(HEAD_REVISION,)}, (
        f"claims.db is at an old schema; rebuild: {REBUILD}"
    )
    for part in ("sources", "claims", "evidence"):
        assert shipped[part] == rebuilt[part], f"claims.db {part} are stale; rebuild: {REBUILD}"


def test_shipped_ledger_has_real_evidence_and_nothing_verified() -> None:
    data = _read(SHIPPED)
    assert len(data["sources"]) == 5
    assert len(data["evidence"]) >= 10
    assert all(row[-1] != "verified" for row in data["claims"])
