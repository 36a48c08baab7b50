"""The `claims` listing laid out for the terminal's width, so the quote is always readable.

A table with one column per field leaves the quote a sliver at 80 or 100 columns (the fields take
about 75); below the width where the quote gets QUOTE_MIN columns, each claim is its quote, wrapped
across the whole width, under one dim line of its fields.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.table import Table
from rich.text import Text

from claimledger.cli.render import EVIDENCE_STYLES, STATE_STYLES, claims_table
from claimledger.records import ClaimRecord
from claimledger.terminal_text import plain, visible

QUOTE_MIN = 50
SOURCE_MAX = 18  # as claims_table caps the source column
SCORE_WIDTH = 5
BORDERS = 8 + 7 * 2  # a rule between and around seven columns, one space either side of each


def fields_width(rows: Sequence[ClaimRecord]) -> int:
    """Columns the wide table needs for everything but the quote."""
    heads = {"id": 2, "state": 5, "evidence": 8, "type": 4, "source": 6}
    widths = [
        max([heads["id"], *(len(str(r.id)) for r in rows)]),
        max([heads["state"], *(len(r.review_state) for r in rows)]),
        max([heads["evidence"], *(len(r.evidence_status) for r in rows)]),
        max([heads["type"], *(len(r.type) for r in rows)]),
        min(SOURCE_MAX, max([heads["source"], *(len(r.source) for r in rows)])),
        SCORE_WIDTH,
    ]
    return sum(widths) + BORDERS


def claims_listing(
    rows: Sequence[ClaimRecord], *, title: str, width: int, notes: Mapping[int, str] | None = None
) -> Table:
    """The wide table when the quote gets QUOTE_MIN columns or more, else quote-first rows.

    `notes`: a dim line under some claims' quotes (how widely a claim travels, say)."""
    if width - fields_width(rows) >= QUOTE_MIN:
        return claims_table(rows, title=title, notes=notes)
    return narrow_table(rows, title=title, notes=notes)


def narrow_table(
    rows: Sequence[ClaimRecord], *, title: str, notes: Mapping[int, str] | None = None
) -> Table:
    table = Table(title=plain(title), title_justify="left", expand=True, show_lines=True)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("claim", ratio=1)
    for row in rows:
        cell = Text(visible(" ".join(row.quote.split())))
        cell.append("\n")
        cell.append(row.review_state, style=STATE_STYLES.get(row.review_state, ""))
        cell.append(" · ", style="dim")
        cell.append(row.evidence_status, style=EVIDENCE_STYLES.get(row.evidence_status, ""))
        cell.append(visible(f" · {row.type} · {row.source} · score {row.score:.2f}"), style="dim")
        if notes and row.id in notes:
            cell.append("\n" + visible(notes[row.id]), style="dim")
        table.add_row(str(row.id), cell)
    return table
