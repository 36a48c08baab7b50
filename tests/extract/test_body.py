"""Page furniture never reaches the claims: only article paragraphs do."""

from __future__ import annotations

from claimledger.extract import extract_claims, find_body


def _body(text: str) -> list[str]:
    return [text[s:e] for s, e in find_body(text)]


FACT = "The council cut 12 bus routes in March 2021, the transit authority said."


def test_navigation_and_share_lines_are_not_body() -> None:
    text = f"Skip to main content\nBack to News & Commentary\nShare This Page\n\n{FACT}\n"
    assert _body(text) == [FACT]


def test_copyright_lines_are_not_body() -> None:
    for line in (
        "Copyright 2024 The Associated Press. All rights reserved.",
        "© 2023 Springfield Courier",
    ):
        assert _body(f"{FACT}\n\n{line}\n") == [FACT], line


def test_reader_comments_end_the_article() -> None:
    text = (
        f"{FACT}\n\n" * 3
        + "Please follow our community rules when engaging in comment discussion.\n"
        + "  • Joe\n\n    The city cut 40 routes in 2019, I counted them.\n"
    )
    assert all("40 routes" not in c.quote for c in extract_claims(text))


def test_a_donation_letter_is_not_article_text() -> None:
    text = (
        f"{FACT}\n\nThe mayor signed the budget on Tuesday, cutting 3 percent from transit.\n\n"
        "Our Newsroom Needs You\n\nDear Reader Community,\n\n"
        "We raised $2 million from 5,000 readers in 2023, and we need more.\n\n"
        "Please make a donation of any amount today.\n\nWith love,\n\nAnn and Bo\n"
    )
    quotes = [c.quote for c in extract_claims(text)]
    assert not any("$2 million" in q for q in quotes)
    assert any("3 percent" in q for q in quotes)


def test_author_bio_boxes_are_skipped_but_the_article_resumes_after_them() -> None:
    text = (
        f"{FACT}\n\nMeet the Author\n\nJane Roe\n\nStaff reporter\n\nAbout Jane Roe\n\n"
        "Jane Roe won a 2019 Pulitzer Prize for coverage of 14 city budgets.\n\n"
        "She covered City Hall for 10 years.\n\n"
        "The governor vetoed the 2022 transit bill, which had passed 31 to 9.\n"
    )
    quotes = [c.quote for c in extract_claims(text)]
    assert not any("Pulitzer" in q or "10 years" in q for q in quotes)
    assert any("vetoed" in q for q in quotes)


def test_contact_and_follow_lines_are_not_claims() -> None:
    text = (
        f"{FACT}\n\nJane Roe can be reached at jroe@paper.example. Follow her on Twitter @jroe.\n"
    )
    assert [c.quote for c in extract_claims(text)] == [FACT]


def test_photo_captions_are_not_claims() -> None:
    text = (
        "Voters wait in line at a polling station on November 3, 2020, in Atlanta, Georgia.\n\n"
        f"{FACT}\n\nCLICK TO ENLARGE (Graphic by Ann Lee for the Paper. Source: City data)\n"
    )
    assert [c.quote for c in extract_claims(text)] == [FACT]


def test_editors_notes_are_not_claims() -> None:
    text = f"Editor’s Note: This is the third of five posts in a series.\n\n{FACT}\n"
    assert [c.quote for c in extract_claims(text)] == [FACT]


def test_update_and_publication_stamps_are_not_body() -> None:
    for line in (
        "Last updated 4:15 p.m.",
        "Published Sept. 21, 2023",
        "Updated: 10/9/2024 4:15 PM ET",
    ):
        assert _body(f"{line}\n\n{FACT}\n") == [FACT], line
    # a sentence that only starts like a stamp is article text
    sentence = "Published reports show that 40 percent of riders paid the full fare in 2020."
    assert _body(f"{FACT}\n\n{sentence}\n") == [FACT, sentence]


