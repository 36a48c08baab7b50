"""Cues that let the finder read claims liberally, as the guidelines do: each must match what it
is for and must not match the look-alikes (made-up sentences only)."""

from __future__ import annotations

import pytest

from claimledger.extract import extract_claims
from claimledger.extract.cues import words
from claimledger.extract.worthiness import (
    anchored,
    cue_hits,
    first_person_act,
    objection,
)


def _hits(sentence: str) -> dict[str, int]:
    return cue_hits(words(sentence))


def _anchored(sentence: str) -> bool:
    return anchored(0, False, False, _hits(sentence), sentence)


def _objection(sentence: str) -> str | None:
    return objection(sentence, words(sentence), _hits(sentence), 0, False)


@pytest.mark.parametrize(
    ("sentence", "acts"),
    [
        ("I walked back to the station and waited for the last train.", True),
        ("And I then phoned the county clerk twice.", True),
        ("I had already paid the fine by the time the letter came.", True),
        # a thought, a feeling or a wish is no act
        ("I wondered whether the mayor had read the report.", False),
        ("I thought the hearing went badly.", False),
        ("I hoped the bus would come.", False),
        # an opinion's "we" is as often a whole trade or a people
        ("We lost sight of what the service was for.", False),
        # a state, not an act
        ("I was a member of the board for two years.", False),
    ],
)
def test_the_writers_own_act(sentence: str, acts: bool) -> None:
    assert first_person_act(sentence) is acts


def test_the_writers_own_act_told_is_a_claim() -> None:
    sentence = "I walked back to the station and waited for the last train."
    assert [c.quote for c in extract_claims(sentence)] == [sentence]
    assert _anchored(sentence)


def test_a_thought_of_the_writers_is_not_a_claim() -> None:
    assert extract_claims("I wondered whether the mayor had ever read it.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The bar association is concerned the new rules would slow every appeal.",
        "The tenants' union is adamant that the landlord broke the lease.",
        "Council members were confident the budget would pass this week.",
    ],
)
def test_a_position_reported_is_speech_not_a_feeling(sentence: str) -> None:
    assert "position" in _hits(sentence)
    assert _objection(sentence) is None
    assert _anchored(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor was concerned about the weather.",
        "She seemed worried.",
        "The staff were confident and relaxed before the match.",
    ],
)
def test_a_feeling_is_no_position(sentence: str) -> None:
    assert "position" not in _hits(sentence)


def test_a_feeling_still_objects() -> None:
    assert _objection("The mayor was concerned about the weather.") == "a feeling"


@pytest.mark.parametrize(
    "sentence",
    [
        "Recent surveys suggest most tenants never read the lease.",
        "The census indicates the town has shrunk.",
        "Studies show the drug lowers blood pressure in older patients.",
    ],
)
def test_a_named_kind_of_evidence_anchors_what_follows(sentence: str) -> None:
    assert "evidential" in _hits(sentence)
    assert _anchored(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The report was long and dull.",
        "They show up late to every meeting.",
        "Tests are stressful for children.",
    ],
)
def test_evidence_words_alone_are_no_evidence(sentence: str) -> None:
    assert "evidential" not in _hits(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said the bridge would reopen in the spring.",
        "Union lawyers described the contract as binding on both sides.",
    ],
)
def test_speech_with_no_named_speaker_anchors_it(sentence: str) -> None:
    assert _anchored(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We are told the new scheme is working.",
        "Again and again we were told that the plant would stay open.",
        "Officials said the plan was a disaster.",  # a verdict, whoever says it
    ],
)
def test_speech_from_no_one_or_a_verdict_anchors_nothing(sentence: str) -> None:
    assert not _anchored(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The county's budget office sent a memo justifying the higher fare:",
        "One rider, Ana Ruiz, wrote that the new timetable already skips three stops:",
    ],
)
def test_a_whole_sentence_leading_in_with_a_colon_is_a_sentence(sentence: str) -> None:
    assert _objection(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Related:",
        "Here is what we know so far:",  # too short to say anything
        "Here are the seven changes the transit board made to the plan:",  # a pointer
        "In a long interview, the new mayor of Springfield also said:",  # only points ahead
        "The final standings of the twelve teams were as follows:",
        "What The New Budget Means For Riders In Every District:",  # a heading
    ],
)
def test_a_label_or_an_empty_lead_in_stays_a_fragment(sentence: str) -> None:
    assert _objection(sentence) == "fragment"


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of stations open at night will be cut to four.",
        "These standards will guide every new contract the county signs.",
    ],
)
def test_what_will_happen_stated_as_fact_anchors_it(sentence: str) -> None:
    assert _anchored(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "This will be a disaster for riders.",  # a verdict
        "The new line might open next year.",  # a guess
    ],
)
def test_a_prediction_that_is_a_verdict_or_a_guess_anchors_nothing(sentence: str) -> None:
    assert not _anchored(sentence)


