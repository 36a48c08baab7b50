"""The row window pages through a fake ledger of 1,000 rows and never holds more than it keeps."""

from __future__ import annotations

from claimledger.ledger.queries import ClaimRow, Cursor
from claimledger.tui.row_window import RowWindow

ROWS = [ClaimRow(i, "new", "unverified", "other", 1, "src", 0.0, f"q{i}") for i in range(1, 1001)]


def fetch(after: Cursor | None, before: Cursor | None, limit: int) -> list[ClaimRow]:
    if before is not None:
        return [r for r in ROWS if r.id < before.id][-limit:]
    start = after.id if after else 0
    return [r for r in ROWS if r.id > start][:limit]


def window() -> RowWindow:
    w = RowWindow(fetch, page=50, margin=10, keep=200)
    w.reset(fetch(None, None, 50))
    return w


def test_moving_down_loads_more_pages() -> None:
    w = window()
    w.move(120)
    assert w.current is not None and w.current.id == 121


def test_window_never_grows_past_keep() -> None:
    w = window()
    for _ in range(900):
        w.move(1)
        assert len(w.rows) <= 200 + 50
    assert w.current is not None and w.current.id == 901


def test_moving_back_up_reloads_dropped_rows() -> None:
    w = window()
    w.move(800)
    w.move(-795)
    assert w.current is not None and w.current.id == 6


def test_end_and_home() -> None:
    w = window()
    w.end()
    assert w.current is not None and w.current.id == 1000
    w.home()
    assert w.current is not None and w.current.id == 1


def test_cannot_move_past_the_ends() -> None:
    w = window()
    assert w.move(-5) == 0
    w.end()
    assert w.move(3) == 0


def test_jump_to_centres_on_a_row() -> None:
    w = window()
    w.jump_to(ROWS[499])
    assert w.current is not None and w.current.id == 500
    w.move(-1)
    assert w.current is not None and w.current.id == 499


def test_empty_ledger() -> None:
    w = RowWindow(lambda a, b, n: [], page=50)
    w.reset([])
    assert w.current is None
    assert w.move(1) == 0
