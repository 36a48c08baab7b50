"""When two figures for one measure cannot both be true (pure: no database).

Each figure becomes the interval of values its words allow: "102 people" 101.5 to 102.5 (a
written number is exact to its last non-zero digit: "400,000" is 350,000 to 450,000), "about 100"
90 to 110, "more than 90" above 90, "almost half" below one half, "between 200 and 300" 200 to
300. Two figures conflict when they measure the same thing (shares with shares, counts of the same
unit; the same words about the figure; periods that overlap; no two different places or names)
and their intervals do not meet.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise

from claimledger.extract.measure_words import events, same_measure_word
from claimledger.extract.share_predicate import SharePredicate, same_statement, share_predicate
from claimledger.extract.similarity import (
    _CALENDAR,
    _CAP,
    FigureContext,
    figure_context,
    measure_group,
)
from claimledger.extract.stems import stem as _stem

SAME_WORDS = 0.4
"""How alike the words about two figures must be (Jaccard) to be about the same measure."""
APPROX = 0.10
""""about 100" allows 10% either way."""
PROPORTION_SLACK = 0.02
""""half", "a third": words, not measurements."""
NEAR_BELOW = ("nearly", "almost", "close to", "just under", "just shy of", "not quite")
""""nearly a quarter": under a quarter, but close (as close as "about" allows)."""
NEAR_ABOVE = ("just over", "just above", "a little over", "a little more than", "slightly over",
              "slightly more than", "slightly above")  # fmt: skip
""""just over half": over a half, but close."""
OPPOSITES = (
    ("pass", "fail"),
    ("approve", "reject"),
    ("accept", "reject"),
    ("support", "oppose"),
    ("favor", "oppose"),
    ("agree", "disagree"),
    ("win", "lose"),
    ("won", "lost"),
    ("employed", "unemployed"),
    ("insured", "uninsured"),
    ("vaccinated", "unvaccinated"),
    ("present", "absent"),
    ("survive", "die"),
    ("survived", "died"),
    ("keep", "lose"),
    ("kept", "lost"),
    ("escape", "suffer"),
)
"""Outcomes that split one group in two: 60% passed and 40% failed are one figure, each share
read as the rest of the other; counts of the two are two measures."""


def _forms(word: str) -> set[str]:
    """A verb's or an adjective's written forms, as the figure's words are stemmed."""
    base = word[:-1] if word.endswith("e") else word
    return {_stem(f) for f in (word, word + "s", word + "d", word + "ed", base + "ing")}


_OPPOSITE_PAIRS = frozenset(
    frozenset((fa, fb)) for a, b in OPPOSITES for fa in _forms(a) for fb in _forms(b)
)
"""Each pair of opposite outcomes, as stems of any of their forms."""
_OUTCOMES = frozenset(w for pair in _OPPOSITE_PAIRS for w in pair)


@dataclass(frozen=True)
class Figures:
    """What the comparison needs of one claim."""

    claim_id: int
    quote: str
    quantities: Sequence[Mapping[str, object]]
    period_start: str | None = None
    period_end: str | None = None

    @cached_property
    def readings(self) -> tuple[tuple[Mapping[str, object], str, Interval], ...]:
        """Each comparable figure with what it measures and the values it allows, read once: a
        claim is compared with up to 40 candidates, and a candidate with several of an
        article's claims."""
        found = []
        for q in self.quantities:
            unit = _str(q.get("unit"))
            currency = CURRENCY_WORDS.get((unit or "").lower())
            if q.get("kind") == "count" and currency:  # "4.5 million dollars" is money
                group: str | None = f"money:{currency}"
            else:
                group = measure_group(_str(q.get("kind")), unit, same_measure=True)
            values = interval(q)
            if group is not None and values is not None:
                found.append((q, group, values))
        return tuple(found)


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def meets(self, other: Interval) -> bool:
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low and (self.high_open or other.low_open):
            return False
        return not (other.high == self.low and (other.high_open or self.low_open))


