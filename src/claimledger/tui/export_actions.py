"""The `X` key: export the claims of the current view (its filter, search and state) to a file,
as `claimledger export` would: CSV, JSON or ClaimReview, in id order, written whole or not at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from claimledger.errors import LedgerError
from claimledger.export.to_file import SUFFIXES, Exported
from claimledger.tui.calls import desk
from claimledger.tui.screens.choice import ChoiceDialog
from claimledger.tui.screens.text_prompt import TextPrompt

if TYPE_CHECKING:
    from claimledger.tui.screens.ledger import LedgerScreen

FORMATS = [
    ("csv", "CSV, for a spreadsheet"),
    ("json", "JSON, every field"),
    ("claimreview", "ClaimReview JSON-LD: the published fact-checks"),
]


def ask_for_export(screen: LedgerScreen) -> None:
    flt = screen.view.flt

    def chosen(fmt: str | None) -> None:
        if fmt:
            name = f"claims-{date.today().isoformat()}{SUFFIXES[fmt]}"
            screen.app.push_screen(
                TextPrompt(
                    f"Write the {fmt} export to",
                    value=str(Path.cwd() / name),
                    hint="Enter to export · Esc to cancel",
                ),
                lambda path: named(fmt, path),
            )

    def named(fmt: str, text: str | None) -> None:
        if not text or not text.strip():
            return
        path = Path(text.strip()).expanduser()
        screen.notify(f"exporting to {path}…", timeout=2)
        desk(screen).read(
            lambda ledger: ledger.export_view(flt, fmt, path),
            written,
            owner=screen,
            group="export",
            exclusive=False,
            failed=lambda error: refused(error),
        )

    def written(done: Exported) -> None:
        left_out = (
            f"; {done.refused_count} not publishable (first: {done.refused[0]})"
            if done.refused
            else ""
        )
        screen.notify(f"{done.written} claim(s) written to {done.path}{left_out}", timeout=6)

    def refused(error: LedgerError) -> None:
        screen.notify(str(error), severity="error", timeout=8)

    screen.app.push_screen(
        ChoiceDialog(f"Export the claims in view ({flt.describe()})", FORMATS), chosen
    )
