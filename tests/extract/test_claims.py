"""What is a claim, who made it, and the two claims the product must always find."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.documents import read_document
from claimledger.extract import (
    ExtractedClaim,
    claim_fingerprint,
    claim_similarity,
    extract_claims,
)
from claimledger.extract.speakers import SpeakerTracker

SOURCES = Path(__file__).resolve().parents[2] / "sources"


def _claims(text: str, **kw: str) -> list[ExtractedClaim]:
    return extract_claims(text, **kw)


def _only(text: str, **kw: str) -> ExtractedClaim:
    found = _claims(text, **kw)
    assert len(found) == 1, [c.quote for c in found]
    return found[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "The city cut 12 bus routes in March, the transit authority said.",
        "USCIS, which was established in 2003, processes residency applications.",
        "A federal judge granted a preliminary injunction barring civil arrests at courthouses.",
        "Massachusetts is the only state that requires the permit.",
        "Unemployment fell to 4.1 percent in June, according to the Labor Department.",
        "Cities named in the report were Denver, Tucson, Omaha and Boise.",
        "According to the Transit Workers Union, the layoffs were no accident.",
        "The mayor wouldn’t confirm whether the department is taking part, the paper reported.",
        # saying a statement is false, or that something never happened, is a claim to check
        "As it turned out, that was false.",
        "But once again, the audit is not happening.",
        "There has been no economic recovery in the county’s rural towns.",
        # a procedure told as a condition and its certain consequence
        "If a driver fails the test twice, they’ll lose the permit for a year.",
        # reported speech, when the speaker is a group and not a named person
        "Union lawyers told the court the layoffs broke the contract.",
        # "you" in an explainer states a rule, it does not address the reader's feelings
        "If you earn under $40,000, you qualify for the credit.",
    ],
)
def test_checkable_statements_are_claims(sentence: str) -> None:
    assert [c.quote for c in _claims(sentence)] == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        # an opinion word beside an act reported as not done, an act told, or a superlative
        "Governor Ann Lee did not address the report but said the agency should hire inspectors.",
        "The mayor believes the council should act and has filed a bill to cap rents.",
        "Now, Ohio is the only state that gives renters this protection, which they rightly "
        "deserve, Reyes said.",
        # a quotation stating a fact with no number: not new, no longer, saves, relies on
        "“This is not a new practice,” Reyes said.",
        "The county no longer inspects the Main Street bridges.",
        "“This contract saves taxpayers money.”",
        "And it relies on volunteers.",
        "“We followed the advice of our attorneys every step of the way,” Brooks said.",
        # "important" and "interesting" as plain words, with no musing frame
        "The bridge is an important route for 40,000 commuters a day, the county said.",
        "The council found it interesting enough to fund a $2 million study in 2023.",
        # "may" with a figure and a source, and May the month
        "The drug may cause liver damage in 3 percent of patients, the FDA said.",
        "In May the council cut 12 bus routes across the city.",
        # a verdict inside a quotation is the speaker's: what they called it is a fact told
        "Coach Ann Lee was much less diplomatic, going so far as to call the play “ridiculous.”",
        "On housing, Mayor Ruiz said the tenants’ concerns were “legitimate and deserve attention” "
        "but insisted rents had fallen.",
        "The mayor called the plan “a disgrace” at a council meeting on Tuesday.",
        # "may" in a relative clause: the main clause is told as fact
        "Officials are worried about the number of militants who may have joined the group, the "
        "ministry said on Tuesday.",
    ],
)
def test_facts_beside_opinion_and_quoted_facts_are_claims(sentence: str) -> None:
    assert [c.quote for c in _claims(sentence)] == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "I think the council should be ashamed of itself.",
        "Why can’t they just follow the law?",
        "Please dig deep and support our work today.",
        "It is time for Congress to take control back from this rogue agency.",
        "“This is good law enforcement,” Vaughan said.",
        "Don’t be fooled.",
        "The program is called Secure Communities",
        "The new agency is known as the Bureau of Transit Safety.",
        "It is a sad day for everyone who lost heat in the middle of winter.",
        "City Council Votes To Cut Bus Routes Across Three Districts",
        "If the council won’t act, it’s time for the state to take over this failing agency.",
        "Dana Reyes is an economist at the Harbor Policy Institute.",
        "She’s a lawyer for the Tenants Union of Ohio.",
        "“Cutting these routes will hurt the people who need buses most,” Reyes said.",
        # guesses, however specific
        "If fares rise again, riders might abandon the Route 9 bus for good.",
        "It’s very possible that some of the Springfield routes could come back in the fall.",
        # who someone is
        "Dana Reyes heads the Springfield Transit Riders Union.",
        # a false hope is a feeling, not a statement said to be false
        "They sold false hope to the riders of Springfield.",
        "You need to call your senator today.",
        "You deserve better than this.",
        "Subscribe to the Harbor Business Journal for $1 a week.",
        "There was no doubt in my mind that we had to act.",
        # the writer's own verdict, outside the quotation, still counts
        "This shameful plan, which the mayor called “a quick fix,” must be stopped.",
        # a verdict in scare quotes, no one's speech reported: still the writer's
        "Look at what you want to buy, go through your “should I buy this?” test, and wait.",
        # a stance reported is no act
        "Dana Reyes also supports the Main Street plan.",
        # "elected" describes the officials: no act told beside the opinion
        "“And riders deserve elected officials they can trust.”",
        # the writer musing or weighing aloud
        "I wonder how many of these skills are no longer listed on the board.",
        "It would be interesting to know what the council means by affordable housing.",
        "It’s important to consider the biases of the Springfield survey.",
        # a claim dismissed, an impression given, a wish
        "Claims that the new tax is needed do not stand up.",
        "The mayor's statement made it sound as if the council, rather than the state, cut the routes.",
        "The rules would ideally be amended in this session of the Springfield council.",
        # "may" before a verb: a possibility, with nothing to check it by
        "Magic mushrooms may give users trippy experiences by creating a hyperconnected brain.",
        "But a groundbreaking new study may offer a way to stem that rise.",
    ],
)
def test_opinion_questions_and_calls_to_action_are_not(sentence: str) -> None:
    assert _claims(sentence) == []


def test_every_quote_is_the_exact_text_at_its_offsets() -> None:
    for path in sorted(SOURCES.glob("*.txt")):
        doc = read_document(path)
        for c in _claims(
            doc.text, published=doc.meta.published or "", outlet=doc.meta.outlet or ""
        ):
            assert doc.text[c.start : c.end] == c.quote
            assert 0 <= c.score <= 1


def test_speaker_from_said_after_a_quote() -> None:
    text = (
        "Sarah Pierce is an analyst at the Migration Policy Institute.\n\n"
        "“USCIS was established in 2003 and now runs enforcement,” Pierce said.\n"
    )
    assert _only(text).speaker == "Sarah Pierce"


def test_speaker_from_said_name_title() -> None:
    text = "Deportations rose by 12 percent in 2017, said Sarah Pierce, an immigration attorney.\n"
    assert _only(text).speaker == "Sarah Pierce"


def test_speaker_from_according_to() -> None:
    text = "Jim Martin runs the office.\n\nAccording to Martin, Boston shares 2,013 fingerprints a year with ICE.\n"
    assert _only(text).speaker == "Jim Martin"


def test_speaker_from_name_says() -> None:
    text = (
        "Jim Martin runs the office.\n\nMartin says ICE deported 102 people from Boston in 2009.\n"
    )
    assert _only(text).speaker == "Jim Martin"


@pytest.mark.parametrize("pronoun", ["We’re", "We're", "They’ve", "I’m"])
def test_a_pronoun_with_its_verb_run_in_is_no_speaker(pronoun: str) -> None:
    tracker = SpeakerTracker(None)
    sentence = f"{pronoun} told that companies reveal their true character in 2019 crises."
    assert tracker.attribution(sentence) is None


def test_speaker_carries_over_a_quote_spanning_sentences() -> None:
    text = "“We deported 400 people in 2019. We arrested 250 more in 2020,” said Todd Lyons, the director.\n"
    assert {c.speaker for c in _claims(text)} == {"Todd Lyons"}


def test_the_outlet_speaks_in_its_own_voice() -> None:
    c = _only("The council cut 12 bus routes in March 2021.", outlet="City Paper")
    assert c.speaker == "City Paper"


def test_types() -> None:
    assert _only("The council cut 12 bus routes in 2021.").type == "quantity"
    assert _only("The judge ruled that the 2019 ordinance violates state law.").type == "rules"
    assert (
        _only("Ridership fell in 2021 because the city closed the Main Street station.").type
        == "correlation_causation"
    )


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The council will vote on the transit budget in March 2025.", "prediction"),
        ("The mayor said in 2019 that the city would review every contract.", "other"),
        ("The program started in Boston in 2008 and spread to Chicago.", "other"),
        ("State law requires a permit for every rally held in Boston since 2015.", "rules"),
        # a past event that mentions a rule is an event ...
        ("The county negotiated a memorandum with the sheriff in March 2019.", "other"),
        ("The judge ruled in 2019 that the ordinance violates state law.", "rules"),  # ... unless
        # how a procedure works, whenever its condition is met
        ("When Boston police arrest someone, they send the fingerprints to the FBI.", "rules"),
        ("When the storm arrived in 2019, the city closed 40 schools.", "quantity"),
        ("When the council voted in 2019, it rejected the Main Street plan.", "other"),
    ],
)
def test_the_type_follows_what_the_claim_is_about(sentence: str, kind: str) -> None:
    assert _only(sentence).type == kind


def test_a_repeated_sentence_is_one_claim_with_two_anchors() -> None:
    fact = "Between October of 2008 and June of this year, 102 people were deported."
    text = f"{fact}\n\nOther news came in 2009 when the mayor resigned.\n\n{fact}\n"
    claims = [c for c in _claims(text, published="2010-08-05") if "102" in c.quote]
    assert len(claims) == 1
    assert claims[0].anchors == ((text.rindex(fact), text.rindex(fact) + len(fact)),)


def _shipped(name: str) -> list[ExtractedClaim]:
    doc = read_document(SOURCES / name)
    return _claims(doc.text, published=doc.meta.published or "", outlet=doc.meta.outlet or "")


def test_finds_the_aclu_claim_with_its_proportion() -> None:
    claims = _shipped("2011-11-30-aclu-ices-mess-in-massachusetts.txt")
    [c] = [
        c
        for c in claims
        if "more than half of those picked up in Boston had no criminal convictions" in c.quote
    ]
    [q] = c.quantities
    assert (q.kind, q.value, q.bound) == ("proportion", 0.5, "more_than")


def test_finds_the_wbur_claim_with_its_period() -> None:
    claims = _shipped("2010-08-05-wbur-secure-communities-boston.txt")
    [c] = [c for c in claims if "102 people were deported" in c.quote]
    assert c.period is not None and (c.period.start, c.period.end) == ("2008-10-01", "2010-06-30")
    assert [q.value for q in c.quantities] == [102]
    assert len(c.anchors) == 1  # printed again as the graphic's caption


def test_no_claims_from_the_shipped_pages_furniture() -> None:
    furniture = [
        ("2010-08-05-wbur-secure-communities-boston.txt", "2,013 fingerprints were flagged"),
        (
            "2020-02-15-commonwealth-ice-reinforcements-boston.txt",
            "Investigative Reporters and Editors Award",
        ),
        ("2018-08-truthout-uscis-conspiring-with-ice.txt", "four years"),
        ("2018-08-14-boston-globe-ice-uscis-interviews.txt", "can be reached at"),
        ("2011-11-30-aclu-ices-mess-in-massachusetts.txt", "Sign up for breaking news"),
    ]
    for name, phrase in furniture:
        assert not any(phrase in c.quote for c in _shipped(name)), name


def test_same_claim_in_two_articles_is_similar_and_others_are_not() -> None:
    a = "“Boston was actually part of a pilot back in 2006 that first tested interoperability,” Martin says."
    b = "In 2006, ICE convinced the city of Boston to sign up as an S-Comm pilot project."
    c = "The man was in the building for a scheduled visit with USCIS officials."
    assert claim_similarity(a, b) >= 0.45
    assert claim_similarity(a, c) < 0.45
    assert claim_fingerprint("The city cut 12 routes.") == claim_fingerprint(
        "the CITY cut 12 routes"
    )


def test_a_guess_in_a_clause_about_who_qualifies_is_still_a_claim() -> None:
    sentence = "The agency sent the police a list of drivers who might lose their permits in 2024."
    assert [c.quote for c in _claims(sentence)] == [sentence]


def test_speaker_before_an_auxiliary_verb() -> None:
    text = (
        "Mayor Alicia Gomez asked for the increase.\n\n"
        "Gomez had argued that the transit system faces a $12 million shortfall in 2025.\n"
    )
    claims = _claims(text, outlet="City Paper")
    assert [c.speaker for c in claims if c.quote.startswith("Gomez")] == ["Alicia Gomez"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Mayor Dana Reyes did not address the audit but said the city cut 12 routes in 2021.",
            "Dana Reyes",
        ),
        (
            "Transit Chief Omar Haddad declined to comment and said the figures for 2022 were "
            "not final.",
            "Omar Haddad",
        ),
        (
            "Transit director Owen Marsh did not attend the hearing but said 12 routes would "
            "close in 2024.",
            "Owen Marsh",
        ),
        # a one-word subject may be a place ("Boston police ... and said"): the paper speaks
        (
            "Springfield police arrested 12 people in 2023 and said more arrests would follow.",
            "City Paper",
        ),
    ],
)
def test_speaker_of_a_said_after_another_verb(sentence: str, speaker: str) -> None:
    assert _only(sentence, outlet="City Paper").speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Harbor Authority spokeswoman Dana Reyes said the port handled 3 million tons in 2022.",
            "Dana Reyes",
        ),
        (
            "Omar Haddad, director of research at the Tax Policy Center, which studies budgets, "
            "said the deficit doubled in 2020.",
            "Omar Haddad",
        ),
        (
            "Kent County Sheriff Paul Moreno said deputies made 40 arrests in March.",
            "Paul Moreno",
        ),
        (
            "Lena Ortiz, the acting field office director, issued a statement saying the agency "
            "deported 300 people in 2019.",
            "Lena Ortiz",
        ),
        ("The FAA chief Mark Dahl told reporters that 12 airports closed in 2021.", "Mark Dahl"),
        ("“Fares rose 12 percent in 2023,” commission chair Laura Bentley said.", "Laura Bentley"),
    ],
)
def test_speaker_after_a_job_title_or_an_appositive(sentence: str, speaker: str) -> None:
    assert _only(sentence, outlet="City Paper").speaker == speaker


def test_the_headline_and_byline_above_the_first_sentence_are_not_claims() -> None:
    text = (
        "City cuts 12 bus routes as ridership falls 30 percent\n\n"
        "By Dana Reyes | March 14, 2023\n\n"
        "The Springfield transit authority cut 12 bus routes on Monday.\n"
    )
    assert [c.quote for c in _claims(text, published="2023-03-14")] == [
        "The Springfield transit authority cut 12 bus routes on Monday."
    ]


def test_he_or_she_is_the_person_the_last_sentence_was_about() -> None:
    text = (
        "“Buses are late every day,” said Omar Haddad, a driver.\n\n"
        "State Senator Dana Reyes, who chairs the transport committee, defended the cuts.\n\n"
        "She said the city saved $4 million in 2021 by closing 12 routes.\n"
    )
    claims = {c.quote[:3]: c.speaker for c in _claims(text, outlet="City Paper")}
    assert claims["She"] == "Dana Reyes"


def test_an_organisation_at_the_start_is_not_he_or_she() -> None:
    text = (
        "“Routes were cut in 2021,” said Omar Haddad, a driver.\n\n"
        "Springfield Transit Authority ended 12 routes in 2021.\n\n"
        "He said the city saved $4 million in 2021 by closing them.\n"
    )
    claims = {c.quote[:2]: c.speaker for c in _claims(text, outlet="City Paper")}
    assert claims["He"] == "Omar Haddad"


@pytest.mark.parametrize(
    "sentence",
    [
        "Stack Overflow also measured the demand relative to the developers in different skills.",
        "Mr Ruiz has faced criticism in the city after the council reversed its bus plan.",
    ],
)
def test_an_act_of_someone_named_in_the_past_tense_is_a_claim(sentence: str) -> None:
    assert [c.quote for c in extract_claims(sentence)] == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ann Ruiz seemed tired and worried after the long meeting at the hall.",
        "Ann Ruiz was concerned about the mood of the riders in the city.",
    ],
)
def test_a_past_participle_of_a_feeling_is_no_act(sentence: str) -> None:
    assert extract_claims(sentence) == []


def test_points_listed_under_someones_words_are_sentences() -> None:
    """'The mayor also said:' then a list: each point is a sentence of hers with no full stop;
    the same lines under a label are a list of fragments."""
    point = "Despite the cuts, the transit authority is hiring more drivers"
    page = (
        "The mayor spoke to reporters at City Hall on Tuesday about the budget for next year, "
        "which cuts 12 bus routes and closes two libraries, and about the state's plan to take "
        "over the transit authority if the council cannot agree on its budget by March.\n\n"
        "In a wide-ranging interview, Mayor Ana Ruiz also said:\n\n"
        f"- {point}\n- The council should be ashamed of itself\n\n"
        "She leaves for Ohio on Friday, where she will meet the governor and the state's transit "
        "board to ask for $40 million toward the new bus depot on Main Street.\n\n"
        "The council votes on the budget in March, after three public hearings in the districts "
        "that lose routes, the city clerk said in a statement on Wednesday.\n"
    )
    quotes = [c.quote for c in _claims(page)]
    assert point in quotes
    assert not any("ashamed" in q for q in quotes)  # a verdict stays one
    assert point not in [c.quote for c in _claims(page.replace("Mayor Ana Ruiz also said", "Key"))]
    # captured text loses the markers: short capitalised lines with no full stop, the same
    assert point in [c.quote for c in _claims(page.replace("- ", ""))]
    assert point not in [c.quote for c in _claims(page.replace("- ", "").replace("also said", "x"))]


@pytest.mark.parametrize(
    "sentence",
    [
        # "lessons" and "sound" in passing: the event told is still a claim
        "The council approved the plan after the lessons of 2019 were published.",
        "The report found the alarm did not sound as the water rose in March 2024.",
    ],
)
def test_framing_words_in_passing_leave_a_claim(sentence: str) -> None:
    assert len(_claims(sentence)) == 1
