"""Line 'Terminal escapes pass through': shown, never obeyed, in the CLI and the TUI; kept in the
ledger and in exports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from claimledger.terminal_text import is_safe, plain, visible
from helpers import Cli
from safety.support import CORPUS
from tui.support import drain

ARTICLE = CORPUS / "escapes.md"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u202c", "\u2066", "\u2069")


def _clean(out: str) -> None:
    """No character that acts on a terminal (the CLI prints no colours when captured)."""
    assert not [c for c in RAW if c in out], [c for c in RAW if c in out]


def test_escapes_and_direction_marks_are_shown_one_for_one() -> None:
    text = "a\x1b]0;title\x07b\x1b[2Jc\u202ed\u2066e\u2069\x9bf\x00g\x7fh"
    shown = visible(text)
    assert len(shown) == len(text)  # offsets into the text still fit
    assert shown == "a␛]0;title␇b␛[2Jc\ufffdd\ufffde\ufffd\ufffdf␀g␡h"
    assert is_safe(shown) and not is_safe(text)


def test_layout_characters_are_kept() -> None:
    assert visible("one\ttwo\nthree\r\nfour") == "one\ttwo\nthree\r\nfour"
    assert visible("over\rwrite") == "over␍write"  # a lone return rewrites the line


def test_markup_is_text() -> None:
    assert plain("[bold red]x[/] [link=http://e.example]y[/link]").plain == (
        "[bold red]x[/] [link=http://e.example]y[/link]"
    )


@pytest.fixture
def ledger_with_escapes(cli: Cli, tmp_path: Path) -> Path:
    db = tmp_path / "l.db"
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(ARTICLE, folder / "escapes.md")
    # the same claims in a second article, so `matches` has something to show, one figure
    # changed, so `conflicts` does too
    again = ARTICLE.read_text(encoding="utf-8").replace("Council cuts", "Council trims")
    (folder / "again.md").write_text(again.replace("30 percent", "60 percent"), encoding="utf-8")
    assert cli("--db", str(db), "ingest", str(folder)).code == 0
    url = "http://x.example/\u202eevil\x1b]0;t\x07"  # a URL is shown safely too
    assert (
        cli("--db", str(db), "evidence", "add", "1", url, "--stance", "context", "--no-fetch").code
        == 0
    )
    note = "see \x1b]0;owned\x07 the \u202etable [bold]now[/]"
    assert cli("--db", str(db), "review", "1", "--note", note).code == 0
    added = cli(
        "--db",
        str(db),
        "evidence",
        "add",
        "1",
        "https://data.example/t",
        "--stance",
        "supports",
        "--note",
        note,
        "--no-fetch",
    )
    assert added.code == 0, added.err
    return db


@pytest.mark.parametrize(
    "command",
    [
        ["show", "1"],
        ["claims"],
        ["claims", "--search", "Ridership"],
        ["history", "1"],
        ["evidence", "list", "1"],
        ["matches"],
        ["conflicts"],
        ["conflicts", "--claim", "1"],
        ["verdicts", "1"],
        ["claims", "--order", "demand"],
        ["claims", "--state", "new", "--queue"],
        ["report"],
        ["exports"],
    ],
)
def test_no_command_prints_an_escape(
    cli: Cli, ledger_with_escapes: Path, command: list[str]
) -> None:
    result = cli("--db", str(ledger_with_escapes), *command)
    assert result.code == 0, result.err
    _clean(result.out + result.err)
    assert "␛" in result.out or command[0] in {
        "matches",
        "evidence",
        "claims",
        "exports",
        "verdicts",
    }


def test_a_verdict_elsewhere_is_shown_not_obeyed(cli: Cli, ledger_with_escapes: Path) -> None:
    db = str(ledger_with_escapes)
    decided = cli(
        "--db", db, "review", "4", "--evidence-status", "supported", "--state", "reviewed"
    )
    assert decided.code == 0, decided.err
    result = cli("--db", db, "verdicts", "2")
    assert result.code == 0, result.err
    _clean(result.out + result.err)
    assert "Evil Gazette␛]0;owned␇" in result.out and "take it" in result.out
    shown = cli("--db", db, "show", "2")  # the same verdict, beside the claim
    assert shown.code == 0, shown.err
    _clean(shown.out + shown.err)
    assert "decided elsewhere" in shown.out and "␛" in shown.out


def test_the_hostile_article_gives_a_conflict_and_a_match(
    cli: Cli, ledger_with_escapes: Path
) -> None:
    """What the listings above are shown: not empty tables."""
    db = str(ledger_with_escapes)
    conflicts = json.loads(cli("--db", db, "conflicts", "--json").out)
    assert any("\x1b]0;pwned" in c["claim"]["quote"] for c in conflicts)
    assert json.loads(cli("--db", db, "matches", "--json").out)


def test_show_prints_markup_as_written(cli: Cli, ledger_with_escapes: Path) -> None:
    out = cli("--db", str(ledger_with_escapes), "show", "1").out
    squeezed = "".join(out.replace("│", "").split())
    assert "[link=http://evil.example]click[/link]" in squeezed  # not a hyperlink
    assert "[bold]now[/]" in squeezed  # the note, not bold


def test_extract_prints_no_escape(cli: Cli) -> None:
    result = cli("extract", str(ARTICLE))
    assert result.code == 0, result.err
    _clean(result.out + result.err)
    assert "[bold red]today[/]" in result.out


def test_the_ledger_and_the_exports_keep_the_original(
    cli: Cli, ledger_with_escapes: Path, tmp_path: Path
) -> None:
    db = str(ledger_with_escapes)
    detail = json.loads(cli("--db", db, "show", "1", "--json").out)
    assert "\x1b]0;pwned\x07" in detail["claim"]["quote"]
    history = json.loads(cli("--db", db, "history", "1", "--json").out)
    assert any(h["note"] and "\x1b]0;owned\x07" in h["note"] for h in history)
    out = tmp_path / "all.json"
    assert cli("--db", db, "export", "--format", "json", "--state", "all", "-o", str(out)).code == 0
    assert "\\u001b]0;pwned\\u0007" in out.read_text(encoding="utf-8")  # JSON's own escape


async def test_the_tui_shows_escapes_not_obeys_them(cli: Cli, ledger_with_escapes: Path) -> None:
    from claimledger.service import Ledger
    from claimledger.tui.app import ClaimLedgerApp
    from claimledger.tui.screens.reader import ReaderScreen
    from claimledger.tui.widgets.article import ArticleArea

    ledger = Ledger.open(ledger_with_escapes, user="tester")
    app = ClaimLedgerApp(ledger, keymap=ledger_with_escapes.parent / "keys.toml")
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            for _ in range(4):
                await pilot.pause(0.1)
                await drain(app)
            panes = [
                str(app.screen.query_one(f"#detail-{part}", Static).content)
                for part in ("meta", "paragraph", "evidence", "history")
            ]
            shown = "\n".join(panes)
            _clean(shown)
            assert "␛]0;pwned␇" in shown and "[link=http://evil.example]" in shown
            screen = app.export_screenshot()
            _clean(screen)
            await pilot.press("enter")
            for _ in range(4):
                await pilot.pause(0.1)
                await drain(app)
            assert isinstance(app.screen, ReaderScreen)
            area = app.screen.query_one(ArticleArea)
            _clean(area.text)
            _clean(app.export_screenshot())
            app.notify("page \x1b]0;t\x07 [bold]x[/]")
            await pilot.pause()
            _clean(app.export_screenshot())
    finally:
        ledger.close()


async def test_the_tuis_notes_beside_a_claim_show_escapes(
    cli: Cli, ledger_with_escapes: Path
) -> None:
    """The conflict and the verdict reached elsewhere, each naming a hostile outlet and quote."""
    from claimledger.service import Ledger
    from claimledger.tui.app import ClaimLedgerApp

    db = str(ledger_with_escapes)
    # the other article's copy of the fares claim is decided: its verdict travels to this one
    decided = cli(
        "--db", db, "review", "4", "--evidence-status", "supported", "--state", "reviewed"
    )
    assert decided.code == 0, decided.err
    ledger = Ledger.open(ledger_with_escapes, user="tester")
    app = ClaimLedgerApp(ledger, keymap=ledger_with_escapes.parent / "keys.toml")
    seen: list[str] = []
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            for _ in range(5):
                for _ in range(3):
                    await pilot.pause(0.1)
                    await drain(app)
                seen.append(app.export_screenshot())
                await pilot.press("down")
    finally:
        ledger.close()
    for screen in seen:
        _clean(screen)
    shown = "\n".join(seen).replace("&#160;", " ")  # the screenshot's spaces
    assert "Conflicting figures" in shown
    assert "Already decided elsewhere" in shown
    assert "Evil Gazette␛]0;owned␇" in shown


@pytest.mark.parametrize(
    "command",
    [
        ["show", "3", "--json"],
        ["claims", "--json"],
        ["conflicts", "--json"],
        ["matches", "--json"],
        ["history", "3", "--json"],
        ["evidence", "list", "1", "--json"],
        ["report", "--json"],
    ],
)
def test_json_is_the_same_data_and_safe_on_a_terminal(
    cli: Cli, ledger_with_escapes: Path, command: list[str]
) -> None:
    """Direction marks and C1 controls are written as \\u escapes: a program reads the
    original text back, a terminal showing the output obeys nothing."""
    result = cli("--db", str(ledger_with_escapes), *command)
    assert result.code == 0, result.err
    _clean(result.out)
    json.loads(result.out)


def test_json_keeps_every_character(cli: Cli, ledger_with_escapes: Path) -> None:
    out = cli("--db", str(ledger_with_escapes), "claims", "--json").out
    quotes = [c["quote"] for c in json.loads(out)]
    assert any("\u2066authority\u2069" in q and "\x9b31m" in q for q in quotes)
    assert "\\u2066authority\\u2069" in out  # escaped in the text, whole in the data


@pytest.mark.parametrize("name", ["evil\x1b]0;owned\x07", "two\nlines", "x" * 201, "\u202eright"])
def test_a_name_that_would_act_on_a_terminal_cannot_sign(
    cli: Cli, ledger_with_escapes: Path, name: str
) -> None:
    db = str(ledger_with_escapes)
    before = cli("--db", db, "history", "1", "--json").out
    result = cli("--db", db, "--user", name, "review", "1", "--note", "signed")
    assert result.code == 1
    assert result.err.startswith("error: a user name") and result.err.count("\n") == 1
    assert cli("--db", db, "history", "1", "--json").out == before
