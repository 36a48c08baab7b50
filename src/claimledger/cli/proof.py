"""`verify`, `backup`, `restore`: proving the record, and keeping a copy of it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from claimledger.cli.context import err_console, out_console, settings


def register(app: typer.Typer) -> None:
    app.command("verify")(verify)
    app.command("backup")(backup)
    app.command("restore")(restore)


def _checkpoint(value: str) -> tuple[int, str]:
    from claimledger.errors import InvalidValue

    at, _, digest = value.partition(":")
    if not at.isdigit() or len(digest) != 64:
        raise InvalidValue(f"a checkpoint is ENTRY:DIGEST as verify printed it, not {value!r}")
    return int(at), digest.lower()


def verify(
    ctx: typer.Context,
    checkpoint: Annotated[
        str | None,
        typer.Option(
            "--checkpoint",
            help="ENTRY:DIGEST printed by an earlier verify: prove nothing before it changed.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of text.")] = False,
) -> None:
    """Recompute the history's hash chain and every claim's state from its history; name each
    edited, removed, reordered or inconsistent entry. Exits 1 when anything is wrong."""
    from claimledger.records import Finding, to_json

    expect = _checkpoint(checkpoint) if checkpoint else None
    result = settings(ctx).ledger().verify(checkpoint=expect[0] if expect else None)
    findings = list(result.findings)
    if expect is not None and result.digest != expect[1]:
        findings.append(
            Finding(
                None,
                None,
                "checkpoint",
                f"the history up to entry {expect[0]} is not what it was when its digest was kept",
            )
        )
    if as_json:
        print(json.dumps({**to_json(result), "findings": to_json(findings)}, indent=2))
    else:
        for f in findings:
            out_console.print(f.describe(), markup=False, soft_wrap=True)
        verdict = "ok" if not findings else f"{len(findings)} problem(s)"
        out_console.print(
            f"{result.claims} claims, {result.entries} history entries: {verdict}", markup=False
        )
        out_console.print(
            f"checkpoint {result.checkpoint}:{result.digest}", markup=False, soft_wrap=True
        )
    if findings:
        raise typer.Exit(1)


def backup(
    ctx: typer.Context,
    target: Annotated[Path, typer.Argument(help="The backup file to write (a SQLite ledger).")],
    replace: Annotated[bool, typer.Option("--replace", help="Overwrite an existing file.")] = False,
) -> None:
    """A consistent copy of the ledger while others keep working (SQLite's online backup; a
    PostgreSQL ledger is copied into a SQLite file from one snapshot)."""
    report = settings(ctx).ledger().backup(target, replace=replace)
    out_console.print(
        f"backed up {report.claims} claims and {report.entries} history entries to {report.path}",
        markup=False,
        soft_wrap=True,
    )


def restore(
    ctx: typer.Context,
    backup_file: Annotated[Path, typer.Argument(help="A file `backup` wrote.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Replace the ledger with a backup. The ledger it replaces is kept beside it."""
    ledger = settings(ctx).ledger()
    if not yes and not typer.confirm(f"Replace the ledger with {backup_file}?", err=True):
        raise typer.Exit(1)
    report = ledger.restore(backup_file)
    kept = f" (the replaced ledger is kept in {report.kept})" if report.kept else ""
    err_console.print(
        f"restored {report.claims} claims and {report.entries} history entries{kept}",
        markup=False,
        soft_wrap=True,
    )
