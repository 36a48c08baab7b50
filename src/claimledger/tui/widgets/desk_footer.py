"""The footer of the desk: Quit first, then the keys that fit.

Textual's footer lays the keys out in one line and cuts what does not fit; at 80 columns that was
Quit. Putting it first keeps it in sight at any width; the keys cut at the end are all in `?`.

Textual rebuilds the footer (a widget per key) whenever the screen says its bindings may have
changed, which it says on every return from a prompt or dialog: on a 2-core machine that rebuild
was a third of the time between Enter in the search prompt and the rows on screen. The footer is
rebuilt here only when the keys it would show did change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen

FIRST_ACTIONS = frozenset({"app.quit", "quit"})

Shown = tuple[tuple[object, ...], ...]


def _shown(screen: Screen[object]) -> Shown:
    """What the footer draws from: each active binding's key, words, action and state."""
    return tuple(
        (binding.key, binding.key_display, binding.description, binding.action, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
    )


class DeskFooter(Footer):
    _drawn: Shown | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        if (
            self._drawn is not None
            and self.is_attached
            and screen is self.screen
            and _shown(screen) == self._drawn
        ):
            return  # the same keys as on screen: nothing to rebuild
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._drawn = _shown(self.screen)
        first: list[Widget] = []
        rest: list[Widget] = []
        for widget in super().compose():  # flat keys: the desk's bindings use no key groups
            # a footer key knows its action (duck-typed: FooterKey is not public API)
            wanted = getattr(widget, "action", None) in FIRST_ACTIONS
            (first if wanted else rest).append(widget)
        yield from first
        yield from rest
