"""A claim's type (Full Fact's schema), read by a table of rules: the first rule that holds wins.

Each rule is a record (the type it gives, its name, why it holds) over one reading of the
sentence: its words, the cue lists it hits and the figures found in it. The order follows the
labelling guidelines (quantity, prediction, causation, first-hand experience, rules), with one
reading of a rule ("will" under a condition or beside a policy word) tried before prediction,
since its words would otherwise pass for a forecast.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from claimledger.extract.cues import Cues, forms
from claimledger.extract.model import Quantity
from claimledger.extract.rulewords import NOT_RULE, RULE_CUES
from claimledger.extract.typewords import (
    ADJECTIVE_AFTER,
    BREACH,
    DETERMINERS,
    EFFECT,
    FIRST_PERSON_NEGATED,
    FRAMES,
    HEDGES,
    INSTRUMENTS,
    NOT_NOW_BEFORE,
    NOUN_AFTER,
    PERMISSION,
    PLACES,
    POINTERS,
    REASON,
    REASON_SIZES,
    SEEMS,
    TERMS_NOW,
    TERMS_PLAIN,
    TREND,
    VAGUE_AMOUNT,
    WHOLE_GROUP,
)

# A figure that only says how long something lasted ("over the past three decades", "jailed for
# two years") tells when or how long; it does not make the number what is asserted.
DURATION_UNITS = frozenset(
    [
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
    ]
)

PREDICT = Cues(
    frozenset(
        ["will", "expect", "expects", "forecast", "forecasts", "predicts", "predicted", "projected"]
    ),
    (
        "is going to",
        "are going to",
        "plan to",
        "plans to",
        "expected to",
        "is set to",
        "are set to",
    ),
)
_LINKED = ("associated", "correlated")
_CAUSE_VERBS = ("discourage", "exacerbate", "deter", "worsen", "fuel")
CAUSE = Cues(
    frozenset(["because", "caused", "causes", "cause", "therefore", "drove", "harms", "blamed"])
    | forms(*_CAUSE_VERBS)
    | {"deterred", "fuelled"}
    # a general effect in the present ("appears to prevent that from happening"); "prevented"
    # tells what someone did
    | {"prevent", "prevents"},
    (
        "as a result",
        "resulted in",
        "results in",
        "result in",
        "led to",
        "lead to",
        "leads to",
        "due to",
        "linked to",
        "so that",
        "thanks to",
        "driven by",
        "contributes to",
        "contributed to",
        # a link between two things found, not only a cause: correlation is this type too
        # (as a verb: "the risk associated with hedge funds" names a risk, it finds no link)
        *(f"{be} {linked} with" for be in ("is", "are", "was", "were") for linked in _LINKED),
        *("correlates with", "link between", "linked with"),
        *("as a result of", "owing to", "resulting in", "responsible for"),
        *(f"{verb} the risk" for verb in ("increases", "increased", "raises", "raised")),
        *(f"{verb} the risk" for verb in ("reduces", "reduced", "lowers", "lowered", "cuts")),
        *(
            f"{verb} it {degree}"
            for verb in ("made", "makes", "make")
            for degree in ("more", "less", "harder", "easier", "impossible")
        ),
    ),
)
# A cause that is only a maybe ("would lead to", "could cause") is no causal claim.
HEDGED_CAUSE = Cues(
    frozenset(),
    tuple(
        f"{modal} {verb}"
        for modal in ("would", "could", "might", "may")
        for verb in ("lead to", "result in", "cause", "prevent", *_CAUSE_VERBS)
    ),
)
# "As a result, the judge granted ...": the cause is in the sentence before; this one tells an event.
_CONNECTIVE_CAUSE = (("as", "a", "result"), ("therefore",), ("because", "of", "this"))
_CONNECTIVE_FIRST = frozenset(lead[0] for lead in _CONNECTIVE_CAUSE)

# A court's or a government's order is a rule even when the sentence tells how it was made.
ORDER = Cues(
    frozenset(["injunction", "injunctions", "decree"]),
    ("restraining order", "executive order", "court order", "consent decree"),
)
# What a rule does, in the present: with these, a sentence telling an event is about the rule.
RULE_NOW = Cues(
    frozenset(
        [
            "requires",
            "prohibits",
            "bans",
            "allows",
            "violates",
            "applies",
            "exempts",
            "forbids",
            "permits",
            "mandates",
        ]
    ),
    (
        "allowed to",
        "not allowed",
        "is supposed to",
        "are supposed to",
        "is illegal",
        "is legal",
        # an act measured against a rule says what the rule is: "followed procedure"
        "followed procedure",
        "followed the law",
        "complied with",
        "in violation of",
    ),
)
FIRST_PERSON_PAST = Cues(
    frozenset(),
    tuple(
        f"{p} {v}"
        for p in ("i", "we")
        for v in ("was", "were", "had", "saw", "went", "got", "lost", "worked", "lived", "came")
    ),
)
# How an institution goes about its work, told in the present: "Boston shares the fingerprints of
# everyone it arrests", "ICE categorizes these immigrants", "We focus on the most dangerous".
# Words that are as often nouns ("charges", "checks", "issues", "funds") are left out.
_PROCEDURE_STEMS = (
    "share",
    "handle",
    "process",
    "categorize",
    "categorise",
    "classify",
    "screen",
    "notify",
    "forward",
    "collect",
    "store",
    "administer",
    "oversee",
    "monitor",
    "rely",
    "depend",
    "enforce",
    "prioritize",
    "prioritise",
    "focus",
)
PROCEDURE_NOW = frozenset(
    {"shares", "handles", "processes", "categorizes", "categorises", "classifies", "screens"}
    | {"notifies", "forwards", "collects", "stores", "administers", "oversees", "monitors"}
    | {"relies", "depends", "enforces", "prioritizes", "prioritises", "focuses"}
)
_PLURAL_SUBJECTS = frozenset(["we", "they"])
_NOT_A_VERB_AFTER = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "of",
        "these",
        "those",
        "which",
        "who",
        "that",
        "some",
        "all",
        "many",
        "no",
    ]
)

# After a procedure's verb, words that show it was a noun: "the neurobiological processes involved".
_NOT_AN_OBJECT = frozenset(
    ["involved", "of", "and", "or", "that", "which", "are", "were", "is", "was"]
)

# The past tense of the action words, beyond the regular -ed forms the worthiness cues give.
IRREGULAR_PAST = frozenset(
    [
        "rose",
        "fell",
        "sued",
        "found",
        "showed",
        "began",
        "sent",
        "wrote",
        "gave",
        "won",
        "lost",
        "built",
        "spent",
        "paid",
        "withdrew",
        "drew",
        "took",
        "brought",
        "held",
        "led",
        "sought",
        "struck",
        "became",
        "came",
        "went",
    ]
)
# "was allowed", "is required": the words that say what a rule does when used as adjectives.
RULE_PARTICIPLES = frozenset(
    [
        *("allowed", "required", "prohibited", "banned", "mandated", "exempted", "based"),
        *("supposed", "permitted", "entitled", "obliged", "obligated", "barred", "advised"),
    ]
)
_AUXILIARY_GAP = frozenset(["not", "also", "already", "never", "just", "since", "been"])
_IRREGULAR_PARTICIPLES = frozenset(
    [
        "taken",
        "given",
        "made",
        "done",
        "seen",
        "known",
        "shown",
        "drawn",
        "brought",
        "won",
        "lost",
        "held",
        "led",
        "sent",
        "spent",
        "paid",
        "built",
        "found",
        "begun",
        "become",
        "come",
        "gone",
    ]
)
_CONDITION_OPENERS = frozenset(["if", "when", "whenever", "once"])
# A procedure told as what will happen whenever its condition is met: "When officers encounter a
# warrant, they will notify the police", "officials said that if ..., they will ...".
_CONDITION_CLAUSE = re.compile(
    r"(?:^[“\"‘']?(?:(?:And|But|So) )?|\bthat |, )(?:[Ii]f|[Ww]hen|[Ww]henever|[Oo]nce) "
)
_WILL = frozenset(["will", "they'll", "it'll", "he'll", "she'll", "we'll", "you'll", "won't"])
_HAVE = frozenset(["has", "have", "had"])


# A place in a ranking, which is a figure without digits.
_RANK_WORDS = frozenset(["ranked", "ranks", "ranking", "rankings"])
RANK = Cues(_RANK_WORDS)
# Two amounts compared: "fewer than half", "more than the number of qualified candidates". The
# comparison is what the sentence asserts, unless it only says how long ("for more than a year").
_COMPARED = ("more than", "less than", "fewer than", "higher than", "lower than", "greater than")
_COMPARED_FIRST = frozenset(c.split()[0] for c in _COMPARED)

# Words naming an amount, and words saying it changed: together a quantity without its figure.
AMOUNT_NOUN = Cues(
    frozenset(
        (
            *("percentage", "proportion", "rate", "rates", "number", "amount", "total", "share"),
            *("prices", "price", "cost", "costs", "wages", "revenue", "sales", "demand", "supply"),
            *("fare", "fares", "rent", "rents", "taxes", "profits", "spending", "income"),
        )
    )
)
AMOUNT_CHANGE = Cues(
    frozenset(
        (
            *(
                "grown",
                "grew",
                "rose",
                "risen",
                "fell",
                "fallen",
                "increased",
                "decreased",
                "declined",
            ),
            *("dropped", "doubled", "tripled", "halved", "surged", "soared", "slumped", "plunged"),
            *("climbed", "shrank", "shrunk", "dwindled", "tumbled", "jumped"),
        )
    ),
    ("percentage change", "percent change", "per cent change"),
)

# "said he would", "she said she stayed": what someone told of their own intention or past.
SAID = frozenset(["said", "says"])
# A court's holding says what the law is, even told as an event: "the Supreme Court has found
# that people are protected", "the judge ruled that the policy violates".
COURT = frozenset(["court", "courts", "judge", "judges", "justices", "tribunal"])
_HOLDING_VERBS = frozenset(["ruled", "found", "held", "decided", "concluded", "determined"])
# A count in words: "nine churchgoers were killed" (the quantity reader takes digits and
# counts beside a unit; a bare number word before a noun is read here).
COUNT_WORDS = frozenset(
    (
        *("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
        *("twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"),
        *("nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty"),
        *("ninety", "dozens", "hundreds", "thousands", "millions"),
    )
)
# Time that is left is an amount: "with just 18 months left in power".
_REMAINING = frozenset(["left", "remaining", "remain", "remains"])

# Every cue list the type rules read, by the name they read it under; the worthiness lexicon
# counts them all in its one pass over a sentence's words.
TYPE_CUES: dict[str, Cues] = {
    "rule_type": RULE_CUES["rule_type"],
    "predict": PREDICT,
    "cause": CAUSE,
    "hedged_cause": HEDGED_CAUSE,
    "not_rule": NOT_RULE,
    "order": ORDER,
    "first_person_past": FIRST_PERSON_PAST,
    "rule_now": RULE_NOW,
    "policy_noun": RULE_CUES["policy_noun"],
    "will": Cues(_WILL),
    "have": Cues(_HAVE),
    "i": Cues(frozenset(["i"])),
    "procedure_now": Cues(PROCEDURE_NOW),
    "plural_subject": Cues(_PLURAL_SUBJECTS),
    "rank": RANK,
    "amount_noun": AMOUNT_NOUN,
    "amount_change": AMOUNT_CHANGE,
    # the type rules' own tables (typewords.py): names no other reading counts
    "effect": EFFECT,
    "reason": REASON,
    "vague_amount": VAGUE_AMOUNT,
    "trend": TREND,
    "first_person_negated": FIRST_PERSON_NEGATED,
    "breach": BREACH,
}


class Reading(NamedTuple):
    """What the type rules look at in one sentence (a tuple: built once per claim, cheaply)."""

    sentence: str
    tokens: Sequence[str]
    hits: dict[str, int]
    quantities: Sequence[Quantity] = ()


@dataclass(frozen=True)
class TypeRule:
    """One way a sentence shows its type: `holds` reads it, `why` says what it looks for."""

    type: str
    name: str
    why: str
    holds: Callable[[Reading], bool]


def _phrase_at(tokens: Sequence[str], phrase: tuple[str, ...], at: int = 0) -> bool:
    return tuple(tokens[at : at + len(phrase)]) == phrase


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Numbers that say when or who, not how many: an age ("52-year-old Grace", "Eloise Parry, 21,",
# "the 93 year old") and a day of the month ("12 April", "April 12")
_IN_PASSING = re.compile(
    r"\b(\d{1,3})(?:-| )years?(?:-| )old\b|(?<=[a-z], )(\d{1,3})(?=,)"
    rf"|\b(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH}(?!\w)|\b{_MONTH} (\d{{1,2}})\b(?!,? \d{{3}})"
    r"|\b(\d{1,2})(?::\d\d)? ?[ap]\.?m\b"  # a time of day: "until 4 a.m."
    r"|\bage[sd]? (?:of |between )?(\d{1,3}) (?:and|to) (\d{1,3})\b"  # "between the ages of 25 and 54"
)


def _in_passing(r: Reading) -> frozenset[str]:
    return frozenset(n for m in _IN_PASSING.finditer(r.sentence) for n in m.groups() if n)


def _whole_group(r: Reading, q: Quantity) -> bool:
    """'all five publishers settled': a group already known, not a count to check. Counts in
    words only, as the quantity reader drops 'the two agencies' but keeps 'the 50 states'."""
    if q.kind != "count" or WHOLE_GROUP.isdisjoint(r.tokens) or not q.text[:1].isalpha():
        return False
    at = r.sentence.find(q.text)
    before = r.sentence[max(0, at - 16) : at].lower().split() if at > 0 else []
    return bool(before) and before[-1] in WHOLE_GROUP


# Prepositions before a small count that make it the parties named in passing ("the case
# against five publishers", "among 10 wealthy countries", "talks between two unions"), not an
# amount the sentence tells.
_PASSING_PREPOSITIONS = frozenset(("against", "among", "between"))
PASSING_COUNT_MAX = 10


def _count_in_passing(r: Reading, q: Quantity) -> bool:
    """'a suit against five publishers': a small exact count after a preposition names who,
    it does not measure (not '21 people were arrested', nor 'three of the four')."""
    if q.kind != "count" or q.bound != "exact" or q.value is None or q.value > PASSING_COUNT_MAX:
        return False
    at = r.sentence.find(q.text)
    before = r.sentence[max(0, at - 16) : at].lower().split() if at > 0 else []
    return bool(before) and before[-1] in _PASSING_PREPOSITIONS


def states_figure(r: Reading) -> bool:
    """A number, amount or proportion that is not a duration, an age, a day of the month or a
    known group counted again ('all five publishers')."""
    passing: frozenset[str] | None = None  # read only when a bare number or an age needs it
    for q in r.quantities:
        if q.unit in DURATION_UNITS or _whole_group(r, q) or _count_in_passing(r, q):
            continue
        if q.text[:4].lower() in ("one ", "one") and not (q.unit and q.unit[0].isalpha()):
            continue  # "a simple one - such as": a pronoun, not a count
        if q.unit is not None and not q.unit.startswith("year"):
            return True
        if passing is None:
            passing = _in_passing(r)
        if q.text.split(" ")[0].split("-")[0] not in passing:
            return True
    return False


_PLACES = frozenset(
    (
        *("first", "second", "third", "fourth", "fifth", "last", "top", "bottom", "near", "no"),
        *("number", "highest", "lowest", "sixth", "seventh", "eighth", "ninth", "tenth", "worst"),
        *("best", "among", "behind", "ahead", "above", "below", "at"),
    )
)


def ranks(r: Reading) -> bool:
    """A place in a ranking ('ranked near the bottom', 'ranks third'): a figure without digits
    (not someone ranking something: 'respondents ranked WordPress among ...')."""
    if not r.hits.get("rank", 0):
        return False
    tokens = r.tokens
    return any(
        t in _RANK_WORDS and i + 1 < len(tokens) and tokens[i + 1] in _PLACES
        for i, t in enumerate(tokens)
    )


def compares_amounts(r: Reading) -> bool:
    """'fewer than half', 'more than the number of': two amounts compared, not how long."""
    if " than " not in r.sentence:  # a substring test first: cheaper than a look at every word
        return False
    tokens = r.tokens
    for i, token in enumerate(tokens[:-2]):
        if token in _COMPARED_FIRST and tokens[i + 1] == "than":
            after = tokens[i + 2 : i + 4]
            if not (after[:1] in (["a"], ["an"]) and after[1:] and after[1] in DURATION_UNITS):
                return True
    return False


def states_amount_change(r: Reading) -> bool:
    """An amount said to have changed, without its figure ('the percentage of PHP has grown')."""
    return r.hits.get("amount_noun", 0) > 0 and r.hits.get("amount_change", 0) > 0


def states_cause(r: Reading) -> bool:
    causes = r.hits.get("cause", 0)
    if not causes:
        return False
    causes -= r.hits.get("hedged_cause", 0)
    if "prevent" in r.tokens:
        causes -= _purposes(r.tokens)
    if r.tokens[0] in _CONNECTIVE_FIRST and any(
        _phrase_at(r.tokens, lead) for lead in _CONNECTIVE_CAUSE
    ):
        causes -= 1
    return causes > 0


def is_perfect(tokens: Sequence[str]) -> bool:
    """'has attracted', 'had been deported', 'have not changed': an event told as done."""
    if _HAVE.isdisjoint(tokens):
        return False
    for i, token in enumerate(tokens):
        if token not in _HAVE:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j] in _AUXILIARY_GAP and j - i <= 3:
            j += 1
        if j < len(tokens) and j - i <= 3:
            word = tokens[j]
            if word not in RULE_PARTICIPLES and (
                word.endswith("ed") or word in _IRREGULAR_PARTICIPLES
            ):
                return True
    return False


def is_narrated(r: Reading) -> bool:
    """A past event told ('negotiated', 'filed', 'drew', 'has attracted'), not how a rule works."""
    return bool(r.hits.get("narrated", 0) or (r.hits.get("have", 0) and is_perfect(r.tokens)))


# A law named by its title: "the Trust Act", "the Clean Air Act", "Megan's Law".
# (tried only where a word starts: from inside a long capitalised run it would rescan the run)
_NAMED_LAW = re.compile(r"(?<![\w’'])[A-Z][\w’']* (?:Act|Law|Code)\b")
# An event called a policy in apposition: "..., a policy that had dangerous implications".
_CALLED_POLICY = re.compile(r", (?:a|an|the) (?:[a-z]+ )?(?:policy|practice|rule|requirement)\b")


_RULE_NAMES = RULE_CUES["rule_type"].single


def _pairs(tokens: Sequence[str]) -> int:
    """'rules and regulations', 'laws or policies': two rule words joined name one thing."""
    return sum(
        1
        for i, t in enumerate(tokens[1:-1], 1)
        if t in ("and", "or") and tokens[i - 1] in _RULE_NAMES and tokens[i + 1] in _RULE_NAMES
    )


def _rule_words(r: Reading) -> int:
    named = " Act" in r.sentence or " Law" in r.sentence or " Code" in r.sentence
    count = r.hits.get("rule_type", 0)
    return (
        count
        - (_pairs(r.tokens) if count >= 2 else 0)
        - r.hits.get("not_rule", 0)
        + bool(named and _NAMED_LAW.search(r.sentence))
    )


def names_policy(r: Reading) -> bool:
    """A past act named as a policy in apposition: 'prevented collaboration, a policy that ...'."""
    gate = ", a" in r.sentence or ", the" in r.sentence
    return gate and bool(_CALLED_POLICY.search(r.sentence))


def procedure_in_future(r: Reading) -> bool:
    """'When officers encounter a warrant, they will notify the police': a procedure, not a forecast."""
    if not r.hits.get("will", 0):
        return False
    return bool(r.hits.get("policy_noun", 0) or _CONDITION_CLAUSE.search(r.sentence))


_FORECAST_NOUNS = frozenset(["forecast", "forecasts"])
# After a plural noun "forecasts", words that show it is the subject, not a verb: "career
# forecasts focus on", "the forecasts are".
_AFTER_A_NOUN = frozenset(
    ["are", "were", "of", "for", "show", "suggest", "say", "focus", "point", "vary", "have"]
)


def _forecast_nouns(tokens: Sequence[str]) -> int:
    """'career forecasts focus on', 'the forecast of': the noun, which foretells nothing itself."""
    return sum(
        1
        for i, t in enumerate(tokens)
        if t in _FORECAST_NOUNS
        and (
            (i and tokens[i - 1] in _NOT_A_VERB_AFTER)
            or (i + 1 < len(tokens) and tokens[i + 1] in _AFTER_A_NOUN)
        )
    )


def predicts(r: Reading) -> bool:
    """'will', 'expects', 'plans to': the future; not the noun 'forecasts'."""
    found = r.hits.get("predict", 0)
    if found and not _FORECAST_NOUNS.isdisjoint(r.tokens):
        found -= _forecast_nouns(r.tokens)
    return found > 0


# A reporter's own questions are how the story was got, not an experience told: "when I asked him".
_REPORTING = frozenset(["asked", "interviewed", "told", "spoke", "emailed", "called", "contacted"])


def first_hand(r: Reading) -> bool:
    """'I was', 'we lost', 'I am proud to have joined': the speaker's own past."""
    if r.hits.get("first_person_past", 0):
        return True
    if not r.hits.get("i", 0):
        return False
    tokens = r.tokens
    if any(
        t == "i" and tokens[k + 1 : k + 2] and tokens[k + 1] in _REPORTING
        for k, t in enumerate(tokens)
    ):
        return False
    return r.hits.get("narrated", 0) > 0 or (r.hits.get("have", 0) > 0 and is_perfect(r.tokens))


