"""Words about rules, in one table: what each group means and which readings of a sentence count it.

Three readings look for rule words, each under its own name in the worthiness lexicon:
- `rules`: the sentence stands near rules (a law, a court, something illegal), so what it says
  is more likely to be checkable: the check-worthiness score counts these;
- `rule_type`: the claim is about a rule itself (a word that names a rule, says what a rule does
  or whom it covers): the claim type rules count these, not the words that only stand near rules
  (a court, a judge, a programme), since an event in court is no claim about a rule;
- `policy_noun`: a policy's own words, beside which "will" is a commitment ("agents will use
  discretion"), not a forecast.
A word stands in one group only; a group says which readings count it.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.extract.cues import Cues


@dataclass(frozen=True)
class RuleWords:
    """A group of words (or phrases, as `cues.words` writes them) with one meaning."""

    meaning: str
    words: tuple[str, ...]
    rules: bool = False  # counted by the check-worthiness score
    rule_type: bool = False  # counted by the 'rules' claim type
    policy_noun: bool = False  # makes a 'will' beside it a commitment


RULE_WORDS: tuple[RuleWords, ...] = (
    RuleWords(
        "names a rule",
        (
            *("law", "laws", "rule", "rules", "regulation", "regulations", "statute"),
            *("legislation", "bill", "ordinance", "memorandum", "directive", "directives"),
            *("injunction", "warrant", "warrants", "detainer"),
        ),
        rules=True,
        rule_type=True,
    ),
    RuleWords(
        "says what a rule does",
        (
            *("require", "requires", "required", "prohibit", "prohibits", "prohibited"),
            *("ban", "bans", "banned", "mandate", "mandatory"),
        ),
        rules=True,
        rule_type=True,
    ),
    RuleWords(
        "says whether an act is within the law",
        ("unlawful", "constitutional", "due process"),
        rules=True,
        rule_type=True,
    ),
    RuleWords(
        "names a policy", ("policy", "policies"), rules=True, rule_type=True, policy_noun=True
    ),
    RuleWords(
        "stands near rules: courts, legality, programmes (an event there is no claim about a rule)",
        (
            *("legal", "legally", "illegal", "illegally", "act", "court", "judge"),
            *("jurisdiction", "program", "mou"),
        ),
        rules=True,
    ),
    RuleWords(
        "a rule's terms: whom it covers, what it allows",
        (
            *("unconstitutional", "lawful", "exempt", "exempted", "exemption"),
            *("eligible", "ineligible", "restrictions", "limitations"),
            *("allowed to", "not allowed", "is supposed to", "are supposed to"),
            *("permitted", "forbidden", "forbids", "entitled to", "obliged to", "obligated to"),
            *("barred from", "advised to", "treaty", "treaties", "standards"),
        ),
        rule_type=True,
    ),
    RuleWords(
        "when a rule applies from",
        ("into effect", "into force", "full effect", "take effect", "takes effect", "took effect"),
        rule_type=True,
    ),
    RuleWords(
        "a policy's own words",
        (
            *("priority", "priorities", "procedure", "procedures", "protocol", "protocols"),
            *("guidelines", "strategy"),
            *("guidance", "recommendation", "recommendations"),
        ),
        rule_type=True,
        policy_noun=True,
    ),
    RuleWords(
        "a policy's word that is as often granted or denied in one case",
        ("discretion",),
        policy_noun=True,
    ),
)


def _cues(reading: str) -> Cues:
    chosen = [w for group in RULE_WORDS if getattr(group, reading) for w in group.words]
    return Cues(frozenset(w for w in chosen if " " not in w), tuple(w for w in chosen if " " in w))


# The three readings, by the name the lexicon counts them under.
RULE_CUES: dict[str, Cues] = {
    reading: _cues(reading) for reading in ("rules", "rule_type", "policy_noun")
}
# "law enforcement" names the police, not a law: taken off the rule words the type counts.
NOT_RULE = Cues(frozenset(), ("law enforcement",))
