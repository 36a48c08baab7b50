"""The desk shows who you are and hides the keys your role may not use."""

from __future__ import annotations

from pathlib import Path

from claimledger.service import Ledger
from claimledger.tui.app import ClaimLedgerApp
from claimledger.tui.screens.ledger import LedgerScreen


def _people(path: Path) -> None:
    admin = Ledger.open(path, user="ana")
    admin.add_person("ana", "admin")
    admin.add_person("intern", "checker")
    admin.close()


def _footer_keys(app: ClaimLedgerApp) -> set[str]:
    screen = app.screen
    assert isinstance(screen, LedgerScreen)
    return {b.action for _, b, enabled, _ in screen.active_bindings.values() if enabled}


async def test_a_checker_sees_no_verify_or_evidence_keys(ledger: Path) -> None:
    _people(ledger)
    app = ClaimLedgerApp(Ledger.open(ledger, user="intern"))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert app.sub_title == "reviewing as intern (checker)"
        assert "intern (checker)" in str(app.screen.query_one("#status").render())
        keys = _footer_keys(app)
        assert "note" in keys and "review_state" in keys
        assert not {"verify", "evidence_status", "add_evidence", "fix_evidence"} & keys
        await pilot.press("v")
        await pilot.pause()
    state = Ledger.open(ledger).rows(limit=1)[0]
    assert state.review_state != "verified"


async def test_an_admin_sees_every_key(ledger: Path) -> None:
    _people(ledger)
    app = ClaimLedgerApp(Ledger.open(ledger, user="ana"))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert app.sub_title == "reviewing as ana (admin)"
        assert {"verify", "evidence_status", "add_evidence", "note"} <= _footer_keys(app)


async def test_someone_not_on_the_ledger_can_only_read(ledger: Path) -> None:
    _people(ledger)
    app = ClaimLedgerApp(Ledger.open(ledger, user="mallory"))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert "not on this ledger" in app.sub_title
        keys = _footer_keys(app)
        assert not {"verify", "note", "review_state", "undo"} & keys
        assert "search" in keys


async def test_a_checker_is_not_offered_verified(ledger: Path) -> None:
    from claimledger.tui.screens.choice import ChoiceDialog

    _people(ledger)
    app = ClaimLedgerApp(Ledger.open(ledger, user="intern"))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        values = [value for value, _ in dialog.options]
        assert "reviewed" in values and "verified" not in values