def states_order(r: Reading) -> bool:
    return r.hits.get("order", 0) > 0


def states_rule(r: Reading) -> bool:
    """A rule, or an event that says what a rule is ('ruled that it violates', 'a violation of
    league rules')."""
    rule_words = _rule_words(r)
    if rule_words >= 2:  # "has filed legislation to keep the policies": about the rules themselves
        return True
    if rule_words == 0 or r.hits.get("rule_now", 0) or r.hits.get("breach", 0):
        return rule_words > 0
    return not (is_narrated(r) or _PAST_VERB.search(r.sentence) or _going_on(r.tokens))


def _going_on(tokens: Sequence[str]) -> bool:
    """'has been doing the rounds': the perfect progressive, an event going on (the type only:
    the score reads `is_perfect`, which keeps to what is done)."""
    if "been" not in tokens:
        return False
    return any(
        t == "been"
        and 0 < i < len(tokens) - 1
        and tokens[i - 1] in _HAVE
        and tokens[i + 1].endswith("ing")
        for i, t in enumerate(tokens)
    )


# any verb in the past tense after a lower-case word ("the team boasted of concessions"), less the
# participles that say what a rule does ("is allowed", "was required")
_PAST_VERB = re.compile(
    r" (?<=[a-z] )(?!(?:allowed|required|prohibited|banned|mandated|exempted|based|supposed"
    r"|permitted|entitled|obliged|obligated|barred|advised"
    r"|concerned|involved|interested|used|proposed|called|named|tired|worried|pleased|surprised"
    r"|excited|frustrated|disappointed|convinced|satisfied|alarmed|shocked|scared|confused)\b)"
    r"[a-z]{3,}[^e\s]ed\b"
)


