"""The learned scorer: its shipped weights, its determinism, and what it may take."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from claimledger.extract import read_article
from claimledger.extract.cues import words
from claimledger.extract.learned import (
    Gate,
    LearnedScorer,
    TracedSentence,
    hashed_features,
    shipped_scorer,
)
from claimledger.extract.worthiness import cue_hits, objection


def _traced(sentence: str) -> TracedSentence:
    trace: list[TracedSentence] = []
    read_article(sentence, learned=False, trace=trace)
    assert len(trace) == 1
    return trace[0]


def test_the_shipped_weights_load() -> None:
    scorer = shipped_scorer()
    assert scorer.buckets == 2**14
    assert scorer.gate is Gate.UNOPPOSED
    assert 0 < scorer.threshold < 1
    assert len(scorer.hashed) > 1000 and "rule" in scorer.named


def test_the_weights_file_says_where_it_comes_from() -> None:
    text = resources.files("claimledger.extract").joinpath("data", "scorer.json").read_text()
    data = json.loads(text)
    assert "train_scorer.py" in data["about"]
    assert data["trained_on"]["sentence_readings"] > 1000


def test_weights_survive_a_round_trip() -> None:
    scorer = shipped_scorer()
    assert LearnedScorer.from_dict(json.loads(json.dumps(scorer.to_dict()))) == scorer


def test_word_hashes_are_fixed_across_runs() -> None:
    # CRC-32, not Python's per-process salted hash: these numbers are what the weights index
    assert hashed_features(["uber", "raised", "fares"], 2**14) == [
        2643,
        7950,
        1975,
        9932,
        5790,
        4760,
    ]


def test_inference_is_deterministic() -> None:
    facts = _traced("Volunteers in the study looked at pictures of faces on a screen.").facts
    first = shipped_scorer().probability(facts)
    assert all(shipped_scorer().probability(facts) == first for _ in range(3))
    assert 0.0 < first < 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        # a study's method and a company's self-description: no number, no act word the rules know
        "Volunteers in the study looked at pictures of faces on a screen.",
        "The company has presented itself as a cheaper alternative to the city's taxis.",
    ],
)
def test_it_takes_facts_the_rules_leave(sentence: str) -> None:
    assert read_article(sentence, learned=False).claims == ()
    (claim,) = read_article(sentence).claims
    assert claim.score >= shipped_scorer().threshold


@pytest.mark.parametrize(
    "sentence",
    [
        "Riders are angry about the late buses.",
        "The new fares are unfair to the riders of the east side.",
        "The mayor is a fine man and a good friend.",
        "Is the agency ready for another winter of closures?",
    ],
)
def test_it_leaves_feelings_verdicts_and_questions(sentence: str) -> None:
    assert read_article(sentence).claims == ()


def test_a_rule_claim_keeps_the_rules_score() -> None:
    text = "The city cut 12 bus routes in 2023."
    assert read_article(text).claims == read_article(text, learned=False).claims


def test_the_trace_holds_every_sentence_judged() -> None:
    trace: list[TracedSentence] = []
    text = "The city cut 12 bus routes in 2023. Riders are angry about the late buses. Yes."
    read_article(text, learned=False, trace=trace)
    assert [t.facts.sentence for t in trace] == [
        "The city cut 12 bus routes in 2023.",
        "Riders are angry about the late buses.",
    ]  # "Yes." is too short to judge
    assert trace[0].facts.score >= 0.45 > trace[1].facts.score


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("Dana Reyes heads the Springfield Transit Riders Union", "fragment"),
        ("Why did the council wait so long?", "question or exclamation"),
        ("Call your council member before Friday's vote.", "call to action"),
        ("The new schedule is a disaster for night workers.", "verdict"),
        ("Riders might leave the Route 9 bus next year.", "guess"),
        ("Dana Reyes also supports the Main Street plan.", "stance"),
        ("Jim Martin runs the office.", "who someone is"),
        ("The new agency is known as the Bureau of Transit Safety.", "who someone is"),
        ("Ann Ruiz seemed tired after the long meeting.", "a feeling"),
        ("Ann Ruiz was worried about the riders.", "a feeling"),
        ("Volunteers in the study looked at pictures of faces on a screen.", None),
        ("Jim Martin runs the office with a budget of $4 million.", None),
    ],
)
def test_objection(sentence: str, why: str | None) -> None:
    tokens = words(sentence)
    has_number = "$" in sentence
    assert objection(sentence, tokens, cue_hits(tokens), int(has_number), False) == why
