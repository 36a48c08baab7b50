"""Reader mode: the whole article with its claims; record a selection as a claim, reject a claim."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets.text_area import Selection

from claimledger.tui.screens.ledger import LedgerScreen
from claimledger.tui.screens.reader import ReaderScreen
from claimledger.tui.widgets.article import ArticleArea
from tui.support import Db, MakeApp, ledger_screen

SIZE = (120, 36)


async def _open_reader(pilot: Pilot[None], db: Db) -> ArticleArea:
    await db.settle(pilot)
    await pilot.press("enter")
    await db.settle(pilot)  # the article and its claims are read in workers
    assert isinstance(pilot.app.screen, ReaderScreen)
    return pilot.app.screen.query_one(ArticleArea)


def _select(area: ArticleArea, start: int, end: int) -> None:
    doc = area.doc
    area.selection = Selection(doc.get_location_from_index(start), doc.get_location_from_index(end))


async def test_reader_highlights_every_claim(db: Db, article: str, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        area = await _open_reader(pilot, db)
        assert len(area.spans) == 4
        assert area.text == article


async def test_record_a_selection_as_a_manual_claim(
    db: Db, article: str, make_app: MakeApp
) -> None:
    phrase = "Fares rose twice in that time."
    start = article.index(phrase)
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        area = await _open_reader(pilot, db)
        _select(area, start, start + len(phrase))
        await pilot.press("r", "1")  # quantity
        await db.settle(pilot)
        assert len(area.spans) == 5
        await pilot.press("escape")
        await db.settle(pilot)
        assert isinstance(app.screen, LedgerScreen)
    cid = db.id("Fares rose twice")
    held = db.get(cid)
    assert held["origin"] == "manual"
    assert held["type"] == "quantity"
    assert held["history"] == [("created", None, "new", "recorded by hand", "tester")]


async def test_recording_nothing_selected_warns(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_reader(pilot, db)
        await pilot.press("r")
        assert any("Select" in n.message for n in app._notifications)


async def test_recording_the_same_span_twice_is_refused(
    db: Db, article: str, make_app: MakeApp
) -> None:
    quote = "Residents say the buses are worse than ever."
    start = article.index(quote)
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        area = await _open_reader(pilot, db)
        _select(area, start, start + len(quote))
        await pilot.press("r", "6")
        await db.settle(pilot)
        assert any("already claim" in n.message for n in app._notifications)


async def test_reject_the_claim_under_the_cursor(db: Db, article: str, make_app: MakeApp) -> None:
    cid = db.id("worse than ever")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        area = await _open_reader(pilot, db)
        area.go_to(article.index("Residents say") + 3)
        await pilot.press("x")
        await db.settle(pilot)
    held = db.get(cid)
    assert held["state"] == "dismissed"
    assert held["history"][-1] == ("review_state", "new", "dismissed", "not a claim", "tester")


async def test_brackets_move_between_claims(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        area = await _open_reader(pilot, db)
        first = area.cursor_index
        await pilot.press("right_square_bracket")
        assert area.cursor_index > first
        await pilot.press("left_square_bracket")
        assert area.cursor_index == first


async def test_undo_after_the_reader_removes_the_recorded_claim(
    db: Db, article: str, make_app: MakeApp
) -> None:
    phrase = "Fares rose twice in that time."
    start = article.index(phrase)
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        area = await _open_reader(pilot, db)
        _select(area, start, start + len(phrase))
        await pilot.press("r", "6", "escape")
        await db.settle(pilot)
        await pilot.press("u")
        await db.settle(pilot)
        assert len(ledger_screen(app).window.rows) == 4