def _second_verb(tokens: Sequence[str], at: int) -> bool:
    """'monitors and controls its drivers': a second verb in the present after 'and'."""
    following = tokens[at + 1] if at + 1 < len(tokens) else ""
    return tokens[at] == "and" and following.endswith("s") and not following.endswith("ss")


def tells_procedure(r: Reading) -> bool:
    """An institution's routine, in the present ('ICE categorizes', 'we focus on')."""
    if not (r.hits.get("procedure_now", 0) or r.hits.get("plural_subject", 0)):
        return False
    tokens = r.tokens
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (
            token in PROCEDURE_NOW
            and before not in _NOT_A_VERB_AFTER
            and not before.endswith("'s")
            and (after not in _NOT_AN_OBJECT or _second_verb(tokens, i + 1))
        ):
            return True
        if before in _PLURAL_SUBJECTS and token in _PROCEDURE_STEMS:
            return True
    return False


def condition_procedure(r: Reading) -> bool:
    """'When police arrest someone, they enter ...': what happens whenever a condition is met."""
    if not r.tokens or r.tokens[0] not in _CONDITION_OPENERS or is_narrated(r):
        return False
    return not r.tokens[1:2] or not r.tokens[1].endswith(
        "ing"
    )  # "When comparing ...": no condition


_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])


