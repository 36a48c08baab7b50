"""The review UI's app: opens the ledger screen, applies the user's keymap, offers the palette."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from sqlalchemy.engine import Engine
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from claimledger.tui.commands import LedgerCommands
from claimledger.tui.keymap import keymap_path, load_keymap
from claimledger.tui.screens.help import HelpScreen
from claimledger.tui.screens.ledger import LedgerScreen
from claimledger.tui.store import LedgerStore


class ClaimLedgerApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "claimledger"
    COMMANDS = App.COMMANDS | {LedgerCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (140, "-wide")]  # noqa: RUF012 (Textual's own type)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit (every change is already saved)"),
        Binding(
            "question_mark,f1",
            "help",
            "Help",
            show=False,
            id="app.help",
            tooltip="Show every key and what it does",
        ),
    ]

    def __init__(self, engine: Engine, user: str, *, keymap: Path | None = None) -> None:
        super().__init__()
        self.store = LedgerStore(engine, user)
        self.keymap_file = keymap if keymap is not None else keymap_path()
        self.sub_title = f"reviewing as {user}"

    def on_load(self) -> None:
        keys, problem = load_keymap(self.keymap_file)
        self.set_keymap(keys)
        self._keymap_problem = problem

    def on_mount(self) -> None:
        if self._keymap_problem:
            self.notify(self._keymap_problem, severity="warning")

    def get_default_screen(self) -> Screen[None]:
        return LedgerScreen(self.store)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.key_table()))

    def key_table(self) -> list[tuple[str, str, str]]:
        """(keys, what it does, binding id) for the screen in front, keys as the keymap set them."""
        grouped: dict[str, tuple[list[str], str]] = {}
        for active in self.active_bindings.values():
            binding = active.binding
            if not binding.description:
                continue
            name = binding.id or binding.action
            keys, _ = grouped.setdefault(name, ([], binding.tooltip or binding.description))
            display = self.get_key_display(binding)
            if display not in keys:
                keys.append(display)
        rows = [(" ".join(keys), what, name) for name, (keys, what) in grouped.items()]
        # The desk's own actions first, then moving around, then Textual's generic keys.
        rank = {"ledger": 0, "reader": 0, "table": 1, "app": 2}
        return sorted(rows, key=lambda row: rank.get(row[2].split(".")[0], 3))
