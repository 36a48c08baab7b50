"""What matching and conflict checks read of a claim: a stored `Claim` or one just written.

Ingest hands its new claims over as `NewClaim` records built from the rows it inserted, so
suggesting matches and conflicts reads nothing back and builds no ORM objects; their blocking keys
come with them, computed in the worker processes that found the claims.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from claimledger.extract.similarity import match_keys, measure_keys


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
    match_keys: frozenset[int] | None = None
    """Its blocking keys, when computed where it was found (ingest's worker processes)."""
    measure_keys: frozenset[int] | None = None


def match_keys_of(claim: ClaimFacts) -> frozenset[int]:
    if isinstance(claim, NewClaim) and claim.match_keys is not None:
        return claim.match_keys
    return match_keys(claim.quote)


def measure_keys_of(claim: ClaimFacts) -> frozenset[int]:
    if isinstance(claim, NewClaim) and claim.measure_keys is not None:
        return claim.measure_keys
    return measure_keys(claim.quote, claim.quantities)