def court_holding(r: Reading) -> bool:
    """'The Supreme Court has found that people are protected': what the law is, as a court holds."""
    if " that " not in r.sentence or COURT.isdisjoint(r.tokens):
        return False
    tokens = r.tokens
    return any(
        t in _HOLDING_VERBS and tokens[i + 1 : i + 2] == ["that"] for i, t in enumerate(tokens)
    )


_PASSIVE = frozenset(["were", "was"])


def counts_in_words(r: Reading) -> bool:
    """'nine churchgoers were killed': a count in words of those something was done to."""
    if not (" were " in r.sentence or " was " in r.sentence or " been " in r.sentence):
        return False
    tokens = r.tokens
    if COUNT_WORDS.isdisjoint(tokens):
        return False
    for i, token in enumerate(tokens):
        if token not in COUNT_WORDS:
            continue
        for j in range(i + 2, min(i + 6, len(tokens) - 1)):
            if tokens[j] in _PASSIVE or tokens[j : j + 2] in (["have", "been"], ["had", "been"]):
                k = j + 1 if tokens[j] in _PASSIVE else j + 2
                word = tokens[k] if k < len(tokens) else ""
                if word.endswith("ed") or word in _IRREGULAR_PARTICIPLES or word in _KILLED:
                    return True
                break
    return False


