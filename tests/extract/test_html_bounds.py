"""Big and hostile HTML: the slimming pre-pass, the size check and the streamed visible text."""

from __future__ import annotations

import html as html_lib
import tracemalloc
from pathlib import Path

import pytest

from claimledger.documents import parse_document
from claimledger.errors import LedgerError
from claimledger.extract.html import flatten_deep_nesting, html_to_text
from claimledger.extract.html_slim import (
    LONG_VALUE,
    READER_MAX_RUN,
    READER_MAX_TAGS,
    SLIM_FROM,
    slim,
    too_big_to_read,
)
from claimledger.extract.page_text import parse_page, streamed_text, visible_lines

WEB_PAGES = Path(__file__).resolve().parents[2] / "benchmarks" / "gold" / "web" / "pages"
ONE = "The council cut 12 bus routes in March 2021, the transit authority said."
TWO = "Ridership fell by 38 percent between 2019 and 2021, according to the city."
THREE = "The budget office said the cuts would save $4.1 million a year."
HEAD = (
    "<!doctype html><html><head><title>Bus cuts</title>"
    '<meta property="og:site_name" content="City Paper">'
    '<meta property="article:published_time" content="2021-05-02T08:00:00Z">'
    "</head><body>"
)


def _page(body: str) -> str:
    return f"{HEAD}<nav><a href='/'>Home</a></nav><article><h1>Bus cuts</h1>{body}</article></body></html>"


# --- slim: what no reader needs goes, the rest stays character for character


def test_slim_takes_out_script_code_style_drawings_and_comments() -> None:
    page = _page(
        f"<p>{ONE}</p><script>var a = '{TWO}';</script><style>p {{ color: red }}</style>"
        f"<svg viewBox='0 0 9 9'><title>Logo</title><path d='M0 0'/></svg><!-- {THREE} --><p>{TWO}</p>"
    )
    slimmed = slim(page)
    assert "var a" not in slimmed
    assert "color: red" not in slimmed
    assert "Logo" not in slimmed
    assert THREE not in slimmed
    assert slimmed == _page(f"<p>{ONE}</p><script></script><style></style><svg></svg><p>{TWO}</p>")


def test_slim_keeps_a_metadata_script_whole() -> None:
    ld = '<script type="application/ld+json">{"datePublished": "2021-05-02"}</script>'
    page = _page(f"{ld}<p>{ONE}</p><script>var x = 1;</script>")
    assert slim(page) == _page(f"{ld}<p>{ONE}</p><script></script>")


def test_slim_leaves_a_page_with_nothing_heavy_as_it_is() -> None:
    page = _page(f"<p class='lead' data-id='7'>{ONE}</p><p>{TWO}</p>")
    assert slim(page) is page


def test_slim_empties_long_inline_images_and_data_attributes_only() -> None:
    image = "data:image/png;base64," + "A" * LONG_VALUE
    state = "x" * LONG_VALUE
    page = _page(
        f"<p data-state='{state}' onclick=\"{state}\" class='lead'>{ONE}</p>"
        f"<img src='{image}' alt='A bus'><p data-id='7'>{TWO}</p>"
    )
    assert slim(page) == _page(
        f'<p data-state="" onclick="" class=\'lead\'>{ONE}</p>'
        f"<img src='data:,' alt='A bus'><p data-id='7'>{TWO}</p>"
    )


def test_slim_leaves_text_that_looks_like_an_inline_image_or_attribute() -> None:
    text = "data:" + "B" * LONG_VALUE
    page = _page(f'<p>{text}</p><pre>data-x="{"y" * LONG_VALUE}"</pre>')
    assert slim(page) == page


def test_a_script_written_inside_an_attribute_is_no_script() -> None:
    # an embed code in a data attribute, opened there and never closed: the text after it stays
    page = _page(
        f"<p data-embed='<script async src=\"x.js\">'>{ONE}</p><p>{TWO}</p><script>var x;</script>"
    )
    slimmed = slim(page)
    assert ONE in slimmed
    assert TWO in slimmed
    assert "var x" not in slimmed


@pytest.mark.parametrize("opening", ["<!-- no end", "<script>no end", "<style>no end"])
def test_a_part_that_never_ends_leaves_the_rest_as_it_is(opening: str) -> None:
    page = _page(f"<p>{ONE}</p>{opening}<p>{TWO}</p>")
    assert slim(page) == page


# --- the size check


def test_an_ordinary_page_is_for_the_article_reader() -> None:
    assert not too_big_to_read(_page(f"<p>{ONE}</p>" * 100))


