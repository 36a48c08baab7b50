"""TUI fixtures: a fresh ledger per test (on each backend), filled through the models (no
extractor), and an app factory whose app must never open a transaction on the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tui.support import Db, MakeApp, watch_threads

FIXED = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)

ARTICLE = (
    "Council cuts bus routes\n\n"
    "The city cut 12 bus routes in March, the transit authority said.\n\n"
    "Ridership fell by 30 percent between 2019 and 2021, according to Mayor Jane Doe. "
    "Fares rose twice in that time.\n\n"
    "Residents say the buses are worse than ever.\n\n"
    "The council will vote on a new budget of $4 million in June.\n"
)
QUOTES = [
    ("The city cut 12 bus routes in March, the transit authority said.", "quantity", 0.9),
    ("Ridership fell by 30 percent between 2019 and 2021", "quantity", 0.8),
    ("Residents say the buses are worse than ever.", "other", 0.2),
    ("The council will vote on a new budget of $4 million in June.", "prediction", 0.6),
]


# What the finder would have read in the first claim: its numbers and its month.
FACTS: dict[str, Any] = {
    "quantities": [
        {
            "text": "12 bus routes",
            "kind": "count",
            "value": 12.0,
            "bound": "exact",
            "unit": "bus routes",
        }
    ],
    "period_start": "2021-03-01",
    "period_end": "2021-03-31",
}


@pytest.fixture
def ledger(ledger_db: str) -> Iterator[str]:
    """A ledger with one article and four claims, timestamps fixed so snapshots hold still."""
    from claimledger.db import open_ledger, session_scope
    from claimledger.ledger.anchors import anchor
    from claimledger.ledger.search import index_claims
    from claimledger.models import Claim, HistoryEntry, Source

    opened = open_ledger(ledger_db)
    with session_scope(opened.engine) as s:
        source = Source(
            path="bus.txt",
            content_hash="h-bus",
            outlet="City Paper",
            title="Council cuts bus routes",
            published="2021-05-02",
            url="https://news.example/bus",
            text=ARTICLE,
            ingested_at=FIXED,
        )
        s.add(source)
        s.flush()
        for quote, kind, score in QUOTES:
            start = ARTICLE.index(quote)
            a = anchor(ARTICLE, start, start + len(quote))
            claim = Claim(
                source_id=source.id or 0,
                quote=quote,
                start=a.start,
                end=a.end,
                prefix=a.prefix,
                suffix=a.suffix,
                type=kind,
                score=score,
                speaker="Mayor Jane Doe" if "Ridership" in quote else None,
                **(FACTS if quote.startswith("The city cut") else {}),
                created_at=FIXED,
                updated_at=FIXED,
            )
            s.add(claim)
            s.flush()
            s.add(
                HistoryEntry(
                    claim_id=claim.id or 0, at=FIXED, user="seed", action="created", after="new"
                )
            )
            index_claims([(claim.id or 0, quote)], session=s)
    opened.engine.dispose()
    yield ledger_db


@pytest.fixture
def db(ledger: str) -> Iterator[Db]:
    from claimledger.db import open_ledger

    engine = open_ledger(ledger).engine
    found = Db(ledger, engine)
    yield found
    for other in found.opened:
        other.close()
    engine.dispose()


@pytest.fixture
def make_app(tmp_path: Path) -> Iterator[MakeApp]:
    """The app as the CLI builds it, with a keymap file of the test's own.

    Every transaction the app opens is watched: none may run on the UI thread."""
    from claimledger.service import Ledger
    from claimledger.tui.app import ClaimLedgerApp

    made: list[tuple[Ledger, list[str]]] = []

    def factory(path: str | Path, keymap: str | None = None) -> ClaimLedgerApp:
        keys = tmp_path / "keys.toml"
        if keymap is not None:
            keys.write_text(keymap, encoding="utf-8")
        ledger = Ledger.open(path, user="tester")
        made.append((ledger, watch_threads(ledger, threading.current_thread())))
        return ClaimLedgerApp(ledger, keymap=keys)

    yield factory
    for ledger, on_ui in made:
        ledger.close()
        assert on_ui == [], f"the UI thread opened transactions: {on_ui}"


@pytest.fixture
def article() -> str:
    """The seeded article's text, for tests that select or record spans in it."""
    return ARTICLE


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Evidence added in these tests points at made-up hosts: never try to fetch them."""
    monkeypatch.setenv("CLAIMLEDGER_OFFLINE", "1")
