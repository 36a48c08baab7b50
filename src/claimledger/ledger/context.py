"""The words around a claim: the paragraph a reader needs to judge it."""

from __future__ import annotations

import re

_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
WRAP_WIDTH = 150  # lines longer than this are paragraphs in themselves, not hard-wrapped text


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the paragraph holding text[start:end].

    Paragraphs are split on blank lines; but captured web pages often put one paragraph per line
    with no blank line between (lists, comment threads), and then the line is the paragraph.
    """
    para_start = 0
    for m in _BREAK.finditer(text, 0, start):
        para_start = m.end()
    after = _BREAK.search(text, end)
    para_end = after.start() if after else len(text)
    block = text[para_start:para_end]
    if "\n" in block.strip() and max(len(line) for line in block.split("\n")) > WRAP_WIDTH:
        para_start = text.rfind("\n", 0, start) + 1
        nl = text.find("\n", end)
        para_end = nl if nl != -1 and nl < para_end else para_end
    return para_start, para_end
