"""Big pages made small before the HTML libraries see them, and the measures that bound the work.

The article reader (trafilatura, with lxml and htmldate under it) holds several copies of a page's
tree and, on some shapes, takes time that grows faster than the page: hundreds of thousands of
tiny elements took minutes for a few megabytes. Most of a real page's bytes are what no reader
needs: scripts, style sheets, drawings, comments and images written inline. A big page loses
those first (`slim`), every scan here in one linear pass over the text; a page still too big or
too busy for the reader (`too_big_to_read`) is read as its visible text instead, streamed (see
`page_text.streamed_text`). A page under `SLIM_FROM` is read exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SLIM_FROM = 1_000_000
"""Pages of at least this many characters are slimmed. Below it nothing is taken out: the
smaller pages, the web set's among them, are read exactly as they always were."""
READER_MAX_CHARS = 1_500_000
"""A slimmed page larger than this is read as its visible text: the article reader's peak memory
grows with the page (about 30 times a single huge paragraph)."""
READER_MAX_TAGS = 30_000
"""Nor a page with more tags than this: the reader's time grows faster than the number of
elements (160,000 tiny elements took 13 s, 640,000 five minutes). The longest page of the
readability test set, an encyclopedia article, has about 19,000."""
READER_MAX_RUN = 200_000
"""Nor a page with a longer run of text between two tags (outside scripts and style sheets):
the reader holds many copies of each text (a single 2 MB paragraph cost it 60 MB)."""
LONG_VALUE = 2_000
"""An inline image (data: URI) or a data-*/on* attribute longer than this is emptied."""
JOIN_EVERY = 4_096
"""Pieces gathered before they are joined: a list of small strings costs ten times their text."""

_LONG = f"{{{LONG_VALUE},}}"
_HEAVY = re.compile(
    r"<!--"
    r"|<(script|style|svg)\b([^<>]*)>"
    rf"|(?<=[\s\"'])(?:data-[\w.:-]*|on[a-z]+)\s*=\s*(?:\"[^\"<>]{_LONG}\"|'[^'<>]{_LONG}')"
    rf"|data:[^\s\"'<>()]{_LONG}",
    re.IGNORECASE,
)
_ENDS = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "svg")}
_METADATA_SCRIPT = re.compile(r"""type\s*=\s*["']?application/(?:ld|settings)\+json""", re.I)


class Joiner:
    """Text written piece by piece, held as a few long strings (memory about the text's size)."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.chunks: list[str] = []

    def write(self, piece: str) -> None:
        self.pieces.append(piece)
        if len(self.pieces) >= JOIN_EVERY:
            self.chunks.append("".join(self.pieces))
            self.pieces.clear()

    def drain(self) -> Iterator[str]:
        """The joined text, chunk by chunk, each given up as it is handed on."""
        if self.pieces:
            self.chunks.append("".join(self.pieces))
            self.pieces.clear()
        self.chunks.reverse()
        while self.chunks:
            yield self.chunks.pop()

    def text(self) -> str:
        return "".join(self.drain())


def _inside_tag(html: str, start: int, end: int, inside: bool) -> bool:
    """Whether position `end` is inside a tag, given whether `start` was: the last of a tag's
    opening (`<` and a letter, `/` or `!`) or closing (`>`) between the two tells."""
    while True:
        lt = html.rfind("<", start, end)
        gt = html.rfind(">", start, end)
        if lt < 0 and gt < 0:
            return inside
        if gt > lt:
            return False
        nxt = html[lt + 1 : lt + 2]
        if nxt.isalpha() or nxt in ("/", "!"):
            return True
        end = lt  # a "<" in text: look before it


def slim(html: str) -> str:
    """The page without what no reader of its article needs: comments, the code of scripts (a
    script of metadata, JSON-LD, is kept whole), style sheets, SVG drawings, long inline images
    and long data-*/on* attribute values. What stays is as it was, character for character; a
    "<script" or a comment that is written inside an attribute's value is left alone."""
    out = Joiner()
    pos = 0  # written up to here
    scan = 0  # look for the next heavy part from here
    inside = False  # whether `scan` is inside a tag
    unclosed: set[str] = set()  # a start with no end after it: none later has one either
    while (m := _HEAVY.search(html, scan)) is not None:
        inside = _inside_tag(html, scan, m.start(), inside)
        token = m.group(0)
        if token[0] == "<":
            name = (m.group(1) or "").lower()
            if inside or (name or "!--") in unclosed:
                scan, inside = m.start() + 1, True
                continue
            inside = True  # a start that has no end below is a tag left open
            if not name:
                end = html.find("-->", m.end())
                if end < 0:
                    unclosed.add("!--")
                    scan = m.start() + 1
                    continue
                out.write(html[pos : m.start()])
                pos = scan = end + 3
                inside = False
                continue
            close = _ENDS[name].search(html, m.end())
            if close is None:
                unclosed.add(name)
                scan = m.start() + 1
                continue
            inside = False
            if name == "script" and _METADATA_SCRIPT.search(m.group(2) or ""):
                scan = close.end()
                continue
            out.write(html[pos : m.start()])
            out.write(f"<{name}></{name}>")
            pos = scan = close.end()
            continue
        if not inside:  # not an attribute: text of the page
            scan = m.end()
            continue
        out.write(html[pos : m.start()])
        out.write("data:," if token[:5].lower() == "data:" else token.split("=", 1)[0] + '=""')
        pos = scan = m.end()
    if pos == 0:
        return html
    out.write(html[pos:])
    return out.text()


_LONG_RUN = re.compile(rf"(?:\A|>)[^<]{{{READER_MAX_RUN}}}")
_OPENS_CODE = re.compile(r"<(?:script|style)\b", re.IGNORECASE)


def too_big_to_read(html: str) -> bool:
    """Whether the article reader's cost on this page would outgrow the page: too long, too many
    tags (counted as the "<" in it, an upper bound) or too long a text."""
    if len(html) > READER_MAX_CHARS or html.count("<") > READER_MAX_TAGS:
        return True
    for run in _LONG_RUN.finditer(html):
        tag = html.rfind("<", 0, run.start())
        if not _OPENS_CODE.match(html, max(tag, 0)):
            return True
    return False
