"""`o` orders the queue by demand: the claims more articles and outlets carry come first."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Static

from tui.conftest import FIXED
from tui.support import Db, MakeApp, SnapCompare, ledger_screen, settle

SIZE = (120, 36)
LAST = "The council will vote on a new budget of $4 million in June."


@pytest.fixture
def carried(db: Db) -> int:
    """The least check-worthy claim, repeated by two other outlets."""
    from sqlmodel import Session

    from claimledger.ledger import reach
    from claimledger.models import Claim, ClaimMatch, Source

    first = db.id("new budget")
    with Session(db.engine) as s:
        for n, outlet in enumerate(("Herald", "Globe")):
            source = Source(
                path=f"o{n}.txt",
                content_hash=f"h-o{n}",
                outlet=outlet,
                published=f"2021-06-0{n + 1}",
                text=LAST,
                ingested_at=FIXED,
            )
            s.add(source)
            s.flush()
            other = Claim(
                source_id=source.id or 0,
                quote=LAST,
                start=0,
                end=len(LAST),
                score=0.05,
                review_state="dismissed",
                created_at=FIXED,
                updated_at=FIXED,
            )
            s.add(other)
            s.flush()
            s.add(ClaimMatch(claim_id=first, other_id=other.id or 0, similarity=0.9))
        s.flush()
        reach.rebuild(conn=s.connection())  # as the core does when it suggests a match
        s.commit()
    return first


async def test_o_orders_by_demand_and_says_so(db: Db, make_app: MakeApp, carried: int) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = ledger_screen(app)
        assert screen.window.rows[0].id != carried  # by check-worthiness it comes late
        await pilot.press("o")
        await settle(pilot)
        assert screen.view.describe().endswith("by demand: most articles (a) and outlets (o) first")
        assert screen.window.rows[0].id == carried
        table = screen.table
        assert table.render_line(0).text.split()[:3] == ["id", "reach", "state"]
        assert "3a 3o" in table.render_line(1).text
        status = str(app.screen.query_one("#status", Static).content)
        assert "by demand: most articles (a) and outlets (o) first" in status
        await pilot.press("o")  # then oldest first
        await settle(pilot)
        assert screen.view.describe().endswith("oldest first")
        assert "reach" not in table.render_line(0).text


async def test_next_open_in_demand_order(db: Db, make_app: MakeApp, carried: int) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = ledger_screen(app)
        rows = [r.id for r in screen.window.rows]
        await pilot.press("n")
        await settle(pilot)
        assert screen.current is not None and screen.current.id == rows[1]


@pytest.mark.sqlite_only("a screen draws the same from either backend; one set of snapshots")
@pytest.mark.parametrize(
    "size", [(80, 24), (120, 36), (160, 45)], ids=["80x24", "120x36", "160x45"]
)
def test_demand_snapshot(
    snap_compare: SnapCompare, db: Db, make_app: MakeApp, carried: int, size: tuple[int, int]
) -> None:
    async def steady(pilot: Any) -> None:
        await settle(pilot, 0.15)
        await pilot.press("o")
        await settle(pilot, 0.15)

    assert snap_compare(make_app(db.path), terminal_size=size, run_before=steady)
