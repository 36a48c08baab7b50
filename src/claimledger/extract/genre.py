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
from claimledger.extract.stance import STANCE_CUES, VOICE_WORDS


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
    _label(
        r"(?:news )?analysis(?: by (?-i:(?:[A-Z][\w'’.-]+ ?){1,4})(?:,[^:|]{0,40})?)?|explainer"
        r"|explained|the big picture|what we know",
        Genre.ANALYSIS,
    ),
)

# Lines anywhere on the page that say what the piece is.
_OPINION_NOTE = re.compile(
    r"\b(?:views (?:expressed|in this (?:article|column|piece)) (?:are|here are)"
    r"|(?:is|are) (?:a |an )?(?:contributing |regular |guest )?(?:columnist|opinion writer|contributor to \w+ opinion)"
    r"|this is an? (?:opinion|op-ed|column|editorial)|writes a (?:weekly |monthly )?column)\b",
    re.I,
)
# A byline that gives the writer's role in the opinion pages ("Jane Roe, Columnist", "By the
# Editorial Board").
_OPINION_BYLINE = re.compile(
    r"^(?:by )?(?:(?-i:(?:[A-Z][\w'’.-]+ ){0,3}[A-Z][\w'’-]+)\s*(?:,|\||[-–—])\s*"
    r"(?:(?:contributing|guest|senior|associate|regular|syndicated|staff) )?(?:columnist"
    r"|opinion (?:writer|contributor|columnist|editor))"
    r"|the (?:[\w'’]+ )?editorial board)\s*$",
    re.I,
)
# A letter's signature on a page of letters: "— Jane Roe, Dayton" (two or more of them).
_SIGNED = re.compile(r"^[—–-] ?(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+, [A-Z][\w'’. -]{1,40}$")
_SIGNATURES = 2
# The contributor's note under an opinion piece: the writer's name, what they are outside the
# paper, and where to follow or read more of them ("Jane Roe is an economist in Ohio. Follow her
# on ..."). A newsroom's own staff is told apart by its job (reporter, staff writer).
_TAGLINE = re.compile(
    r"^(?:[A-Z][\w'’.-]+ ){0,3}[A-Z][\w'’-]+,? (?:is|was) (?:a|an|the) (?:[\w'’-]+,? ){0,5}?"
    r"(?:economist|professor|fellow|author|lawyer|attorney|historian|scholar|researcher"
    r"|physician|doctor|novelist|essayist|poet|commentator|consultant|strategist|pastor|rabbi"
    r"|activist|founder|co-founder|director|president|chair(?:man|woman)?|ceo|senator"
    r"|lecturer|analyst|writer|advocate|teacher|veteran)\b"
)
# What else such a note says: how to follow the writer or where their book is.
_TAGLINE_TAIL = re.compile(
    r"\b(?:follow (?:him|her|them)|on (?:twitter|x|bluesky|mastodon|substack)\b|@\w"
    r"|(?:is|was|and) the (?:co-?)?author of|(?:his|her|their) (?:new |latest |forthcoming )?book)",
    re.I,
)
_STAFF = re.compile(
    r"\b(?:staff|reporter|correspondent|journalist|photographer|producer|intern|newsroom)\b",
    re.I,
)
# A letter: addressed to the editor, as a page of letters prints each one.
_TO_THE_EDITOR = re.compile(r"^(?:to the editor|dear (?:editor|sir|madam))\s*[:,—–-]", re.I)
_TAGLINE_MAX = 300
_RATING_LABEL = re.compile(r"^(?:our |the )?(?:rating|ruling|verdict|claim|conclusion)\s*:", re.I)
_RATING = re.compile(
    r"\bwe rate (?:this|the|it)\b|\b(?:pants on fire|mostly (?:true|false)|half true)\b", re.I
)
_QA = re.compile(r"^(?:Q|A|Question|Answer)\s*[:.]\s", re.I)
_SPEAKER_TURN = re.compile(r"^([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)?):\s+\S")
# A clock time with its am/pm or zone, or after "Updated"/"Posted" ("1:39" alone is a video's length)
_TIME_STAMP = re.compile(
    r"^(?:(?:updated|posted)\s*:?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?"
    r"|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?(?:\s+[A-Z]{2,4})?|[A-Z]{2,4}))$",
    re.I,
)

