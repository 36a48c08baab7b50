"""The genre of an article, read from its label, its shape or its voice; and the bar in opinion."""

from __future__ import annotations

import pytest

from claimledger.extract import Genre, read_article
from claimledger.extract.genre import (
    LABELS,
    genre_from_metadata,
    genre_from_page,
    genre_from_url,
    genre_from_voice,
    read_genre,
)

NEWS = [
    "The city council voted 7-2 on Tuesday to cut 12 bus routes, saving $4.1 million a year.",
    "The transit authority said ridership on those routes fell 38 percent since 2019.",
    "Mayor Ana Ruiz signed the budget on Wednesday, according to her office.",
]


@pytest.mark.parametrize(
    ("label", "genre"),
    [
        ("Opinion", Genre.OPINION),
        ("OPINION | Why the council is wrong about buses", Genre.OPINION),
        ("Op-Ed", Genre.OPINION),
        ("Guest column", Genre.OPINION),
        ("Editorial", Genre.OPINION),
        ("Letters to the editor", Genre.OPINION),
        ("News analysis", Genre.ANALYSIS),
        ("Explainer: what the bus cuts mean", Genre.ANALYSIS),
        ("Live updates: storm hits coast", Genre.LIVE_BLOG),
        ("Fact check: did the mayor cut 12 routes?", Genre.FACT_CHECK),
        ("Q&A", Genre.INTERVIEW),
        ("Interview: the transit chief on the cuts", Genre.INTERVIEW),
    ],
)
def test_a_label_in_the_head_says_the_genre(label: str, genre: Genre) -> None:
    assert read_genre([label, "Council cuts bus routes", *NEWS]).genre is genre


@pytest.mark.parametrize(
    "line",
    [
        "Opinions differ on the cuts, the mayor said.",  # a sentence, not a label
        "Live music returns to the park",
        "Analysts expect more cuts next year",
        "Columbia County Cuts Buses",
    ],
)
def test_a_headline_beginning_with_a_label_word_is_no_label(line: str) -> None:
    assert read_genre([line, *NEWS]).genre is Genre.NEWS


def test_every_label_pattern_matches_its_own_first_word() -> None:
    for label in LABELS:
        assert label.pattern.pattern.startswith("^")


def test_a_section_name_in_the_sites_menu_is_no_label() -> None:
    lines = ["Skip to main content", "News", "Opinion", "Sport", "Culture", "Whales beach", *NEWS]
    assert read_genre(lines).genre is Genre.NEWS


def test_a_label_in_the_title_counts() -> None:
    assert read_genre(NEWS, title="Opinion: The bus cuts are a mistake").genre is Genre.OPINION


def test_plain_reporting_is_news() -> None:
    reading = read_genre(["Council cuts bus routes", "By Jane Roe", *NEWS])
    assert reading.genre is Genre.NEWS


def test_time_stamps_between_entries_make_a_live_blog() -> None:
    lines = ["Storm hits coast"]
    for stamp, fact in zip(["4:10 p.m.", "3:45 p.m.", "2:30 p.m."], NEWS, strict=True):
        lines += [stamp, fact]
    assert read_genre(lines).genre is Genre.LIVE_BLOG


def test_rating_lines_make_a_fact_check() -> None:
    lines = [
        "Did the mayor cut 12 bus routes?",
        "Claim: The mayor cut 12 bus routes in 2024.",
        *NEWS,
        "Our ruling: The council, not the mayor, voted for the cuts. We rate this claim Half True.",
    ]
    assert read_genre(lines).genre is Genre.FACT_CHECK


def test_questions_and_answers_make_an_interview() -> None:
    lines = ["The transit chief on the cuts"]
    for i in range(4):
        lines += [f"Q: What happens to route {i}?", f"A: It closes in {2025 + i}."]
    assert read_genre(lines).genre is Genre.INTERVIEW


def test_a_writer_who_says_it_is_a_column_is_opinion() -> None:
    lines = [*NEWS, "Jane Roe is a contributing columnist."]
    assert read_genre(lines).genre is Genre.OPINION


