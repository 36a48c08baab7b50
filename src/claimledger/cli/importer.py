"""`import`: a JSON Lines archive (`export --format jsonl`) read into this ledger."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimledger.cli.context import fail, out_console, settings


def register(app: typer.Typer) -> None:
    app.command("import")(import_archive)


def import_archive(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="The archive (export --format jsonl).")],
) -> None:
    """Read another ledger's archive into this one (new or not), merging what both hold.

    The whole file is checked before anything is written, then written in one transaction;
    importing it again adds nothing. Ids are kept where they are free here.
    """
    if not path.is_file():
        raise fail(f"no file {path}")
    report = settings(ctx).ledger(create=True).import_archive(path)
    names = {"source": "articles", "claim": "claims", "evidence": "evidence links",
             "history": "history entries", "publication": "publications"}  # fmt: skip
    added = ", ".join(f"{report.added[k]} {v}" for k, v in names.items())
    out_console.print(f"imported {added}", markup=False, soft_wrap=True)
    already = sum(report.already.values())
    if already:
        out_console.print(f"{already} already in this ledger, left as they were", markup=False)
    if report.renumbered:
        out_console.print(
            f"{report.renumbered} article(s) or claim(s) got a new id (theirs was taken here)",
            markup=False,
        )