_TURN_MIN = 60
# An answer under a question, led by the speaker's initials and no colon ("OW For sure. ..."
# below "Will you be screening it ...?"): a Q&A printed with initials. Four such answers at
# least, so a paragraph that starts "US officials ..." after a question now and then is none.
_INITIALS_ANSWER = re.compile(r"^([A-Z]{2,3}) (?=[A-Z(“\"])")
_INITIALS_ANSWERS = 4
HEAD_LINES = 8  # a page's head: its first few short lines, before the first full paragraph
_HEAD_LINE = 160
_LABEL_MAX = 80

# Voice: an unlabelled piece is opinion when the writer speaks in the first person, tells the
# reader what ought to be, passes verdicts, asks questions of the reader, sentence after sentence
# (stance.STANCE_WORDS), and gives little of the page to what others said.
_OPINION_VOICE = 0.38  # share of the writer's sentences in that voice; news stays under a third
# or a little less of it, when the writer also passes verdicts (stance's `verdict` words) in
# more than one sentence in eight: a third-person essay judging a company or a government
_JUDGING_VOICE = 0.3
_VERDICTS = 0.12
# share of the body's sentences quoted or attributed to someone: a news story with a
# correspondent's first-person analysis box quotes its subject in about two of five
_OPINION_OTHERS = 0.3
# or a column in a plain third person whose verdicts (stance's words and JUDGING_PHRASES) are
# one sentence in seven or more of a voice under a third, when it quotes others still less:
# news that quotes little passes a verdict in one sentence in twelve or fewer
_PLAIN_VOICE = 0.2
_PLAIN_VERDICTS = 0.15
_PLAIN_OTHERS = 0.2


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


# Cheap tests before the patterns: words one of which each pattern needs.


# Verdicts in a plain third person, which stance's single words miss: someone was right or wrong
# to act, a choice or a plan was good or bad, something is or is not the answer. Counted in the
# voice, as verdicts, like stance's `verdict` words (general English, no outlet's phrasing).
JUDGING_PHRASES: tuple[str, ...] = (
    r"\b(?:is|was|are|were|be|been) (?:right|wrong|correct|mistaken|wise|foolish) to \w",
    r"\bmade (?:a|the) (?:good|bad|wise|smart|poor|sound|right|wrong) (?:choice|decision|call|move)",
    r"\b(?:a|an) (?:dangerous|bad|good|smart|wise|foolish|terrible|reckless|risky)"
    r" (?:strategy|idea|bet|gamble|plan|reason|approach|choice|decision|move)\b",
    r"\b(?:is|isn't|is not|are|aren't|are not) the (?:answer|solution|way forward)\b",
    r"\bthe (?:right|wrong) (?:thing|call|choice|decision|approach)\b",
)
_JUDGING = re.compile("|".join(JUDGING_PHRASES), re.I)
# one of which each judging phrase needs (a cheap test before the pattern)
_JUDGING_WORDS = frozenset(
    (
        *("right", "wrong", "correct", "mistaken", "wise", "foolish", "choice", "decision"),
        *("call", "move", "strategy", "idea", "bet", "gamble", "plan", "reason", "approach"),
        *("answer", "solution", "way", "thing"),
    )
)

VOICE_SENTENCES = 8  # fewer of the writer's own sentences than this: no reading of the voice
VERDICT_WORDS = STANCE_CUES["verdict"].single
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _unquoted(sentence: str) -> str:
    return _QUOTED.sub("", sentence) if "“" in sentence or '"' in sentence else sentence


class Voice:
    """Counts the writer's own sentences (outside quotation marks) and those in the writer's
    own voice (stance.VOICE_WORDS, or a question), from the words the finder has already read;
    and, of all the body's sentences, those quoted or attributed to someone."""

    def __init__(self) -> None:
        self.sentences = 0
        self.voiced = 0
        self.judged = 0
        self.heard = 0
        self.others_ = 0

    def add(self, sentence: str, tokens: list[str]) -> None:
        if len(tokens) < 5:
            return
        self.sentences += 1
        if not _JUDGING_WORDS.isdisjoint(tokens) and _JUDGING.search(_unquoted(sentence)):
            self.voiced += 1
            self.judged += 1
            return
        if VOICE_WORDS.isdisjoint(tokens):
            if sentence.rstrip("”\"’') ").endswith("?"):
                self.voiced += 1  # a question the writer puts to the reader
            return
        if "“" in sentence or '"' in sentence:  # words inside a quotation are someone else's
            tokens = words(_QUOTED.sub("", sentence))
            if VOICE_WORDS.isdisjoint(tokens):
                return
        self.voiced += 1
        self.judged += not VERDICT_WORDS.isdisjoint(tokens)

    def hear(self, others: bool) -> None:
        """One sentence of the body (of five words or more): `others` when it is quoted or
        attributed to someone other than the writer."""
        self.heard += 1
        self.others_ += others

    def share(self) -> float:
        return self.voiced / self.sentences if self.sentences >= VOICE_SENTENCES else 0.0

    def verdicts(self) -> float:
        """The share of the writer's sentences that pass a verdict (stance's `verdict` words)."""
        return self.judged / self.sentences if self.sentences >= VOICE_SENTENCES else 0.0

    def others(self) -> float:
        """The share of the body given to what others said (0 when nothing was heard)."""
        return self.others_ / self.heard if self.heard else 0.0