OP_ED = [
    "I have ridden the 12 bus for twenty years, and I know what these cuts will do.",
    "The council should be ashamed of itself for what it did this week.",
    "We must stop pretending that a transit system can run on good intentions.",
    "Beijing's current strategy for ending the protests is an obvious and manifest failure.",
    "Our city deserves leaders who understand what riders need.",
    "The council launched an attack on the working families of Eastside.",
    "Ridership on those routes fell 38 percent between 2019 and 2023, the transit authority said.",
    "I believe we need a council that listens before it cuts.",
    "The council's strategy for balancing the budget is a betrayal of working families.",
    "We should fund the buses before we fund another stadium.",
]


def test_a_first_person_piece_telling_the_reader_what_ought_to_be_is_opinion() -> None:
    assert read_genre(OP_ED).genre is Genre.OPINION


RHETORIC = ("manifest failure", "launched an attack")  # over the bar in news, with no anchor


def test_in_opinion_rhetoric_about_institutions_is_not_a_claim_but_a_figure_is() -> None:
    article = read_article("\n\n".join(["Opinion", "Save our buses", *OP_ED]))
    assert article.genre.genre is Genre.OPINION
    quotes = [c.quote for c in article.claims]
    assert not any(r in q for r in RHETORIC for q in quotes)
    assert any("38 percent" in q for q in quotes)


def test_the_same_rhetoric_in_a_news_report_passes_the_ordinary_bar() -> None:
    lines = [s for s in OP_ED if any(r in s for r in RHETORIC)]
    article = read_article("\n\n".join([*NEWS, *lines]))
    assert article.genre.genre is Genre.NEWS
    assert sum(any(r in c.quote for r in RHETORIC) for c in article.claims) == 2


def test_the_same_sentence_in_news_keeps_the_ordinary_bar() -> None:
    sentence = "City Hall abandoned the plan to close the Main Street depot in March."
    news = read_article("\n\n".join([*NEWS, sentence]))
    opinion = read_article("\n\n".join(["Opinion", *NEWS, sentence]))
    assert news.genre.genre is Genre.NEWS and opinion.genre.genre is Genre.OPINION
    assert [c.quote for c in news.claims] == [c.quote for c in opinion.claims]


def test_the_reading_is_in_the_articles_dict() -> None:
    article = read_article("\n\n".join(NEWS))
    data = article.to_dict()
    assert data["genre"] == "news" and data["evidence"] and len(data["claims"]) == 3


@pytest.mark.parametrize(
    "line",
    [
        "This is an op-ed. The views expressed are the writer's own.",
        "This is an editorial of the Harbor Gazette board.",
        "Jane Roe writes a weekly column on transit.",
        "Ann Lee is a contributor to Gazette Opinion.",
    ],
)
def test_a_note_saying_the_piece_is_opinion(line: str) -> None:
    assert read_genre([*NEWS, line]).genre is Genre.OPINION


@pytest.mark.parametrize(
    "rating", ["We rate this claim Mostly False.", "Rating: Pants on Fire", "Verdict: half true"]
)
def test_each_rating_shape_counts(rating: str) -> None:
    lines = ["Did the mayor cut 12 routes?", *NEWS, "Our ruling: the council did.", rating]
    assert read_genre(lines).genre is Genre.FACT_CHECK


def test_video_lengths_are_no_time_stamps() -> None:
    lines = ["Storm hits coast", "1:39", *NEWS[:1], "1:26", NEWS[1], "1:29", NEWS[2]]
    assert read_genre(lines).genre is Genre.NEWS


def test_links_with_a_colon_are_no_speakers_taking_turns() -> None:
    links = ["News App: Apple IOS", "News App: Google Play", "Media Kit: Why us?"] * 2
    assert read_genre([*NEWS, *links]).genre is Genre.NEWS