_KILLED = frozenset(["killed", "hurt", "slain", "shot", "injured", "wounded", "arrested"])


def time_left(r: Reading) -> bool:
    """'with just 18 months left': time remaining is an amount, not a when."""
    if not r.quantities:
        return False
    units = {q.unit for q in r.quantities if q.unit in DURATION_UNITS}
    if not units:
        return False
    tokens = r.tokens
    return any(
        t in units and tokens[i + 1 : i + 2] and tokens[i + 1] in _REMAINING
        for i, t in enumerate(tokens)
    )


def own_intention(r: Reading) -> bool:
    """'the president said he would not fall silent': one's own announced intention."""
    if " would " not in r.sentence or SAID.isdisjoint(r.tokens):
        return False
    tokens = r.tokens
    return any(
        t in SAID
        and tokens[i + 1 : i + 2] in (["he"], ["she"], ["they"])
        and tokens[i + 2 : i + 3] == ["would"]
        and tokens[i + 3 : i + 4] != ["have"]
        for i, t in enumerate(tokens)
    )


# What "would" tells after a subject when it is a habit or a past seen from later ("he would
# often walk", "she would later become mayor"), not a step announced.
_NOT_ANNOUNCED = frozenset(
    (
        *("often", "always", "usually", "sometimes", "never", "later", "rather", "have", "like"),
        *("love", "hate", "prefer", "be", "not", "also", "still", "then", "eventually"),
    )
)


def announced_step(r: Reading) -> bool:
    """'He would speak bluntly against corruption': a sentence that opens on a person and
    'would' carries on the speech reported before it, a step announced (not 'He would often
    walk', a habit, nor 'If asked, he would say', a maybe)."""
    tokens = r.tokens
    if tokens[1:2] != ["would"] or tokens[0] not in ("he", "she", "they"):
        return False
    return tokens[2:3] != [] and tokens[2] not in _NOT_ANNOUNCED and tokens[2:4] != ["go", "on"]


def reported_first_hand(r: Reading) -> bool:
    """'She said she stayed up until 4 a.m.': someone's own past, as they told it."""
    if "e said " not in r.sentence and "e says " not in r.sentence:  # "he said", "She says"
        return False
    tokens = r.tokens
    for i, token in enumerate(tokens[:-3]):
        if token in ("he", "she") and tokens[i + 1] in ("said", "says"):
            j = i + 2 + (tokens[i + 2] == "that")
            if j + 1 < len(tokens) and tokens[j] == token:
                verb = tokens[j + 1]
                if verb.endswith("ed") or verb in IRREGULAR_PAST or verb in ("was", "had"):
                    return True
    return False


