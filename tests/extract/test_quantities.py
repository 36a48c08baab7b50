"""Numbers as written, with their hedges."""

from __future__ import annotations

import pytest

from claimledger.extract.model import Quantity
from claimledger.extract.quantities import find_quantities


def _one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "value", "bound"),
    [
        ("102 people were deported", "count", 102, "exact"),
        ("the deportation of over 140,000 people", "count", 140000, "more_than"),
        ("only deported about 3 percent of the people", "percent", 3, "approx"),
        ("55% had convictions", "percent", 55, "exact"),
        ("offering $500 on social media", "money", 500, "exact"),
        ("a $2.5 million grant", "money", 2_500_000, "exact"),
        ("more than half of those picked up", "proportion", 0.5, "more_than"),
        ("Just over a quarter of those are offenders", "proportion", 0.25, "more_than"),
        ("Almost half of them were charged", "proportion", 0.5, "less_than"),
        ("Loja had been deported three times previously", "multiplier", 3, "exact"),
        ("representing five immigrants and their spouses", "count", 5, "exact"),
    ],
)
def test_quantities(text: str, kind: str, value: float, bound: str) -> None:
    q = _one(text)
    assert (q.kind, q.value, q.bound) == (kind, value, bound)
    assert text[q.start : q.end] == q.text


def test_vague_money_is_a_lower_bound() -> None:
    q = _one("Millions of our taxpayer dollars are going to fund it")
    assert (q.kind, q.bound, q.low) == ("money", "at_least", 1e6)


@pytest.mark.parametrize(
    "text",
    [
        "In 2006, ICE convinced the city",
        "a Level 2 offense",
        "between October of 2008 and June",
        "the 2020 census",
        "Boston is one of the cities",
        "on January 22, 2018, in Newark",
        "allegations that the two agencies worked together",  # the ones named, not a count
    ],
)
def test_years_labels_and_lone_number_words_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == ()


def test_hedge_becomes_a_bound() -> None:
    q = _one("at least 40 officers")
    assert (q.low, q.high) == (40, None)
    q = _one("up to 40 officers")
    assert (q.low, q.high) == (None, 40)


def test_most_and_a_majority_are_more_than_half() -> None:
    for text in ("Most of the riders were students.", "A majority of the council voted no."):
        [q] = find_quantities(text)
        assert (q.kind, q.bound, q.low, q.high) == ("proportion", "more_than", 0.5, None), text
    [q] = find_quantities("More than half of those picked up had no convictions.")
    assert q.text == "More than half"


@pytest.mark.parametrize(
    ("text", "kind", "low", "high", "unit"),
    [
        ("Between 200 and 300 people came.", "count", 200, 300, "people"),
        ("200–300 people came.", "count", 200, 300, "people"),
        ("He served 5 to 10 years in prison.", "count", 5, 10, "years"),
        ("Costs rose 10 to 15 percent.", "percent", 10, 15, None),
        ("between 10% and 15% of the budget", "percent", 10, 15, None),
        ("It will cost $2 to $3 million.", "money", 2e6, 3e6, "USD"),
        ("Tickets cost €20-€35.", "money", 20, 35, "EUR"),
    ],
)
def test_ranges_keep_both_ends(text: str, kind: str, low: float, high: float, unit: str) -> None:
    q = _one(text)
    assert (q.kind, q.bound, q.low, q.high, q.unit) == (kind, "range", low, high, unit)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "The team won 3-1 on Sunday.",  # a score
        "Class sizes grew from 22 to 31 students.",  # a change: two figures
        "Between 2008 and 2010 the program grew.",  # a period, not a count
    ],
)
def test_what_is_not_a_range(text: str) -> None:
    assert all(q.bound != "range" for q in find_quantities(text))


@pytest.mark.parametrize(
    ("text", "kind", "value", "bound", "unit"),
    [
        ("It cost £3bn to build.", "money", 3e9, "exact", "GBP"),
        ("a €20 million grant", "money", 2e7, "exact", "EUR"),
        ("The deal is worth $1.2bn.", "money", 1.2e9, "exact", "USD"),
        ("About one in five residents lack access.", "proportion", 0.2, "approx", None),
        ("Only 3 in 10 adults had a doctor.", "proportion", 0.3, "exact", None),
        ("Half a million people signed.", "count", 5e5, "exact", None),
        ("Dozens of people were hurt.", "count", 12, "at_least", None),
        ("Hundreds of thousands marched.", "count", 1e5, "at_least", None),
        ("The number of arrests doubled.", "multiplier", 2, "exact", None),
        ("Rents have nearly tripled.", "multiplier", 3, "less_than", None),
    ],
)
def test_more_ways_of_writing_numbers(
    text: str, kind: str, value: float, bound: str, unit: str | None
) -> None:
    q = _one(text)
    assert (q.kind, q.value, q.bound, q.unit) == (kind, value, bound, unit)


def test_a_count_then_a_year_is_no_ratio() -> None:
    assert [(q.text, q.kind) for q in find_quantities("up from 350 in 2019")] == [("350", "count")]


def test_times_of_day_are_not_counts_and_speeds_keep_their_unit() -> None:
    assert find_quantities("Last updated at 4:15 p.m. on 10/9") == ()
    [q] = find_quantities("Wind speeds reached 120 mph at landfall.")
    assert (q.text, q.unit) == ("120 mph", "mph")


@pytest.mark.parametrize(
    ("text", "figure", "kind", "value"),
    [
        ("Seventy-five percent of parents backed it.", "Seventy-five percent", "percent", 75),
        ("Twenty-one people were hurt.", "Twenty-one people", "count", 21),
        ("About twenty five people came.", "twenty five people", "count", 25),
        ("One hundred and twenty people were arrested.", "One hundred and twenty people", "count", 120),
        ("Two hundred people were evacuated.", "Two hundred people", "count", 200),
        ("Seven people and seventeen dogs were rescued.", "seventeen dogs", "count", 17),
        ("It grew ninety-nine times over.", "ninety-nine times", "multiplier", 99),
    ],
)  # fmt: skip
def test_numbers_in_words_are_read_whole(text: str, figure: str, kind: str, value: float) -> None:
    """Not "five percent" in "Seventy-five percent": the whole compound, its whole value."""
    found = {q.text: q for q in find_quantities(text)}
    hit = next(q for t, q in found.items() if t.endswith(figure))
    assert (hit.kind, hit.value) == (kind, value)
    assert not any(t in ("five percent", "one people", "hundred and twenty people") for t in found)


@pytest.mark.parametrize(
    "text",
    ["the activists of the ’60s marched", "back in the '70s, he said so", "a ’90s-era law"],
)
def test_a_decade_with_an_apostrophe_is_no_figure(text: str) -> None:
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The man is in his 20s, the police said.", 20.0),
        ("Temperatures will be in the 60s on Friday.", 60.0),
        ("He scored '40 points' in the final.", 40.0),
    ],
)
def test_an_age_a_reading_and_a_quoted_count_stay_figures(text: str, value: float) -> None:
    assert _one(text).value == value
