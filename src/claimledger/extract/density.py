"""The article on a captured page: its dense runs of prose, and what stands far from them.

A page's visible text holds one article and much else: menus, teaser lists, captions, footers,
promotions. Line rules catch the shapes furniture takes, but a site's own sentence ("It's a safe
forum where you can ...", "Healthline Media UK Ltd, Brighton, UK.") has no shape of its own. What
gives it away is where it stands: the article is where full sentences come one after another,
the rest of the page is short lines that end no sentence. So each line gets a weight (a sentence's
line counts by its length, a line that ends no sentence or a line already taken for furniture
counts against), the runs of lines whose weights add up highest are found (each maximal, all in one
pass: Ruzzo and Tompa's algorithm), and the page keeps the heaviest run, any other run of some
weight (the article goes on after a chart or an author box), and the two lines just above the
heaviest (headline, standfirst). Nothing else is article.

No outlet, word or language is named: only line lengths and whether a line ends a sentence.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

# A line ending a sentence weighs its length in units of this many characters (a long paragraph
# no more than PROSE_CAP: one huge paragraph should not outweigh an article of ordinary ones).
PROSE_UNIT = 100.0
PROSE_CAP = 400
KEPT_GAP = 0.3  # a line the rules kept but that ends no sentence: a crosshead, a label, a button
DROPPED_GAP = 1.0  # a line the rules took for furniture
MIN_RUN = 4.0  # a run this heavy (some four paragraphs) is article wherever it stands
MIN_SHARE = 0.15  # ... and a run of this share of the heaviest, close to one taken:
NEAR_LINES = 4  # at most this many lines between them
STREAM_RUNS = 2  # ... unless it is one paragraph alone and the page has this many such runs
HEAD_LINES = 2  # lines kept just above the heaviest run: headline and standfirst

_CLOSERS = "\"”’')]"  # what may follow a sentence's last mark
_MARKS = (".", "!", "?")
_LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[•▪●◦*–—-])\s")  # "1. Finland", "• 42% of homes"


def line_weight(line: str, kept: bool, next_line: str = "") -> float:
    """How much a line says 'article here': a sentence's line by its length (or a line whose
    sentence goes on in the next, in hard-wrapped text), an item of a list nothing, any other line
    against."""
    if not kept:
        return -DROPPED_GAP
    if (
        line.endswith(_MARKS)
        or line.rstrip(_CLOSERS).endswith(_MARKS)
        or continues(line, next_line)
    ):
        return min(len(line), PROSE_CAP) / PROSE_UNIT
    if _LIST_ITEM.match(line):
        return 0.0
    return -KEPT_GAP


WRAPPED_MIN = 40  # a hard-wrapped line of prose is at least this long


def continues(line: str, next_line: str) -> bool:
    """A sentence broken at the end of the line, going on in the next: hard-wrapped prose (the
    next line starts in lower case, a long line before it)."""
    return len(line) >= WRAPPED_MIN and next_line[:1].islower()


@dataclass(frozen=True)
class Run:
    """Lines `start` to `end` (exclusive) whose weights add up to `weight`."""

    weight: float
    start: int
    end: int


def dense_runs(weights: Sequence[float]) -> list[Run]:
    """Every maximal run of summed weight, disjoint, in order (Ruzzo and Tompa, 1999: linear;
    each run is the heaviest stretch there, and no run can be joined to a neighbour without
    losing weight)."""
    starts: list[int] = []
    ends: list[int] = []
    low: list[float] = []  # the running sum before each run
    high: list[float] = []  # ... and at its end
    back: list[int] = []  # the nearest run before each with a lower running sum before it
    total = 0.0
    for i, w in enumerate(weights):
        if w <= 0:
            total += w
            continue
        start, before, after = i, total, total + w
        total = after
        while True:
            j = len(starts) - 1
            while j >= 0 and low[j] >= before:
                j = back[j]
            if j >= 0 and high[j] < after:  # run j and all after it join the new one
                start, before = starts[j], low[j]
                del starts[j:], ends[j:], low[j:], high[j:], back[j:]
                continue
            back.append(j)
            starts.append(start)
            ends.append(i + 1)
            low.append(before)
            high.append(after)
            break
    return [Run(h - lo, s, e) for s, e, lo, h in zip(starts, ends, low, high, strict=True)]


def line_weights(lines: list[str], keep: list[bool]) -> array[float]:
    """Every line's `line_weight`, eight bytes a line (a page of a million lines costs 8 MB)."""
    last = len(lines) - 1
    return array(
        "d",
        (line_weight(x, keep[i], lines[i + 1] if i < last else "") for i, x in enumerate(lines)),
    )


