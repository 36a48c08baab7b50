"""Check-worthiness and claim type from the sentence's own features (no model, no network).

A claim is a statement that evidence could settle: numbers, dated events, actions taken, rules,
comparisons, attributed assertions of fact. Opinion, rhetoric, questions and calls to action are
not, however strongly they are worded.
"""

from __future__ import annotations

import re

_EVENT = re.compile(
    r"\b(?:deport(?:ed|s|ing)?|arrest(?:ed|s)?|detain(?:ed|s)?|charg(?:ed|es)|convict(?:ed|ions?)|sentenc(?:ed|e)|"
    r"sign(?:ed|s)?|fil(?:ed|es)|report(?:ed|s)|announc(?:ed|es)|order(?:ed|s)|releas(?:ed|es)|establish(?:ed)?|"
    r"creat(?:ed|es)|chang(?:ed|es)|sen(?:t|ding)|deploy(?:ed|ing|s)?|issu(?:ed|es)|grant(?:ed|s)|enter(?:ed|s|ing)|"
    r"reject(?:ed|s)|rul(?:ed|ing)|vot(?:ed|es)|pass(?:ed|es)|fund(?:ed|s)?|cut|rose|fell|increas(?:ed|es)|"
    r"decreas(?:ed|es)|doubl(?:ed|es)|sued|lawsuit|found|showed|shows|started|began|launched|ended|"
    r"participat(?:ed|es|ing)|collaborat(?:ed|ing)|coordinat(?:ed|es|ing)|work(?:ed|s|ing) together|"
    r"resulted|led to|checks?|shares?|enter|identif(?:y|ied)|targets?|removed|picked up|admit(?:s|ted)|"
    r"denied|refused|cited|wrote|disclosed|detailed|hired|fired|elected|appointed|killed|died|offer(?:ed|ing)|"
    r"claimed|alleged(?:ly)?|represent(?:s|ing|ed)|oversees|processes|handles|accused|gave|told|convinced|"
    r"negotiated|implement(?:ed|s)?|tested|expanded|blocked|fought|approv(?:ed|es)|agreed|withdr[ae]w|"
    r"arrived|handles|generat(?:e|ed|es)|scheduled|colluding|showed up|prevented|allowed|paid|spent|"
    r"won|lost|built|closed|opened|moved|changed|raised|lowered|earned|collected|received)\b",
    re.IGNORECASE,
)
_RULES = re.compile(
    r"\b(?:law|laws|legal(?:ly)?|illegal(?:ly)?|unlawful|policy|policies|rule|rules|regulation|statute|"
    r"act|legislation|bill|ordinance|court|judge|injunction|warrant|warrants|memorandum|mou|requires?|"
    r"required|prohibit(?:s|ed)?|ban(?:s|ned)?|mandat(?:e|ory)|constitutional|due process|jurisdiction|"
    r"program|detainer|directive|directives)\b",
    re.IGNORECASE,
)
_COMPARE = re.compile(
    r"\b(?:only|first|last|most|least|largest|biggest|smallest|highest|lowest|more than|fewer than|less than|"
    r"majority|record|never|ever|all|every|none|\w+est)\b",
    re.IGNORECASE,
)
_SUPERLATIVE = re.compile(
    r"\b(?:the only|the first|the last|the largest|the biggest|the smallest|the highest|the lowest|"
    r"the most|the least|a record|record high|record low|never before|for the first time)\b",
    re.IGNORECASE,
)
_PREDICT = re.compile(
    r"\b(?:will|would|is going to|are going to|expects?|expected|plans? to|planned|forecast|predict(?:s|ed)?|"
    r"projected|could|might|by (?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_CAUSE = re.compile(
    r"\b(?:because|as a result(?: of)?|result(?:ed|s)? in|led to|lead to|caus(?:ed|es|e)|due to|leads to|"
    r"linked to|so that|therefore|thanks to|drove|driven by)\b",
    re.IGNORECASE,
)
_FIRST_PERSON_PAST = re.compile(
    r"\b(?:I|we) (?:was|were|had|saw|went|got|lost|worked|lived|came)\b"
)
_OPINION = re.compile(
    r"\b(?:I think|I believe|I feel|I hope|I'd (?:also )?like|we believe|we feel|in my (?:view|opinion)|should|"
    r"ought to|must|need to|needs to|have to|it'?s time|it is time|outrageous|reprehensible|horrendous|"
    r"shocked|shameful|disgrace|terrif(?:ying|ic)|wonderful|awful|heartsick|fascis[mt]|cruel|"
    r"deserve|deserves|deserved|unfortunately|hopefully|clearly|obviously|we promise|we will|we're with you|"
    r"let'?s|don'?t be fooled|please|dear|truly|rage|fear and terror|the truth is|it hurts|real problem|"
    r"nothing short of|the lie|nothing (?:more|less) than|you)\b",
    re.IGNORECASE,
)
_VALUE = re.compile(
    r"\b(?:good|bad|better|worse|best|worst|great|terrible|wrong|right|fair|unfair|dangerous|divisive|damaging|"
    r"rogue|toxic|broken|untrustworthy|disaster|catastrophic|betrayal|legitimate|appropriate|inappropriate|"
    r"extreme|muscular|friendly|critical|necessary|perfectly normal)\b",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(
    r"^[\"“]?(?:please|let'?s|don'?t|do not|join|sign up|call|tell|imagine|remember|stop|support)\b",
    re.I,
)
_ENTITY = re.compile(r"(?<![.!?“\"]\s)(?<!^)\b[A-Z][a-zA-Z]+\b")
_YEARISH = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def score_sentence(
    sentence: str, *, n_quantities: int, has_period: bool, attributed: bool
) -> float:
    """Check-worthiness in [0, 1]; 0.5 and above is a claim."""
    words = sentence.split()
    if len(words) < 5:
        return 0.05
    s = 0.25
    if n_quantities:
        s += 0.3
    if has_period or _YEARISH.search(sentence):
        s += 0.15
    if _EVENT.search(sentence):
        s += 0.2
    if _RULES.search(sentence):
        s += 0.1
    if _SUPERLATIVE.search(sentence):
        s += 0.15
    elif _COMPARE.search(sentence):
        s += 0.05
    if len(_ENTITY.findall(sentence)) >= 1:
        s += 0.1
    if attributed:
        s += 0.05
    opinions = len(_OPINION.findall(sentence))
    values = len(_VALUE.findall(sentence))
    s -= 0.25 * min(opinions, 2) + 0.1 * min(values, 2)
    if sentence.rstrip("”\"’' ").endswith("?"):
        s -= 0.5
    if sentence.rstrip("”\"’' ").endswith("!"):
        s -= 0.2
    if _IMPERATIVE.search(sentence):
        s -= 0.4
    if not sentence.rstrip("”\"’')] ").endswith((".", "!", "?")):
        s -= 0.25  # headings, labels, fragments
    if len(words) > 70:
        s -= 0.1
    return round(max(0.0, min(1.0, s)), 3)


def claim_type(sentence: str, *, n_quantities: int) -> str:
    """Full Fact's types; numbers win, then causation, prediction, rules, first-hand experience."""
    if n_quantities:
        return "quantity"
    if _CAUSE.search(sentence):
        return "correlation_causation"
    if _PREDICT.search(sentence):
        return "prediction"
    if _RULES.search(sentence):
        return "rules"
    if _FIRST_PERSON_PAST.search(sentence):
        return "personal_experience"
    return "other"
