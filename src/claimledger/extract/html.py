"""HTML pages: the article text (trafilatura; for a page too big or busy for it, the visible text)
and what the page says about itself."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from html import unescape
from typing import Any

from claimledger.extract.genre import GenreReading, genre_from_metadata
from claimledger.extract.html_slim import SLIM_FROM, Joiner, slim, too_big_to_read
from claimledger.extract.page_text import streamed_text

MAX_DEPTH = 200
"""Element nesting kept as it is; the HTML parser (libxml2) silently drops everything below
about 255 levels, so tags deeper than this are taken out and their text kept."""
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^<>]*?(/?)>")  # no "<" inside: one pass
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def _deepest(html: str) -> int:
    """How deep the page's tags nest (as written: an element left open counts as open)."""
    depth = deepest = 0
    for tag in _TAG.finditer(html):
        if tag.group(2).lower() in _VOID or tag.group(3):
            continue
        if tag.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def flattened(html: str, limit: int = MAX_DEPTH) -> Iterator[str]:
    """The page in pieces of at most `PIECE` characters, with tags nested deeper than `limit`
    taken out (their text stays in place): the page is never held twice, nor a list of its tags."""
    kept: list[bool] = []  # one per open element: was its tag kept?
    last = 0
    for tag in _TAG.finditer(html):
        name = tag.group(2).lower()
        if name in _VOID or tag.group(3):
            continue
        if tag.group(1):
            keep = kept.pop() if kept else False
        else:
            keep = len(kept) < limit
            kept.append(keep)
        if not keep:
            yield from _slices(html, last, tag.start())
            yield " "
            last = tag.end()
    yield from _slices(html, last, len(html))


PIECE = 1 << 16


def _slices(html: str, start: int, end: int) -> Iterator[str]:
    for at in range(start, end, PIECE):
        yield html[at : min(at + PIECE, end)]


def flatten_deep_nesting(html: str, limit: int = MAX_DEPTH) -> str:
    """The page with tags nested deeper than `limit` taken out (their text stays in place)."""
    if html.count("<") < limit or _deepest(html) <= limit:
        return html
    out = Joiner()
    for piece in flattened(html, limit):
        out.write(piece)
    return out.text()


_INLINE = frozenset(["hi", "ref", "del", "span", "b", "i", "em", "strong", "a"])


def xml_paragraphs(xml: str) -> list[str]:
    """The article's blocks in order, from trafilatura's XML: its plain text keeps every line
    break of the page's source, so a hard-wrapped paragraph came out cut into lines. Here, as a
    browser shows it, a run of white space in the source is one space; a block (paragraph,
    heading, list item) or a written line break (<br>) starts a line."""
    from lxml import etree  # type: ignore[import-untyped]  # no stubs shipped

    root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(huge_tree=True))
    main = root.find("main")
    if main is None:
        return []
    parts: list[str] = []

    def walk(node: Any) -> None:
        block = node.tag not in _INLINE
        if node.tag == "lb" or block:
            parts.append("\n")
        if node.tag == "item":
            parts.append("- ")
        if node.text:
            parts.append(node.text.replace("\n", " "))
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail.replace("\n", " "))
        if block:
            parts.append("\n")

    walk(main)
    lines = "".join(parts).split("\n")
    return [t for line in lines if (t := " ".join(line.split())) and t != "-"]


# How trafilatura reads a page: comments, tables and images left out.
_READING: dict[str, Any] = {
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "favor_precision": True,
    "deduplicate": False,
}


