"""Time expressions resolved against the article's date: 'June of this year' becomes 2010-06."""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterator
from datetime import date, timedelta

from claimledger.extract.model import Period

MONTHS = (
    {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
    | {abbr.lower(): i for i, abbr in enumerate(calendar.month_abbr) if abbr}
    | {"sept": 9}
)
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTH_NAMES = frozenset(name.lower() for name in calendar.month_name if name)
"""january ... december: the one list of calendar words the finder's rules share."""
CALENDAR_WORDS = (
    frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(a.lower() for a in calendar.day_abbr)
)
"""Month and weekday names and their abbreviations (jan, sept, tue...)."""

_MONTH = r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
# A year as the finder reads one: 1800-2099, four digits (the one pattern every year rule shares).
YEAR_DIGITS = r"(?:1[89]|20)\d\d"
_YEARREF = r"(?P<{n}>" + YEAR_DIGITS + r"|this year|last year|next year)"

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
    _MONTH.format(n="m") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>" + YEAR_DIGITS + r")\b"
)
_MONTH_YEAR = re.compile(
    r"\b" + _MONTH.format(n="m") + r"\s+(?:of\s+)?" + _YEARREF.format(n="y"), re.IGNORECASE
)
_SINCE = re.compile(r"\bsince\s+(?:" + _MONTH.format(n="m") + r"\s+)?(?P<y>" + YEAR_DIGITS + r")\b")
_REL_MONTH = re.compile(
    r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Ii]n|[Ee]arly|[Ll]ate)\s+"
    + _MONTH.format(n="m")
    + r"\b(?!\s+\d)"
)
_YEAR = re.compile(
    r"\b(?:in|during|by|of|for|fiscal(?: year)?|early|late|mid-|mid)\s*(?P<y>"
    + YEAR_DIGITS
    + r")\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_REL_YEAR = re.compile(r"\b(?P<rel>this|last|next) year\b", re.IGNORECASE)
_DAY_REL = re.compile(
    r"\b(?P<rel>yesterday|today|tomorrow|the day before|the previous day)\b", re.IGNORECASE
)
_ISO_DATE = re.compile(r"\b(?P<y>" + YEAR_DIGITS + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_DAY_FIRST = re.compile(  # 3 March 2021, the 3rd of March 2021
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH.format(n="m")
    + r",?\s+(?P<y>"
    + YEAR_DIGITS
    + r")\b"
)
_MONTH_DAY = re.compile(  # March 3 / Dec. 5, with no year: the article's year decides
    r"\b" + _MONTH.format(n="m") + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,?\s*\d)(?!\s*%)"
)
_SINCE_MONTH = re.compile(r"\bsince\s+(?:(?:last|early|late)\s+)?" + _MONTH.format(n="m") + r"\b")
_QUARTER = re.compile(
    r"\b(?:Q(?P<q>[1-4])|(?P<qw>first|second|third|fourth)[- ]quarter)"
    r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>" + YEAR_DIGITS + r"))?",
    re.IGNORECASE,
)
_DECADE = re.compile(r"\b(?:the\s+)?(?P<y>(?:1[89]|20)\d0)[’']?s\b")
_NUMBER = (
    r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few)"
)
_AGO = re.compile(r"\b" + _NUMBER + r"\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b", re.I)
_PAST_SPAN = re.compile(  # over the past five years, in the last decade, the past 12 months
    r"(?:\bthe\s+(?:past|last|previous)|\bpast)\s+(?:(?P<n>\d{1,3}|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|a few)\s+)?(?P<unit>day|week|month|year|decade)s?\b",
    re.IGNORECASE,
)
_REL_UNIT = re.compile(
    r"\b(?P<rel>this|last|next|earlier this|later this)\s+"
    r"(?P<unit>week|month)\b",
    re.IGNORECASE,
)
_SEASON = re.compile(
    r"\b(?:(?P<rel>this|last|next)\s+|in\s+the\s+|(?:early|late)\s+)"
    r"(?P<s>spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(?P<y>" + YEAR_DIGITS + r"))?",
    re.IGNORECASE,
)
_COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a few": 3,
}
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_QUARTER_TOKENS = frozenset(["quarter", "q1", "q2", "q3", "q4"])
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


