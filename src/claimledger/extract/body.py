"""Finding the article body in text captured from a web page.

A page's text carries furniture around the article: navigation, share and follow lines, donation
letters, author bio boxes, captions, contact lines and reader comments. These rules recognise the
shapes such furniture takes on any news site, not the strings of particular pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimledger.extract.density import MIN_RUN, heaviest_before, line_weights, outside_article
from claimledger.extract.furniture import APPEAL, furniture_blocks

# A paragraph is a run of lines; captured pages put one paragraph per line, often with blank lines.
_LINE = re.compile(r"[^\n]*\n?")

_COMMENT_PHRASES = (
    "community rules",
    "community guidelines",
    "comment policy",
    "comment guidelines",
    "leave a comment",
    "leave a reply",
    "join the discussion",
    "join the conversation",
)
_COMMENT_LINE = re.compile(
    r"(?:\d+\s+comments?\b|comments?(?: \(\d+\))?:?$|reader comments|show comments|view comments)",
    re.IGNORECASE,
)


# On a short line only (a button, a heading): "Sign in to post a reply.", "There are 13 comments"
_COMMENT_HEADING = re.compile(
    r"^(?:there (?:are|is) |view (?:all )?|show (?:all )?|see (?:all )?)?\d[\d,]* (?:comments?|responses?"
    r"|replies|thoughts)\b(?: (?:on|to)\b.*)?$"
    r"|\b(?:sign in|log in|register|login) to (?:post a |add a |leave a |write a )?(?:reply|comment)"
    r"|^(?:post|add|write) a (?:reply|comment)\b",
    re.IGNORECASE,
)
_COMMENT_HEADING_MAX = 100


def _starts_comments(low: str, line: str) -> bool:
    return (
        any(p in low for p in _COMMENT_PHRASES)
        or _COMMENT_LINE.match(line) is not None
        or (len(line) <= _COMMENT_HEADING_MAX and _COMMENT_HEADING.search(line) is not None)
    )


# A reader comment's buttons, alone on a line; two of them close together make a thread.
_COMMENT_BUTTON = re.compile(
    r"^(?:reply|report(?: abuse| comment)?|flag|like|like reply|reply report|report reply"
    r"|share reply)\s*[↓↑]?$",
    re.IGNORECASE,
)
# A comment's header: a handle and when it was written ("Ann · March 10, 2017 at 12:20 AM",
# "jroe 3 hours ago")
_COMMENT_WHEN = re.compile(
    r"\b\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|\b(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
_BUTTON_GAP = 12  # a thread's next button is within this many lines
_HEADER_REACH = 6  # a comment's header is at most this many lines above its button


def _comment_thread_start(lines: list[str], i: int) -> int | None:
    """Where a thread of reader comments begins, if line `i` is the first of its buttons:
    a 'Reply' (or 'Report') line with another within a few lines. The thread starts at the first
    comment's header (a short line with a time, above the button), else just above the button."""
    if not _COMMENT_BUTTON.match(lines[i]):
        return None
    if not any(_COMMENT_BUTTON.match(x) for x in lines[i + 1 : i + 1 + _BUTTON_GAP]):
        return None
    for j in range(i - 1, max(-1, i - 1 - _HEADER_REACH), -1):
        line = lines[j]
        if len(line) <= _COMMENT_HEADING_MAX and _COMMENT_WHEN.search(line) and not _ends(line):
            return j
    return max(0, i - 1)


def _byline_over_bio(lines: list[str], i: int, late: bool) -> re.Match[str] | None:
    """A byline in the second half of the page over a paragraph that starts with the author's
    name: the author's bio box, with no heading ('By Ann Lee' then 'Ann has covered ...')."""
    byline = _BYLINE.match(lines[i]) if late and i + 1 < len(lines) else None
    if byline is None:
        return None
    names = byline.group(1).split()
    after = lines[i + 1]
    return byline if any(after.startswith(name + " ") for name in (names[0], names[-1])) else None


