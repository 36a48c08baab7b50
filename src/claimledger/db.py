"""Opening a ledger: engine, connection settings, and migrations on open.

Nothing happens at import time. `open_ledger` is the one way in: it builds the engine, brings an
older ledger up to the current schema (after a backup copy), and refuses one it cannot read.
"""

from __future__ import annotations

import filecmp
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlmodel import Session

from claimledger.errors import LedgerError

if TYPE_CHECKING:
    from alembic.config import Config

DEFAULT_DB = "claims.db"
# The newest migration; tests check it against the migrations folder.
HEAD_REVISION = "0014_recent_keys"


def database_url(target: str | os.PathLike[str] | None = None) -> str:
    """A path or a SQLAlchemy URL, from the argument, CLAIMLEDGER_DB, or ./claims.db."""
    raw = str(target) if target else os.environ.get("CLAIMLEDGER_DB") or DEFAULT_DB
    if "://" not in raw:
        return f"sqlite:///{Path(raw).expanduser()}"
    try:
        url = make_url(raw)
    except ArgumentError:
        raise LedgerError(f"not a database URL: {_redacted(raw)}") from None
    backend, _, driver = url.drivername.partition("+")
    if backend in {"postgres", "postgresql"}:
        # `postgres://` is what most hosts hand out; psycopg 3 is the driver we ship with
        if backend == "postgres" or driver in {"", "psycopg2"}:
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    if backend == "sqlite":
        return raw
    raise LedgerError(
        f"claimledger keeps its ledger in SQLite or PostgreSQL, not {backend}: {_redacted(raw)}"
    )


def _redacted(raw: str) -> str:
    """A URL as it may be shown: never its password."""
    try:
        return make_url(raw).render_as_string(hide_password=True)
    except ArgumentError:
        head, sep, tail = raw.partition("://")
        return f"{head}{sep}***@{tail.rpartition('@')[2]}" if "@" in tail else raw


WRITE = "claimledger_write"
"""Execution option marking a connection that will write: on SQLite it begins with the write lock."""

WAL_CHECKPOINT_PAGES = 4000
"""Pages of write-ahead log (4 KB each) after which a commit copies them into the ledger file."""

SQLITE_WAIT_MS = 200
"""How long SQLite itself waits for a lock before the core's own bounded retry takes over."""


def _sqlite_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # The driver's own transaction handling begins late and commits before DDL; the core
    # begins every transaction itself (see _sqlite_begin), so a migration is one transaction.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute(f"PRAGMA busy_timeout = {SQLITE_WAIT_MS}")
    cur.execute("PRAGMA synchronous = NORMAL")
    # A checkpoint (every page written back, two fsyncs) per 16 MB of log rather than SQLite's
    # 4 MB: an ingested article dirties a few hundred index pages, mostly the same ones again, so
    # they are written back a quarter as often (ingest's writer waited ~8 ms an article on it).
    cur.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
    cur.close()


WRITER_CACHE_KB = 65_536
"""Page cache of a connection once it has written (SQLite's default is 2 MB): ingest reads and
dirties the same index pages article after article, and with 2 MB it read them again from the
file for each (12% of the writer's CPU on 1,000 articles). Memory is taken only as pages are read."""


