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
