"""The visible text of saved web pages, as a capture tool or a copy-paste of the whole page writes it.

Run: python benchmarks/web_text.py [PAGE.html ...]   (default: every page in benchmarks/gold/web/pages/)

Each PAGE.html gets a PAGE.txt beside it: all the text a reader sees in the body (navigation,
captions, credits, teasers, comment lines included), without script, style, noscript, template and
hidden elements, one line per block element, with the front matter the shipped sources/ carry
(title, outlet, url, published) read from the page's own metadata. It knows no outlet: the point is
to give the claim finder what a fact-checker's clipboard holds, furniture and all.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import lxml.html
import yaml
from lxml.etree import _Element

from claimledger.extract.page_text import visible_lines

PAGES = Path(__file__).resolve().parent / "gold" / "web" / "pages"


def visible_text(root: _Element) -> str:
    """Block elements on their own lines, runs of spaces in a line collapsed, blank lines dropped."""
    return "\n".join(visible_lines(root)) + "\n"


def _meta(root: _Element, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            for node in root.xpath(f'//meta[@{attr}="{key}"]'):
                value = " ".join((node.get("content") or "").split())
                if value:
                    return value
    return None


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')


def _published(root: _Element) -> str | None:
    """An ISO date from the meta tags, a datePublished element or the JSON-LD, whichever comes
    first; dates written any other way are left out rather than guessed."""
    candidates = [
        _meta(root, "article:published_time", "datePublished", "date", "DC.date.issued"),
        *(str(v) for v in root.xpath('//*[@itemprop="datePublished"]/@datetime')),
        *(
            m.group(1)
            for script in root.xpath('//script[@type="application/ld+json"]')
            for m in LD_PUBLISHED.finditer(script.text or "")
        ),
    ]
    return next((c[:10] for c in candidates if c and ISO_DATE.match(c)), None)


def front_matter(root: _Element) -> dict[str, str | None]:
    """What the page says about itself in its metadata (Open Graph, article:, Dublin Core...)."""
    title = _meta(root, "og:title", "twitter:title", "headline")
    if title is None:
        node = root.find(".//title")
        title = " ".join(node.text_content().split()) or None if node is not None else None
    canonical = root.xpath('//link[@rel="canonical"]/@href')
    url = _meta(root, "og:url") or (str(canonical[0]).strip() if canonical else None)
    published = _published(root)
    return {
        "title": title,
        "outlet": _meta(root, "og:site_name", "application-name"),
        "url": url,
        "published": published,
    }


def parse(raw: bytes) -> _Element:
    """UTF-8 when the bytes are UTF-8 (pages saved by a browser often say otherwise or nothing),
    else whatever the page declares."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return lxml.html.fromstring(raw)
    return lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", text))


def captured(raw: bytes) -> str:
    """A saved page's bytes as a captured article file: front matter, then the visible text."""
    root = parse(raw)
    header = yaml.safe_dump(front_matter(root), sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{header}---\n{visible_text(root)}"


def convert(page: Path) -> Path:
    target = page.with_suffix(".txt")
    target.write_text(captured(page.read_bytes()), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", type=Path)
    args = parser.parse_args()
    for page in args.pages or sorted(PAGES.glob("*.html")):
        print(convert(page))


if __name__ == "__main__":
    main()
