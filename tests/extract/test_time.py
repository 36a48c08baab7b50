"""Time expressions resolved against the article's date."""

from __future__ import annotations

import re

import pytest

from claimledger.extract.timeexpr import YEAR_DIGITS, parse_published, resolve_period


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
        # dates written other ways (2024-03-14 is a Thursday)
        ("The plant closed on 3 March 2021.", "2024-03-14", "2021-03-03", "2021-03-03"),
        ("The plant closed on 2021-03-03.", "2024-03-14", "2021-03-03", "2021-03-03"),
        ("The plant closed on March 3.", "2024-03-14", "2024-03-03", "2024-03-03"),
        ("The plant closed Dec. 5.", "2024-03-14", "2023-12-05", "2023-12-05"),
        ("The plant will close on March 30.", "2024-03-14", "2024-03-30", "2024-03-30"),
        # weeks, months, quarters, seasons, decades counted from the article's date
        ("Sales fell last week.", "2024-03-14", "2024-03-04", "2024-03-10"),
        ("Sales fell earlier this month.", "2024-03-14", "2024-03-01", "2024-03-14"),
        ("Sales fell last month.", "2024-03-14", "2024-02-01", "2024-02-29"),
        ("Sales rose two years ago.", "2024-03-14", "2022-01-01", "2022-12-31"),
        ("Sales rose over the past five years.", "2024-03-14", "2019-03-14", "2024-03-14"),
        ("Sales rose last year.", "2024-03-14", "2023-01-01", "2023-12-31"),
        ("Sales rose 5% in Q2 2023.", "2024-03-14", "2023-04-01", "2023-06-30"),
        ("Sales rose in the fourth quarter.", "2024-03-14", "2023-10-01", "2023-12-31"),
        ("The plant closed last spring.", "2024-03-14", "2023-03-01", "2023-05-31"),
        ("The plant closed in the fall of 2019.", "2024-03-14", "2019-09-01", "2019-11-30"),
        ("Crime fell in the 1990s.", "2024-03-14", "1990-01-01", "1999-12-31"),
        ("The plant closed in mid-2022.", "2024-03-14", "2022-01-01", "2022-12-31"),
        ("It has been closed since last April.", "2024-03-14", "2023-04-01", "2024-03-14"),
        # two expressions: the first in the sentence, unless the other is a full date
        (
            "The council voted last Tuesday to back the team, which has played here since 1968.",
            "2025-02-06",
            "2025-02-04",
            "2025-02-04",
        ),
        (
            "The jail held 412 inmates last year, up from 350 in 2019.",
            "2023-09-21",
            "2022-01-01",
            "2022-12-31",
        ),
        ("On Tuesday, Jan. 5, 2021, the board met.", "2021-01-07", "2021-01-05", "2021-01-05"),
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


def test_a_week_or_a_day_needs_the_articles_day() -> None:
    # an article dated only by its year cannot say which week "last week" was
    assert resolve_period("Sales fell last week.", "2024") is None
    assert resolve_period("Sales rose two years ago.", "2024") is not None


def test_words_that_only_look_like_time() -> None:
    for sentence in ("Prices may rise 4 percent.", "Leaves fall when the weather turns."):
        assert resolve_period(sentence, "2024-03-14") is None


def test_the_one_year_pattern_reads_1800_to_2099_only() -> None:
    year = re.compile(rf"\b{YEAR_DIGITS}\b")
    for text in ("in 1848", "since 2019", "by 2099"):
        assert year.search(text), text
    for text in ("1799 people", "2100 homes", "room 205", "12345"):
        assert not year.search(text), text


def test_a_captured_page_with_no_date_takes_its_dateline() -> None:
    """Text saved from a page comes with no date; its own dateline pins down 'on Dec. 10'."""
    from claimledger.extract import extract_claims

    body = "A federal grand jury indicted Dana Reyes on Dec. 10, the U.S. attorney's office said.\n"
    page = "Missionary pleads not guilty\non December 29, 2014 at 3:21 PM\n" + body
    (claim,) = extract_claims(page)
    assert claim.period is not None and claim.period.start == "2014-12-10"
    # the date given wins over the page's; with neither, no year to put the day in
    (claim,) = extract_claims(page, published="2013-12-20")
    assert claim.period is not None and claim.period.start == "2013-12-10"
    (claim,) = extract_claims(body)
    assert claim.period is None


def test_a_stamp_far_above_the_article_is_not_its_date() -> None:
    from claimledger.extract.body import page_lines
    from claimledger.extract.pipeline import page_date

    teasers = [f"Teaser headline number {n} about the council" for n in range(20)]
    text = "\n".join(
        ["Published: March 3, 2011", *teasers, "The council cut 12 routes on Dec. 10, it said."]
    )
    spans = page_lines(text)
    lines = [text[s:e] for s, e in spans]
    assert page_date(lines, spans, spans[-1]) is None
    assert page_date(lines, spans, spans[5]) == "2011-03-03"
