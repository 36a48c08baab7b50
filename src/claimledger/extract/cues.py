"""Word cues, looked up in sets: one pass over a sentence's words instead of a regex per cue."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")  # ASCII only: twice as fast as with ’ in the class
# The plain runs of letters in lower-cased text, for the cheap tests that need no apostrophes or
# digits (is a furniture word, a speech verb, a number word in this line?).
LETTER_RUN = re.compile(r"[a-z]+")


def _keep_only(kept: bytes) -> bytes:
    """A bytes.translate table that turns every byte not in `kept` into a space.

    Words are split this way on UTF-8 bytes, in C, instead of one regex match (and one string)
    at a time: a letter outside ASCII is bytes above 127, so it splits words as it does for the
    ASCII-only patterns above."""
    return bytes.maketrans(bytes(range(256)), bytes(c if c in kept else 32 for c in range(256)))


_LOWER = b"abcdefghijklmnopqrstuvwxyz"
_LETTERS_ONLY = _keep_only(_LOWER)  # what LETTER_RUN reads
_TOKEN_BYTES = _keep_only(_LOWER + b"0123456789'")  # what _TOKEN reads


def letter_runs(text: str) -> list[str]:
    """LETTER_RUN's words of `text` lower-cased, split on its bytes in C (see `_keep_only`)."""
    return text.lower().encode("utf-8", "replace").translate(_LETTERS_ONLY).decode("ascii").split()


class WordGate:
    """Which of a fixed set of words stand in a line, as LETTER_RUN would split its lower-cased
    text: a gate before the rules that need one of them.

    The line's bytes are split in C and only the few words of the set are made strings, instead
    of a string and a set entry for every word of every line (most lines have none)."""

    def __init__(self, vocabulary: frozenset[str]) -> None:
        self._bytes = frozenset(w.encode("ascii") for w in vocabulary)

    def found(self, line: str) -> set[str]:
        raw = line.lower().encode("utf-8", "replace").translate(_LETTERS_ONLY).split()
        return {w.decode("ascii") for w in self._bytes.intersection(raw)}


def words(sentence: str) -> list[str]:
    """Lower-case words, with typographic apostrophes made plain so "it’s" matches "it's".

    What _TOKEN finds; every character it never reads is made a space first (in C, on bytes),
    so a sentence without an apostrophe is split by str.split, and one with an apostrophe is
    searched as plain ASCII text (the regex engine's fast case; curly quotation marks make a
    sentence text of two bytes a character, where it is slower)."""
    low = sentence.lower()
    if "’" in low:
        low = low.replace("’", "'")
    kept = low.encode("utf-8", "replace").translate(_TOKEN_BYTES).decode("ascii")
    return _TOKEN.findall(kept) if "'" in kept else kept.split()


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
        for phrase in phrases:
            if len(phrase.split()) < 2:
                raise ValueError(f"phrase {phrase!r} is one word: put it with the single words")


Phrases = dict[str, tuple[tuple[list[str], str], ...]]  # second word -> (the words after it, list)


class Lexicon:
    """Every cue list at once, so a sentence's words are looked at once, not once per list.

    `scan` counts, for each list, its single words and its phrases found in the sentence
    (a phrase is looked for only where its first two words stand).
    """

    def __init__(self, lists: dict[str, Cues]) -> None:
        single: dict[str, list[str]] = {}
        phrases: dict[str, dict[str, list[tuple[list[str], str]]]] = {}
        for name, cues in lists.items():
            for word in cues.single:
                single.setdefault(word, []).append(name)
            for phrase in cues.phrases:
                first, second, *rest = phrase.split()
                phrases.setdefault(first, {}).setdefault(second, []).append((rest, name))
        # one look-up per word: the lists it stands in, and the phrases it may begin
        self._entries: dict[str, tuple[tuple[str, ...], Phrases]] = {
            word: (
                tuple(single.get(word, ())),
                {second: tuple(ends) for second, ends in phrases.get(word, {}).items()},
            )
            for word in single.keys() | phrases.keys()
        }

    def scan(self, tokens: list[str]) -> dict[str, int]:
        hits: dict[str, int] = {}
        entries = self._entries
        last = len(tokens) - 1
        for i, token in enumerate(tokens):
            entry = entries.get(token)
            if entry is None:
                continue
            names, phrases = entry
            for name in names:
                hits[name] = hits.get(name, 0) + 1
            if phrases and i < last:
                for rest, name in phrases.get(tokens[i + 1], ()):
                    if not rest or tokens[i + 2 : i + 2 + len(rest)] == rest:
                        hits[name] = hits.get(name, 0) + 1
        return hits
