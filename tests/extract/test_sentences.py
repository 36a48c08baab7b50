"""Sentence splitting around abbreviations, initials, closing quotes and list items."""

from __future__ import annotations

import pytest

from claimledger.extract.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "San Francisco, Chicago and Washington, D.C. have fought to block this program.",
        "A director in San Bernardino, Calif., refused to let agents in.",
        "Dr. Smith met Sen. Warren on Jan. 5 in Mass. to discuss it.",
        "John F. Kennedy signed the order in 1961.",
        "The U.S. Census Bureau counted 331 million people.",
    ],
)
def test_abbreviations_do_not_end_sentences(text: str) -> None:
    assert _split(text) == [text]


def test_a_closing_quote_ends_a_sentence() -> None:
    text = "“This is not a new practice,” Pierce said. “They changed.” The end came."
    assert _split(text) == [
        "“This is not a new practice,” Pierce said.",
        "“They changed.”",
        "The end came.",
    ]


def test_us_at_the_end_of_a_sentence() -> None:
    assert _split("He moved to the U.S. The next year he left.") == [
        "He moved to the U.S.",
        "The next year he left.",
    ]


def test_list_numbers_are_left_out_of_the_sentence() -> None:
    assert _split("  1. In 2006, ICE convinced the city to sign up.") == [
        "In 2006, ICE convinced the city to sign up."
    ]


def test_heading_without_full_stop_is_one_span() -> None:
    assert _split("Boston Part Of Immigration Program") == ["Boston Part Of Immigration Program"]
