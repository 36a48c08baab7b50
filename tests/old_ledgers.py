"""Ledgers as earlier claimledgers left them: a ledger written today, taken down to an older schema.

The downgrade runs without SQLite's foreign keys, as a plain copy would: with them on, rebuilding
a parent table (what a batch migration does) cascades into its children.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import sqlalchemy as sa

from claimledger.db import HEAD_REVISION, _alembic_config


def earlier_revisions() -> list[str]:
    """Every schema before the current one, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    revisions = [r.revision for r in script.walk_revisions()]  # newest first
    return [r for r in reversed(revisions) if r != HEAD_REVISION]


def at_revision(ledger: Path, revision: str, target: Path) -> Path:
    """A copy of `ledger` (at the current schema) at the older `revision`."""
    from alembic import command

    with closing(sqlite3.connect(ledger)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)  # WAL included
    engine = sa.create_engine(f"sqlite:///{target}")
    try:
        cfg = _alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        engine.dispose()
    return target
