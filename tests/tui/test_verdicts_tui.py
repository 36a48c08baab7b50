"""The desk shows the verdict reached on the same claim elsewhere; `t` takes it over."""

from __future__ import annotations

from typing import Any

import pytest

from tui.conftest import FIXED
from tui.support import Db, MakeApp, SnapCompare, current, settle

REPEAT = "The city cut 12 bus routes in March, the transit authority said."


@pytest.fixture
def decided_elsewhere(db: Db) -> tuple[int, int]:
    """The first claim repeated in another article, reviewed and supported there by ann."""
    from sqlmodel import Session

    from claimledger.ledger import reach
    from claimledger.models import Claim, ClaimMatch, HistoryEntry, Source

    with Session(db.engine) as s:
        source = Source(
            path="herald.txt",
            content_hash="h-herald",
            outlet="Herald",
            text=REPEAT,
            ingested_at=FIXED,
        )
        s.add(source)
        s.flush()
        other = Claim(
            source_id=source.id or 0,
            quote=REPEAT,
            start=0,
            end=len(REPEAT),
            type="quantity",
            score=0.1,
            review_state="reviewed",
            evidence_status="supported",
            version=3,
            created_at=FIXED,
            updated_at=FIXED,
        )
        s.add(other)
        s.flush()
        for action, before, after in (
            ("created", None, "new"),
            ("evidence_status", "unverified", "supported"),
            ("review_state", "new", "reviewed"),
        ):
            s.add(
                HistoryEntry(
                    claim_id=other.id or 0,
                    at=FIXED,
                    user="ann",
                    action=action,
                    before=before,
                    after=after,
                )
            )
        first = db.id("The city cut 12")
        s.add(ClaimMatch(claim_id=first, other_id=other.id or 0, similarity=1.0))
        s.flush()
        reach.rebuild(conn=s.connection())  # as the core does when it suggests a match
        s.commit()
        return first, other.id or 0


async def _note(pilot: Any) -> str:
    await settle(pilot)
    note = pilot.app.screen.query_one("#detail-verdicts")
    return str(note.render()) if note.display else ""


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 45)])
async def test_the_earlier_verdict_shows_beside_the_claim(
    db: Db, make_app: MakeApp, decided_elsewhere: tuple[int, int], size: tuple[int, int]
) -> None:
    first, other = decided_elsewhere
    app = make_app(db.path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert current(app).id == first
        text = await _note(pilot)
        assert "Already decided elsewhere" in text
        assert f"#{other}" in text and "reviewed, supported" in text and "by ann" in text


async def test_t_takes_the_verdict_and_the_history_says_from_where(
    db: Db, make_app: MakeApp, decided_elsewhere: tuple[int, int]
) -> None:
    first, other = decided_elsewhere
    app = make_app(db.path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot, 0.2)
    got = db.get(first)
    assert (got["state"], got["evidence_status"]) == ("reviewed", "supported")
    notes = {(h[0], h[3], h[4]) for h in got["history"][-2:]}
    assert notes == {
        ("evidence_status", f"taken from claim {other}", "tester"),
        ("review_state", f"taken from claim {other}", "tester"),
    }


@pytest.mark.sqlite_only("a screen draws the same from either backend; one set of snapshots")
@pytest.mark.parametrize(
    "size", [(80, 24), (120, 36), (160, 45)], ids=["80x24", "120x36", "160x45"]
)
def test_verdict_snapshot(
    snap_compare: SnapCompare,
    db: Db,
    make_app: MakeApp,
    decided_elsewhere: tuple[int, int],
    size: tuple[int, int],
) -> None:
    async def steady(pilot: Any) -> None:
        await settle(pilot, 0.15)

    assert snap_compare(make_app(db.path), terminal_size=size, run_before=steady)
