"""Word cues, looked up in sets: one pass over a sentence's words instead of a regex per cue."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def words(sentence: str) -> list[str]:
    """Lower-case words, with typographic apostrophes made plain so "it’s" matches "it's"."""
    return _TOKEN.findall(sentence.lower().replace("’", "'"))


def forms(*stems: str) -> frozenset[str]:
    """A verb's usual forms: 'deport' gives deport, deports, deported, deporting."""
    out: set[str] = set()
    for stem in stems:
        out.add(stem)
        if stem.endswith("e"):
            out.update({stem + "s", stem + "d", stem[:-1] + "ing"})
        else:
            out.update({stem + "s", stem + "ed", stem + "ing", stem + "es"})
    return frozenset(out)


class Cues:
    """Single words (a set) and phrases (matched within the sentence's joined words)."""

    def __init__(self, single: frozenset[str], phrases: tuple[str, ...] = ()) -> None:
        self.single = single
        pattern = "|".join(re.escape(f" {p} ") for p in sorted(phrases, key=len, reverse=True))
        self.phrases = re.compile(pattern) if phrases else None
        # A phrase can only be there if its first word is: a set lookup before the regex.
        self.first_words = frozenset(p.split()[0] for p in phrases)

    def _phrases_possible(self, tokens: list[str]) -> bool:
        return self.phrases is not None and not self.first_words.isdisjoint(tokens)

    def count(self, tokens: list[str], joined: str) -> int:
        n = len([t for t in tokens if t in self.single])
        if self.phrases is not None and self._phrases_possible(tokens):
            n += len(self.phrases.findall(joined))
        return n

    def any(self, tokens: list[str], joined: str) -> bool:
        if not self.single.isdisjoint(tokens):
            return True
        return self.phrases is not None and (
            self._phrases_possible(tokens) and self.phrases.search(joined) is not None
        )
