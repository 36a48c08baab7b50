"""The table of the writer's stance: each group counted where it must be, and what it reads."""

from __future__ import annotations

import pytest

from claimledger.extract.cues import words
from claimledger.extract.stance import STANCE_CUES, STANCE_WORDS, VOICE_WORDS
from claimledger.extract.worthiness import (
    _names_a_date,
    anchored,
    cue_hits,
    first_word_names,
    names_actor_acting,
    score_sentence,
)


def _hits(sentence: str) -> dict[str, int]:
    return cue_hits(words(sentence))


def test_a_word_stands_in_one_group_only() -> None:
    seen = [w for group in STANCE_WORDS for w in (*group.words, *group.phrases)]
    assert len(seen) == len(set(seen))


def test_every_group_is_counted_by_some_reading() -> None:
    assert all(g.voice or g.verdict or g.maybe for g in STANCE_WORDS)


def test_the_voice_hears_the_first_person_and_the_reader_addressed() -> None:
    assert {"i", "we", "should", "you", "apparently"} <= VOICE_WORDS
    assert "said" not in VOICE_WORDS


@pytest.mark.parametrize(
    "sentence",
    [
        "This is Ayn Rand's brutal, irrational and primitive philosophy in its purest form.",
        "The company's strategy is an obvious failure.",
        "It's important that the council listens.",
        "The plan is apparently the mayor's own.",
    ],
)
def test_a_verdict_is_read(sentence: str) -> None:
    assert _hits(sentence).get("verdict", 0)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council voted 7-2 on Tuesday to cut 12 bus routes.",
        "Uber raised prices during the siege.",
        "The court found the company had broken the law.",
    ],
)
def test_a_fact_told_plainly_has_no_verdict(sentence: str) -> None:
    assert not _hits(sentence).get("verdict", 0)


def test_a_maybe_is_read_apart_from_a_verdict() -> None:
    hits = _hits("Those surges would be replaced by surge pricing.")
    assert hits.get("maybe", 0) and not hits.get("verdict", 0)
    assert set(STANCE_CUES) == {"voice", "verdict", "maybe"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Uber stepped in and tweeted an announcement.",
        "Uber unilaterally slashes drivers' rates, while claiming they don't need to unionize.",
        "Uber has deliberately ignored city regulators.",
        "Stack Overflow also measured the demand.",
        "It monitors and controls its drivers.",
        "And it has demonstrated its willingness to ignore rules.",
    ],
)
def test_an_actor_acting(sentence: str) -> None:
    assert names_actor_acting(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Uber is a taxi company, and nothing more.",
        "This is a top-down economy, not a shared one.",
        "The invisible costs of ventures like Uber are extracted over time.",
        "It is a peer-to-peer economy.",
        "Regulations exist for a reason.",  # a common noun in the plural, then a state
    ],
)
def test_no_actor_acting(sentence: str) -> None:
    assert not names_actor_acting(sentence)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Uber had an interesting response.", True),
        ("Prosecutors say the company lied.", True),
        ("The company lied.", False),
        ("However, the company lied.", False),
        ("it lied.", False),
    ],
)
def test_the_first_word_names_someone(sentence: str, names: bool) -> None:
    assert first_word_names(sentence) is names


def _anchored(sentence: str) -> bool:
    return anchored(0, False, False, _hits(sentence), sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Uber had an interesting, if predictable, response to the panic: It raised prices.",
        "As one reporter noted, Uber has deliberately ignored city regulators and their inadequate "
        "rules.",  # a verdict word, but the act is the sentence's subject and verb
        "Middle-class workers are underpaid, as Uber's drivers reportedly are.",
    ],
)
def test_an_act_or_hearsay_anchors_a_sentence(sentence: str) -> None:
    assert _anchored(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "This is Ayn Rand's brutal, irrational and primitive philosophy in its purest form.",
        "But in the world Uber seeks to create, those surges would be replaced by surge pricing.",
        "Either way, it's important that Uber's worldview not be allowed to disrupt our economy.",
        # hearsay with no source: the writer's "we are told"
        "Instead, we are told that Uber's pricing surge was its expression of concern.",
    ],
)
def test_a_verdict_or_a_maybe_anchors_nothing(sentence: str) -> None:
    assert not _anchored(sentence)


def test_what_a_rule_would_do_is_anchored_in_opinion() -> None:
    assert _anchored("That would prevent access to the metadata without a judicial warrant.")


def test_the_modal_may_is_no_month_but_may_capitalised_is() -> None:
    def score(sentence: str) -> float:
        return score_sentence(sentence, n_quantities=0, has_period=False, attributed=False)

    modal = "The agency lost any legitimacy it may once have had in the county."
    plain = "The agency lost any legitimacy it once had in the county."
    assert score(modal) == score(plain)
    assert score("The program will run through May.") > score("The program will run through it.")
    assert _anchored("The program will run through May.")


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("March was the wettest month on record in the county.", True),
        ("The council voted in August to close the depot.", True),
        ("Protesters will march to the depot on the hill.", False),
        ("Members of that august body rejected the plan.", False),
        ("May I ask what the council decided about the depot?", False),
    ],
)
def test_a_month_that_is_also_a_word(sentence: str, dated: bool) -> None:
    assert _names_a_date(sentence, _hits(sentence)) is dated
