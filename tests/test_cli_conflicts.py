"""`claimledger conflicts`: listed, as JSON, confirmed and dismissed from the shell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import Cli, cell_text

ONE = (
    "---\noutlet: WBUR\npublished: 2010-08-05\n---\nDeportations in Boston\n\n"
    "Between October 2008 and June 2010, 102 people were deported from Boston, officials said.\n"
)
TWO = (
    "---\noutlet: ACLU\npublished: 2010-08-09\n---\nA second look\n\n"
    "In that period, 340 people were deported from Boston, according to the advocates.\n"
)


@pytest.fixture
def desk(cli: Cli, tmp_path: Path) -> str:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.md").write_text(ONE, encoding="utf-8")
    (folder / "two.md").write_text(TWO, encoding="utf-8")
    db = str(tmp_path / "desk.db")
    assert cli("--db", db, "--user", "ann", "ingest", str(folder)).code == 0
    return db


def test_conflicts_json_gives_both_claims_figures_periods_and_why(cli: Cli, desk: str) -> None:
    result = cli("--db", desk, "conflicts", "--json")
    assert result.code == 0, result.err
    [pair] = json.loads(result.out)
    assert pair["status"] == "suggested"
    sides = {
        pair["claim"]["quantity"]["text"]: pair["claim"],
        pair["other"]["quantity"]["text"]: pair["other"],
    }
    assert set(sides) == {"102 people", "340 people"}
    assert sides["102 people"]["period"] == {"start": "2008-10-01", "end": "2010-06-30"}
    assert sides["340 people"]["period"] is None
    assert sides["102 people"]["quantity"]["value"] == 102
    assert "cannot both be true" in pair["reason"]


@pytest.mark.parametrize("columns", ["80", "200"])
def test_conflicts_table_shows_both_quotes(
    cli: Cli, desk: str, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    result = cli("--db", desk, "conflicts")
    assert result.code == 0
    assert "1 conflict(s)" in result.out
    words = result.out.split()
    assert "340" in words and "102" in words
    assert all(len(line) <= int(columns) for line in result.out.splitlines())


def test_confirm_records_history_on_both_claims(cli: Cli, desk: str) -> None:
    [pair] = json.loads(cli("--db", desk, "conflicts", "--json").out)
    done = cli(
        "--db", desk, "--user", "bo", "conflicts", "confirm", str(pair["id"]), "--note", "asked ICE"
    )
    assert done.code == 0, done.err
    assert f"conflict {pair['id']}: confirmed" in done.out
    for cid in (pair["claim"]["id"], pair["other"]["id"]):
        history = json.loads(cli("--db", desk, "history", str(cid), "--json").out)
        assert history[-1]["action"] == "conflict" and history[-1]["user"] == "bo"
        assert history[-1]["note"] == "asked ICE"


def test_dismissed_conflicts_leave_the_list(cli: Cli, desk: str) -> None:
    [pair] = json.loads(cli("--db", desk, "conflicts", "--json").out)
    assert cli("--db", desk, "conflicts", "dismiss", str(pair["id"])).code == 0
    assert json.loads(cli("--db", desk, "conflicts", "--json").out) == []
    dismissed = json.loads(cli("--db", desk, "conflicts", "--status", "dismissed", "--json").out)
    assert [d["id"] for d in dismissed] == [pair["id"]]


def test_mistakes_are_one_line(cli: Cli, desk: str) -> None:
    missing = cli("--db", desk, "conflicts", "confirm", "999")
    assert missing.code == 1 and missing.err.strip() == "error: no conflict with id 999"
    wrong = cli("--db", desk, "conflicts", "--status", "maybe")
    assert wrong.code == 1 and "unknown conflict status 'maybe'" in wrong.err
    assert len(wrong.err.strip().splitlines()) == 1


@pytest.mark.parametrize("columns", ["80", "160"])
def test_show_lists_the_claims_conflicts_until_dismissed(
    cli: Cli, desk: str, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    shown = cli("--db", desk, "show", "1")
    assert shown.code == 0, shown.err
    flat = cell_text(shown.out)
    assert "conflicting figures" in flat
    assert "#2 (ACLU, new, suggested): “340 people” = 340 there, “102 people” = 102 here" in flat
    assert "cannot both be true" in flat
    assert all(len(line) <= int(columns) for line in shown.out.splitlines())
    [pair] = json.loads(cli("--db", desk, "show", "2", "--json").out)["conflicts"]
    assert {pair["claim"]["id"], pair["other"]["id"]} == {1, 2}
    assert cli("--db", desk, "conflicts", "dismiss", str(pair["id"])).code == 0
    after = cli("--db", desk, "show", "1").out
    assert "conflicting figures" not in after and "340" not in after


def test_the_claims_listing_flags_conflicts(
    cli: Cli, desk: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    listed = cell_text(cli("--db", desk, "claims").out)
    assert "! 1 conflicting figure(s): claimledger show 1" in listed
    assert "! 1 conflicting figure(s): claimledger show 2" in listed
    rows = json.loads(cli("--db", desk, "claims", "--json").out)
    assert [r["conflicts"] for r in rows] == [1, 1]
