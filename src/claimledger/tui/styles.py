"""Colours and short labels shared by the table and the detail pane (theme-neutral Rich styles)."""

from __future__ import annotations

STATE_STYLE = {
    "new": "bold",
    "in_review": "cyan",
    "reviewed": "blue",
    "verified": "green",
    "dismissed": "dim",
}
EVIDENCE_STYLE = {
    "unverified": "dim",
    "supported": "green",
    "mixed": "yellow",
    "contradicted": "red",
    "unverifiable": "magenta",
}
SHORT = {
    "in_review": "in review",
    "correlation_causation": "causation",
    "personal_experience": "personal",
}


def short(value: str) -> str:
    return SHORT.get(value, value)