def html_to_text(html: str, *, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The article body, paragraphs separated by blank lines, and title/author/date/url/outlet.

    A page of `SLIM_FROM` characters or more is slimmed first (`html_slim.slim`); one still too
    big or too busy for the article reader is read as its visible text, one line per block, as
    a captured page is (the finder's own rules then tell the article from the furniture), with
    what its head says about it: time and memory stay in proportion to the page."""
    if len(html) >= SLIM_FROM:
        html = slim(html)
    if too_big_to_read(html):
        return _visible_reading(html, url=url)
    import trafilatura

    html = flatten_deep_nesting(html)
    xml = trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        **_READING,
    )
    paragraphs = xml_paragraphs(xml) if xml else []
    marked = _marked(html)
    page = _body_of(marked)
    if paragraphs:
        paragraphs = without_captions(paragraphs, marked)
        paragraphs = with_left_out(paragraphs, page)
        paragraphs = _or_the_pages_body(paragraphs, page)
    else:  # the extractor found no article: the page's own body reading, if it has one
        paragraphs = [line for line in page if line]
    body = "\n\n".join(paragraphs)
    meta = _metadata(html, url=url)
    if body and meta["title"] and paragraphs and paragraphs[0] != meta["title"]:
        body = f"{meta['title']}\n\n{body}"
    return (body + "\n") if body else "", meta


# What the page declares itself to be: its schema.org type and its section (article:section,
# articleSection), for the genre (`genre.genre_from_metadata`).
_LD_TYPE = re.compile(r'"@type"\s{0,9}:\s{0,9}(?:"([A-Za-z]{3,40})"|\[([^\]]{0,200})\])')
_LD_SECTION = re.compile(r'"articleSection"\s{0,9}:\s{0,9}(?:"([^"]{1,80})"|\[([^\]]{0,300})\])')
# (a tag read at most 600 characters far: a page of unclosed "<meta" stays linear)
_META_SECTION = re.compile(
    r"<meta\b(?=[^<>]{0,600}?\b(?:property|name)\s{0,9}=\s{0,9}[\"']article:section[\"'])"
    r"[^<>]{0,600}?\bcontent\s{0,9}=\s{0,9}[\"']([^\"'<>]{1,80})[\"']",
    re.IGNORECASE,
)
_LISTED = re.compile(r'"([^"]{1,80})"')


def declared_genre(html: str) -> GenreReading | None:
    """The genre a page's metadata declares (its schema.org type of article, its section)."""
    types: list[str] = []
    sections: list[str] = []
    for one, listed in _LD_TYPE.findall(html):
        types.extend([one] if one else _LISTED.findall(listed))
    for one, listed in _LD_SECTION.findall(html):
        sections.extend([one] if one else _LISTED.findall(listed))
    sections.extend(unescape(s) for s in _META_SECTION.findall(html))
    return genre_from_metadata(tuple(types), tuple(sections))


def _metadata(html: str, *, url: str | None) -> dict[str, Any]:
    import trafilatura

    meta: dict[str, Any] = {
        "title": None,
        "author": None,
        "published": None,
        "url": url,
        "outlet": None,
        "genre": declared_genre(html) if html else None,
    }
    found = trafilatura.extract_metadata(html, default_url=url) if html else None
    if found is not None:
        meta.update(
            title=found.title or None,
            author=found.author or None,
            published=found.date or None,
            url=found.url or url,
            outlet=found.sitename or None,
        )
    return meta


HEAD_MAX = 300_000  # characters of a page's head read for its metadata when its body is not
_BODY_TAG = re.compile(r"<body[\s>/]", re.IGNORECASE)


def _visible_reading(html: str, *, url: str | None) -> tuple[str, dict[str, Any]]:
    """A page too big for the article reader: its visible lines, streamed (memory about their
    size), and its metadata read from its head alone (the part before <body>), if that is small."""
    text = streamed_text(flattened(html))
    body = _BODY_TAG.search(html, 0, HEAD_MAX + 1)
    head = html[: body.start()] if body is not None else ""
    return text, _metadata(head, url=url)


def _marked(html: str) -> list[tuple[str, bool]]:
    """The page's visible lines, each with whether it stands beside the article's flow (figure,
    caption, aside, photo box); none when the page cannot be read so (the extractor's text)."""
    from lxml.etree import LxmlError  # type: ignore[import-untyped]  # no stubs shipped

    from claimledger.extract.page_text import marked_lines, parse_page

    try:
        return marked_lines(parse_page(html))
    except (LxmlError, ValueError, RecursionError):
        return []


def _page_body(html: str) -> list[str]:
    """The page's visible lines, "" for each line the finder's own rules take for furniture (the
    whole page's text read as captured text is read) and for each in a figure, caption or aside."""
    return _body_of(_marked(html))


def _body_of(marked: list[tuple[str, bool]]) -> list[str]:
    from claimledger.extract.body import find_body, page_lines

    if not marked:
        return []
    lines = [line for line, _ in marked]
    text = "\n".join(lines)
    spans = page_lines(text)
    kept = set(find_body(text, spans, lines))
    return [
        line if span in kept and not aside else ""
        for (line, aside), span in zip(marked, spans, strict=True)
    ]


def without_captions(paragraphs: list[str], marked: list[tuple[str, bool]]) -> list[str]:
    """The extractor's paragraphs less those the page shows only beside its flow: an image's
    caption the extractor took for a paragraph (in a photo box, not a <figure>). All of them,
    when nothing else would be left."""
    inflow = {line for line, aside in marked if not aside}
    captions = {line for line, aside in marked if aside} - inflow
    if not captions:
        return paragraphs
    kept = [p for p in paragraphs if " ".join(p.split()) not in captions]
    return kept or paragraphs


LOST_ARTICLE = 3
"""The extractor's text holds this many times less prose than the page's own body reading: it
took a block beside the article (a comment policy, a teaser list) for the article."""
MIN_BODY_PROSE = 600  # characters of prose in the page's body reading before it is preferred


def _or_the_pages_body(paragraphs: list[str], page: list[str]) -> list[str]:
    """The page's body as the finder's own rules read its visible lines, when the extractor's
    paragraphs are a small part of it: the article was missed, not trimmed."""
    body = [line for line in page if line]
    body_prose = sum(len(line) for line in body if _prose(line))
    taken = sum(len(p) for p in paragraphs if _prose(" ".join(p.split())))
    if body_prose < MIN_BODY_PROSE or taken * LOST_ARTICLE >= body_prose:
        return paragraphs
    return body


def _prose(line: str) -> bool:
    return len(line) >= 40 and line.rstrip("\"”’') ").endswith((".", "!", "?"))


HEAD_REACH = 3  # lines above the extractor's first paragraph looked at for its standfirst
HEAD_MIN = 80  # a standfirst is at least this long: a bio's or a menu's one-liner is shorter


def _standfirst(page: list[str], first: int, have: set[str], known: str) -> str | None:
    """The standfirst the extractor left out above its first paragraph: the nearest full
    sentence's line, at most three lines up, long (a whole sentence or two, not a one-liner).
    Looking further, or at any line up there, put back teasers and captions twice as often as
    standfirsts on readability's test pages; the nearest long sentence, alone, mostly the
    standfirst."""
    for i in range(first - 1, max(-1, first - 1 - HEAD_REACH), -1):
        line = page[i]
        if not _prose(line):
            continue
        if len(line) < HEAD_MIN or line in have or line in known:
            return None
        return line
    return None


MAX_PUT_BACK = 100  # lines looked for in the extractor's text, at most (each a scan of it)


def with_left_out(paragraphs: list[str], page: list[str]) -> list[str]:
    """The extractor's paragraphs with the article paragraphs it left out put back in place.

    `page` is the page's visible lines, "" where the finder's own rules found furniture or the
    page sets the line beside its flow (figure, caption, aside). The extractor's first and last
    paragraphs found there bound the article; a full sentence's line between them that the
    extractor does not have is put back after the paragraph before it. (Lines above the first
    are not, bar one: see `_standfirst`.)"""
    where: dict[str, list[int]] = {}
    for i, line in enumerate(page):
        if line:
            where.setdefault(line, []).append(i)
    placed: list[int] = []  # the page line of each paragraph, -1 where none
    last = -1
    for para in paragraphs:
        seen = where.get(" ".join(para.split()), [])
        k = bisect.bisect_right(seen, last)  # its first place after the paragraph before
        placed.append(seen[k] if k < len(seen) else -1)
        if k < len(seen):
            last = seen[k]
    found = [(at, n) for n, at in enumerate(placed) if at >= 0]
    if len(found) < 2:
        return paragraphs
    have = set(paragraphs)
    known = "\n".join(paragraphs)
    extra: dict[int, list[str]] = {}  # the lines to put after each paragraph, by its index
    tried = 0
    for (at, n), (end, _) in itertools.pairwise(found):
        for i in range(at + 1, end):
            line = page[i]
            if not _prose(line) or line in have:
                continue
            tried += 1
            if tried > MAX_PUT_BACK:  # not a few paragraphs left out: two readings of the page
                return paragraphs
            if line not in known:  # the extractor may hold it inside a longer paragraph
                extra.setdefault(n, []).append(line)
                have.add(line)
    head = _standfirst(page, found[0][0], have, known) if found[0][1] == 0 else None
    if head is not None:
        extra.setdefault(-1, []).append(head)
    if not extra:
        return paragraphs
    out: list[str] = list(extra.get(-1, []))
    for n, para in enumerate(paragraphs):
        out.append(para)
        out.extend(extra.get(n, []))
    return out
