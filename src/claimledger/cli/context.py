"""What every command shares: which ledger, who is acting, and one-line errors."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import typer
from rich.console import Console

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

err_console = Console(stderr=True, highlight=False)
out_console = Console(highlight=False)


@dataclass
class Settings:
    db: str | None = None
    user: str | None = None
    _engine: Engine | None = None

    def engine(self) -> Engine:
        if self._engine is None:
            from claimledger.db import open_ledger

            opened = open_ledger(self.db)
            if opened.upgraded_from is not None:
                note = f" (backup: {opened.backup})" if opened.backup else ""
                err_console.print(
                    f"upgraded the ledger from schema {opened.upgraded_from}{note}", style="yellow"
                )
            self._engine = opened.engine
        return self._engine

    @property
    def who(self) -> str:
        from claimledger.ledger.users import current_user

        return current_user(self.user)

    @contextmanager
    def session(self) -> Iterator[Session]:
        from claimledger.db import session_scope

        with session_scope(self.engine()) as session:
            yield session


def settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    if not isinstance(obj, Settings):
        obj = Settings()
        ctx.find_root().obj = obj
    return obj


def print_error(message: str, *, level: str = "error") -> None:
    """One line on stderr, never wrapped, whatever the terminal's width."""
    style = {"error": "red", "warning": "yellow"}.get(level, "dim")
    err_console.print(f"{level}: {message}", style=style, markup=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one line on stderr; the caller raises what this returns."""
    print_error(message)
    return typer.Exit(code)


def write_out(text: str) -> None:
    sys.stdout.write(text)
