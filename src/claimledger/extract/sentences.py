"""Sentence splitting that knows newspaper abbreviations, closing quotes and list items."""

from __future__ import annotations

import re

# Candidate ends: terminal punctuation, any closing quotes/brackets, then space.
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+|$)")
_WORD_BEFORE = re.compile(r"[\w.]+")  # matched on the reversed text before a full stop
_NEXT_WORD = re.compile(r"\s+[\"“‘(]?([\w’'-]+)")
_LIST_MARKER = re.compile(r"(?:\d{1,3}[.)]|[•▪●◦*–—-]|\([a-z0-9]\))\s+")
_MARKER_FIRST = frozenset("•▪●◦*–—-(")  # what a list marker that is not a number starts with

# Abbreviations after which a full stop does not end a sentence.
NEVER_END = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "capt",
        "sgt",
        "st",
        "mt",
        "ft",
        "jr",
        "sr",
        "rev",
        "hon",
        "pres",
        "supt",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "vol",
        "fig",
        "approx",
        "dept",
        "est",
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "del",
        "fla",
        "ga",
        "ill",
        "ind",
        "kan",
        "ky",
        "la",
        "md",
        "mass",
        "mich",
        "minn",
        "miss",
        "mo",
        "mont",
        "neb",
        "nev",
        "okla",
        "ore",
        "pa",
        "tenn",
        "tex",
        "va",
        "vt",
        "wash",
        "wis",
        "wyo",
        "e.g",
        "i.e",
        "vs",
        "cf",
    ]
)
# Abbreviations that can end a sentence too: a boundary only before a typical sentence opener.
MAY_END = frozenset(
    [
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "d.c",
        "inc",
        "co",
        "corp",
        "ltd",
        "etc",
        "a.m",
        "p.m",
        "ph.d",
        "n.y",
        "n.j",
        "l.a",
    ]
)
OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "but",
        "and",
        "so",
        "yet",
        "in",
        "on",
        "at",
        "for",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "there",
        "here",
        "when",
        "while",
        "after",
        "before",
        "if",
        "as",
        "since",
        "although",
        "however",
        "meanwhile",
        "still",
        "according",
        "many",
        "most",
        "some",
        "all",
        "no",
        "one",
        "two",
        "three",
        "what",
        "who",
    ]
)


_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "d.c": initials written with stops


def _is_boundary(text: str, end_pos: int, punct_start: int) -> bool:
    nxt = _NEXT_WORD.match(text, end_pos)
    next_word = nxt.group(1) if nxt else ""
    if text[punct_start] != ".":
        # "!" and "?" end a sentence, unless quoted inside one: "the 'a-ha!' moment", "“Why?”
        # she asked"
        return not (next_word[:1].islower() and text[punct_start + 1 : end_pos].strip())
    if next_word and next_word[0].islower():
        return False  # "D.C. have fought", "Jan. 5" style continuations
    m = _WORD_BEFORE.match(text[max(0, punct_start - 20) : punct_start][::-1])
    before = m.group()[::-1] if m else ""  # the run of letters, digits and dots up to the stop
    word = before.lower().strip(".")
    if not word:
        return True
    if word in NEVER_END:
        return False
    if len(word) == 1 and word.isalpha() and before[0].isupper():
        return False  # an initial: "John F. Kennedy"
    if word in MAY_END or ("." in word and _DOTTED.fullmatch(word)):
        return next_word.lower() in OPENERS
    return True


# No real sentence is this long (the longest labelled one is under 400 characters). Text that runs
# on further without a sentence end (a pasted transcript, a page with its full stops lost) is cut
# into pieces of at most this length, so every later step works on bounded pieces: the time it
# takes grows with the length of the text, never with the square of a sentence's length.
MAX_SENTENCE = 1200
# Where to cut a run-on, best first: a clause break, then a comma, then any space.
_CUTS = (("; ", " — ", " – ", ": "), (", ",), (" ",))


def _cut_run_on(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] in pieces of at most MAX_SENTENCE characters, cut after a clause break
    when one stands in the second half of the piece."""
    pieces = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = -1
        for seps in _CUTS:
            cut = max(text.rfind(sep, start + MAX_SENTENCE // 2, limit) for sep in seps)
            if cut >= 0:
                cut += 1  # keep the comma or semicolon with the piece before
                break
        if cut < 0:
            cut = limit  # no space at all: a hard cut
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


_SPACE = re.compile(r"\s*")


def _after_space(text: str, start: int, end: int) -> int:
    m = _SPACE.match(text, start, end)
    return m.end() if m else start


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end] (one paragraph), trimmed, list markers left out.

    A span never exceeds MAX_SENTENCE characters: longer run-ons are cut (see `_cut_run_on`)."""
    spans: list[tuple[int, int]] = []
    lead = _after_space(text, start, end) - start
    marker = _LIST_MARKER.match(text, start + lead, end)
    if marker:  # "1. In 2006, ..." : the number is the list's, not a sentence
        start = marker.end()
    seg_start = start
    for m in _END.finditer(text, start, end):
        if _is_boundary(text, m.end(), m.start()):
            spans.append((seg_start, m.end()))
            seg_start = m.end()
    if seg_start < end:
        spans.append((seg_start, end))
    if end - start > MAX_SENTENCE and any(e - s > MAX_SENTENCE for s, e in spans):
        spans = [piece for s, e in spans for piece in _cut_run_on(text, s, e)]
    out = []
    for s, e in spans:
        # trimmed by position: no copy of the sentence is made to measure its spaces
        if s < e and text[s].isspace():
            s = _after_space(text, s, e)
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e and (text[s].isdigit() or text[s] in _MARKER_FIRST):
            marker = _LIST_MARKER.match(text, s, e)
            if marker:
                s = marker.end()
        if e > s:
            out.append((s, e))
    return out
