"""Types the tests share (tests/ is on the path: see pytest's `pythonpath` in pyproject.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass
class Result:
    """What a command printed and how it exited."""

    code: int
    out: str
    err: str


class Cli(Protocol):
    """The `cli` fixture: runs `claimledger ARGS...` in-process, as a user would from a shell."""

    def __call__(self, *args: str) -> Result: ...


def cell_text(out: str) -> str:
    """A Rich table's text as one line: borders dropped, wrapped cells joined by single spaces."""
    return " ".join(w for w in out.split() if w.strip("│┃║"))
