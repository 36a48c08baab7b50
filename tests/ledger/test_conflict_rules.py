"""Figures that cannot both be true, decided from what the finder read (pure: no ledger)."""

from __future__ import annotations

import math

from claimledger.ledger.conflict_rules import Figures, find_conflict, interval


def _q(
    text: str, kind: str, value: float, bound: str = "exact", **more: object
) -> dict[str, object]:
    return {"text": text, "kind": kind, "value": value, "bound": bound, **more}


DEPORTED_102 = Figures(
    1,
    "Between October 2008 and June 2010, 102 people were deported from Boston.",
    [_q("102 people", "count", 102, unit="people")],
    "2008-10-01",
    "2010-06-30",
)


def _other(
    quote: str, *quantities: dict[str, object], period: tuple[str, str] | None = None
) -> Figures:
    start, end = period or (None, None)
    return Figures(2, quote, list(quantities), start, end)


def test_two_exact_counts_of_one_measure_conflict() -> None:
    other = _other(
        "In that period 340 people were deported from Boston.",
        _q("340 people", "count", 340, unit="people"),
    )
    found = find_conflict(DEPORTED_102, other)
    assert found is not None
    assert (found.figure, found.other_figure) == ("102 people", "340 people")
    assert "cannot both be true" in found.reason and "deport" in found.reason


def test_a_hedged_figure_that_allows_the_other_does_not_conflict() -> None:
    for text, bound in (("about 100 people", "approx"), ("more than 90 people", "more_than")):
        other = _other(
            f"Between October 2008 and June 2010, {text} were deported from Boston.",
            _q(text, "count", 100 if bound == "approx" else 90, bound, unit="people"),
            period=("2008-10-01", "2010-06-30"),
        )
        assert find_conflict(DEPORTED_102, other) is None, text


def test_more_than_half_and_almost_half_conflict() -> None:
    a = _other(
        "More than half had no convictions.", _q("More than half", "proportion", 0.5, "more_than")
    )
    b = Figures(
        3, "Almost half had no convictions.", [_q("Almost half", "proportion", 0.5, "less_than")]
    )
    assert find_conflict(a, b) is not None


def test_no_convictions_and_convictions_are_different_measures() -> None:
    a = _other(
        "More than half had no convictions.", _q("More than half", "proportion", 0.5, "more_than")
    )
    b = Figures(
        3, "Almost half had convictions.", [_q("Almost half", "proportion", 0.5, "less_than")]
    )
    assert find_conflict(a, b) is None


def test_periods_that_do_not_overlap_do_not_conflict() -> None:
    other = _other(
        "340 people were deported from Boston.",
        _q("340 people", "count", 340, unit="people"),
        period=("2015-01-01", "2015-12-31"),
    )
    assert find_conflict(DEPORTED_102, other) is None


def test_other_places_do_not_conflict() -> None:
    a = _other("Unemployment in Ohio fell to 5 percent.", _q("5 percent", "percent", 5))
    b = Figures(3, "Unemployment in Texas fell to 7 percent.", [_q("7 percent", "percent", 7)])
    assert find_conflict(a, b) is None
    c = Figures(4, "Unemployment in Ohio fell to 7 percent.", [_q("7 percent", "percent", 7)])
    assert find_conflict(a, c) is not None


def test_another_verb_beside_the_figure_is_another_measure() -> None:
    a = _other(
        "Police said 45 people were arrested at the protest.",
        _q("45 people", "count", 45, unit="people"),
    )
    b = Figures(
        3,
        "Police said 60 people were injured at the protest.",
        [_q("60 people", "count", 60, unit="people")],
    )
    assert find_conflict(a, b) is None


def test_shares_compare_percent_with_proportions() -> None:
    a = _other("One in five residents lives in poverty.", _q("One in five", "proportion", 0.2))
    b = Figures(
        3, "Forty percent of residents live in poverty.", [_q("Forty percent", "percent", 40)]
    )
    assert find_conflict(a, b) is not None


def test_a_round_number_is_exact_to_its_last_digit() -> None:
    wide = interval(_q("400,000", "count", 400000))
    assert wide is not None and (wide.low, wide.high) == (350000, 450000)
    tight = interval(_q("102", "count", 102))
    assert tight is not None and (tight.low, tight.high) == (101.5, 102.5)
    above = interval(_q("more than 90", "count", 90, "more_than"))
    assert above is not None and above.low_open and math.isinf(above.high)


