"""A URL is always printed whole, on one line, however narrow the terminal."""

from __future__ import annotations

import pytest

from helpers import Cli

LONG = "https://evidence.example/reports/2010/secure-communities/boston-deportation-figures-by-month.pdf"


def test_show_prints_every_url_whole_at_80_columns(
    cli: Cli, ledger_db: str, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = str(seeded["c0"])
    assert cli("--db", ledger_db, "evidence", "add", cid, LONG, "--no-fetch").code == 0
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("--db", ledger_db, "show", cid).out
    lines = out.splitlines()
    assert any(line.endswith(LONG) for line in lines)
    assert "article: https://news.example/bus" in lines


def test_factchecks_prints_each_url_whole(
    cli: Cli,
    ledger_db: str,
    seeded: dict[str, int],
    base: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_FACTCHECK_ENDPOINT", f"{base}/factchecks")
    monkeypatch.setenv("CLAIMLEDGER_FACTCHECK_KEY", "k")
    monkeypatch.setenv("COLUMNS", "40")
    out = cli("--db", ledger_db, "factchecks", str(seeded["c0"])).out
    assert "  https://checker.example/0" in out.splitlines()
    assert "…" not in out
