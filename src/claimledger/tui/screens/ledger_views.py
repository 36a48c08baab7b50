"""The ledger screen's view keys: state cycle, order, search, filter, mine, refresh.

A mixin so the screen stays one readable file: these only choose what the table shows, through
`load_view`; none of them writes to the ledger.
"""

from __future__ import annotations

from dataclasses import replace

from textual.screen import Screen

from claimledger.records import ClaimFilter, Order
from claimledger.tui.calls import desk
from claimledger.tui.screens.filter_dialog import FilterDialog
from claimledger.tui.screens.text_prompt import TextPrompt
from claimledger.tui.view import View


class ViewActions(Screen[None]):
    view: View

    def load_view(self, view: View) -> None:
        raise NotImplementedError

    def action_mine(self) -> None:
        me = desk(self).ledger.user
        flt = self.view.flt
        mine = None if flt.assignee == me else me
        self.load_view(
            self.view.with_filter(replace(flt, assignee=mine, states=() if mine else flt.states))
        )

    def action_refresh(self) -> None:
        self.load_view(self.view)

    def action_cycle_state(self) -> None:
        self.load_view(self.view.next_state())

    def action_toggle_order(self) -> None:
        order: Order = "id" if self.view.order == "queue" else "queue"
        self.load_view(View(self.view.flt, order))

    def action_clear_view(self) -> None:
        if self.view != View():
            self.load_view(View())

    def action_search(self) -> None:
        def done(text: str | None) -> None:
            if text is not None:
                self.load_view(self.view.with_search(text))

        self.app.push_screen(
            TextPrompt(
                "Search quotes and notes",
                value=self.view.flt.text or "",
                placeholder="words…",
                hint="Enter to search · blank clears · Esc to cancel",
            ),
            done,
        )

    def action_filter(self) -> None:
        def done(flt: ClaimFilter | None) -> None:
            if flt is not None:
                self.load_view(self.view.with_filter(flt))

        self.app.push_screen(FilterDialog(self.view.flt), done)
