"""Each type rule: sentences it must read, sentences it must leave; then the order they are tried in."""

from __future__ import annotations

import pytest

from claimledger.extract.claimtypes import TYPE_RULES, Reading, is_perfect, type_of
from claimledger.extract.cues import words
from claimledger.extract.quantities import find_quantities
from claimledger.extract.worthiness import claim_type, cue_hits


def _reading(sentence: str) -> Reading:
    tokens = words(sentence)
    quantities = find_quantities(sentence, 0, len(sentence), tokens=tokens)
    return Reading(sentence, tokens, cue_hits(tokens), quantities)


_MUST: dict[str, list[str]] = {
    "comparison": [
        "Fewer than half of the tenants renewed their leases.",
        "Demand for nurses is higher than the number of graduates.",
        "The county spends more than its neighbours on roads.",
        "He had waited for more than 20 years.",  # a measured span compared
    ],
    "time_left": [
        "With just 18 months left in office, the mayor has no majority.",
        "There are three weeks remaining before the vote.",
    ],
    "count_in_words": [
        "After nine young protesters were arrested in March, the mayor spoke.",
        "Three council members have been suspended.",
    ],
    "rank": [
        "It ranked near the bottom of the pack on unemployment.",
        "The city ranks third in the country for air quality.",
    ],
    "amount_change": [
        "The percentage of PHP in the code has grown over time.",
        "Bus fares rose sharply after the subsidy ended.",
        "When comparing the percentage change from 2015 to 2016, jQuery is less in demand.",
    ],
    "vague_amount": [
        "Small firms pay a large share of the city's business tax.",
        "A growing number of tenants are behind on rent.",
        "Most voters in the county backed the levy.",
        "Most Green Party members opposed the deal.",
        "The survey found that most renters had no contract.",
        "The vast majority of the council supported it.",
        "More prudent measures estimate a larger deficit.",  # money told by its size
        "The airline reported huge losses on its Asian routes.",
    ],
    "trend": [
        "Farmers are increasingly turning to drought-resistant seed.",
        "Diesel cars are increasingly banned from city centres.",
    ],
    "part_of_whole": [
        "The model picked the winner in three of the four races.",
        "Nine of 10 doctors surveyed said they were overworked.",
        "Two of its five plants were closed.",
    ],
    "place_among": [
        "The county is last among the state's counties for broadband.",
        "The school came second among the district's high schools.",
    ],
    "figure": [
        "The council cut 12 bus routes.",
        "More than half of the tenants had no lease.",
        "Fares rose 10 percent.",
        "Police arrested 21 people on 12 April in Harare.",
        "The wall, found on 12 April, is 40 metres long.",
        "The report compared 10 wealthy countries.",
        "All 50 states have filed briefs.",  # a count in digits stays a count
        "The firm settled claims from 40 franchisees.",  # a count after another preposition
        "The suit was brought against 400 landlords.",  # more than a few parties is an amount
    ],
    "procedure_in_future": [
        "When officers encounter a warrant, they will notify the local police.",
        "The spokesman said that if a tenant complains, inspectors will visit within a week.",
        "Its agents will use prosecutorial discretion to deport only high priority cases.",
        "The new policy will take effect in March.",
        "And whenever a warrant is issued, the Ombudsman will be notified.",
    ],
    "instrument_terms": [
        "The firm's deal with the union allows staff to work from home.",
        "A three-year settlement requiring the city to repair the pier expired in May.",
        "Under the new contract, drivers can refuse night shifts.",
        "The rules allow each club to sign two foreign players.",
        "The county signed agreements with two towns, which allow them to share a fire engine.",
    ],
    "future": [
        "The council will vote on the budget in March.",
        "The company expects sales to fall.",
        "The line is set to reopen next year.",
    ],
    "cause": [
        "Ridership fell because the city closed the station.",
        "The closures led to longer commutes.",
        "Fear of deportation discourages people from reporting crimes.",
        "The rhetoric has made it more difficult for agents to do their jobs.",
        # a link found between two things, and risks raised or cut
        "Heavy drinking is associated with a higher rate of liver disease.",
        "The study found a link between air pollution and asthma in children.",
        "Regular exercise reduces the risk of heart disease.",
        "The delays were the result of staff shortages, owing to the strike.",
    ],
    "own_intention": [
        "In the interview, the president said he would not fall silent on the issue.",
        "The tenants' lawyer says they would stay until the court rules.",
    ],
    "instructed": [
        "Parents have been told for years to avoid giving peanuts to babies.",
        "Drivers are advised to carry chains in the mountains.",
    ],
    "makes_happen": [
        "As the drug kicked in, it started to make her metabolism soar.",
        "It can make colours seem oversaturated.",
        "The new fees made many small shops fail within a year.",
    ],
    "own_act": [
        "I turned around, and the officer was in her car holding out the antler.",
        "After the storm I walked home through the flooded streets.",
    ],
    "effect_told": [
        "The drug is best known for triggering vivid hallucinations.",
        "The drug was stimulating connections the brain would not make.",
        "But the drug also seems to have more long-lasting effects.",
        "The cuts have had little impact on crime.",
    ],
    "announced_step": [
        "He would speak bluntly against corruption in Kenya",
        "They would defend the budget at the next meeting.",
    ],
    "reported_first_hand": [
        "She said she stayed up all night to answer the letters.",
        "He said that he was stopped twice on the way to work.",
    ],
    "court_holding": [
        "The Supreme Court has found that people are protected from punishment for burning a flag.",
        "A federal judge ruled that the county violated the tenants' rights.",
    ],
    "effect": [
        "The chemical seems to disrupt the fish's sense of smell.",
        "A single dose can alter how the liver handles sugar.",
        "Road salt damages cars and weakens bridges.",
        "The drought spurred farmers into selling their herds.",
        "Low pay is why nurses are leaving the profession.",
        "Damp housing is the main reason children in the town miss school.",
        "Scientists still do not know how the drug affects the heart.",
    ],
    "first_hand_negated": [
        "I didn't see the crash, the driver said.",
        "We weren't told about the closure until Friday.",
    ],
    "own_past": [
        "When I got home, the roof of my garage had collapsed.",
        "My brother and I were stopped at the border.",
    ],
    "first_hand": [
        "I was stopped twice on the way to work.",
        "I am proud to have joined the 2019 lawsuit.",
        "I signed the petition in March.",
    ],
    "named_policy": [
        "She said the administration prevented collaboration between the agencies, a policy that "
        "had dangerous results.",
        "The city stopped towing cars on Sundays, the practice ended in 2019.",
    ],
    "order": [
        "A judge granted a preliminary injunction barring arrests at courthouses.",
        "The governor signed an executive order on Friday.",
    ],
    "rule": [
        "State law requires a permit for every rally.",
        "Boston, via its Trust Act, has its own limitations on communications with ICE.",
        "Under the policy, tenants are allowed to withhold rent.",
        "Drivers are not allowed to park on the bridge.",
        # an event about rules themselves, or an act measured against one
        "The governor has filed legislation to keep the policies of the last administration.",
        "The agency has properly followed procedure, the senator said.",
        "He skipped the hearing, a violation of the party's rules.",  # an act against a rule
        # a state, not an act: "interested" tells no event
        "Under the policy, the agency sends a list of people it was interested in to ICE.",
    ],
    "procedure_now": [
        "Boston shares the fingerprints of everyone it arrests with federal officials.",
        "The agency categorizes applicants by the severity of their charges.",
        "USCIS is the agency that actually handles applications for green cards.",
        "We focus on those that pose the most danger to the public.",
    ],
    "condition": [
        "When police arrest someone, they send the fingerprints to the FBI.",
        "If a tenant complains, the city sends an inspector.",
    ],
}

