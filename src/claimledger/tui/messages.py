"""What workers post back to the screen: each carries the result of one core call."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from claimledger.ledger.activity import Activity
from claimledger.ledger.queries import ClaimRow
from claimledger.tui.store import Counts


class PageLoaded(Message):
    """The first page of a view; `generation` drops answers to views already replaced."""

    def __init__(self, generation: int, rows: list[ClaimRow], error: str | None = None) -> None:
        self.generation = generation
        self.rows = rows
        self.error = error
        super().__init__()


class CountsLoaded(Message):
    def __init__(self, generation: int, counts: Counts) -> None:
        self.generation = generation
        self.counts = counts
        super().__init__()


class DetailLoaded(Message):
    def __init__(self, claim_id: int, detail: dict[str, Any] | None) -> None:
        self.claim_id = claim_id
        self.detail = detail
        super().__init__()


class OpenFound(Message):
    """The next (or previous) claim still to review, or None when there is none that way."""

    def __init__(self, generation: int, row: ClaimRow | None, forward: bool) -> None:
        self.generation = generation
        self.row = row
        self.forward = forward
        super().__init__()


class OthersChanged(Message):
    """Claims someone else changed since the last look (a desk sharing one ledger)."""

    def __init__(self, activity: Activity) -> None:
        self.activity = activity
        super().__init__()
