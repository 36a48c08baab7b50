"""The fact-checker's desk: next/previous open claim, search, bulk marks, undo, keymap, palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from claimledger.tui.app import ClaimLedgerApp
from claimledger.tui.commands import _actions
from claimledger.tui.screens.ledger import LedgerScreen
from claimledger.tui.widgets.claim_table import ClaimTable
from claimledger.tui.widgets.detail import DetailPane
from tui.support import Db, MakeApp, current, ledger_screen

SIZE = (120, 36)


def _rows(app: ClaimLedgerApp) -> list[int]:
    return [r.id for r in app.screen.query_one(ClaimTable).window.rows]


async def _search(pilot: Pilot[None], db: Db, text: str) -> None:
    await pilot.press("slash")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await db.settle(pilot)


async def test_search_finds_words_in_quotes(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await _search(pilot, db, "ridership")
        assert _rows(app) == [db.id("Ridership")]
        assert "search: 'ridership'" in str(app.screen.query_one("#status", Static).content)


async def test_after_a_search_the_keys_move_in_the_results(db: Db, make_app: MakeApp) -> None:
    from claimledger.tui.widgets.claim_table import ClaimTable

    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await _search(pilot, db, "the")
        rows = _rows(app)
        assert len(rows) > 1
        assert isinstance(app.focused, ClaimTable)
        await pilot.press("j")
        await db.settle(pilot)
        assert current(app).id == rows[1]


async def test_search_finds_words_in_notes(db: Db, make_app: MakeApp) -> None:
    from claimledger.db import session_scope
    from claimledger.ledger.review import add_note

    cid = db.id("worse than ever")
    with session_scope(db.engine) as s:
        add_note(cid, "vox pop from the depot", session=s, user="ana")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await _search(pilot, db, "depot")
        assert _rows(app) == [cid]


@pytest.mark.parametrize(
    "text",
    [
        '"',
        'bus"',
        "*",
        "bus*",
        "AND",
        "bus AND",
        "(",
        "routes)",
        ":",
        "quote:",
        "NEAR(bus",
        "^",
        "-",
        "' OR 1=1 --",
        "\\",
    ],
)
async def test_search_with_fts_syntax_never_crashes(db: Db, make_app: MakeApp, text: str) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await _search(pilot, db, text)
        assert isinstance(app.screen, LedgerScreen)
        assert not any(n.severity == "error" for n in app._notifications)


async def test_search_from_the_queue_finds_claims_in_every_state(db: Db, make_app: MakeApp) -> None:
    cid = db.id("Ridership")
    db.set(cid, review_state="verified")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        assert cid not in _rows(app)  # the queue shows new claims only
        await _search(pilot, db, "ridership 2019")
        assert _rows(app) == [cid]  # a search looks through every state
        table = app.screen.query_one(ClaimTable)
        assert "verified" in table.render_line(1).text  # and says which
        await _search(pilot, db, "")  # a blank search: back to the states shown before
        assert ledger_screen(app).view.flt.states == ("new",)
        assert cid not in _rows(app)


async def test_search_with_or_finds_either_word(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await _search(pilot, db, "ridership OR council")
        assert sorted(_rows(app)) == sorted([db.id("Ridership"), db.id("council")])
        await _search(pilot, db, "ridership council")
        assert _rows(app) == []


async def test_escape_clears_the_search(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await _search(pilot, db, "ridership")
        await pilot.press("escape")
        await db.settle(pilot)
        assert len(_rows(app)) == 4


async def test_filter_dialog_by_type(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#f-type", Select).value = "prediction"
        await pilot.press("ctrl+s")
        await db.settle(pilot)
        assert _rows(app) == [db.id("new budget")]


async def test_next_and_previous_open_claim(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    second = db.id("Ridership")
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("o", "o", "s", "s", "s", "s", "s")  # all claims, oldest first
        await db.settle(pilot)
        db.set(second, review_state="verified", evidence_status="supported")
        await pilot.press("n")
        await db.settle(pilot)
        assert current(app).id == db.id("worse than ever")  # skipped the verified one
        await pilot.press("p")
        await db.settle(pilot)
        assert current(app).id == db.id("12 bus routes")


async def test_next_open_at_the_end_says_so(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("end", "n")
        await db.settle(pilot)
        assert any("No more claims to review below" in n.message for n in app._notifications)


async def test_bulk_action_on_marked_claims(db: Db, make_app: MakeApp) -> None:
    first, second = db.id("12 bus routes"), db.id("Ridership")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("space", "space", "i")
        await db.settle(pilot)
        assert "2 marked" in str(app.screen.query_one("#status", Static).content)
    assert db.get(first)["state"] == db.get(second)["state"] == "in_review"
    assert db.get(db.id("new budget"))["state"] == "new"


async def test_bulk_skips_claims_the_workflow_refuses(db: Db, make_app: MakeApp) -> None:
    first, second = db.id("12 bus routes"), db.id("Ridership")
    db.set(first, review_state="reviewed", evidence_status="supported")
    db.set(second, review_state="reviewed")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("s", "s")  # reviewed
        await db.settle(pilot)
        await pilot.press("space", "space", "v")
        await db.settle(pilot)
        messages = [n.message for n in app._notifications]
    assert db.get(first)["state"] == "verified"
    assert db.get(second)["state"] == "reviewed"
    assert any("1 claim changed, 1 skipped" in m for m in messages)


async def test_undo_restores_and_is_recorded(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("e", "4")  # contradicted
        await db.settle(pilot)
        await pilot.press("u")
        await db.settle(pilot)
        assert current(app).evidence_status == "unverified"  # the table shows it too
        assert any("back to unverified" in n.message for n in app._notifications)
    held = db.get(cid)
    assert held["evidence_status"] == "unverified"
    assert held["history"][-1] == (
        "evidence_status",
        "contradicted",
        "unverified",
        "undo",
        "tester",
    )


async def test_undo_of_evidence_removes_the_link(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#ev-url", Input).value = "https://transit.example/x"
        await pilot.press("ctrl+s")
        await db.settle(pilot)
        await pilot.press("u")
        await db.settle(pilot)
    held = db.get(cid)
    assert held["evidence"] == []
    assert held["history"][-1][0] == "undo"


async def test_undo_of_a_bulk_action_reverts_every_claim(db: Db, make_app: MakeApp) -> None:
    first, second = db.id("12 bus routes"), db.id("Ridership")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("space", "space", "d", "u")
        await db.settle(pilot)
    assert db.get(first)["state"] == db.get(second)["state"] == "new"


async def test_undo_twice_on_one_claim_walks_back_both_changes(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("i", "e", "2", "u", "u")
        await db.settle(pilot)
        assert not any(n.severity == "error" for n in app._notifications)
    held = db.get(cid)
    assert (held["state"], held["evidence_status"]) == ("new", "unverified")


async def test_undo_with_nothing_to_undo_warns(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("u")
        await db.settle(pilot)
        assert any("Nothing to undo" in n.message for n in app._notifications)


async def test_keymap_file_remaps_a_binding(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path, keymap='"ledger.dismiss_claim" = "x"\n')
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("d")  # no longer bound
        await pilot.press("x")
        await db.settle(pilot)
    assert db.get(cid)["state"] == "dismissed"


async def test_broken_keymap_file_is_a_warning_not_a_crash(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path, keymap="this is = = not toml")
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        assert any("keymap" in n.message for n in app._notifications)


async def test_every_binding_has_an_id_and_a_tooltip(db: Db, make_app: MakeApp) -> None:
    from claimledger.tui.app import ClaimLedgerApp
    from claimledger.tui.screens import choice, evidence_dialog, filter_dialog, help, reader
    from claimledger.tui.widgets.claim_table import ClaimTable

    owners = [
        ClaimLedgerApp,
        LedgerScreen,
        ClaimTable,
        reader.ReaderScreen,
        help.HelpScreen,
        choice.ChoiceDialog,
        evidence_dialog.EvidenceDialog,
        filter_dialog.FilterDialog,
    ]
    for owner in owners:
        for binding in owner.BINDINGS:  # type: ignore[attr-defined]
            assert binding.id and binding.tooltip, (owner.__name__, binding)


def test_no_key_does_two_things_on_the_ledger_screen() -> None:
    """The table has focus there, so a key it binds would silently shadow the screen's."""
    from claimledger.tui.app import ClaimLedgerApp
    from claimledger.tui.widgets.claim_table import ClaimTable

    seen: dict[str, str] = {}
    for owner in (ClaimTable, LedgerScreen, ClaimLedgerApp):
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            action = binding.action.removeprefix("app.")
            for key in binding.key.split(","):
                assert seen.get(key, action) == action, f"{key!r}: {seen[key]} and {action}"
                seen[key] = action


