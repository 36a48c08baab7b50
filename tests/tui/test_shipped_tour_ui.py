"""The review UI, used on the shipped ledger as the README's UI section describes, leaves it
passing the shipped-ledger checks (on a copy: the repository's claims.db is never touched)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from helpers import Cli
from shipped_checks import assert_built_from_sources, assert_demonstrable, assert_sound, rebuild
from tui.support import MakeApp, settle

ROOT = Path(__file__).resolve().parents[2]
SIZE = (150, 40)


def _changes(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(
            conn.execute("SELECT count(*) FROM history WHERE action <> 'created'").fetchone()[0]
        )


async def test_reviewing_in_the_ui_keeps_the_shipped_ledger_demonstrable(
    cli: Cli, make_app: MakeApp, tmp_path: Path
) -> None:
    copy = tmp_path / "claims.db"
    shutil.copyfile(ROOT / "claims.db", copy)
    before = _changes(copy)
    app = make_app(copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.3)
        await pilot.press("i")  # in review
        await settle(pilot, 0.3)
        await pilot.press("e", "4")  # evidence: contradicted
        await settle(pilot, 0.3)
        await pilot.press("j", "space", "j", "space", "i")  # two marked, both in review
        await settle(pilot, 0.3)
    assert _changes(copy) >= before + 4
    assert_built_from_sources(copy, rebuild(cli, ROOT / "sources", tmp_path / "rebuilt.db"))
    assert_sound(copy, cli)
    assert_demonstrable(copy)
