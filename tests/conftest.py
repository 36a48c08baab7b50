"""Shared fixtures: every test gets a fresh ledger file in its own temp folder."""

from __future__ import annotations

import hashlib
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


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the user's ledger, config or name by accident."""
    for var in ("CLAIMLEDGER_DB", "CLAIMLEDGER_USER", "CLAIMLEDGER_SITE_URL", "CLAIMLEDGER_ORG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(autouse=True)
def _loopback_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test servers listen on 127.0.0.1, which a real desk may not fetch (tests/safety
    turns this off to prove the refusal)."""
    monkeypatch.setenv("CLAIMLEDGER_ALLOW_PRIVATE_URLS", "1")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger" / "claims.db"


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    from claimledger.db import open_ledger

    db_path.parent.mkdir(parents=True, exist_ok=True)
    opened = open_ledger(db_path)
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
    """A ledger with one source and three claims, written through the models (no extractor)."""
    from claimledger.db import session_scope
    from claimledger.ledger.anchors import anchor
    from claimledger.ledger.review import record
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


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The server's base URL (database `postgres`), started once per test process."""
    from pgserver import Unavailable, throwaway_postgres

    try:
        with throwaway_postgres() as url:
            yield url
    except Unavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A new, empty database on the test server."""
    from pgserver import fresh_database

    with fresh_database(pg_server) as url:
        yield url
