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