def _voice(lines: list[str]) -> float:
    """The voice of paragraphs given as lines (when the finder has not read them sentence by
    sentence): share of sentences outside quotations with first-person or ought-to words."""
    voice = Voice()
    for line in lines:
        if line.startswith(("“", '"')):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            voice.add(sentence, words(sentence))
    return voice.share()


class _Shape:
    """What the page's lines show, read in one pass: time stamps, rating lines, questions and
    answers, speakers taking turns, a line saying the piece is a column."""

    def __init__(self, lines: list[str]) -> None:
        self.stamps = 0
        self.ratings = 0
        self.qa = 0
        self.turns: dict[str, int] = {}
        self.answers = 0  # answers led by a speaker's initials, each under a question
        self.note: str | None = None
        self.signed = 0
        above = True  # above the first full paragraph: where a byline stands, not a sidebar's
        asked = False  # the line before was a question
        for line in lines:
            above = above and len(line) < _HEAD_LINE
            after_question, asked = asked, line.endswith("?")
            if len(line) >= 600:
                continue
            if after_question and _INITIALS_ANSWER.match(line):
                self.answers += 1
            if len(line) < 40 and _TIME_STAMP.match(line):
                self.stamps += 1
            if _QA.match(line):
                self.qa += 1
            # a turn is a question or an answer of some length ("Media Kit: Why us?" is a link)
            turn = _SPEAKER_TURN.match(line) if len(line) >= _TURN_MIN else None
            if turn:
                self.turns[turn.group(1)] = self.turns.get(turn.group(1), 0) + 1
            low = line.lower()
            rated = "rate" in low or "true" in low or "false" in low or "fire" in low
            if _RATING_LABEL.match(line) or (rated and _RATING.search(line)):
                self.ratings += 1
            noted = "views" in low or "column" in low or "opinion" in low or "this is a" in low
            noted = noted or "contributor" in low
            if self.note is None and len(line) < 400 and noted and _OPINION_NOTE.search(line):
                self.note = line
            bylined = "column" in low or "opinion" in low or "editorial board" in low
            bylined = bylined and above and len(line) < _LABEL_MAX
            if self.note is None and bylined and _OPINION_BYLINE.match(line):
                self.note = line
            if len(line) < _LABEL_MAX and line[:1] in "—–-" and _SIGNED.match(line):
                self.signed += 1
            if self.note is None and len(line) < _TAGLINE_MAX and _is_tagline(line, low):
                self.note = line


def _is_tagline(line: str, low: str) -> bool:
    """A contributor's note (`_TAGLINE` and `_TAGLINE_TAIL`, not a staff job) or a letter's
    address to the editor."""
    if ("editor" in low or "dear" in low) and _TO_THE_EDITOR.match(line):
        return True
    if " is " not in line and " was " not in line:
        return False
    head = _TAGLINE.match(line)
    return (
        head is not None
        and _TAGLINE_TAIL.search(line) is not None
        and _STAFF.search(head.group(0)) is None
    )


def read_genre(
    lines: list[str], *, title: str | None = None, voice: float | None = None
) -> GenreReading:
    """The article's genre from the page's lines (paragraphs, in order), if known its title, and
    the voice of its body (`Voice.share`; read from `lines` if not given)."""
    reading = genre_from_page(lines, title)
    if reading is not None:
        return reading
    return genre_from_voice(_voice(lines) if voice is None else voice)


