"""Word cues, looked up in sets: one pass over a sentence's words instead of a regex per cue."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")  # ASCII only: twice as fast as with ’ in the class


def words(sentence: str) -> list[str]:
    """Lower-case words, with typographic apostrophes made plain so "it’s" matches "it's"."""
    return _TOKEN.findall(sentence.replace("’", "'").lower())


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
    """One list of cues: single words and phrases of several words, in the form `words` gives."""

    def __init__(self, single: frozenset[str], phrases: tuple[str, ...] = ()) -> None:
        self.single = single
        self.phrases = phrases
        for cue in (*single, *phrases):
            if words(cue) != cue.split():
                raise ValueError(f"cue {cue!r} is not written as lower-case words")


class Lexicon:
    """Every cue list at once, so a sentence's words are looked at once, not once per list.

    `scan` counts, for each list, its single words and its phrases found in the sentence
    (a phrase is looked for only where its first word stands).
    """

    def __init__(self, lists: dict[str, Cues]) -> None:
        single: dict[str, list[str]] = {}
        phrases: dict[str, list[tuple[list[str], str]]] = {}
        for name, cues in lists.items():
            for word in cues.single:
                single.setdefault(word, []).append(name)
            for phrase in cues.phrases:
                first, *rest = phrase.split()
                phrases.setdefault(first, []).append((rest, name))
        # one look-up per word: the lists it stands in, and the phrases it may begin
        self._entries: dict[str, tuple[tuple[str, ...], tuple[tuple[list[str], str], ...]]] = {
            word: (tuple(single.get(word, ())), tuple(phrases.get(word, ())))
            for word in single.keys() | phrases.keys()
        }

    def scan(self, tokens: list[str]) -> dict[str, int]:
        hits: dict[str, int] = {}
        entries = self._entries
        for i, token in enumerate(tokens):
            entry = entries.get(token)
            if entry is None:
                continue
            for name in entry[0]:
                hits[name] = hits.get(name, 0) + 1
            for rest, name in entry[1]:
                if tokens[i + 1 : i + 1 + len(rest)] == rest:
                    hits[name] = hits.get(name, 0) + 1
        return hits
