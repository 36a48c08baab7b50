"""What the finder returns: claims with their anchors, numbers and time period."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimledger.extract.genre import GenreReading


@dataclass(frozen=True)
class Quantity:
    """A number as written, with its hedge kept: 'more than half' is a lower bound, not 0.5."""

    text: str
    kind: str  # count | percent | money | proportion | multiplier | number
    value: float | None
    bound: str = "exact"  # exact | approx | more_than | less_than | at_least | at_most | range
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "value": self.value,
            "bound": self.bound,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
        }


@dataclass(frozen=True)
class Period:
    start: str
    end: str

    def to_dict(self) -> dict[str, str]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class ExtractedClaim:
    quote: str
    start: int
    end: int
    type: str
    score: float
    speaker: str | None
    quantities: tuple[Quantity, ...]
    period: Period | None
    anchors: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "score": self.score,
            "speaker": self.speaker,
            "quantities": [q.to_dict() for q in self.quantities],
            "period": self.period.to_dict() if self.period else None,
            "anchors": [list(a) for a in self.anchors],
        }


@dataclass(frozen=True)
class Article:
    """What the finder reads from one article: its genre and its claims."""

    genre: GenreReading
    claims: tuple[ExtractedClaim, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self.genre.to_dict(), "claims": [c.to_dict() for c in self.claims]}