class _ArticleAbove:
    """Whether the article has begun above a line: comments, a thread or a letter to readers
    ends the page's article only below it. A page whose menus fill its first third puts a
    comment count ('comments', a link beside the headline) above the article, and cutting there
    would take the whole article for comments. So the heaviest run of prose above the line
    (`density`'s weights) must be some paragraphs heavy, or at least as heavy as any below it.
    Weighed once, only on a page where some such line turns up."""

    def __init__(self, lines: list[str], keep: list[bool]) -> None:
        self._lines = lines
        self._keep = keep
        self._above: Sequence[float] = ()
        self._below: Sequence[float] = ()

    def __call__(self, i: int) -> bool:
        if not self._above:
            weights = line_weights(self._lines, self._keep)
            self._above = heaviest_before(weights)
            self._below = heaviest_before(weights[::-1])
        above = self._above[i]
        return above >= MIN_RUN or above >= self._below[len(self._lines) - i]


def _ends(line: str) -> bool:
    return line.rstrip("\"”’') ").endswith((".", "!", "?"))


_SALUTATION = re.compile(r"^dear [\w ,&'’-]{2,60}[,:!]?$", re.IGNORECASE)
_BIO_HEADER = re.compile(
    r"^(?:(?i:meet the (?:author|reporter|writer)s?|about the (?:author|reporter|writer)s?)"
    r"|(?i:about) ((?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+))$"
)
# A byline standing alone, an author's handle after it ("By Ann Lee @annlee")
_BYLINE = re.compile(r"^By ((?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+)(?: @\w+)?$")
_NAME = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}$")
_PRONOUN_START = re.compile(r"^(?:she|he|they)\b", re.IGNORECASE)


_LINE_SPAN = re.compile(r"\S(?:[^\n]*\S)?")  # a line from its first to its last visible character
# Furniture lines are short: a longer paragraph is body, and no furniture rule reads it (so a
# megabyte-long paragraph is not copied, lower-cased and scanned a dozen times).
LONG_PARAGRAPH = 2000


def page_lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as spans, trimmed (captured text keeps one paragraph per line)."""
    return [m.span() for m in _LINE_SPAN.finditer(text)]


def _is_heading(line: str) -> bool:
    return (
        len(line) < 120
        and not line.endswith((".", "?", "!", "”", '"', ":", ",", ";"))
        and len(line.split()) < 16
    )


def find_body(
    text: str, spans: list[tuple[int, int]] | None = None, lines: list[str] | None = None
) -> list[tuple[int, int]]:
    """Spans of the text that are article body: one per paragraph, furniture left out.

    `spans`, the text's `page_lines`, and `lines`, their text, if the caller has them, save
    finding them again."""
    paras = page_lines(text) if spans is None else spans
    lines = [text[s:e] for s, e in paras] if lines is None else lines
    keep = [True] * len(paras)
    for index in furniture_blocks(lines):
        keep[index] = False
    n = len(paras)
    total = len(text)
    bio_names: list[str] = []
    in_bio = False
    article_above = _ArticleAbove(lines, keep)
    i = 0
    while i < n:
        line = lines[i]
        if len(line) > LONG_PARAGRAPH:
            in_bio = False
            i += 1
            continue
        late = paras[i][0] > total * 0.3
        # Reader comments and the like run to the end of the page.
        if late and _starts_comments(line.lower(), line) and article_above(i):
            for j in range(i, n):
                keep[j] = False
            break
        thread = _comment_thread_start(lines, i) if late and len(line) < 30 else None
        if thread is not None and article_above(thread):
            for j in range(thread, n):
                keep[j] = False
            break
        # A letter to readers (salutation, then an appeal) is a fundraising box: to the end.
        if late and _SALUTATION.match(line):
            rest = " ".join(lines[i : i + 12])
            start = i - 1 if i > 0 and _is_heading(lines[i - 1]) else i
            if (APPEAL.search(rest) or i > n * 0.5) and article_above(start):
                for j in range(start, n):
                    keep[j] = False
                break
        bio = _BIO_HEADER.match(line) or _byline_over_bio(lines, i, paras[i][0] > total * 0.5)
        if bio:
            keep[i] = False
            in_bio = True
            if bio.group(1):
                bio_names.append(bio.group(1))
            i += 1
            continue
        if in_bio:
            # Bio boxes: the name, a job line, paragraphs about the author.
            names = bio_names
            about_author = any(
                line.startswith(name) or line.startswith(name.split()[0]) for name in names
            ) or _PRONOUN_START.match(line)
            if _is_heading(line) and _NAME.match(line):
                names.append(line)
            if _is_heading(line) or about_author:
                keep[i] = False
                i += 1
                continue
            in_bio = False
        i += 1
    outside_article(lines, keep)
    return [span for span, k in zip(paras, keep, strict=True) if k]
