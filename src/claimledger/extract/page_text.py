"""A page's visible text, as a browser shows it and a capture tool saves it: one line per block.

Shared by the HTML reader (which takes back the article paragraphs its extractor left out) and
the web set's benchmark (which gives the finder the whole page's text, furniture and all).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from typing import Any

from claimledger.extract.html_slim import Joiner

INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg"}
INVISIBLE |= {"iframe", "object", "embed", "canvas", "video", "audio", "map", "select", "textarea"}
BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "caption", "option", "button", "label", "legend", "picture",
}  # fmt: skip
SPACES = re.compile(r"\s+")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def hidden(element: Any) -> bool:
    """Elements a browser does not show: hidden attribute, inline display:none, hidden inputs."""
    if element.get("hidden") is not None:
        return True
    if HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    return bool(element.tag == "input" and (element.get("type") or "").lower() == "hidden")


ASIDE = frozenset(["figure", "figcaption", "aside"])  # beside the article's flow, not in it
_ASIDE_MARK = "\x00"  # starts each line written inside one of them
IMAGES = frozenset(["img", "picture"])
CAPTION_MAX = 300  # characters of text a photo box holds beside its image, at most


def photo_box(element: Any) -> bool:
    """A box (div) holding an image and, beside it, only a short text with no block of its own:
    the image and its caption, set beside the article's flow as a <figure> would be. (A
    paragraph with an image inside it stays a paragraph: only a div is looked at.)"""
    if not any(isinstance(child.tag, str) and child.tag.lower() in IMAGES for child in element):
        return False
    for inner in element.iterdescendants():
        if isinstance(inner.tag, str) and inner.tag.lower() in BLOCKS:
            return False
    return len(" ".join(element.text_content().split())) <= CAPTION_MAX


def _walk(
    element: Any,
    out: list[str],
    pre: bool = False,
    mark: str = "",
    alts: list[str] | None = None,
) -> None:
    """The element's text into `out`, a line break at each block; with `alts`, each image's
    long description is kept there and marked where the image stands, and headings are marked."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if not tag or tag in INVISIBLE or hidden(element):
        return  # comments and processing instructions have no string tag
    pre = pre or tag == "pre"
    block = tag in BLOCKS
    if tag in ASIDE or (tag == "div" and not mark and photo_box(element)):
        mark = _ASIDE_MARK
    if alts is not None and tag in HEADINGS:
        mark += _HEADING_MARK
    if block or tag == "br":
        out.append("\n" + mark)
    if alts is not None and tag == "img":
        alt = " ".join((element.get("alt") or "").split())
        if len(alt) >= ALT_MIN:
            out.append(f"{_IMAGE_MARK}{len(alts)}{_IMAGE_END}")
            alts.append(alt[:ALT_PREFIX])
    if element.text:
        out.append(_flow(element.text, pre))
    for child in element:
        _walk(child, out, pre, mark, alts)
        if child.tail:
            out.append(_flow(child.tail, pre))
    if block:
        out.append("\n")


def _flow(text: str, pre: bool) -> str:
    """A line break in the source is a space on screen, except in preformatted text."""
    return text if pre else SPACES.sub(" ", text)


ALT_MIN = 40  # an image's description this long is a sentence, and may be its caption's
ALT_PREFIX = 50  # characters of it a caption starts with (the two may differ further on)
ALT_LINES = 3  # lines between an image and its caption, at most
_IMAGE_MARK = "\x01"  # where an image with a long description stands (its index follows)
_IMAGE_END = "\x02"
_HEADING_MARK = "\x03"  # starts each line written inside a heading
HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_IMAGE = re.compile("\x01(\\d+)\x02")


def _told_captions(lines: list[str], alts: list[str]) -> set[int]:
    """Lines that repeat the description (alt text) of an image standing within `ALT_LINES`
    lines of them: a caption that says what its image shows, whatever box holds it. A heading
    is none (a page may reuse its standfirst as its main image's description); nor is a line
    far from its image (the lead paragraph, reused as the description of a picture elsewhere)."""
    near: dict[str, list[int]] = {}  # an image's description's start -> the lines it stands on
    for i, line in enumerate(lines):
        for m in _IMAGE.finditer(line):
            near.setdefault(alts[int(m.group(1))], []).append(i)
    if not near:
        return set()
    told: set[int] = set()
    for i, line in enumerate(lines):
        if _HEADING_MARK in line:
            continue
        text = " ".join(_clean(line).split())
        at = near.get(text[:ALT_PREFIX]) if len(text) >= ALT_PREFIX else None
        if at and any(abs(i - j) <= ALT_LINES for j in at):
            told.add(i)
    return told


