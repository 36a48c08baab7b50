"""Who is acting: every change in the history names a person."""

from __future__ import annotations

import getpass
import os


def current_user(explicit: str | None = None) -> str:
    """--user, then CLAIMLEDGER_USER, then the login name."""
    if explicit and explicit.strip():
        return explicit.strip()
    env = os.environ.get("CLAIMLEDGER_USER", "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
