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
    ["allowed", "required", "prohibited", "banned", "mandated", "exempted", "based", "supposed"]
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


def states_figure(r: Reading) -> bool:
    """A number, amount or proportion that is not a duration, an age or a day of the month."""
    passing: frozenset[str] | None = None  # read only when a bare number or an age needs it
    for q in r.quantities:
        if q.unit in DURATION_UNITS:
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
    """A rule, or an event that says what a rule is ('ruled that it violates')."""
    rule_words = _rule_words(r)
    if rule_words >= 2:  # "has filed legislation to keep the policies": about the rules themselves
        return True
    if rule_words == 0 or r.hits.get("rule_now", 0):
        return rule_words > 0
    return not (is_narrated(r) or _PAST_VERB.search(r.sentence))


# any verb in the past tense after a lower-case word ("the team boasted of concessions"), less the
# participles that say what a rule does ("is allowed", "was required")
_PAST_VERB = re.compile(
    r" (?<=[a-z] )(?!(?:allowed|required|prohibited|banned|mandated|exempted|based|supposed"
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
    TypeRule("quantity", "count_in_words", "'nine churchgoers were killed'", counts_in_words),
    TypeRule(
        "rules",
        "procedure_in_future",
        "'will' under a condition or beside a policy word",
        procedure_in_future,
    ),
    TypeRule("prediction", "future", "will, expects, plans to, is set to", predicts),
    TypeRule("prediction", "own_intention", "'he said he would'", own_intention),
    TypeRule(
        "correlation_causation",
        "cause",
        "because, led to, discourages; not 'would lead to'",
        states_cause,
    ),
    TypeRule("personal_experience", "first_hand", "I or we and a past act", first_hand),
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
)


def type_of(reading: Reading) -> str:
    """The first rule of TYPE_RULES that holds gives the type; none gives 'other'."""
    for rule in TYPE_RULES:
        if rule.holds(reading):
            return rule.type
    return "other"
