"""Evidence links end to end through the CLI, against the local server."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from helpers import Cli


@pytest.fixture(autouse=True)
def _fast_http(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLAIMLEDGER_HTTP_TIMEOUT", "0.5")
    monkeypatch.setenv("CLAIMLEDGER_CONFIG", str(tmp_path / "no-config.toml"))
    for var in ("CLAIMLEDGER_ARCHIVE_ACCESS_KEY", "CLAIMLEDGER_ARCHIVE_SECRET_KEY"):
        monkeypatch.delenv(var, raising=False)


def test_evidence_add_fetches_and_records_the_page(
    cli: Cli, ledger_db: str, seeded: dict[str, int], base: str
) -> None:
    cid = str(seeded["c0"])
    result = cli(
        "--db",
        ledger_db,
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
    [ev] = json.loads(cli("--db", ledger_db, "evidence", "list", cid, "--json").out)
    assert (ev["link_state"], ev["http_status"], ev["title"]) == ("alive", 200, "A page")
    assert ev["added_by"] == "rev"


def test_a_broken_link_is_recorded_as_dead_not_lost(
    cli: Cli, ledger_db: str, seeded: dict[str, int], base: str
) -> None:
    cid = str(seeded["c0"])
    result = cli(
        "--db", ledger_db, "evidence", "add", cid, f"{base}/missing", "--stance", "refutes"
    )
    assert result.code == 0
    assert "HTTP 404 (recorded, marked dead)" in result.err
    [ev] = json.loads(cli("--db", ledger_db, "evidence", "list", cid, "--json").out)
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
    cli: Cli, ledger_db: str, seeded: dict[str, int], url: str, message: str
) -> None:
    cid = str(seeded["c0"])
    result = cli("--db", ledger_db, "evidence", "add", cid, url)
    assert result.code == 1 and message in result.err and len(result.err.strip().splitlines()) == 1
    assert json.loads(cli("--db", ledger_db, "evidence", "list", cid, "--json").out) == []


def test_links_check_reports_every_state(
    cli: Cli, ledger_db: str, seeded: dict[str, int], base: str
) -> None:
    cid = str(seeded["c1"])
    changing = f"{base}/changing/{uuid.uuid4().hex}"
    for url in (f"{base}/page", changing, f"{base}/elsewhere"):
        assert cli("--db", ledger_db, "evidence", "add", cid, url).code == 0
    cli("--db", ledger_db, "evidence", "add", cid, f"{base}/missing", "--no-fetch")
    result = cli("--db", ledger_db, "links", "check", "--json")
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
    history = json.loads(cli("--db", ledger_db, "history", cid, "--json").out)
    assert any(h["action"] == "link_state" and h["after"].startswith("changed") for h in history)


def test_factchecks_lists_published_checks_of_a_claim(
    cli: Cli, ledger_db: str, seeded: dict[str, int], base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_FACTCHECK_ENDPOINT", f"{base}/factchecks")
    monkeypatch.setenv("CLAIMLEDGER_FACTCHECK_KEY", "k")
    result = cli("--db", ledger_db, "factchecks", str(seeded["c0"]), "--json", "--max", "30")
    assert result.code == 0, result.err
    found = json.loads(result.out)
    assert len(found) == 25  # both pages of the service's answer
    assert found[0]["rating"] == "False" and found[0]["url"] == "https://checker.example/0"
    assert "checker.example/0" in cli("--db", ledger_db, "factchecks", str(seeded["c0"])).out


def test_factchecks_without_a_key_says_so_in_one_line(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    result = cli("--db", ledger_db, "factchecks", str(seeded["c0"]))
    assert result.code == 1
    assert (
        result.err.strip() == "error: fact-check search not configured (CLAIMLEDGER_FACTCHECK_KEY)"
    )


def test_fact_check_query_keeps_whole_words_and_drops_quote_marks() -> None:
    from claimledger.links import fact_check_query

    assert (
        fact_check_query("“102 people were deported,” he said.")
        == "102 people were deported, he said."
    )
    long = "word " * 100
    assert fact_check_query(long, limit=22) == "word word word word"


def test_links_check_of_an_unknown_claim_is_a_mistake(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    result = cli("--db", ledger_db, "links", "check", "--claim", "99999")
    assert result.code == 1
    assert result.err.strip() == "error: no claim with id 99999"


def test_a_bad_link_setting_is_one_line_and_adds_nothing(
    cli: Cli, ledger_db: str, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_HTTP_TIMEOUT", "abc")
    cid = str(seeded["c0"])
    result = cli("--db", ledger_db, "evidence", "add", cid, "https://example.org/report")
    assert result.code == 1
    assert result.err.strip() == "error: CLAIMLEDGER_HTTP_TIMEOUT must be a number, not 'abc'"
    assert "evidence" not in cli("--db", ledger_db, "history", cid).out