@functools.lru_cache(maxsize=256)  # asked once per sentence, for the same few article dates
@functools.lru_cache(maxsize=256)  # one article: one date, read for every sentence
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
    frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | {"year", "yesterday", "today", "tomorrow", "day"}
    | {"years", "days", "week", "weeks", "month", "months", "decade", "decades", "ago"}
    | {"quarter", "spring", "summer", "fall", "autumn", "winter"}
)
_MONTH_WORDS = frozenset(MONTHS)
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
_DAY_REL_WORDS = frozenset(["yesterday", "today", "tomorrow", "day"])
_WORD = re.compile(r"[a-z0-9]+")  # as `cues.words` splits them
_DIGIT = re.compile(r"[0-9]")  # ASCII: faster than \d on text with curly quotes
_FUTURE = frozenset(["will", "scheduled", "upcoming", "plans", "planned", "expected"])


def _day_near(pub: date, month: int, day: int, future: bool) -> date | None:
    """March 3 with no year: the latest one up to the article's day, or the next one if to come."""
    try:
        d = date(pub.year, month, day)
        if future and d < pub:
            d = date(pub.year + 1, month, day)
        elif not future and d > pub:
            d = date(pub.year - 1, month, day)
    except ValueError:
        return None
    return d


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _unit_period(pub: date, unit: str, back: int) -> Period:
    """The calendar day, week, month or year `back` units before the article's (0: its own)."""
    if unit == "day":
        d = pub - timedelta(days=back)
        return Period(d.isoformat(), d.isoformat())
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday() + 7 * back)
        return Period(monday.isoformat(), (monday + timedelta(days=6)).isoformat())
    if unit == "month":
        first = _shift_months(pub, -back)
        return _month_period(first.year, first.month)
    years = back * (10 if unit == "decade" else 1)
    return Period(
        date(pub.year - years, 1, 1).isoformat(), date(pub.year - years, 12, 31).isoformat()
    )


def _relative_span(
    sentence: str, words: set[str], pub: date, precision: str, future: bool
) -> Iterator[tuple[bool, int, Period]]:
    """Weeks, months and spans counted from the article's date."""
    fine_enough = {
        "day": ("day", "week", "month", "year", "decade"),
        "month": ("month", "year", "decade"),
    }
    units = fine_enough.get(precision, ("year", "decade"))
    m = _AGO.search(sentence) if "ago" in words else None
    if m and m.group("unit").lower() in units:  # two years ago: that year
        back = _COUNTS.get(m.group("n").lower(), 0) or int(m.group("n"))
        yield False, m.start(), _unit_period(pub, m.group("unit").lower(), back)
    m = _PAST_SPAN.search(sentence) if not words.isdisjoint(("past", "last", "previous")) else None
    if m and m.group("unit").lower() in units:  # over the past five years: up to the article's day
        n = _COUNTS.get((m.group("n") or "one").lower()) or int(m.group("n"))
        unit = m.group("unit").lower()
        if unit in ("day", "week"):
            start = pub - timedelta(days=n * (7 if unit == "week" else 1))
        else:
            months = n * {"month": 1, "year": 12, "decade": 120}[unit]
            start = date(pub.year, pub.month, min(pub.day, 28))
            start = _shift_months(start, -months).replace(day=min(pub.day, 28))
        yield False, m.start(), Period(start.isoformat(), pub.isoformat())
    m = _REL_UNIT.search(sentence) if not words.isdisjoint(("week", "month")) else None
    if m and m.group("unit").lower() in units:
        rel, unit = m.group("rel").lower(), m.group("unit").lower()
        period = _unit_period(pub, unit, {"last": 1, "next": -1}.get(rel, 0))
        if rel == "earlier this":
            period = Period(period.start, pub.isoformat())
        elif rel == "later this":
            period = Period(pub.isoformat(), period.end)
        yield False, m.start(), period


