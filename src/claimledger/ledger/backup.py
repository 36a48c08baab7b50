"""Backups a desk can trust: a consistent copy while others keep writing, and a restore that keeps
what it replaces.

SQLite: the database's online backup (WAL content included), written beside the target and renamed
into place, so a killed backup never leaves a half file under the name. PostgreSQL: the ledger is
copied into a SQLite file in one REPEATABLE READ snapshot (`db copy` does the same with any target);
`pg_dump` remains the server-side way (see the README).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from claimledger.db import database_url, open_ledger, sqlite_path
from claimledger.errors import InvalidValue, LedgerError


@dataclass(frozen=True)
class BackupReport:
    path: Path
    claims: int
    entries: int
    kept: Path | None = None
    """On restore: where the replaced ledger was kept."""


def backup(engine: Engine, url: str, target: Path, *, replace: bool = False) -> BackupReport:
    """A consistent copy of the ledger at `url` written to the SQLite file `target`."""
    target = target.expanduser()
    if target.exists() and not replace:
        raise InvalidValue(f"{target} exists: choose another name, or --replace it")
    if not target.parent.is_dir():
        raise InvalidValue(f"folder {target.parent} does not exist")
    source = sqlite_path(url)
    if source is not None and source.resolve() == target.resolve():
        raise InvalidValue("the backup cannot be the ledger itself")
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    partial.unlink(missing_ok=True)
    try:
        if source is not None:
            _sqlite_copy(source, partial)
        else:
            _from_server(engine, partial)
        report = _check(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return BackupReport(target, report[0], report[1])


def restore(url: str, backup_file: Path) -> BackupReport:
    """Replace the ledger at `url` with a backup; the ledger it replaces is kept beside it."""
    backup_file = backup_file.expanduser()
    if not backup_file.is_file():
        raise InvalidValue(f"no backup at {backup_file}")
    claims, entries = _check(backup_file)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    path = sqlite_path(url)
    if path is not None:
        kept = None
        if path.exists():
            kept = path.with_name(f"{path.name}.before-restore-{stamp}")
            _sqlite_copy(path, kept)
        _sqlite_copy(backup_file, path)
        return BackupReport(path, claims, entries, kept)
    from claimledger.ledger.copy import copy_ledger

    kept_file = Path(f"ledger-before-restore-{stamp}.db").resolve()
    current = open_ledger(url, create=False)
    try:
        backup(current.engine, url, kept_file)
        src = open_ledger(database_url(str(backup_file)), create=False)
        try:
            copy_ledger(src.engine, current.engine, replace=True)
        finally:
            src.engine.dispose()
    finally:
        current.engine.dispose()
    return BackupReport(backup_file, claims, entries, kept_file)


def _sqlite_copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)  # one step: a consistent snapshot, WAL included
        finally:
            dst.close()
    finally:
        src.close()


def _from_server(engine: Engine, target: Path) -> None:
    from claimledger.ledger.copy import copy_ledger

    dst = open_ledger(database_url(str(target)), create=True)
    try:
        copy_ledger(engine, dst.engine)
    finally:
        dst.engine.dispose()


def _check(path: Path) -> tuple[int, int]:
    """A backup that is a readable ledger: integrity checked, and what it holds."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()
            if not ok or ok[0] != "ok":
                raise LedgerError(f"{path} is damaged: {ok[0] if ok else 'no answer'}")
            claims = con.execute("SELECT count(*) FROM claim").fetchone()[0]
            entries = con.execute("SELECT count(*) FROM history").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise LedgerError(f"{path} is not a claimledger ledger: {exc}") from None
    return int(claims), int(entries)
