"""The publish dialog: what is recorded (or a suggested statement) shown, saved with its history."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select

from claimledger.vocab import HistoryAction
from tui.support import Db, MakeApp, current

SIZE = (120, 36)


def _verified(db: Db) -> int:
    ledger = db.ledger("ed")
    cid = db.id("Ridership")
    ledger.review(cid, evidence_status="contradicted", state="reviewed")
    ledger.review(cid, state="verified")
    ledger.set_publisher(org_name="Checks", url_template="https://checks.example/{id}")
    return cid


async def _open_on(pilot: Pilot[None], db: Db, cid: int) -> None:
    for _ in range(10):
        if current(pilot.app).id == cid:
            break
        await pilot.press("down")
        await db.settle(pilot)
    await pilot.press("P")
    await db.settle(pilot)


async def test_publishing_from_the_dialog_records_each_field(db: Db, make_app: MakeApp) -> None:
    cid = _verified(db)
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("s", "s", "s")  # the verified claims
        await db.settle(pilot)
        await _open_on(pilot, db, cid)
        screen = app.screen
        statement = screen.query_one("#pub-statement", Input)
        assert statement.value == "Ridership fell by 30 percent between 2019 and 2021"
        statement.value = "Ridership fell 30% in two years"
        screen.query_one("#pub-rating", Select).value = "Mostly False"
        assert screen.query_one("#pub-published", Checkbox).value is True
        await pilot.press("ctrl+s")
        await db.settle(pilot, 0.2)
    pub = db.ledger().publication(cid)
    assert pub is not None
    assert (pub.statement, pub.rating, pub.published_by) == (
        "Ridership fell 30% in two years",
        "Mostly False",
        "tester",
    )
    actions = [h.action for h in db.ledger().history(cid)]
    assert actions[-3:] == [
        HistoryAction.CLAIM_STATEMENT,
        HistoryAction.RATING,
        HistoryAction.PUBLISHED,
    ]


async def test_a_refused_publication_reopens_with_what_was_typed(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        cid = current(app).id
        await pilot.press("P")
        await db.settle(pilot)
        app.screen.query_one("#pub-statement", Input).value = "Buses are late"
        await pilot.press("ctrl+s")
        await db.settle(pilot, 0.2)
        assert app.screen.query_one("#pub-statement", Input).value == "Buses are late"
    assert db.ledger().publication(cid) is None
