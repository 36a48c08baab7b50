"""Numbers as newspapers write them, with the hedge kept as a bound."""

from __future__ import annotations

import re
from bisect import bisect_left

from claimledger.extract.cues import LETTER_RUN
from claimledger.extract.model import Quantity
from claimledger.extract.timeexpr import YEAR_DIGITS

_HEDGES = {
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "some": "approx",
    "an estimated": "approx",
    "nearly": "less_than",
    "almost": "less_than",
    "just under": "less_than",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "over": "more_than",
    "more than": "more_than",
    "just over": "more_than",
    "upwards of": "more_than",
    "at least": "at_least",
    "at most": "at_most",
    "up to": "at_most",
    "no more than": "at_most",
}
_HEDGE_BEFORE = re.compile(
    r"\b(?P<hedge>"
    + "|".join(sorted((re.escape(h) for h in _HEDGES), key=len, reverse=True))
    + r")\s+$",
    re.I,
)
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12, "a hundred": 100,
    "a thousand": 1000,
}  # fmt: skip
_SCALE = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "tn": 1e12,
}
_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_MULTIPLIED = {
    "doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "tripling": 3.0, "trebled": 3.0,
    "quadrupled": 4.0, "quadrupling": 4.0, "halved": 0.5, "halving": 0.5,
}  # fmt: skip
_VAGUE = {"dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
_FRACTIONS = {
    "half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
    "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
    "three-quarters": 0.75, "three quarters": 0.75, "a fifth": 0.2, "a tenth": 0.1,
    "a majority": 0.5, "the majority": 0.5, "most": 0.5,
}  # fmt: skip
_MAJORITY = frozenset(["a majority", "the majority", "most"])
_TIMES = {"twice": 2, "once": 1, "thrice": 3}

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# _NUM as a whole word, its first digit first (the engine then jumps from digit to digit)
_NUM_FIRST = r"(?P<num>[0-9](?<![\w].)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))"
_UNITS_W = "one|two|three|four|five|six|seven|eight|nine"
_TEENS_W = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_BELOW_100 = rf"(?:(?:{_TENS_W})(?:[- ](?:{_UNITS_W})\b)?|(?:{_TEENS_W}|{_UNITS_W})\b)"
_ONE_WORD = "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
# a number written in words, compounds whole: "seventy-five", "twenty one", "two hundred and ten";
# one word first, as the engine finds it fastest, then what may follow it (a unit after a tens
# word, which all end in "ty"; "hundred" and what follows that)
_WORDNUM = (
    rf"(?P<word>(?:{_ONE_WORD})(?:(?<=ty)[- ](?:{_UNITS_W})\b)?"
    rf"(?:\s+hundred\b(?:\s+(?:and\s+)?{_BELOW_100})?)?)"
)
_WORD_INITIALS = "".join(sorted({w[0] for w in _WORDS} | {w[0].upper() for w in _WORDS}))


def word_number(words: str) -> float:
    """The value of a number in words as `_WORDNUM` reads it: "seventy-five" 75, "a hundred and
    ten" 110, "two hundred" 200."""
    total = 0.0
    for token in re.split(r"[\s-]+", words.lower()):
        if token == "hundred":
            total = max(total, 1.0) * 100
        elif token == "dozen":
            total = max(total, 1.0) * 12
        elif token == "thousand":
            total = max(total, 1.0) * 1000
        elif token not in ("a", "and"):
            total += _WORDS[token]
    return total


_FRAC = r"(?P<frac>" + "|".join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True)) + r")"
_FRAC_INITIALS = "".join(sorted({w[0] for w in _FRACTIONS} | {w[0].upper() for w in _FRACTIONS}))

