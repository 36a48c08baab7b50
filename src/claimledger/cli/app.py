"""The `claimledger` command: global options, the command groups, and error handling."""

from __future__ import annotations

import logging
import os
import sys
from typing import Annotated

import typer

from claimledger import __version__
from claimledger.cli import (
    claims,
    conflicts,
    db,
    evidence,
    export,
    factchecks,
    importer,
    ingest,
    links,
    matches,
    people,
    proof,
    publish,
    report,
    verdicts,
)
from claimledger.cli.context import Settings, print_error
from claimledger.errors import LedgerError

app = typer.Typer(
    name="claimledger",
    help="Find the factual claims in articles, review them, and export the verified ones.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"claimledger {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="CLAIMLEDGER_DB",
            help="Ledger file or SQLAlchemy URL (default ./claims.db).",
            show_envvar=True,
        ),
    ] = None,
    user: Annotated[
        str | None,
        typer.Option(
            "--user",
            envvar="CLAIMLEDGER_USER",
            help="Who is acting, for the history (default: login name).",
            show_envvar=True,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """With no command, opens the review UI."""
    ctx.obj = Settings(db=db, user=user)
    if ctx.invoked_subcommand is None:
        claims.open_tui(ctx.obj)


ingest.register(app)
claims.register(app)
evidence.register(app)
export.register(app)
matches.register(app)
links.register(app)
factchecks.register(app)
db.register(app)
people.register(app)
proof.register(app)
publish.register(app)
importer.register(app)
report.register(app)
conflicts.register(app)
verdicts.register(app)


def main() -> None:
    """Entry point: a user's mistake is one line on stderr and a non-zero exit, never a traceback."""
    # SQLAlchemy logs, with a traceback, a connection it could not reset (a Ctrl-C landing inside
    # the pool's own rollback); with no handler, Python would print that on stderr. What went
    # wrong reaches the user as an exception and its one line, so the pool's log stays silent.
    logging.getLogger("sqlalchemy").addHandler(logging.NullHandler())
    try:
        code = app(standalone_mode=False)
    except LedgerError as exc:
        print_error(str(exc))
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(1)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # click's usage errors arrive here in non-standalone mode
        # Typer may ship its own copy of click, so match the class by name, not identity.
        if any(cls.__name__ == "ClickException" for cls in type(exc).__mro__):
            exc.show()  # type: ignore[attr-defined]
            sys.exit(exc.exit_code)  # type: ignore[attr-defined]
        raise
    sys.exit(code if isinstance(code, int) else 0)
