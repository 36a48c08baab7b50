"""`E` corrects, removes, or acknowledges the changed page of an evidence link, in the history."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input, Select

from tui.conftest import FIXED
from tui.support import Db, MakeApp, SnapCompare, settle

SIZE = (120, 36)
URL = "https://transit.example/routes"
OTHER = "https://transit.example/budget"


def _link(db: Db, cid: int, url: str = URL, note: str | None = "9 routes") -> int:
    record, _change = db.ledger().add_evidence(cid, url, "refutes", note)
    return record.id


def _changed(db: Db, evidence_id: int, *, still: bool = False) -> None:
    """The link's page changed since it was added; `still`: every time shown is a fixed one."""
    from sqlmodel import Session

    from claimledger.models import Evidence

    with Session(db.engine) as s:
        ev = s.get(Evidence, evidence_id)
        assert ev is not None
        ev.link_state = "changed"
        ev.content_hash = "old"
        if still:
            ev.added_at = ev.checked_at = FIXED
            ev.retrieved_at = None
        s.add(ev)
        s.commit()


def _history_at_fixed_times(db: Db, cid: int) -> None:
    """The history is append-only (a trigger): a snapshot that shows it gets a claim whose
    entries were written at a fixed time, so the picture does not change with the clock."""
    with db.engine.begin() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'history'"
        ).fetchall()
        sql = {
            name: str(
                conn.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE name = ?", (name,)
                ).scalar()
            )
            for (name,) in rows
        }
        for name in sql:
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        conn.exec_driver_sql(
            "UPDATE history SET at = ? WHERE claim_id = ?",
            (FIXED.strftime("%Y-%m-%d %H:%M:%S.%f"), cid),
        )
        for text in sql.values():
            conn.exec_driver_sql(text)


def _errors(app: Any) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "error"]


async def test_correct_a_link(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    _link(db, cid)
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        await pilot.press("1")  # correct
        await settle(pilot)
        assert app.screen.query_one("#ev-url", Input).value == URL  # what it says now
        app.screen.query_one("#ev-stance", Select).value = "supports"
        app.screen.query_one("#ev-note", Input).value = "12 routes after all"
        await pilot.press("ctrl+s")
        await settle(pilot)
    held = db.get(cid)
    assert held["evidence"] == [(URL, "supports", "12 routes after all")]
    action, before, after, _note, _user = held["history"][-1]
    assert action == "evidence"
    assert before == f"refutes {URL} (9 routes)"
    assert after == f"supports {URL} (12 routes after all)"


async def test_correct_to_a_link_the_claim_has_is_refused(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    _link(db, cid)
    _link(db, cid, OTHER, None)
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        await pilot.press("2")  # the second link
        await settle(pilot)
        await pilot.press("1")  # correct
        await settle(pilot)
        app.screen.query_one("#ev-url", Input).value = URL
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("already has this link" in e for e in _errors(app))
        assert app.screen.query_one("#ev-url", Input).value == URL  # kept, to fix
    assert sorted(e[0] for e in db.get(cid)["evidence"]) == sorted([URL, OTHER])


async def test_remove_a_link(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    _link(db, cid)
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        await pilot.press("2")  # remove
        await settle(pilot)
        app.screen.query_one(Input).value = "wrong page"
        await pilot.press("enter")
        await settle(pilot)
    held = db.get(cid)
    assert held["evidence"] == []
    assert held["history"][-1][:4] == (
        "evidence",
        f"refutes {URL} (9 routes)",
        "removed",
        "wrong page",
    )


async def test_acknowledge_a_changed_page(db: Db, make_app: MakeApp) -> None:
    from claimledger.service import Ledger

    cid = db.id("12 bus routes")
    ev = _link(db, cid)
    _changed(db, ev)
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        await pilot.press("3")  # acknowledge: offered because the page changed
        await settle(pilot)
        app.screen.query_one(Input).value = "figure still there"
        await pilot.press("enter")
        await settle(pilot)
    assert Ledger.open(db.path).evidence(cid)[0].link_state == "alive"
    assert db.get(cid)["history"][-1][0] == "link_state"
    assert db.get(cid)["history"][-1][3] == "figure still there"


async def test_acknowledge_is_offered_only_for_a_changed_page(db: Db, make_app: MakeApp) -> None:
    from textual.widgets import OptionList

    cid = db.id("12 bus routes")
    _link(db, cid)
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        assert app.screen.query_one(OptionList).option_count == 2


async def test_no_evidence_says_so(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        assert any("no evidence yet" in str(n.message) for n in app._notifications)


async def test_adding_the_same_link_twice_warns(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    ev = _link(db, cid)
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#ev-url", Input).value = URL
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any(f"already has this link as evidence {ev}" in e for e in _errors(app))
        assert app.screen.query_one("#ev-url", Input).value == URL  # the dialog stays
    assert len(db.get(cid)["evidence"]) == 1


@pytest.mark.sqlite_only("a screen draws the same from either backend; one set of snapshots")
@pytest.mark.parametrize(
    "size", [(80, 24), (120, 36), (160, 45)], ids=["80x24", "120x36", "160x45"]
)
@pytest.mark.parametrize("keys", [("E",), ("E", "1")], ids=["choice", "correct"])
def test_fix_evidence_snapshot(
    snap_compare: SnapCompare,
    db: Db,
    make_app: MakeApp,
    size: tuple[int, int],
    keys: tuple[str, ...],
) -> None:
    cid = db.id("12 bus routes")
    ev = _link(db, cid)
    _changed(db, ev, still=True)
    _history_at_fixed_times(db, cid)

    async def steady(pilot: Any) -> None:
        await settle(pilot, 0.15)
        for key in keys:
            await pilot.press(key)
            await settle(pilot, 0.15)
        for widget in pilot.app.screen.query("Input"):
            widget.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(db.path), terminal_size=size, run_before=steady)