def test_seems_to_hedges_a_finding_and_is_no_feeling() -> None:
    assert _objection("The new drug also seems to lower blood pressure in mice.") is None
    assert _objection("The new commissioner seemed tired after the hearing.") == "a feeling"


@pytest.mark.parametrize(
    ("sentence", "acts"),
    [
        ("I was standing by the ticket machine when the guard waved.", True),
        ("I drove back to the depot after the shift.", True),
        ("I was thinking about the fare rise all week.", False),
        ("I was going to complain, but did not.", False),
    ],
)
def test_the_writers_act_in_progress_or_an_irregular_past(sentence: str, acts: bool) -> None:
    assert first_person_act(sentence) is acts


@pytest.mark.parametrize(
    "sentence",
    [
        "A new poll by the regional paper indicates voters are drifting away.",
        "The latest figures from the ministry show a fall in arrests.",
    ],
)
def test_evidence_and_what_it_says_apart_still_anchor(sentence: str) -> None:
    assert "evidential" in _hits(sentence)


def test_evidence_without_what_it_says_is_no_evidence() -> None:
    assert "evidential" not in _hits("The poll was taken on a rainy day.")


def test_critical_of_reports_a_criticism_and_gives_no_verdict() -> None:
    assert "value" not in _hits("The mayor was critical of the plan during her campaign.")
    assert "value" in _hits("The plan is critical for the city.")


def test_an_identification_does_not_start_at_an_opening_phrase() -> None:
    sentence = "In an interview with the Daily Ledger, Ruiz was quoted calling the plan a failure."
    assert _objection(sentence) != "who someone is"
    assert _objection("Dana Reyes is an economist at the Harbor Policy Institute.") == (
        "who someone is"
    )


@pytest.mark.parametrize(
    ("sentence", "indirect"),
    [
        ("He said that tour companies are strict on what visitors bring ashore.", True),
        ("The agency confirmed that the plant closed in March.", True),
        ("She told reporters that the budget was cut.", False),  # the clause not right after
        ("He said the plant closed in March.", False),  # no "that": counted as reported only
        ("That said, the plant stayed open.", False),
    ],
)
def test_indirect_speech_is_a_clause_after_a_speech_verb(sentence: str, indirect: bool) -> None:
    assert ("indirect" in _hits(sentence)) is indirect


def test_a_speakers_clause_in_the_reporters_words_counts_more_than_a_bare_report() -> None:
    """Attributed speech told as a clause ("He said that ...") is kept; the same sentence with
    nothing reported is not."""
    text = (
        "Ann Lee runs the harbour office in Port Lockroy. "
        "She said that tour companies are very strict on what visitors bring on their journey."
    )
    found = [c.quote for c in extract_claims(text)]
    assert any(q.startswith("She said that tour companies") for q in found)
    plain = (
        "Ann Lee runs the harbour office. Tour companies are very strict on what visitors bring."
    )
    assert not any(c.quote.startswith("Tour companies") for c in extract_claims(plain))