def _quarter(m: re.Match[str], pub: date | None, future: bool) -> Period | None:
    """Q2 2023, the first quarter: three months; with no year, the latest begun (or the next)."""
    q = int(m.group("q")) if m.group("q") else _QUARTER_WORDS[m.group("qw").lower()]
    if m.group("y"):
        year = int(m.group("y"))
    elif pub is not None:
        year = pub.year if date(pub.year, 3 * q - 2, 1) <= pub or future else pub.year - 1
    else:
        return None
    last = calendar.monthrange(year, 3 * q)[1]
    return Period(date(year, 3 * q - 2, 1).isoformat(), date(year, 3 * q, last).isoformat())


def _season(
    sentence: str, words: set[str], pub: date | None, future: bool
) -> Iterator[tuple[bool, int, Period]]:
    """Spring, summer, fall, winter: three months from March, June, September, December."""
    m = _SEASON.search(sentence) if not words.isdisjoint(_SEASON_START) else None
    if m is None:
        return
    start_month = _SEASON_START[m.group("s").lower()]
    rel = (m.group("rel") or "").lower()
    if m.group("y"):
        year = int(m.group("y"))
    elif pub is None:
        return
    else:
        year = _season_year(pub, start_month, rel, future)
    first = date(year, start_month, 1)
    last = _shift_months(first, 2)
    yield (
        False,
        m.start(),
        Period(
            first.isoformat(),
            date(last.year, last.month, calendar.monthrange(last.year, last.month)[1]).isoformat(),
        ),
    )


def _season_year(pub: date, start_month: int, rel: str, future: bool) -> int:
    this_year = date(pub.year, start_month, 1)
    begun = this_year <= pub
    ended = _shift_months(this_year, 3) <= pub
    if rel == "this":
        year = pub.year
    elif rel == "next" or (future and rel != "last"):
        year = pub.year + 1 if begun else pub.year
    elif rel == "last":
        year = pub.year if ended else pub.year - 1
    else:  # "in the spring": the latest one that has begun
        year = pub.year if begun else pub.year - 1
    return year


def resolve_period(
    sentence: str,
    published: str | None,
    *,
    tokens: list[str] | None = None,
    has_digit: bool | None = None,
) -> Period | None:
    """The first time expression of the sentence as a period, or None.

    A date no calendar has ("999 decades ago", "February 30") or a period that ends before it
    starts ("since 2099" in a 2024 article) is no period: the claim keeps its words, not a date.
    `tokens` (its lower-case words) and `has_digit` (an ASCII digit in it), if the caller has
    them, save reading the sentence again."""
    listed = tokens if tokens is not None else _WORD.findall(sentence.lower())
    if has_digit is None:
        has_digit = _DIGIT.search(sentence) is not None
    if not has_digit and _TIME_WORDS.isdisjoint(listed):
        return None  # most sentences: no digit and no time word, found with no set built
    try:
        period = _resolve(sentence, published, set(listed), has_digit)
    except (ValueError, OverflowError):
        return None
    if period is None or period.start > period.end:
        return None
    return period


def _resolve(
    sentence: str, published: str | None, words: set[str], has_digit: bool
) -> Period | None:
    """A full date wins; otherwise the time expression that comes first in the sentence ("voted
    last Tuesday to back a stadium ... played there since 1968": last Tuesday)."""
    candidates = list(_candidates(sentence, published, words, has_digit))
    if not candidates:
        return None
    return min(candidates, key=lambda c: (not c[0], c[1]))[2]


