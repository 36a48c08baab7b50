"""The words around a claim: the paragraph a reader needs to judge it."""

from __future__ import annotations

import re

_BREAK = re.compile(r"\n[ \t\u00a0]*\n")


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the paragraph(s) holding text[start:end], split on blank lines."""
    para_start = 0
    for m in _BREAK.finditer(text, 0, start):
        para_start = m.end()
    m = _BREAK.search(text, end)
    para_end = m.start() if m else len(text)
    # A very long block (text captured without blank lines): fall back to single line breaks.
    if para_end - para_start > 4000:
        para_start = text.rfind("\n", 0, start) + 1
        nl = text.find("\n", end)
        para_end = nl if nl != -1 else len(text)
    return para_start, para_end
