"""Article text in, claims out: body, sentences, worthiness, speaker, numbers, time, repeats."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from claimledger.extract.body import find_body, page_lines
from claimledger.extract.cues import words
from claimledger.extract.furniture import Furniture, line_furniture
from claimledger.extract.genre import (
    Genre,
    GenreReading,
    Voice,
    genre_from_page,
    genre_from_voice,
)
from claimledger.extract.learned import SentenceFacts, TracedSentence, shipped_scorer
from claimledger.extract.model import Article, ExtractedClaim
from claimledger.extract.quantities import find_quantities
from claimledger.extract.sentences import split_sentences
from claimledger.extract.speakers import SpeakerTracker
from claimledger.extract.timeexpr import resolve_period
from claimledger.extract.worthiness import (
    MIN_WORDS,
    anchored,
    claim_type,
    cue_hits,
    score_sentence,
    without_quoted_verdicts,
)

THRESHOLD = 0.45
# In opinion, rhetoric about named people and institutions reads as fact: a sentence with nothing
# checkable to anchor it (no number, date, source or speaker) needs this score instead.
OPINION_THRESHOLD = 0.7
HEAD_LINE = 160  # a headline, a standfirst or a byline is shorter than this
MOST_FIGURES = 64
"""Figures read in one sentence: more is a table or a dump of numbers, not a claim to check, and
reading each of them made a paragraph of nothing but numbers four times slower than one of words."""
_DIGIT = re.compile(r"[0-9]")  # what the number, time and year rules need (ASCII digits)


_LIST_MARK = re.compile(r"[-•▪●*–—] ")  # an item of a list, as the readers write it


def _reports(paragraph: str) -> bool:
    """A lead-in that reports speech: "In the interview, the president also said:"."""
    return len(paragraph) <= LEAD_IN_MAX and "reported" in cue_hits(words(paragraph))


LEAD_IN_MAX = 200
POINT_MAX = 200  # a point of a list, its marker lost (captured text), is a short line ...
POINT_WORDS = 5  # ... of a few words at least, capitalised, with no full stop


def _is_point(paragraph: str) -> bool:
    """An item of a list: with its marker, or, as captured text shows one, a short capitalised
    line that ends no sentence."""
    if _LIST_MARK.match(paragraph):
        return True
    return (
        len(paragraph) <= POINT_MAX
        and paragraph[:1].isupper()
        and not _ends_sentence(paragraph)
        and not paragraph.endswith(":")
        and len(paragraph.split()) >= POINT_WORDS
    )


def _quote_balance(text: str) -> int:
    return text.count("“") - text.count("”")


def _ends_sentence(paragraph: str) -> bool:
    return paragraph.rstrip("”’\"') ").endswith((".", "!", "?"))


def extract_claims(
    text: str, *, published: str | None = None, outlet: str | None = None
) -> list[ExtractedClaim]:
    """The check-worthy claims of an article, each anchored by offsets into `text`."""
    return list(read_article(text, published=published, outlet=outlet).claims)


class TooManyClaims(Exception):
    """More claims than the caller accepts: the reading stopped as soon as that was certain."""

    def __init__(self, at_least: int) -> None:
        super().__init__(f"at least {at_least} claims")
        self.at_least = at_least


def read_article(
    text: str,
    *,
    published: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    max_claims: int | None = None,
    url: str | None = None,
    declared: GenreReading | None = None,
    learned: bool = True,
    trace: list[TracedSentence] | None = None,
) -> Article:
    """An article's genre and its check-worthy claims, each anchored by offsets into `text`.

    In opinion, a sentence with no checkable anchor must score OPINION_THRESHOLD to count.
    With no `published`, the page's own dateline near the article's top gives the day relative
    dates are read from (`page_date`): captured text comes with none.
    `url`, the page's address, if known: the section it files the piece under says its genre
    when the page's text does not; `declared`, the genre its metadata declares
    (`genre.genre_from_metadata`), comes before the address.
    With `max_claims`, TooManyClaims is raised as soon as more distinct claims than that are
    certain to be kept (so a runaway document is not read, and held, to its end).
    With `learned` (the default), a sentence the rules leave is still a claim when the shipped
    learned scorer's probability reaches its threshold (its score is then that probability).
    `trace`, if given, receives every sentence judged, claim or not (for training a scorer)."""
    scorer = shipped_scorer() if learned else None
    spans = page_lines(text)
    lines = [text[s:e] for s, e in spans]
    body = find_body(text, spans, lines)
    if published is None and body:
        published = page_date(lines, spans, body[0])
    shown = genre_from_page(
        lines, title, url, declared
    )  # what the page itself says it is, if it says
    del lines  # the paragraphs are sliced again one at a time: no second copy of the text
    tracker = SpeakerTracker(outlet)
    voice = Voice()  # the writer's own voice, read from the sentences as they pass
    # Each claim's words, to know a sentence printed twice; a repeat is kept as offsets only,
    # so an article that says one thing a million times costs a million offsets, not claims.
    found: dict[str, _Repeats] = {}
    certain: set[str] = set()  # distinct claims kept whatever the genre turns out to be
    carried_open = False
    in_head = True
    points_of: bool = False  # the paragraph before led in to someone's points ("... said:")
    for ps, pe in body:
        paragraph = text[ps:pe]
        tracker.learn_names(paragraph)
        # a point in a list under "The president also said:": a sentence of his, unstopped
        point = points_of and _is_point(paragraph)
        points_of = point or (paragraph.endswith(":") and _reports(paragraph))
        if in_head:
            # Short lines above the first full sentence are the page's head: headline,
            # standfirst, byline, dateline. They name the story; its claims are in the body.
            if len(paragraph) < HEAD_LINE and not _ends_sentence(paragraph):
                continue
            in_head = False
        continuing = carried_open and paragraph.startswith(("“", '"'))
        has_quotes = "“" in paragraph or '"' in paragraph
        para_speaker: str | None = None
        para_resolved = False
        depth = 0
        for s, e in split_sentences(text, ps, pe):
            sentence = text[s:e]
            quoted = depth > 0 or sentence.startswith(("“", '"'))
            depth = max(0, depth + _quote_balance(sentence))
            tokens = words(sentence)
            if not quoted:
                voice.add(sentence, tokens)
            if len(tokens) < MIN_WORDS:  # a label or a fragment: never a claim, no numbers to read
                tracker.speaker_for(sentence, para_speaker, quoted, tokens)
                continue
            has_digit = _DIGIT.search(text, s, e) is not None  # read once, for three steps
            quantities = find_quantities(
                text, s, e, tokens=tokens, has_digit=has_digit, most=MOST_FIGURES
            )
            period = resolve_period(sentence, published, tokens=tokens, has_digit=has_digit)
            if quoted and has_quotes and not para_resolved:
                # who speaks a quotation spread over sentences: worked out once, when needed
                para_speaker = tracker.paragraph_speaker(paragraph)
                if continuing and para_speaker is None:
                    para_speaker = tracker.quote_speaker
                para_resolved = True
            speaker = tracker.speaker_for(sentence, para_speaker, quoted, tokens)
            attributed = point or (speaker is not None and speaker != outlet)
            voice.hear(quoted or attributed)
            hits = cue_hits(tokens)
            if not quoted and has_quotes:
                hits = without_quoted_verdicts(sentence, hits)
            score = score_sentence(
                sentence,
                n_quantities=len(quantities),
                has_period=period is not None,
                attributed=attributed,
                tokens=tokens,
                quoted=quoted,
                hits=hits,
                has_digit=has_digit,
                listed=point,
            )
            rule_score = score
            has_anchor: bool | None = None
            if trace is not None or (scorer is not None and score < THRESHOLD):
                has_anchor = anchored(
                    len(quantities), period is not None, attributed, hits, sentence
                )
                facts = SentenceFacts(
                    sentence,
                    tokens,
                    hits,
                    score,
                    len(quantities),
                    period is not None,
                    attributed,
                    quoted,
                    has_anchor,
                )
                if trace is not None:
                    kind = claim_type(sentence, quantities=quantities, tokens=tokens, hits=hits)
                    trace.append(TracedSentence(facts, s, e, " ".join(tokens), kind))
                if score < THRESHOLD:
                    if scorer is None:
                        continue
                    # the rules left it: the learned scorer may take it, at its own threshold
                    probability = scorer.takes(facts)
                    if probability is None:
                        continue
                    score = round(probability, 3)  # a claim's score says why it was kept
            elif score < THRESHOLD:
                continue
            if has_anchor is None:
                has_anchor = anchored(
                    len(quantities), period is not None, attributed, hits, sentence
                )
            # nothing to look it up by (the rules' score: the opinion bar is theirs)
            weak = not has_anchor and rule_score < OPINION_THRESHOLD
            key = " ".join(tokens)
            if max_claims is not None and not weak:
                certain.add(key)
                if len(certain) > max_claims:
                    raise TooManyClaims(len(certain))
            repeats = found.get(key)
            if repeats is None or (repeats.strong is None and not weak):
                claim = ExtractedClaim(
                    quote=sentence,
                    start=s,
                    end=e,
                    type=claim_type(sentence, quantities=quantities, tokens=tokens, hits=hits),
                    score=score,
                    speaker=speaker,
                    quantities=quantities,
                    period=period,
                )
                if repeats is None:
                    repeats = found[key] = _Repeats(claim)
                if not weak:
                    repeats.strong = claim
            repeats.add(s, e, weak)
        carried_open = depth > 0 or _quote_balance(paragraph) > 0
        if para_speaker:
            tracker.quote_speaker = para_speaker
            tracker.last_person = para_speaker
    genre = shown or genre_from_voice(voice.share(), voice.others(), voice.verdicts())
    # In opinion, the higher bar for a sentence with nothing to check.
    strict = genre.genre is Genre.OPINION
    merged = [c for r in found.values() if (c := r.merged(strict)) is not None]
    if strict:  # a claim now starts where its first strong occurrence is
        merged.sort(key=lambda c: c.start)
    return Article(genre, tuple(merged))


DATE_REACH = 12  # lines around the article's first paragraph looked at for its dateline


def page_date(lines: list[str], spans: list[tuple[int, int]], first: tuple[int, int]) -> str | None:
    """The day a page's own dateline gives ("Published: December 11, 2014 7:18 am", "on
    December 29, 2014 at 3:21 PM, updated ..."), for text that came with no date: the first
    dateline near the top of the article (its head, just above or below its first paragraph)
    that names one whole day. Without it, "on Dec. 10" or "last month" pins down no period."""
    at = bisect_left(spans, first)
    for line in lines[max(0, at - DATE_REACH) : at + DATE_REACH]:
        if len(line) > _DATELINE_MAX or not is_dateline_shaped(line):
            continue
        period = resolve_period(line, None)
        if period is not None and period.start == period.end:
            return period.start
    return None


_DATELINE_MAX = 120


def is_dateline_shaped(line: str) -> bool:
    """A dateline or a stamp alone on its line (a line rule of `furniture` says so)."""
    found = line_furniture(line)
    return found is not None and found[0] is Furniture.DATELINE


@dataclass
class _Repeats:
    """One claim's occurrences: a sentence printed twice (lede and caption, pull quote) is one
    claim with two anchors. Only the first occurrence, and the first that passes opinion's
    higher bar, are kept as claims; the rest as offsets."""

    first: ExtractedClaim
    strong: ExtractedClaim | None = None
    spans: array[int] = field(default_factory=lambda: array("q"))
    weak: bytearray = field(default_factory=bytearray)

    def add(self, start: int, end: int, weak: bool) -> None:
        self.spans.extend((start, end))
        self.weak.append(weak)

    def merged(self, strict: bool) -> ExtractedClaim | None:
        """The claim with its other occurrences as anchors; with `strict`, weak ones left out."""
        pairs = [
            (self.spans[2 * i], self.spans[2 * i + 1])
            for i in range(len(self.weak))
            if not (strict and self.weak[i])
        ]
        claim = self.strong if strict else self.first
        if claim is None or not pairs:
            return None
        return replace(claim, anchors=tuple(pairs[1:])) if len(pairs) > 1 else claim
