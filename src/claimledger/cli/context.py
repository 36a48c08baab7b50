"""What every command shares: which ledger, who is acting, and one-line errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

from claimledger.credentials import without_credentials_in
from claimledger.terminal_text import json_safe, plain, visible

if TYPE_CHECKING:
    from claimledger.service import Ledger


class ShownConsole(Console):
    """A console on which a plain string's escapes are shown, not obeyed: a name, a note or a
    URL put into an f-string reaches the terminal as the ledger's text is shown everywhere."""

    def print(self, *objects: Any, **kwargs: Any) -> None:
        super().print(*(visible(o) if isinstance(o, str) else o for o in objects), **kwargs)


err_console = ShownConsole(stderr=True, highlight=False)
out_console = ShownConsole(highlight=False)


@dataclass
class Settings:
    db: str | None = None
    user: str | None = None
    _ledger: Ledger | None = None

    def ledger(self, *, create: bool = False) -> Ledger:
        """The ledger, opened (and upgraded if it is older) on first use.

        Only commands that add articles create a new ledger: a mistyped --db path is an error,
        not a new empty ledger."""
        if self._ledger is None:
            from claimledger.service import Ledger

            ledger = Ledger.open(self.db, user=self.user, create=create)
            opened = ledger.opened
            if opened is not None and opened.upgraded_from is not None:
                note = f" (backup: {opened.backup})" if opened.backup else ""
                err_console.print(
                    f"upgraded the ledger from schema {opened.upgraded_from}{note}", style="yellow"
                )
            self._ledger = ledger
        return self._ledger


def settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    if not isinstance(obj, Settings):
        obj = Settings()
        ctx.find_root().obj = obj
    return obj


def say(text: str, *, err: bool = False, style: str = "") -> None:
    """A line of ledger or page text: escapes shown, not obeyed; no markup; no URL passwords."""
    console = err_console if err else out_console
    console.print(plain(without_credentials_in(text), style), soft_wrap=True)


def print_error(message: str, *, level: str = "error") -> None:
    """One line on stderr, never wrapped, whatever the terminal's width."""
    style = {"error": "red", "warning": "yellow"}.get(level, "dim")
    say(f"{level}: {message}", err=True, style=style)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one line on stderr; the caller raises what this returns."""
    print_error(message)
    return typer.Exit(code)


def write_out(text: str) -> None:
    """Text for a person (a report, a listing): escapes in it are shown, not obeyed."""
    sys.stdout.write(visible(text))


def write_json(data: object) -> None:
    """`data` as indented JSON: the same data whatever it holds, and safe on a terminal."""
    sys.stdout.write(json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")


def write_json_array(items: Iterable[object]) -> None:
    """`json.dumps(list(items), indent=2)` and a newline, written one item at a time: a long
    list is never held as one string."""
    first = True
    for item in items:
        text = json_safe(json.dumps(item, indent=2, ensure_ascii=False)).replace("\n", "\n  ")
        sys.stdout.write(("[\n  " if first else ",\n  ") + text)
        first = False
    sys.stdout.write("[]\n" if first else "\n]\n")