@dataclass(frozen=True)
class Conflict:
    claim_id: int
    other_id: int
    figure: str
    other_figure: str
    reason: str


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _rounding(value: float) -> float:
    """Half a unit of a written number's last non-zero digit: 102 -> 0.5, 400,000 -> 50,000."""
    if value != int(value):
        return 0.05
    n, zeros = abs(int(value)), 0
    while n and n % 10 == 0 and zeros < 9:
        n //= 10
        zeros += 1
    return 0.5 * float(10**zeros)


def interval(q: Mapping[str, object]) -> Interval | None:
    """The values a figure's words allow, shares as fractions of one."""
    value = _float(q.get("value"))
    if value is None:
        return None
    kind = q.get("kind")
    scale = 0.01 if kind == "percent" else 1.0
    bound = q.get("bound") or "exact"
    low, high = _float(q.get("low")), _float(q.get("high"))
    slack = PROPORTION_SLACK if kind == "proportion" else _rounding(value) * scale
    v = value * scale
    inf = math.inf
    words = " ".join(str(q.get("text") or "").lower().split())
    if bound in ("less_than", "at_most") and words.startswith(NEAR_BELOW):
        return Interval(v - max(abs(v) * APPROX, slack), v, high_open=bound == "less_than")
    if bound in ("more_than", "at_least") and words.startswith(NEAR_ABOVE):
        return Interval(v, v + max(abs(v) * APPROX, slack), low_open=bound == "more_than")
    if bound == "range" and low is not None and high is not None:
        return Interval(low * scale - slack, high * scale + slack)
    if bound == "approx":
        spread = max(abs(v) * APPROX, slack)
        return Interval(v - spread, v + spread)
    if bound == "more_than":
        return Interval(v, inf, low_open=True)
    if bound == "at_least":
        return Interval(v, inf)
    if bound == "less_than":
        return Interval(-inf, v, high_open=True)
    if bound == "at_most":
        return Interval(-inf, v)
    return Interval(v - slack, v + slack)


def complement(i: Interval) -> Interval:
    """The share of the rest: "more than half had no convictions" is "less than half had"."""
    return Interval(1.0 - i.high, 1.0 - i.low, low_open=i.high_open, high_open=i.low_open)


def _compare_statements(
    pa: SharePredicate | None, ia: Interval, pb: SharePredicate | None, ib: Interval
) -> bool | None:
    """For two shares that each say something of a group: whether they conflict, read as the
    share of which the positive statement is true; None when one says nothing readable."""
    if pa is None or pb is None:
        return None
    if not same_statement(pa, pb):
        return False
    return not (complement(ia) if pa.negated else ia).meets(complement(ib) if pb.negated else ib)


GENERIC_NAMES = frozenset(
    _stem(w)
    for w in (
        "county", "city", "state", "district", "province", "region", "borough", "parish",
        "town", "village", "saint", "st", "port", "lake", "river", "valley", "island",
        "council", "department", "court", "hospital", "university", "school", "police",
        "authority", "stadium", "street", "road", "avenue", "park", "bridge", "station",
        "airport", "college", "hall", "centre", "center", "square", "prison", "heights",
        "falls", "bay", "mount", "fort", "beach",
    )
)  # fmt: skip
"""Words of many places' names: "Alder County" and "Birch County" share one, not a place
("North County" and "South County" differ by theirs)."""


@lru_cache(maxsize=16384)
def names(quote: str) -> frozenset[str]:
    """Capitalised words inside the sentence (places, people, bodies), months, days and the
    generic words of names left out (cached, as `_years`: a new claim is compared with up to
    40 candidates)."""
    return frozenset(
        s
        for w in _CAP.findall(quote)
        if (s := _stem(w.lower())) not in _CALENDAR and s not in GENERIC_NAMES
    )


SCOPES_APART = 100
"""Two counts of one measure this many times apart are two scopes (a city's and a country's), not
two reports of one: reporters who disagree on a count differ by a factor of ten at most (a
misplaced "million"), in every labelled pair."""