def _word_before(tokens: Sequence[str], i: int) -> int:
    """Where the word before `i` stands, passing over adverbs ('seems to completely disrupt')."""
    j = i - 1
    while j >= 0 and (tokens[j].endswith("ly") or tokens[j] in _ADVERBS):
        j -= 1
    return j


_ADVERBS = frozenset(["even", "also", "still", "often", "now", "then", "further"])


def _general_verb(tokens: Sequence[str], i: int) -> bool:
    """The verb at `i` tells a general effect: not a noun ('the impact of'), not a maybe ('could
    alter'), not a purpose ('chose them to prevent panic'); 'seems to disrupt' and 'can alter' are."""
    if i and tokens[i - 1] in DETERMINERS:
        return False
    if i + 1 < len(tokens) and tokens[i + 1] in NOUN_AFTER:
        return False
    j = _word_before(tokens, i)
    before = tokens[j] if j >= 0 else ""
    if before == "to":
        k = _word_before(tokens, j)
        return k >= 0 and tokens[k] in SEEMS
    if tokens[i].endswith("s"):  # the present: "the drug disrupts"
        return before not in HEDGES
    if tokens[i].endswith("ed"):  # the past: "the drug spurred the brain into"
        return before not in HEDGES and before not in ADJECTIVE_AFTER
    # the plain form is as often a noun or an order ("trigger", "boost"): only in a frame that
    # makes it a verb of general effect ("can alter", "did not affect")
    return before in FRAMES


def states_effect(r: Reading) -> bool:
    """'the drug seems to disrupt the networks', 'a trip can alter personalities', 'X is why Y',
    'the main reason people get ill': an effect or a reason stated."""
    if r.hits.get("reason", 0) and _reason_of_its_own(r.tokens):
        return True
    if not r.hits.get("effect", 0):
        return False
    single = EFFECT.single
    return any(t in single and _general_verb(r.tokens, i) for i, t in enumerate(r.tokens))


# An effect told with a gerund ("best known for triggering hallucinations", "by disrupting
# sleep") or as a progressive ("the drug was stimulating connections").
_EFFECT_ING = frozenset(
    f"{stem[:-1] if stem.endswith('e') else stem}ing"
    for stem in (*EFFECT.single, "stimulate", "reduce", "damage", "harm", "suppress")
    if not stem.endswith(("s", "ed", "spur"))
) | {"spurring"}
_GERUND_BEFORE = frozenset(["for", "by", "is", "are", "was", "were"])
# Having an effect: "seems to have more long-lasting effects", "has had little impact on".
_EFFECT_NOUNS = frozenset(["effect", "effects", "impact", "impacts"])
_HAVE_FORMS = frozenset(["have", "has", "had", "having"])
# What may stand between "have" and the effect: a determiner or a size ("has had little
# impact", "have lasting effects"), not a verb or a preposition ("has written about the effects").
_EFFECT_SIZES = frozenset(
    (
        *("a", "an", "the", "no", "any", "some", "its", "their", "little", "more", "less", "much"),
        *("real", "big", "bigger", "major", "serious", "lasting", "long", "negative"),
        *("positive", "harmful", "adverse", "profound", "significant", "dramatic", "strong"),
        "side",
    )
)


# "make" with an object and a plain verb of change is a cause: "make her metabolism soar",
# "can make colours seem oversaturated" (not "make a decision", "made it to the final").
_MAKE = frozenset(["make", "makes", "made", "making"])
_MADE_TO = frozenset(
    (
        *("seem", "look", "feel", "soar", "rise", "fall", "grow", "shrink", "drop", "stop"),
        *("lose", "go", "work", "fail", "leave", "appear", "become", "worse", "better"),
        *("sick", "ill"),
    )
)


def makes_happen(r: Reading) -> bool:
    """'started to make her metabolism soar', 'can make colours seem oversaturated'."""
    tokens = r.tokens
    if _MAKE.isdisjoint(tokens):
        return False
    for i, t in enumerate(tokens):
        if t not in _MAKE:
            continue
        for k in range(i + 2, min(i + 5, len(tokens))):
            if tokens[k] == "to":  # "made the decision to go": a purpose, no object made to
                break
            if tokens[k] in _MADE_TO:
                return True
    return False


def effect_told(r: Reading) -> bool:
    """'known for triggering vivid hallucinations', 'was stimulating long-range connections',
    'seems to have lasting effects': an effect as a gerund or had, not as a noun in passing."""
    tokens = r.tokens
    if _EFFECT_ING.isdisjoint(tokens) and _EFFECT_NOUNS.isdisjoint(tokens):
        return False
    for i, t in enumerate(tokens):
        if t in _EFFECT_ING and i and tokens[i - 1] in _GERUND_BEFORE and i + 1 < len(tokens):
            return True
        if t in _EFFECT_NOUNS:
            j = i - 1
            while j >= 0 and tokens[j] in _EFFECT_SIZES and tokens[j] not in _HAVE_FORMS:
                j -= 1
            if j >= 0 and tokens[j] in _HAVE_FORMS and i - j <= 5:
                return True
    return False


_REASON_WORDS = frozenset(["why", "reason", "reasons"])
# What stands between a reason's subject and "why" or "reason": "is", "was the main", "are one of the".
_REASON_LINKS = frozenset(["is", "are", "was", "were", "the", "a", "one", "of"])


def _reason_of_its_own(tokens: Sequence[str]) -> bool:
    """'Underperformance is why', not 'This is why': a cause named, not one pointed back to."""
    for i, t in enumerate(tokens):
        if t not in _REASON_WORDS:
            continue
        j = i - 1
        while j >= 0 and (tokens[j] in _REASON_LINKS or tokens[j] in REASON_SIZES):
            j -= 1
        if j >= 0 and tokens[j] not in POINTERS:
            return True
    return False