# The section an address files the piece under, as news sites name them ("/news/opinion/...",
# "/commentary/2024/...", "/live/..."): a path segment, never the host or the slug's words.
_URL_SECTIONS: tuple[tuple[re.Pattern[str], Genre], ...] = (
    (re.compile(r"^(?:fact-?checks?|factcheck(?:ing)?|reality-check)$"), Genre.FACT_CHECK),
    (re.compile(r"^(?:live|live-?blogs?|live-?updates|live-news)$"), Genre.LIVE_BLOG),
    (
        re.compile(
            r"^(?:opinions?|commentary|comment(?:isfree)?|columns?|columnists?|editorials?"
            r"|op-?eds?|oped|views|viewpoints?|letters|perspectives?)$"
        ),
        Genre.OPINION,
    ),
    (re.compile(r"^(?:analysis|news-analysis|explainers?)$"), Genre.ANALYSIS),
)


def genre_from_url(url: str | None) -> GenreReading | None:
    """The genre an address files the piece under: a section of its path (not its last part,
    the slug, whose words are the headline's)."""
    if not url:
        return None
    path = re.sub(r"^[a-z][\w+.-]*://[^/]*", "", url.strip().lower()).split("?", 1)[0]
    segments = [seg for seg in path.split("/") if seg][:-1]
    for segment in segments:
        for pattern, genre in _URL_SECTIONS:
            if pattern.match(segment):
                return GenreReading(genre, f"filed under /{segment}/")
    return None


# What a page's metadata declares it to be, as schema.org names its kinds of article.
DECLARED_TYPES: dict[str, Genre] = {
    "opinionnewsarticle": Genre.OPINION,
    "reviewnewsarticle": Genre.OPINION,
    "review": Genre.OPINION,
    "analysisnewsarticle": Genre.ANALYSIS,
    "backgroundnewsarticle": Genre.ANALYSIS,
    "liveblogposting": Genre.LIVE_BLOG,
    "claimreview": Genre.FACT_CHECK,
}


def genre_from_metadata(
    types: tuple[str, ...] = (), sections: tuple[str, ...] = ()
) -> GenreReading | None:
    """The genre a page's metadata declares: a schema.org type of article (DECLARED_TYPES), or a
    section ('Opinion', 'Commentary', 'Letters', 'News analysis') read as a label is."""
    for kind in types:
        genre = DECLARED_TYPES.get(kind.strip().lower())
        if genre is not None:
            return GenreReading(genre, f"declared {kind.strip()[:40]!r}")
    for section in sections:
        section = section.strip()
        if len(section) > _LABEL_MAX:
            continue
        for label in LABELS:
            if label.pattern.match(section):
                return GenreReading(label.genre, f"filed in section {section[:40]!r}")
    return None


def genre_from_page(
    lines: list[str],
    title: str | None = None,
    url: str | None = None,
    declared: GenreReading | None = None,
) -> GenreReading | None:
    """The genre when the page shows it (a label, time stamps, ratings, questions and answers, a
    columnist's note, what its metadata `declared` (`genre_from_metadata`), the section its
    address files it under); None when only the voice of the body can tell."""
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
    shape = _Shape(lines)
    if shape.stamps >= 3:
        return GenreReading(Genre.LIVE_BLOG, f"{shape.stamps} time stamps between entries")
    if shape.ratings >= 2:
        return GenreReading(Genre.FACT_CHECK, f"{shape.ratings} rating or verdict lines")
    top_two = sorted(shape.turns.values(), reverse=True)[:2]
    turns = len(top_two) == 2 and min(top_two) >= 3
    if shape.qa >= 4 or turns or shape.answers >= _INITIALS_ANSWERS:
        return GenreReading(Genre.INTERVIEW, "questions and answers")
    if shape.note is not None:
        return GenreReading(Genre.OPINION, f"says so: {shape.note[:40]!r}")
    if shape.signed >= _SIGNATURES:
        return GenreReading(Genre.OPINION, f"{shape.signed} letters signed")
    return declared or genre_from_url(url)


def genre_from_voice(voice: float, others: float = 0.0, verdicts: float = 0.0) -> GenreReading:
    """Opinion when the writer's voice says so (`Voice.share`, with `Voice.verdicts` a little
    less of it) and others' words are a small part of the page (`Voice.others`), news otherwise."""
    judging = voice >= _JUDGING_VOICE and verdicts >= _VERDICTS
    plain = voice >= _PLAIN_VOICE and verdicts >= _PLAIN_VERDICTS and others < _PLAIN_OTHERS
    if ((voice >= _OPINION_VOICE or judging) and others < _OPINION_OTHERS) or plain:
        return GenreReading(
            Genre.OPINION,
            f"the writer's own voice in {voice:.0%} of sentences, verdicts in {verdicts:.0%}, "
            f"others' words in {others:.0%}",
        )
    return GenreReading(Genre.NEWS, "no label, no other shape")
