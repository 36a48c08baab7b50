"""The committed claims.db is what the project's own commands build from sources/ today, and the
README's tour, followed on it, leaves it so (see shipped_checks)."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import Cli
from shipped_checks import assert_built_from_sources, assert_demonstrable, assert_sound, rebuild

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "claims.db"


def test_shipped_ledger_is_current(cli: Cli, tmp_path: Path) -> None:
    assert_built_from_sources(SHIPPED, rebuild(cli, ROOT / "sources", tmp_path / "fresh.db"))


def test_shipped_ledger_is_sound_and_proves_its_record(cli: Cli, tmp_path: Path) -> None:
    copy = tmp_path / "claims.db"
    shutil.copyfile(SHIPPED, copy)  # opening a ledger may write to it (journal mode): not this one
    assert_sound(copy, cli)


def test_shipped_ledger_has_real_evidence_and_nothing_done_by_the_project() -> None:
    assert_demonstrable(SHIPPED)
