"""Page structure from captured text alone: each furniture rule, and whole pages of several layouts."""

from __future__ import annotations

import pytest

from claimledger.extract import extract_claims
from claimledger.extract.cues import words
from claimledger.extract.furniture import (
    LINE_RULES,
    Furniture,
    LineRule,
    furniture_blocks,
    is_dateline,
    is_headline_like,
    line_furniture,
)

# Each rule: lines it must take, lines it must leave.
_MUST = {
    "site_lead_in": ["On OtherSite.com:", "More from example.org", "thecity.news"],
    "read_more": [
        "Read more: How to prepare your home for a hurricane",
        "Related stories",
        "More from The Harbor Gazette",
        "You may also like",
        "Most read",
        "See also | Budget hearings",
        "Other Opinion Columns",
        "Related: Rich are paying more in taxes but not as much as they used to",
        "Check out more articles on OtherSite.com!",
        "More Politics Stories",
    ],
    "truncated": [
        "The council voted on Tuesday to approve a budget that cuts 12…",
        "Officials said the stadium would cost more than $300 million and... Read more",
        "Couple Finds 50-Year-Old Fallout Shelter, But When They Look inside...OtherSite.com",
    ],
    "engagement": [
        "Senator Refuses to Disavow Singer’s Remarks4,701 comments - 13 hours ago",
        "Council votes to cut bus routes 312 shares",
    ],
    "author_bio": [
        "Jane Roe is a breaking news reporter for The Paper and is based in Sydney, Australia.",
        "Ann Lee is a senior staff writer covering transport.",
        "Mark di Stefano is a breaking news reporter for The Paper and is based in Sydney.",
        "Ann Lee is a political commentator and has over 15 years of journalism experience.",
        "Ann Lee has more than 20 years of reporting experience.",
        "Jane Roe covers the environment for The Paper.",
        "LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR",
        "Ann Lee writes about transport and housing for the Harbor Gazette",
    ],
    "affiliate": [
        "Things you buy through our links may earn The Paper a commission.",
        "The Paper may receive a commission for purchases made through these links.",
    ],
    "republish": [
        "We're happy to make this story available to republish for free under an Attribution-"
        "NonCommercial-NoDerivatives Creative Commons license as long as you follow our guidelines.",
        "This story is licensed under a Creative Commons license.",
    ],
    "byline_stamp": [
        "Ann Lee · The Paper · Posted: Oct 14, 2022 9:27 AM ET | Last Updated: 24 minutes ago",
        "By Ann Lee | Updated 3 hours ago",
    ],
    "social_embed": [
        "A post shared by Ann Lee (@annlee) on Dec 5, 2016 at 9:10am PST",
        "— Ann Lee (@annlee) November 27, 2016",
    ],
    "credit_label": [
        "Photograph: Jane Roe/Reuters",
        "Image copyright Getty Images",
        "Media caption The president speaks about the shooting",
        "Photo by Ann Lee",
        "Illustration: The Paper",
    ],
    "credit_tail": [
        "Firefighters at the scene on Tuesday. Photograph: Jane Roe/Reuters",
        "A new bill would require providers to store metadata for two years. Source: Supplied",
        "Mugabe with army chiefs at State House on November 16 Credit: HARARE HERALD",
        "Voters line up outside a school in Atlanta. (AP Photo/Evan Vucci)",
        "(File 2013/The Associated Press)",
        "Ann Lee / The Gazette",
        "AFP/Getty Images",
    ],
    "reporting_credit": [
        "Reporting by Jane Roe; Additional reporting by Tom Brown in London; Editing by Ann Lee",
        "Editing by Ann Lee and Tom Brown",
        "Jane Roe contributed reporting from Houston.",
        "Staff writer Ann Lee contributed reporting.",
    ],
    "caption_words": [
        "Mayor Ana Ruiz (left) and Governor Ann Lee tour the plant on Tuesday.",
        "Council members, from left, Ann Lee, Tom Brown and Ana Ruiz.",
        "Firefighters battle the blaze in this file photo taken on March 3, 2019.",
        "The new bridge is seen in this photo from the north bank.",
        "Pictured: the damaged roof of the school.",
    ],
    "byline_pipe": [
        "Matt Friedman | NJ Advance Media for NJ.com By Matt Friedman | NJ Advance Media for NJ.com",
        "By Ann Lee | Staff Writer",
        "Ann Lee | The Paper",
    ],
    "photo_by": [
        "A firefighter works at the scene. Photo by Jane Roe.",
        "The bridge at dawn. Photograph courtesy of the Harbor Museum",
    ],
    "comment_rules": [
        "Comments on this story are moderated according to our Submission Guidelines.",
        "We reserve the right to remove comments that are offensive.",
        "In order to improve our community experience, we are temporarily suspending article "
        "commenting.",
        "An earlier version of this story misstated the mayor's age.",
        "The views expressed in this article are the author's own.",
    ],
    "access_offer": [
        "Get unlimited access to our award-winning journalism for just $1 a week.",
        "Unlock full digital access today.",
    ],
    "comment_button": ["View/Post Comments", "Read all comments (12)", "Post a comment"],
    "subscription": [
        "Sign up for our morning newsletter",
        "Get the latest headlines delivered to your inbox.",
        "Already a subscriber? Log in",
        "Subscribe to the Journal for $1 a week.",
    ],
    "policy": [
        "© 2024 Example Media. All rights reserved.",
        "Comments are closed.",
        "Terms of Use | Privacy Policy | Cookie Settings",
        "A version of this article appears in print on January 13, 2017, on Page A7.",
        "Abusive, profane or off-topic comments will be rejected.",
        "This story was originally published on Example.org.",
        "Read our comment policy before posting.",
        "We may earn a commission when you buy through links on our site.",
        "The Example Fool has a disclosure policy.",
        "Data is a real-time snapshot *Data is delayed at least 15 minutes.",
        "In this article: scooters, ride sharing, transport",
    ],
}
_MUST.update(
    {
        "navigation": ["Skip to main content", "Share this story", "Most Popular", "Advertisement"],
        "stamp": ["Last updated 4:15 p.m.", "Published Sept. 21, 2023"],
        "editor_note": ["Editor’s Note: This is the third of five posts in a series."],
        "social": [
            "Follow her on Twitter @jroe.",
            "Jane Roe can be reached at jroe@paper.example.",
            "Reuters staff contributed to this report.",
        ],
        "caption": [
            "CLICK TO ENLARGE (Graphic by Ann Lee for the Paper. Source: City data)",
            "Photo: The county jail in Millbrook.",
            "Protesters outside the courthouse. (AP Photo/Evan Vucci)",
        ],
        "ap_caption": [
            "Voters wait in line at a polling station on November 3, 2020, in Atlanta, Georgia."
        ],
        "appeal": ["Please make a tax-deductible donation to support our journalism today."],
        "cookie_notice": [
            "We use cookies and similar technologies to improve your browsing experience. "
            + "We may share your information with partners. " * 10,
            "Your privacy is important to us. Any information you provide may be stored abroad.",
            "We and our partners share information on your use of this website.",
            "By submitting your information you agree to the Terms & Conditions and Privacy Policy.",
        ],
        "legal": [
            "Market data provided by Example. Disclaimer. Example: © 2024 Example Inc. "
            + "Indices are proprietary to Example Opco. " * 10,
            "Example and Ex are registered trademarks of Example LLC. All rights reserved.",
        ],
        "truncated_headline": [
            "This Is Why Streaking During A Rugby Match Is Never...",
            "Council Approves $4 Million For Parks In…",
        ],
        "call_to_read": [
            "Pets benefit our mental health A review lists the ways pets comfort people. Read now",
            "Council approves the budget after a long night of talks Read more »",
            "Inside the city's new tunnel, a year on Watch now",
        ],
    }
)
_MUST_NOT = {
    "site_lead_in": ["The company bought Example.com for $4 million in 2019."],
    "read_more": [
        "Read the full ruling, judges wrote, before you decide.",
        "More than 300 people were evacuated from the coast.",
        "Related costs rose 12 percent last year, the report said.",
        "Related to the case, the council voted 7-2 on Tuesday.",
        "Check out the new 12-mile trail, the county said.",
        "Other papers ran the stories.",
        "More than 300 people read the news",
    ],
    "truncated": [
        "He paused. “I don’t know...” he said.",
        "The list goes on: roads, bridges, schools...",
    ],
    "engagement": [
        "The post drew 4,000 comments in a day, the company said.",
        "Police said 300 people were injured.",
    ],
    "affiliate": [
        "The European Commission said links between the two firms were under review.",
        "Brokers may earn a commission on each sale, the regulator said.",
    ],
    "republish": [
        "The court ruled that the paper may not republish the photos.",
        "The drug is available under a licence from the health agency.",
    ],
    "byline_stamp": [
        "Turnout rose 3% | 2022 figures were published in May.",
        "The notice was posted: the council meets at 9 a.m.",
    ],
    "social_embed": [
        "Ann Lee (@annlee) wrote on Tuesday that 300 people came.",
        "The account (@cityhall) posted the notice on Dec 5, 2016, the mayor said.",
    ],
    "author_bio": [
        "The mayor is a former reporter who covered City Hall for 10 years.",
        "The plant has over 30 years of operating experience, the company said.",
        "Jane Roe said the council is a writer's nightmare.",
        "The insurance covers the repairs for the tenants.",
        "ANN LEE IS THE CITY'S NEW MAYOR",
        "Acme Insurance covers flood damage for 40,000 homes in the county, the insurer said.",
    ],
    "navigation": ["Share prices fell 3 percent on Tuesday.", "Search teams found 12 people."],
    "stamp": ["Updated figures show 300 people left the city in 2023."],
    "editor_note": ["The editor noted that 40 letters arrived on Tuesday."],
    "social": [
        "Residents follow the council's meetings on local radio.",
        "Union members share the cost of the 2023 contract.",
    ],
    "caption": [
        "The agency published 40 photos of the storm damage on Tuesday.",
        "Getty Center visitors rose 12 percent in 2023." + " The museum said so." * 40,  # too long
    ],
    "ap_caption": ["The company opened a plant on January 22, 2018, in Newark and hired 300."],
    "appeal": ["Members of the council voted to donate $5,000 to the food bank in 2023."],
    "credit_label": ["Photographs of the flood were shared 20,000 times, police said."],
    "cookie_notice": [
        "The regulator said 40 sites set cookies before visitors gave consent in 2023.",
        "Privacy advocates said the law would let users withdraw consent at any time.",
    ],
    "legal": [
        "The company registered 40 trademarks in 2023, the filing shows.",
        "The firm's privacy policy changed in May, and regulators fined it $5 million.",
    ],
    "truncated_headline": [
        "He paused. “I don’t know...”",
        "The list goes on: roads, bridges, schools...",
    ],
    "call_to_read": [
        "The council said residents should read the report before the vote on Tuesday. Read now.",
        "What children read",
        "Officials said more than 300 people were asked what they read",
    ],
    "credit_tail": [
        "The AFL/CIO endorsed the bill on Tuesday.",
        "The mayor signed the bill on Tuesday.",
        "View/Post Comments",  # a button, no name and owner
        "Share/Save",
    ],
    "reporting_credit": [
        "The report, by Jane Roe, found 12 errors.",
        "Reporting by the paper in 2019 showed the council had cut 12 routes.",
        "The agency contributed research funding of $2 million to the project in 2021.",
    ],
    "caption_words": [
        "The council voted to leave the right lane open from 2019.",
        "The photo was taken in 2019, the agency said.",
        "Ruiz said the plan, first seen in 2019, would cost $4 million.",
        "The mayor, who left the party in 2019, said the plan was shown to the council.",
        # the article's own sentence about its picture
        "A court has overturned approval for the mine, over its impact on the skink (pictured).",
    ],
    "byline_pipe": [
        "Ann Lee | The budget passed.",
        "Wins | Losses | Ties",
        "Ann Lee said the vote | the second this year | was close.",
    ],
    "photo_by": [
        "The photo by Jane Roe won a prize in 2019.",
        "Photos by residents show the flooding on Main Street, the county said.",
    ],
    "comment_rules": [
        "The site closed comments on its videos in 2019 after complaints, the company said.",
        "An earlier version of the bill capped rents at 5 percent.",
        "The views of residents were expressed at 12 hearings.",
        "The council is moderated by a chair elected in 2021.",
    ],
    "access_offer": [
        "The deal gives the library unlimited access to the archive until 2030.",
        "Premium members get early access, the company said in 2022.",
    ],
    "comment_button": [
        "Readers posted 40 comments on the plan.",
        "View the full comments of the panel here.",
    ],
    "subscription": [
        "The paper said its subscribers fell by 40,000 in 2023.",
        "Residents can sign a petition at City Hall until Friday.",
    ],
    "policy": [
        "The council changed its privacy rules for police cameras in 2021.",
        "Trains were delayed 40 minutes, and the data show it happens weekly.",
        "In this article, published in 2023, the council said it cut 12 routes.",
        "The court said the policy was unconstitutional.",
        "Are those of us who avoided agreeing to the Facebook terms of service simply fair game?",
    ],
}


