"""The ledger screen's keys that look outside the claim: matches in other articles, links to open.

A mixin like `ViewActions`, to keep the screen one readable file.
"""

from __future__ import annotations

from textual.screen import Screen

from claimledger.errors import LedgerError
from claimledger.ledger.queries import ClaimRow
from claimledger.ledger.undo import Change
from claimledger.tui.screens.choice import ChoiceDialog
from claimledger.tui.store import LedgerStore
from claimledger.tui.widgets.detail import DetailPane


class ElsewhereActions(Screen[None]):
    store: LedgerStore

    @property
    def current(self) -> ClaimRow | None:
        raise NotImplementedError

    def _changed(
        self, changes: list[Change], summary: str | None = None, *, undoable: bool = True
    ) -> None:
        raise NotImplementedError

    def action_matches(self) -> None:
        row = self.current
        if row is None:
            return
        try:
            found = self.store.matches(row.id)
        except LedgerError as exc:
            self.notify(str(exc), severity="error")
            return
        if not found:
            self.notify(f"Claim {row.id} has no matches in other articles")
            return
        options = [
            (
                f"{verb}:{m['id']}",
                f"{verb} #{m['claim_id']} {m['source']} ({m['similarity']:.2f}, {m['status']})",
            )
            for m in found
            for verb in ("confirmed", "rejected")
        ]

        def done(value: str | None) -> None:
            if not value:
                return
            status, match_id = value.split(":")
            try:
                self.store.decide_match(int(match_id), status)
            except (LedgerError, ImportError) as exc:
                self.notify(str(exc), severity="error")
                return
            self._changed([], f"match {status}")  # redraws the detail, which lists matches

        self.app.push_screen(ChoiceDialog(f"Matches of claim {row.id}", options), done)

    def action_open_link(self) -> None:
        """The article's own URL first: the claim is judged against what was published."""
        detail = self.query_one(DetailPane).detail
        if detail is None:
            return
        urls = [detail["source"]["url"], *(e["url"] for e in detail["evidence"])]
        url = next((u for u in urls if u), None)
        if url is None:
            self.notify("No link for this claim", severity="warning")
            return
        self.app.open_url(url)
        self.notify(f"Opening {url}")