def _sqlite_begin(conn: sa.Connection) -> None:
    """A write takes the write lock first (BEGIN IMMEDIATE): the rules it checks cannot go stale."""
    write = conn.get_execution_options().get(WRITE)
    if write and not conn.connection.info.get(WRITE):
        conn.exec_driver_sql(f"PRAGMA cache_size = -{WRITER_CACHE_KB}")
        conn.connection.info[WRITE] = True
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str, *, label: str = "claimledger") -> Engine:
    """An engine with the settings a shared ledger needs (foreign keys, short lock waits)."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    # The pool, sized for the review UI: its page, count, detail and link workers and its write
    # queue each hold a connection while they run (a handful at once), the watcher one of its own
    # outside the pool; a CLI command needs one. Four stay open, eight more come for a burst and
    # close after, and past that a worker waits for one (up to 30 s) instead of opening dozens
    # against a server the whole desk shares (PostgreSQL allows 100 connections by default).
    # Credentials stay in the URL or libpq's own places (PGPASSWORD, ~/.pgpass, PGUSER...): an
    # empty password is never passed, so libpq looks there when the URL has none.
    return sa.create_engine(
        url,
        pool_size=4,
        max_overflow=8,
        pool_timeout=30,
        pool_pre_ping=True,
        connect_args={"application_name": label[:63]},
    )


def write_engine(engine: Engine) -> Engine:
    """The same engine (and pool), for transactions that write."""
    return engine.execution_options(**{WRITE: True})


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


@dataclass(frozen=True)
class OpenedLedger:
    engine: Engine
    url: str
    upgraded_from: str | None = None
    backup: Path | None = None


def open_ledger(
    target: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    label: str = "claimledger",
    wait: float = 30.0,
) -> OpenedLedger:
    """Open (and if needed create or upgrade) the ledger at a path or URL.

    `label` names the connections on PostgreSQL, so a colleague told the ledger is busy sees who.
    While another process holds the ledger's write lock to create or upgrade it, this waits up to
    `wait` seconds, then opens what that process made."""
    url = database_url(target)
    path = sqlite_path(url)
    if path is not None:
        if not path.exists() and not create:
            raise LedgerError(
                f"no ledger at {path} (check --db; `claimledger ingest ARTICLES` starts a new one)"
            )
        if path.exists() and path.is_dir():
            raise LedgerError(f"{path} is a folder, not a ledger file")
        if path.parent and not path.parent.exists():
            raise LedgerError(f"folder {path.parent} does not exist")
    try:
        engine = make_engine(url, label=label)
    except (ImportError, NoSuchModuleError):
        raise LedgerError(
            "PostgreSQL needs its driver: pip install 'claimledger[postgres]'"
        ) from None
    deadline = time.monotonic() + wait
    while True:
        try:
            return _open(engine, url, path)
        except DBAPIError as exc:
            if _locked(exc) and time.monotonic() < deadline:
                time.sleep(OPEN_RETRY_SECONDS)  # another process creates or upgrades it
                continue
            engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise LedgerError(f"cannot open ledger {_safe(url)}: {_scrub(reason, url)}") from None
        except LedgerError:
            engine.dispose()
            raise


OPEN_RETRY_SECONDS = 0.1


def _locked(exc: DBAPIError) -> bool:
    """SQLite's writer lock held by another process (which is creating or upgrading the ledger)."""
    text = str(exc.orig).lower()
    return "database is locked" in text or "database is busy" in text


def _open(engine: Engine, url: str, path: Path | None) -> OpenedLedger:
    current = _current_revision(engine)
    if current is not None and current != HEAD_REVISION:
        _check_known(current)  # a newer ledger is refused before anything is changed
    if path is not None:
        _wal(engine)
    if current == HEAD_REVISION:
        return OpenedLedger(engine, url)
    backup: Path | None = None
    try:
        # The write lock first: another process may be creating or upgrading this ledger. Read
        # under the lock, the version says whether that is still to do, so the backup is taken
        # once, of the ledger as it is before the upgrade, and only by the process that upgrades.
        with write_engine(engine).begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%s)", (UPGRADE_LOCK,))
            current = _version_in(conn)
            if current == HEAD_REVISION:
                return OpenedLedger(engine, url)
            if current is not None:
                _check_known(current)
                if path is not None:
                    backup = _backup(path, current)
            _upgrade(conn)
    except Exception:
        if backup is not None and path is not None:  # the upgrade began and failed
            engine.dispose()
            _restore(backup, path)
        raise
    return OpenedLedger(engine, url, upgraded_from=current, backup=backup)


def _version_in(conn: sa.Connection) -> str | None:
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    found = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    return None if found is None else str(found)


def _wal(engine: Engine) -> None:
    """Readers never wait for a writer (persistent; outside any transaction)."""
    raw = engine.raw_connection()
    try:
        raw.cursor().execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as exc:  # raised as any other statement's (a lock is waited for)
        raise DBAPIError.instance("PRAGMA journal_mode = WAL", None, exc, sqlite3.Error) from exc
    finally:
        raw.close()


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _scrub(reason: str, url: str) -> str:
    """A driver's message, with the password taken out should it quote it."""
    password = make_url(url).password
    return reason.replace(str(password), "***") if password else reason