def _rule(name: str) -> LineRule:
    return next(r for r in LINE_RULES if r.name == name)


@pytest.mark.parametrize(("name", "line"), [(n, x) for n, xs in _MUST.items() for x in xs])
def test_each_line_rule_takes_what_it_must(name: str, line: str) -> None:
    assert _rule(name).matches(line, set(words(line))), (name, line)


@pytest.mark.parametrize(("name", "line"), [(n, x) for n, xs in _MUST_NOT.items() for x in xs])
def test_each_line_rule_leaves_what_it_must(name: str, line: str) -> None:
    assert not _rule(name).matches(line, set(words(line))), (name, line)


def test_every_rule_says_what_it_means_and_has_tests() -> None:
    assert all(r.meaning for r in LINE_RULES)
    assert {r.name for r in LINE_RULES} == set(_MUST) == set(_MUST_NOT)


@pytest.mark.parametrize(
    "line",
    [
        "Updated: 4:15 PM EST, Tue March 5, 2024",
        "Tue 5 Mar 2024 14.03 GMT",
        "Published 12 minutes ago",
        "March 5, 2024",
        "4:10 p.m.",
        "16 November 2017 • 2:15pm",
    ],
)
def test_datelines(line: str) -> None:
    assert is_dateline(line)
    found = line_furniture(line)
    assert found is not None and found[0] is Furniture.DATELINE


