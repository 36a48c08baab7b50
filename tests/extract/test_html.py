"""An HTML page and the captured text of the same article give the same claims."""

from __future__ import annotations

import html as html_lib
from pathlib import Path

from claimledger.documents import parse_document, read_document
from claimledger.extract import extract_claims

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