def _share(n: int, quote: str, text: str, value: float, bound: str = "exact") -> Figures:
    kind = "percent" if "percent" in text else "proportion"
    return Figures(n, quote, [_q(text, kind, value, bound)], "2022-01-01", "2022-12-31")


def test_nearly_is_close_below_not_anywhere_below() -> None:
    near = interval(_q("Nearly a quarter", "proportion", 0.25, "less_than"))
    assert near is not None and near.low > 0.2 and near.high == 0.25
    under = interval(_q("Fewer than 10 percent", "percent", 10, "less_than"))
    assert under is not None and under.low == -math.inf
    over = interval(_q("just over half", "proportion", 0.5, "more_than"))
    assert over is not None and over.low == 0.5 and over.high < 0.6
    fewer = _share(
        1,
        "Fewer than 10 percent of applicants were approved.",
        "Fewer than 10 percent",
        10,
        "less_than",
    )
    nearly = _share(
        2, "Nearly a quarter of applicants were approved.", "Nearly a quarter", 0.25, "less_than"
    )
    assert find_conflict(fewer, nearly) is not None
    almost = _share(
        3, "Almost 25 percent of applicants were approved.", "Almost 25 percent", 25, "less_than"
    )
    assert find_conflict(nearly, almost) is None


def test_opposite_outcomes_are_read_as_the_rest_of_the_group() -> None:
    passed = _share(1, "Sixty percent of students passed the exam.", "Sixty percent", 60)
    failed = _share(2, "Forty percent of students failed the exam.", "Forty percent", 40)
    assert find_conflict(passed, failed) is None  # 60 + 40: one figure
    also = _share(3, "Sixty percent of students failed the exam.", "Sixty percent", 60)
    found = find_conflict(passed, also)
    assert found is not None and "pass / fail" in found.reason
    approved = _share(4, "Most voters approved the measure.", "Most", 0.5, "more_than")
    rejected = _share(5, "Most voters rejected the measure.", "Most", 0.5, "more_than")
    assert find_conflict(approved, rejected) is not None


def test_counts_of_opposite_outcomes_are_two_measures() -> None:
    a = Figures(
        1,
        "In 2022, 85 students passed the exam.",
        [_q("85 students", "count", 85, unit="students")],
    )
    b = Figures(
        2,
        "In 2022, 40 students failed the exam.",
        [_q("40 students", "count", 40, unit="students")],
    )
    assert find_conflict(a, b) is None


def test_a_different_subject_beside_the_same_verb_is_another_measure() -> None:
    rent = Figures(
        1, "Median rent rose to $1,800 a month in 2022.", [_q("$1,800", "money", 1800, unit="USD")]
    )
    income = Figures(
        2,
        "Median income rose to $2,400 a month in 2022.",
        [_q("$2,400", "money", 2400, unit="USD")],
    )
    assert find_conflict(rent, income) is None
    again = Figures(
        3, "Median rent rose to $2,400 a month in 2022.", [_q("$2,400", "money", 2400, unit="USD")]
    )
    assert find_conflict(rent, again) is not None


def test_a_denied_clause_is_read_as_the_rest_of_the_group() -> None:
    """However far from the figure the negation stands."""
    staying = _share(
        1,
        "Sixty percent of nurses surveyed by the union did not plan to leave.",
        "Sixty percent",
        60,
    )
    leaving = _share(
        2, "Forty percent of nurses surveyed by the union planned to leave.", "Forty percent", 40
    )
    assert find_conflict(staying, leaving) is None
    also = _share(
        3, "Sixty percent of nurses surveyed by the union planned to leave.", "Sixty percent", 60
    )
    found = find_conflict(staying, also)
    assert found is not None and "one denied" in found.reason
    lack = _share(
        4,
        "Fewer than a third of the schools lack a full-time nurse.",
        "Fewer than a third",
        1 / 3,
        "less_than",
    )
    have = _share(
        5, "Seventy percent of the schools have a full-time nurse.", "Seventy percent", 70
    )
    assert find_conflict(lack, have) is None
    few = _share(6, "Forty percent of the schools have a full-time nurse.", "Forty percent", 40)
    assert find_conflict(lack, few) is not None


def test_counts_one_of_them_denied_are_two_measures() -> None:
    a = Figures(
        1,
        "In 2022, 85 students did not pass the exam.",
        [_q("85 students", "count", 85, unit="students")],
    )
    b = Figures(
        2,
        "In 2022, 40 students passed the exam.",
        [_q("40 students", "count", 40, unit="students")],
    )
    assert find_conflict(a, b) is None