@pytest.mark.parametrize(
    "line", ["On March 5, 2024, 300 people left.", "Tuesday", "In 2024 the town grew."]
)
def test_a_sentence_with_a_date_is_not_a_dateline(line: str) -> None:
    assert not is_dateline(line)


@pytest.mark.parametrize(
    "line",
    ["Council approves $4 million for parks", "Police Arrest Three In Downtown Robbery"],
)
def test_headlines_are_headline_like(line: str) -> None:
    assert is_headline_like(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council approved $4 million for parks on Tuesday.",
        "• 42 percent of homes lack broadband",
        "Key facts:",
        "Sanctuary jurisdictions are municipalities that limit or ban their local police "
        "departments from sharing information and working with federal agents",  # no stop, long
    ],
)
def test_sentences_list_items_and_lead_ins_are_not_headline_like(line: str) -> None:
    assert not is_headline_like(line)


BODY = [
    "The city council voted 7-2 on Tuesday to cut 12 bus routes, saving $4.1 million a year.",
    "The transit authority said ridership on those routes fell 38 percent between 2019 and 2023.",
    "Mayor Ana Ruiz signed the budget on Wednesday, according to her office.",
]


def _claims(page: str) -> list[str]:
    return [c.quote for c in extract_claims(page, published="2024-03-06")]


