"""Numbers as written, with their hedges."""

from __future__ import annotations

import pytest

from claimledger.extract.quantities import find_quantities


def _one(text: str):  # type: ignore[no-untyped-def]
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
    from claimledger.extract.quantities import find_quantities

    for text in ("Most of the riders were students.", "A majority of the council voted no."):
        [q] = find_quantities(text)
        assert (q.kind, q.bound, q.low, q.high) == ("proportion", "more_than", 0.5, None), text
    [q] = find_quantities("More than half of those picked up had no convictions.")
    assert q.text == "More than half"
