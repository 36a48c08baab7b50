"""The CLI as a user meets it: help everywhere, one-line errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.cli import app
from helpers import Cli

COMMANDS = ["ingest", "extract", "claims", "show", "history", "review", "export", "evidence"]


def test_every_command_has_help(cli: Cli) -> None:
    import typer.main

    group = typer.main.get_group(app)
    for name in COMMANDS:
        result = cli(name, "--help")
        assert result.code == 0, name
        assert "Usage" in result.out
    assert set(COMMANDS) <= set(group.commands)
    for name, command in group.commands.items():
        assert command.help or command.short_help, f"{name} has no help text"


def test_command_list_reflows_each_docstring() -> None:
    """A docstring's line breaks are the source's, not the terminal's: on a wide terminal each
    command's summary is one line (they used to break mid-sentence, e.g. `show`, `verify`)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1"}
    out = subprocess.run(
        [sys.executable, "-c", "from claimledger.cli import main; main()", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    ).stdout
    show = next(line for line in out.splitlines() if "│ show " in line)
    assert "the published fact-check (page, statement" in show
    rules = next(line for line in out.splitlines() if "│ rules " in line)
    assert rules.rstrip(" │").endswith("the person who marked it reviewed.")


def test_claims_json_has_the_documented_fields(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    result = cli("--db", ledger_db, "claims", "--json")
    assert result.code == 0
    rows = json.loads(result.out)
    assert len(rows) == 3
    assert {"id", "quote", "review_state", "evidence_status", "type", "source", "version"} <= rows[
        0
    ].keys()
    assert rows[0]["source"] == "City Paper"


def test_claims_filters(cli: Cli, ledger_db: str, seeded: dict[str, int]) -> None:
    result = cli("--db", ledger_db, "claims", "--type", "other", "--search", "buses", "--json")
    assert [r["id"] for r in json.loads(result.out)] == [seeded["c2"]]


def test_claims_table_for_people(cli: Cli, ledger_db: str, seeded: dict[str, int]) -> None:
    result = cli("--db", ledger_db, "claims")
    assert result.code == 0
    assert "all claims — 3 claim(s)" in result.out
    assert "Ridership fell" in result.out


def test_review_then_history(cli: Cli, ledger_db: str, seeded: dict[str, int]) -> None:
    cid = str(seeded["c1"])
    result = cli(
        "--db",
        ledger_db,
        "--user",
        "ann",
        "review",
        cid,
        "--state",
        "in_review",
        "--note",
        "calling the agency",
    )
    assert result.code == 0, result.err
    assert f"claim {cid}: in_review" in result.out
    history = json.loads(cli("--db", ledger_db, "history", cid, "--json").out)
    assert [(h["user"], h["action"], h["after"]) for h in history[-2:]] == [
        ("ann", "review_state", "in_review"),
        ("ann", "note", None),
    ]
    assert history[-1]["note"] == "calling the agency"


def test_user_comes_from_the_environment(
    cli: Cli, ledger_db: str, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_USER", "desk-7")
    cli("--db", ledger_db, "review", str(seeded["c0"]), "--note", "x")
    history = json.loads(cli("--db", ledger_db, "history", str(seeded["c0"]), "--json").out)
    assert history[-1]["user"] == "desk-7"


def test_show_puts_the_quote_in_its_paragraph(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    result = cli("--db", ledger_db, "show", str(seeded["c1"]), "--json")
    detail = json.loads(result.out)
    assert "according to Mayor Jane Doe" in detail["paragraph"]["text"]
    human = cli("--db", ledger_db, "show", str(seeded["c1"]))
    assert "Ridership fell by 30 percent" in human.out and "history" in human.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "999"], "no claim with id 999"),
        (["review", "999", "--state", "reviewed"], "no claim with id 999"),
        (["review", "{c0}", "--state", "approved"], "unknown review state 'approved'"),
        (["review", "{c0}", "--evidence-status", "true"], "unknown evidence status 'true'"),
        (["review", "{c0}", "--state", "verified"], "cannot go to verified"),
        (["review", "{c0}"], "nothing to change"),
        (["claims", "--type", "opinion"], "unknown claim type 'opinion'"),
        (["export", "--format", "xml"], "unknown format 'xml'"),
        (["export", "--format", "claimreview"], "publishing set --org"),
        (["ingest", "no/such/file.txt"], "no such file or folder"),
        (["extract", "no/such/file.txt"], "no such file"),
        (["evidence", "import", "missing.json"], "no such file"),
    ],
)
def test_user_mistakes_are_one_line_and_non_zero(
    cli: Cli, ledger_db: str, seeded: dict[str, int], args: list[str], message: str
) -> None:
    args = [a.format(**{k: str(v) for k, v in seeded.items()}) for a in args]
    result = cli("--db", ledger_db, *args)
    assert result.code != 0
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err