def _assert_body_only(page: str) -> None:
    quotes = _claims(page)
    assert quotes == BODY, quotes


def test_a_teaser_list_of_headlines_after_the_article() -> None:
    page = "\n\n".join(
        [
            "City cuts bus routes",
            *BODY,
            "Council approves $4 million for parks",
            "Police arrest 3 after $10,000 jewelry theft",
            "School board votes to close two schools in 2025",
        ]
    )
    _assert_body_only(page)


def test_a_lead_in_naming_another_site_and_its_links() -> None:
    page = "\n".join(
        [
            *BODY,
            "On OtherSite.com:",
            "Governor signs $2 billion transit bill",
            "Fares to rise 10 percent in July",
        ]
    )
    _assert_body_only(page)


def test_headlines_with_one_line_summaries_between_them() -> None:
    page = "\n".join(
        [
            *BODY,
            "More Stories",
            "Harbor Tunnel Closes For Repairs",
            "The tunnel will close for 18 months starting in May, officials said.",
            "Stadium Deal Gets Final Vote",
            "The council approved the $300 million deal 6-3 on Monday.",
            "Water Rates To Rise",
            "Rates will go up 8 percent on July 1, the utility said.",
        ]
    )
    _assert_body_only(page)


def test_captions_and_credits_between_paragraphs() -> None:
    page = "\n\n".join(
        [
            BODY[0],
            "Riders wait for a bus on Main Street on Monday.",
            "Photograph: Jane Roe/The Gazette",
            BODY[1],
            "Buses parked at the depot in 2022. (AP Photo/Evan Vucci)",
            BODY[2],
        ]
    )
    _assert_body_only(page)


