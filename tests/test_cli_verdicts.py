"""Verdicts that travel: the same claim decided elsewhere, taken over, and kept up to date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import Cli, cell_text

SENTENCE = "Between October 2008 and June 2010, 102 people were deported from Boston"
ONE = (
    f"---\noutlet: WBUR\npublished: 2010-08-05\n---\nDeportations\n\n{SENTENCE}, officials said.\n"
)
TWO = f"---\noutlet: Globe\npublished: 2010-08-10\n---\nAgain\n\n{SENTENCE}, the Globe found.\n"


@pytest.fixture
def desk(cli: Cli, tmp_path: Path) -> str:
    """Two articles with the same claim; the first reviewed and supported by ann, with a link."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-one.md").write_text(ONE, encoding="utf-8")
    (folder / "b-two.md").write_text(TWO, encoding="utf-8")
    db = str(tmp_path / "desk.db")
    assert cli("--db", db, "ingest", str(folder)).code == 0
    assert (
        cli(
            "--db",
            db,
            "--user",
            "ann",
            "review",
            "1",
            "--evidence-status",
            "supported",
            "--state",
            "reviewed",
        ).code
        == 0
    )
    added = cli(
        "--db",
        db,
        "evidence",
        "add",
        "1",
        "https://example.org/ice",
        "--stance",
        "supports",
        "--no-fetch",
    )
    assert added.code == 0, added.err
    return db


def test_the_earlier_verdict_shows_with_its_evidence_and_who(cli: Cli, desk: str) -> None:
    result = cli("--db", desk, "verdicts", "2", "--json")
    assert result.code == 0, result.err
    [verdict] = json.loads(result.out)
    assert verdict["claim_id"] == 1
    assert (verdict["review_state"], verdict["evidence_status"]) == ("reviewed", "supported")
    assert verdict["decided_by"] == "ann"
    assert [e["url"] for e in verdict["evidence"]] == ["https://example.org/ice"]
    assert verdict["via"].startswith("suggested match")
    shown = cli("--db", desk, "verdicts", "2")
    assert "verdicts 2 --take-from 1" in shown.out


def test_taking_a_verdict_says_where_it_came_from(cli: Cli, desk: str) -> None:
    taken = cli("--db", desk, "--user", "bo", "verdicts", "2", "--take-from", "1")
    assert taken.code == 0, taken.err
    claim = json.loads(cli("--db", desk, "show", "2", "--json").out)["claim"]
    assert (claim["review_state"], claim["evidence_status"]) == ("reviewed", "supported")
    history = json.loads(cli("--db", desk, "history", "2", "--json").out)
    taken_entries = [h for h in history if h["note"] == "taken from claim 1"]
    assert {h["action"] for h in taken_entries} == {"review_state", "evidence_status"}
    assert {h["user"] for h in taken_entries} == {"bo"}


def test_a_change_to_the_original_offers_to_update_the_copies(cli: Cli, desk: str) -> None:
    assert cli("--db", desk, "verdicts", "2", "--take-from", "1").code == 0
    changed = cli("--db", desk, "review", "1", "--evidence-status", "contradicted")
    assert changed.code == 0
    assert "verdicts 1 --update-copies" in changed.err
    updated = cli("--db", desk, "verdicts", "1", "--update-copies")
    assert updated.code == 0 and "updated 1 claim(s) from claim 1: 2" in updated.out
    claim = json.loads(cli("--db", desk, "show", "2", "--json").out)["claim"]
    assert claim["evidence_status"] == "contradicted"
    again = cli("--db", desk, "review", "1", "--note", "checked twice")
    assert "update-copies" not in again.err  # nothing outdated now


def test_a_claim_with_no_verdict_cannot_be_taken(cli: Cli, desk: str) -> None:
    result = cli("--db", desk, "verdicts", "1", "--take-from", "2")
    assert result.code == 1
    assert result.err.strip() == "error: claim 2 has no verdict to take (new, evidence unverified)"
    itself = cli("--db", desk, "verdicts", "1", "--take-from", "1")
    assert itself.code == 1 and "from itself" in itself.err


def test_a_claim_with_nothing_elsewhere_says_so(cli: Cli, desk: str) -> None:
    assert "no verdict on the same claim elsewhere" in cli("--db", desk, "verdicts", "1").out


@pytest.mark.parametrize("columns", ["80", "160"])
def test_show_tells_the_verdict_reached_elsewhere_and_how_to_take_it(
    cli: Cli, desk: str, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    shown = cli("--db", desk, "show", "2")
    assert shown.code == 0, shown.err
    flat = cell_text(shown.out)
    assert "decided elsewhere" in flat
    assert "#1 reviewed, evidence supported" in flat and "ann at" in flat
    assert "supports: https://example.org/ice" in flat
    assert "verdicts 2 --take-from 1" in flat
    assert all(len(line) <= int(columns) for line in shown.out.splitlines())
    # the original shows its undecided copy as the same claim elsewhere
    original = cell_text(cli("--db", desk, "show", "1").out)
    assert "the same claim elsewhere, not yet decided" in original and "#2 (Globe, new" in original
    assert "decided elsewhere (" not in original


def test_once_taken_the_verdict_is_not_offered_again(cli: Cli, desk: str) -> None:
    assert cli("--db", desk, "verdicts", "2", "--take-from", "1").code == 0
    flat = cell_text(cli("--db", desk, "show", "2").out)
    assert "this claim already has this verdict" in flat and "--take-from" not in flat
    listed = cli("--db", desk, "verdicts", "2")
    assert "claim 2 already has this verdict" in listed.out and "--take-from" not in listed.out
    detail = json.loads(cli("--db", desk, "show", "2", "--json").out)
    [verdict] = detail["verdicts_elsewhere"]
    assert (verdict["claim_id"], verdict["decided_by"]) == (1, "ann")


def test_the_claims_listing_flags_a_verdict_waiting_elsewhere(
    cli: Cli, desk: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    listed = cell_text(cli("--db", desk, "claims").out)
    assert "= decided elsewhere: claimledger verdicts 2" in listed
    assert "verdicts 1" not in listed  # the original is the one decided
    rows = json.loads(cli("--db", desk, "claims", "--json").out)
    assert {r["id"]: r["decided_elsewhere"] for r in rows} == {1: False, 2: True}


def test_an_undecided_copy_shows_what_its_evidence_says(cli: Cli, desk: str) -> None:
    """No verdict yet on the other claim, but its checkers' links already say something."""
    assert cli("--db", desk, "review", "1", "--state", "in_review").code == 0
    flat = cell_text(cli("--db", desk, "show", "2").out)
    assert "the same claim elsewhere, not yet decided" in flat
    assert "#1 (WBUR, in_review" in flat and "its evidence: supports" in flat
    [match] = json.loads(cli("--db", desk, "show", "2", "--json").out)["matches"]
    assert match["evidence"] == ["supports"]
