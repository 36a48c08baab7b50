"""Furniture on real pages, without hand labels: claims found in a page's visible text that are not
in the article, and article claims lost, measured against an article extractor's test pages.

Run: python benchmarks/furniture_real.py PAGES_DIR [PAGE ...]
     python benchmarks/furniture_real.py --fixtures FIXTURES_DIR [FILE ...]

PAGES_DIR holds one folder per page with `source.html` (the page as saved) and `expected.html`
(its article alone, as the extractor's maintainers curated it): the layout of
`test/test-pages/` in the mozilla/readability repository (Apache-2.0; the pages themselves belong
to their publishers, so they are not copied here: check out that repository and point at it).

With --fixtures, FIXTURES_DIR holds saved pages as single HTML files, with no curated article
(the layout of `fixtures/` in the postlight/parser repository, MIT/Apache-2.0): the article is then
what the project's own HTML reader (trafilatura) takes from the page, a stricter and noisier
reference (it leaves out some real paragraphs, which then count as "outside"). The list of those
pages (`FIXTURE_PAGES`) was fixed before the finder first ran on any of them.

For each page the finder reads the page's whole visible text (what a capture tool saves: every
block on its own line, scripts and styles left out), and, apart, the article alone:
- "outside": claims from the visible text whose words are nowhere in the article (furniture);
- "lost": claims from the article alone that the visible-text run no longer finds (what the
  furniture rules, or the page around the article, took away).
A claim counts by its words (lower-case letters and digits), so a different sentence cut still
matches. The curated articles keep some captions and leave out some standfirsts: treat a handful
either way as noise.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import lxml.html  # type: ignore[import-untyped]  # no stubs shipped

from claimledger.extract import extract_claims

# English news and magazine pages of that test set, several outlets and layouts.
NEWS_PAGES = (
    "aclu",
    "ars-1",
    "bbc-1",
    "breitbart",
    "buzzfeed-1",
    "citylab-1",
    "cnn",
    "engadget",
    "guardian-1",
    "herald-sun-1",
    "medicalnewstoday",
    "msn",
    "nytimes-1",
    "nytimes-2",
    "nytimes-3",
    "nytimes-4",
    "nytimes-5",
    "quanta-1",
    "salon-1",
    "seattletimes-1",
    "telegraph",
    "theverge",
    "tmz-1",
    "wapo-1",
    "wapo-2",
    "yahoo-1",
    "yahoo-2",
)

# English news and magazine pages of that repository's fixtures, chosen by name before the first run.
FIXTURE_PAGES = (
    "www.al.com.html",
    "www.bloomberg.com--news.html",
    "www.chicagotribune.com.html",
    "www.cnbc.com.html",
    "www.cnn.com.html",
    "www.fastcompany.com.html",
    "www.huffingtonpost.com.html",
    "www.latimes.com.html",
    "www.miamiherald.com.html",
    "www.msnbc.com.html",
    "www.nbcnews.com.html",
    "www.newyorker.com.html",
    "www.npr.org.html",
    "www.nytimes.com.html",
    "www.politico.com.html",
    "www.prospectmagazine.co.uk.html",
    "www.rawstory.com.html",
    "www.reuters.com.html",
    "www.si.com.html",
    "www.slate.com.html",
    "www.theatlantic.com.html",
    "www.theguardian.com.html",
    "www.today.com.html",
    "www.vox.com.html",
    "www.washingtonpost.com.html",
    "www.wired.com.html",
)

_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")
_BLOCK = frozenset(
    re.findall(
        r"\w+",
        "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 "
        "h4 h5 h6 header hr li main nav ol p pre section table td th tr ul button option",
    )
)
_SPACE = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def visible_text(html: str) -> str:
    """Every visible block of a page on its own line, as a capture tool saves a page's text."""
    root = lxml.html.fromstring(html)
    for bad in root.xpath("//" + " | //".join(_INVISIBLE)):
        bad.drop_tree()
    for hidden in root.xpath("//*[@hidden or @aria-hidden='true' or @style]"):
        style = hidden.get("style")
        if (style is None or _HIDDEN_STYLE.search(style)) and hidden.getparent() is not None:
            hidden.drop_tree()
    parts: list[str] = []

    def inline(text: str | None) -> None:
        if text:  # as a browser shows it: any run of white space is one space
            parts.append(_SPACE.sub(" ", text))

    def walk(node: lxml.html.HtmlElement) -> None:
        if not isinstance(node.tag, str):
            inline(node.tail)
            return
        block = node.tag in _BLOCK
        if block:
            parts.append("\n")
        inline(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        inline(node.tail)

    walk(root)
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


@dataclass
class PageScore:
    found: int = 0
    outside: int = 0
    article_claims: int = 0
    lost: int = 0


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def measure(folder: Path) -> tuple[PageScore, list[str]]:
    """A page's figures: `folder` with source.html and expected.html, or one saved HTML file."""
    if folder.is_file():
        from claimledger.extract.html import html_to_text

        html = _read(folder)
        page = visible_text(html)
        article = html_to_text(html)[0]
    else:
        page = visible_text(_read(folder / "source.html"))
        article = visible_text(_read(folder / "expected.html"))
    article_key = _key(article)
    page_key = _key(" ".join(c.quote for c in extract_claims(page)))
    score = PageScore()
    outside: list[str] = []
    for claim in extract_claims(page):
        score.found += 1
        if _key(claim.quote) not in article_key:
            score.outside += 1
            outside.append(claim.quote)
    for claim in extract_claims(article):
        score.article_claims += 1
        score.lost += _key(claim.quote) not in page_key
    return score, outside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path, help="a folder of test pages (see above)")
    parser.add_argument("names", nargs="*", help="pages to measure (default: the news pages)")
    parser.add_argument("--fixtures", action="store_true", help="single saved HTML files")
    parser.add_argument("--show", action="store_true", help="print the claims found outside")
    args = parser.parse_args()
    names = args.names or (FIXTURE_PAGES if args.fixtures else NEWS_PAGES)
    total = PageScore()
    print(f"{'page':<28} {'found':>5} {'outside':>7} {'article':>7} {'lost':>4}")
    for name in names:
        folder = args.pages / name
        if not (folder.is_file() or (folder / "source.html").exists()):
            print(f"{name:<20} missing", file=sys.stderr)
            continue
        s, outside = measure(folder)
        for field in vars(total):
            setattr(total, field, getattr(total, field) + getattr(s, field))
        print(f"{name[:28]:<28} {s.found:>5} {s.outside:>7} {s.article_claims:>7} {s.lost:>4}")
        if args.show:
            for quote in outside:
                print(f"    outside: {quote[:150]}")
    print(
        f"{'all ' + str(len(names)):<28} {total.found:>5} {total.outside:>7} "
        f"{total.article_claims:>7} {total.lost:>4}"
    )
    print(
        f"\nclaims from outside the article: {total.outside} of {total.found} "
        f"({total.outside / max(1, total.found):.0%}); article claims lost on the whole page: "
        f"{total.lost} of {total.article_claims}"
    )


if __name__ == "__main__":
    main()