def _scopes_apart(qa: Mapping[str, object], qb: Mapping[str, object]) -> bool:
    va, vb = _float(qa.get("value")), _float(qb.get("value"))
    if not va or not vb or va <= 0 or vb <= 0:
        return False
    return max(va, vb) / min(va, vb) > SCOPES_APART


def _part_of_the_period(a: Figures, ia: Interval, b: Figures, ib: Interval, group: str) -> bool:
    """A count or a sum over part of the other's period, no larger than the other: both can be
    true (what a quarter holds, the year holds too)."""
    if group == "share" or not (
        a.period_start and a.period_end and b.period_start and b.period_end
    ):
        return False
    pa, pb = (a.period_start, a.period_end), (b.period_start, b.period_end)
    if pa == pb:
        return False
    if pb[0] <= pa[0] and pa[1] <= pb[1]:
        inner, outer = ia, ib
    elif pa[0] <= pb[0] and pb[1] <= pa[1]:
        inner, outer = ib, ia
    else:
        return False
    return inner.low <= outer.high


def _periods_meet(a: Figures, b: Figures) -> bool | None:
    """True or False when both periods are known; None when one is not."""
    if not (a.period_start and a.period_end and b.period_start and b.period_end):
        return None
    return a.period_start <= b.period_end and b.period_start <= a.period_end


def _same_about(x: FigureContext, y: FigureContext) -> bool:
    """The same words about both figures: the nearest before and after agree where both have one
    (cut/added, arrested/injured); so do the next nearest after, and the next two before (where
    what is measured stands: median rent rose / median income rose, rent in the city rose /
    household income in the city rose), unless each is among the other's words; and most of
    the rest is shared."""
    if x.negated != y.negated or not x.words or not y.words:
        return False
    x, y = _in_measure_words(x), _in_measure_words(y)
    for mine, theirs, depth in ((x.before, y.before, 3), (x.after, y.after, 2)):
        if mine and theirs and mine[0] != theirs[0]:
            return False
        for k in range(1, min(len(mine), len(theirs), depth)):
            if mine[k] not in theirs and theirs[k] not in mine:
                return False
    wx, wy = x.words, y.words
    return len(wx & wy) / len(wx | wy) >= SAME_WORDS


def _in_measure_words(x: FigureContext) -> FigureContext:
    """The words with those that name one measure read as one (closed / shut, died / deaths)."""
    return FigureContext(
        tuple(map(same_measure_word, x.before)), tuple(map(same_measure_word, x.after)), x.negated
    )


def _one_named_event(x: FigureContext, y: FigureContext, shared_names: frozenset[str]) -> bool:
    """Two reporters' words for one event, in any order: "Police said 14 people were arrested
    after the clashes outside Harwick Stadium" / "Officers detained 23 people following the
    clashes outside Harwick Stadium". Order-free, so held to more: a name both sentences give
    (Harwick), and one event each (arrested / detained), the same by the measure-words table.
    Without the name, a first round and a runoff, a medical school and its university, met."""
    if not shared_names or x.negated != y.negated:
        return False
    happened = events(x.words)
    return len(happened) == 1 and happened == events(y.words)


def _opposite_outcomes(x: FigureContext, y: FigureContext) -> str | None:
    """ "passed / failed" when one figure's words say one outcome and the other's its opposite,
    and the rest is about the same group (`_same_about` once the two outcome words are one)."""
    mine, theirs = x.words - y.words, y.words - x.words
    pairs = [(m, t) for m in mine for t in theirs if _opposites(m, t)]
    if len(pairs) != 1:
        return None
    ((one, other),) = pairs
    same = {other: one}
    read = FigureContext(
        tuple(same.get(w, w) for w in y.before), tuple(same.get(w, w) for w in y.after), y.negated
    )
    return f"{one} / {other}" if _same_about(x, read) else None


