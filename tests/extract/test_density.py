"""The article as the densest runs of prose on a captured page; what stands far off is not."""

from __future__ import annotations

import textwrap

from claimledger.extract import extract_claims, find_body
from claimledger.extract.density import continues, dense_runs, line_weight

PARAGRAPH = (
    "The council cut {n} bus routes in March 2021 after a review of ridership, the transit "
    "authority said on Tuesday."
)


def _article(n: int) -> list[str]:
    return [PARAGRAPH.format(n=10 + i) for i in range(n)]


def _body(lines: list[str]) -> list[str]:
    text = "\n".join(lines) + "\n"
    return [text[s:e] for s, e in find_body(text)]


def test_a_sentence_weighs_its_length_a_label_weighs_against() -> None:
    assert line_weight("x" * 150 + ".", kept=True) > 1
    assert line_weight("Top categories", kept=True) < 0
    assert line_weight("x" * 150 + ".", kept=False) < 0  # furniture by a rule stays furniture


def test_a_list_item_neither_helps_nor_breaks_the_article() -> None:
    assert line_weight("1. Finland", kept=True) == 0
    assert line_weight("• Three shelters are full", kept=True) == 0


def test_runs_are_the_maximal_stretches_of_weight() -> None:
    runs = dense_runs([2, -1, 2, -5, -5, 1, -3, 3])
    assert [(r.start, r.end, r.weight) for r in runs] == [(0, 3, 3), (5, 6, 1), (7, 8, 3)]


def test_no_positive_weight_no_run() -> None:
    assert dense_runs([-1.0, -0.3, 0.0]) == []


def test_a_lone_site_sentence_far_from_the_article_is_not_body() -> None:
    menu = ["Home", "News", "Health", "Sign in", "Search", "Topics", "About us", "Careers"]
    lines = [
        *menu,
        "Headline about bus routes",
        *_article(6),
        *menu,
        "It's a safe forum where you can create support groups about health topics.",
        *menu,
    ]
    body = _body(lines)
    assert "It's a safe forum where you can create support groups about health topics." not in body
    assert all(p in body for p in _article(6))


def test_the_headline_and_standfirst_above_the_article_stay() -> None:
    menu = ["Home", "News", "Health", "Sign in", "Search", "Topics"]
    standfirst = "The city has fewer buses than in any year since 1990, a report found."
    body = _body([*menu, "Buses cut again", standfirst, *_article(5), *menu])
    assert "Buses cut again" in body and standfirst in body
    assert "Home" not in body and "Sign in" not in body


def test_the_article_goes_on_after_a_chart() -> None:
    chart = ["$915", "billion", "’17", "’18", "’19", "’20", "’21", "’22", "’23"] * 4
    lines = [*_article(5), *chart, *_article(5), "Footer", "Contact us"]
    assert sum(p in _body(lines) for p in _article(5)) == 5
    assert _body(lines)[-1] == _article(5)[-1]


def test_an_author_box_inside_the_article_does_not_end_it() -> None:
    box = ["Jane Roe", "Staff reporter", "About Jane Roe"]
    lines = [*_article(6), *box, *_article(4)]
    assert len(_body(lines)) == 10


def test_a_short_article_keeps_all_its_parts() -> None:
    text = (
        "Live updates: storm hits the coast\n4:10 p.m.\n"
        "More than 300,000 customers are without power, the utility commission said.\n"
        "3:45 p.m.\n"
        '"Stay off the roads," Reyes said. "Please."\n'
        "1:05 p.m.\n"
        "The storm is expected to weaken to a tropical storm by Thursday morning.\n"
    )
    quotes = [c.quote for c in extract_claims(text)]
    assert any("300,000" in q for q in quotes)
    assert any("Thursday" in q for q in quotes)


def test_a_light_run_far_from_the_article_is_not_body_however_long_the_article() -> None:
    teaser = "Google changed the inbox design again and some readers are furious about it."
    menu = [f"Section {i}" for i in range(30)]
    body = _body([*_article(6), *menu, teaser, teaser.replace("again", "once more"), *menu])
    assert teaser not in body
    assert len(body) == 6


def test_a_sentence_going_on_in_the_next_line_is_prose() -> None:
    wrapped = "The council cut twelve bus routes in March after a review of"
    assert continues(wrapped, "ridership, the transit authority said.")
    assert not continues("Top stories", "ridership fell")  # too short for wrapped prose
    assert not continues(wrapped, "Ridership fell")  # the next line starts a new sentence
    assert line_weight(wrapped, True, "ridership, the authority said.") > 0


def test_hard_wrapped_prose_is_article_not_a_teaser_list() -> None:
    paragraphs = [PARAGRAPH.format(n=n) * 2 for n in (10, 20, 30, 40)]
    text = "\n\n".join(textwrap.fill(p, 60) for p in paragraphs) + "\n"
    kept = [text[s:e] for s, e in find_body(text)]
    assert kept == [line for line in text.splitlines() if line]
    assert any("40 bus routes" in c.quote for c in extract_claims(text))


def test_a_list_just_after_the_article_stays_with_it() -> None:
    facts = [
        "Key facts:",
        "• Wind speeds reached 120 mph near Port Lewis",
        "• 42% of homes lost power",
    ]
    body = _body([*_article(5), *facts, "Menu", "Sign in", "Contact us"])
    assert body[-3:] == facts
    assert "Menu" not in body


def test_a_list_far_from_the_article_does_not() -> None:
    menu = [f"Section {i}" for i in range(12)]
    body = _body([*_article(5), *menu, "1. Finland", "2. Norway"])
    assert "1. Finland" not in body


def test_a_stream_of_one_paragraph_stories_is_not_article() -> None:
    story = (
        "The sheriff said on Wednesday that the two suspects kept the victim's head covered for "
        "{n} days and spoke Spanish to each other, and that the search for them goes on across "
        "three counties, with the help of the state police and of {n} volunteers from the town. "
        "She was found on a road near the highway, some 150 miles from her home, with "
        "her hands bound, and taken to a hospital, where she was treated and released."
    )
    stream: list[str] = []
    for n in range(3):  # each story a paragraph between labels no rule knows
        stream += [*(["Politics", "AFP", "Ad", "|", "—"] * 3), story.format(n=n + 5)]
    lines = [*_article(6), "Latest", *stream]
    body = _body(lines)
    assert not any("sheriff" in p for p in body)
    assert all(p in body for p in _article(6))


def test_one_long_paragraph_apart_from_the_article_stays() -> None:
    summary = (
        "The console is the most powerful ever made. It plays games in 4K, it holds a Blu-ray "
        "drive for films, and it costs $499, a hundred dollars more than its rival, which is "
        "where most buyers will stop and think, since few of them own a 4K television yet. "
        "The games made for it look sharper and run faster, and older games load in half "
        "the time, but the box is large, loud under load, and sold without a headset."
    )
    box = ["Scores", "87", "Key specs", "Drive 1TB", "Buy now", "Pros", "Cons", "Summary"]
    body = _body([summary, *box, *box, *_article(6)])
    assert summary in body
