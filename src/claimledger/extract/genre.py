"""What kind of article a text is (news, analysis, opinion, live blog, fact-check, interview),
read from the text alone: the label a page puts above or beside its headline, the shape of its
paragraphs (time stamps, questions and answers), and in the last resort its voice.

The reading changes what counts as a claim: in opinion, a sentence with no checkable anchor (no
number, no date, no source named, no one quoted) needs a higher score, because there rhetoric about
named people and institutions reads as fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from claimledger.extract.cues import words


class Genre(Enum):
    NEWS = "news"
    ANALYSIS = "analysis"
    OPINION = "opinion"
    LIVE_BLOG = "live_blog"
    FACT_CHECK = "fact_check"
    INTERVIEW = "interview"


@dataclass(frozen=True)
class GenreReading:
    """The genre and, in a few words, what it was read from."""

    genre: Genre
    evidence: str

    def to_dict(self) -> dict[str, str]:
        return {"genre": self.genre.value, "evidence": self.evidence}


@dataclass(frozen=True)
class Label:
    """A section label ('Opinion', 'News analysis') as a page prints it on a line of its own."""

    pattern: re.Pattern[str]
    genre: Genre


def _label(words_: str, genre: Genre) -> Label:
    # the label alone, or the label and a separator before the headline ("Opinion | Why ...")
    return Label(re.compile(rf"^(?:{words_})\s*(?:$|[:|•·–—-]\s*\S)", re.I), genre)


# Looked for in the first lines of the page (its head), before the first full paragraph.
LABELS: tuple[Label, ...] = (
    _label(
        r"fact[- ]?check(?:ing)?|fact[- ]check(?:er)?:?|reality check|verdict", Genre.FACT_CHECK
    ),
    _label(
        r"live(?: updates?| blog| coverage| news)?|as it happened|latest updates", Genre.LIVE_BLOG
    ),
    _label(r"(?:an? )?interview|q\s?&\s?a|in conversation", Genre.INTERVIEW),
    _label(
        r"opinion|op-?ed|commentary|editorial|our view|my view|column|columnists?|guest (?:column|essay"
        r"|opinion|commentary)|viewpoints?|perspective|letters?(?: to the editor)?|comment is free"
        r"|essay|the big idea",
        Genre.OPINION,
    ),
    _label(r"(?:news )?analysis|explainer|explained|the big picture|what we know", Genre.ANALYSIS),
)

# Lines anywhere on the page that say what the piece is.
_OPINION_NOTE = re.compile(
    r"\b(?:views (?:expressed|in this (?:article|column|piece)) (?:are|here are)"
    r"|(?:is|are) (?:a |an )?(?:contributing |regular |guest )?(?:columnist|opinion writer|contributor to \w+ opinion)"
    r"|this is an? (?:opinion|op-ed|column|editorial)|writes a (?:weekly |monthly )?column)\b",
    re.I,
)
_RATING = re.compile(
    r"^(?:our |the )?(?:rating|ruling|verdict|claim|conclusion)\s*:"
    r"|\bwe rate (?:this|the|it)\b|\b(?:pants on fire|mostly (?:true|false)|half true)\b",
    re.I,
)
_QA = re.compile(r"^(?:Q|A|Question|Answer)\s*[:.]\s", re.I)
_SPEAKER_TURN = re.compile(r"^([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)?):\s+\S")
_TIME_STAMP = re.compile(
    r"^(?:(?:updated|posted)\s*:?\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.I
)

HEAD_LINES = 8  # a page's head: its first few short lines, before the first full paragraph
_HEAD_LINE = 160
_LABEL_MAX = 80

# Voice: an unlabelled piece is opinion when the writer speaks in the first person and tells the
# reader what ought to be, sentence after sentence.
_FIRST_PERSON = frozenset(["i", "i'm", "i've", "my", "me", "we", "we're", "our", "us"])
_OUGHT = frozenset(
    [
        "should",
        "must",
        "ought",
        "shouldn't",
        "mustn't",
        "need",
        "needs",
        "shameful",
        "absurd",
        "disgrace",
        "failure",
        "wrong",
        "dangerous",
        "outrageous",
        "unacceptable",
    ]
)
_OPINION_VOICE = (
    0.35  # share of the body's sentences with first person or ought-words, outside quotes
)


def _head(lines: list[str]) -> list[str]:
    head = []
    for line in lines[:HEAD_LINES]:
        if len(line) >= _HEAD_LINE:
            break
        head.append(line)
    return head


def _is_menu_item(line: str) -> bool:
    return len(line.split()) <= 2 and len(line) <= 24


def _in_menu(lines: list[str], i: int) -> bool:
    """A line among the site's sections ('News', 'Opinion', 'Sport'): a menu item, not a label."""
    before = i > 0 and _is_menu_item(lines[i - 1])
    after = i + 1 < len(lines) and _is_menu_item(lines[i + 1])
    return _is_menu_item(lines[i]) and before and after


def _voice(lines: list[str]) -> float:
    """Share of sentences, outside quotation marks, with first-person or ought-to words."""
    sentences = 0
    voiced = 0
    for line in lines:
        if line.startswith(("“", '"')) or len(line) < 40:
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", re.sub(r"“[^”]*”|\"[^\"]*\"", "", line)):
            tokens = words(sentence)
            if len(tokens) < 5:
                continue
            sentences += 1
            voiced += not (_FIRST_PERSON.isdisjoint(tokens) and _OUGHT.isdisjoint(tokens))
    return voiced / sentences if sentences >= 8 else 0.0


def read_genre(
    lines: list[str], body: list[str] | None = None, title: str | None = None
) -> GenreReading:
    """The article's genre from the page's lines (paragraphs, in order), its body (the lines that
    are article text, for its voice; all lines if not given) and, if known, its title."""
    head = _head(lines)
    candidates = ([title] if title else []) + [
        line for i, line in enumerate(head) if not _in_menu(head, i)
    ]
    for line in candidates:
        if len(line) > _LABEL_MAX and line is not title:
            continue
        for label in LABELS:
            if label.pattern.match(line):
                return GenreReading(label.genre, f"labelled {line[:40]!r}")
    stamps = sum(1 for line in lines if len(line) < 40 and _TIME_STAMP.match(line))
    if stamps >= 3:
        return GenreReading(Genre.LIVE_BLOG, f"{stamps} time stamps between entries")
    ratings = sum(1 for line in lines if len(line) < 600 and _RATING.search(line))
    if ratings >= 2:
        return GenreReading(Genre.FACT_CHECK, f"{ratings} rating or verdict lines")
    qa = sum(1 for line in lines if _QA.match(line))
    turns: dict[str, int] = {}
    for line in lines:
        m = _SPEAKER_TURN.match(line)
        if m:
            turns[m.group(1)] = turns.get(m.group(1), 0) + 1
    top_two = sorted(turns.values(), reverse=True)[:2]
    if qa >= 4 or (len(top_two) == 2 and min(top_two) >= 3):
        return GenreReading(Genre.INTERVIEW, "questions and answers")
    note = next((line for line in lines if len(line) < 400 and _OPINION_NOTE.search(line)), None)
    if note is not None:
        return GenreReading(Genre.OPINION, f"says so: {note[:40]!r}")
    voice = _voice(lines if body is None else body)
    if voice >= _OPINION_VOICE:
        return GenreReading(Genre.OPINION, f"first person and ought-to in {voice:.0%} of sentences")
    return GenreReading(Genre.NEWS, "no label, no other shape")
