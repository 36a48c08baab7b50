"""Who makes a claim: the quoted speaker, resolved to a full name where the article gave one."""

from __future__ import annotations

import functools
import re

from claimledger.extract.cues import letter_runs

_VERBS = r"(?:issued a statement saying|said|says|say|added|adds|told|tells|wrote|writes|stated|states|argued|argues|explained|explains|noted|notes|claimed|claims|insisted|insists|warned|warns|recalled|recalls|testified|asked|asks|cited|cites|blamed|blames|accused|accuses|denied|denies|acknowledged|acknowledges|admitted|conceded|concedes|estimated|estimates)"
_NAME = r"(?P<name>(?:[A-Z][\w'’.-]*\s){0,5}[A-Z][\w'’-]+)"
_FULL_RUN = r"(?P<name>(?:[A-Z][\w'’.-]*\s){1,5}[A-Z][\w'’-]+)"  # two capitalised words or more
_AUX = r"(?:(?:has|had|have|also|later|then)\s+){0,2}"  # Gomez had argued / he also said
_PRONOUN = r"(?P<pron>he|she|they|He|She|They)"


# Patterns that may start at the start of a sentence or after a comma, "but", "and" or "that"
# are written with their first character outside the look-behinds that say so: a pattern that
# starts with a character class lets the regex engine jump from candidate to candidate, several
# times faster than trying an alternation of starts at every position of every sentence.
def _behind(after: tuple[str, ...]) -> str:
    """Just after one of `after` (each of fixed width), or at the start of the text."""
    return "(?:(?<=^.)|" + "|".join(f"(?<={a}.)" for a in after) + ")"


def _name_after(*after: str) -> str:
    """_NAME, starting right after one of `after` or at the start."""
    return (
        r"(?P<name>[A-Z]"
        + _behind(after)
        + r"(?:[\w'’.-]*\s(?:[A-Z][\w'’.-]*\s){0,4}[A-Z][\w'’-]+|[\w'’-]+))"
    )


def _pronoun_after(*after: str) -> str:
    """_PRONOUN, starting right after one of `after` or at the start."""
    return r"(?P<pron>[hHsStT]" + _behind(after) + r"(?:(?<=[hH])e|(?<=[sS])he|(?<=[tT])hey))"


_VERB_LIST = _VERBS[3:-1].split("|")
_VERB_STARTS = frozenset(v.split()[0] for v in _VERB_LIST)  # "issued" of "issued a statement..."
_ROLES = [
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "official",
    "attorney",
    "lawyer",
    "professor",
    "chief",
    "commissioner",
    "president",
    "secretary",
    "senator",
    "representative",
    "mayor",
    "governor",
    "judge",
    "sheriff",
    "officer",
    "leader",
    "chair",
    "chairman",
    "chairwoman",
    "executive",
    "analyst",
    "researcher",
    "economist",
    "expert",
    "advocate",
    "manager",
    "minister",
    "administrator",
    "superintendent",
    "founder",
    "head",
    "member",
    "organizer",
]
_ROLE = "(?:" + "|".join(_ROLES) + ")"
_ROLE_WORDS = frozenset(_ROLES) | frozenset(r + "s" for r in _ROLES)

# USCIS spokesman Michael Bars said / a Justice Department official, Ann Lee, said
_ROLE_REACH = 120  # the few words before a job title: "The FAA chief", "Boston Police Commissioner"
_ROLE_FIRST = re.compile(
    r"(?:^|[,;:][\"”’]?\s+|\bthat\s+)(?:[A-Za-z][\w.'’&-]*\s){0,4}?"
    + _ROLE
    + r"s?,?\s+"
    + _NAME
    + r",?\s+"
    + _VERBS
    + r"\b"
)

