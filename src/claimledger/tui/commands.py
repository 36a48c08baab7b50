"""The command palette (Ctrl+P): every action of the screen in front, found by its name or purpose."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen


def _actions(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(title, help, action) for each binding of the screen, with the key it has now."""
    found = []
    keys = {b.action: b.key_display or b.key for _, b in screen._bindings if b.id}
    for binding in screen.BINDINGS:
        if not hasattr(binding, "action") or not getattr(binding, "id", None):
            continue
        key = keys.get(binding.action, binding.key)  # type: ignore[union-attr]
        title = f"{binding.description}  ({key})"  # type: ignore[union-attr]
        found.append((title, binding.tooltip, binding.action))  # type: ignore[union-attr]
    return found


class LedgerCommands(Provider):
    async def discover(self) -> Hits:
        for title, help_text, action in _actions(self.screen):
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in _actions(self.screen):
            score = max(matcher.match(title), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(self.screen.run_action, action),
                    help=help_text,
                )