def test_a_broken_ledger_file_is_one_line(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("not a database" * 50)
    result = cli("--db", str(bad), "claims")
    assert result.code == 1
    assert result.err.startswith("error: cannot open ledger")


def test_export_writes_a_whole_file(
    cli: Cli, ledger_db: str, seeded: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "all.csv"
    result = cli("--db", ledger_db, "export", "--format", "csv", "--state", "all", "-o", str(out))
    assert result.code == 0
    assert "3 claim(s) written" in result.err
    assert out.read_text().count("\n") == 4
    assert not list(tmp_path.glob(".*partial"))


def test_export_default_is_verified_only(cli: Cli, ledger_db: str, seeded: dict[str, int]) -> None:
    result = cli("--db", ledger_db, "export")
    assert json.loads(result.out) == []
    assert "only verified" in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["matches", "list"], "No such command 'list'"),
        (["claims", "--limit", "abc"], "Invalid value for '--limit'"),
        (["no-such-command"], "No such command"),
    ],
)
def test_usage_mistakes_get_usage_not_a_traceback(
    cli: Cli, db_path: Path, args: list[str], message: str
) -> None:
    result = cli("--db", str(db_path), *args)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err


def test_show_says_how_the_numbers_were_read(cli: Cli, tmp_path: Path, ledger_db: str) -> None:
    article = tmp_path / "fares.txt"
    article.write_text(
        "---\noutlet: City Paper\npublished: '2021-05-02'\n---\n"
        "More than half of the riders paid the full fare in 2020, the transit authority said.\n\n"
        "Fares will rise 10 to 15 percent in the fourth quarter, the authority said.\n",
        encoding="utf-8",
    )
    db = ledger_db
    assert cli("--db", db, "ingest", str(article)).code == 0
    shown = cli("--db", db, "show", "1").out
    assert "“More than half” > 0.5" in shown
    assert "2020-01-01 to 2020-12-31" in shown
    shown = cli("--db", db, "show", "2").out
    assert "“10 to 15 percent” 10 to 15" in shown
    assert "2021-10-01 to 2021-12-31" in shown


def test_extract_prints_each_claim_with_what_was_read_of_it(cli: Cli, tmp_path: Path) -> None:
    article = tmp_path / "storm.txt"
    article.write_text(
        "---\noutlet: Coastal Daily\npublished: '2024-10-09'\n---\n"
        "Gov. Alan Reyes said the National Guard had deployed 1,200 troops to the coast.\n\n"
        "Schools will be closed Thursday and Friday.\n\n"
        "Stay safe, everyone!\n",
        encoding="utf-8",
    )
    result = cli("extract", str(article))
    assert result.code == 0
    flat = " ".join(result.out.replace("│", " ").split())
    assert "Gov. Alan Reyes said the National Guard" in flat
    assert "speaker Alan Reyes" in flat and "“1,200 troops” = 1200" in flat
    assert "period 2024-10-10" in flat
    assert "Stay safe" not in flat


def test_a_mistyped_ledger_path_is_an_error_not_a_new_ledger(cli: Cli, tmp_path: Path) -> None:
    typo = tmp_path / "claims.bd"
    result = cli("--db", str(typo), "claims")
    assert result.code == 1
    assert result.err.startswith(f"error: no ledger at {typo}")
    assert not typo.exists()


def test_claims_json_gives_every_claim_and_says_when_it_was_cut(cli: Cli, tmp_path: Path) -> None:
    import shutil

    ledger = tmp_path / "shipped.db"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "claims.db", ledger)
    everything = cli("--db", str(ledger), "claims", "--json")
    total = len(json.loads(everything.out))
    assert total > 100 and everything.err == ""
    cut = cli("--db", str(ledger), "claims", "--json", "--limit", "100")
    assert len(json.loads(cut.out)) == 100
    assert cut.err.strip() == f"note: 100 of {total} claims shown; --limit 0 for all"


def test_an_articles_genre_is_read_shown_and_stored(
    cli: Cli, tmp_path: Path, ledger_db: str
) -> None:
    article = tmp_path / "oped.md"
    article.write_text(
        "---\ntitle: 'Opinion: The city should restore its bus routes'\noutlet: City Paper\n---\n\n"
        "The city cut 12 bus routes in March, the transit authority said.\n\n"
        "Ridership fell by 30 percent between 2019 and 2021, according to the authority.\n",
        encoding="utf-8",
    )
    shown = cli("extract", str(article))
    assert shown.code == 0 and shown.out.startswith("genre: opinion")
    db = ledger_db
    assert cli("--db", db, "ingest", str(article)).code == 0
    detail = json.loads(cli("--db", db, "show", "1", "--json").out)
    assert detail["source"]["genre"] == "opinion"


@pytest.mark.parametrize("command", [["show"], ["history"], ["review", "--note", "x"]])
def test_an_id_past_any_ledger_is_no_such_claim_on_either_backend(
    cli: Cli, ledger_db: str, seeded: dict[str, int], command: list[str]
) -> None:
    result = cli("--db", ledger_db, command[0], "99999999999", *command[1:])
    assert result.code == 1
    assert result.err.strip() == "error: no claim with id 99999999999"


def test_ctrl_c_inside_the_pools_reset_prints_no_traceback() -> None:
    """Ctrl-C landing in SQLAlchemy's connection reset: the pool logs it; the user sees none of it."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        import logging
        import importlib
        cli = importlib.import_module("claimledger.cli.app")

        def interrupted(**_: object) -> None:
            try:
                raise KeyboardInterrupt
            except KeyboardInterrupt:
                logging.getLogger("sqlalchemy.pool.impl.QueuePool").error(
                    "Exception during reset or similar", exc_info=True
                )
                raise

        cli.app = interrupted
        cli.main()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 130
    assert "Traceback" not in done.stderr and "Exception during reset" not in done.stderr