def _candidates(
    sentence: str, published: str | None, words: set[str], has_digit: bool
) -> Iterator[tuple[bool, int, Period]]:
    """(is a full date, where it starts, its period) for each kind of time expression found in a
    sentence with a digit or a time word (`words`, its lower-case words)."""
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
                yield False, m.start(), Period(start.isoformat(), end.isoformat())

    for pattern in (_ISO_DATE, _FULL_DATE, _DAY_FIRST) if has_digit else ():
        if (pattern is _ISO_DATE and "-" not in sentence) or (
            pattern is not _ISO_DATE and not has_month
        ):
            continue
        m = pattern.search(sentence)
        if m:
            try:
                month = int(m.group("m")) if pattern is _ISO_DATE else _month_num(m.group("m"))
                d = date(int(m.group("y")), month, int(m.group("d")))
            except ValueError:
                continue
            yield True, m.start(), Period(d.isoformat(), d.isoformat())

    m = _SINCE.search(sentence) if has_digit and "since" in words else None
    if m and pub is not None:
        month = _month_num(m.group("m")) if m.group("m") else 1
        yield (
            False,
            m.start(),
            Period(date(int(m.group("y")), month, 1).isoformat(), pub.isoformat()),
        )

    m = _SINCE_MONTH.search(sentence) if has_month and "since" in words else None
    if m and pub is not None:  # since last April: from the latest April to the article's day
        month = _month_num(m.group("m"))
        since = pub.year if month <= pub.month else pub.year - 1
        yield False, m.start(), Period(date(since, month, 1).isoformat(), pub.isoformat())

    m = _MONTH_DAY.search(sentence) if has_digit and has_month else None
    if m and pub is not None and precision != "year":
        on = _day_near(pub, _month_num(m.group("m")), int(m.group("d")), future)
        if on:
            yield False, m.start(), Period(on.isoformat(), on.isoformat())

    m = _MONTH_YEAR.search(sentence) if has_month else None
    if m:
        year = _year_of(m.group("y"), pub)
        if year:
            yield False, m.start(), _month_period(year, _month_num(m.group("m")))

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
        yield False, m.start(), _month_period(year, month)

    m = _QUARTER.search(sentence) if not _QUARTER_TOKENS.isdisjoint(words) else None
    period = _quarter(m, pub, future) if m else None
    if m and period:
        yield False, m.start(), period

    decade = has_digit and any(w[-2:] == "0s" and w[:1] in "12" for w in words)
    m = _DECADE.search(sentence) if decade else None
    if m:
        first = int(m.group("y"))
        yield (
            False,
            m.start(),
            Period(date(first, 1, 1).isoformat(), date(first + 9, 12, 31).isoformat()),
        )

    yield from _season(sentence, words, pub, future)

    m = _YEAR.search(sentence) if has_digit else None
    if m:
        year = int(m.group("y"))
        yield False, m.start(), Period(date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat())

    if pub is not None:
        yield from _relative_span(sentence, words, pub, precision or "year", future)

    m = _REL_YEAR.search(sentence) if "year" in words else None
    if m and pub is not None:
        y = _year_of(m.group(0), pub)
        if y:
            yield False, m.start(), Period(date(y, 1, 1).isoformat(), date(y, 12, 31).isoformat())

    if pub is not None and precision == "day":
        m = _WEEKDAY.search(sentence) if not _WEEKDAY_WORDS.isdisjoint(words) else None
        if m:
            day = WEEKDAYS[m.group("w").lower()]
            if future:  # "the council will meet Tuesday": the coming one
                d = pub + timedelta(days=(day - pub.weekday()) % 7)
            else:
                d = pub - timedelta(days=(pub.weekday() - day) % 7)
            yield False, m.start(), Period(d.isoformat(), d.isoformat())
        m = _DAY_REL.search(sentence) if not _DAY_REL_WORDS.isdisjoint(words) else None
        if m:
            shift = {"yesterday": -1, "today": 0, "tomorrow": 1}.get(m.group("rel").lower(), -1)
            d = pub + timedelta(days=shift)
            yield False, m.start(), Period(d.isoformat(), d.isoformat())
