"""Time expressions resolved against the article's date."""

from __future__ import annotations

import pytest

from claimledger.extract.timeexpr import parse_published, resolve_period


@pytest.mark.parametrize(
    ("sentence", "published", "start", "end"),
    [
        (
            "Between October of 2008 and June of this year, 102 were deported.",
            "2010-08-05",
            "2008-10-01",
            "2010-06-30",
        ),
        ("The goal is 400,000 this year.", "2010-08-05", "2010-01-01", "2010-12-31"),
        ("The lawsuit was filed last April.", "2020-02-15", "2019-04-01", "2019-04-30"),
        ("In February, the agency changed its mission.", "2018-08-14", "2018-02-01", "2018-02-28"),
        ("It drew a rebuke Tuesday.", "2018-08-14", "2018-08-14", "2018-08-14"),
        ("Documents filed Monday show it.", "2018-08-14", "2018-08-13", "2018-08-13"),
        ("It has run since 2008.", "2011-11-30", "2008-01-01", "2011-11-30"),
        ("In 2006, ICE convinced the city.", "2011-11-30", "2006-01-01", "2006-12-31"),
        ("A December 2015 incident.", "2018-08-14", "2015-12-01", "2015-12-31"),
        ("It happened on January 22, 2018, downtown.", None, "2018-01-22", "2018-01-22"),
        ("He arrived the day before.", "2018-08-14", "2018-08-13", "2018-08-13"),
        ("The council will vote on the plan in April.", "2023-03-14", "2023-04-01", "2023-04-30"),
        ("The council voted on the plan in April.", "2023-03-14", "2022-04-01", "2022-04-30"),
        ("The board will meet Thursday.", "2023-03-14", "2023-03-16", "2023-03-16"),
    ],
)
def test_periods(sentence: str, published: str | None, start: str, end: str) -> None:
    period = resolve_period(sentence, published)
    assert period is not None
    assert (period.start, period.end) == (start, end)


def test_no_time_no_period() -> None:
    assert resolve_period("The program is called Secure Communities.", "2010-08-05") is None


def test_weekdays_need_a_known_day() -> None:
    assert resolve_period("It drew a rebuke Tuesday.", "2018-08") is None


def test_partial_published_dates() -> None:
    assert parse_published("2018-08")[1] == "month"  # type: ignore[index]
    assert parse_published("not a date") is None