def _purposes(tokens: Sequence[str]) -> int:
    """'chose them to prevent panic': a purpose, not an effect claimed ('appears to prevent' is)."""
    count = 0
    for i, t in enumerate(tokens):
        if t == "prevent":
            j = _word_before(tokens, i)
            if j >= 0 and tokens[j] == "to":
                k = _word_before(tokens, j)
                count += k < 0 or tokens[k] not in SEEMS
    return count


def instrument_terms(r: Reading) -> bool:
    """'the deal allows the publisher to set prices', 'a consent agreement allowing discounts',
    'under the ruling, the company can discount': what an agreement, ruling or law provides."""
    tokens = r.tokens
    if INSTRUMENTS.isdisjoint(tokens):
        return False
    first = -1
    for i, t in enumerate(tokens):
        if t in INSTRUMENTS and tokens[i + 1 : i + 2] != ["enforcement"]:
            first = i
            break
    if first < 0:
        return False
    for j in range(first + 1, len(tokens)):
        t = tokens[j]
        if t in TERMS_NOW:
            return True
        if t in TERMS_PLAIN and not (
            tokens[j - 1] in NOT_NOW_BEFORE or tokens[j - 1] in DETERMINERS
        ):
            return True  # "the rules allow", not "will allow"
    under = next((i for i, t in enumerate(tokens[:first]) if t == "under"), -1)
    return under >= 0 and first - under <= 5 and not PERMISSION.isdisjoint(tokens[first:])


_PLURAL_NOT_NOUN = ("ss", "ous", "us", "is")
_PEOPLE = frozenset(["people", "men", "women", "children"])
# "Most" before a name ("Most New Jersey Republicans"), not in a title ("A Most Violent Year").
_NAME_AFTER_MOST = re.compile(r"(?<![Tt]he )(?<![Aa]t )(?<![Aa] )\b[Mm]ost [A-Z]")


def _most_of_a_group(r: Reading) -> bool:
    """'Most voters', 'most New Jersey Republicans': a proportion, not 'the most dangerous'."""
    tokens = r.tokens
    for i, t in enumerate(tokens[:-1]):
        if t != "most" or (i and tokens[i - 1] in ("the", "at", "a")):
            continue
        after = tokens[i + 1]
        if after in _PEOPLE or (
            after.endswith("s") and not after.endswith(_PLURAL_NOT_NOUN) and len(after) > 3
        ):
            return True
    return _NAME_AFTER_MOST.search(r.sentence) is not None


def vague_amount(r: Reading) -> bool:
    """'a large share of', 'a growing number of', 'most voters': an amount without its figure."""
    if r.hits.get("vague_amount", 0):
        return True
    sentence = r.sentence  # substring tests first: cheaper than a look at every word
    return ("most " in sentence or "Most " in sentence) and _most_of_a_group(r)


def trend(r: Reading) -> bool:
    """'parents are increasingly refusing', 'cars are increasingly banned': an amount said to
    change, without its figure (not 'an increasingly sophisticated system', a description)."""
    if not r.hits.get("trend", 0):
        return False
    tokens = r.tokens
    return any(
        t in TREND.single
        and tokens[i + 1 : i + 2]
        and (tokens[i + 1].endswith("ing") or (i and tokens[i - 1] in _BE))
        for i, t in enumerate(tokens)
    )


_BE = frozenset(["is", "are", "was", "were", "been", "be", "being"])


_DIGIT = re.compile(r"\d")


def _count(token: str) -> bool:
    """'five', '10': a count (not 'one', mostly a pronoun, nor a year)."""
    return token in COUNT_WORDS or (token.isdigit() and len(token) <= 3)


def part_of_whole(r: Reading) -> bool:
    """'four of the five participants', 'nine of 10 voters': a proportion told as two counts."""
    if " of " not in r.sentence or (
        COUNT_WORDS.isdisjoint(r.tokens) and _DIGIT.search(r.sentence) is None
    ):
        return False
    tokens = r.tokens
    last = len(tokens) - 1
    at = 0
    while True:
        try:
            at = tokens.index("of", at) + 1  # each "of" in turn, found in C
        except ValueError:
            return False
        if at < 2 or at > last or not _count(tokens[at - 2]):
            continue
        k = at + (tokens[at] in _GROUP_OWNERS)
        if k <= last and _count(tokens[k]):
            return True


_GROUP_OWNERS = frozenset(["the", "its", "their", "his", "her", "our", "these", "those"])


def place_among(r: Reading) -> bool:
    """'the city is last among large counties': a place in a ranking, without the word 'ranks'."""
    if "among" not in r.sentence:
        return False
    tokens = r.tokens
    return any(t == "among" and i and tokens[i - 1] in PLACES for i, t in enumerate(tokens))


def first_hand_negated(r: Reading) -> bool:
    """'I didn't see it', 'we weren't told': what the speaker did not do or see is their own
    (not what they did not think: 'we did not believe that ...')."""
    if not r.hits.get("first_person_negated", 0):
        return False
    tokens = r.tokens
    for i, t in enumerate(tokens[:-1]):
        if t not in ("i", "we"):
            continue
        j = i + 1
        if tokens[j] in ("did", "was", "were") and tokens[j + 1 : j + 2] == ["not"]:
            j += 1
        elif tokens[j] not in _NEGATIONS:
            continue
        if tokens[j + 1 : j + 2] and tokens[j + 1] not in _MIND:
            return True
    return False


_NEGATIONS = frozenset(["didn't", "wasn't", "weren't"])
# Verbs of the mind: not doing them is an opinion told, not an experience.
_MIND = frozenset(
    ["think", "believe", "know", "expect", "want", "feel", "agree", "like", "mean", "understand"]
)


_OWN_PAST = frozenset(["was", "were", "had"]) | IRREGULAR_PAST


def own_past(r: Reading) -> bool:
    """'the antler on my window fell off': the speaker's own things, then a verb in the past (not
    a hypothetical: 'if you told my colleagues, they would say')."""
    if ("my " not in r.sentence and "My " not in r.sentence) or "my" not in r.tokens:
        return False
    if "would" in r.tokens:
        return False
    after = r.tokens[r.tokens.index("my") + 1 :]
    return not _OWN_PAST.isdisjoint(after)