def heaviest_before(weights: Sequence[float]) -> array[float]:
    """For each line, the weight of the heaviest run of the lines above it (none: 0), and last
    that of the whole page: one pass (Kadane's), the heaviest run ending at each line carried on."""
    out = array("d", [0.0])
    ending = best = 0.0
    for w in weights:
        ending = max(0.0, ending + w)
        best = max(best, ending)
        out.append(best)
    return out


def outside_article(lines: list[str], keep: list[bool]) -> None:
    """Mark as not kept every line that stands outside the article's runs of prose."""
    weights = line_weights(lines, keep)
    runs = dense_runs(weights)
    if not runs:
        return
    heaviest = max(runs, key=lambda r: r.weight)
    # a heavy run of one paragraph is article (a review's summary box), unless the page has
    # several: a stream of stories, each a headline and one paragraph of summary
    lone = [run is not heaviest and _paragraphs(weights, run) == 1 for run in runs]
    stream = sum(1 for run, one in zip(runs, lone, strict=True) if one and run.weight >= MIN_RUN)
    taken = [
        run is heaviest or (run.weight >= MIN_RUN and not (one and stream >= STREAM_RUNS))
        for run, one in zip(runs, lone, strict=True)
    ]
    # a lighter run close to one taken is the same article (a live blog's entries between
    # their time stamps): taken in both directions, run after run; when the heaviest is light
    # itself (a short article, a box between its parts), wherever it stands
    share = MIN_SHARE * heaviest.weight
    order = list(range(1, len(runs)))
    for k, near in [*((k, k - 1) for k in order), *((k - 1, k) for k in reversed(order))]:
        gap = abs(runs[k].start - runs[near].end) if near < k else runs[near].start - runs[k].end
        close = gap <= NEAR_LINES or heaviest.weight < MIN_RUN  # a short article's parts: anywhere
        if not taken[k] and taken[near] and runs[k].weight >= share and close:
            taken[k] = True
    inside = bytearray(len(lines))
    for run, take in zip(runs, taken, strict=True):
        if take:
            inside[run.start : run.end] = b"\x01" * (run.end - run.start)
            _with_lists(lines, keep, weights, inside, run)
    above = 0
    for i in range(heaviest.start - 1, -1, -1):
        if inside[i] or above == HEAD_LINES:
            break
        if keep[i]:
            inside[i] = 1
            above += 1
    for i, within in enumerate(inside):
        if not within:
            keep[i] = False


def _paragraphs(weights: Sequence[float], run: Run) -> int:
    """How many of a run's lines are sentences' lines (count towards it)."""
    return sum(1 for i in range(run.start, run.end) if weights[i] > 0)


def _with_lists(
    lines: list[str], keep: list[bool], weights: Sequence[float], inside: bytearray, run: Run
) -> None:
    """A run with the list just after it ('Key facts:' and its items) or just before it: a list's
    items weigh nothing, so no run ends on one."""
    j = run.end
    while j < len(lines) and keep[j]:
        lead_in = lines[j].endswith(":") and j + 1 < len(lines) and _LIST_ITEM.match(lines[j + 1])
        if weights[j] != 0 and not lead_in:
            break
        inside[j] = 1
        j += 1
    j = run.start - 1
    while j >= 0 and keep[j] and weights[j] == 0:
        inside[j] = 1
        j -= 1
