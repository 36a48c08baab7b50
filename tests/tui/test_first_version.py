"""The first version: open on the queue, see the claim in its paragraph, act on it from the keyboard."""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Select, Static

from claimledger.tui.screens.ledger import LedgerScreen
from claimledger.tui.widgets.claim_table import ClaimTable
from tui.support import Db, MakeApp, ledger_screen

SIZE = (120, 36)


def _screen(app: Any) -> LedgerScreen:
    screen = app.screen
    assert isinstance(screen, LedgerScreen)
    return screen


async def test_opens_on_the_queue_most_check_worthy_first(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        rows = app.screen.query_one(ClaimTable).window.rows
        assert [r.score for r in rows] == [0.9, 0.8, 0.6, 0.2]
        counts = ledger_screen(app).counts
        assert counts is not None and counts.left == 4


async def test_detail_shows_the_quote_in_its_paragraph(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        para = str(app.screen.query_one("#detail-paragraph", Static).content)
        assert "The city cut 12 bus routes" in para
        meta = str(app.screen.query_one("#detail-meta", Static).content)
        assert "City Paper" in meta


async def test_moving_down_shows_the_next_claim(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("down")
        await db.settle(pilot)
        assert "Ridership fell" in str(app.screen.query_one("#detail-paragraph", Static).content)


async def test_evidence_status_is_written_with_history(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("e", "2")
        await db.settle(pilot)
    held = db.get(cid)
    assert held["evidence_status"] == "supported"
    assert ("evidence_status", "unverified", "supported", None, "tester") in held["history"]


async def test_review_state_from_the_picker(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("r", "3")  # reviewed
        await db.settle(pilot)
    assert db.get(cid)["state"] == "reviewed"


async def test_picker_escape_changes_nothing(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("r", "escape")
        await db.settle(pilot)
    assert db.get(cid)["history"] == [("created", None, "new", None, "seed")]


async def test_start_review_key(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("i")
        await db.settle(pilot)
    assert db.get(cid)["state"] == "in_review"


async def test_verify_a_reviewed_claim(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    db.set(cid, review_state="reviewed", evidence_status="contradicted")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("s", "s")  # queue -> in review -> reviewed
        await db.settle(pilot)
        await pilot.press("v")
        await db.settle(pilot)
    held = db.get(cid)
    assert held["state"] == "verified"
    assert held["history"][-1][:3] == ("review_state", "reviewed", "verified")


async def test_verify_refused_on_a_new_claim_is_a_notification(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("v")
        await db.settle(pilot)
        messages = [n.message for n in app._notifications]
    assert any("cannot go to verified" in m for m in messages)
    assert db.get(cid)["state"] == "new"


async def test_dismiss(db: Db, make_app: MakeApp) -> None:
    cid = db.id("worse than ever")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("end", "d")
        await db.settle(pilot)
    assert db.get(cid)["state"] == "dismissed"


async def test_note_goes_into_the_history(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one(Input).value = "asked the transit authority"
        await pilot.press("enter")
        await db.settle(pilot)
        history = str(app.screen.query_one("#detail-history", Static).content)
    assert ("note", None, None, "asked the transit authority", "tester") in db.get(cid)["history"]
    assert "asked the transit authority" in history


async def test_empty_note_is_refused(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("c", "enter")
        await db.settle(pilot)
    assert len(db.get(cid)["history"]) == 1


async def test_add_evidence_dialog(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#ev-url", Input).value = "https://transit.example/routes"
        app.screen.query_one("#ev-stance", Select).value = "refutes"
        app.screen.query_one("#ev-note", Input).value = "only 9 routes were cut"
        await pilot.press("ctrl+s")
        await db.settle(pilot)
    held = db.get(cid)
    assert held["evidence"] == [
        ("https://transit.example/routes", "refutes", "only 9 routes were cut")
    ]
    assert held["history"][-1][0] == "evidence"


async def test_bad_evidence_url_is_refused_and_the_dialog_stays(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#ev-url", Input).value = "javascript:alert(1)"
        await pilot.press("ctrl+s")
        await db.settle(pilot)
        assert app.screen.query_one("#ev-url", Input).value == "javascript:alert(1)"
    assert db.get(cid)["evidence"] == []


async def test_assign(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one(Input).value = "ana"
        await pilot.press("enter")
        await db.settle(pilot)
    held = db.get(cid)
    assert held["assignee"] == "ana"
    assert held["history"][-1][:3] == ("assignee", None, "ana")


async def test_state_filter_cycles(db: Db, make_app: MakeApp) -> None:
    cid = db.id("worse than ever")
    db.set(cid, review_state="in_review")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("s")
        await db.settle(pilot)
        rows = app.screen.query_one(ClaimTable).window.rows
        assert [r.id for r in rows] == [cid]
        await pilot.press("escape")
        await db.settle(pilot)
        assert len(app.screen.query_one(ClaimTable).window.rows) == 3


async def test_help_lists_the_keys(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        from claimledger.tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        described = {i for _, _, i in app.screen.keys}
        assert {
            "ledger.verify",
            "ledger.note",
            "ledger.add_evidence",
            "ledger.search",
            "ledger.undo",
        } <= described
        await pilot.press("escape")
        assert isinstance(app.screen, LedgerScreen)


async def test_quit(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


def _add_match(db: Db) -> int:
    """A second article whose claim matches the first claim; returns the other claim's id."""
    from claimledger.db import session_scope
    from claimledger.ledger import reach
    from claimledger.models import Claim, ClaimMatch, Source

    text = "Bus routes: the city cut 12 bus routes in March.\n"
    with session_scope(db.engine) as s:
        other_source = Source(path="other.txt", content_hash="h-other", outlet="Daily", text=text)
        s.add(other_source)
        s.flush()
        other = Claim(source_id=other_source.id or 0, quote=text[12:48], start=12, end=48)
        s.add(other)
        s.flush()
        first = db.id("The city cut 12")
        s.add(ClaimMatch(claim_id=first, other_id=other.id or 0, similarity=0.8))
        s.flush()
        reach.rebuild(conn=s.connection())  # as the core does when it suggests a match
    return other.id or 0


async def test_detail_shows_the_same_claim_elsewhere(db: Db, make_app: MakeApp) -> None:
    _add_match(db)
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        shown = str(app.screen.query_one("#detail-matches", Static).content)
    assert "Same claim elsewhere (1)" in shown
    assert "Daily" in shown and "suggested" in shown
    assert "evidence:" not in shown  # the other claim has no link yet


async def test_the_same_claim_elsewhere_shows_its_evidence(db: Db, make_app: MakeApp) -> None:
    from claimledger.db import session_scope
    from claimledger.models import Evidence

    other = _add_match(db)
    with session_scope(db.engine) as s:
        s.add(
            Evidence(
                claim_id=other, url="https://data.example/bus", stance="refutes", added_by="bo"
            )
        )
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        shown = str(app.screen.query_one("#detail-matches", Static).content)
    assert "Daily" in shown and "evidence: refutes" in shown


async def test_confirm_a_match_writes_both_histories(db: Db, make_app: MakeApp) -> None:
    cid = db.id("The city cut 12")
    other = _add_match(db)
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("equals_sign", "1")  # confirmed
        await db.settle(pilot)
        shown = str(app.screen.query_one("#detail-matches", Static).content)
    assert "confirmed" in shown
    assert db.get(cid)["history"][-1][:3] == ("match", "suggested", f"confirmed with claim {other}")
    assert db.get(other)["history"][-1][0] == "match"


async def test_open_link_opens_the_article(
    db: Db, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(db.path)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    # a machine with a browser (this one may have none: then `w` copies the URL instead)
    monkeypatch.setattr(webbrowser, "get", lambda *a, **k: webbrowser.BackgroundBrowser("true"))
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("w")
    assert opened == ["https://news.example/bus"]


async def test_an_empty_ledger_takes_every_key_without_crashing(
    tmp_path: Path, make_app: MakeApp
) -> None:
    app = make_app(tmp_path / "empty.db")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        await pilot.press(
            "e", "v", "d", "c", "l", "a", "space", "enter", "n", "p", "u", "equals_sign", "w"
        )
        await pilot.pause(0.2)
        assert isinstance(app.screen, LedgerScreen)
        assert "Nothing left" in app.screen.query_one(ClaimTable).empty_text


async def test_the_detail_shows_the_numbers_and_period_the_finder_read(
    db: Db, make_app: MakeApp
) -> None:
    from claimledger.tui.widgets.detail import DetailPane
    from claimledger.tui.widgets.detail_text import metadata_text

    app = make_app(db.path)
    async with app.run_test(size=(120, 36)) as pilot:
        await db.settle(pilot)
        detail = app.screen.query_one(DetailPane).detail
        assert detail is not None
        assert detail.claim.quote.startswith("The city cut 12 bus routes")
        shown = metadata_text(detail, {}).plain
        assert "“12 bus routes” = 12 · period 2021-03-01 to 2021-03-31" in shown
