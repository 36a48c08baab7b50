"""Opening ledgers: new, current, older (upgraded after a backup), newer, and not a ledger at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimledger.db import HEAD_REVISION, SQLITE_WAIT_MS, database_url, open_ledger
from claimledger.errors import LedgerError


def test_new_ledger_is_created_at_the_current_schema(db_path: Path) -> None:
    db_path.parent.mkdir()
    opened = open_ledger(db_path)
    with opened.engine.connect() as conn:
        version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    assert version == HEAD_REVISION
    assert opened.upgraded_from is None


@pytest.mark.sqlite_only("SQLite's own settings")
def test_sqlite_settings_wal_foreign_keys_busy_timeout(engine: sa.Engine) -> None:
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        # SQLite waits briefly itself; the core's bounded retry does the rest
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == SQLITE_WAIT_MS


def test_head_revision_matches_the_migrations_folder() -> None:
    from alembic.script import ScriptDirectory

    from claimledger.db import _alembic_config

    assert ScriptDirectory.from_config(_alembic_config()).get_current_head() == HEAD_REVISION


def test_migrations_produce_the_models_schema(engine: sa.Engine) -> None:
    """Nothing in the models that a migration forgot."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    # the search index is each engine's own machinery (SQLite's FTS5 tables, PostgreSQL's
    # claim_search), made by a migration and not a model
    own = ("claim_fts", "claim_search")
    diff = [
        d
        for d in diff
        if not (d[0] == "remove_table" and d[1].name.startswith(own))
        and not (d[0] == "remove_index" and d[1].table.name.startswith(own))
    ]
    assert diff == []


def _ledger_at_first_schema(path: Path) -> None:
    """A ledger as the first release wrote it, with one claim and a note in it."""
    from alembic import command
    from alembic.config import Config

    from claimledger.db import _alembic_config, make_engine

    cfg: Config = _alembic_config()
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_initial")
        conn.exec_driver_sql(
            "INSERT INTO source (id, path, content_hash, text, ingested_at) "
            "VALUES (1, 'a.txt', 'h', 'The city cut 12 routes.', '2020-01-01 00:00:00')"
        )
        conn.exec_driver_sql(
            'INSERT INTO claim (id, source_id, quote, start, "end", prefix, suffix, type, score, '
            "quantities, fingerprint, origin, review_state, evidence_status, created_at, updated_at) "
            "VALUES (1, 1, 'The city cut 12 routes.', 0, 23, '', '', 'quantity', 0.9, '[]', '', "
            "'extracted', 'new', 'unverified', '2020-01-01 00:00:00', '2020-01-01 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO history (claim_id, at, user, action, note) "
            "VALUES (1, '2020-01-01 00:00:00', 'ann', 'note', 'check the budget papers')"
        )
    engine.dispose()


def test_older_ledger_is_upgraded_after_a_backup_and_keeps_its_data(db_path: Path) -> None:
    db_path.parent.mkdir()
    _ledger_at_first_schema(db_path)
    opened = open_ledger(db_path)
    assert opened.upgraded_from == "0001_initial"
    assert opened.backup is not None and opened.backup.exists()
    with sqlite3.connect(opened.backup) as old:
        assert (
            old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001_initial"
        )
    with opened.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT quote FROM claim").scalar() == "The city cut 12 routes."
        # the new full-text index was filled from the old rows, notes included
        hits = conn.exec_driver_sql(
            "SELECT rowid FROM claim_fts WHERE claim_fts MATCH 'budget'"
        ).all()
        assert hits == [(1,)]


def test_ledger_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    db_path.parent.mkdir()
    open_ledger(db_path).engine.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = db_path.read_bytes()
    with pytest.raises(LedgerError, match="newer claimledger"):
        open_ledger(db_path)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_gives_one_line(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_text("this is not sqlite\n" * 100)
    with pytest.raises(LedgerError, match="cannot open ledger") as info:
        open_ledger(db_path)
    assert "\n" not in str(info.value)


def test_a_database_of_another_program_is_not_taken_for_a_ledger(db_path: Path) -> None:
    db_path.parent.mkdir()
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE claim (x)")
    with pytest.raises(LedgerError, match="not a ledger"):
        open_ledger(db_path)


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="does not exist"):
        open_ledger(tmp_path / "nowhere" / "claims.db")


def test_database_url_accepts_paths_urls_and_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert database_url("x/claims.db") == "sqlite:///x/claims.db"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("CLAIMLEDGER_DB", "env.db")
    assert database_url(None) == "sqlite:///env.db"
    monkeypatch.delenv("CLAIMLEDGER_DB")
    assert database_url(None) == "sqlite:///claims.db"


@pytest.mark.parametrize(
    "given",
    [
        "postgres://ann:s3cret@db.example:5432/ledger",
        "postgresql://ann:s3cret@db.example:5432/ledger",
        "postgresql+psycopg2://ann:s3cret@db.example:5432/ledger",
    ],
)
def test_the_postgres_urls_hosts_hand_out_are_accepted(given: str) -> None:
    assert database_url(given) == "postgresql+psycopg://ann:s3cret@db.example:5432/ledger"


@pytest.mark.parametrize("given", ["mysql://ann:s3cret@db/x", "oracle://ann:s3cret@db/x"])
def test_other_databases_are_refused_without_showing_the_password(given: str) -> None:
    with pytest.raises(LedgerError, match="SQLite or PostgreSQL") as caught:
        database_url(given)
    assert "s3cret" not in str(caught.value)


def test_an_unreachable_server_is_one_line_without_the_password() -> None:
    with pytest.raises(LedgerError, match="cannot open ledger") as caught:
        open_ledger("postgres://ann:s3cret@127.0.0.1:1/ledger")
    message = str(caught.value)
    assert "s3cret" not in message and "\n" not in message


def test_opening_without_create_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match=r"no ledger at .*check --db"):
        open_ledger(tmp_path / "claims.bd", create=False)
    assert not (tmp_path / "claims.bd").exists()
