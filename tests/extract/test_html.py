"""An HTML page and the captured text of the same article give the same claims."""

from __future__ import annotations

import html as html_lib
from pathlib import Path

import pytest

from claimledger.documents import parse_document, read_document
from claimledger.extract import Genre, extract_claims
from claimledger.extract.html import xml_paragraphs

SOURCES = Path(__file__).resolve().parents[2] / "sources"


def _as_html(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{html_lib.escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head>"
        f"<title>{html_lib.escape(title)}</title>"
        '<meta property="og:site_name" content="ACLU">'
        '<meta property="article:published_time" content="2011-11-30T10:00:00Z">'
        '<meta name="author" content="Laura Rotolo">'
        '<link rel="canonical" href="https://www.aclu.org/news/ices-mess">'
        "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{html_lib.escape(title)}</h1>{body}</article>"
        "<footer>Sign up for breaking news alerts. © ACLU</footer></body></html>"
    )


def test_html_and_captured_text_give_the_same_claims() -> None:
    doc = read_document(SOURCES / "2011-11-30-aclu-ices-mess-in-massachusetts.txt")
    start = doc.text.index("Over the last year")
    end = doc.text.index("Learn more about Secure Communities")
    paragraphs = [p.strip() for p in doc.text[start:end].split("\n") if p.strip()]
    page = _as_html("ICE's Mess in Massachusetts", paragraphs)
    html_doc = parse_document(page.encode(), name="ices-mess.html")
    assert html_doc.format == "html"
    assert html_doc.meta.outlet == "ACLU"
    assert html_doc.meta.published == "2011-11-30"
    from_text = [c.quote for c in extract_claims(doc.text, published="2011-11-30")]
    from_html = [c.quote for c in extract_claims(html_doc.text, published="2011-11-30")]
    assert from_html == from_text


def test_a_line_break_in_a_paragraphs_source_is_a_space() -> None:
    # what trafilatura's fallback readers give for a hard-wrapped page: the source's line breaks
    # and indentation inside each paragraph (its plain text kept them as lines)
    xml = (
        "<doc><main><head>Babies who eat peanuts early</head>"
        "<p>Feb. 23, 2015 -- Peanut allergies have been\n                on the rise "
        "in the past decade.</p><p>But a new study may offer a way to stem that rise,\n"
        "    while another may offer hope.<lb/>A second line.</p>"
        "<list><item>Nuts are the main\n cause.</item></list>Loose text\n in the main.</main></doc>"
    )
    assert xml_paragraphs(xml) == [
        "Babies who eat peanuts early",
        "Feb. 23, 2015 -- Peanut allergies have been on the rise in the past decade.",
        "But a new study may offer a way to stem that rise, while another may offer hope.",
        "A second line.",
        "- Nuts are the main cause.",
        "Loose text in the main.",
    ]


def test_a_written_line_break_starts_a_line() -> None:
    paragraphs = [
        "The council cut 12 bus routes in March 2021, the transit authority said in a statement.",
        "The mayor signed the budget on Tuesday.<br>Ridership fell 38 percent in 2023.",
        "Officials said the cuts would save $4.1 million a year, according to the budget office.",
    ]
    page = _as_html("Bus cuts", []).replace(
        "</h1>", "</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
    )
    text = parse_document(page.encode(), name="bus.html").text
    assert "The mayor signed the budget on Tuesday.\n" in text
    assert "\nRidership fell 38 percent in 2023." in text


def _page_declaring(head: str) -> str:
    body = "".join(
        f"<p>The city council voted on Tuesday to cut {n} bus routes, the transit authority "
        "said in a statement released after the meeting.</p>"
        for n in range(12, 18)
    )
    return (
        f"<!doctype html><html><head><title>Bus cuts</title>{head}</head>"
        f"<body><article><h1>Bus cuts</h1>{body}</article></body></html>"
    )


def test_the_genre_a_pages_metadata_declares() -> None:
    typed = '<script type="application/ld+json">{"@type": ["OpinionNewsArticle"]}</script>'
    doc = parse_document(_page_declaring(typed).encode(), name="typed.html")
    assert doc.declared is not None and doc.declared.genre is Genre.OPINION
    section = '<meta content="News analysis" property="article:section">'
    doc = parse_document(_page_declaring(section).encode(), name="section.html")
    assert doc.declared is not None and doc.declared.genre is Genre.ANALYSIS
    plain = '<meta property="article:section" content="Politics">'
    assert parse_document(_page_declaring(plain).encode(), name="plain.html").declared is None


def test_the_pages_body_stands_in_when_the_extractor_took_a_side_block() -> None:
    """A comment policy taken for the article (a real page's case): the finder's own reading of
    the page's lines has eight times its prose, so that reading is the article."""
    from claimledger.extract.html import _or_the_pages_body

    policy = ["Keep it civil and stay on topic. People who harass others will be blocked."]
    article = [
        f"Deputies searched {n} homes near Main Street on Tuesday, the sheriff's office said."
        for n in range(10)
    ]
    page = ["", "Menu", *article, "", policy[0]]
    assert _or_the_pages_body(policy, page) == ["Menu", *article, policy[0]]
    # the extractor's reading holds most of the prose: kept as it is (trimmed, not missed)
    assert _or_the_pages_body(article[:6], page) == article[:6]
    # too little prose on the page to tell: kept
    assert _or_the_pages_body(policy, ["", *article[:2]]) == policy


def test_a_page_the_extractor_finds_nothing_in_is_read_by_its_own_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A real page (The Root's) made the extractor return nothing, and `extract` refused it with
    "no article text found"; its visible lines hold the article, which the finder's rules find."""
    import trafilatura

    from claimledger.extract.html import html_to_text

    body = "".join(
        f"<p>The council approved {n} new bus shelters on Elm Street on Tuesday, its clerk said.</p>"
        for n in range(6)
    )
    page = f"<html><head><title>Shelters</title></head><body><div>{body}</div></body></html>"
    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: None)
    text, _ = html_to_text(page)
    assert "approved 0 new bus shelters" in text and "approved 5 new bus shelters" in text