_MUST_NOT: dict[str, list[str]] = {
    "comparison": [
        "The two firms have worked together for more than a year.",  # how long, in passing
        "The meeting lasted less than an hour.",
        "The mayor would rather resign than raise taxes.",
    ],
    "time_left": [
        "He was jailed for two years.",
        "She left the city 10 years ago.",  # 'left' before the figure
    ],
    "count_in_words": [
        "Two key figures of the party are under house arrest.",  # no act done to them
        "The council met two of the tenants.",
    ],
    "instructed": [
        "She was told by the landlord to leave.",  # one person's instruction, its giver named
        "He told reporters to wait outside.",  # someone telling, not a group told
        "They were told the news on Monday.",  # nothing to do
    ],
    "makes_happen": [
        "The council will make a decision on the plan in March.",  # no verb of change
        "The team made it to the final after a long season.",
        "The board made the decision to go ahead in May.",
        "The agency shared records, making it possible for agents to find them.",  # left to 'cause'
    ],
    "own_act": [
        "We incorporated a mathematical trick based on earlier studies.",  # an institution's work
        "I wondered whether the mayor had read it.",  # a thought
        "I asked him whether the plan had worked.",  # how the story was got
        "I need the council to act.",  # no past
    ],
    "effect_told": [
        "She has written about the effects of war.",  # the effects as a topic
        "Concerns about the impact of the law on press freedom remain.",  # no one has it
        "It was a triggering event.",  # an adjective
        "The talk was stimulating.",  # an adjective, nothing affected
    ],
    "announced_step": [
        "He would often walk to the market on Sundays.",  # a habit
        "She would later become the city's first mayor.",  # a past seen from later
        "He would go on to win three titles.",
        "They would eventually settle in Ohio.",
        "He would have voted against it.",  # what would have been
        "If asked, he would say the road was never safe.",  # a maybe
    ],
    "own_intention": [
        "She said the county would appeal.",  # someone else's step, not her own
        "He said he would have voted against it.",  # what would have been
    ],
    "reported_first_hand": [
        "She said the council stayed up all night.",
        "He said she was stopped twice.",  # someone else's experience
    ],
    "court_holding": [
        "The court heard that the tenant was evicted.",
        "The company found that sales had fallen.",
    ],
    "rank": [
        "Survey respondents have ranked WordPress among the most dreaded technologies.",
        "The rankings were published on Monday.",
    ],
    "amount_change": [
        "The river rose after the storm.",  # a change, but of no amount
        "The number of the house is on the gate.",
    ],
    "vague_amount": [
        "It was the most dangerous road in the county.",  # a superlative, not a proportion
        "The mayor was most concerned about the budget.",
        "At most, the plan saves a few minutes.",
        "The share price fell on Monday.",  # no size before the amount's word
        "The deficit hawks in the council met on Monday.",
        "The film 'A Most Violent Year' opens on Friday.",
    ],
    "trend": [
        "The increasingly popular app was fined on Monday.",  # a description in passing
        "The city's increasingly sophisticated sensors were installed in May.",
    ],
    "part_of_whole": [
        "One of the two suspects was released.",  # "one of": a person, not a share
        "The report of 2019 was revised.",
        "He met both of the candidates.",
    ],
    "place_among": [
        "The mayor was popular among young voters.",
        "Among the five candidates, she spoke first.",
    ],
    "figure": [
        "All five firms reached settlements.",  # a group already named, counted again
        # a few parties named after a preposition: who, not how many
        "The case was brought against five publishers and a retailer.",
        "The report ranked poverty among 10 wealthy countries with welfare programmes.",
        "Talks between two unions broke down.",
        "Studies over the past three decades have found that stadiums rarely pay for themselves.",
        "He was jailed for two years.",
        "The mayor resigned on Tuesday.",
        "Eloise Parry, 21, was taken to hospital on 12 April.",
        "There is little public affection for 52-year-old Grace, a former typist.",
        "The mayor signed the budget on March 5 at City Hall.",
        "She said she stayed up until 4 a.m. to take down the comments.",  # a time of day
        "The study counted the employed between the ages of 25 and 54.",  # an age range
        "It conforms to the same process as a decision, even a simple one - such as a turn.",
    ],
    "procedure_in_future": [
        "The council will vote on the budget when it meets in March.",
        "Officials will open the bridge next week.",
        "When the storm hit, officials closed the bridge.",  # a condition, but no 'will'
    ],
    "instrument_terms": [
        "The new law will allow tenants to sublet.",  # a forecast of what it will do
        "Law enforcement officers require a warrant.",  # the police, not a law
        "The deal collapsed on Friday.",
        "Under pressure, the minister resigned.",
        "The contract was signed under a building permit.",  # a permit, not what it permits
    ],
    "future": ["The council voted on the budget in March.", "The mayor said he would resign."],
    "cause": [
        "The team picked calm volunteers to prevent them from panicking in the scanner.",
        "Officials hoped the pilot would lead to improvements in the program.",
        "As a result, a federal judge granted the injunction.",
        "The plan could cause delays.",
        "The council approved the budget on Tuesday.",
        "He cited the high fees and risk associated with hedge funds.",  # a risk named
    ],
    "effect": [
        "The storm could disrupt flights on Friday.",  # a maybe
        "The impact of the closure is not yet known.",  # the noun
        "The union voted to trigger a strike ballot.",  # a purpose, not an effect
        "This is why the council set up the inquiry.",  # the cause is in the sentence before
        "She was left directionally impaired by the accident.",
        "They gave a boost to the local economy.",
        "The crater was left by impacts that shook the region.",
    ],
    "first_hand_negated": [
        "I don't think the plan will work.",  # an opinion, not an act
        "The mayor didn't attend the meeting.",
        "We did not believe the offer was serious.",  # a belief, not an experience
    ],
    "own_past": [
        "My view is that the plan is sound.",  # nothing happened
        "The council approved it, in my opinion too quickly.",  # the act is before 'my'
        "The committee was chaired by my colleague.",
        "If you asked my neighbours, they would say the road was never safe.",  # a hypothetical
    ],
    "first_hand": [
        "The mayor was stopped twice on the way to work.",
        "I think the plan is good for the city.",
        "We focus on those that pose the most danger.",
        "The only surprise was when I asked him how many votes he had won.",  # a reporter's question
    ],
    "named_policy": [
        "The mayor, a former teacher, resigned.",
        "The council approved the plan, the mayor said.",
    ],
    "order": [
        "The council ordered pizza for the meeting.",
        "The judge heard the case on Monday.",
    ],
    "rule": [
        # an event going on beside a law, told in the perfect progressive
        "A government team has been doing the rounds to allay concerns about the new law.",
        "The Arizona law has attracted attention and pitted the state against Washington.",
        "The county negotiated a memorandum with the sheriff in March.",
        "Tenants limit their cooperation with law enforcement.",
        "Immigration lawyers say sympathetic cases are being denied discretion.",
        # an event told in any past tense, beside a rule's name
        "In their meetings this week, the government team boasted of concessions in the new Bill.",
    ],
    "procedure_now": [
        "The company's shares fell on Monday.",
        "The Globe reported that USCIS, which processes applications, worked with ICE.",
        "He faces minor drug charges.",
        "They drew on research on the neurobiological processes involved in decisions.",
    ],
    "condition": [
        "When the storm arrived, the city closed the schools.",
        "When the council voted, it rejected the plan.",
        "The city closes the schools when it snows.",
        "When comparing the figures, technologies like jQuery are less in demand.",
    ],
}

