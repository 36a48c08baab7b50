"""TUI fixtures: a fresh ledger file per test, filled through the models (no extractor), and an app factory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

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
def ledger(tmp_path: Path) -> Iterator[Engine]:
    """A ledger with one article and four claims, timestamps fixed so snapshots hold still."""
    from claimledger.db import open_ledger, session_scope
    from claimledger.ledger.anchors import anchor
    from claimledger.models import Claim, HistoryEntry, Source

    opened = open_ledger(tmp_path / "tui.db")
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
    yield opened.engine
    opened.engine.dispose()


def claim_id(engine: Engine, fragment: str) -> int:
    from claimledger.models import Claim

    with Session(engine) as s:
        found = s.exec(select(Claim.id).where(col(Claim.quote).contains(fragment))).one()
    assert found is not None
    return found


def fetch(engine: Engine, claim: int) -> dict[str, Any]:
    """What the ledger holds for a claim, read in a new session: fields, history, evidence."""
    from claimledger.models import Claim, Evidence, HistoryEntry

    with Session(engine) as s:
        c = s.get(Claim, claim)
        assert c is not None
        history = s.exec(
            select(HistoryEntry)
            .where(HistoryEntry.claim_id == claim)
            .order_by(col(HistoryEntry.id))
        ).all()
        evidence = s.exec(select(Evidence).where(Evidence.claim_id == claim)).all()
        return {
            "state": c.review_state,
            "evidence_status": c.evidence_status,
            "assignee": c.assignee,
            "origin": c.origin,
            "type": c.type,
            "history": [(h.action, h.before, h.after, h.note, h.user) for h in history],
            "evidence": [(e.url, e.stance, e.note) for e in evidence],
        }


def set_fields(engine: Engine, claim: int, **values: Any) -> None:
    from claimledger.models import Claim

    with Session(engine) as s:
        c = s.get(Claim, claim)
        assert c is not None
        for k, v in values.items():
            setattr(c, k, v)
        s.add(c)
        s.commit()


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., Any]:
    """The app as the CLI builds it, with a keymap file of the test's own."""
    from claimledger.tui.app import ClaimLedgerApp

    def factory(engine: Engine, keymap: str | None = None) -> ClaimLedgerApp:
        path = tmp_path / "keys.toml"
        if keymap is not None:
            path.write_text(keymap, encoding="utf-8")
        return ClaimLedgerApp(engine=engine, user="tester", keymap=path)

    return factory


async def settle(pilot: Any, delay: float = 0.07) -> None:
    """Let workers finish and the debounced detail load land."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(delay)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


class Ledger:
    """The test's view of the ledger: look claims up and read what they hold, in new sessions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def id(self, fragment: str) -> int:
        return claim_id(self.engine, fragment)

    def get(self, claim: int) -> dict[str, Any]:
        return fetch(self.engine, claim)

    def set(self, claim: int, **values: Any) -> None:
        set_fields(self.engine, claim, **values)

    async def settle(self, pilot: Any, delay: float = 0.07) -> None:
        await settle(pilot, delay)


@pytest.fixture
def db(ledger: Engine) -> Ledger:
    return Ledger(ledger)


@pytest.fixture
def article() -> str:
    """The seeded article's text, for tests that select or record spans in it."""
    return ARTICLE


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Evidence added in these tests points at made-up hosts: never try to fetch them."""
    monkeypatch.setenv("CLAIMLEDGER_OFFLINE", "1")
