"""Time expressions resolved against the article's date: 'June of this year' becomes 2010-06."""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta

from claimledger.extract.model import Period

MONTHS = (
    {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
    | {abbr.lower(): i for i, abbr in enumerate(calendar.month_abbr) if abbr}
    | {"sept": 9}
)
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_YEARREF = r"(?P<{n}>(?:1[89]|20)\d\d|this year|last year|next year)"

_BETWEEN = re.compile(
    r"\b(?i:between|from)\s+(?:"
    + _MONTH.format(n="m1")
    + r"\s+(?:of\s+)?)?"
    + _YEARREF.format(n="y1")
    + r"\s+(?:and|to|through|until)\s+(?:"
    + _MONTH.format(n="m2")
    + r"\s+(?:of\s+)?)?"
    + _YEARREF.format(n="y2")
)
_FULL_DATE = re.compile(
    _MONTH.format(n="m") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:1[89]|20)\d\d)\b"
)
_MONTH_YEAR = re.compile(
    r"\b" + _MONTH.format(n="m") + r"\s+(?:of\s+)?" + _YEARREF.format(n="y"), re.IGNORECASE
)
_SINCE = re.compile(r"\bsince\s+(?:" + _MONTH.format(n="m") + r"\s+)?(?P<y>(?:1[89]|20)\d\d)\b")
_REL_MONTH = re.compile(
    r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Ii]n|[Ee]arly|[Ll]ate)\s+"
    + _MONTH.format(n="m")
    + r"\b(?!\s+\d)"
)
_YEAR = re.compile(
    r"\b(?:in|during|by|of|for|fiscal(?: year)?|early|late|mid-?)\s+(?P<y>(?:1[89]|20)\d\d)\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_REL_YEAR = re.compile(r"\b(?P<rel>this|last|next) year\b", re.IGNORECASE)
_DAY_REL = re.compile(
    r"\b(?P<rel>yesterday|today|tomorrow|the day before|the previous day)\b", re.IGNORECASE
)


_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


@functools.lru_cache(maxsize=256)  # asked once per sentence, for the same few article dates
def parse_published(value: str | None) -> tuple[date, str] | None:
    """The article's date and its precision ('day', 'month' or 'year'), from a possibly partial ISO date."""
    if not value:
        return None
    m = _ISO_PREFIX.match(value.strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return date(year, int(month), int(day)), "day"
        if month:
            return date(year, int(month), 1), "month"
        return date(year, 1, 1), "year"
    except ValueError:
        return None


def _month_num(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(date(year, month, 1).isoformat(), date(year, month, last).isoformat())


def _year_of(ref: str, pub: date | None) -> int | None:
    ref = ref.lower()
    if ref[:1].isdigit():
        return int(ref)
    if pub is None:
        return None
    return pub.year + {"this year": 0, "last year": -1, "next year": 1}[ref]


_TIME_WORDS = (
    frozenset(MONTHS) | frozenset(WEEKDAYS) | {"year", "yesterday", "today", "tomorrow", "day"}
)
_MONTH_WORDS = frozenset(MONTHS)
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_FUTURE = frozenset(["will", "scheduled", "upcoming", "plans", "planned", "expected"])


def resolve_period(
    sentence: str, published: str | None, *, tokens: list[str] | None = None
) -> Period | None:
    """The first time expression of the sentence as a period, or None."""
    words = set(tokens if tokens is not None else _WORD.findall(sentence.lower()))
    has_digit = _DIGIT.search(sentence) is not None
    if not has_digit and _TIME_WORDS.isdisjoint(words):
        return None
    has_month = not _MONTH_WORDS.isdisjoint(words)
    future = not _FUTURE.isdisjoint(words)  # "will vote in April": the April to come
    parsed = parse_published(published)
    pub, precision = parsed if parsed else (None, None)

    m = _BETWEEN.search(sentence) if has_digit and ("between" in words or "from" in words) else None
    if m:
        y1, y2 = _year_of(m.group("y1"), pub), _year_of(m.group("y2"), pub)
        if y1 and y2:
            m1 = _month_num(m.group("m1")) if m.group("m1") else 1
            m2 = _month_num(m.group("m2")) if m.group("m2") else 12
            start = date(y1, m1, 1)
            end = date(y2, m2, calendar.monthrange(y2, m2)[1])
            if start <= end:
                return Period(start.isoformat(), end.isoformat())

    m = _FULL_DATE.search(sentence) if has_digit and has_month else None
    if m:
        try:
            d = date(int(m.group("y")), _month_num(m.group("m")), int(m.group("d")))
            return Period(d.isoformat(), d.isoformat())
        except ValueError:
            pass

    m = _SINCE.search(sentence) if has_digit and "since" in words else None
    if m and pub is not None:
        month = _month_num(m.group("m")) if m.group("m") else 1
        return Period(date(int(m.group("y")), month, 1).isoformat(), pub.isoformat())

    m = _MONTH_YEAR.search(sentence) if has_month else None
    if m:
        year = _year_of(m.group("y"), pub)
        if year:
            return _month_period(year, _month_num(m.group("m")))

    m = _REL_MONTH.search(sentence) if has_month else None
    if m and pub is not None:
        month, rel = _month_num(m.group("m")), m.group("rel").lower()
        if rel == "this":
            year = pub.year
        elif rel == "next" or (future and rel != "last"):
            year = pub.year if month > pub.month else pub.year + 1
        else:  # last / in / early / late: the most recent such month
            year = (
                pub.year
                if month < pub.month or (month == pub.month and rel == "in")
                else pub.year - 1
            )
        return _month_period(year, month)

    m = _YEAR.search(sentence) if has_digit else None
    if m:
        year = int(m.group("y"))
        return Period(date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat())

    m = _REL_YEAR.search(sentence) if "year" in words else None
    if m and pub is not None:
        y = _year_of(m.group(0), pub)
        if y:
            return Period(date(y, 1, 1).isoformat(), date(y, 12, 31).isoformat())

    if pub is not None and precision == "day":
        m = _WEEKDAY.search(sentence)
        if m:
            day = WEEKDAYS[m.group("w").lower()]
            if future:  # "the council will meet Tuesday": the coming one
                d = pub + timedelta(days=(day - pub.weekday()) % 7)
            else:
                d = pub - timedelta(days=(pub.weekday() - day) % 7)
            return Period(d.isoformat(), d.isoformat())
        m = _DAY_REL.search(sentence)
        if m:
            shift = {"yesterday": -1, "today": 0, "tomorrow": 1}.get(m.group("rel").lower(), -1)
            d = pub + timedelta(days=shift)
            return Period(d.isoformat(), d.isoformat())
    return None
