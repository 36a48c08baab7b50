"""Colours and short labels shared by the table and the detail pane, taken from the current theme.

Textual's `text-*` theme colours are tuned to stay readable on the theme's background, so states
and evidence statuses read as well in a light theme as in a dark one.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from rich.color import ColorParseError
from rich.style import Style

STATE_COLOUR = {"in_review": "text-accent", "reviewed": "text-primary", "verified": "text-success"}
EVIDENCE_COLOUR = {
    "supported": "text-success",
    "mixed": "text-warning",
    "contradicted": "text-error",
    "unverifiable": "text-secondary",
}
FIXED = {"new": Style(bold=True), "dismissed": Style(dim=True), "unverified": Style(dim=True)}
SHORT = {
    "in_review": "in review",
    "correlation_causation": "causation",
    "personal_experience": "personal",
}


def short(value: str) -> str:
    return SHORT.get(value, value)


@lru_cache(maxsize=16)
def _colour(value: str | None) -> Style:
    if not value:
        return Style()
    try:
        return Style(color=value.split()[0])
    except ColorParseError:  # "ansi_default" and friends: plain text
        return Style()


def state_style(state: str, variables: Mapping[str, str]) -> Style:
    return FIXED.get(state) or _colour(variables.get(STATE_COLOUR.get(state, "")))


def evidence_style(status: str, variables: Mapping[str, str]) -> Style:
    return FIXED.get(status) or _colour(variables.get(EVIDENCE_COLOUR.get(status, "")))


def flag_style(conflict: bool, variables: Mapping[str, str]) -> Style:
    """A row's flag: a conflict in the theme's error colour, a verdict elsewhere in its accent."""
    colour = _colour(variables.get("text-error" if conflict else "text-accent"))
    return colour + Style(bold=True)