def test_subscription_policy_and_dateline_lines() -> None:
    page = "\n".join(
        [
            "Updated: 4:15 PM EST, Tue March 5, 2024",
            *BODY,
            "Get the latest news delivered to your inbox: 5 stories every morning.",
            "This story was originally published on Example.org on March 5, 2024.",
            "© 2024 Example Media. All rights reserved.",
        ]
    )
    _assert_body_only(page)


def test_short_one_sentence_paragraphs_of_a_wire_story_are_body() -> None:
    # wire style: every paragraph one sentence; nothing here is a teaser
    assert _claims("\n\n".join(BODY)) == BODY


def test_a_list_of_facts_is_body() -> None:
    items = [
        "• Wind speeds reached 120 mph at landfall near Port Lewis.",
        "• 3 shelters in Bay County are full",
        "• Schools will be closed Thursday and Friday.",
    ]
    page = "\n".join(["Key facts:", *items])
    blocks = furniture_blocks(page.split("\n"))
    assert blocks == {}


def test_live_blog_entries_between_time_stamps_are_body() -> None:
    page = "\n".join(
        [
            "4:10 p.m.",
            "Power cut to 300,000 homes",
            BODY[0],
            "3:45 p.m.",
            "Guard deploys troops",
            BODY[1],
            "2:30 p.m.",
            BODY[2],
        ]
    )
    assert _claims(page) == BODY


def test_the_articles_points_with_their_bullets_lost_are_body() -> None:
    points = [
        "He is confident the transit bill will be passed by the council",
        "The city needs 40 new buses to keep the routes running",
        "He would speak bluntly against fare rises in the budget debate",
    ]
    assert furniture_blocks([BODY[0], *points, BODY[1]]) == {}


def test_two_short_lines_between_paragraphs_take_no_paragraph_with_them() -> None:
    lines = [
        BODY[0],
        "Buses parked at the depot in 2022. (AP Photo/Evan Vucci)",
        "Buy Photo",
        "Wait 1 second to continue.",
        "[Read: Council approves bus plan]",
        BODY[1],
        BODY[2],
    ]
    marks = furniture_blocks(lines)
    assert 0 not in marks and 5 not in marks and 6 not in marks


