"""Following the README's tour on the shipped ledger leaves it passing the shipped-ledger checks.

The commands are read from the README itself (the block under "A short tour") and run as written,
in a folder holding a copy of claims.db and sources/ (the repository's own file is never touched),
with no network: a change of the tour is tested as soon as it is written.
"""

from __future__ import annotations

import re
import shlex
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from helpers import Cli
from shipped_checks import assert_built_from_sources, assert_demonstrable, assert_sound, rebuild

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def tour() -> list[list[str]]:
    """The tour's commands, as a shell would split them (comments dropped)."""
    section = README.read_text(encoding="utf-8").split("\n## A short tour\n", 1)[1]
    found = re.search(r"```bash\n(.*?)```", section, re.S)
    assert found, "the README's tour has no bash block"
    commands = [shlex.split(line, comments=True) for line in found.group(1).splitlines()]
    return [c for c in commands if c]


def _is_ui(argv: list[str]) -> bool:
    words = [w for w in argv if not w.startswith("-")]
    return words in ([], ["review"])  # no command, or `review` without a claim id


def _fetches_a_page(argv: list[str]) -> bool:
    """`ingest URL` reads a page off the internet (its tests serve one on loopback)."""
    return "ingest" in argv and any(re.match(r"https?://", w) for w in argv)


NEEDS_THE_NETWORK = ("links", "factchecks")
"""Offline, these say so in one line and exit 1 (and change nothing)."""


def _history(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM history").fetchone()[0])


def test_the_readme_has_a_tour_of_many_commands() -> None:
    commands = tour()
    assert len(commands) >= 10
    assert all(c[0] == "claimledger" for c in commands), commands


def test_following_the_tour_keeps_the_shipped_ledger_demonstrable(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copyfile(ROOT / "claims.db", tmp_path / "claims.db")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    monkeypatch.setenv("CLAIMLEDGER_OFFLINE", "1")
    before = _history(tmp_path / "claims.db")
    ran = 0
    for argv in tour():
        args = argv[1:]
        if _is_ui(args) or _fetches_a_page(args):
            continue
        result = cli(*args)
        ran += 1
        if any(word in args for word in NEEDS_THE_NETWORK):
            assert result.code in (0, 1), (argv, result)
            assert "Traceback" not in result.err
            continue
        assert result.code == 0, (argv, result.out, result.err)
    assert ran >= 10
    toured = tmp_path / "claims.db"
    assert _history(toured) > before  # the tour did change the ledger
    rebuilt = rebuild(cli, tmp_path / "sources", tmp_path / "rebuilt.db")
    assert_built_from_sources(toured, rebuilt)
    assert_sound(toured, cli)
    assert_demonstrable(toured)
