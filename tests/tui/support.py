"""What the TUI tests share: the test's own view of the ledger, the app factory's type, `settle`."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from claimledger.records import ClaimRow
from claimledger.service import Ledger
from claimledger.tui.app import ClaimLedgerApp
from claimledger.tui.screens.ledger import LedgerScreen

SnapCompare = Callable[..., bool]
"""pytest-textual-snapshot's `snap_compare` fixture."""


class MakeApp(Protocol):
    """The `make_app` fixture: the app as the CLI builds it, on a ledger (a path or a URL)."""

    def __call__(self, path: str | Path, keymap: str | None = None) -> ClaimLedgerApp: ...


async def drain(app: App[None]) -> None:
    """Wait for every worker; one cancelled by a newer one of its exclusive group is expected.

    A worker that failed still fails the test.
    """
    for _ in range(50):
        running = [w for w in app.workers if not w.is_finished]
        if not running:
            return
        for worker in running:
            with contextlib.suppress(WorkerCancelled):
                await worker.wait()


async def settle(pilot: Pilot[None], delay: float = 0.07) -> None:
    """Let workers finish, their answers land and the debounced detail load run."""
    for _ in range(3):
        await pilot.pause()
        await drain(pilot.app)
    await pilot.pause(delay)
    await drain(pilot.app)
    await pilot.pause()


class Db:
    """The test's view of the ledger: look claims up and read what they hold, in new sessions."""

    def __init__(self, path: str, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.opened: list[Ledger] = []

    def id(self, fragment: str) -> int:
        from claimledger.models import Claim

        with Session(self.engine) as s:
            found = s.exec(select(Claim.id).where(col(Claim.quote).contains(fragment))).one()
        assert found is not None
        return found

    def get(self, claim: int) -> dict[str, Any]:
        """Fields, history and evidence of a claim, as the ledger holds them now."""
        from claimledger.models import Claim, Evidence, HistoryEntry

        with Session(self.engine) as s:
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
                "version": c.version,
                "history": [(h.action, h.before, h.after, h.note, h.user) for h in history],
                "evidence": [(e.url, e.stance, e.note) for e in evidence],
            }

    def set(self, claim: int, **values: Any) -> None:
        """Set fields behind every door (setting up a test, not a change anyone made)."""
        from claimledger.models import Claim

        with Session(self.engine) as s:
            c = s.get(Claim, claim)
            assert c is not None
            for k, v in values.items():
                setattr(c, k, v)
            s.add(c)
            s.commit()

    def ledger(self, user: str = "tester") -> Ledger:
        """Another door to the same file: another terminal, another process's view."""
        opened = Ledger.open(self.path, user=user)
        self.opened.append(opened)
        return opened

    async def settle(self, pilot: Pilot[None], delay: float = 0.07) -> None:
        await settle(pilot, delay)


def watch_threads(ledger: Ledger, ui: threading.Thread) -> list[str]:
    """Record each transaction the app opens on the UI thread (there must be none)."""
    on_ui: list[str] = []
    tx = ledger.tx

    def guard(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is ui:
                on_ui.append(name)
            return method(*args, **kwargs)

        return wrapped

    tx.read = guard("read", tx.read)  # type: ignore[method-assign]
    tx.write = guard("write", tx.write)  # type: ignore[method-assign]
    return on_ui


def ledger_screen(app: App[None]) -> LedgerScreen:
    """The screen in front, which must be the ledger screen."""
    screen = app.screen
    assert isinstance(screen, LedgerScreen), screen
    return screen


def current(app: App[None]) -> ClaimRow:
    """The claim under the ledger screen's cursor (there must be one)."""
    row = ledger_screen(app).current
    assert row is not None
    return row