# said Sarah Pierce, ... : tried only where a speech verb stands (found with str.find)
_VERB_FIRST = re.compile(_VERBS + r"\s+" + _NAME + r"(?:,|\s+(?:in|on|at|of)\b|\.$)")
_ACCORDING = re.compile(r"\b(?i:according to)\s+(?:the\s+)?" + _NAME)
# “...,” he said
_QUOTE_PRONOUN = re.compile(r"[,.?!—-][\"”’]\s+" + _PRONOUN + r"\s+" + _VERBS + r"\b")
# Sarah Pierce, an attorney for the union, said (two commas at least)
_APPOSITION = re.compile(
    _name_after(r"[,;]\s", r"\bbut\s", r"\band\s")
    + r",\s+(?:a|an|the|who|"
    + _ROLE
    + r")\b[^.“”\"]{0,160}?,\s+"
    + _VERBS
    + r"\b"
)
# ..., she said
_PRONOUN_VERB = re.compile(_pronoun_after(r"[,;]\s") + r"\s+" + _AUX + _VERBS + r"\b")
# Baker did not address the report but said ... / The mayor declined to comment and said ...
_CONJOINED = re.compile(
    r"^(?:(?:[A-Z][\w.'’&-]*\s){0,3}"
    + _ROLE
    + r"\s+)?"
    + _FULL_RUN
    + r"\s+[a-z][^.;“”\"]{0,160}?\s(?:but|and)\s+(?:also\s+)?"
    + _VERBS
    + r"\b"
)
_PATTERNS = [
    # “...,” Pierce said.  /  “...,” said Sarah Pierce, an attorney
    re.compile(r"[,.?!—-][\"”’]\s+" + _NAME + r"\s+" + _VERBS + r"\b"),
    re.compile(r"[,.?!—-][\"”’]\s+" + _VERBS + r"\s+" + _NAME),
    _QUOTE_PRONOUN,
    _ACCORDING,
    _APPOSITION,
    _ROLE_FIRST,
    _VERB_FIRST,
    re.compile(
        _name_after(r"[,;:]\s", r"\bbut\s", r"\band\s", r"\bthat\s")
        + r"\s+"
        + _AUX
        + _VERBS
        + r"\b"
    ),
    _PRONOUN_VERB,
    _CONJOINED,
]
# What a sentence must hold for some patterns to match at all: they are not tried without it.
_PRONOUN_WORDS = frozenset(["he", "she", "they"])
_NEEDS_PRONOUN = (_QUOTE_PRONOUN, _PRONOUN_VERB)
_CUE_WORDS = frozenset(_VERBS.strip("(?:)").split("|")) | {"according", "issued"}
# Two or three capitalised words; the first letter comes first so the engine can skip to capitals
_FULL_NAME = re.compile(
    r"[A-Z](?<![\w].)[a-z'’-]+\s(?:[A-Z][a-z'’-]+\s)?[A-Z][a-z'’-]+(?:-[A-Z][a-z'’-]+)?\b"
)
_SUBJECT = re.compile(r"(?:[A-Z][\w'’.-]*\s){1,5}[A-Z][a-z'’-]+\b")
# Words that make a capitalised run an organisation or a place, not a person.
_ORG_WORDS = frozenset(
    [
        "Department",
        "Police",
        "City",
        "County",
        "Council",
        "Court",
        "Commission",
        "Agency",
        "Office",
        "University",
        "Institute",
        "Association",
        "Committee",
        "Board",
        "Service",
        "Services",
        "Administration",
        "Union",
        "Party",
        "Company",
        "Inc",
        "Corp",
        "News",
        "Times",
        "Post",
        "Globe",
        "Magazine",
        "Center",
        "Centre",
        "School",
        "College",
        "Church",
        "Bank",
        "Group",
        "Foundation",
        "Coalition",
        "Network",
        "Authority",
        "Bureau",
        "Congress",
        "Senate",
        "House",
        "Republicans",
        "Democrats",
    ]
)
TITLES = frozenset(
    [
        "us",
        "u.s.",
        "state",
        "representative",
        "rep.",
        "rep",
        "sen.",
        "sen",
        "senator",
        "congresswoman",
        "congressman",
        "governor",
        "gov.",
        "mayor",
        "president",
        "secretary",
        "director",
        "attorney",
        "general",
        "judge",
        "commissioner",
        "councilor",
        "city",
        "county",
        "district",
        "chief",
        "officer",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officials",
        "deputy",
        "acting",
        "field",
        "office",
        "executive",
        "policy",
        "chair",
        "chairman",
        "chairwoman",
        "minister",
        "sheriff",
        "superintendent",
        "justice",
        "professor",
        "prof.",
        "dr.",
        "dr",
        "lawyer",
        "analyst",
        "leader",
        "founder",
        "manager",
        "the",
        "a",
        "an",
        "immigration",
        "federal",
    ]
)
CONJUNCTIONS = frozenset(
    ["But", "And", "So", "Yet", "Then", "Also", "Still", "Now", "Meanwhile", "However"]
)
NOT_NAMES = frozenset(
    [
        "It",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "The",
        "A",
        "An",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Their",
        "Officials",
        "Advocates",
        "Critics",
        "Police",
    ]
)


def _strip_titles(words: list[str]) -> list[str]:
    """The name after its titles: 'Suffolk County District Attorney Rachael Rollins' -> the last two."""
    last = max((i for i, w in enumerate(words[:-1]) if w.lower().rstrip(",") in TITLES), default=-1)
    words = words[last + 1 :]
    while len(words) > 1 and (
        words[0] in CONJUNCTIONS or (words[0].isalpha() and words[0].isupper())
    ):
        words = words[1:]  # a leading conjunction, or an agency's initials before the name
    return words


@functools.lru_cache(maxsize=4096)  # an article names the same few people again and again
def _clean(name: str) -> str | None:
    words = _strip_titles(name.split())
    # "We’re told that ...": a pronoun with its verb run in ("We’re", "They’ve") is no name either
    if not words or words[0] in NOT_NAMES or re.split("[’']", words[0], maxsplit=1)[0] in NOT_NAMES:
        return None
    cleaned = " ".join(words).rstrip(".,")
    return cleaned or None


