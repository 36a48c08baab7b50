"""A learned check-worthiness score beside the rules: logistic regression over the rule score,
the rule features and hashed word unigrams and bigrams, its weights read from a JSON file.

Inference is plain Python (a sum over the sentence's active features), so the finder needs no
numerical library; `benchmarks/train_scorer.py` writes the weights and says how they were chosen.
"""

from __future__ import annotations

import json
import math
import zlib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any

from claimledger.extract.worthiness import first_word_names, objection

_LENGTHS = ((10, "5-9"), (20, "10-19"), (35, "20-34"), (71, "35-70"))


@dataclass(frozen=True)
class SentenceFacts:
    """What the pipeline knows of one sentence when it judges it: the model's inputs."""

    sentence: str
    tokens: list[str]
    hits: dict[str, int]
    score: float  # the rules' score
    n_quantities: int
    has_period: bool
    attributed: bool
    quoted: bool
    anchored: bool


def full_sentence(sentence: str) -> bool:
    """Ends as a sentence does (a full stop, "!" or "?", before any closing quote)."""
    return sentence.rstrip("”\"’')] ").endswith((".", "!", "?"))


class Gate(StrEnum):
    """Which sentences the rules left the model may take."""

    ANY = "any"
    WHOLE = "whole"  # full sentences only: a heading, a label or a teaser stays the rules' call
    UNOPPOSED = "unopposed"  # only those the rules hold nothing against (`objection`)

    def lets(self, facts: SentenceFacts) -> bool:
        if self is Gate.ANY:
            return True
        if self is Gate.WHOLE:
            return full_sentence(facts.sentence)
        return (
            objection(
                facts.sentence, facts.tokens, facts.hits, facts.n_quantities, facts.has_period
            )
            is None
        )


def named_features(facts: SentenceFacts) -> dict[str, float]:
    """The rule features by name: the rule score, each cue list hit, the anchors, the shape."""
    out: dict[str, float] = {"rule": facts.score, f"rule_bin={min(int(facts.score * 10), 9)}": 1.0}
    for cue in facts.hits:
        out[f"cue={cue}"] = 1.0
    for name, on in (
        ("quantity", facts.n_quantities > 0),
        ("period", facts.has_period),
        ("attributed", facts.attributed),
        ("quoted", facts.quoted),
        ("anchored", facts.anchored),
        ("first_names", first_word_names(facts.sentence)),
    ):
        if on:
            out[name] = 1.0
    n = len(facts.tokens)
    out["len=" + next((label for limit, label in _LENGTHS if n < limit), "71+")] = 1.0
    tail = facts.sentence.rstrip("”\"’')] ")
    out["end=" + (tail[-1:] if tail.endswith(("?", "!", ".")) else "none")] = 1.0
    return out


def hashed_features(tokens: list[str], buckets: int) -> list[int]:
    """Word unigrams and bigrams (and the first word), each hashed into `buckets` (CRC-32, so
    the same on every run and platform, unlike `hash`)."""
    grams = [f"w0={tokens[0]}"] if tokens else []
    grams.extend(tokens)
    grams.extend(f"{a} {b}" for a, b in pairwise(tokens))
    return [zlib.crc32(g.encode("utf-8")) % buckets for g in grams]


@dataclass(frozen=True)
class LearnedScorer:
    """Weights of the model, and the probability at which it takes a sentence the rules left.

    The blend cross-validation chose: a sentence is a claim when the rules take it (as before)
    or when the model alone gives it `threshold` or more; the model never drops a rule claim."""

    bias: float
    named: dict[str, float]
    hashed: dict[int, float]
    buckets: int
    threshold: float
    gate: Gate

    def takes(self, facts: SentenceFacts) -> float | None:
        """The probability of a sentence the rules left, if the model takes it; else None."""
        if not self.gate.lets(facts):
            return None
        p = self.probability(facts)
        return p if p >= self.threshold else None

    def probability(self, facts: SentenceFacts) -> float:
        z = self.bias
        named = self.named
        for name, value in named_features(facts).items():
            z += named.get(name, 0.0) * value
        hashed = self.hashed
        for index in hashed_features(facts.tokens, self.buckets):
            z += hashed.get(index, 0.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict[str, Any]:
        return {
            "bias": self.bias,
            "named": self.named,
            "hashed": {str(k): v for k, v in sorted(self.hashed.items())},
            "buckets": self.buckets,
            "threshold": self.threshold,
            "gate": self.gate.value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LearnedScorer:
        return cls(
            bias=float(data["bias"]),
            named={str(k): float(v) for k, v in data["named"].items()},
            hashed={int(k): float(v) for k, v in data["hashed"].items()},
            buckets=int(data["buckets"]),
            threshold=float(data["threshold"]),
            gate=Gate(data["gate"]),
        )


WEIGHTS_FILE = "scorer.json"


@cache
def shipped_scorer() -> LearnedScorer:
    """The weights shipped in the package (read once, on first use)."""
    text = resources.files("claimledger.extract").joinpath("data", WEIGHTS_FILE).read_text("utf-8")
    return LearnedScorer.from_dict(json.loads(text))


@dataclass(frozen=True)
class TracedSentence:
    """One sentence the pipeline judged, as the training script sees it: its facts, where it
    is, the key repeats are known by, and the type it would get as a claim."""

    facts: SentenceFacts
    start: int
    end: int
    key: str
    type: str
