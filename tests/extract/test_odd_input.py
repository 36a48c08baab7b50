"""Odd text never breaks the finder: dates no calendar has, empty ranges, stray quotes, any script."""

from __future__ import annotations

import random

import pytest

from claimledger.extract import extract_claims
from claimledger.extract.timeexpr import resolve_period

# Pieces that each exercise a rule at its edge; joined at random they make text no writer would.
_PIECES = [
    "999 decades ago", "over the past 900 years", "Q9 2020", "February 30, 2020", "30 February 2021",
    "since December 2099", "between 2010 and 1990", "$", "£3bn", "$2 to $1 million", "10%-5%",
    "0 in 0", "9 out of 3", "half a trillion", "tripled", "1,000,000,000,000,000", "“", "”", '"',
    "’", "said", "says Dr.", "according to", "he said", "If", "might", "U.S.", "Jan.", "J. R. R.",
    "...", "?!", "—", "-", "last week", "this spring", "the 1990s", "2021-13-45", "March 32",
    "0 years ago", "a few decades ago", "3-1", "mid-2022", "Tuesday", "the day before", "Boston",
    "Governor Charlie Baker", "\n", "\n\n", ".", ",", "(", ")", "0", "9" * 30, "percent", "between",
    "and", "to", "from", "the", "was false", "\u00a0", "émigré", "日本", "🙂", "1.", "•",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_random_text_gives_exact_anchors_and_no_error(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        text = " ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        published = rng.choice([None, "2024-03-14", "2024", "not a date", "9999-12-31"])
        for claim in extract_claims(text, published=published, outlet="City Paper"):
            assert text[claim.start : claim.end] == claim.quote
            assert 0.0 <= claim.score <= 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "It happened 999 decades ago.",  # before year 1
        "Sales rose over the past 900 decades.",
        "It has run since December 2099.",  # starts after the article
        "It happened on February 30, 2020.",  # no such day
    ],
)
def test_a_date_no_calendar_has_is_no_period(sentence: str) -> None:
    assert resolve_period(sentence, "2024-03-14") is None
