"""Live updates: a change committed elsewhere shows up on its own (the ledger's watcher wakes the
screen: PostgreSQL's LISTEN/NOTIFY, SQLite's change counter), and the app still quits at once."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from tui.support import Db, MakeApp, ledger_screen

SIZE = (120, 36)


async def _until(pilot: Pilot[None], done: Callable[[], bool], seconds: float = 60) -> None:
    """Let the app run until `done()` holds (a bound, not a timing: the test fails past it)."""
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app never got there")


async def test_a_colleagues_change_shows_up_on_its_own(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        screen = ledger_screen(app)
        await _until(pilot, lambda: screen.watching)
        first = screen.window.rows[0].id
        db.ledger("alice").apply([first], "review_state", "in_review")
        await _until(pilot, lambda: screen.window.rows[0].review_state == "in_review")
        await db.settle(pilot)
        assert any("changed by alice" in n.message for n in app._notifications)
        assert screen.last_change_shown is not None
        assert screen.last_change_shown[0].claim_ids == {first}


async def test_only_the_changed_claims_are_read_again(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        screen = ledger_screen(app)
        await _until(pilot, lambda: screen.watching)
        await db.settle(pilot)  # the rows shown before the watcher listened, read again
        asked: list[set[int]] = []
        ledger = app.ledger
        rows_by_id = ledger.rows_by_id

        def spy(ids: object) -> object:
            asked.append(set(ids))  # type: ignore[call-overload]
            return rows_by_id(ids)  # type: ignore[arg-type]

        ledger.rows_by_id = spy  # type: ignore[assignment,method-assign]
        second = screen.window.rows[1].id
        db.ledger("bo").apply([second], "note", "asked the council")
        await _until(pilot, lambda: screen.last_change_shown is not None)
        assert asked == [{second}]


async def test_my_own_change_is_not_news(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        screen = ledger_screen(app)
        await _until(pilot, lambda: screen.watching)
        await pilot.press("i")
        await _until(pilot, lambda: app.pending_writes == 0)
        await db.settle(pilot, 0.5)
        assert screen.last_change_shown is None
        assert not any("changed by" in n.message for n in app._notifications)


async def test_the_app_quits_and_its_watching_thread_ends(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        screen = ledger_screen(app)
        await _until(pilot, lambda: screen.watching)
        thread = screen.watch_thread
        await pilot.press("q")
    assert thread is not None
    thread.join(timeout=30)  # a bound: it ends within one wait of the watcher
    assert not thread.is_alive()
