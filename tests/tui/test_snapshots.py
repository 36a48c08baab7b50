"""A few snapshots of the main screens (update with --snapshot-update, then look at them)."""

from __future__ import annotations

from typing import Any

import pytest

from tui.support import Db, MakeApp, SnapCompare, drain

pytestmark = pytest.mark.sqlite_only(
    "pictures of the screens, drawn alike from either backend (the other TUI tests run on both)"
)


async def _steady(pilot: Any) -> None:
    """Workers done, detail loaded, no blinking cursor."""
    await pilot.pause()
    await drain(pilot.app)
    await pilot.pause(0.15)
    await drain(pilot.app)
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.pause()


def _then(*keys: str) -> Any:
    async def run_before(pilot: Any) -> None:
        await _steady(pilot)
        if keys:
            await pilot.press(*keys)
            await _steady(pilot)

    return run_before


@pytest.mark.parametrize(
    "size", [(80, 24), (120, 36), (160, 45)], ids=["80x24", "120x36", "160x45"]
)
def test_ledger_screen(
    snap_compare: SnapCompare, db: Db, make_app: MakeApp, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(db.path), terminal_size=size, run_before=_then())


def test_help_screen(snap_compare: SnapCompare, db: Db, make_app: MakeApp) -> None:
    assert snap_compare(
        make_app(db.path), terminal_size=(120, 36), run_before=_then("question_mark")
    )


def test_reader_screen(snap_compare: SnapCompare, db: Db, make_app: MakeApp) -> None:
    assert snap_compare(
        make_app(db.path), terminal_size=(120, 36), run_before=_then("down", "enter")
    )


def test_evidence_dialog(snap_compare: SnapCompare, db: Db, make_app: MakeApp) -> None:
    assert snap_compare(make_app(db.path), terminal_size=(80, 24), run_before=_then("l"))


def test_ledger_screen_light_theme(snap_compare: SnapCompare, db: Db, make_app: MakeApp) -> None:
    async def run_before(pilot: Any) -> None:
        pilot.app.theme = "textual-light"
        await _steady(pilot)

    assert snap_compare(make_app(db.path), terminal_size=(120, 36), run_before=run_before)