def test_what_is_measured_two_words_before_the_verb_counts() -> None:
    rent = _share(1, "Average rent in the city rose 9 percent in 2023.", "9 percent", 9)
    income = _share(
        2, "Average household income in the city rose 3 percent in 2023.", "3 percent", 3
    )
    assert find_conflict(rent, income) is None
    again = _share(3, "Average rent in the city rose 3 percent in 2023.", "3 percent", 3)
    assert find_conflict(rent, again) is not None


def test_two_places_sharing_a_generic_word_are_two_places() -> None:
    alder = _share(
        1, "Judges denied bail in 18 percent of cases in Alder County in 2022.", "18 percent", 18
    )
    birch = _share(
        2, "Judges denied bail in 41 percent of cases in Birch County in 2022.", "41 percent", 41
    )
    assert find_conflict(alder, birch) is None
    again = _share(
        3, "Judges denied bail in 41 percent of cases in Alder County in 2022.", "41 percent", 41
    )
    assert find_conflict(alder, again) is not None


def test_failed_to_is_a_denial_and_failed_an_outcome() -> None:
    came = _share(
        1, "Four in five people summoned for jury service turned up.", "Four in five", 0.8
    )
    stayed = _share(
        2, "One in five people summoned for jury service failed to appear.", "One in five", 0.2
    )
    assert find_conflict(came, stayed) is None
    most = _share(3, "Half of the people summoned for jury service failed to appear.", "Half", 0.5)
    assert find_conflict(came, most) is not None


def test_a_count_of_a_currencys_name_is_money() -> None:
    words = Figures(
        1,
        "The company was fined 4.5 million dollars in 2023.",
        [_q("4.5 million dollars", "count", 4.5e6, unit="dollars")],
    )
    sign = Figures(
        2, "The company was fined $45m in 2023.", [_q("$45m", "money", 45e6, unit="USD")]
    )
    assert find_conflict(words, sign) is not None


def test_directions_tell_two_places_apart() -> None:
    north = Figures(
        1,
        "The North County treasurer collected $48 million in taxes in 2023.",
        [_q("$48 million", "money", 48e6, unit="USD")],
    )
    south = Figures(
        2,
        "The South County treasurer collected $19 million in taxes in 2023.",
        [_q("$19 million", "money", 19e6, unit="USD")],
    )
    assert find_conflict(north, south) is None


def test_a_prefix_that_negates_makes_opposite_outcomes_anywhere_in_the_clause() -> None:
    able = _share(
        1,
        "About 85 percent of the city's buses were wheelchair-accessible in 2023.",
        "About 85 percent",
        85,
        "approx",
    )
    unable = _share(
        2,
        "Roughly one in seven of the city's buses remained inaccessible to wheelchair users in 2023.",
        "Roughly one in seven",
        1 / 7,
        "approx",
    )
    assert find_conflict(able, unable) is None
    most = _share(
        3,
        "Half of the city's buses remained inaccessible to wheelchair users in 2023.",
        "Half",
        0.5,
    )
    assert find_conflict(able, most) is not None


def test_a_count_over_part_of_the_period_can_be_smaller() -> None:
    def port(n: int, text: str, value: float, start: str, end: str) -> Figures:
        quote = f"The port handled {text} in that time, the port authority said."
        return Figures(n, quote, [_q(text, "count", value, unit="containers")], start, end)

    quarter = port(1, "310,000 containers", 310_000, "2024-01-01", "2024-03-31")
    year = port(2, "1.2 million containers", 1_200_000, "2024-01-01", "2024-12-31")
    assert find_conflict(quarter, year) is None
    more = port(3, "1.5 million containers", 1_500_000, "2024-01-01", "2024-03-31")
    assert find_conflict(more, year) is not None  # a quarter cannot hold more than its year


def test_counts_a_hundred_times_apart_are_two_scopes() -> None:
    """A city's count and a national programme's are not two reports of one measure."""
    boston = _other(
        "Between October 2008 and June 2010, 102 people were deported as a result of Boston's "
        "participation.",
        _q("102 people", "count", 102, unit="people"),
        period=("2008-10-01", "2010-06-30"),
    )
    national = Figures(
        3,
        "So far, the program has resulted in the deportation of over 140,000 people.",
        [_q("over 140,000 people", "count", 140000, "more_than", unit="people")],
    )
    assert find_conflict(boston, national) is None
    ten_times = Figures(
        4,
        "So far, the program has resulted in the deportation of over 1,020 people.",
        [_q("over 1,020 people", "count", 1020, "more_than", unit="people")],
    )
    assert find_conflict(boston, ten_times) is not None  # a misplaced digit is still a conflict