NEGATING_PREFIXES = ("un", "in", "im", "ir", "il", "non", "dis")
"""A word and itself so prefixed are opposite outcomes: accessible / inaccessible."""


def _opposites(one: str, other: str) -> bool:
    if frozenset((one, other)) in _OPPOSITE_PAIRS:
        return True
    short, long = sorted((one, other), key=len)
    return len(short) >= 4 and any(long == p + short for p in NEGATING_PREFIXES)


CURRENCY_WORDS = {
    "dollar": "usd", "dollars": "usd", "euro": "eur", "euros": "eur", "pound": "gbp",
    "pounds": "gbp", "yen": "jpy", "yuan": "cny", "rupees": "inr", "pesos": "mxn",
}  # fmt: skip
"""A count of a currency's name is money, as a sign before it says ("4.5 million dollars")."""
NEGATIONS = frozenset(
    {
        "no",
        "not",
        "never",
        "none",
        "nor",
        "neither",
        "without",
        "lack",
        "lacks",
        "lacked",
        "lacking",
    }
)
"""Words that deny what a figure's clause says ("lack" is "do not have")."""
FAILED_TO = frozenset({"fail", "fails", "failed", "failing"})
""""failed to appear" is "did not appear" ("failed the exam" is an outcome: `OPPOSITES`)."""
_TAIL_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_CLAUSE_END = re.compile(r"[,;:()\u2014\u2013]|\s-\s")


@lru_cache(maxsize=16384)
def _clause_words(quote: str, figure: str) -> tuple[str, ...]:
    """The words after a figure to the end of its clause, lower case, in order (all of them: the
    figure's own words stop at three)."""
    lowered = quote.lower().replace("\u2019", "'")
    at = lowered.find(figure.lower().replace("\u2019", "'")) if figure else -1
    if at < 0:
        return ()
    return tuple(_TAIL_WORD.findall(_CLAUSE_END.split(lowered[at + len(figure) :])[0]))


def _clause_denied(quote: str, figure: str) -> bool:
    """Whether the clause after a figure denies what it says ("60% did not plan to leave"), however
    far from the figure the negation stands."""
    words = _clause_words(quote, figure)
    failed = any(w in FAILED_TO and after == "to" for w, after in pairwise(words))
    return failed or any(w in NEGATIONS or w.endswith("n't") for w in words)


def _clause_stems(quote: str, figure: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _clause_words(quote, figure))


def _clause_opposites(quote: str, figure: str, other_quote: str, other: str) -> str | None:
    """Opposite outcomes further on in the figures' clauses, the words about the figures the
    same ("85 percent of the city's buses were wheelchair-accessible" / "one in seven of the
    city's buses remained inaccessible")."""
    mine, theirs = _clause_stems(quote, figure), _clause_stems(other_quote, other)
    pairs = [(m, t) for m in mine - theirs for t in theirs - mine if _opposites(m, t)]
    return f"{pairs[0][0]} / {pairs[0][1]}" if len(pairs) == 1 else None


def _affirmed(x: FigureContext) -> FigureContext:
    return FigureContext(x.before, x.after, False)


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@lru_cache(maxsize=16384)
def _years(quote: str) -> frozenset[str]:
    return frozenset(YEAR.findall(quote))


def _years_differ(a: str, b: str) -> bool:
    """Both name years and none in common: the 2016 election and the 2020 one."""
    ya, yb = _years(a), _years(b)
    return bool(ya and yb and not ya & yb)


def _described(q: Mapping[str, object]) -> str:
    from claimledger.records import Quantity

    return Quantity.from_dict(q).describe()


def _period_text(f: Figures) -> str:
    if not (f.period_start and f.period_end):
        return "no period stated"
    if f.period_start == f.period_end:
        return f.period_start
    return f"{f.period_start} to {f.period_end}"


