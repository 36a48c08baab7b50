"""Shared fixtures: every test gets a fresh ledger of its own.

A test that asks for a ledger (`ledger_db`, `engine`, `seeded`, and the TUI's `ledger`) runs twice:
`[sqlite]` on a file in its temp folder and `[postgres]` on a fresh database of a real server (one
server per test process, each database copied from a migrated template). A test that is about
SQLite itself (its file, its locks, its journal) says so with `@pytest.mark.sqlite_only(reason)`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from helpers import Cli, Result

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"


ISOLATED = ("CLAIMLEDGER_DB", "CLAIMLEDGER_USER", "CLAIMLEDGER_SITE_URL", "CLAIMLEDGER_ORG")
LIBPQ = ("PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGPASSWORD", "PGPASSFILE", "PGDATABASE")
LIBPQ_MORE = ("PGSERVICE", "PGSERVICEFILE", "PGSSLMODE", "PGOPTIONS", "PGAPPNAME")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the user's ledger, config, name or database credentials by accident."""
    for var in (*ISOLATED, *LIBPQ, *LIBPQ_MORE):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(autouse=True)
def _loopback_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test servers listen on 127.0.0.1, which a real desk may not fetch (tests/safety
    turns this off to prove the refusal)."""
    monkeypatch.setenv("CLAIMLEDGER_ALLOW_PRIVATE_URLS", "1")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): about SQLite itself; its ledger tests run on SQLite only"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that asks for a ledger runs on each backend, unless it is about SQLite itself."""
    if "backend" not in metafunc.fixturenames:
        return
    only = metafunc.definition.get_closest_marker("sqlite_only")
    if only is not None:
        if not (only.args or only.kwargs.get("reason")):
            raise pytest.UsageError(f"{metafunc.definition.nodeid}: sqlite_only needs a reason")
        return  # the `backend` fixture: SQLite, and the test keeps its id
    metafunc.parametrize(
        "backend",
        [
            pytest.param("sqlite", id="sqlite"),
            pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
        ],
    )


@pytest.fixture
def backend() -> str:
    """SQLite, for the tests marked sqlite_only (the others get each backend in turn)."""
    return "sqlite"


@pytest.fixture
def ledger_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """What `--db` gets: a ledger file's path on SQLite, a fresh database's URL on PostgreSQL
    (already at the current schema: a copy of the template)."""
    if backend == "sqlite":
        path = tmp_path / "ledger" / "claims.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        yield str(path)
        return
    from pgserver import fresh_database

    template: str = request.getfixturevalue("pg_template")
    with fresh_database(request.getfixturevalue("pg_server"), template=template) as url:
        yield url


@pytest.fixture
def db_path(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A SQLite ledger file's path (the file itself is not created)."""
    if "backend" in request.fixturenames and request.getfixturevalue("backend") != "sqlite":
        raise pytest.UsageError(
            f"{request.node.nodeid} uses a ledger file: use ledger_db, or mark it sqlite_only"
        )
    return tmp_path / "ledger" / "claims.db"


@pytest.fixture
def engine(ledger_db: str) -> Iterator[Engine]:
    from claimledger.db import open_ledger

    opened = open_ledger(ledger_db)
    yield opened.engine
    opened.engine.dispose()


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """The shipped articles, copied so a test may change them."""
    dest = tmp_path / "sources"
    shutil.copytree(SOURCES, dest)
    return dest


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Run the real entry point in-process, as a user would from a shell."""
    from claimledger.cli import main

    def run(*args: str) -> Result:
        capsys.readouterr()
        monkeypatch.setattr(sys, "argv", ["claimledger", *args])
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


ARTICLE = (
    "Council cuts bus routes\n\n"
    "The city cut 12 bus routes in March, the transit authority said.\n\n"
    "Ridership fell by 30 percent between 2019 and 2021, according to Mayor Jane Doe.\n\n"
    "Residents say the buses are worse than ever.\n"
)


@pytest.fixture
def seeded(engine: Engine) -> dict[str, int]:
    """A ledger with one source and three claims, written through the models (no extractor) and
    indexed for search as ingest would."""
    from claimledger.db import session_scope
    from claimledger.ledger.anchors import anchor
    from claimledger.ledger.review import record
    from claimledger.ledger.search import index_claims
    from claimledger.models import Claim, Source
    from claimledger.vocab import HistoryAction

    quotes = [
        ("The city cut 12 bus routes in March, the transit authority said.", "quantity", 0.9),
        ("Ridership fell by 30 percent between 2019 and 2021", "quantity", 0.8),
        ("Residents say the buses are worse than ever.", "other", 0.2),
    ]
    ids: dict[str, int] = {}
    with session_scope(engine) as session:
        source = Source(
            path="bus.txt",
            content_hash=hashlib.sha256(ARTICLE.encode()).hexdigest(),
            outlet="City Paper",
            title="Council cuts bus routes",
            published="2021-05-02",
            url="https://news.example/bus",
            text=ARTICLE,
        )
        session.add(source)
        session.flush()
        for n, (quote, kind, score) in enumerate(quotes):
            start = ARTICLE.index(quote)
            a = anchor(ARTICLE, start, start + len(quote))
            claim = Claim(
                source_id=source.id,  # type: ignore[arg-type]
                quote=quote,
                start=a.start,
                end=a.end,
                prefix=a.prefix,
                suffix=a.suffix,
                type=kind,
                score=score,
                speaker="City Paper",
            )
            session.add(claim)
            session.flush()
            claim.version = 0  # its 'created' entry, written by the core, makes it version 1
            record(claim, HistoryAction.CREATED, session=session, user="seed", after="new")
            ids[f"c{n}"] = claim.id  # type: ignore[assignment]
        ids["source"] = source.id  # type: ignore[assignment]
        index_claims([(ids[f"c{n}"], q) for n, (q, _, _) in enumerate(quotes)], session=session)
    return ids


class QuietServer(ThreadingHTTPServer):
    """A client that gave up (a timeout test) is expected: no traceback on another test's stderr."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def quiet_server() -> type[ThreadingHTTPServer]:
    """The loopback HTTP server class the link tests serve their pages with."""
    return QuietServer


# -- a throwaway PostgreSQL server on loopback (see pgserver.py) --------------------------------


REQUIRE_POSTGRES = "CLAIMLEDGER_REQUIRE_POSTGRES"
"""Set (CI sets it): no PostgreSQL server is a failure, not a skip."""


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The server's base URL (database `postgres`), started once per test process.

    Without the server binaries or the driver the PostgreSQL tests skip, saying why, unless
    CLAIMLEDGER_REQUIRE_POSTGRES is set; binaries that fail to start a server fail the tests."""
    from pgserver import Unavailable, throwaway_postgres

    try:
        with throwaway_postgres() as url:
            yield url
    except Unavailable as exc:
        if os.environ.get(REQUIRE_POSTGRES):
            pytest.fail(f"{exc}, and {REQUIRE_POSTGRES} is set", pytrace=False)
        pytest.skip(f"PostgreSQL tests skipped: {exc}")


@pytest.fixture(scope="session")
def pg_template(pg_server: str) -> str:
    """A database at the current schema, copied for each PostgreSQL test (much faster than
    running the migrations every time)."""
    from pgserver import migrated_template

    return migrated_template(pg_server)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A new, empty database on the test server."""
    from pgserver import fresh_database

    with fresh_database(pg_server) as url:
        yield url
