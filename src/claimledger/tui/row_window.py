"""A window of rows around the cursor, refilled from the database by keyset pages as it moves.

The table never holds the whole ledger: it keeps at most `keep` rows, asks for the next page when the
cursor comes within `margin` rows of either edge, and drops rows far behind. Pure Python, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from claimledger.ledger.queries import ClaimRow, Cursor

# fetch(after, before, limit) -> rows in display order
Fetch = Callable[[Cursor | None, Cursor | None, int], list[ClaimRow]]


class RowWindow:
    def __init__(self, fetch: Fetch, *, page: int = 100, margin: int = 40, keep: int = 400) -> None:
        self.fetch = fetch
        self.page = page
        self.margin = margin
        self.keep = keep
        self.rows: list[ClaimRow] = []
        self.cursor = 0
        self.at_start = True
        self.at_end = True

    def reset(self, rows: Sequence[ClaimRow], *, at_start: bool = True, cursor: int = 0) -> None:
        """Start over with a first page (loaded elsewhere, e.g. in a worker)."""
        self.rows = list(rows)
        self.at_start = at_start
        self.at_end = len(self.rows) < self.page
        self.cursor = max(0, min(cursor, len(self.rows) - 1))

    @property
    def current(self) -> ClaimRow | None:
        return self.rows[self.cursor] if self.rows else None

    def move(self, delta: int) -> int:
        """Move the cursor by delta rows (loading pages as needed); returns how far it moved."""
        if not self.rows:
            return 0
        target = self.cursor + delta
        while target >= len(self.rows) - self.margin and not self.at_end:
            self._extend_forward()
        while target < self.margin and not self.at_start:
            target += self._extend_backward()
        target = max(0, min(target, len(self.rows) - 1))
        moved = target - self.cursor
        self.cursor = target
        self._trim()
        return moved

    def home(self) -> None:
        """Back to the first row (reloads the first page if it was dropped)."""
        if not self.at_start:
            self.reset(self.fetch(None, None, self.page))
        self.cursor = 0

    def end(self) -> None:
        """To the last row, loaded backwards from the end."""
        if not self.at_end:
            last = self.fetch(None, Cursor(id=2**62, score=float("-inf")), self.page)
            self.rows = last
            self.at_end = True
            self.at_start = len(last) < self.page
        self.cursor = max(0, len(self.rows) - 1)

    def jump_to(self, row: ClaimRow) -> None:
        """Centre the window on a row found by a query (next unreviewed, a new claim)."""
        before = self.fetch(None, row.cursor, self.page // 2)
        after = self.fetch(row.cursor, None, self.page // 2)
        self.rows = [*before, row, *after]
        self.at_start = len(before) < self.page // 2
        self.at_end = len(after) < self.page // 2
        self.cursor = len(before)

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

    def _extend_forward(self) -> None:
        more = self.fetch(self.rows[-1].cursor, None, self.page)
        self.rows.extend(more)
        self.at_end = len(more) < self.page

    def _extend_backward(self) -> int:
        more = self.fetch(None, self.rows[0].cursor, self.page)
        self.rows[:0] = more
        self.cursor += len(more)
        self.at_start = len(more) < self.page
        return len(more)

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
        else:
            cut = min(extra, ahead - self.margin * 2)
            if cut > 0:
                del self.rows[-cut:]
                self.at_end = False
