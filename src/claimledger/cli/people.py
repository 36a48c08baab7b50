"""`user` and `rules`: who works on this ledger, in which role, and the desk's rules."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from claimledger.cli.context import out_console, settings

user_app = typer.Typer(help="The people on this ledger and their roles.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
    app.command("rules")(rules)


@user_app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The name they give with --user.")],
    role: Annotated[str, typer.Option("--role", help="checker, reviewer, editor or admin.")],
) -> None:
    """Add someone (or change their role). The first person added must be an admin; from then
    on only the people listed may change the ledger."""
    person = settings(ctx).ledger().add_person(name, role)
    out_console.print(f"{person.name} is a {person.role.value}", markup=False)


@user_app.command("remove")
def remove(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="Who to take off.")]
) -> None:
    """Take someone off the ledger (their past changes keep their name)."""
    settings(ctx).ledger().remove_person(name)
    out_console.print(f"{name} removed", markup=False)


@user_app.command("list")
def list_people(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """Everyone on the ledger, with their role (and who you are)."""
    from claimledger.records import to_json

    ledger = settings(ctx).ledger()
    people, me = ledger.people(), ledger.actor()
    if as_json:
        print(json.dumps({"you": to_json(me), "people": to_json(people)}, indent=2))
        return
    if not people:
        out_console.print(
            "no people on this ledger: anyone may change it "
            "(`claimledger user add NAME --role admin` starts the list)",
            markup=False,
        )
    for p in people:
        mark = "*" if p.name == me.name else " "
        out_console.print(
            f"{mark} {p.name:<20} {p.role.value:<9} added by {p.added_by}", markup=False
        )
    out_console.print(f"you: {me.describe()}", markup=False, style="dim")


def rules(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="A rule to set (see the list).")] = None,
    value: Annotated[str | None, typer.Argument(help="on or off.")] = None,
) -> None:
    """Show the ledger's rules, or set one, e.g. `rules separate_verifier on`: the editor who
    verifies a claim must not be the person who marked it reviewed."""
    from claimledger.errors import InvalidValue

    ledger = settings(ctx).ledger()
    if name is not None:
        if value not in ("on", "off"):
            raise InvalidValue("say on or off, e.g. `claimledger rules separate_verifier on`")
        ledger.set_rule(name.replace("-", "_"), value == "on")
    for key, on in ledger.rules().items():
        out_console.print(f"{key:<20} {'on' if on else 'off'}", markup=False)
