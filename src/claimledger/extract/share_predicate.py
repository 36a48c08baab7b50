"""What a share says of its group: "most of the people arrested were criminals" (pure functions).

A share followed by its group and a verb ("half of those held had no convictions") says
something of part of that group. Reading the group and what is said apart lets two shares be
compared when the words about the group differ ("the people arrested" against "those picked
up"), and a negated statement be read as its complement: "more than half had no convictions"
is "less than half had convictions".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimledger.extract.stems import STOP as _STOP
from claimledger.extract.stems import stem as _stem

_CLAUSE = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
_WORD = re.compile(r"[a-z]+(?:'t)?|\d+(?:[.,]\d+)*")
_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "had"})
"""Where what is said of the group begins: being and having."""
_NEGATION = frozenset({"no", "not", "never", "without", "none", "n't", "isn't", "aren't"})
_NEGATION |= {"wasn't", "weren't", "hasn't", "haven't", "hadn't"}
_EMPHASIS = frozenset({"whatsoever", "any", "ever", "even", "been", "be"})
_AT_ALL = re.compile(r"\bat all\b")
_RELATIVE = frozenset({"who", "whom", "whose", "which", "that"})
_PREPOSITIONS = frozenset(
    {"for", "of", "in", "on", "at", "with", "from", "by", "to", "under", "over", "during"}
    | {"since", "after", "before", "against", "about", "as", "into", "than"}
)
GENERIC = frozenset({"those", "them", "these", "they"})
"""A group named only by reference: whose it is, the sentence before says."""


@dataclass(frozen=True)
class SharePredicate:
    head: str | None
    """The first word naming the group the share is of ("people" arrested and deported)."""
    generic: bool
    """The group is a reference ("those picked up"): it may be any group the other names."""
    phrase: tuple[str, ...]
    """What is said of the share, in order, up to a preposition ("criminal", "conviction")."""
    qualifier: frozenset[str]
    """The rest of what is said ("for violent crimes")."""
    negated: bool


def _content(tokens: list[str]) -> list[str]:
    return [_stem(t) for t in tokens if t not in _STOP and not t[0].isdigit() and len(t) > 1]


@lru_cache(maxsize=8192)
def share_predicate(quote: str, figure_text: str) -> SharePredicate | None:
    """The group and the statement after a share in its clause; None when no verb of being or
    having follows it there (a share of a vote, a share that "passed")."""
    lowered = quote.lower().replace("\u2019", "'")
    at = lowered.find(figure_text.lower().replace("\u2019", "'")) if figure_text else -1
    if at < 0:
        return None
    tokens = _WORD.findall(_AT_ALL.sub(" ", _CLAUSE.split(lowered[at + len(figure_text) :])[0]))
    verb = next((i for i, t in enumerate(tokens) if t in _VERBS), None)
    if verb is None:
        return None
    subject, said = tokens[:verb], tokens[verb + 1 :]
    if _RELATIVE & set(subject):
        return None  # "half of those who were held said...": the verb is the relative clause's
    negated = any(t in _NEGATION for t in said)
    said = [t for t in said if t not in _NEGATION and t not in _EMPHASIS and t not in _VERBS]
    cut = next((i for i, t in enumerate(said) if t in _PREPOSITIONS), len(said))
    phrase = tuple(_content(said[:cut]))
    if not phrase:
        return None
    head = next((t for t in subject if t not in {"of", "the", "a", "an", "all"}), None)
    return SharePredicate(
        head=None if head is None or head in GENERIC else _stem(head),
        generic=head is None or head in GENERIC,
        phrase=phrase,
        qualifier=frozenset(_content(said[cut:])),
        negated=negated,
    )


def same_statement(x: SharePredicate, y: SharePredicate) -> bool:
    """The same thing said of the same group: the groups are named alike (or one only by a
    reference), the statements begin alike and one holds all the other's words ("criminals",
    "criminal convictions"; not "convictions" and "felony convictions"), with the same qualifier."""
    if not (x.head == y.head or x.generic or y.generic):
        return False
    if x.phrase[0] != y.phrase[0] or x.qualifier != y.qualifier:
        return False
    px, py = set(x.phrase), set(y.phrase)
    return px <= py or py <= px
