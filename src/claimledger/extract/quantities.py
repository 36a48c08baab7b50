"""Numbers as newspapers write them, with the hedge kept as a bound."""

from __future__ import annotations

import re

from claimledger.extract.model import Quantity

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
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FRACTIONS = {
    "half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
    "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
    "three-quarters": 0.75, "three quarters": 0.75, "a fifth": 0.2, "a tenth": 0.1,
    "a majority": 0.5, "the majority": 0.5, "most": 0.5,
}  # fmt: skip
_MAJORITY = frozenset(["a majority", "the majority", "most"])
_TIMES = {"twice": 2, "once": 1, "thrice": 3}

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_WORDNUM = r"(?P<word>" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)) + r")"
_FRAC = r"(?P<frac>" + "|".join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True)) + r")"

_COUNT_TAIL = (
    r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?:\s+(?!of\b|the\b)(?-i:(?P<unit>(?:[a-z-]+\s+){0,2}?(?:people|persons|immigrants|agents|"
    r"officers|cases|deportations|arrests|cities|towns|states|counties|years|months|days|weeks|hours|"
    r"votes|jobs|children|families|members|students|workers|residents|fingerprints|offenders|units|"
    r"homes|[a-z]+s)\b)))?"
)
_PATTERNS = [
    (
        "money",
        re.compile(rf"\$\s?{_NUM}(?:\s*(?P<scale>thousand|million|billion|trillion)\b)?", re.I),
    ),
    (
        "money",
        re.compile(
            r"\b(?P<vague>millions|billions|thousands|hundreds) of (?:taxpayer |our taxpayer )?dollars\b",
            re.I,
        ),
    ),
    (
        "percent",
        re.compile(
            rf"(?:{_NUM}|{_WORDNUM})\s*(?:%|percent\b|per cent\b|percentage points\b)",
            re.I,
        ),
    ),
    ("proportion", re.compile(rf"\b{_FRAC}(?=\s+(?:of|the)\b)", re.I)),
    (
        "multiplier",
        re.compile(rf"\b(?:(?:{_NUM}|{_WORDNUM})\s+times|(?P<times>twice|thrice))\b", re.I),
    ),
    ("count", re.compile(rf"\b{_NUM}{_COUNT_TAIL}", re.I)),
    ("count_word", re.compile(rf"\b{_WORDNUM}{_COUNT_TAIL}", re.I)),
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
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")


def _value(m: re.Match[str]) -> float | None:
    groups = m.groupdict()
    if groups.get("num"):
        value = float(groups["num"].replace(",", ""))
    elif groups.get("word"):
        value = float(_WORDS[groups["word"].lower()])
    elif groups.get("frac"):
        value = _FRACTIONS[groups["frac"].lower()]
    elif groups.get("times"):
        value = float(_TIMES[groups["times"].lower()])
    else:
        return None
    scale = groups.get("scale")
    if scale:
        value *= _SCALE[scale.lower()]
    return value


_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")


def _is_year(text: str, m: re.Match[str]) -> bool:
    """1800-2099 without a thousands separator is a year unless it counts people or things."""
    num = m.groupdict().get("num")
    if not num or not _YEAR_DIGITS.fullmatch(num):
        return False
    before = text[max(0, m.start() - 20) : m.start()]
    unit = (m.groupdict().get("unit") or "").split()
    counted = bool(unit) and _COUNT_NOUN.fullmatch(unit[-1].lower()) is not None
    return bool(_YEAR_CONTEXT.search(before)) or not counted


_NUMBER_WORDS = frozenset(w.split()[-1] for w in (*_WORDS, *_FRACTIONS, *_TIMES)) | {
    "millions",
    "billions",
    "thousands",
    "hundreds",
}
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z]+")


_FRACTION_WORDS = frozenset(w.split()[-1] for w in _FRACTIONS)
_COUNT_WORDS = frozenset(w.split()[-1] for w in _WORDS)


def _worth_trying(kind: str, low: str, found_words: set[str]) -> bool:
    """Skip a pattern when its tell-tale characters are absent (most sentences have no money)."""
    if kind == "money":
        return "$" in low or "dollar" in low
    if kind == "percent":
        return "%" in low or "percent" in low or "per cent" in low
    if kind == "proportion":
        return not _FRACTION_WORDS.isdisjoint(found_words)
    if kind == "count_word":
        return not _COUNT_WORDS.isdisjoint(found_words)
    if kind == "multiplier":
        return "times" in low or "twice" in low or "thrice" in low
    return True


def find_quantities(
    text: str, start: int = 0, end: int | None = None, *, tokens: list[str] | None = None
) -> tuple[Quantity, ...]:
    """Every quantity in text[start:end], left to right, no overlaps (money before bare numbers).

    `tokens`, the span's lower-case words if the caller has them, saves splitting it again."""
    end = len(text) if end is None else end
    lowered = text[start:end].lower()
    found_words = set(_WORD.findall(lowered) if tokens is None else tokens)
    if _NUMBER_WORDS.isdisjoint(found_words) and not _DIGIT.search(text, start, end):
        return ()
    taken: list[tuple[int, int]] = []
    found: list[Quantity] = []
    for kind, pattern in _PATTERNS:
        if not _worth_trying(kind, lowered, found_words):
            continue
        for m in pattern.finditer(text, start, end):
            s, e = m.start(), m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "count_word":
                kind = "count"
            if kind == "count":
                if _is_year(text, m) or _ORDINAL_AFTER.match(text, e):
                    continue
                if _LABEL_BEFORE.search(text, max(0, s - 15), s):
                    continue
                if text[e : e + 1] in {":", "/"}:  # times of day, fractions written with digits
                    continue
                if m.groupdict().get("word") and not m.groupdict().get("unit"):
                    continue  # a lone "one" is rarely a quantity
            groups = m.groupdict()
            before = _HEDGE_BEFORE.search(text, max(start, s - 25), s)
            hedge = before.group("hedge").lower() if before else ""
            if before:
                s = before.start()
            bound = _HEDGES.get(hedge, "exact")
            if kind == "proportion" and groups["frac"].lower() in _MAJORITY and not hedge:
                bound = "more_than"  # "most", "a majority": more than half, not exactly half
            value = _value(m)
            unit = groups.get("unit")
            if kind == "money" and groups.get("vague"):
                scale = {"thousands": 1e3, "millions": 1e6, "billions": 1e9, "hundreds": 1e2}
                value, bound = scale[groups["vague"].lower()], "at_least"
            low = high = None
            if value is not None:
                if bound in {"more_than", "at_least"}:
                    low = value
                elif bound in {"less_than", "at_most"}:
                    high = value
                elif bound == "exact":
                    low = high = value
            taken.append((s, e))
            found.append(
                Quantity(
                    text=text[s:e],
                    kind=kind,
                    value=value,
                    bound=bound,
                    low=low,
                    high=high,
                    unit=unit.lower() if unit else ("USD" if kind == "money" else None),
                    start=s,
                    end=e,
                )
            )
    return tuple(sorted(found, key=lambda q: q.start))