def _at_verbs(pattern: re.Pattern[str], text: str, found: list[str]) -> re.Match[str] | None:
    """The leftmost match of a pattern that starts with a speech verb, tried only at the verbs."""
    starts = []
    for verb in _VERB_STARTS.intersection(found):
        pos = text.find(verb)
        while pos >= 0:
            if pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "_'’-"):
                starts.append(pos)
            pos = text.find(verb, pos + 1)
    for pos in sorted(starts):
        m = pattern.match(text, pos)
        if m:
            return m
    return None


def _before_roles(pattern: re.Pattern[str], text: str, found: list[str]) -> re.Match[str] | None:
    """The first match of _ROLE_FIRST, searched only in a window around each job title."""
    starts = []
    for role in _ROLE_WORDS.intersection(found):
        pos = text.find(role)
        while pos >= 0:
            starts.append(pos)
            pos = text.find(role, pos + 1)
    for pos in sorted(starts):
        m = pattern.search(text, max(0, pos - _ROLE_REACH))
        if m and m.start() <= pos:
            return m
    return None


@functools.lru_cache(maxsize=4096)
def _person(run: str) -> str | None:
    """A capitalised run as a person's full name, titles left out; None if it names no person."""
    words = _strip_titles(run.split())
    if len(words) >= 2 and words[0] not in NOT_NAMES:
        return " ".join(words)
    return None


PARAGRAPH_REACH = 4000  # characters: a dozen long sentences


class SpeakerTracker:
    """Reads an article in order, remembering full names and who spoke last."""

    def __init__(self, outlet: str | None) -> None:
        self.outlet = outlet
        self.full_names: dict[str, str] = {}
        self.last_person: str | None = None
        self.quote_speaker: str | None = None  # speaker of a quotation still open

    def learn_names(self, paragraph: str) -> None:
        known = self.full_names
        for m in _FULL_NAME.finditer(paragraph):
            run = m.group(0)
            surname = run.rsplit(None, 1)[-1]
            if surname in known:
                continue  # the first full name for a surname is the one kept
            person = _person(run)
            if person is not None:
                known[surname] = person

    def resolve(self, name: str) -> str:
        if " " not in name and name in self.full_names:
            return self.full_names[name]
        return name

    def _named_before(self, text: str, pos: int) -> str | None:
        """The last person named in text before pos: who a 'she said' points back to."""
        last = None
        for m in _FULL_NAME.finditer(text, 0, pos):
            name = _clean(m.group(0))
            if name and " " in name:
                last = name
        return last

    def attribution(self, sentence: str, tokens: list[str] | None = None) -> str | None:
        found = tokens if tokens is not None else letter_runs(sentence)
        if _CUE_WORDS.isdisjoint(found):
            return None
        quotes = '"' in sentence or "”" in sentence or "’" in sentence
        pronoun = not _PRONOUN_WORDS.isdisjoint(found)
        for index, pattern in enumerate(_PATTERNS):
            if index < 3 and not quotes:
                continue  # the first three start at a closing quotation mark
            if pattern is _ACCORDING and "according" not in found:
                continue
            if not pronoun and pattern in _NEEDS_PRONOUN:
                continue
            if pattern is _APPOSITION and sentence.count(",") < 2:
                continue
            if pattern is _CONJOINED and "and" not in found and "but" not in found:
                continue
            if pattern is _ROLE_FIRST and _ROLE_WORDS.isdisjoint(found):
                continue  # the costliest pattern: only when a job title is there to anchor it
            if pattern is _VERB_FIRST:
                m = _at_verbs(pattern, sentence, found)
            elif pattern is _ROLE_FIRST:
                m = _before_roles(pattern, sentence, found)
            else:
                m = pattern.search(sentence)
            if not m:
                continue
            groups = m.groupdict()
            if groups.get("pron"):
                who = self._named_before(sentence, m.start()) or self.last_person
                if who:
                    return who
                continue
            name = _clean(groups.get("name") or "")
            if name:
                return self.resolve(name)
        return None

    def paragraph_speaker(self, paragraph: str) -> str | None:
        """The speaker named in a paragraph, for quotations it spreads over sentences.

        Only the paragraph's first PARAGRAPH_REACH characters are read: a speaker further on does
        not attribute a quotation that began that far back, and the work stays bounded."""
        return self.attribution(paragraph[:PARAGRAPH_REACH])

    def _subject(self, sentence: str) -> str | None:
        """A person named at the start of a sentence: who a following 'he' or 'she' means."""
        m = _SUBJECT.match(sentence)
        if m is None:
            return None
        name = _clean(m.group(0))
        if not name or " " not in name or not _ORG_WORDS.isdisjoint(name.split()):
            return None
        return name

    def speaker_for(
        self,
        sentence: str,
        paragraph_speaker: str | None,
        quoted: bool,
        tokens: list[str] | None = None,
    ) -> str | None:
        own = self.attribution(sentence, tokens)
        if own:
            self.last_person = own
            return own
        subject = self._subject(sentence)
        if subject:
            self.last_person = subject  # "Geoff Diehl, ..., defended it. He blamed ..."
        if quoted:
            who = paragraph_speaker or self.quote_speaker
            if who:
                return who
            return None
        return self.outlet
