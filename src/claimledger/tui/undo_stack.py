"""This person's changes, newest last, for `u`: each entry is one action (one or many claims).

The ledger refuses to revert a change once its claim has moved past the version the change left
(someone may have built on it). Undoing twice on one claim moves it too: the first undo writes a
history entry of its own. When the versions prove nothing else happened in between (the entry
below left the claim exactly where the undone one started, and the undo added one version per
change it reverted), the entry below is rebased onto the claim's version now. Pure Python.
"""

from __future__ import annotations

from dataclasses import replace

from claimledger.records import Change


def _span(changes: list[Change], claim_id: int) -> tuple[int, int, int] | None:
    """(version before, version after, how many changes) of one claim in one entry."""
    versions = [c.version for c in changes if c.claim_id == claim_id]
    if not versions or any(v is None for v in versions):
        return None
    known = [v for v in versions if v is not None]
    return min(known) - 1, max(known), len(known)


class UndoStack:
    def __init__(self) -> None:
        self.entries: list[list[Change]] = []

    def __bool__(self) -> bool:
        return bool(self.entries)

    def push(self, changes: list[Change]) -> None:
        if changes:
            self.entries.append(list(changes))

    def pop(self) -> list[Change] | None:
        return self.entries.pop() if self.entries else None

    def undone(self, changes: list[Change], now: dict[int, int]) -> None:
        """`changes` were reverted; `now` is each claim's version read right after."""
        if not self.entries:
            return
        below = self.entries[-1]
        for claim_id, version in now.items():
            undone, earlier = _span(changes, claim_id), _span(below, claim_id)
            if undone is None or earlier is None:
                continue
            start, end, count = undone
            if earlier[1] == start and version == end + count:
                below = [
                    replace(c, version=version) if c.claim_id == claim_id else c for c in below
                ]
        self.entries[-1] = below
