"""When two claims say the same thing: content words and numbers in common."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimledger.extract.measure_words import same_measure_word
from claimledger.extract.share_predicate import share_predicate
from claimledger.extract.stems import STOP as _STOP
from claimledger.extract.stems import stem as _stem

_TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*")
_CAP = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z]+")


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    """Cached: ingest reads a new claim's words for its fingerprint, then again to match it."""
    return frozenset(
        _stem(t) for t in _TOKEN.findall(text.lower().replace("’", "'")) if t not in _STOP
    )


def claim_fingerprint(quote: str) -> str:
    """Same content words, same fingerprint, whatever the punctuation, case or word order."""
    key = " ".join(sorted(content_words(quote)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=8192)
def _weights(text: str) -> dict[str, float]:
    """Numbers weigh most, then names (capitalised in the text), then other content words."""
    capitalised = {_stem(w.lower()) for w in _CAP.findall(text)}
    out: dict[str, float] = {}
    for word in content_words(text):
        if word[0].isdigit():
            out[word] = 3.0
        elif word in capitalised:
            out[word] = 1.5
        else:
            out[word] = 1.0
    return out  # cached: callers only read it


def match_terms(quote: str) -> tuple[list[str], list[str]]:
    """The words another claim must share to be similar: (numbers and names, other words).

    Stems, longest first; a similar claim shares one of the first list (`claim_similarity` is 0
    otherwise) and, nearly always, one of the second.
    """
    weights = _weights(quote)
    simple = [w for w in weights if w.isalnum()]  # "1,000" or "3.5" are not one index token
    strong = [w for w in simple if weights[w] > 1.0 and (len(w) >= 2)]
    weak = [w for w in simple if weights[w] == 1.0 and len(w) >= 4]
    return (
        sorted(strong, key=lambda w: (-len(w), w))[:6],
        sorted(weak, key=lambda w: (-len(w), w))[:8],
    )


@dataclass(frozen=True)
class SimilarityProfile:
    """A quote's weighted words as sets: similarity is a few set operations in C, not a Python
    loop per word (ingest scores hundreds of candidates per article)."""

    words: frozenset[str]
    numbers: frozenset[str]
    """Weight 3."""
    names: frozenset[str]
    """Weight 1.5: capitalised in the text, not a number."""
    total: float


def similarity_profile(text: str) -> SimilarityProfile:
    """What `claim_similarity` reads of a quote (pure: ingest's workers compute it with the claim)."""
    weights = _weights(text)
    return SimilarityProfile(
        frozenset(weights),
        frozenset(w for w, v in weights.items() if v == 3.0),
        frozenset(w for w, v in weights.items() if v == 1.5),
        sum(weights.values()),
    )


PROFILES_KEPT = 16384
"""About 50 MB: enough for the candidates of a few hundred articles' claims."""
_PROFILES: dict[str, SimilarityProfile] = {}


def remember_profile(text: str, profile: SimilarityProfile) -> SimilarityProfile:
    """Keep a quote's profile for the next comparisons (the least recently used is forgotten
    first): the writer keeps those its workers computed, so it reads no new claim's words."""
    if len(_PROFILES) >= PROFILES_KEPT:
        del _PROFILES[next(iter(_PROFILES))]
    _PROFILES[text] = profile
    return profile


def profile_of(text: str) -> SimilarityProfile:
    """A quote's profile, kept for the next comparisons: a caller comparing one quote with many
    reads it once (`profiles_similarity`)."""
    found = _PROFILES.pop(text, None)  # kept again as the newest: the least recently used goes
    if found is None:
        return remember_profile(text, similarity_profile(text))
    _PROFILES[text] = found
    return found


def claim_similarity(a: str, b: str) -> float:
    """Shared content (numbers and names weigh most); 0 unless they share a number or a name.

    A shared word weighs the more of its two weights: 3 for a number (a number in both), 1.5 for
    a name (capitalised in either), 1 otherwise; every sum is exact (halves and wholes)."""
    return profiles_similarity(profile_of(a), profile_of(b))


def profiles_similarity(pa: SimilarityProfile, pb: SimilarityProfile) -> float:
    """`claim_similarity` of two quotes' profiles."""
    if not pa.words or not pb.words:
        return 0.0
    common = pa.words & pb.words
    numbers = len(common & pa.numbers)
    names = len((common & pa.names) | (common & pb.names))
    if not numbers and not names:
        return 0.0
    shared = len(common) + 2.0 * numbers + 0.5 * names
    containment = shared / min(pa.total, pb.total)
    jaccard = shared / (pa.total + pb.total - shared)
    same_number = 0.2 if numbers else 0.0
    return round(min(1.0, 0.5 * containment + 0.5 * jaccard + same_number), 3)


# -- blocking keys: candidates from an index look-up, not a ranked full-text query ---------------
KEY_STRONG = 4
KEY_WEAK = 5
MEASURE_WORDS = 6


def _key(text: str) -> int:
    """48 bits of a hash: small in the index, and a rare collision only costs one extra candidate."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=6).digest(), "big")


@lru_cache(maxsize=8192)
def match_keys(quote: str) -> frozenset[int]:
    """One key per (number or name, other word) pair among the claim's longest ones.

    `claim_similarity` is 0 unless two claims share a number or a name, and similar claims nearly
    always share one of their longer other words too: so similar claims share a key, while a key
    is rare enough that its claims are few, whatever the size of the ledger. A claim with no other
    word keys its numbers and names alone.
    """
    strong, weak = match_terms(quote)
    strong, weak = strong[:KEY_STRONG], weak[:KEY_WEAK]
    if not weak:
        return frozenset(_key(f"s|{s}") for s in strong)
    return frozenset(_key(f"p|{s}|{w}") for s in strong for w in weak)


def measure_group(kind: str | None, unit: str | None, *, same_measure: bool = False) -> str | None:
    """What a figure counts: shares (percent and proportions) together, counts by their unit;
    `same_measure`: units that name one measure as one (workers / employees)."""
    if kind in ("percent", "proportion"):
        return "share"
    if kind in ("count", "money") and unit:
        stems = (_stem(w) for w in _TOKEN.findall(unit.lower()))
        return f"{kind}:{' '.join(map(same_measure_word, stems) if same_measure else stems)}"
    if kind == "money":
        return "money"
    return None


NEAR = 3
_CALENDAR = frozenset(
    _stem(w)
    for w in [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "period",
        "time",
    ]
)
_NEGATION = frozenset({"no", "not", "never", "without", "none", "nor", "n't"})


@dataclass(frozen=True)
class FigureContext:
    """The words around a figure: what it counts and what happened to it."""

    before: tuple[str, ...]
    """Nearest first."""
    after: tuple[str, ...]
    negated: bool

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.before + self.after)


NO_CONTEXT = FigureContext((), (), False)
_CLAUSE = re.compile(r"[,;:()\u2014\u2013]|\s-\s")


@lru_cache(maxsize=16384)
def figure_context(quote: str, figure_text: str) -> FigureContext:
    """Up to NEAR content words after a figure and NEAR before it, in its clause (an attribution
    after a comma is not what the figure counts), numbers and calendar words left out; "no" or
    "not" after it is kept (half had convictions, half had no convictions). Cached: the conflict
    check reads a new claim's figures against each of its candidates."""
    lowered = quote.lower().replace("\u2019", "'")
    at = lowered.find(figure_text.lower().replace("\u2019", "'")) if figure_text else -1
    if at < 0:
        return NO_CONTEXT
    tail = _CLAUSE.split(lowered[at + len(figure_text) :])[0]
    head = _CLAUSE.split(lowered[:at])[-1]
    after, negated = _near(_TOKEN.findall(tail))
    before, _ = _near(list(reversed(_TOKEN.findall(head))))
    return FigureContext(before, after, negated)


def figure_words(quote: str, figure_text: str) -> frozenset[str]:
    return figure_context(quote, figure_text).words


def _near(tokens: list[str]) -> tuple[tuple[str, ...], bool]:
    found: list[str] = []
    negated = False
    for token in tokens:
        if token in _NEGATION:
            negated = True
            continue
        if token in _STOP or token[0].isdigit() or len(token) < 2:
            continue
        stem = _stem(token)
        if stem in _CALENDAR:
            continue
        found.append(stem)
        if len(found) == NEAR:
            break
    return tuple(found), negated


def measure_keys(quote: str, quantities: Sequence[Mapping[str, object]]) -> frozenset[int]:
    """One key per (what a figure counts, word about it): claims about one measure share one."""
    keys: set[int] = set()
    for q in quantities:
        kind, unit = _str(q.get("kind")), _str(q.get("unit"))
        group = measure_group(kind, unit)
        if q.get("value") is None or group is None:
            continue
        context = figure_context(quote, str(q.get("text", "")))
        words = context.before[:2] + context.after[:2]
        for word in words:
            keys.add(_key(f"m|{group}|{word}"))
        # one measure in other words (closed / shut, workers / employees) meets under its name;
        # the keys above stay as they were, so claims keyed before the table still meet these
        same_group = measure_group(kind, unit, same_measure=True)
        for word in words:
            same = same_measure_word(word)
            if same != word or same_group != group:
                keys.add(_key(f"m|{same_group}|{same}"))
        said = share_predicate(quote, str(q.get("text", ""))) if group == "share" else None
        if said is not None:  # "most were criminals", "half had no criminal convictions"
            keys.add(_key(f"s|{group}|{said.phrase[0]}"))
    return frozenset(keys)


def claim_keys(quote: str, quantities: Sequence[Mapping[str, object]]) -> frozenset[int]:
    return match_keys(quote) | measure_keys(quote, quantities)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None
