"""When two claims say the same thing: content words and numbers in common."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

_TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*")
_CAP = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "by",
        "with",
        "from",
        "as",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "it's",
        "their",
        "there",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "who",
        "which",
        "what",
        "when",
        "where",
        "while",
        "than",
        "then",
        "so",
        "also",
        "has",
        "have",
        "had",
        "not",
        "no",
        "do",
        "does",
        "did",
        "said",
        "says",
        "say",
        "according",
        "about",
        "into",
        "over",
        "after",
        "before",
        "up",
        "out",
        "if",
        "would",
        "could",
        "will",
        "can",
        "may",
        "might",
        "just",
        "only",
        "very",
        "more",
        "most",
        "such",
        "other",
        "some",
        "any",
        "all",
    ]
)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> frozenset[str]:
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


def claim_similarity(a: str, b: str) -> float:
    """Shared content (numbers and names weigh most); 0 unless they share a number or a name."""
    wa, wb = _weights(a), _weights(b)
    if not wa or not wb:
        return 0.0
    common = wa.keys() & wb.keys()
    if not any(max(wa[w], wb[w]) > 1.0 for w in common):
        return 0.0
    shared = sum(max(wa[w], wb[w]) for w in common)
    total_a, total_b = sum(wa.values()), sum(wb.values())
    containment = shared / min(total_a, total_b)
    jaccard = shared / (total_a + total_b - shared)
    same_number = 0.2 if any(w[0].isdigit() for w in common) else 0.0
    return round(min(1.0, 0.5 * containment + 0.5 * jaccard + same_number), 3)
