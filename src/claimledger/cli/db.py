"""`db copy`: moving a ledger between SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Annotated

import typer

from claimledger.cli.context import err_console, out_console, settings

db_app = typer.Typer(help="The ledger's database as a whole.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")


@db_app.command("copy")
def copy(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="Ledger to copy: a file or a database URL.")],
    target: Annotated[str, typer.Argument(help="Where to: a file or a database URL.")],
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace what the target holds (else it must be empty)."),
    ] = False,
) -> None:
    """Copy a whole ledger, ids, history and all, e.g. from claims.db to a desk's PostgreSQL.

    One transaction on the target: a copy that fails leaves it as it was; run it again.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from claimledger.service import copy_ledger

    settings(ctx)
    bar = Progress(
        TextColumn("copying {task.fields[table]}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err_console,
        transient=True,
    )
    task = bar.add_task("copy", total=None, table="")

    started: list[bool] = []

    def progress(table: str, done: int, total: int) -> None:
        if not started:  # only once rows move: a refusal stays one clean line
            bar.start()
            started.append(True)
        bar.update(task, completed=done, total=total, table=table)

    try:
        report = copy_ledger(source, target, replace=replace, progress=progress)
    finally:
        if started:
            bar.stop()
    rows = ", ".join(f"{n} {name}" for name, n in report.rows)
    verb = "replaced the target with" if report.replaced else "copied"
    out_console.print(f"{verb} {rows}", markup=False, soft_wrap=True)
