"""The footer of the desk: Quit first, then the keys that fit.

Textual's footer lays the keys out in one line and cuts what does not fit; at 80 columns that was
Quit. Putting it first keeps it in sight at any width; the keys cut at the end are all in `?`.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

FIRST_ACTIONS = frozenset({"app.quit", "quit"})


class DeskFooter(Footer):
    def compose(self) -> ComposeResult:
        first: list[Widget] = []
        rest: list[Widget] = []
        for widget in super().compose():  # flat keys: the desk's bindings use no key groups
            # a footer key knows its action (duck-typed: FooterKey is not public API)
            wanted = getattr(widget, "action", None) in FIRST_ACTIONS
            (first if wanted else rest).append(widget)
        yield from first
        yield from rest