_COUNT_TAIL = (
    r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?:\s+(?!of\b|the\b)(?-i:(?P<unit>(?:[a-z-]+\s+){0,2}?(?:people|persons|immigrants|agents|"
    r"officers|cases|deportations|arrests|cities|towns|states|counties|years|months|days|weeks|hours|"
    r"votes|jobs|children|families|members|students|workers|residents|fingerprints|offenders|units|"
    r"homes|mph|kph|km|kg|lbs?|ft|mi|mm|cm|[a-z]+s)\b)))?"
)
_N = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_WORD = r"thousand|million|billion|trillion"
_SCALE_ABBR = r"bn|tn|mn|m|k"
_CUR = r"[$€£¥]"
_PER = r"(?:%|\s*percent\b|\s*per cent\b|\s*percentage points\b)"
_SEP = r"(?P<sep>\s*[-–—]\s*|\s+to\s+|\s+and\s+)"
_PATTERNS = [
    (  # $2 million to $3 million, $200-$300, €5bn-€6bn
        "money_range",
        re.compile(
            rf"(?P<cur>{_CUR})\s?(?P<lo>{_N})"
            rf"(?:\s*(?P<lo_scale>{_SCALE_WORD})\b|(?P<lo_abbr>{_SCALE_ABBR})\b)?"
            rf"{_SEP}{_CUR}?\s?(?P<hi>{_N})"
            rf"(?:\s*(?P<scale>{_SCALE_WORD})\b|(?P<abbr>{_SCALE_ABBR})\b)?",
            re.I,
        ),
    ),
    (  # 10 to 15 percent, 10%-15%, between 10 and 15 percent
        "percent_range",
        re.compile(rf"\b(?P<lo>{_N}){_PER}?{_SEP}(?P<hi>{_N}){_PER}", re.I),
    ),
    (  # between 200 and 300 people, 200-300 people, 5 to 10 years
        "count_range",
        re.compile(rf"\b(?P<lo>{_N}){_SEP}(?P<hi>{_N}){_COUNT_TAIL}", re.I),
    ),
    (
        "money",
        re.compile(
            rf"(?P<cur>{_CUR})\s?{_NUM}"
            rf"(?:\s*(?P<scale>{_SCALE_WORD})\b|(?P<abbr>{_SCALE_ABBR})\b)?",
            re.I,
        ),
    ),
    (
        "money",
        re.compile(
            r"\b(?P<vague>millions|billions|thousands|hundreds) of (?:taxpayer |our taxpayer )?dollars\b",
            re.I,
        ),
    ),
    (  # 12%, 4.5 percent; digit first, so the engine jumps from digit to digit
        "percent",
        re.compile(rf"{_NUM_FIRST}\s*(?:%|percent\b|per cent\b|percentage points\b)", re.I),
    ),
    (  # ten percent; the look-ahead skips, cheaply, places where no number word can start
        "percent",
        re.compile(
            rf"(?=[{_WORD_INITIALS}])\b{_WORDNUM}\s*(?:%|percent\b|per cent\b|percentage points\b)",
            re.I,
        ),
    ),
    (  # one in five, 3 out of 10
        "ratio",
        re.compile(
            # "350 in 2019" is a count and a year: the whole is at most three digits or 1,000s
            r"\b(?P<a>\d{1,3}|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out of)\s+"
            r"(?P<b>\d{1,3}(?:,\d{3})?|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)"
            r"\b(?![,.]?\d)(?!\s*%)",
            re.I,
        ),
    ),
    (  # half a million, a quarter million
        "count_scaled",
        re.compile(
            rf"\b(?P<frac>half|a half|a quarter)\s+(?:a\s+)?(?P<scale>{_SCALE_WORD})\b", re.I
        ),
    ),
    (  # two thirds of, half the; the look-ahead skips places where no fraction word can start
        "proportion",
        re.compile(rf"(?=[{_FRAC_INITIALS}])\b{_FRAC}(?=\s+(?:of|the)\b)", re.I),
    ),
    (
        "multiplier",
        re.compile(rf"\b(?:(?:{_NUM}|{_WORDNUM})\s+times|(?P<times>twice|thrice))\b", re.I),
    ),
    (  # dozens of people, hundreds of thousands of homes
        "count_vague",
        re.compile(
            r"\b(?P<vague>dozens|hundreds|thousands|millions|billions)"
            r"(?:\s+of\s+(?P<vague2>thousands|millions))?\b",
            re.I,
        ),
    ),
    (
        "multiplier_verb",
        re.compile(r"\b(?P<mult>" + "|".join(_MULTIPLIED) + r")\b", re.I),
    ),
    ("count", re.compile(rf"{_NUM_FIRST}{_COUNT_TAIL}", re.I)),
    (  # five people; the look-ahead skips places where no number word can start
        "count_word",
        re.compile(rf"(?=[{_WORD_INITIALS}])\b{_WORDNUM}{_COUNT_TAIL}", re.I),
    ),
]
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|of|by|from|until|through|during|before|after|and|to|early|late|mid|fiscal|year|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?,?\s+|\d{1,2},\s+|-)$",
    re.I,
)
_COUNT_NOUN = re.compile(
    r"people|persons|immigrants|agents|officers|cases|deportations|arrests|cities|towns|states|"
    r"counties|votes|jobs|children|families|members|students|workers|residents|fingerprints|"
    r"offenders|units|homes|dollars|deaths|patients|employees|troops|refugees|migrants|individuals"
)
_LABEL_BEFORE = re.compile(
    r"\b(?:level|levels|no|number|section|chapter|title|article|route|highway|district|phase|tier|grade|"
    r"class|category|part|item|act|room|unit|page|exhibit|amendment|step|week|day|version|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+$",
    re.I,
)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|its|their|his|her|our|both)\s+$", re.I)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
# A decade written with an apostrophe and two digits is a time, not a figure: "the ’60s",
# "back in the '70s" (one of four digits, "the 1990s", is a year's and left out already).
# Without the apostrophe it may be an age ("in his 20s") or a reading ("temperatures in the 60s").
_DECADE_AFTER = re.compile(r"(?:’|')?s\b")