_RULES = {rule.name: rule for rule in TYPE_RULES}


def test_every_rule_has_examples_both_ways() -> None:
    assert set(_RULES) == set(_MUST) == set(_MUST_NOT)


@pytest.mark.parametrize(("name", "sentence"), [(n, s) for n, ss in _MUST.items() for s in ss])
def test_rule_reads(name: str, sentence: str) -> None:
    assert _RULES[name].holds(_reading(sentence))


@pytest.mark.parametrize(("name", "sentence"), [(n, s) for n, ss in _MUST_NOT.items() for s in ss])
def test_rule_leaves(name: str, sentence: str) -> None:
    assert not _RULES[name].holds(_reading(sentence))


@pytest.mark.parametrize(
    ("tokens", "perfect"),
    [
        ("the law has attracted attention", True),
        ("loja had been deported three times", True),
        ("offices have not changed their practices", True),
        ("the rhetoric has made it harder", True),
        ("boston has its own limitations", False),
        ("tenants have been allowed to stay", False),  # what a rule allows, not an event
        ("we have to work with uscis", False),
    ],
)
def test_perfect_tense(tokens: str, perfect: bool) -> None:
    assert is_perfect(tokens.split()) is perfect


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # a figure wins over everything else ...
        ("The program will deport 400,000 immigrants this year.", "quantity"),
        # ... but a duration is no figure
        ("Studies over the past three decades have found that stadiums rarely help.", "other"),
        # a forecast comes before a cause, as the guidelines order them
        ("That shift will discourage immigrants from seeking services.", "prediction"),
        ("When officers find a warrant, they will notify the police.", "rules"),
        ("As a result, a federal judge granted an injunction barring arrests.", "rules"),
        ("I am proud to have joined the lawsuit against the agency.", "personal_experience"),
        ("The mayor met the governor on Tuesday.", "other"),
        # "would prevent" is a maybe: the rule beside it gives the type
        ("That would prevent access to the records without a judicial warrant.", "rules"),
        ("Early treatment appears to prevent the illness.", "correlation_causation"),
        # "prevented" tells an act, here called a policy
        ("They prevented collaboration, a policy that had dangerous results.", "rules"),
        # a second verb in the present after "and" keeps a routine
        ("It monitors and controls its drivers through the app.", "rules"),
        # two rule words joined name one thing: an event beside them stays an event
        ("And it has demonstrated its willingness to ignore rules and regulations.", "other"),
        ("The board has filed legislation to keep the policies.", "rules"),
        # what an agreement provides, even beside a "will"
        ("The agreement lets each shop set the price its books will sell at.", "rules"),
        ("The agreement will let each shop set its prices.", "prediction"),
        # an effect, a reason, a share, a first-hand account
        ("The vaccine seems to disrupt the virus's entry into cells.", "correlation_causation"),
        ("Vaccines prevent illness.", "correlation_causation"),
        ("This is why the council set up the inquiry.", "other"),
        ("Renters pay a large share of the town's water bill.", "quantity"),
        ("All five firms reached settlements.", "other"),
        ("I didn't see the crash.", "personal_experience"),
        # the noun "forecasts" foretells nothing
        ("Many career forecasts focus on the best paid jobs.", "other"),
        ("The bank forecasts growth of two points.", "quantity"),
        ("The bank forecasts slower growth.", "prediction"),
    ],
)
def test_the_first_rule_that_holds_gives_the_type(sentence: str, kind: str) -> None:
    assert type_of(_reading(sentence)) == kind
    assert claim_type(sentence, quantities=_reading(sentence).quantities) == kind


_TYPE_ONLY_CUES = ("effect", "reason", "vague_amount", "trend", "first_person_negated", "breach")


def test_type_only_cue_lists_carry_no_learned_weight() -> None:
    """The type rules' own word tables are counted in the one lexicon pass, so the learned
    scorer sees their names; none may weigh in it, or a type table would change which sentences
    are claims (retraining with them is a choice to make on purpose, with this list)."""
    from claimledger.extract.claimtypes import TYPE_CUES
    from claimledger.extract.learned import shipped_scorer

    assert set(_TYPE_ONLY_CUES) <= set(TYPE_CUES)
    weighted = {name.removeprefix("cue=") for name in shipped_scorer().named}
    assert weighted.isdisjoint(_TYPE_ONLY_CUES)