async def test_palette_offers_every_screen_action(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        actions = {a for _, _, a in _actions(app.screen)}
    assert {b.action for b in LedgerScreen.BINDINGS if isinstance(b, Binding)} <= actions


async def test_palette_runs_an_action(db: Db, make_app: MakeApp) -> None:
    cid = db.id("12 bus routes")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"in review")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await db.settle(pilot)
    assert db.get(cid)["state"] == "in_review"


async def test_mouse_click_selects_a_row(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.click(ClaimTable, offset=(10, 2))  # under the header: the second row
        await db.settle(pilot)
        assert current(app).id == db.id("Ridership")


async def test_narrow_terminal_stacks_table_and_detail(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await db.settle(pilot)
        table, detail = app.screen.query_one("#table"), app.screen.query_one("#detail")
        assert detail.region.y > table.region.y
        assert table.region.width == 80


async def test_refresh_drops_claims_that_left_the_view(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("d")
        await db.settle(pilot)
        assert len(_rows(app)) == 4  # still shown, as dismissed, until a refresh
        await pilot.press("ctrl+r")
        await db.settle(pilot)
        assert len(_rows(app)) == 3


async def test_mine_shows_my_claims_in_any_state(db: Db, make_app: MakeApp) -> None:
    cid = db.id("worse than ever")
    db.set(cid, assignee="tester", review_state="in_review")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("m")
        await db.settle(pilot)
        assert _rows(app) == [cid]
        await pilot.press("m")
        await db.settle(pilot)
        assert cid in _rows(app) and len(_rows(app)) == 4


def test_keymap_path_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from claimledger.tui.keymap import keymap_path

    monkeypatch.setenv("CLAIMLEDGER_KEYMAP", str(tmp_path / "k.toml"))
    assert keymap_path() == tmp_path / "k.toml"
    monkeypatch.delenv("CLAIMLEDGER_KEYMAP")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert keymap_path() == tmp_path / "cfg" / "claimledger" / "keys.toml"


def test_keymap_keys_table_and_bad_values(tmp_path: Path) -> None:
    from claimledger.tui.keymap import load_keymap

    path = tmp_path / "keys.toml"
    path.write_text('[keys]\n"ledger.verify" = "V"\n"ledger.note" = 3\n', encoding="utf-8")
    keys, problem = load_keymap(path)
    assert keys == {"ledger.verify": "V"}
    assert problem is not None and "ledger.note" in problem


async def test_a_broken_ledger_is_a_notification_not_a_crash(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        index = "claim_fts" if db.engine.dialect.name == "sqlite" else "claim_search"
        with db.engine.begin() as conn:
            conn.exec_driver_sql(f"DROP TABLE {index}")  # the search index is gone
        await _search(pilot, db, "bus")
        assert isinstance(app.screen, LedgerScreen)
        assert any("did not answer" in n.message for n in app._notifications)


async def test_a_colleagues_change_shows_up_without_a_reload(db: Db, make_app: MakeApp) -> None:
    """A desk shares one ledger: what alice does in her session appears in this one."""
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        first = _rows(app)[0]
        alice = db.ledger("alice")  # another fact-checker, another connection
        alice.apply([first], "review_state", "in_review")
        alice.apply([first], "note", "calling the council")
        ledger_screen(app).watch_others()  # what the screen's timer does twice a second
        await db.settle(pilot, 0.2)
        row = app.screen.query_one(ClaimTable).window.rows[0]
        assert (row.id, row.review_state) == (first, "in_review")
        assert any("changed by alice" in n.message for n in app._notifications)
        detail = app.screen.query_one(DetailPane).detail
        assert detail is not None
        assert any(h.note == "calling the council" for h in detail.history)


async def test_my_own_changes_are_not_announced_as_someone_elses(db: Db, make_app: MakeApp) -> None:
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("i")
        await db.settle(pilot)
        ledger_screen(app).watch_others()
        await db.settle(pilot, 0.2)
        assert not any("changed by" in n.message for n in app._notifications)