def test_a_page_of_too_many_elements_is_too_big_to_read() -> None:
    assert too_big_to_read(_page("<span>a</span>" * (READER_MAX_TAGS // 2 + 1)))


def test_one_huge_text_is_too_big_to_read_but_a_huge_script_is_not() -> None:
    words = "word " * (READER_MAX_RUN // 5 + 1)
    assert too_big_to_read(_page(f"<p>{words}</p>"))
    assert too_big_to_read(words)  # no tag at all
    assert not too_big_to_read(_page(f"<p>{ONE}</p><script>var s = '{words}';</script>"))


# --- the visible text, streamed


def test_streamed_text_is_the_visible_lines() -> None:
    page = (
        "<?xml version='1.0'?><html><head><title>T</title></head><body><p>One <b>line</b>\n"
        "  wrapped </p><div hidden>no<p>deeper no</p></div><script>var x;</script>"
        "<p style='display: none'>no</p><input type='hidden' value='no'>"
        "<pre>code  one\n  code two</pre>x<br>y &amp; z<figure><figcaption>A caption"
        "</figcaption></figure><ul><li>item <i>one</i></li><li> </li></ul>Tail\u00a0 text</body></html>"
    )
    expected = [*visible_lines(parse_page(page)), ""]
    assert streamed_text([page]).split("\n") == expected
    assert expected[:3] == ["One line wrapped", "code one", "code two"]


def test_streamed_text_in_small_pieces_is_the_same() -> None:
    page = _page(f"<p>{ONE}  <b>and</b>\n {TWO}</p><pre>a\nb</pre>")
    pieces = [page[i : i + 7] for i in range(0, len(page), 7)]
    assert streamed_text(pieces) == streamed_text([page])


@pytest.mark.parametrize("page", sorted(WEB_PAGES.glob("readability-*.html")), ids=lambda p: p.stem)
def test_streamed_text_of_a_real_page_is_its_visible_lines(page: Path) -> None:
    html = page.read_bytes().decode("utf-8-sig")
    lines = visible_lines(parse_page(html))
    assert streamed_text([html]) == "".join(f"{line}\n" for line in lines)


# --- whole pages


def test_a_big_page_of_scripts_reads_as_the_same_page_without_them() -> None:
    article = "".join(f"<p>{html_lib.escape(s)}</p>" for s in (ONE, TWO, THREE))
    script = "<script>var state = [" + ",".join(["1234567890"] * (SLIM_FROM // 10)) + "];</script>"
    big = _page(article + script)
    assert len(big) >= SLIM_FROM
    assert html_to_text(big) == html_to_text(_page(article + "<script></script>"))


def test_a_page_of_tiny_elements_is_read_as_its_visible_text() -> None:
    filler = "<p>" + "<span>x</span> " * READER_MAX_TAGS + "</p>"
    page = _page(f"<p>{ONE}</p><script>var hidden = 1;</script><p>{TWO}</p>{filler}")
    text, meta = html_to_text(page)
    lines = text.split("\n")
    assert lines[:4] == ["Home", "Bus cuts", ONE, TWO]
    assert "hidden" not in text
    assert meta["outlet"] == "City Paper"  # read from the head alone
    assert meta["published"] == "2021-05-02"


def test_a_huge_paragraph_is_read_whole() -> None:
    words = f"{ONE} " * (READER_MAX_RUN // len(ONE) + 1)
    text, _ = html_to_text(_page(f"<p>{words}</p><p>{TWO}</p>"))
    assert text == f"Home\nBus cuts\n{words.strip()}\n{TWO}\n"


def test_a_page_nested_a_hundred_thousand_deep_keeps_its_text() -> None:
    page = _page("<div>" * 100_000 + f"<p>{ONE}</p>" + "</div>" * 100_000 + f"<p>{TWO}</p>")
    doc = parse_document(page.encode(), name="deep.html")
    assert ONE in doc.text
    assert TWO in doc.text


def test_deep_nesting_is_taken_out_below_the_limit_only() -> None:
    page = "<div>" * 5 + "text" + "</div>" * 5
    assert flatten_deep_nesting(page, limit=3) == "<div>" * 3 + "  text  " + "</div>" * 3
    assert flatten_deep_nesting(page, limit=5) == page


def test_reading_many_tiny_elements_holds_about_the_page_not_its_elements() -> None:
    # a tree of this page costs a few hundred bytes an element; the streamed reading, about the
    # text it shows (Python's own allocations, which tracemalloc sees)
    page = _page("<p>" + "<b>ab</b> " * 100_000 + "</p>" + "<p>cd</p>" * 50_000)
    html_to_text(_page(f"<p>{ONE}</p>"))  # the libraries imported before counting
    tracemalloc.start()
    try:
        text, _ = html_to_text(page)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert text.count("ab") == 100_000
    assert peak < 2 * len(page)  # walking its tree: 14 times, libxml2 not counted


@pytest.mark.parametrize("page", ["", "<?xml version='1.0'?>", "<html></html>"])
def test_a_page_with_nothing_to_show_streams_no_text(page: str) -> None:
    assert streamed_text([page]) == ""


def test_a_huge_page_with_no_text_is_one_line() -> None:
    page = _page("<div></div>" * READER_MAX_TAGS).replace("<h1>Bus cuts</h1>", "")
    page = page.replace("<a href='/'>Home</a>", "")
    with pytest.raises(LedgerError, match="no article text found in the HTML"):
        parse_document(page.encode(), name="empty.html")
