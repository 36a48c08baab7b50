"""At any size the desk's footer keeps Quit in sight."""

from __future__ import annotations

import pytest

from tui.support import Db, MakeApp, settle


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 45)])
async def test_quit_is_visible_in_the_footer(
    db: Db, make_app: MakeApp, size: tuple[int, int]
) -> None:
    app = make_app(db.path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        footer = app.screen.query_one("DeskFooter")
        keys = [w for w in footer.children if getattr(w, "action", None) in ("quit", "app.quit")]
        assert len(keys) == 1
        region = keys[0].region
        assert region.width > 0
        assert region.x >= 0 and region.right <= size[0]
        assert "Quit" in str(keys[0].render())


def _actions(app: object) -> list[str]:
    footer = app.screen.query_one("DeskFooter")  # type: ignore[attr-defined]
    return [str(getattr(w, "action", "")) for w in footer.children]


async def test_the_footer_is_not_rebuilt_when_its_keys_did_not_change(
    db: Db, make_app: MakeApp
) -> None:
    app = make_app(db.path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one("DeskFooter")
        before = list(footer.children)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press("escape")  # back from the prompt: Textual says the bindings changed
        await settle(pilot)
        assert list(app.screen.query_one("DeskFooter").children) == before


async def test_the_footer_follows_keys_that_come_and_go(
    db: Db, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(db.path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert "search" in _actions(app)
        allowed = screen.check_action
        monkeypatch.setattr(
            screen, "check_action", lambda a, p: False if a == "search" else allowed(a, p)
        )
        screen.refresh_bindings()
        await settle(pilot)
        assert "search" not in _actions(app)
        assert "quit" in _actions(app) or "app.quit" in _actions(app)
        monkeypatch.setattr(screen, "check_action", allowed)
        screen.refresh_bindings()
        await settle(pilot)
        assert "search" in _actions(app)
