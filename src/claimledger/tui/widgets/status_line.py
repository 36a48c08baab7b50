"""The status line: what the table shows (filter, search, order) and how much is left to do."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from claimledger.terminal_text import visible


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine { height: 1; background: $boost; color: $text; padding: 0 1; }
    """

    def show(
        self,
        *,
        view: str,
        count: int | None,
        left: int | None,
        marked: int,
        busy: bool,
        saving: int = 0,
        who: str | None = None,
        legend: str | None = None,
    ) -> None:
        text = Text()
        if count is not None:
            text.append(f"{count:,} shown · ")
        if left is not None:
            text.append(f"{left:,} to review", "bold")
            text.append(" · ")
        if marked:
            text.append(f"{marked} marked · ", "bold")
        if busy:
            text.append("loading… · ", "italic")
        if saving:
            text.append(f"saving {saving} change{'s' * (saving != 1)}… · ", "italic")
        if legend:
            text.append(legend, "bold")
            text.append(" · ")
        text.append(visible(view))
        if who:
            text.append(visible(f" · {who}"), "italic")
        self.update(text)
