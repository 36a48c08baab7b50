"""The word splitters that work on bytes give exactly the words their patterns define."""

from __future__ import annotations

import random
import re

import pytest

from claimledger.extract.cues import LETTER_RUN, WordGate, letter_runs, words
from claimledger.extract.quantities import find_quantities

# The definitions the fast splitters must agree with.
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _words_by_pattern(text: str) -> list[str]:
    return _TOKEN.findall(text.replace("’", "'").lower())


ODD = [
    "It’s the mayor’s plan, and it's ‘final’.",
    "ROCK'N'ROLL and 'quoted' words' ends",
    "İSTANBUL and the \u212aelvin sign lower-case to ASCII letters",
    "Café, naïve, STRASSE and straße, ſ and ﬁ",
    "Digits ٣ and 3, 12,000 and 4.5%",
    "A lone surrogate \ud800 in the text",
    "“Quoted,” she said — 😀 — tab\there",
    "",
]


@pytest.mark.parametrize("text", ODD)
def test_words_are_the_token_patterns_words(text: str) -> None:
    assert words(text) == _words_by_pattern(text)


@pytest.mark.parametrize("text", ODD)
def test_letter_runs_are_the_letter_patterns_words(text: str) -> None:
    assert letter_runs(text) == LETTER_RUN.findall(text.lower())


def test_the_splitters_agree_with_the_patterns_on_random_text() -> None:
    alphabet = [*"abcXYZ019 '’.,-é\u0130\u212a\u0660\ud800“”ſßﬁ\tK", "😀"]
    rnd = random.Random(14)
    gate = WordGate(frozenset(["abc", "k", "i", "ss", "fi", "x"]))
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        assert words(text) == _words_by_pattern(text), text
        assert letter_runs(text) == LETTER_RUN.findall(text.lower()), text
        found = set(LETTER_RUN.findall(text.lower()))
        assert gate.found(text) == {"abc", "k", "i", "ss", "fi", "x"} & found, text


def test_the_gate_finds_whole_words_only() -> None:
    gate = WordGate(frozenset(["sign", "inbox"]))
    assert gate.found("SIGN up: it lands in your Inbox") == {"sign", "inbox"}
    assert gate.found("The signal reached the inboxes") == set()


def test_a_digit_given_or_read_gives_the_same_quantities() -> None:
    text = "More than 1,200 people, about a third of them children, were held in 2019."
    read = find_quantities(text, tokens=words(text))
    assert read and read == find_quantities(text, tokens=words(text), has_digit=True)