def _value(m: re.Match[str]) -> float | None:
    groups = m.groupdict()
    if groups.get("num"):
        value = float(groups["num"].replace(",", ""))
    elif groups.get("word"):
        value = word_number(groups["word"])
    elif groups.get("frac"):
        value = _FRACTIONS[groups["frac"].lower()]
    elif groups.get("times"):
        value = float(_TIMES[groups["times"].lower()])
    else:
        return None
    scale = groups.get("scale") or groups.get("abbr")
    if scale:
        value *= _SCALE[scale.lower()]
    return value


_YEAR_DIGITS = re.compile(YEAR_DIGITS)


def _is_year(text: str, m: re.Match[str]) -> bool:
    """1800-2099 without a thousands separator is a year unless it counts people or things."""
    num = m.groupdict().get("num")
    if not num or not _YEAR_DIGITS.fullmatch(num):
        return False
    before = text[max(0, m.start() - 20) : m.start()]
    unit = (m.groupdict().get("unit") or "").split()
    counted = bool(unit) and _COUNT_NOUN.fullmatch(unit[-1].lower()) is not None
    return bool(_YEAR_CONTEXT.search(before)) or not counted


_NUMBER_WORDS = (
    frozenset(w.split()[-1] for w in (*_WORDS, *_FRACTIONS, *_TIMES))
    | frozenset(_VAGUE)
    | frozenset(_MULTIPLIED)
)
_DIGIT = re.compile(r"[0-9]")  # ASCII: faster than \d on text with curly quotes


_FRACTION_WORDS = frozenset(w.split()[-1] for w in _FRACTIONS)
_COUNT_WORDS = frozenset(w.split()[-1] for w in _WORDS)


_RATIO_TELL = re.compile(
    r" (?:in|out of) (?:\d|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)"
)
_RANGE_TELL = re.compile(  # two figures joined by a dash, "to" or "and": where a range can be
    r"\d%?(?:\s+(?:percent|per cent|thousand|million|billion))?\s*(?:[-–—]|to\b|and\b)\s*\D{0,2}\d"
)


def _between(text: str, pos: int) -> bool:
    return text[max(0, pos - 8) : pos].lower() == "between "


