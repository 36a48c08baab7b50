"""A desk that never waits: another program holding the write lock, a claim changed underneath the
screen, a worker that fails, a change made in another terminal under the same name."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url
from textual.pilot import Pilot
from textual.widgets import Input, Static

from claimledger.service import Ledger
from claimledger.tui.app import ClaimLedgerApp
from claimledger.tui.screens.help import HelpScreen
from claimledger.tui.screens.ledger import LedgerScreen
from tui.support import Db, MakeApp

SIZE = (120, 36)


class WriteLock:
    """Another program's transaction holding the write lock until `release` (or `hold` s): SQLite's
    one write lock; on PostgreSQL every claim (reads still go through, as they do on SQLite)."""

    def __init__(self, target: str, hold: float | None = None) -> None:
        self.conn: sqlite3.Connection | psycopg.Connection[Any]
        if "://" in target:
            url = make_url(target).set(drivername="postgresql")
            self.conn = psycopg.connect(url.render_as_string(hide_password=False))
            self.conn.execute("LOCK TABLE claim IN EXCLUSIVE MODE")
        else:
            self.conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
            self.conn.execute("BEGIN IMMEDIATE")
        self.freed = threading.Event()
        self._go = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(hold,), daemon=True)
        self.thread.start()

    def _run(self, hold: float | None) -> None:
        self._go.wait(hold)
        if isinstance(self.conn, sqlite3.Connection):
            self.conn.execute("COMMIT")
        else:
            self.conn.commit()
        self.conn.close()
        self.freed.set()

    def release(self) -> None:
        self._go.set()
        self.thread.join()


@pytest.fixture
def write_lock(db: Db) -> Iterator[Callable[..., WriteLock]]:
    held: list[WriteLock] = []

    def take(hold: float | None = None) -> WriteLock:
        held.append(WriteLock(db.path, hold))
        return held[-1]

    yield take
    for lock in held:
        lock.release()


def _screen(app: ClaimLedgerApp) -> LedgerScreen:
    screen = app.screen
    assert isinstance(screen, LedgerScreen)
    return screen


async def _until(pilot: Pilot[None], done: Callable[[], bool], seconds: float = 60) -> None:
    """Let the app run until `done()` holds (a bound, not a timing: the test fails past it)."""
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app never got there")


async def _keys_answer_while_the_write_waits(pilot: Pilot[None], app: ClaimLedgerApp) -> None:
    screen = _screen(app)
    first = screen.current
    assert first is not None
    await pilot.press("i")  # start review: its write waits for the lock
    await pilot.pause()
    assert app.pending_writes == 1
    assert "saving 1 change" in str(screen.query_one("#status", Static).content)
    await pilot.press("j")  # the cursor moves
    assert screen.current is not None and screen.current.id != first.id
    await pilot.press("question_mark")  # the help opens
    assert isinstance(app.screen, HelpScreen)
    await pilot.press("escape")
    assert _screen(app) is screen
    assert app.pending_writes == 1  # still waiting


async def test_keys_answer_while_another_program_holds_the_lock(
    db: Db, make_app: MakeApp, write_lock: Callable[..., WriteLock]
) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        lock = write_lock()
        await _keys_answer_while_the_write_waits(pilot, app)
        assert db.get(cid)["state"] == "new"
        lock.release()
        await _until(pilot, lambda: app.pending_writes == 0)
        await db.settle(pilot)
        row = _screen(app).window.rows[0]
        assert (row.id, row.review_state) == (cid, "in_review")
        assert any(f"claim {cid}: in review" in n.message for n in app._notifications)
    assert db.get(cid)["state"] == "in_review"


async def test_a_lock_held_for_ten_seconds_with_the_default_wait(
    db: Db, make_app: MakeApp, write_lock: Callable[..., WriteLock]
) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        lock = write_lock(hold=10.0)  # let go by the other program itself, after 10 s
        await _keys_answer_while_the_write_waits(pilot, app)
        await _until(pilot, lambda: app.pending_writes == 0, seconds=40)
        assert lock.freed.is_set()
        await db.settle(pilot)
    assert db.get(cid)["state"] == "in_review"


async def test_a_lock_held_past_the_wait_is_a_busy_message(
    db: Db,
    make_app: MakeApp,
    write_lock: Callable[..., WriteLock],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_BUSY_WAIT", "0.5")
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        write_lock()  # held until the test ends
        await pilot.press("i")
        await _until(pilot, lambda: app.pending_writes == 0)
        await pilot.pause()
        assert any("the ledger is busy" in n.message for n in app._notifications)
        assert isinstance(app.screen, LedgerScreen)
    assert db.get(cid)["state"] == "new"


async def test_a_claim_changed_underneath_is_refused_and_shown_afresh(
    db: Db, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(LedgerScreen, "_watch", lambda self, ledger: None)  # no live update first
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        screen = _screen(app)
        elsewhere = db.ledger("tester")  # the same person, in another terminal
        elsewhere.apply([cid], "evidence_status", "contradicted")
        assert screen.current is not None and screen.current.evidence_status == "unverified"
        await pilot.press("i")
        await db.settle(pilot)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert any(
            f"claim {cid} changed since you read it" in m
            and "evidence status unverified -> contradicted by tester" in m
            for m in errors
        ), errors
        row = screen.window.rows[0]
        assert (row.id, row.evidence_status, row.review_state) == (cid, "contradicted", "new")
        detail = screen.detail.detail
        assert detail is not None and detail.claim.evidence_status == "contradicted"
    assert db.get(cid)["state"] == "new"


async def test_a_bulk_action_skips_only_the_stale_claim(
    db: Db, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(LedgerScreen, "_watch", lambda self, ledger: None)  # no live updates
    first, second = db.id("12 bus routes"), db.id("Ridership")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        db.ledger("alice").apply([second], "assignee", "alice")
        await pilot.press("space", "space", "d")
        await db.settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("1 claim changed, 1 skipped" in m and "alice" in m for m in messages)
        row = _screen(app).window.rows[1]
        assert (row.id, row.assignee, row.review_state) == (second, "alice", "new")
    assert db.get(first)["state"] == "dismissed"
    assert db.get(second)["state"] == "new"


async def test_a_bad_setting_in_the_link_worker_is_a_message_not_an_exit(
    db: Db, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLAIMLEDGER_OFFLINE")
    monkeypatch.setenv("CLAIMLEDGER_HTTP_TIMEOUT", "abc")
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#ev-url", Input).value = "https://transit.example/routes"
        await pilot.press("ctrl+s")
        await db.settle(pilot, 0.2)
        assert any("CLAIMLEDGER_HTTP_TIMEOUT" in n.message for n in app._notifications)
        assert isinstance(app.screen, LedgerScreen)
        await pilot.press("j")  # still answering
        assert _screen(app).current is not None
    assert app.return_code is None or app.return_code == 0
    assert db.get(cid)["evidence"] == [("https://transit.example/routes", "context", None)]


async def test_an_unexpected_error_in_a_worker_is_a_message_not_an_exit(
    db: Db, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Ledger, *args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        monkeypatch.setattr(Ledger, "apply", broken)
        monkeypatch.setattr(Ledger, "detail", broken)
        await pilot.press("i", "j")
        await db.settle(pilot)
        assert any("RuntimeError: disk on fire" in n.message for n in app._notifications)
        assert "disk on fire" in str(app.screen.query_one("#detail-meta", Static).content)
        assert isinstance(app.screen, LedgerScreen)
    assert db.get(db.id("12 bus routes"))["state"] == "new"


async def test_a_change_in_another_terminal_under_my_name_shows_up(
    db: Db, make_app: MakeApp
) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        screen = _screen(app)
        first = screen.window.rows[0].id
        db.ledger("tester").apply([first], "review_state", "in_review")

        def shown() -> bool:
            row = screen.window.rows[0]
            detail = screen.detail.detail
            return (
                row.review_state == "in_review"
                and detail is not None
                and detail.claim.review_state == "in_review"
            )

        await _until(pilot, shown, seconds=5)  # no key pressed
        assert any("changed by tester" in n.message for n in app._notifications)


async def test_quitting_with_a_change_still_waiting_asks_twice(
    db: Db, make_app: MakeApp, write_lock: Callable[..., WriteLock]
) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        lock = write_lock()
        await pilot.press("i", "q")
        assert any("still waiting for the ledger" in n.message for n in app._notifications)
        assert isinstance(app.screen, LedgerScreen)  # still running
        lock.release()
        await _until(pilot, lambda: app.pending_writes == 0)
        await pilot.press("q")
    assert app.return_code == 0
    assert db.get(cid)["state"] == "in_review"