def test_a_thread_of_reader_comments_with_reply_buttons_ends_the_article() -> None:
    comments = [
        "There are 3 comments",
        "Ann Lee · March 10, 2017 at 12:20 AM",
        "The city cut 40 routes in 2019, I counted them.",
        "Reply",
        "jroe 3 hours ago",
        "The mayor signed 12 budgets in 2020 and none of them balanced.",
        "Reply",
    ]
    text = f"{FACT}\n\n" * 4 + "\n".join(comments[1:]) + "\n"
    assert _body(text) == [FACT] * 4
    text = f"{FACT}\n\n" * 4 + "\n".join(comments) + "\n"
    assert _body(text) == [FACT] * 4


def test_a_sign_in_to_reply_line_ends_the_article() -> None:
    text = f"{FACT}\n\n" * 4 + "Sign in to post a reply.\nThe council lied about 40 routes.\n"
    assert _body(text) == [FACT] * 4


def test_one_reply_line_or_a_sentence_about_comments_is_body() -> None:
    lines = [FACT, FACT, "Reply", "The council received 300 comments on the plan by May.", FACT]
    text = "\n\n".join(lines) + "\n"
    assert len(_body(text)) == 5


def test_a_byline_over_the_authors_bio_at_the_end_is_no_article() -> None:
    text = (
        f"{FACT}\n\nThe governor vetoed the 2022 transit bill, which had passed 31 to 9.\n\n"
        "By Dev Hardy @devhardy\n\n"
        "Dev has covered technology since 2008, and fixed computers for ten years before that.\n"
    )
    quotes = [c.quote for c in extract_claims(text)]
    assert not any("2008" in q for q in quotes)
    assert any("vetoed" in q for q in quotes)


def test_a_byline_over_the_article_is_no_bio() -> None:
    text = (
        "By Dev Hardy\n\nDevelopers filed 3,000 complaints about the app store in 2023, the "
        "regulator said.\n\nThe governor vetoed the 2022 transit bill, which had passed 31 to 9.\n"
    )
    other = (
        f"{FACT}\n\nThe governor vetoed the 2022 transit bill, which had passed 31 to 9.\n\n"
        "By Dev Hardy\n\nThe regulator said developers filed 3,000 complaints in 2023.\n"
    )
    assert any("3,000" in c.quote for c in extract_claims(text))
    assert any("3,000" in c.quote for c in extract_claims(other))  # not about its author


# A newspaper template whose menus fill the page's first third, with a comment count between the
# menus and the headline (made-up text: the shape of the page, none of its words).
_MENU = [f"Section {n}" for n in range(120)]
_ARTICLE = [
    "The county board approved a 4 percent property tax increase on Tuesday, its first in 9 years.",
    "Commissioners voted 5 to 2 after a four-hour hearing that drew more than 200 residents.",
    "The increase will raise about $3.1 million a year for road repairs, the budget office said.",
    "Board chair Lena Ortiz said the roads had not been repaved since 1998.",
    "Two commissioners said the county should have cut spending on consultants first.",
    "The new rate takes effect on January 1, according to the county treasurer.",
]


def _template_page(count_line: str) -> str:
    lines = [
        *_MENU,
        "You can pick your city for the forecast at any time.",
        count_line,
        "County board raises property tax for road repairs",
        *_ARTICLE,
        "Related Stories",
        *_MENU[:40],
    ]
    return "\n".join(lines) + "\n"


def test_a_comment_count_above_the_article_does_not_end_it() -> None:
    for count_line in ("comments", "Comments (12)", "12 comments"):
        body = _body(_template_page(count_line))
        assert all(p in body for p in _ARTICLE), count_line
        quotes = [c.quote for c in extract_claims(_template_page(count_line))]
        assert any("4 percent" in q for q in quotes), count_line
        assert not any("forecast" in q for q in quotes), count_line


def test_comments_below_a_short_article_still_end_it() -> None:
    text = (
        "\n".join(_MENU)
        + f"\n{FACT}\n{FACT}\nComments (2)\n"
        + "Ann Lee: The city cut 40 routes in 2019, I counted them myself.\n"
    )
    assert _body(text) == [FACT, FACT]


def test_a_comment_thread_above_the_article_does_not_end_it() -> None:
    thread = ["Ann Lee · March 10, 2017 at 12:20 AM", "Great story.", "Reply", "Report"]
    text = "\n".join([*_MENU, *thread, *_ARTICLE]) + "\n"
    assert all(p in _body(text) for p in _ARTICLE)