def _special(
    kind: str, m: re.Match[str], text: str
) -> tuple[str, float, str, float | None, float | None] | None:
    """Ranges, ratios, vague counts and multiplying verbs: (kind, value, bound, low, high), or None
    when the match is not a quantity after all ("3-1", "from 2008 to 2010", "10 and 20")."""
    g = m.groupdict()
    if kind.endswith("_range"):
        sep = (g.get("sep") or "").strip()
        between = _between(text, m.start())
        if sep == "and" and not between:
            return None  # "10 and 20" is two numbers; "between 10 and 20" is a range
        if text[max(0, m.start() - 5) : m.start()].lower().endswith("from "):
            return None  # "grew from 22 to 31": a change, two figures, not a range
        lo, hi = float(g["lo"].replace(",", "")), float(g["hi"].replace(",", ""))
        scale = g.get("scale") or g.get("abbr")
        lo_scale = g.get("lo_scale") or g.get("lo_abbr")
        if kind == "count_range":
            if not (g.get("unit") or scale) and not between:
                return None  # "won 3-1", "pages 10-12": no unit, no range of anything
            unit = (g.get("unit") or "").split()
            counted = bool(unit) and _COUNT_NOUN.fullmatch(unit[-1].lower()) is not None
            if _YEAR_DIGITS.fullmatch(g["lo"]) and _YEAR_DIGITS.fullmatch(g["hi"]) and not counted:
                return None  # 2008-2010: a period, read by the time resolver
        if scale:
            factor = _SCALE[scale.lower()]
            hi *= factor
            if lo_scale:
                lo *= _SCALE[lo_scale.lower()]
            elif lo * factor <= hi:
                lo *= factor  # "$2 to $3 million": both in millions
        elif lo_scale:
            lo *= _SCALE[lo_scale.lower()]
        if lo >= hi:
            return None
        return kind.removesuffix("_range"), lo, "range", lo, hi
    if kind == "ratio":
        a, b = (_WORDS.get(x.lower()) or float(x.replace(",", "")) for x in (g["a"], g["b"]))
        if not 0 < a < b:
            return None
        return "proportion", a / b, "exact", a / b, a / b
    if kind == "count_scaled":
        value = _FRACTIONS[g["frac"].lower()] * _SCALE[g["scale"].lower()]
        return "count", value, "exact", value, value
    if kind == "count_vague":
        value = _VAGUE[g["vague"].lower()] * (_VAGUE[g["vague2"].lower()] if g.get("vague2") else 1)
        return "count", value, "at_least", value, None
    value = _MULTIPLIED[g["mult"].lower()]
    return "multiplier", value, "exact", value, value


def _tells(low: str, found_words: set[str], has_digit: bool) -> frozenset[str]:
    """The patterns worth trying on a sentence: those whose tell-tale signs are there (most
    sentences have no money, no percent sign, no range), worked out once per sentence."""
    kinds = {"count"} if has_digit else set()
    if "$" in low or "€" in low or "£" in low or "¥" in low or "dollar" in low:
        kinds.update(("money", "money_range"))
    percent = "%" in low or "percent" in low or "per cent" in low
    if percent:
        kinds.add("percent")
    if has_digit and _RANGE_TELL.search(low):
        kinds.update(("count_range", "percent_range") if percent else ("count_range",))
    if _RATIO_TELL.search(low):
        kinds.add("ratio")
    if "half" in found_words or "quarter" in found_words:
        kinds.add("count_scaled")
    if not found_words.isdisjoint(_VAGUE):
        kinds.add("count_vague")
    if not found_words.isdisjoint(_MULTIPLIED):
        kinds.add("multiplier_verb")
    if not _FRACTION_WORDS.isdisjoint(found_words):
        kinds.add("proportion")
    if not _COUNT_WORDS.isdisjoint(found_words):
        kinds.add("count_word")
    if "times" in low or "twice" in low or "thrice" in low:
        kinds.add("multiplier")
    return frozenset(kinds)


_SPECIAL = frozenset(
    [
        "money_range",
        "percent_range",
        "count_range",
        "ratio",
        "count_scaled",
        "count_vague",
        "multiplier_verb",
    ]
)


def _plain(
    kind: str, m: re.Match[str], text: str, hedge: str
) -> tuple[str, float | None, str, float | None, float | None] | None:
    """A single figure: (kind, value, bound, low, high), or None for a year, a label or a lone word."""
    s, e = m.start(), m.end()
    groups = m.groupdict()
    if kind == "count_word":
        kind = "count"
    if kind == "count":
        if _is_year(text, m) or _ORDINAL_AFTER.match(text, e) or _is_decade(text, s, e):
            return None
        if _LABEL_BEFORE.search(text, max(0, s - 15), s):
            return None
        if text[e : e + 1] in {":", "/"} or text[s - 1 : s] in {":", "/"}:
            # times of day (4:15), fractions and dates written with digits (3/4, 10/9)
            return None
        if groups.get("word") and not groups.get("unit"):
            return None  # a lone "one" is rarely a quantity
        if groups.get("word") and _DEFINITE_BEFORE.search(text, max(0, s - 8), s):
            return None  # "the two agencies": the ones already named, not a count to check
    bound = _HEDGES.get(hedge, "exact")
    if kind == "proportion" and groups["frac"].lower() in _MAJORITY and not hedge:
        bound = "more_than"  # "most", "a majority": more than half, not exactly half
    value = _value(m)
    if kind == "money" and groups.get("vague"):
        value, bound = _VAGUE[groups["vague"].lower()], "at_least"
    low, high = _bounds(value, bound)
    return kind, value, bound, low, high


