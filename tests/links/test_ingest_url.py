"""`ingest URL`: the page fetched, its text saved into sources/, then ingested like a file."""

from __future__ import annotations

import json
from pathlib import Path

from claimledger.documents import read_document
from helpers import Cli


def test_ingest_a_url_saves_the_page_and_finds_its_claims(
    cli: Cli, tmp_path: Path, base: str, ledger_db: str
) -> None:
    db, sources = ledger_db, tmp_path / "sources"
    result = cli(
        "--db", str(db), "ingest", f"{base}/article", "--sources-dir", str(sources), "--json"
    )
    assert result.code == 0, result.err
    [row] = json.loads(result.out)
    assert row["added"] and row["claims"] >= 2
    [saved] = sources.glob("*.txt")
    assert saved.name == "2020-02-14-border-agents-sent-to-boston.txt"
    doc = read_document(saved)
    assert (doc.meta.outlet, doc.meta.author, doc.meta.published) == (
        "Example News",
        "Ann Lee",
        "2020-02-14",
    )
    assert doc.meta.url == "https://news.example/2020/02/14/agents"
    assert "100 agents" in doc.text and "Follow us on Twitter" not in doc.text
    claims = json.loads(cli("--db", str(db), "claims", "--json").out)
    assert any("100 agents" in c["quote"] for c in claims)
    again = cli(
        "--db", str(db), "ingest", f"{base}/article", "--sources-dir", str(sources), "--json"
    )
    assert json.loads(again.out)[0]["added"] is False
    assert len(list(sources.glob("*.txt"))) == 1


def test_an_unreachable_page_is_one_line_and_nothing_is_saved(
    cli: Cli, tmp_path: Path, base: str
) -> None:
    sources = tmp_path / "sources"
    result = cli(
        "--db", str(tmp_path / "l.db"), "ingest", f"{base}/missing", "--sources-dir", str(sources)
    )
    assert result.code == 1
    assert result.err.strip() == f"error: could not fetch {base}/missing: HTTP 404"
    assert not sources.exists()
