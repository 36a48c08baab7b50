"""A window of rows around the cursor, refilled by keyset pages that arrive while the cursor moves.

The table never holds the whole ledger: it keeps at most `keep` rows and, when the cursor comes within
`margin` rows of either edge, asks for the next page. Asking and receiving are separate steps: the
window hands out `PageRequest`s, something else fetches them (a worker, off the UI thread), and
`arrive` extends the window when the rows come back. Moving never waits for a page; an answer meant
for a window that has since been refilled is dropped. Pure Python, no Textual, no database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from claimledger.records import FAR_END, ClaimRow, Cursor

# fetch(after, before, limit) -> rows in display order
Fetch = Callable[[Cursor | None, Cursor | None, int], list[ClaimRow]]


class Want(Enum):
    AFTER = "after"
    """The page after the last row held."""
    BEFORE = "before"
    """The page before the first row held."""
    FIRST = "first"
    """The first page (Home when it was dropped): replaces the window."""
    LAST = "last"
    """The last page (End): replaces the window."""
    AROUND = "around"
    """Half a page either side of one row (a jump to it): replaces the window."""


REPLACING = frozenset({Want.FIRST, Want.LAST, Want.AROUND})


@dataclass(frozen=True)
class PageRequest:
    want: Want
    limit: int
    generation: int
    """The window's generation when asked: a refilled window drops the answer."""
    edge: Cursor | None = None
    row: ClaimRow | None = None
    """The row to centre on (AROUND)."""


@dataclass(frozen=True)
class PageArrival:
    request: PageRequest
    rows: list[ClaimRow] = field(default_factory=list)
    before: list[ClaimRow] = field(default_factory=list)
    """AROUND only: the rows before the centre row."""


