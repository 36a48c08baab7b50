"""The article in a read-only TextArea, every claim highlighted; select text with shift+arrows or the mouse.

TextArea draws highlights from `_highlights` (line -> byte ranges) through its theme's
`syntax_styles`; we fill that map with claim spans instead of a syntax tree.
"""

from __future__ import annotations

from typing import Any, cast

from rich.style import Style
from textual.document._document import Document
from textual.widgets import TextArea
from textual.widgets.text_area import TextAreaTheme

from claimledger.terminal_text import visible

# Characters str.splitlines() breaks on besides "\n": shown as spaces so offsets stay 1:1.
_BREAKS = {ord(c): " " for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}

THEME = TextAreaTheme(
    "claimledger-reader",
    syntax_styles={
        "claim": Style(underline=True, bold=True),
        "claim.current": Style(color="black", bgcolor="yellow", bold=True),
        "claim.dismissed": Style(dim=True, strike=True),
    },
)


class ArticleArea(TextArea):
    def __init__(self, text: str, **kwargs: Any) -> None:
        super().__init__(
            visible(text.translate(_BREAKS)),
            read_only=True,
            soft_wrap=True,
            highlight_cursor_line=False,
            **kwargs,
        )
        self.spans: list[tuple[int, int, str]] = []  # (start, end, highlight name)
        self.register_theme(THEME)
        self.theme = THEME.name

    def show_text(self, text: str) -> None:
        """The article, once read from the ledger: line breaks of other kinds shown as spaces,
        controls and escapes made visible (both one for one, so offsets still fit)."""
        self.load_text(visible(text.translate(_BREAKS)))

    @property
    def doc(self) -> Document:
        """A read-only article is always a plain Document (offsets map 1:1 to locations)."""
        return cast(Document, self.document)

    def set_spans(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = spans
        self._build_highlight_map()
        self.refresh()

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()
        doc = self.doc
        for start, end, name in getattr(self, "spans", []):
            try:
                (r0, c0), (r1, c1) = (
                    doc.get_location_from_index(start),
                    doc.get_location_from_index(end),
                )
            except ValueError:
                continue
            for row in range(r0, r1 + 1):
                line = doc.get_line(row)
                a = c0 if row == r0 else 0
                b = c1 if row == r1 else len(line)
                self._highlights[row].append((len(line[:a].encode()), len(line[:b].encode()), name))

    @property
    def selected_span(self) -> tuple[int, int]:
        sel = self.selection
        a = self.doc.get_index_from_location(sel.start)
        b = self.doc.get_index_from_location(sel.end)
        return min(a, b), max(a, b)

    @property
    def cursor_index(self) -> int:
        return self.doc.get_index_from_location(self.cursor_location)

    def go_to(self, index: int) -> None:
        location = self.doc.get_location_from_index(index)
        self.move_cursor(location, center=True)
