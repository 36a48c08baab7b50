"""What a page says about itself: title, author, date, canonical URL, site name.

Read from meta tags and JSON-LD with the standard library's parser: small, and tolerant of the
broken markup real pages carry.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "BlogPosting",
    "AnalysisNewsArticle",
}


class _MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.title_parts: list[str] = []
        self.jsonld: list[str] = []
        self._in_title = False
        self._in_jsonld = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"].strip()
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.canonical = self.canonical or a["href"].strip()
        elif tag == "title":
            self._in_title = True
        elif tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in_jsonld = True
            self._buffer = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "script" and self._in_jsonld:
            self._in_jsonld = False
            self.jsonld.append("".join(self._buffer))

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif self._in_jsonld:
            self._buffer.append(data)


def _articles(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, list):
        for item in node:
            found.extend(_articles(item))
    elif isinstance(node, dict):
        kind = node.get("@type")
        kinds = set(kind) if isinstance(kind, list) else {kind}
        if kinds & ARTICLE_TYPES:
            found.append(node)
        if "@graph" in node:
            found.extend(_articles(node["@graph"]))
    return found


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [value["name"]] if isinstance(value.get("name"), str) else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def parse_page_metadata(html: str) -> dict[str, str | None]:
    """title, author, published (ISO date), url (canonical), site_name; None where the page is silent."""
    parser = _MetaParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # a parser error on broken markup must not lose what was read so far
        pass
    m = parser.meta
    out: dict[str, str | None] = {
        "title": m.get("og:title") or None,
        "author": m.get("author") or m.get("article:author") or None,
        "published": m.get("article:published_time") or m.get("datepublished") or None,
        "url": parser.canonical or m.get("og:url") or None,
        "site_name": m.get("og:site_name") or None,
    }
    for raw in parser.jsonld:
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, RecursionError):  # broken, or nested past the parser
            continue
        for art in _articles(data):
            out["title"] = out["title"] or art.get("headline")
            authors = _names(art.get("author"))
            out["author"] = out["author"] or (", ".join(authors) if authors else None)
            out["published"] = out["published"] or art.get("datePublished")
            publisher = _names(art.get("publisher"))
            out["site_name"] = out["site_name"] or (publisher[0] if publisher else None)
            out["url"] = out["url"] or art.get("url")
    # <title> last: it often carries the site's name ("Story | Paper")
    out["title"] = out["title"] or " ".join("".join(parser.title_parts).split()) or None
    if out["published"]:
        out["published"] = str(out["published"])[:10]
    return out