def _current_revision(engine: Engine) -> str | None:
    inspector = sa.inspect(engine)
    tables = set(inspector.get_table_names())
    if "alembic_version" not in tables:
        if tables & {"claim", "source"}:
            raise LedgerError("this database has claim tables but no schema version: not a ledger")
        return None
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    return cfg


def _check_known(revision: str) -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    try:
        known = script.get_revision(revision)
    except Exception:  # alembic raises several kinds for an unknown id
        known = None
    if known is None:
        raise LedgerError(
            f"this ledger was written by a newer claimledger (schema {revision}); upgrade claimledger"
        )


def _backup(path: Path, revision: str) -> Path:
    """A copy of the ledger before its schema changes: taken of a sound ledger only, and once.

    The copy is SQLite's online backup (consistent, WAL included), written under a temporary
    name and renamed, so a kill never leaves a half copy under a backup's name. A retry after a
    killed upgrade finds the ledger unchanged (the upgrade is one transaction) and keeps the copy
    it already has instead of adding another.
    """
    _remove_stale_partial_backups(path)
    problem = _integrity_problem(path)
    if problem is not None:
        previous = _backups(path, revision)
        hint = f"; the last good copy is {previous[-1]}" if previous else ""
        raise LedgerError(f"not upgrading {path}: SQLite finds it damaged ({problem}){hint}")
    partial = path.with_name(f".{path.name}.bak-{revision}.{os.getpid()}{_PARTIAL}")
    try:
        _online_copy(path, partial)
        previous = _backups(path, revision)
        if previous and filecmp.cmp(partial, previous[-1], shallow=False):
            return previous[-1]
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        backup = path.with_name(f"{path.name}.bak-{revision}-{stamp}")
        n = 1
        while backup.exists():  # never over an earlier copy
            n += 1
            backup = path.with_name(f"{path.name}.bak-{revision}-{stamp}-{n}")
        os.replace(partial, backup)
        return backup
    finally:
        partial.unlink(missing_ok=True)


_PARTIAL = ".partial"


def _backups(path: Path, revision: str) -> list[Path]:
    """The backups of this ledger taken at `revision`, oldest first."""
    prefix = f"{path.name}.bak-{revision}-"
    return sorted(
        (p for p in path.parent.iterdir() if p.name.startswith(prefix)),
        key=lambda p: (p.stat().st_mtime, p.name),
    )


def _remove_stale_partial_backups(path: Path) -> None:
    """What a backup killed mid-copy left: each names its process; only dead ones' are removed."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.bak-.+\.(\d+){re.escape(_PARTIAL)}")
    for candidate in path.parent.iterdir():
        found = pattern.fullmatch(candidate.name)
        if found and not _running(int(found.group(1))):
            candidate.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # no safe liveness check here: leave the file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _integrity_problem(path: Path) -> str | None:
    """SQLite's quick check of the whole file: None when sound, else its first complaint."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    return None if rows == [("ok",)] else str(rows[0][0]).strip().splitlines()[0]


def _online_copy(source: Path, target: Path) -> None:
    """SQLite's online backup of `source` into `target`, in one transaction on `target`."""
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


UPGRADE_LOCK = 0x636C7570
"""PostgreSQL advisory lock key of a schema upgrade (the second upgrader then finds it done);
SQLite's write lock does the same there."""


def _upgrade(conn: sa.Connection) -> None:
    """Alembic's upgrade to the head, in the caller's transaction (which holds the write lock)."""
    from alembic import command

    cfg = _alembic_config()
    cfg.attributes["connection"] = conn
    try:
        command.upgrade(cfg, "head")
    except DBAPIError:
        raise
    except Exception as exc:  # alembic's own errors: report them as one line
        raise LedgerError(f"could not upgrade the ledger: {exc}") from exc


def _restore(backup: Path, path: Path) -> None:
    """Put the pre-upgrade copy back: a failed upgrade must not leave a half-written ledger.

    Copied with SQLite's backup into the ledger itself, one transaction: a kill during the
    restore leaves the ledger as it was before it, never a half-copied file."""
    _online_copy(backup, path)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A writing session (the write lock taken first) that commits on success, else rolls back."""
    with Session(write_engine(engine), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
