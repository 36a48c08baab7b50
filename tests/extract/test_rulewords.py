"""The one table of words about rules: each reading counts what it must and leaves what it must."""

from __future__ import annotations

import pytest

from claimledger.extract.cues import words
from claimledger.extract.rulewords import RULE_CUES, RULE_WORDS
from claimledger.extract.worthiness import claim_type, cue_hits


def _hits(sentence: str) -> dict[str, int]:
    return cue_hits(words(sentence))


def test_a_word_stands_in_one_group_only() -> None:
    seen = [w for group in RULE_WORDS for w in group.words]
    assert len(seen) == len(set(seen))


def test_every_group_is_counted_by_some_reading() -> None:
    assert all(g.rules or g.rule_type or g.policy_noun for g in RULE_WORDS)


@pytest.mark.parametrize(
    "sentence",
    [
        "The law requires a warrant before an arrest.",
        "The ordinance bans parking on Main Street.",
        "The city's policy is mandatory for every agency.",
        "Officials said the detention violated due process.",
    ],
)
def test_a_rule_named_counts_for_the_score_and_the_type(sentence: str) -> None:
    hits = _hits(sentence)
    assert hits.get("rules", 0) and hits.get("rule_type", 0)


@pytest.mark.parametrize(
    "sentence",
    [
        "The judge heard arguments in court on Tuesday.",
        "He entered the country illegally in 2004.",
        "The program enrolled 300 students.",
    ],
)
def test_words_near_rules_count_for_the_score_not_the_type(sentence: str) -> None:
    hits = _hits(sentence)
    assert hits.get("rules", 0) and not hits.get("rule_type", 0)


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents over 65 are eligible for the rebate.",
        "Tenants are not allowed to sublet their flats.",
        "The agency's procedures say nothing about it.",
        # what a rule permits, forbids, entitles or advises
        "Drivers are not permitted to park on the bridge.",
        "The treaty forbids testing of such weapons.",
        "Tenants are entitled to a refund within 30 days.",
        "Parents have been advised to avoid giving peanuts to babies.",
        "Officers are barred from carrying the devices at schools.",
    ],
)
def test_a_rules_terms_count_for_the_type_not_the_score(sentence: str) -> None:
    hits = _hits(sentence)
    assert hits.get("rule_type", 0) and not hits.get("rules", 0)


def test_policy_words_make_will_a_commitment() -> None:
    assert _hits("Agents will use discretion in every case.").get("policy_noun") == 1
    assert "rule_type" not in _hits("Agents will use discretion in every case.")
    assert claim_type("Its agents will use discretion to deport only serious offenders.") == "rules"


@pytest.mark.parametrize(
    "sentence",
    [
        "The council will vote on the stadium next week.",
        "Ridership fell after the station closed.",
        "Sales of electric cars doubled last year.",
        "The bar's owner said 40 people came to the show.",  # "bar" alone is no rule
    ],
)
def test_no_rule_word_in_a_sentence_about_something_else(sentence: str) -> None:
    hits = _hits(sentence)
    assert not any(hits.get(reading, 0) for reading in RULE_CUES)


def test_law_enforcement_is_no_law() -> None:
    sentence = "Law enforcement officers arrested two men at the border."
    assert _hits(sentence).get("not_rule") == 1
    assert claim_type(sentence) != "rules"


def test_a_law_named_makes_a_rule_and_a_court_hearing_does_not() -> None:
    assert claim_type("The law requires landlords to return deposits within 30 days.") != "other"
    assert claim_type("The state law requires landlords to return deposits.") == "rules"
    assert claim_type("The judge heard arguments in court on Tuesday.") != "rules"


def test_advice_to_the_public_is_a_rule() -> None:
    sentence = "Parents have been told for years and advised to avoid giving peanuts to babies."
    assert claim_type(sentence) == "rules"
