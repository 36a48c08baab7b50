"""Who is acting: every change in the history names a person."""

from __future__ import annotations

import getpass
import os

from claimledger.errors import InvalidValue
from claimledger.terminal_text import is_safe

MOST_NAME = 200


def current_user(explicit: str | None = None) -> str:
    """--user, then CLAIMLEDGER_USER, then the login name."""
    if explicit and explicit.strip():
        return checked_name(explicit.strip())
    env = os.environ.get("CLAIMLEDGER_USER", "").strip()
    if env:
        return checked_name(env)
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def checked_name(name: str) -> str:
    """A name the history can sign with: one line, nothing that acts on a terminal (it is shown
    in every listing and exported in every format)."""
    if not is_safe(name) or "\n" in name or "\t" in name:
        raise InvalidValue("a user name cannot hold control characters or line breaks")
    if len(name) > MOST_NAME:
        raise InvalidValue(f"a user name is at most {MOST_NAME} characters")
    return name