def test_two_speakers_taking_long_turns_make_an_interview() -> None:
    lines = ["The transit chief on the cuts"]
    for i in range(3):
        lines += [
            f"Roe: Why did the council cut route {i} when ridership was rising last year?",
            f"Ruiz: Because the route cost {i + 2} million dollars a year and we had no money.",
        ]
    assert read_genre(lines).genre is Genre.INTERVIEW


def test_answers_led_by_the_speakers_initials_make_an_interview() -> None:
    """A Q&A printed with initials and no colon: "AR For sure. ..." under each question."""
    lines = ["The transit chief on the cuts"]
    for i in range(4):
        lines += [
            f"Why did the council cut route {i} when ridership was rising?",
            f"AR Because the route cost {i + 2} million dollars a year. We had no money.",
        ]
    assert read_genre(lines).genre is Genre.INTERVIEW


def test_paragraphs_opening_with_initials_are_no_answers_unless_under_questions() -> None:
    """'US officials said ...' opening paragraphs of a report: no question above, no interview;
    and three answers are not yet enough."""
    report = [f"US officials said {i} more routes closed last year." for i in range(6)]
    assert genre_from_page([*NEWS, *report], None) is None  # no shape: the voice will tell
    lines = list(NEWS)
    for i in range(3):
        lines += [f"Did route {i} close?", f"US officials said route {i} closed in March."]
    assert genre_from_page(lines, None) is None


@pytest.mark.parametrize(
    ("url", "genre"),
    [
        (
            "http://www.example.com.au/news/opinion/angry-media-wont-buckle/story-1227",
            Genre.OPINION,
        ),
        ("https://example.com/opinions/2024/03/05/the-council-is-wrong/", Genre.OPINION),
        ("https://example.com/commentary/why-buses-matter", Genre.OPINION),
        ("https://example.org/news/analysis/what-the-cuts-mean", Genre.ANALYSIS),
        ("https://example.org/live/2024/mar/05/storm-updates", Genre.LIVE_BLOG),
    ],
)
def test_the_section_an_address_files_the_piece_under(url: str, genre: Genre) -> None:
    reading = genre_from_url(url)
    assert reading is not None and reading.genre is genre


@pytest.mark.parametrize(
    "url",
    [
        "https://opinion.example.com/news/council-cuts-buses",  # the host is no section
        "https://example.com/news/2024/03/05/opinion",  # the slug's words are the headline's
        "https://example.com/news/opinionated-mayor-cuts-buses",
        "https://example.com/news/council-cuts-buses?section=opinion",
        None,
    ],
)
def test_no_section_in_the_address_says_nothing(url: str | None) -> None:
    assert genre_from_url(url) is None


def test_the_address_counts_when_the_page_shows_no_label() -> None:
    text = "\n\n".join(NEWS)
    assert read_article(text).genre.genre is Genre.NEWS
    filed = read_article(text, url="https://example.com/news/opinion/bus-cuts/story-1")
    assert filed.genre.genre is Genre.OPINION


def test_in_opinion_an_act_told_of_someone_named_is_still_a_claim() -> None:
    sentence = "Staffers from the office of Communications Minister Ana Ruiz also took part."
    opinion = read_article("\n\n".join(["Opinion", *OP_ED, sentence]))
    assert opinion.genre.genre is Genre.OPINION
    assert any(c.quote == sentence for c in opinion.claims)


ESSAY = [  # third person, no "I", but verdicts sentence after sentence
    "The company had an interesting, if predictable, response to the panic.",
    "This is a brutal and cynical philosophy in its purest form.",
    "Its pricing is apparently its expression of concern.",
    "The company is certainly not a sharing service.",
    "A sharing economy, by definition, is lateral in structure.",
    "The company is hierarchical in structure.",
    "Its defenders are hiding its full costs.",
    "The invisible costs are extracted over time.",
    "That is a false and hollow choice.",
    "Regulations exist for a reason.",
]


def test_a_third_person_essay_passing_verdicts_is_opinion() -> None:
    article = read_article("\n\n".join(ESSAY))
    assert article.genre.genre is Genre.OPINION


