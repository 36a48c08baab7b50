"""Evidence links end to end through the CLI, against the local server."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _fast_http(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLAIMLEDGER_HTTP_TIMEOUT", "0.5")
    monkeypatch.setenv("CLAIMLEDGER_CONFIG", str(tmp_path / "no-config.toml"))
    for var in ("CLAIMLEDGER_ARCHIVE_ACCESS_KEY", "CLAIMLEDGER_ARCHIVE_SECRET_KEY"):
        monkeypatch.delenv(var, raising=False)


def test_evidence_add_fetches_and_records_the_page(cli, db_path: Path, seeded, base: str) -> None:  # type: ignore[no-untyped-def]
    cid = str(seeded["c0"])
    result = cli(
        "--db",
        str(db_path),
        "--user",
        "rev",
        "evidence",
        "add",
        cid,
        f"{base}/page",
        "--stance",
        "supports",
    )
    assert result.code == 0, result.err
    assert "archiving skipped: no archive credentials configured" in result.err
    [ev] = json.loads(cli("--db", str(db_path), "evidence", "list", cid, "--json").out)
    assert (ev["link_state"], ev["http_status"], ev["title"]) == ("alive", 200, "A page")
    assert ev["added_by"] == "rev"


def test_a_broken_link_is_recorded_as_dead_not_lost(cli, db_path: Path, seeded, base: str) -> None:  # type: ignore[no-untyped-def]
    cid = str(seeded["c0"])
    result = cli(
        "--db", str(db_path), "evidence", "add", cid, f"{base}/missing", "--stance", "refutes"
    )
    assert result.code == 0
    assert "HTTP 404 (recorded anyway, marked dead)" in result.err
    [ev] = json.loads(cli("--db", str(db_path), "evidence", "list", cid, "--json").out)
    assert (ev["link_state"], ev["http_status"]) == ("dead", 404)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://files.example/x", "not an http(s) URL"),
        ("not a url", "spaces"),
        ("www.example.org", "no scheme"),
    ],
)
def test_a_bad_url_is_one_line_and_nothing_is_written(
    cli, db_path: Path, seeded, url: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    cid = str(seeded["c0"])
    result = cli("--db", str(db_path), "evidence", "add", cid, url)
    assert result.code == 1 and message in result.err and len(result.err.strip().splitlines()) == 1
    assert json.loads(cli("--db", str(db_path), "evidence", "list", cid, "--json").out) == []


def test_links_check_reports_every_state(cli, db_path: Path, seeded, base: str) -> None:  # type: ignore[no-untyped-def]
    cid = str(seeded["c1"])
    changing = f"{base}/changing/{uuid.uuid4().hex}"
    for url in (f"{base}/page", changing, f"{base}/elsewhere"):
        assert cli("--db", str(db_path), "evidence", "add", cid, url).code == 0
    cli("--db", str(db_path), "evidence", "add", cid, f"{base}/missing", "--no-fetch")
    result = cli("--db", str(db_path), "links", "check", "--json")
    assert result.code == 0, result.err
    rows = {r["url"]: r for r in map(json.loads, result.out.splitlines())}
    assert {u: r["state"] for u, r in rows.items()} == {
        f"{base}/page": "alive",
        changing: "changed",
        f"{base}/elsewhere": "redirected",
        f"{base}/missing": "dead",
    }
    assert rows[f"{base}/missing"]["status"] == 404
    assert all(r["claim_id"] == int(cid) for r in rows.values())
    assert "4 link(s)" in result.err
    history = json.loads(cli("--db", str(db_path), "history", cid, "--json").out)
    assert any(h["action"] == "link_state" and h["after"].startswith("changed") for h in history)