def find_conflict(a: Figures, b: Figures) -> Conflict | None:
    """The first pair of figures, one from each claim, that cannot both be true; None if none."""
    if a.claim_id == b.claim_id:
        return None
    periods = _periods_meet(a, b)
    if periods is False:
        return None
    if _years_differ(a.quote, b.quote):
        return None
    na, nb = names(a.quote), names(b.quote)
    if na and nb and not (na & nb):
        return None  # Boston's figure and Texas's can both be true
    theirs = b.readings
    for qa, group, ia in a.readings:
        if all(other != group for _, other, _ in theirs):
            continue
        about_a = figure_context(a.quote, str(qa.get("text", "")))
        said_a = share_predicate(a.quote, str(qa.get("text", ""))) if group == "share" else None
        for qb, other, ib in theirs:
            if other != group:
                continue
            said_b = share_predicate(b.quote, str(qb.get("text", ""))) if said_a else None
            verdict = _compare_statements(said_a, ia, said_b, ib)
            if verdict is False:
                continue
            if verdict is None and _part_of_the_period(a, ia, b, ib, group):
                continue  # 310,000 in the first quarter, 1.2 million in the year
            if verdict is None and group != "share" and _scopes_apart(qa, qb):
                continue  # 102 deported from Boston, 140,000 by the national programme
            if verdict is None:
                about_b = figure_context(b.quote, str(qb.get("text", "")))
                split = _opposite_outcomes(about_a, about_b)
                if split is None and _same_about(about_a, about_b):
                    split = _clause_opposites(
                        a.quote, str(qa.get("text", "")), b.quote, str(qb.get("text", ""))
                    )
                denied = _clause_denied(a.quote, str(qa.get("text", ""))) != _clause_denied(
                    b.quote, str(qb.get("text", ""))
                )
                if split is not None or denied:
                    if (split is not None and denied) or group != "share":
                        continue  # passed and failed (or did not pass): two counts
                    if split is None and not _same_about(_affirmed(about_a), _affirmed(about_b)):
                        continue
                    if ia.meets(complement(ib)):
                        continue  # shares that add up to the whole
                    about = (split or "one denied") + ": each share read as the rest of the other"
                else:
                    if ia.meets(ib) or not (
                        _same_about(about_a, about_b) or _one_named_event(about_a, about_b, na & nb)
                    ):
                        continue
                    about = _words_in_common(about_a, about_b)
            else:
                about = _statement_text(said_a, said_b)
            what = "shares" if group == "share" else _measured(group, qa, qb)
            reason = (
                f"{_described(qa)} and {_described(qb)} cannot both be true: {what} "
                f"({about}); periods {_period_text(a)} and {_period_text(b)}"
            )
            return Conflict(
                a.claim_id, b.claim_id, str(qa.get("text", "")), str(qb.get("text", "")), reason
            )
    return None


def _words_in_common(x: FigureContext, y: FigureContext) -> str:
    """The words both figures share, and those that meet as one measure's ("cut / axed")."""
    shared = x.words & y.words
    pairs = sorted(
        f"{one} / {other}"
        for one in x.words - shared
        for other in y.words - shared
        if same_measure_word(one) == same_measure_word(other) != one
    )
    return ", ".join([*sorted(shared), *pairs]) or "the same words"


def _measured(group: str, qa: Mapping[str, object], qb: Mapping[str, object]) -> str:
    """ "count of people"; a unit written two ways as written ("count of workers / employees")."""
    kind, _, unit = group.partition(":")
    if "=" not in unit:
        return f"{kind} of {unit}" if unit else kind
    units = [str(q.get("unit") or "") for q in (qa, qb)]
    return f"{kind} of {units[0] if units[0] == units[1] else ' / '.join(units)}"


def _statement_text(x: SharePredicate | None, y: SharePredicate | None) -> str:
    """Both statements as read; a negated one is said to be read as the rest of the group."""
    parts = [("not " if p.negated else "") + " ".join(p.phrase) for p in (x, y) if p]
    if any(p.negated for p in (x, y) if p):
        parts.append("a negated share read as its complement")
    return "; ".join(parts)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None