REPORT_WITH_ANALYSIS = [  # a correspondent's first person, but most of it others' words
    "I asked the president how many minds he had changed.",
    "We spoke in the White House library.",
    "“It has been distressing,” he said.",
    "He said the deal would pass, and that gun control was his greatest frustration.",
    "“We have made progress,” he said of race relations.",
    "“I am confident,” the president said on Thursday.",
    "He said he would speak bluntly against corruption in Kenya.",
    "“Our children will see things differently,” he said.",
    "My impression was of a man relaxed and confident.",
    "He admitted that some governments needed to improve their records.",
]


def test_a_report_that_mostly_quotes_others_stays_news() -> None:
    article = read_article("\n\n".join(REPORT_WITH_ANALYSIS))
    assert article.genre.genre is Genre.NEWS


@pytest.mark.parametrize(
    ("voice", "others", "verdicts", "genre"),
    [
        (0.59, 0.0, 0.0, Genre.OPINION),  # first person and ought-to throughout
        (0.34, 0.14, 0.18, Genre.OPINION),  # less of it, but verdicts in one sentence in six
        (0.34, 0.14, 0.02, Genre.NEWS),  # a science story's "our brains"
        (0.42, 0.40, 0.03, Genre.NEWS),  # an analysis box in a story that quotes its subject
        (0.10, 0.0, 0.30, Genre.NEWS),  # verdicts in a piece with no voice of its own
        (0.23, 0.12, 0.18, Genre.OPINION),  # a plain third person judging, quoting little
        (0.23, 0.25, 0.18, Genre.NEWS),  # the same, quoting others in one in four
        (0.23, 0.12, 0.08, Genre.NEWS),  # verdicts in one sentence in twelve: news
    ],
)
def test_the_voice_reading(voice: float, others: float, verdicts: float, genre: Genre) -> None:
    assert genre_from_voice(voice, others, verdicts).genre is genre


@pytest.mark.parametrize(
    "note",
    [
        "Jane Roe is an economist and writer in Ohio. Follow her on Twitter: @janeroe.",
        "Sam Poe is a professor of history at a state university and the author of two books.",
        "Ann Lee, is a retired teacher in Dayton. Her latest book is about the river.",
        "To the editor: the council's bus cuts will strand the night shift.",
        "Dear Editor, I ride the 12 bus every day.",
    ],
)
def test_a_contributors_note_or_a_letter_says_opinion(note: str) -> None:
    assert read_genre([*NEWS, note]).genre is Genre.OPINION


@pytest.mark.parametrize(
    "line",
    [
        "Jane Roe is a staff writer for the paper. Follow her on Twitter: @janeroe.",
        "Sam Poe is a correspondent in Ohio and the author of two books.",
        "Ann Lee is a professor of history at a state university.",  # no note's tail: a source
        "Professor Lee said the book is the author's best.",
    ],
)
def test_a_reporters_note_or_a_source_named_is_no_opinion(line: str) -> None:
    assert read_genre([*NEWS, line]).genre is Genre.NEWS


JUDGING_COLUMN = [  # verdicts in the third person, no I, no should
    "The governor vetoed a bill last week that would have raised the pension fund's stake.",
    "The bill's sponsors cited the fund's falling returns.",
    "The state's pensions cover 80 percent of what they promise.",
    "The governor was right to veto the bill.",
    "Raising the stake is a risky bet with other people's money.",
    "The fund pays 2 percent of its assets in fees each year.",
    "Lower fees are the answer, and cheaper funds exist.",
    "The treasurer made a wise choice in selling the riskiest holdings.",
    "The state has 12 pension funds and 300,000 retirees.",
    "The legislature meets again in January.",
]


def test_a_column_judging_in_the_third_person_is_opinion() -> None:
    assert read_article("\n\n".join(JUDGING_COLUMN)).genre.genre is Genre.OPINION


