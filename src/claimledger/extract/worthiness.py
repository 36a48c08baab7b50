"""Check-worthiness and claim type from the sentence's own features (no model, no network).

A claim is a statement that evidence could settle: numbers, dated events, actions taken, rules,
comparisons, attributed assertions of fact. Opinion, rhetoric, questions and calls to action are
not, however strongly they are worded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimledger.extract.claimtypes import (
    IRREGULAR_PAST,
    PROCEDURE_NOW,
    RULE_PARTICIPLES,
    TYPE_CUES,
    Reading,
    is_perfect,
    type_of,
)
from claimledger.extract.cues import Cues, Lexicon, forms, words
from claimledger.extract.model import Quantity
from claimledger.extract.rulewords import RULE_CUES
from claimledger.extract.stance import STANCE_CUES
from claimledger.extract.timeexpr import MONTH_NAMES, WEEKDAYS

EVENT = Cues(
    forms(
        "deport",
        "arrest",
        "detain",
        "charge",
        "convict",
        "sentence",
        "sign",
        "file",
        "report",
        "announce",
        "order",
        "release",
        "establish",
        "create",
        "change",
        "deploy",
        "issue",
        "grant",
        "enter",
        "reject",
        "rule",
        "vote",
        "pass",
        "fund",
        "increase",
        "decrease",
        "double",
        "start",
        "launch",
        "end",
        "participate",
        "collaborate",
        "coordinate",
        "result",
        "share",
        "identify",
        "target",
        "remove",
        "admit",
        "deny",
        "refuse",
        "cite",
        "disclose",
        "detail",
        "hire",
        "fire",
        "elect",
        "appoint",
        "kill",
        "die",
        "offer",
        "claim",
        "allege",
        "represent",
        "oversee",
        "process",
        "handle",
        "accuse",
        "convince",
        "negotiate",
        "implement",
        "test",
        "expand",
        "block",
        "approve",
        "agree",
        "arrive",
        "generate",
        "schedule",
        "collude",
        "prevent",
        "allow",
        "pay",
        "spend",
        "move",
        "raise",
        "lower",
        "earn",
        "collect",
        "receive",
        "check",
        "work",
        "open",
        "close",
        "build",
        "veto",
        "sue",
        "cut",
        "rise",
        "fall",
        "show",
        "find",
        "begin",
        "save",
        "cost",
        "follow",
    )
    | PROCEDURE_NOW  # an institution's routine told in the present: "it relies on fingerprints"
    | frozenset(
        [
            "didn't",  # an act reported as not done
            "rose",
            "fell",
            "sued",
            "lawsuit",
            "found",
            "showed",
            "began",
            "ended",
            "sent",
            "sending",
            "wrote",
            "told",
            "gave",
            "won",
            "lost",
            "built",
            "spent",
            "paid",
            "withdrew",
            "withdrawn",
            "killed",
            "died",
            "convictions",
            "conviction",
            "alleged",
            "allegedly",
        ]
    ),
    (
        "led to",
        "picked up",
        "showed up",
        "worked together",
        # an act reported as not done: "did not address the revelations", "declined to comment"
        "did not",
        "declined to",
    ),
)
_EVIDENCE_SOURCES = (
    *("study", "studies", "research", "report", "reports", "poll", "polls", "survey", "surveys"),
    *("data", "records", "figures", "statistics", "census", "analysis", "evidence", "tests"),
)
_EVIDENCE_VERBS = (
    *("show", "shows", "showed", "suggest", "suggests", "suggested", "indicate", "indicates"),
    *("indicated", "estimate", "estimates", "estimated", "confirm", "confirms", "confirmed"),
)
# The writer points at where a fact comes from: what follows is offered as checkable.
EVIDENTIAL = Cues(
    frozenset(),
    (
        "according to",
        "documents show",
        "study found",
        "report found",
        "survey found",
        "analysis found",
        "data show",
        "records show",
        "figures show",
        "statistics show",
    ),
)
# A named kind of evidence and what it says, anywhere in the sentence ("studies suggest", "a new
# poll by the paper indicates"): counted as the evidential cue when both stand.
EVIDENCE_SOURCE = Cues(frozenset(_EVIDENCE_SOURCES))
EVIDENCE_VERB = Cues(frozenset(_EVIDENCE_VERBS))
SUPERLATIVE = Cues(
    frozenset(),
    (
        "the only",
        "the first",
        "the last",
        "the largest",
        "the biggest",
        "the smallest",
        "the highest",
        "the lowest",
        "the most",
        "the least",
        "a record",
        "record high",
        "record low",
        "never before",
        "for the first time",
    ),
)
COMPARE = Cues(
    frozenset(
        [
            "only",
            "first",
            "last",
            "most",
            "least",
            "largest",
            "biggest",
            "highest",
            "lowest",
            "majority",
            "record",
            "never",
            "all",
            "every",
            "none",
        ]
    ),
    ("more than", "fewer than", "less than"),
)
OPINION = Cues(
    frozenset(
        [
            "should",
            "must",
            "outrageous",
            "sad",
            "tragic",
            "heartbreaking",
            "unacceptable",
            "ridiculous",
            "absurd",
            "disgraceful",
            "reprehensible",
            "horrendous",
            "shocked",
            "shameful",
            "disgrace",
            "terrifying",
            "wonderful",
            "awful",
            "heartsick",
            "fascist",
            "fascism",
            "cruel",
            "deserve",
            "deserves",
            "deserved",
            "unfortunately",
            "hopefully",
            "clearly",
            "obviously",
            "please",
            "dear",
            "truly",
            "rage",
            "let's",
            "ideally",  # a wish: "would ideally be addressed"
        ]
    ),
    (
        "i think",
        "i believe",
        "i feel",
        "i hope",
        "i'd like",
        "i'd also like",
        "we believe",
        "we feel",
        "in my view",
        "in my opinion",
        "ought to",
        "need to",
        "needs to",
        "have to",
        "it's time",
        "it is time",
        "we promise",
        "we will",
        "we're with you",
        "don't be fooled",
        "fear and terror",
        "the truth is",
        "it hurts",
        "real problem",
        "nothing short of",
        "the lie",
        "nothing more than",
        "nothing less than",
        # the writer musing, weighing or wondering aloud: a frame for a view, not a finding
        *("i wonder", "would be interesting", "it's important to", "it is important to"),
        *("anything is possible", "make no mistake", "i hate to", "i hate that"),
        # a verdict on an act, not the act: "the governor was right to veto the bill"
        *("was right to", "were right to", "is right to", "are right to"),
        *("was wrong to", "were wrong to", "is wrong to", "are wrong to"),
        # a claim dismissed, an impression given ("made it sound as if")
        *("do not stand up", "does not stand up", "don't stand up", "doesn't stand up"),
        *("sound as if", "sound as though"),
    ),
)
VALUE = Cues(
    frozenset(
        [
            "good",
            "bad",
            "better",
            "worse",
            "best",
            "worst",
            "great",
            "terrible",
            "wrong",
            "fair",
            "unfair",
            "dangerous",
            "divisive",
            "damaging",
            "rogue",
            "toxic",
            "broken",
            "untrustworthy",
            "disaster",
            "catastrophic",
            "betrayal",
            "legitimate",
            "appropriate",
            "inappropriate",
            "extreme",
            "muscular",
            "friendly",
            "critical",
            "necessary",
        ]
    ),
    (
        "perfectly normal",
        "false hope",
        "false hopes",
        "false sense",
        "false promise",
        "false promises",
    ),
)
# A value word that gives no verdict in these phrases: "was critical of" reports a criticism,
# "best known for" what a thing is known for.
NOT_VERDICT = Cues(
    frozenset(),
    ("critical of", "best known", "better known", "best selling", "best seller", "best sellers"),
)
# Reported speech whoever the speaker ("ACLU lawyers described", "officials said", "the agency
# confirmed"): what someone asserted can be checked, even when no person is named.
REPORTED = Cues(
    forms("describe", "confirm", "insist", "acknowledge", "claim", "state", "testify")
    | frozenset(["said", "says", "told", "tells", "testified", "admits", "admitted", "described"]),
    ("according to",),
)
# Speech reported in the reporter's words, as a clause: "He said that tour companies are strict
# on what visitors bring". The clause is what the speaker asserts as fact, told plainly; a
# quotation may be a turn of phrase.
INDIRECT_SPEECH = Cues(
    frozenset(),
    tuple(
        f"{verb} that"
        for verb in (
            *("said", "says", "told", "tells", "added", "adds", "explained", "explains"),
            *("noted", "notes", "stated", "states", "confirmed", "confirms", "reported"),
        )
    ),
)
# A position reported, with what it holds: "the council is concerned the laws would ...", "the
# union is adamant that ...". Who holds it, and what, can be checked; a feeling alone ("was
# concerned about", "was worried") is no position (see `_FEELING`).
POSITION = Cues(
    frozenset(),
    tuple(
        f"{be} {held} {clause}"
        for be in ("is", "are", "was", "were", "remains", "remained")
        for held in ("concerned", "adamant", "confident", "convinced", "worried", "satisfied")
        for clause in (
            *("that", "the", "a", "an", "it", "its", "this", "these", "those"),
            *("he", "she", "they", "their", "his", "her", "there", "any", "no"),
        )
    ),
)
# Speech with no speaker at all, told to the reader's side: "we are told that ...", "we were
# told": a rhetorical turn, nothing anyone can be found to have said.
UNSOURCED_SPEECH = Cues(
    frozenset(),
    tuple(
        f"{who} {verb}"
        for who in ("we", "we're", "we've", "you", "you're", "you've", "i", "i'm", "i've")
        for verb in ("are told", "were told", "been told", "was told", "told", "keep hearing")
    ),
)
# An act reported as not done: "did not address the revelations", "declined to comment".
NEGATED_ACT = Cues(frozenset(["didn't"]), ("did not", "declined to", "refused to"))
# A stance reported ("also supports Secure Communities", "opposes the plan") is no act to check.
STANCE = Cues(
    frozenset(
        ["supports", "opposes", "favors", "favours", "endorses", "welcomes", "believes", "backs"]
    )
)
# Saying a statement is false, or that something did not happen, is itself a claim to check.
TRUTH = Cues(
    frozenset(["falsely", "untrue", "inaccurate", "incorrect", "misstated"]),
    (
        *(
            f"{verb} false"
            for verb in ("is", "was", "are", "were", "be", "been", "proved", "proven")
        ),
        *(f"false {what}" for what in ("claim", "claims", "statement", "statements", "pretenses")),
        "false information",
        "not true",
        "not happening",
        "never happened",
        # that something did not exist or happen: "there has been no recovery"
        *("there has been no", "there have been no"),
        "did not happen",
        "didn't happen",
        # saying a thing is not new, or has stopped, says what went before: "not a new practice"
        "not new",
        "not a new",
        "nothing new",
        "no longer",
    ),
)
# A guess is not a claim, however specific ("riders might leave", "it's very possible that");
# but "people who might be eligible" (or "who are ... and might be") says who a rule covers.
GUESS = Cues(
    frozenset(["might", "perhaps", "maybe", "possibly"]),
    ("it's possible", "it is possible", "very possible", "it's conceivable", "it is conceivable"),
)
MIGHT_IN_CLAUSE = Cues(
    frozenset(), ("who might", "that might", "which might", "and might", "or might")
)
# Month names that are as often other words ("it may", "protesters march", "an august body"):
# a month only when capitalised ("It will run through May."), see `_names_a_date`
AMBIGUOUS_MONTHS = frozenset(["may", "march", "august"])
DATE_WORDS = (MONTH_NAMES | frozenset(WEEKDAYS)) - AMBIGUOUS_MONTHS
_CAPITAL_MONTH = re.compile(r"(?:^|(?<=\W))(?:May|March|August)\b")
# "may" in lower case before a verb is the modal (the month is capitalised): a possibility; not
# in a clause whose pronoun follows a word ("any legitimacy it may once have had", "said they may")
# nor in a relative clause ("militants who may have joined": the main clause is the claim)
_MAY_MODAL = re.compile(
    r"(?<![a-z] it )(?<![a-z] they )(?<![a-z] he )(?<![a-z] she )(?<![a-z] we )(?<![a-z] you )"
    r"(?<!\bwho )(?<!\bwhich )(?<!\bthat )"
    r"\bmay (?:not |also |well |even |still |never |only )?(?:have|be|[a-z]{2,}(?<!ed))\b"
)
MAY_PENALTY = 0.15  # as much as a guess's ('might') less a little: 'may' is as often a fair finding


def _names_a_date(sentence: str, hits: dict[str, int]) -> bool:
    """A month or a weekday named: the cue list's words, or an ambiguous month capitalised
    ("May" only inside a sentence, where the modal is never capitalised)."""
    if "date_word" in hits:
        return True
    if "ambiguous_month" not in hits:
        return False
    m = _CAPITAL_MONTH.search(sentence)
    return m is not None and (m.start() > 0 or m.group() != "May")


IMPERATIVE_START = frozenset(
    [
        "please",
        "let's",
        "don't",
        "join",
        "sign",
        "call",
        "tell",
        "imagine",
        "remember",
        "stop",
        "support",
        "subscribe",
        "donate",
        "register",
        "download",
        "click",
        "follow",
        "visit",
        "watch",
        "listen",
        "share",
    ]
)
# "Sarah Pierce is an analyst at the Migration Policy Institute": who someone is, not a claim
# Who someone is or what a thing is called, not a claim; each shape tried only when its words are
# there: "Sarah Pierce is an analyst at the Migration Policy Institute", "The program is called
# Secure Communities", "Eva Millona heads the Massachusetts Immigrant and Refugee Advocacy Coalition".
_IDENTIFIES: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = (
    (
        frozenset(["at", "of", "for", "with"]),
        re.compile(
            r"(?!(?:In|At|On|For|With|After|Before|During|From|By|As|Under|Since|Through)\s)"
            r"(?:(?:[A-Z][\w'’.-]+\s){1,4}|(?:He|She)(?:\s|’s\s|'s\s))"
            r"(?:(?:is|was|heads|leads|runs|directs|chairs)\s)?(?:also\s)?(?:a|an|the)\b[^.;]{0,80}?"
            r"\b(?:at|of|for|with)\s(?:the\s)?[A-Z]"
        ),
    ),
    (
        frozenset(["called", "named", "known"]),
        re.compile(r"[^,;]{0,60}\b(?:is|are|was|were) (?:called|named|known as)\b"),
    ),
    (
        frozenset(["heads", "leads", "runs", "directs", "chairs"]),
        re.compile(
            r"(?:[A-Z][\w'’.-]+\s){1,4}(?:also\s)?(?:heads|leads|runs|directs|chairs)\s(?:the\s)?"
            r"(?:[A-Z][\w'’.-]*\s?|and\s|of\s|for\s)+[.]?$"
        ),
    ),
)


_IDENTIFY_WORDS = frozenset().union(*(cue for cue, _ in _IDENTIFIES))


def _identifies(sentence: str, tokens: list[str]) -> bool:
    if _IDENTIFY_WORDS.isdisjoint(tokens):
        return False
    return any(
        not cue.isdisjoint(tokens) and pattern.match(sentence) for cue, pattern in _IDENTIFIES
    )


_CERTAIN_CONSEQUENCE = frozenset(
    ["will", "they'll", "it'll", "he'll", "she'll", "we'll", "you'll", "cannot", "can't"]
)
MIN_WORDS = 5  # fewer words than this is a label or a fragment, never a claim
# timeexpr.YEAR_DIGITS (1800-2099), written to start with a digit so the engine skips to one
_YEAR = re.compile(r"[12](?<![\w].)(?:(?<=1)[89]|(?<=2)0)[0-9][0-9]\b")
# a capitalised word inside a sentence (after a lower-case word or a comma): a name or a place;
# the leading space lets the engine jump from space to space
_ENTITY = re.compile(r" (?<=[a-z,;:] )([A-Z][a-zA-Z]+)")


# a verb in the past tense after a lower-case word or a name: "also measured", "Obama faced"
# (not a state or a feeling: "seemed tired", "was concerned")
_PAST_ACT = re.compile(
    r" (?<=[\w,] )(?!(?:need|based|so-called|concerned|involved|interested|used|seemed|appeared"
    r"|tired|worried|pleased|surprised|excited|frustrated|disappointed|convinced|annoyed"
    r"|satisfied|alarmed|shocked|bored|scared|relieved|confused)\b)[a-z]{2,}[^e\s]ed\b"
)


def _lead_in(tail: str, tokens: list[str]) -> bool:
    """A whole sentence that ends in a colon, leading in to a quotation or a list ("The bill
    carried a memo justifying the increase:"): read as a sentence; a short label ("Related:"),
    a pointer ("Here are the five changes the board made:") or a headline is not one."""
    return (
        tail.endswith(":")
        and len(tokens) >= 8
        and tokens[-1] not in _EMPTY_LEAD_IN
        and tokens[0] not in ("here", "below", "following")
        and not _title_case(tail)
    )


def _title_case(line: str) -> bool:
    long_words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


# A past event told (not how a rule or a procedure works): the past tense of the action words,
# less the words that say what a rule does when used as adjectives ("is allowed").
NARRATED = Cues(
    frozenset(w for w in EVENT.single if w.endswith("ed")) - RULE_PARTICIPLES | IRREGULAR_PAST
)

LEXICON = Lexicon(
    {
        "event": EVENT,
        "rules": RULE_CUES["rules"],  # the words about rules: rulewords.RULE_WORDS
        "evidential": EVIDENTIAL,
        "superlative": SUPERLATIVE,
        "compare": COMPARE,
        "opinion": OPINION,
        "value": VALUE,
        "guess": GUESS,
        "might_in_clause": MIGHT_IN_CLAUSE,
        "reported": REPORTED,
        "indirect": INDIRECT_SPEECH,
        "position": POSITION,
        "evidence_source": EVIDENCE_SOURCE,
        "evidence_verb": EVIDENCE_VERB,
        "not_verdict": NOT_VERDICT,
        "unsourced": UNSOURCED_SPEECH,
        "stance": STANCE,
        "negated_act": NEGATED_ACT,
        "truth": TRUTH,
        "narrated": NARRATED,
        "date_word": Cues(DATE_WORDS),
        "ambiguous_month": Cues(AMBIGUOUS_MONTHS),
        "identify_word": Cues(_IDENTIFY_WORDS),
        "verdict": STANCE_CUES["verdict"],
        "maybe": STANCE_CUES["maybe"],
        "hearsay": Cues(frozenset(["reportedly", "allegedly", "purportedly"])),
        **TYPE_CUES,
    }
)


def _word_set(text: str) -> frozenset[str]:
    """A set of words written as one block of text: long closed lists read better so."""
    return frozenset(text.split())


# A lead-in whose last word only points at what follows ("The president also said:", "The
# results were as follows:") says nothing itself.
_EMPTY_LEAD_IN = _word_set(
    """said says say added adds wrote writes explained explains told tells noted notes asked
    replied continued follows following below include includes including these this are were
    is was be"""
)


# Words that open a sentence without naming anyone: a capitalised first word not among these is
# taken for the name of whoever acts ("Uber stepped in", "Prosecutors say").
_OPENERS = _word_set(
    """a an the this that these those it its it's there here they their he his she her we our
    i my you your one some many most all any each every both few several no none other another
    such what which who whose when where while why how if as at in on of for from by with without
    to into after before since until during despite although though because but and or so yet
    nor then now also even still just only not never once instead meanwhile however moreover
    indeed overall later earlier today yesterday tomorrow last next first second finally like
    unlike among under over between through about against according amid around"""
)
# A named actor, then an act: "Uber stepped in", "Uber has deliberately ignored city regulators",
# "Uber unilaterally slashes drivers' rates"; the act is the word in the group.
_ACTOR_ACT = re.compile(
    r"[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3} (?:(?:has|have|had) (?:[a-z]+ly )?(?:been )?)?"
    r"(?:[a-z]+ly )?(?:also )?([a-z]{3,})\b"
)
# verbs after a name that tell a state or a seeming, not an act
_NOT_ACTS = _word_set(
    """was has does seems appears means remains needs deserves wants likes loves hates feels
    knows thinks believes hopes looks sounds is"""
)


_PRONOUN_ACT = re.compile(
    r"(?:(?:And|But|So|Yet) )?(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey) (?:(?:has|have|had) (?:[a-z]+ly )?"
    r"(?:been )?)?(?:[a-z]+ly )?(?:also )?([a-z]{3,})\b"
)


# The writer's own act told ("I drove off", "I asked the agency"): a first-hand account, which
# the guidelines count as a claim (personal experience); not a thought or a feeling ("I wondered").
# Not "we": an opinion's "we" is as often a whole trade or a people ("we lost sight of ...").
_FIRST_PERSON_ACT = re.compile(
    r"(?:(?:And|But|So|Then|Yet) )?I (?:(?:had|have) )?(?:[a-z]+ly )?"
    r"(?:(?:also|then|just|already|later|once|never|soon) )?(?:(was|had been) )?([a-z]{3,})\b"
)
MENTAL_VERBS = forms(
    *("wonder", "worry", "hope", "wish", "imagine", "suppose", "guess", "doubt", "love", "like"),
    *("hate", "want", "fear", "need", "believe", "realize", "realise", "remember", "assume"),
    *("enjoy", "prefer", "expect", "suspect", "trust", "care", "mind", "notice", "decide"),
    *("think", "feel", "know", "mean", "plan", "try", "go", "look", "seem"),
) | frozenset(["thought", "felt", "knew", "understood", "meant", "forgot", "forgave"])


# irregular pasts of the acts a first-hand account tells, beside claimtypes.IRREGULAR_PAST
_FIRST_PERSON_PAST = _word_set(
    """drove went got ran left saw heard met made sat stood rode flew bought caught kept spoke
    told said gave wrote took brought sent paid spent"""
)


def first_person_act(sentence: str) -> bool:
    """The sentence opens with the writer doing something, in the past ("I drove off", "I was
    standing by the meter")."""
    m = _FIRST_PERSON_ACT.match(sentence)
    if m is None or m.group(2) in MENTAL_VERBS:
        return False
    act = m.group(2)
    return act.endswith("ing") if m.group(1) else _past(act) or act in _FIRST_PERSON_PAST


def _past(act: str) -> bool:
    return (act.endswith("ed") and act not in RULE_PARTICIPLES) or act in IRREGULAR_PAST


def first_word_names(sentence: str) -> bool:
    """The sentence opens with a name ('Uber had ...', 'Prosecutors say ...'): a capitalised
    word that is not one of the words any sentence may open with."""
    if not sentence[:1].isupper():
        return False
    first = sentence.split(" ", 1)[0].lower().replace("’", "'").rstrip(",")
    return first not in _OPENERS


def names_actor_acting(sentence: str) -> bool:
    """The sentence opens with someone doing something: a name ('Uber stepped in', 'Uber
    unilaterally slashes drivers' rates') or a pronoun with an act ('It monitors its drivers',
    'And it has demonstrated ...')."""
    # at the start, or after an opening clause: "In the midst of the fear, Uber stepped in"
    comma = sentence.find(", ", 0, len(sentence) // 2)
    for at in (0, comma + 2) if comma > 0 else (0,):
        m = _ACTOR_ACT.match(sentence, at)
        if m is None or not first_word_names(sentence[at:]):
            continue
        act = m.group(1)
        if act not in _NOT_ACTS and (_past(act) or (act.endswith("s") and not act.endswith("ss"))):
            return True
    m = _PRONOUN_ACT.match(sentence)
    if m is None:
        return False
    act = m.group(1)
    return _past(act) or act in EVENT.single


def anchored(
    n_quantities: int, has_period: bool, attributed: bool, hits: dict[str, int], sentence: str = ""
) -> bool:
    """Something evidence can be looked up by: a number, a date, a source, a named speaker; or
    an act told of someone ("Staffers of the minister's office took part", "Uber stepped in"),
    as a fact, not a maybe; and told in words with no verdict in them, unless the act is the
    sentence's subject and verb (a verdict on someone is what opinion's bar is for)."""
    if n_quantities or has_period or attributed or "evidential" in hits or "truth" in hits:
        return True
    if _names_a_date(sentence, hits) or _YEAR.search(sentence) or "hearsay" in hits:
        return True  # a date the page's own date was needed to pin down; "reportedly"
    if "opinion" in hits or "value" in hits or "guess" in hits:
        return False
    speech = ("reported" in hits and "unsourced" not in hits) or "position" in hits
    if speech and "stance" not in hits and "verdict" not in hits:
        return True  # "officials said ...", "the council is concerned the law would ...": speech
    if "maybe" in hits:
        # what a bill or a rule would do can be read in its text; any other maybe cannot
        return "rules" in hits and "verdict" not in hits
    if names_actor_acting(sentence) or first_person_act(sentence):
        return True
    if "verdict" in hits:
        return False
    if "will" in hits:
        return True  # what will happen, stated as a fact: a prediction, checked when it is due
    told = "event" in hits or "narrated" in hits or "rules" in hits
    told = told or _PAST_ACT.search(sentence) is not None
    # the actor named: a name in the first half, where the subject stands (a place at the end,
    # "... an attack on the families of Eastside", names no one who did anything)
    named = first_word_names(sentence) or _ENTITY.search(sentence, 0, len(sentence) // 2)
    return told and bool(named)


# A feeling or a seeming told of someone ("Ann Ruiz seemed tired", "was concerned about"): no act.
# "Seems to" is a hedge on a finding ("the drug seems to have lasting effects"), not a feeling:
# the hedge is the learned scorer's to weigh.
_FEELING = re.compile(
    r"\b(?:(?:seem|seems|seemed|appears|appeared)(?!\sto\s)|(?:is|are|was|were|felt|feels|looked|looks)\s"
    r"(?:(?:very|so|too|deeply|increasingly|clearly)\s)?(?:tired|worried|pleased|surprised|excited"
    r"|frustrated|disappointed|convinced|annoyed|satisfied|alarmed|shocked|bored|scared|relieved"
    r"|confused|concerned|interested|happy|sad|angry|upset|afraid|proud))\b"
)


# Who runs what, the object in lower case ("Jim Martin runs the office."): who someone is.
_ROLE = re.compile(
    r"(?:[A-Z][\w'’.-]+\s){1,4}(?:also\s)?(?:heads|leads|runs|directs|chairs)\s"
    r"(?:the|a|an|its|his|her|their)\s(?:[\w'’-]+\s?){1,4}[.]?$"
)


def objection(
    sentence: str, tokens: list[str], hits: dict[str, int], n_quantities: int, has_period: bool
) -> str | None:
    """What the rules hold against a sentence as a claim, if anything: who someone is, a verdict,
    a stance, a guess, a question, an exclamation, a call to action, a feeling, or no full stop.
    A sentence the rules left for want of evidence has none (the learned scorer may take it)."""
    tail = sentence.rstrip("”\"’')] ")
    if not tail.endswith((".", "!", "?")) and not _lead_in(tail, tokens):
        return "fragment"
    if tail.endswith("?") or tail.endswith("!"):
        return "question or exclamation"
    if tokens[:1] and (tokens[0] in IMPERATIVE_START or tokens[:2] == ["do", "not"]):
        return "call to action"
    if "opinion" in hits or "value" in hits:
        return "verdict"
    if hits.get("guess", 0) > hits.get("might_in_clause", 0):
        return "guess"
    if n_quantities or has_period:
        return None
    if "stance" in hits and "narrated" not in hits:
        return "stance"
    if "identify_word" in hits and (_identifies(sentence, tokens) or _ROLE.match(sentence)):
        return "who someone is"
    if "position" not in hits and _FEELING.search(sentence):
        return "a feeling"
    return None


# A quotation inside a sentence the writer tells: 'call the play "ridiculous"', 'said the
# concerns were "legitimate and deserve attention"'. Its verdict words are the speaker's.
_INNER_QUOTE = re.compile(r"“[^“”]{1,300}”|\"[^\"]{1,300}\"")
VERDICT_CUES = ("opinion", "value", "verdict")
# what someone called a thing: "call the play “ridiculous”", "dubbed it “a disgrace”"
_CALLING = re.compile(r"\b(?:call|calls|called|calling|dubbed|labell?ed|termed|branded)\b")


def without_quoted_verdicts(sentence: str, hits: dict[str, int]) -> dict[str, int]:
    """The hits with the verdict words that stand inside a quotation taken off: reporting what
    someone called a thing is a fact about what they said, not the writer's verdict."""
    if not any(cue in hits for cue in VERDICT_CUES):
        return hits
    if "reported" not in hits and _CALLING.search(sentence) is None:
        return hits  # scare quotes or a title: the writer's words still
    inner = " ".join(m.group() for m in _INNER_QUOTE.finditer(sentence))
    if not inner:
        return hits
    quoted = LEXICON.scan(words(inner))
    out = dict(hits)
    for cue in VERDICT_CUES:
        left = out.get(cue, 0) - quoted.get(cue, 0)
        if left > 0:
            out[cue] = left
        else:
            out.pop(cue, None)
    return out


def cue_hits(tokens: list[str]) -> dict[str, int]:
    """How often each cue list is hit in a sentence: what the score and the type are read from.

    A named kind of evidence with what it says counts as evidential; a value word in a phrase
    of NOT_VERDICT ("was critical of") is not counted as a value word."""
    hits = LEXICON.scan(tokens)
    if "evidence_source" in hits and "evidence_verb" in hits:
        hits["evidential"] = hits.get("evidential", 0) + 1
    value = hits.get("value")
    if value:
        value -= hits.pop("not_verdict", 0)
        if value > 0:
            hits["value"] = value
        else:
            del hits["value"]
    return hits


def score_sentence(
    sentence: str,
    *,
    n_quantities: int,
    has_period: bool,
    attributed: bool,
    tokens: list[str] | None = None,
    quoted: bool = False,
    hits: dict[str, int] | None = None,
    has_digit: bool | None = None,
    listed: bool = False,
) -> float:
    """Check-worthiness in [0, 1]; the pipeline keeps 0.45 and above as claims.

    `has_digit` False (no ASCII digit in the sentence) saves looking for a year; `listed`, the
    sentence is a point in a list someone's words lead in to, whole with no full stop."""
    tokens = words(sentence) if tokens is None else tokens
    if len(tokens) < MIN_WORDS:
        return 0.05
    hits = cue_hits(tokens) if hits is None else hits
    s = 0.25
    if n_quantities:
        s += 0.3
    if (
        has_period
        or _names_a_date(sentence, hits)
        or (has_digit is not False and _YEAR.search(sentence))
    ):
        s += 0.15
    if "event" in hits or "truth" in hits:
        s += 0.2
    elif _PAST_ACT.search(sentence) and _ENTITY.search(sentence, 0, len(sentence) // 2):
        s += 0.1  # someone named did something ("Stack Overflow also measured the demand")
    elif "i" in hits and first_person_act(sentence):
        s += 0.2  # the writer's own act: "I turned around, and the officer was holding it out"
    if "rules" in hits:
        s += 0.1
    if "superlative" in hits:
        s += 0.15
    elif "compare" in hits:
        s += 0.05
    entities = len(set(_ENTITY.findall(sentence)))
    if entities:
        s += 0.1 if entities < 3 else 0.2  # names and places make a statement specific
    if (
        not n_quantities
        and not has_period
        and "identify_word" in hits
        and _identifies(sentence, tokens)
    ):
        s -= 0.2
    if "evidential" in hits:
        s += 0.1
    if attributed:
        s += 0.05 if quoted else 0.1  # reported speech relays what someone asserts as fact
        if "indirect" in hits and not quoted:
            s += 0.1  # in the reporter's words, as a clause: an assertion told plainly
    elif "reported" in hits or "position" in hits:
        s += 0.1  # "officials said", "union lawyers described": speech with no named speaker
    opinion = min(hits.get("opinion", 0), 2)
    act = "negated_act" in hits or ("have" in hits and is_perfect(tokens))
    if opinion and ("superlative" in hits or act):
        s -= 0.1  # opinion beside a superlative or an act told: the fact can be checked alone
    else:
        s -= 0.25 * opinion
    s -= 0.1 * min(hits.get("value", 0), 2)
    if "stance" in hits and not (n_quantities or has_period or "narrated" in hits):
        s -= 0.15  # "X supports the program": a stance reported, nothing done
    if hits.get("guess", 0) > hits.get("might_in_clause", 0):
        s -= 0.2
    elif "ambiguous_month" in hits and _MAY_MODAL.search(sentence):
        s -= MAY_PENALTY  # "the drug may give users ...": a possibility, told as one
    elif tokens[0] == "if" and not _CERTAIN_CONSEQUENCE.isdisjoint(tokens):
        s += 0.15  # "If ICE wants that person, they'll call the police": how a procedure works
    tail = sentence.rstrip("”\"’' ")
    if tail.endswith("?"):
        s -= 0.5
    if tail.endswith("!"):
        s -= 0.2
    if tokens[0] in IMPERATIVE_START or (tokens[0] == "do" and tokens[1:2] == ["not"]):
        s -= 0.4
    end = sentence.rstrip("”\"’')] ")
    if not listed and not end.endswith((".", "!", "?")) and not _lead_in(end, tokens):
        s -= 0.25  # headings, labels, fragments
        if _title_case(sentence):
            s -= 0.25  # a headline: Every Word Capitalised

    if len(tokens) > 70:
        s -= 0.1
    return round(max(0.0, min(1.0, s)), 3)


def claim_type(
    sentence: str,
    *,
    quantities: Sequence[Quantity] = (),
    tokens: list[str] | None = None,
    hits: dict[str, int] | None = None,
) -> str:
    """Full Fact's type, by the first rule of claimtypes.TYPE_RULES that holds."""
    tokens = words(sentence) if tokens is None else tokens
    hits = cue_hits(tokens) if hits is None else hits
    return type_of(Reading(sentence, tokens, hits, tuple(quantities)))
