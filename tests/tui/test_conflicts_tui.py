"""The desk shows a conflicting figure beside the claim; `!` goes to the other claim or decides."""

from __future__ import annotations

from typing import Any

import pytest

from tui.conftest import FIXED
from tui.support import Db, MakeApp, SnapCompare, current, ledger_screen, settle

OTHER = "The city cut 20 bus routes in March, the mayor said."


@pytest.fixture
def conflicted(db: Db) -> tuple[int, int]:
    """A second article saying 20 routes where the first says 12, and the conflict suggested."""
    from sqlmodel import Session

    from claimledger.models import Claim, ClaimConflict, HistoryEntry, Source

    with Session(db.engine) as s:
        source = Source(
            path="mayor.txt",
            content_hash="h-mayor",
            outlet="Town Crier",
            text=OTHER,
            ingested_at=FIXED,
        )
        s.add(source)
        s.flush()
        claim = Claim(
            source_id=source.id or 0,
            quote=OTHER,
            start=0,
            end=len(OTHER),
            type="quantity",
            score=0.1,  # last in the queue
            quantities=[
                {
                    "text": "20 bus routes",
                    "kind": "count",
                    "value": 20.0,
                    "bound": "exact",
                    "unit": "bus routes",
                }
            ],
            period_start="2021-03-01",
            period_end="2021-03-31",
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
        first = db.id("The city cut 12")
        s.add(
            ClaimConflict(
                claim_id=first,
                other_id=claim.id or 0,
                reason="“12 bus routes” = 12 and “20 bus routes” = 20 cannot both be true",
            )
        )
        s.commit()
        return first, claim.id or 0


async def _note_text(pilot: Any) -> str:
    await settle(pilot)
    note = pilot.app.screen.query_one("#detail-conflicts")
    return str(note.render()) if note.display else ""


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 45)])
async def test_the_conflict_shows_beside_the_claim(
    db: Db, make_app: MakeApp, conflicted: tuple[int, int], size: tuple[int, int]
) -> None:
    first, other = conflicted
    app = make_app(db.path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert current(app).id == first
        text = await _note_text(pilot)
        assert f"#{other}" in text and "“20 bus routes” = 20" in text
        await pilot.press("down")
        assert current(app).id != first
        assert await _note_text(pilot) == ""  # a claim without conflicts shows nothing


async def test_bang_goes_to_the_other_claim(
    db: Db, make_app: MakeApp, conflicted: tuple[int, int]
) -> None:
    first, other = conflicted
    app = make_app(db.path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("exclamation_mark")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot, 0.2)
        assert current(app).id == other
        assert {r.id for r in ledger_screen(app).window.rows} == {first, other}
        assert f"#{first}" in await _note_text(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert current(app).id == first  # back to the queue


async def test_confirming_is_recorded_in_both_histories(
    db: Db, make_app: MakeApp, conflicted: tuple[int, int]
) -> None:
    first, other = conflicted
    app = make_app(db.path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("exclamation_mark")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot, 0.2)
        assert "(confirmed)" in (await _note_text(pilot)).replace(", confirmed", " (confirmed)")
    for mine, theirs in ((first, other), (other, first)):
        action, before, after, _note, user = db.get(mine)["history"][-1]
        assert (action, before, after, user) == (
            "conflict",
            "suggested",
            f"confirmed with claim {theirs}",
            "tester",
        )


async def test_a_conflict_someone_else_decided_meanwhile_is_not_overwritten(
    db: Db, make_app: MakeApp, conflicted: tuple[int, int]
) -> None:
    """The menu was opened on a suggestion; another person dismisses it before the choice: the
    confirm changes nothing and says who decided."""
    from claimledger.service import Ledger

    first, _other = conflicted
    app = make_app(db.path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("exclamation_mark")
        await settle(pilot)
        other_desk = Ledger.open(db.path, user="bob")
        try:
            (pair,) = other_desk.conflicts(claim_id=first)
            other_desk.decide_conflict(pair.id, "dismissed")
        finally:
            other_desk.close()
        await pilot.press("2")  # confirm, as the menu offered
        await settle(pilot, 0.2)
        shown = " ".join(str(n.message) for n in app._notifications)
        assert "was dismissed by bob" in shown and "nothing changed" in shown
    decisions = [h for h in db.get(first)["history"] if h[0] == "conflict"]
    assert [(h[1], h[4]) for h in decisions] == [("suggested", "bob")]


@pytest.mark.sqlite_only("a screen draws the same from either backend; one set of snapshots")
@pytest.mark.parametrize(
    "size", [(80, 24), (120, 36), (160, 45)], ids=["80x24", "120x36", "160x45"]
)
def test_conflict_snapshot(
    snap_compare: SnapCompare,
    db: Db,
    make_app: MakeApp,
    conflicted: tuple[int, int],
    size: tuple[int, int],
) -> None:
    async def steady(pilot: Any) -> None:
        await settle(pilot, 0.15)

    assert snap_compare(make_app(db.path), terminal_size=size, run_before=steady)
