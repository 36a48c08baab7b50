"""Every key the screen answers to, as the keymap has set them, with what each does."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,question_mark", "close", "Close", id="help.close", tooltip="Close the help"
        )
    ]

    def __init__(self, keys: list[tuple[str, str, str]]) -> None:
        """keys: (keys shown, what it does, binding id for keys.toml)."""
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=True, header_style="bold", padding=(0, 1))
        table.add_column("keys", no_wrap=True)
        table.add_column("does")
        table.add_column("id (keys.toml)", style="dim", no_wrap=True)
        for keys, what, binding_id in self.keys:
            table.add_row(Text(keys, "bold"), what, binding_id)
        with VerticalScroll(classes="dialog wide help"):
            yield Label("Keys · Ctrl+P finds any action by name", classes="dialog-title")
            yield Static(table)
            yield Label("Esc to close", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