def test_a_list_after_a_standalone_lead_in_takes_question_headlines_and_summaries() -> None:
    lines = [
        BODY[0],
        BODY[1],
        "Latest news",
        "Simple drug formula regenerates brain cells",
        "Scientists have shown how a cocktail of four compounds can convert glia into neurons.",
        "Alcohol use disorder: A step toward better treatment?",
        "Current treatments are unsatisfactory, but recent research points toward a new one.",
        "Popular in neurology",
        " ".join(BODY * 3),  # a paragraph: not a summary
        BODY[2],
    ]
    marks = furniture_blocks(lines)
    assert {2, 3, 4, 5, 6, 7} <= set(marks)
    assert not {0, 1, 8, 9} & set(marks)


def test_a_standfirst_after_a_listed_headline_is_not_its_summary() -> None:
    lines = [
        "Most read",
        "Boeing chief refuses to admit design flaws",
        "Amazon leases two towers in Bellevue",
        "As it tries to convince people it has lower prices, the grocer guards its reputation.",
        "The grocer touted a price cut on halibut as part of an announcement about lower prices "
        "on hundreds of items at its stores in May. (Ann Lee / The Times)",
        *BODY,
    ]
    assert 3 not in furniture_blocks(lines)


def test_a_lead_in_followed_by_the_article_takes_nothing_of_it() -> None:
    lines = ["Related stories", BODY[0], "Is the city ready?", BODY[1], BODY[2]]
    marks = furniture_blocks(lines)
    assert set(marks) <= {0}


def test_a_headline_ending_in_a_full_stop_inside_a_list_of_headlines() -> None:
    lines = [
        *BODY,
        "Trending now",
        "Citi mortgage units fined $28.8 million",
        "First low-cost Asian airline cleared for flights to the U.S.",
        "Most expensive cars from the collector car auctions",
        "Mortgage rates for the week",
    ]
    marks = furniture_blocks(lines)
    assert {4, 5, 6, 7} <= set(marks) and not {0, 1, 2} & set(marks)


def test_headlines_asking_questions_in_a_list_with_their_summaries() -> None:
    lines = [
        *BODY,
        "12 Natural Ways to Defeat Allergies",
        "Make these tweaks to your diet, home, and lifestyle.",
        "Need Nasal Allergy Relief?",
        "Breathe easier with these products.",
        "5 Tips to Cut Pet Allergies",
        "Live in harmony with your cat or dog.",
    ]
    marks = furniture_blocks(lines)
    assert set(range(3, 9)) <= set(marks) and not {0, 1, 2} & set(marks)


def test_a_question_in_the_article_is_not_headline_like() -> None:
    assert not is_headline_like("But what does that mean for the riders of Eastside?")


def test_a_menu_of_entries_saying_what_to_do_there() -> None:
    lines = [
        *BODY,
        "Second Opinion: Read expert perspectives on popular health topics.",
        "Communities: Connect with people like you, and get expert guidance.",
        "Physician Directory: Find a doctor in your area.",
    ]
    marks = furniture_blocks(lines)
    assert {3, 4, 5} <= set(marks) and not {0, 1, 2} & set(marks)


def test_one_speaker_and_a_quotation_telling_what_to_do_is_no_menu() -> None:
    lines = [BODY[0], "Mayor Ana Ruiz: Find the money or cut the routes.", BODY[1]]
    assert furniture_blocks(lines) == {}


def test_a_charts_description_followed_by_its_values() -> None:
    lead = "Annual interest payments on the debt are expected to triple over the next decade."
    chart = ["$915", "billion", "Interest payments", "$900", "600", "300", "’17", "’18", "’19"]
    lines = [*BODY, lead, *chart, *BODY]
    assert furniture_blocks(lines).get(3) is Furniture.CAPTION


