"""Word tables the claim type rules read beyond the cue lists the worthiness score shares.

Each table is one meaning, written once; `claimtypes` reads them in its rules. They are counted
under names of their own, so the learned scorer, which reads the names of the cue lists a
sentence hits, sees no change when a table here grows.
"""

from __future__ import annotations

from claimledger.extract.cues import Cues

# What an agreement, a ruling or a law is called: its terms, told in the present, are a rule
# ("the deal allows the publisher to set prices").
INSTRUMENTS = frozenset(
    (
        *("agreement", "agreements", "deal", "deals", "contract", "contracts", "ruling"),
        *("rulings", "settlement", "settlements", "treaty", "treaties", "accord", "accords"),
        *("pact", "pacts", "licence", "licences", "license", "licenses", "law", "laws", "bill"),
        *("bills", "statute", "statutes", "ordinance", "ordinances", "regulation", "rules"),
        *("regulations", "policy", "policies", "charter", "constitution", "amendment"),
        *("provision", "provisions", "clause", "clauses", "decree", "judgment", "judgement"),
    )
)
# What such terms do, in the present ("allows", "requiring"); the plain form ("the rules allow")
# only where no modal or "to" stands before it ("will allow" foretells).
_TERMS_STEMS = (
    *("allow", "permit", "require", "oblige", "obligate", "forbid", "prohibit", "ban", "bar"),
    *("exempt", "entitle", "guarantee", "restrict", "limit", "cap", "let"),
)
TERMS_NOW = frozenset(
    (
        *(f"{s}s" for s in _TERMS_STEMS),
        *("allowing", "permitting", "requiring", "obliging", "obligating", "forbidding"),
        *("prohibiting", "banning", "barring", "exempting", "entitling", "guaranteeing"),
        *("restricting", "limiting", "capping", "letting", "creates", "establishes", "gives"),
    )
)
# the plain forms that are seldom nouns ("a ban", "the bar", "a building permit" are)
TERMS_PLAIN = frozenset(
    (
        "allow",
        "require",
        "oblige",
        "obligate",
        "forbid",
        "prohibit",
        "exempt",
        "entitle",
        "restrict",
    )
)
# Words before a plain verb that make it no statement of what the terms are.
NOT_NOW_BEFORE = frozenset(
    ["to", "will", "would", "could", "might", "may", "should", "shall", "must", "can", "cannot"]
)
# "Under the ruling, the company can discount prices": what someone may or must do under it.
PERMISSION = frozenset(["can", "cannot", "can't", "may", "must", "mustn't", "shall"])

# Verbs that tell an effect one thing has on another: in the present ("the drug disrupts the
# networks", "seems to disrupt", "can alter") and, for those whose past is as causal ("the drug
# spurred the brain into", "the trip transformed them"), in the past. Their -ing forms are as
# often adjectives ("an affecting story"), and the past of "affect", "impact" and "impair" is
# mostly one ("affected residents"), so those are not read.
_EFFECT_STEMS = (
    *("disrupt", "alter", "transform", "spur", "trigger", "impair", "affect", "impact"),
    *("boost", "undermine", "weaken", "strengthen"),
)
_EFFECT_PAST = (
    *("spurred", "triggered", "disrupted", "transformed", "boosted", "undermined", "weakened"),
    *("strengthened", "altered"),
)
EFFECT = Cues(frozenset(_EFFECT_STEMS) | {f"{s}s" for s in _EFFECT_STEMS} | set(_EFFECT_PAST))
# Words before an effect's word that show it is a noun: "the impact", "a boost", "for impact".
DETERMINERS = frozenset(
    (
        *("the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "these", "those"),
        *("any", "no", "some", "of", "for", "with", "by", "in", "on", "at", "from", "about"),
        "into",
    )
)
# Words after it that show the same: "the impact of", "a boost to", "impacts that landed".
NOUN_AFTER = frozenset(
    ["of", "to", "on", "for", "from", "in", "is", "was", "are", "were", "that", "which", "and"]
)
# Words that open a general effect told with "to": "seems to disrupt", "helps to prevent".
SEEMS = frozenset(
    (
        *("seem", "seems", "seemed", "appear", "appears", "appeared", "tend", "tends", "help"),
        *("helps", "helped", "likely", "shown", "found", "known", "proven", "thought"),
        *("believed", "said", "reported", "able"),
    )
)
# Pronouns that point to the sentence before: "This is why", "That was the main reason".
POINTERS = frozenset(["this", "that", "it", "which"])
# Words before a plain verb of effect that make it one: "can alter", "does not affect".
FRAMES = frozenset(["can", "cannot", "do", "does", "did", "not"])
# Words before a past one that make it an adjective: "being impaired", "became weakened".
ADJECTIVE_AFTER = frozenset(["being", "become", "becomes", "became", "seem", "seems", "seemed"])
# Hedges before an effect: a maybe, not a claim of cause.
HEDGES = frozenset(["would", "could", "might", "may"])
# A cause named as the reason: "underperformance is why states are pulling out", "nuts are the
# main reason people ..." (not "this is why": the cause is in the sentence before).
REASON_SIZES = frozenset(["main", "major", "key", "chief", "biggest", "primary"])
REASON = Cues(
    frozenset(),
    (
        *(f"{be} why" for be in ("is", "are", "was", "were")),
        *(f"{size} {word}" for size in REASON_SIZES for word in ("reason", "reasons")),
        "the reason why",
    ),
)

# An amount without its figure: a size and an amount's word ("a large share of", "a growing
# number of"), and the fixed phrases that say the same.
_SIZES = (
    *("large", "larger", "largest", "small", "smaller", "smallest", "growing", "shrinking"),
    *("greater", "big", "bigger", "biggest", "huge", "significant", "disproportionate"),
    *("substantial", "record", "vast", "tiny", "increasing", "declining", "rising", "falling"),
)
_AMOUNTS = (
    *("share", "number", "proportion", "amount", "portion", "percentage", "majority"),
    # money told by its size: "a larger deficit", "a record surplus", "huge losses"
    *("deficit", "deficits", "surplus", "surpluses", "debt", "debts", "loss", "losses"),
    *("profit", "profits", "sum", "sums"),
)
VAGUE_AMOUNT = Cues(
    frozenset(),
    (
        *(f"{size} {amount}" for size in _SIZES for amount in _AMOUNTS),
        *("the bulk of", "lion's share", "a fraction of", "a minority of", "the minority of"),
        "fewer and fewer",
    ),
)
# An amount said to change over time without its figure: "parents are increasingly refusing"
# (not "the increasingly unpopular service": a description in passing).
TREND = Cues(frozenset(["increasingly"]))
# A place among others: "the city is last among the large counties".
PLACES = frozenset(
    (
        *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
        *("tenth", "last", "top", "bottom"),
    )
)
# A count that names a group already known, not a count to check: "all five publishers settled".
WHOLE_GROUP = frozenset(["all", "each"])

# Someone telling what they did not do or see: "I didn't see it", "we weren't told".
FIRST_PERSON_NEGATED = Cues(
    frozenset(),
    (
        *("i didn't", "we didn't", "i did not", "we did not", "i wasn't", "we weren't"),
        *("i was not", "we were not"),
    ),
)

# An act measured against a rule says what the rule is: "a violation of league rules".
BREACH = Cues(
    frozenset(), ("violation of", "violations of", "breach of", "in breach", "breaches of")
)
