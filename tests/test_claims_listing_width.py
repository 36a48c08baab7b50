"""`claims` shows the quote whole at any terminal width, laid out for the width it has."""

from __future__ import annotations

import pytest

from helpers import Cli

QUOTE_WORDS = ["Ridership", "fell", "30", "percent", "between", "2019", "2021"]


def _listing(cli: Cli, ledger_db: str, monkeypatch: pytest.MonkeyPatch, columns: int) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli("--db", ledger_db, "claims", "--queue")
    assert result.code == 0, result.err
    return result.out


@pytest.mark.parametrize("columns", [80, 100, 200])
def test_every_word_of_the_quote_is_shown(
    cli: Cli, ledger_db: str, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    out = _listing(cli, ledger_db, monkeypatch, columns)
    words = out.split()
    for word in QUOTE_WORDS:
        assert word in words, (columns, word)
    assert all(len(line) <= columns for line in out.splitlines())


@pytest.mark.parametrize("columns", [80, 100])
def test_narrow_terminals_put_the_fields_under_the_quote(
    cli: Cli, ledger_db: str, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    out = _listing(cli, ledger_db, monkeypatch, columns)
    assert "new · unverified · quantity · City Paper · score 0.90" in out
    assert "┃ evidence" not in out


def test_wide_terminals_keep_one_column_per_field(
    cli: Cli, ledger_db: str, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _listing(cli, ledger_db, monkeypatch, 200)
    assert "┃ evidence" in out
    line = next(li for li in out.splitlines() if "Ridership" in li)
    assert "Ridership fell by 30 percent between 2019 and 2021" in line


def test_h_is_help(cli: Cli) -> None:
    for args in (["-h"], ["claims", "-h"]):
        result = cli(*args)
        assert result.code == 0
        assert "Usage" in result.out
