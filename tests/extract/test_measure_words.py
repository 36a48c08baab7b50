"""The table of words that name one measure, and what the conflict finder makes of it."""

from __future__ import annotations

import pytest

from claimledger.extract.measure_words import SAME_MEASURE, same_measure_word
from claimledger.extract.stems import stem
from claimledger.ledger.conflict_rules import Figures, find_conflict


def test_every_word_names_one_measure_only() -> None:
    seen: dict[str, str] = {}
    for name, words in SAME_MEASURE:
        for word in words:
            assert seen.setdefault(stem(word), name) == name, word
    assert same_measure_word(stem("shuttered")) == "=close"
    assert same_measure_word(stem("axed")) == same_measure_word(stem("slashed")) == "=job-cut"
    assert same_measure_word("library") == "library"  # a word the table does not hold


def _figures(n: int, quote: str) -> Figures:
    """The sentence's first number and the word after it, as the finder reads a count or a share."""
    words = quote.split()
    at = next(i for i, w in enumerate(words) if w.isdigit())
    figure, value = f"{words[at]} {words[at + 1]}", int(words[at])
    if words[at + 1] == "percent":
        q: dict[str, object] = {"text": figure, "kind": "percent", "value": value}
    else:
        q = {"text": figure, "kind": "count", "value": value, "unit": words[at + 1]}
    return Figures(n, quote, [{**q, "bound": "exact"}], "2025-05-01", "2025-05-31")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("The firm cut 240 jobs at its Brixham plant.", "The firm axed 410 jobs at its Brixham plant."),
        ("The council closed 12 libraries in the county.", "The council shut 19 libraries in the county."),
        ("In the valley 14 people died in the flood.", "In the valley 30 people were killed in the flood."),
        ("Police arrested 45 protesters outside the embassy.", "Police detained 80 protesters outside the embassy."),
        ("The district hired 60 teachers for the new school.", "The district recruited 95 teachers for the new school."),
        ("The firm laid off 240 workers at its Brixham plant.", "The firm laid off 410 employees at its Brixham plant."),
    ],
)  # fmt: skip
def test_one_measure_in_other_words_conflicts(one: str, other: str) -> None:
    assert find_conflict(_figures(1, one), _figures(2, other)) is not None


@pytest.mark.parametrize(
    ("one", "other"),
    [  # two measures: the table must not join them
        ("In the valley 14 people died in the storm.", "In the valley 30 people were injured in the storm."),
        ("Police arrested 45 protesters outside the embassy.", "Police deported 80 protesters outside the embassy."),
        ("Prices rose 5 percent in the city.", "Prices fell 7 percent in the city."),
        ("The firm hired 60 workers at the plant.", "The firm cut 95 workers at the plant."),
        ("The council closed 12 libraries in the county.", "The council built 19 libraries in the county."),
    ],
)  # fmt: skip
def test_two_measures_in_the_table_stay_apart(one: str, other: str) -> None:
    assert find_conflict(_figures(1, one), _figures(2, other)) is None


def test_without_the_table_the_pairs_read_as_two_measures(monkeypatch: pytest.MonkeyPatch) -> None:
    """The table is what joins them: with it emptied, "closed" and "shut" are two measures."""
    import claimledger.ledger.conflict_rules as rules

    one = "The council closed 12 libraries in the county."
    other = "The council shut 19 libraries in the county."
    monkeypatch.setattr(rules, "same_measure_word", lambda word: word)
    assert find_conflict(_figures(1, one), _figures(2, other)) is None


def test_one_event_named_in_any_order_conflicts_when_both_name_the_place() -> None:
    arrested = "Police said 14 people were arrested after the clashes outside Harwick Stadium."
    detained = "Officers detained 23 people following the clashes outside Harwick Stadium."
    assert find_conflict(_figures(1, arrested), _figures(2, detained)) is not None
    elsewhere = "Officers detained 23 people following the clashes outside Marlow Stadium."
    assert find_conflict(_figures(1, arrested), _figures(2, elsewhere)) is None


@pytest.mark.parametrize(
    ("one", "other"),
    [  # order-free only with a name both give: without one, these met
        ("The challenger won 44 percent of the vote in the first round.", "The challenger won 53 percent of the vote in the runoff."),
        ("The medical school admitted 310 students in 2023.", "The university admitted 6800 students in 2023."),
        ("At Harwick 14 people were arrested after the match.", "At Harwick 23 people were injured after the match."),
    ],
)  # fmt: skip
def test_order_free_reading_needs_a_shared_name_and_one_event(one: str, other: str) -> None:
    assert find_conflict(_figures(1, one), _figures(2, other)) is None
