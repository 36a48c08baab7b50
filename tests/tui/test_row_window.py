"""The row window pages through a fake ledger of 1,000 rows: it asks for pages, never fetches them itself,
and never holds more than it keeps."""

from __future__ import annotations

from claimledger.records import ClaimRow, Cursor
from claimledger.tui.row_window import PageRequest, RowWindow, Want, fetch_page

ROWS = [ClaimRow(i, "new", "unverified", "other", 1, "src", 0.0, f"q{i}") for i in range(1, 1001)]


def fetch(after: Cursor | None, before: Cursor | None, limit: int) -> list[ClaimRow]:
    if before is not None:
        return [r for r in ROWS if r.id < before.id][-limit:]
    start = after.id if after else 0
    return [r for r in ROWS if r.id > start][:limit]


def window() -> RowWindow:
    w = RowWindow(page=50, margin=10, keep=200)
    w.reset(fetch(None, None, 50))
    return w


def serve(w: RowWindow, request: PageRequest | None = None) -> None:
    """What the screen's page worker does: answer every request until none is left."""
    asked = [request] if request else []
    while asked or (asked := w.wanted()):
        w.arrive(fetch_page(asked.pop(), fetch))


def walk(w: RowWindow, delta: int) -> None:
    """Move one row at a time, pages arriving in between, as a user holding a key."""
    step = 1 if delta > 0 else -1
    for _ in range(abs(delta)):
        serve(w)
        w.move(step)


def test_moving_stops_at_the_rows_held_and_asks_for_more() -> None:
    w = window()
    assert w.move(120) == 49  # no page fetched while moving
    [request] = w.wanted()
    assert request.want == Want.AFTER and request.edge == ROWS[49].cursor
    assert w.wanted() == []  # asked once until it lands
    w.arrive(fetch_page(request, fetch))
    w.move(71)
    assert w.current is not None and w.current.id == 100  # the last row held
    walk(w, 21)
    assert w.current is not None and w.current.id == 121


def test_window_never_grows_past_keep() -> None:
    w = window()
    for _ in range(900):
        w.move(1)
        serve(w)
        assert len(w.rows) <= 200 + 50
    assert w.current is not None and w.current.id == 901


def test_moving_back_up_reloads_dropped_rows() -> None:
    w = window()
    walk(w, 800)
    walk(w, -795)
    assert w.current is not None and w.current.id == 6


def test_end_and_home() -> None:
    w = window()
    serve(w, w.end())
    assert w.current is not None and w.current.id == 1000
    serve(w, w.home())
    assert w.current is not None and w.current.id == 1


def test_cannot_move_past_the_ends() -> None:
    w = window()
    assert w.move(-5) == 0
    serve(w, w.end())
    assert w.move(3) == 0


def test_jump_to_centres_on_a_row() -> None:
    w = window()
    serve(w, w.jump_to(ROWS[499]))
    assert w.current is not None and w.current.id == 500
    w.move(-1)
    assert w.current is not None and w.current.id == 499


def test_jump_to_a_row_held_asks_nothing() -> None:
    w = window()
    assert w.jump_to(ROWS[9]) is None
    assert w.current is not None and w.current.id == 10


def test_a_page_for_a_refilled_window_is_dropped() -> None:
    w = window()
    w.move(45)
    [request] = w.wanted()
    w.reset(fetch(None, None, 50))  # a new view loaded meanwhile
    assert not w.arrive(fetch_page(request, fetch))
    assert len(w.rows) == 50


def test_only_the_latest_jump_lands() -> None:
    w = window()
    first = w.end()
    second = w.home()
    assert first is not None and second is None  # the first page is still held
    later = w.jump_to(ROWS[700])
    assert later is not None
    assert not w.arrive(fetch_page(first, fetch))
    assert w.arrive(fetch_page(later, fetch))
    assert w.current is not None and w.current.id == 701


def test_replace_shows_a_changed_row_in_place() -> None:
    w = window()
    fresh = ClaimRow(3, "in_review", "unverified", "other", 1, "src", 0.0, "q3", version=2)
    w.replace(fresh)
    assert w.rows[2] == fresh


def test_empty_ledger() -> None:
    w = RowWindow(page=50)
    w.reset([])
    assert w.current is None
    assert w.move(1) == 0
    assert w.wanted() == []