def fetch_page(request: PageRequest, fetch: Fetch) -> PageArrival:
    """Run one request against a fetch function (in a worker: this is the part that waits)."""
    want, limit = request.want, request.limit
    if want == Want.AFTER:
        return PageArrival(request, fetch(request.edge, None, limit))
    if want == Want.BEFORE:
        return PageArrival(request, fetch(None, request.edge, limit))
    if want == Want.FIRST:
        return PageArrival(request, fetch(None, None, limit))
    if want == Want.LAST:
        return PageArrival(request, fetch(None, FAR_END, limit))
    assert request.row is not None
    centre = request.row.cursor
    return PageArrival(
        request,
        rows=fetch(centre, None, limit // 2),
        before=fetch(None, centre, limit // 2),
    )


class RowWindow:
    def __init__(self, *, page: int = 100, margin: int = 40, keep: int = 400) -> None:
        self.page = page
        self.margin = margin
        self.keep = keep
        self.rows: list[ClaimRow] = []
        self.cursor = 0
        self.at_start = True
        self.at_end = True
        self.generation = 0
        self._pending: set[Want] = set()
        self._asked = 0  # generation of the latest replacing request, so only it lands

    def reset(self, rows: Sequence[ClaimRow], *, at_start: bool = True, cursor: int = 0) -> None:
        """Start over with a first page (loaded elsewhere, e.g. in a worker)."""
        self.generation += 1
        self._pending.clear()
        self.rows = list(rows)
        self.at_start = at_start
        self.at_end = len(self.rows) < self.page
        self.cursor = max(0, min(cursor, len(self.rows) - 1))

    def forget_pending(self) -> None:
        """Answers to anything asked so far are no longer wanted (the view is changing)."""
        self.generation += 1
        self._pending.clear()

    @property
    def current(self) -> ClaimRow | None:
        return self.rows[self.cursor] if self.rows else None

    # -- moving: never waits -----------------------------------------------
    def move(self, delta: int) -> int:
        """Move the cursor by up to delta rows among those held; returns how far it moved."""
        if not self.rows:
            return 0
        target = max(0, min(self.cursor + delta, len(self.rows) - 1))
        moved = target - self.cursor
        self.cursor = target
        self._trim()
        return moved

    def home(self) -> PageRequest | None:
        """To the first row held; a request for the first page if it was dropped."""
        self.cursor = 0
        return None if self.at_start else self._replacing(Want.FIRST)

    def end(self) -> PageRequest | None:
        """To the last row held; a request for the last page if the end is not loaded yet."""
        self.cursor = max(0, len(self.rows) - 1)
        return None if self.at_end else self._replacing(Want.LAST)

    def jump_to(self, row: ClaimRow) -> PageRequest | None:
        """To a row found by a query: there at once if held, else a request to centre on it."""
        index = self.index_of(row.id)
        if index is not None:
            self.cursor = index
            return None
        return self._replacing(Want.AROUND, row=row)

    # -- pages --------------------------------------------------------------
    def wanted(self) -> list[PageRequest]:
        """Pages to ask for now that the cursor is near an edge (each asked once until it lands)."""
        found: list[PageRequest] = []
        if not self.rows:
            return found
        near_end = self.cursor >= len(self.rows) - self.margin
        if near_end and not self.at_end and Want.AFTER not in self._pending:
            found.append(self._ask(Want.AFTER, edge=self.rows[-1].cursor))
        near_start = self.cursor < self.margin
        if near_start and not self.at_start and Want.BEFORE not in self._pending:
            found.append(self._ask(Want.BEFORE, edge=self.rows[0].cursor))
        return found

    def arrive(self, arrival: PageArrival) -> bool:
        """Take a page that came back; False when it was meant for a window since refilled."""
        request = arrival.request
        want = request.want
        if request.generation != self.generation:
            return False
        if want in REPLACING:
            if request.generation != self._asked:
                return False
            self._land(arrival)
            return True
        self._pending.discard(want)
        if want == Want.AFTER:
            if not self.rows or self.rows[-1].cursor != request.edge:
                return False
            self.rows.extend(arrival.rows)
            self.at_end = len(arrival.rows) < request.limit
        else:
            if not self.rows or self.rows[0].cursor != request.edge:
                return False
            self.rows[:0] = arrival.rows
            self.cursor += len(arrival.rows)
            self.at_start = len(arrival.rows) < request.limit
        self._trim()
        return True

    def _land(self, arrival: PageArrival) -> None:
        want, limit = arrival.request.want, arrival.request.limit
        if want == Want.FIRST:
            self.reset(arrival.rows)
        elif want == Want.LAST:
            self.reset(arrival.rows, at_start=len(arrival.rows) < limit)
            self.at_end = True
            self.cursor = max(0, len(self.rows) - 1)
        else:
            row = arrival.request.row
            assert row is not None
            half = limit // 2
            self.reset([*arrival.before, row, *arrival.rows], at_start=len(arrival.before) < half)
            self.at_end = len(arrival.rows) < half
            self.cursor = len(arrival.before)

    def _ask(self, want: Want, *, edge: Cursor | None = None) -> PageRequest:
        self._pending.add(want)
        return PageRequest(want, self.page, self.generation, edge=edge)

    def _replacing(self, want: Want, *, row: ClaimRow | None = None) -> PageRequest:
        """A request that replaces the window: pages asked before it no longer fit."""
        self.forget_pending()
        self._asked = self.generation
        return PageRequest(want, self.page, self.generation, row=row)

    # -- rows changing in place ---------------------------------------------
    def replace(self, row: ClaimRow) -> None:
        """Show a changed claim in place (its state or status moved on)."""
        for n, old in enumerate(self.rows):
            if old.id == row.id:
                self.rows[n] = row

    def index_of(self, claim_id: int) -> int | None:
        for n, row in enumerate(self.rows):
            if row.id == claim_id:
                return n
        return None

    def _trim(self) -> None:
        extra = len(self.rows) - self.keep
        if extra <= 0:
            return
        ahead = len(self.rows) - 1 - self.cursor
        if self.cursor > ahead:  # drop from the front, far behind the cursor
            cut = min(extra, self.cursor - self.margin * 2)
            if cut > 0:
                del self.rows[:cut]
                self.cursor -= cut
                self.at_start = False
                self._pending.discard(Want.BEFORE)
        else:
            cut = min(extra, ahead - self.margin * 2)
            if cut > 0:
                del self.rows[-cut:]
                self.at_end = False
                self._pending.discard(Want.AFTER)
