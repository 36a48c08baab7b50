"""W3C Web Annotation selectors: a quote with 32 characters either side, and its position."""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 32


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    prefix: str
    suffix: str


def anchor(text: str, start: int, end: int) -> Anchor:
    return Anchor(start, end, text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT])


def relocate(text: str, quote: str, prefix: str, suffix: str, hint: int) -> Anchor | None:
    """Find a quote again in changed text: the occurrence whose context matches best, nearest the hint."""
    best: tuple[int, int, int] | None = None
    pos = text.find(quote)
    while pos != -1:
        here = anchor(text, pos, pos + len(quote))
        fit = _common_suffix(here.prefix, prefix) + _common_prefix(here.suffix, suffix)
        key = (-fit, abs(pos - hint), pos)
        if best is None or key < best:
            best = key
        pos = text.find(quote, pos + 1)
    if best is None:
        return None
    start = best[2]
    return anchor(text, start, start + len(quote))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
