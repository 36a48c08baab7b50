"""What matching and conflict checks read of a claim: a stored `Claim` or one just written.

Ingest hands its new claims over as `NewClaim` records built from the rows it inserted, so
suggesting matches and conflicts reads nothing back and builds no ORM objects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


class ClaimFacts(Protocol):
    @property
    def id(self) -> int | None: ...
    @property
    def source_id(self) -> int: ...
    @property
    def quote(self) -> str: ...
    @property
    def quantities(self) -> Sequence[Mapping[str, Any]]: ...
    @property
    def period_start(self) -> str | None: ...
    @property
    def period_end(self) -> str | None: ...


@dataclass(frozen=True)
class NewClaim:
    """A claim inserted in this transaction."""

    id: int
    source_id: int
    quote: str
    quantities: Sequence[Mapping[str, Any]]
    period_start: str | None = None
    period_end: str | None = None
