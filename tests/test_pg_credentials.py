"""Credentials for a desk's server: from the URL, libpq's environment or ~/.pgpass; never shown.

A throwaway server that asks for a password (scram-sha-256), as a shared server would."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL, make_url

from claimledger.errors import LedgerError
from claimledger.service import Ledger
from helpers import Cli

pytestmark = pytest.mark.postgres

PASSWORD = "desk-s3cret-9"


@pytest.fixture(scope="module")
def secure_server(pg_server: str) -> Iterator[str]:
    """A second server, with a password (after pg_server, so a machine without PostgreSQL skips)."""
    from pgserver import throwaway_postgres

    with throwaway_postgres(password=PASSWORD) as url:
        yield url


@pytest.fixture
def ledger_url(secure_server: str) -> Iterator[str]:
    """A fresh database on the password server; its URL without the password."""
    from pgserver import fresh_database

    with_password = make_url(secure_server).set(password=PASSWORD)
    with fresh_database(with_password.render_as_string(hide_password=False)) as url:
        yield _with(url, password=None)


def _with(url: str, password: str | None) -> str:
    """The URL with this password (None: none at all)."""
    u = make_url(url)
    bare = URL.create(u.drivername, u.username, password, u.host, u.port, u.database)
    return bare.render_as_string(hide_password=False)


def test_the_password_in_the_url_opens_the_ledger(ledger_url: str) -> None:
    ledger = Ledger.open(_with(ledger_url, password=PASSWORD), user="ann")
    assert ledger.rows() == []
    ledger.close()


def test_pgpassword_opens_a_url_without_a_password(
    ledger_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    Ledger.open(ledger_url, user="ann").close()


def test_libpq_environment_fills_in_host_port_user_and_password(
    ledger_url: str, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    url = make_url(ledger_url)
    monkeypatch.setenv("PGHOST", str(url.host))
    monkeypatch.setenv("PGPORT", str(url.port))
    monkeypatch.setenv("PGUSER", str(url.username))
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    result = cli("--db", f"postgres:///{url.database}", "claims", "--json")
    assert (result.code, result.out.strip(), result.err) == (0, "[]", "")


def test_pgpass_opens_a_url_without_a_password(ledger_url: str) -> None:
    url = make_url(ledger_url)
    pgpass = Path(os.environ["HOME"]) / ".pgpass"
    pgpass.parent.mkdir(parents=True, exist_ok=True)
    pgpass.write_text(f"{url.host}:{url.port}:*:{url.username}:{PASSWORD}\n")
    pgpass.chmod(0o600)  # libpq ignores a file others can read
    Ledger.open(ledger_url, user="ann").close()


def test_no_password_anywhere_is_one_line(ledger_url: str, cli: Cli) -> None:
    result = cli("--db", ledger_url, "claims")
    assert result.code == 1
    assert result.err.startswith("error: cannot open ledger")
    assert len(result.err.strip().splitlines()) == 1


def test_a_wrong_password_is_one_line_that_does_not_show_it(ledger_url: str, cli: Cli) -> None:
    wrong = "not-the-Desk-pw-42"
    result = cli("--db", _with(ledger_url, password=wrong), "claims")
    assert result.code == 1
    assert result.err.startswith("error: cannot open ledger")
    assert "password authentication failed" in result.err
    assert wrong not in result.err and wrong not in result.out
    assert len(result.err.strip().splitlines()) == 1


def test_the_password_is_never_written_to_the_ledger(
    ledger_url: str, cli: Cli, tmp_path: Path
) -> None:
    import sqlalchemy as sa

    url = _with(ledger_url, password=PASSWORD)
    article = tmp_path / "bus.txt"
    article.write_text("Buses\n\nThe city cut 12 bus routes in March, the authority said.\n")
    assert cli("--db", url, "--user", "ann", "ingest", str(article)).code == 0
    outputs = [cli("--db", url, "--user", "ann", "review", "1", "--note", "called them")]
    outputs += [cli("--db", url, *args) for args in (["history", "1"], ["show", "1", "--json"])]
    assert all(r.code == 0 and PASSWORD not in r.out + r.err for r in outputs)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        tables = conn.execute(
            sa.text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
        for table in list(tables):
            rows = conn.execute(sa.text(f'SELECT t::text FROM "{table}" t')).scalars()
            assert not [r for r in rows if PASSWORD in r], table
        names = conn.execute(sa.text("SELECT application_name FROM pg_stat_activity")).scalars()
        assert not [n for n in names if PASSWORD in (n or "")]
    engine.dispose()


def test_an_unreachable_server_is_one_line(cli: Cli) -> None:
    result = cli("--db", f"postgres://ann:{PASSWORD}@127.0.0.1:1/ledger", "claims")
    assert result.code == 1
    assert result.err.startswith("error: cannot open ledger postgresql+psycopg://ann:***@")
    assert PASSWORD not in result.err and len(result.err.strip().splitlines()) == 1


def test_a_ledger_error_never_carries_the_password(ledger_url: str) -> None:
    with pytest.raises(LedgerError) as caught:
        Ledger.open(_with(ledger_url, password="wrong-" + PASSWORD), user="ann")
    assert PASSWORD not in str(caught.value)