def test_a_report_quoting_a_judgement_stays_news() -> None:
    quoted = [
        f"“{line[:-1]},” the treasurer said." if i % 2 else line
        for i, line in enumerate(JUDGING_COLUMN)
    ]
    assert read_article("\n\n".join(quoted)).genre.genre is Genre.NEWS


@pytest.mark.parametrize(
    ("types", "sections", "genre"),
    [
        (("NewsArticle", "OpinionNewsArticle"), (), Genre.OPINION),
        (("AnalysisNewsArticle",), (), Genre.ANALYSIS),
        (("ReviewNewsArticle",), (), Genre.OPINION),
        (("NewsArticle",), ("Opinion",), Genre.OPINION),
        ((), ("Commentary",), Genre.OPINION),
        ((), ("Letters",), Genre.OPINION),
        ((), ("News analysis",), Genre.ANALYSIS),
    ],
)
def test_what_the_metadata_declares(
    types: tuple[str, ...], sections: tuple[str, ...], genre: Genre
) -> None:
    reading = genre_from_metadata(types, sections)
    assert reading is not None and reading.genre is genre


@pytest.mark.parametrize(
    ("types", "sections"),
    [(("NewsArticle", "Article"), ("Politics", "US & Canada")), ((), ("Opinions of parents",))],
)
def test_plain_metadata_declares_nothing(types: tuple[str, ...], sections: tuple[str, ...]) -> None:
    assert genre_from_metadata(types, sections) is None


def test_the_declared_genre_counts_when_the_page_shows_none() -> None:
    declared = genre_from_metadata(("OpinionNewsArticle",))
    assert read_article("\n\n".join(NEWS), declared=declared).genre.genre is Genre.OPINION
    labelled = ["Live updates", *NEWS]  # a label on the page itself comes first
    assert read_article("\n\n".join(labelled), declared=declared).genre.genre is Genre.LIVE_BLOG


def test_a_verdict_on_an_act_is_no_claim_but_the_act_is() -> None:
    verdict = "Ruiz was right to veto the bill."
    act = "Ruiz vetoed the bill on Friday."
    article = read_article("\n\n".join(["Opinion", *NEWS, verdict, act]))
    quotes = [c.quote for c in article.claims]
    assert verdict not in quotes and act in quotes


@pytest.mark.parametrize(
    "byline",
    ["Jane Roe, Columnist", "By Jane Roe | Opinion contributor", "By the Editorial Board"],
)
def test_a_byline_in_the_opinion_pages_says_opinion(byline: str) -> None:
    assert read_genre(["Council cuts buses", byline, *NEWS]).genre is Genre.OPINION


def test_a_columnists_byline_below_the_article_is_a_sidebars() -> None:
    long_news = [line * 2 for line in NEWS]  # full paragraphs: the head ends at the first
    assert read_genre(["Council cuts buses", *long_news, "Jane Roe, Columnist"]).genre is (
        Genre.NEWS
    )


@pytest.mark.parametrize(
    "line",
    ["Jane Roe, Senior Reporter", "Analysis by the IMF shows growth slowing"],
)
def test_a_reporters_byline_or_a_headline_is_no_label(line: str) -> None:
    assert read_genre(["Council cuts buses", line, *NEWS]).genre is Genre.NEWS


def test_analysis_by_a_named_writer_is_analysis() -> None:
    lines = ["Council cuts buses", "Analysis by Jane Roe, Metro desk", *NEWS]
    assert read_genre(lines).genre is Genre.ANALYSIS


def test_letters_signed_one_after_another_are_opinion() -> None:
    letters = [
        "I ride the 12 bus every day, and these cuts will strand my whole street.",
        "— Jane Roe, Dayton",
        "The council did not listen to a single rider before it voted.",
        "— Sam Poe, Kettering",
    ]
    assert read_genre([*NEWS, *letters]).genre is Genre.OPINION
    assert read_genre([*NEWS, *letters[:2]]).genre is Genre.NEWS  # one signature: a credit