def _is_decade(text: str, start: int, end: int) -> bool:
    """Two digits ending in 0, an apostrophe before them and an "s" after: a decade."""
    return (
        end - start == 2
        and text[end - 1] == "0"
        and text[start - 1 : start] in ("’", "'")
        and _DECADE_AFTER.match(text, end) is not None
    )


def _bounds(value: float | None, bound: str) -> tuple[float | None, float | None]:
    if value is None:
        return None, None
    if bound in {"more_than", "at_least"}:
        return value, None
    if bound in {"less_than", "at_most"}:
        return None, value
    if bound == "exact":
        return value, value
    return None, None


class _Taken:
    """Spans already read, kept disjoint and in order: an overlap test is a binary search, so a
    paragraph with thousands of figures costs n log n, not n squared."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end) - 1  # the last span that starts before `end`
        return i >= 0 and self._ends[i] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self._starts, start)
        if i > 0:  # a hedge read before a figure may reach into the span before: clip it
            start = max(start, self._ends[i - 1])
        self._starts.insert(i, start)
        self._ends.insert(i, end)


def find_quantities(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    tokens: list[str] | None = None,
    has_digit: bool | None = None,
    most: int | None = None,
) -> tuple[Quantity, ...]:
    """Every quantity in text[start:end], left to right, no overlaps (money before bare numbers).

    `tokens`, the span's lower-case words, and `has_digit`, whether it holds an ASCII digit, if
    the caller has them, save reading the span again. `most`: stop after that many figures (or
    four times as many numbers looked at: years and dates are read and left out)."""
    end = len(text) if end is None else end
    if has_digit is None:
        has_digit = _DIGIT.search(text, start, end) is not None
    if not has_digit and tokens is not None and _NUMBER_WORDS.isdisjoint(tokens):
        return ()  # most sentences: no digit, no number word, and nothing copied to find out
    lowered = text[start:end].lower()
    found_words = set(LETTER_RUN.findall(lowered) if tokens is None else tokens)
    if not has_digit and _NUMBER_WORDS.isdisjoint(found_words):
        return ()
    tried = _tells(lowered, found_words, has_digit)
    taken = _Taken()
    found: list[Quantity] = []
    most = most if most is not None else end - start + 1
    read_at_most = 4 * most
    for kind, pattern in _PATTERNS:
        if kind not in tried:
            continue
        for m in pattern.finditer(text, start, end):
            s, e = m.start(), m.end()
            if taken.overlaps(s, e):
                continue
            read_at_most -= 1
            if read_at_most < 0:
                return tuple(sorted(found, key=lambda q: q.start))
            groups = m.groupdict()
            before = _HEDGE_BEFORE.search(text, max(start, s - 25), s)
            hedge = before.group("hedge").lower() if before else ""
            read = _special(kind, m, text) if kind in _SPECIAL else _plain(kind, m, text, hedge)
            if read is None:
                continue
            q_kind, value, bound, low, high = read
            if hedge and kind in _SPECIAL and bound == "exact":  # "nearly tripled"
                bound = _HEDGES[hedge]
                low, high = _bounds(value, bound)
            if before:
                s = before.start()
            elif bound == "range" and _between(text, s):
                s -= len("between ")
            unit = groups.get("unit")
            cur = _CURRENCIES.get(groups.get("cur") or "")
            taken.add(s, e)
            found.append(
                Quantity(
                    text=text[s:e],
                    kind=q_kind,
                    value=value,
                    bound=bound,
                    low=low,
                    high=high,
                    unit=unit.lower() if unit else (cur or ("USD" if q_kind == "money" else None)),
                    start=s,
                    end=e,
                )
            )
            if len(found) >= most:
                return tuple(sorted(found, key=lambda q: q.start))
    return tuple(sorted(found, key=lambda q: q.start))