def test_a_charts_description_over_its_title() -> None:
    lead = "Debt as a share of the economy tends to increase during recessions."
    chart = ["Public debt as a share of GDP", "100", "%", "RECESSIONS", "80", "60", "40", "20"]
    assert furniture_blocks([*BODY, lead, *chart, "’78", "’80", *BODY]).get(3) is Furniture.CAPTION


def test_a_paragraph_over_a_heading_and_text_is_no_description() -> None:
    chart = ["Interest payments on the debt", "Monthly, in billions of dollars", "$915", "$900"]
    lines = [*BODY, *chart, "600", "300", "’17", "’18", "’19", "’20", *BODY]
    assert 2 not in furniture_blocks(lines)


def test_a_sentence_before_a_few_short_lines_is_no_description() -> None:
    lines = [*BODY, "Share", "Tweet", "Email", *BODY]
    assert 2 not in furniture_blocks(lines)


def test_a_short_paragraph_above_a_comment_button_is_no_caption() -> None:
    """'View/Post Comments' is a button, not a credit: the line above it stays article."""
    lines = [*BODY, "The plan takes effect in March.", "View/Post Comments"]
    marks = furniture_blocks(lines)
    assert len(lines) - 2 not in marks
    assert marks[len(lines) - 1] is Furniture.BOILERPLATE


def test_a_bracketed_credit_under_a_stamp_takes_the_caption_below_it() -> None:
    """A photo's credit in brackets over it, with the byline's stamp above: the caption is the
    sentence below; a long paragraph there is the article's."""
    caption = "Riders wait for the Route 9 bus at Main Street station on Tuesday."
    lines = ["Published: December 11, 2014 7:18 am", "(File 2013/The Associated Press)", caption]
    marks = furniture_blocks([*lines, *BODY])
    assert marks[1] is Furniture.CREDIT and marks[2] is Furniture.CAPTION
    long_paragraph = " ".join(BODY * 2)
    marks = furniture_blocks([*lines[:2], long_paragraph, *BODY])
    assert 2 not in marks
    # under an article's paragraph, the credit's caption is the line above, as before
    marks = furniture_blocks([BODY[0], "(File 2013/The Associated Press)", caption, *BODY[1:]])
    assert marks.get(0) is Furniture.CAPTION and 2 not in marks


def test_an_embedded_post_above_its_credit_is_no_caption() -> None:
    """A post quoted in the article ("— Ann Lee (@annlee) ...") is someone's words, as a
    quotation is: its credit is furniture, the post above it stays."""
    post = "Power has now been restored. Flights continue to operate but are subject to delay."
    lines = [*BODY, post, "— City Airport (@CityAirport) December 22, 2014", *BODY]
    marks = furniture_blocks(lines)
    assert len(BODY) not in marks
    assert marks[len(BODY) + 1] is Furniture.CREDIT


def test_short_posts_between_their_credits_are_no_list_of_headlines() -> None:
    """Short posts without a full stop, each over its credit, look like a list of headlines
    with summaries between them; they are posts."""
    posts = [
        "Lights still on in the main terminal but the east wing dark",
        "— Ann Lee (@annlee) December 22, 2014",
        "Standing stranded at the airport with no planes going in or out",
        "— Bo Roe (@boroe) December 22, 2014",
        "No trains to the airport either this afternoon, staff say",
        "— Cy Poe (@cypoe) December 22, 2014",
    ]
    marks = furniture_blocks([*BODY, *posts, *BODY])
    assert [i for i in range(len(BODY), len(BODY) + 6) if i in marks] == [
        len(BODY) + 1,
        len(BODY) + 3,
        len(BODY) + 5,
    ]


def test_a_photo_credit_still_takes_the_caption_above_it() -> None:
    """Only a post's credit leaves the line above: a photographer's still makes it a caption."""
    lines = [*BODY, "Riders wait for a bus on Main Street.", "Photograph: Jane Roe/The Gazette"]
    assert furniture_blocks(lines)[len(BODY)] is Furniture.CAPTION