def _clean(line: str) -> str:
    return _IMAGE.sub("", line).replace(_ASIDE_MARK, "").replace(_HEADING_MARK, "")


def marked_lines(root: Any) -> list[tuple[str, bool]]:
    """Block elements on their own lines, runs of spaces in a line collapsed, blank lines dropped;
    each with whether some of it stands in a figure, a caption, an aside or a photo box, or is
    its image's description repeated beside it (`_told_captions`)."""
    body = root.find(".//body")
    out: list[str] = []
    alts: list[str] = []
    _walk(body if body is not None else root, out, alts=alts)
    lines = "".join(out).split("\n")
    told = _told_captions(lines, alts) if alts else set()
    marked = ((line, _ASIDE_MARK in line or i in told) for i, line in enumerate(lines))
    return [(t, aside) for line, aside in marked if (t := " ".join(_clean(line).split()))]


def visible_lines(root: Any) -> list[str]:
    """Block elements on their own lines, runs of spaces in a line collapsed, blank lines dropped."""
    return [line for line, _ in marked_lines(root)]


def parse_page(html: str) -> Any:
    """The page's element tree (lxml), an XML declaration in a decoded page left out."""
    import lxml.html  # type: ignore[import-untyped]  # no stubs shipped

    return lxml.html.fromstring(_XML_DECLARATION.sub("", html))


class _LineWriter:
    """A parser target (lxml's SAX interface): the visible lines `visible_lines` gives, written as
    the parser reads, with no tree built (a page of many small elements would cost its tree).
    White space is collapsed piece by piece as it comes: no list of a long line's words, and no
    line held apart from the text."""

    def __init__(self) -> None:
        self.text = Joiner()
        self.started = False  # some line was written
        self.in_line = False  # the current line has text
        self.space = False  # a space is due before the line's next text
        self.skipped = 0  # depth inside an element a browser does not show
        self.pre = 0  # depth inside preformatted text
        self.result: str | None = None

    def start(self, tag: str, attrib: Any) -> None:
        if self.skipped:
            self.skipped += 1
            return
        tag = tag.lower()
        if tag in INVISIBLE or _hidden(tag, attrib):
            self.skipped = 1
            return
        if tag == "pre":
            self.pre += 1
        if tag in BLOCKS or tag == "br":
            self.in_line = False

    def end(self, tag: str) -> None:
        if self.skipped:
            self.skipped -= 1
            return
        tag = tag.lower()
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag in BLOCKS:
            self.in_line = False

    def data(self, text: str) -> None:
        if self.skipped:
            return
        for n, part in enumerate(text.split("\n") if self.pre else (text,)):
            if n:
                self.in_line = False  # a line break in preformatted text
            part = SPACES.sub(" ", part)
            words = part.strip(" ")
            if not words:
                self.space = self.space or bool(part)
                continue
            if self.in_line:
                if self.space or part[0] == " ":
                    self.text.write(" ")
            else:
                if self.started:
                    self.text.write("\n")
                self.started = self.in_line = True
            self.text.write(words)
            self.space = part[-1] == " "

    def close(self) -> str:
        """The lines, each ended by a line break (the parser's result; the same if asked again)."""
        if self.result is None:
            if self.started:
                self.text.write("\n")
            self.result = self.text.text()
        return self.result


def _hidden(tag: str, attrib: Any) -> bool:
    if attrib.get("hidden") is not None:
        return True
    if HIDDEN_STYLE.search(attrib.get("style") or ""):
        return True
    return tag == "input" and (attrib.get("type") or "").lower() == "hidden"


def streamed_text(pieces: Iterable[str]) -> str:
    """The page's visible lines, each ended by a line break, read from its text in pieces (each
    short: the parser holds what it is given): memory about the size of the text shown, whatever
    the page's size or number of elements."""
    from lxml import etree

    writer = _LineWriter()
    parser = etree.HTMLParser(target=writer, huge_tree=True, remove_comments=True)
    first = True
    for piece in pieces:
        if first:
            piece, first = _XML_DECLARATION.sub("", piece), False
        if piece:
            parser.feed(piece)
    with contextlib.suppress(etree.LxmlError):  # nothing the parser takes for a page: no text
        parser.close()
    return writer.close()