# Past verbs after "I" that tell a thought, a feeling or how the story was got, not
# an act lived ("I wondered", "I asked him").
_NOT_LIVED = frozenset(
    (
        *("wondered", "hoped", "wished", "imagined", "supposed", "guessed", "doubted", "loved"),
        *("liked", "hated", "believed", "expected", "wanted", "feared", "worried", "argued"),
        *("asked", "interviewed", "emailed", "called", "contacted", "reported", "noted"),
        *("suggested", "mentioned", "explained", "learned", "decided", "needed"),
    )
)


# People told what to do, in the passive: guidance given to a whole group ("parents have been
# told to avoid peanuts", "drivers are advised to carry chains").
_INSTRUCTED = frozenset(["told", "advised", "instructed", "urged", "ordered", "warned"])
_PASSIVE_BE = frozenset(["are", "were", "is", "was", "been", "being"])


def instructed(r: Reading) -> bool:
    """'Parents have been told for years to avoid peanuts': guidance given, a rule in effect."""
    tokens = r.tokens
    if _INSTRUCTED.isdisjoint(tokens):
        return False
    return any(
        t in _INSTRUCTED
        and i
        and tokens[i - 1] in _PASSIVE_BE
        and "to" in tokens[i + 1 : i + 5]
        and "by" not in tokens[i + 1 : i + 3]
        for i, t in enumerate(tokens)
    )


def own_act(r: Reading) -> bool:
    """'I turned around': the speaker's own act in the regular past (not 'we': an institution
    speaking, 'we incorporated a trick', tells its work, not an experience)."""
    if not r.hits.get("i", 0):
        return False
    tokens = r.tokens
    return any(
        t == "i"
        and i + 1 < len(tokens)
        and len(tokens[i + 1]) > 4
        and tokens[i + 1].endswith("ed")
        and tokens[i + 1] not in _NOT_LIVED
        for i, t in enumerate(tokens)
    )


TYPE_RULES: tuple[TypeRule, ...] = (
    TypeRule(
        "quantity", "figure", "a number, amount or proportion that is not a duration", states_figure
    ),
    TypeRule("quantity", "rank", "a place in a ranking: ranked, ranks", ranks),
    TypeRule(
        "quantity",
        "comparison",
        "two amounts compared: more than, fewer than, higher than (not 'for more than a year')",
        compares_amounts,
    ),
    TypeRule(
        "quantity",
        "amount_change",
        "an amount's word (percentage, share, rate) and a change (grew, fell, doubled)",
        states_amount_change,
    ),
    TypeRule("quantity", "time_left", "time that is left: '18 months left'", time_left),
    TypeRule(
        "quantity",
        "vague_amount",
        "an amount without its figure: 'a large share of', 'most voters'",
        vague_amount,
    ),
    TypeRule("quantity", "trend", "an amount changing without its figure: 'increasingly'", trend),
    TypeRule("quantity", "part_of_whole", "'four of the five participants'", part_of_whole),
    TypeRule("quantity", "place_among", "'last among the large counties'", place_among),
    TypeRule("quantity", "count_in_words", "'nine churchgoers were killed'", counts_in_words),
    TypeRule(
        "rules",
        "procedure_in_future",
        "'will' under a condition or beside a policy word",
        procedure_in_future,
    ),
    TypeRule(
        "rules",
        "instrument_terms",
        "what an agreement, ruling or law provides: 'the deal allows', 'under the ruling ... can'",
        instrument_terms,
    ),
    TypeRule("prediction", "future", "will, expects, plans to, is set to", predicts),
    TypeRule("prediction", "own_intention", "'he said he would'", own_intention),
    TypeRule("prediction", "announced_step", "'He would speak bluntly ...'", announced_step),
    TypeRule(
        "correlation_causation",
        "cause",
        "because, led to, discourages; not 'would lead to'",
        states_cause,
    ),
    TypeRule(
        "correlation_causation",
        "effect",
        "an effect in the present ('seems to disrupt', 'can alter') or a reason ('is why')",
        states_effect,
    ),
    TypeRule(
        "correlation_causation",
        "effect_told",
        "an effect as a gerund ('known for triggering') or had ('has lasting effects')",
        effect_told,
    ),
    TypeRule(
        "correlation_causation",
        "makes_happen",
        "'make' with an object and a plain verb of change: 'make prices soar'",
        makes_happen,
    ),
    TypeRule("personal_experience", "first_hand", "I or we and a past act", first_hand),
    TypeRule("personal_experience", "first_hand_negated", "'I didn't see it'", first_hand_negated),
    TypeRule("personal_experience", "own_past", "'my window fell off'", own_past),
    TypeRule("personal_experience", "own_act", "'I turned around'", own_act),
    TypeRule(
        "personal_experience", "reported_first_hand", "she said she stayed", reported_first_hand
    ),
    TypeRule("rules", "court_holding", "a court found or ruled that", court_holding),
    TypeRule("rules", "named_policy", "an act called a policy in apposition", names_policy),
    TypeRule("rules", "order", "an injunction, a decree, an executive order", states_order),
    TypeRule(
        "rules", "rule", "a law, policy or requirement, not an event that mentions one", states_rule
    ),
    TypeRule("rules", "procedure_now", "an institution's routine in the present", tells_procedure),
    TypeRule("rules", "condition", "'if' or 'when' opening a procedure", condition_procedure),
    TypeRule("rules", "instructed", "'parents have been told to avoid'", instructed),
)


def type_of(reading: Reading) -> str:
    """The first rule of TYPE_RULES that holds gives the type; none gives 'other'."""
    for rule in TYPE_RULES:
        if rule.holds(reading):
            return rule.type
    return "other"
