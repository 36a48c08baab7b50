"""Corpora for `benchmarks/ingest.py`: a realistic one (the default) and the repeated worst case.

Realistic: N distinct articles of 600-1,500 words (uniform), written reproducibly (fixed seed)
from the repository's own sentences: every quote of the labelled sets under benchmarks/gold/
named in LABELS (the shipped articles, the second labels, the unseen set and the web sets A, B
and C) and every sentence of
sources/*.txt, 6 words or longer, furniture left out. An article draws its sentences at random
from that pool (half of them spliced from two: the head of one and the tail of another, cut at
a comma or a conjunction) and varies them so that its claims are its own:
- names (capitalised words inside a sentence, a sentence's first word when the pool never has it
  in lower case, and acronyms) are recast per article, consistently within it,
  from the names of the material itself, the common ones more often (Zipf): some names recur
  in many articles, as a city or a head of state does, most in few;
- numbers get new digits of the same length, years shift by the article's offset (-12..+4),
  months and weekdays are redrawn;
- topical words (5 letters or more, in under 2% of the pool's sentences) are replaced with a
  probability of 0.4 by another topical word of the same ending (-ed, -ing, -ly, -s, -tion...):
  frequent words ("according", "percent", "officials") and short ones stay, so a sentence keeps
  the shape the claim finder reads, while two articles drawing one sentence tell different
  stories.
Repetition, as a desk sees it: 10% of articles carry 1-3 sentences copied word for word from an
earlier article (wire copy, a quote repeated), and 2% are a rewrite of an earlier story (its
names, numbers and most of its sentences, reordered, a few words changed, a few sentences new),
published by another outlet within days. Outlets (23, from the material) are drawn Zipf-wise.

Not modelled: meaning (a recombined article is not coherent prose, which the claim finder does
not read); the topical clustering of a real news cycle (many articles on one story in one week,
which would make more candidates share keys); claims reworded across outlets (the matcher misses
those anyway); very long or very short pieces (briefs, live blogs, 5,000-word features).

Repeated (`--corpus repeated`): the five shipped articles over and over, each with a unique first
line, so every claim recurs in N/5 articles: the worst case for matching.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from claimledger.documents import read_document

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"
GOLD = ROOT / "benchmarks" / "gold"
SEED = 16

OUTLETS = [
    "Reuters",
    "NPR",
    "The Boston Globe",
    "WBUR",
    "The Washington Post",
    "BBC News",
    "CNN",
    "The Telegraph",
    "CommonWealth",
    "Herald Sun",
    "Salon",
    "Quartz",
    "National Geographic",
    "San Diego Union-Tribune",
    "Truthout",
    "ACLU of Massachusetts",
    "BuzzFeed News",
    "SB Nation",
    "WebMD",
    "Medical News Today",
    "Valley Herald",
    "Coastal Daily",
    "Harbor Business Journal",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CALENDAR = frozenset(MONTHS + DAYS)
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“A-Z])")
_WORD = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Za-z][a-z]+(?:[’'][a-z]+)?|\d+")
_JOINT = re.compile(r",\s|\s(?:and|but|that|which|while|because|after|when|as)\s")
_ENDINGS = ("tion", "ment", "ing", "ed", "ly", "es", "s")
MIN_WORDS, MAX_WORDS = 600, 1500
SHARE_SENTENCES = 0.10  # articles carrying 1-3 sentences of an earlier one
REWRITES = 0.02  # articles that rewrite an earlier story
TOPICAL_SWAP = 0.4
SPLICE = 0.5
NAME_ZIPF_OFFSET = 10  # the commonest name in about 2% of draws, not 14%


@dataclass(frozen=True)
class Article:
    outlet: str
    title: str
    published: str
    text: str


LABELS = (
    "claims.jsonl",
    "second/claims.jsonl",
    "unseen/claims.jsonl",
    "web/claims-A.jsonl",
    "web/claims-B.jsonl",
    "web/claims-C.jsonl",
)
"""The labelled sets the corpus is drawn from, named: a set labelled later (web/claims-D.jsonl)
would change every article, and the ingest figures of two releases could not be compared."""


@cache
def sentence_pool() -> tuple[list[str], list[str]]:
    """(sentences of 6 words or more, headlines): every labelled quote, every source sentence."""
    seen: set[str] = set()
    sentences: list[str] = []
    headlines: list[str] = []
    for path in (GOLD / name for name in LABELS):
        for line in path.read_text(encoding="utf-8").splitlines():
            quote = " ".join(str(json.loads(line)["quote"]).split())
            words = len(quote.split())
            if quote in seen:
                continue
            seen.add(quote)
            if words >= 6:
                sentences.append(quote)
            elif words >= 3 and quote[-1] not in ".:":
                headlines.append(quote)
    for path in sorted(SOURCES.glob("*.txt")):
        for para in read_document(path).text.split("\n"):
            for quote in _SENTENCE.split(" ".join(para.split())):
                if len(quote.split()) >= 6 and quote not in seen:
                    seen.add(quote)
                    sentences.append(quote)
    return sentences, headlines


def _ending(word: str) -> str:
    return next((e for e in _ENDINGS if word.endswith(e)), "")


class _Vocabulary:
    """Names (Zipf by frequency in the pool) and topical words by ending, from the pool itself."""

    def __init__(self, sentences: list[str]) -> None:
        names: Counter[str] = Counter()
        acronyms: Counter[str] = Counter()
        docs: Counter[str] = Counter()
        for s in sentences:
            words = _WORD.findall(s)
            acronyms.update(w for w in words if w.isupper())
            names.update(w for w in words[1:] if w.istitle() and w not in CALENDAR)
            docs.update({w for w in words if w.islower()})
        self.names = [n for n, _ in names.most_common()]
        self.name_weights = [1.0 / (rank + NAME_ZIPF_OFFSET) for rank in range(len(self.names))]
        self.acronyms = [n for n, _ in acronyms.most_common()]
        self.acronym_weights = [1.0 / (r + NAME_ZIPF_OFFSET) for r in range(len(self.acronyms))]
        self.lower = set(docs)
        limit = 0.02 * len(sentences)
        self.topical = {w for w, n in docs.items() if len(w) >= 5 and n < limit}
        self.by_ending: dict[str, list[str]] = {}
        for w in sorted(self.topical):
            self.by_ending.setdefault(_ending(w), []).append(w)


class _Story:
    """One article's cast: its names, year offset and the random draws that vary its sentences."""

    def __init__(self, rng: random.Random, vocabulary: _Vocabulary) -> None:
        self.rng = rng
        self.vocabulary = vocabulary
        self.cast: dict[str, str] = {}
        self.year_offset = rng.randint(-12, 4)

    def _name(self, name: str) -> str:
        if name not in self.cast:
            v = self.vocabulary
            if name.isupper():
                self.cast[name] = self.rng.choices(v.acronyms, weights=v.acronym_weights)[0]
            else:
                self.cast[name] = self.rng.choices(v.names, weights=v.name_weights)[0]
        return self.cast[name]

    def _is_name(self, word: str, first: bool) -> bool:
        if word.isupper():
            return True
        if not word[0].isupper():
            return False
        return not first or word.lower() not in self.vocabulary.lower  # "Roof said", not "The"

    def sentence(self, pool: list[str]) -> str:
        """A pool sentence varied, or two joined: the head of one and the tail of another, cut
        at a comma or a conjunction (SPLICE of them)."""
        first = self.rng.choice(pool)
        if self.rng.random() < SPLICE:
            heads = [m.start() for m in _JOINT.finditer(first)]
            second = self.rng.choice(pool)
            tails = [m.start() for m in _JOINT.finditer(second)]
            if heads and tails:
                first = first[: self.rng.choice(heads)] + second[self.rng.choice(tails) :]
        return self.vary(first)

    def _number(self, digits: str) -> str:
        value = int(digits)
        if len(digits) == 4 and 1900 <= value <= 2030:
            return str(min(2026, value + self.year_offset))
        if len(digits) == 1:
            return str(self.rng.randint(1, 9))
        return str(self.rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    def vary(self, sentence: str) -> str:
        out: list[str] = []
        last = 0
        for i, m in enumerate(_WORD.finditer(sentence)):
            word = m.group()
            out.append(sentence[last : m.start()])
            last = m.end()
            if word.isdigit():
                out.append(self._number(word))
            elif word in MONTHS:
                out.append(self.rng.choice(MONTHS))
            elif word in DAYS:
                out.append(self.rng.choice(DAYS))
            elif self._is_name(word, i == 0):
                out.append(self._name(word))
            elif word in self.vocabulary.topical and self.rng.random() < TOPICAL_SWAP:
                out.append(self.rng.choice(self.vocabulary.by_ending[_ending(word)]))
            else:
                out.append(word)
        out.append(sentence[last:])
        return "".join(out)


def _paragraphs(rng: random.Random, sentences: list[str]) -> str:
    paras: list[str] = []
    i = 0
    while i < len(sentences):
        n = rng.choice((1, 2, 2, 3, 3, 4))
        paras.append(" ".join(sentences[i : i + n]))
        i += n
    return "\n\n".join(paras)


def _edit(rng: random.Random, vocabulary: _Vocabulary, sentence: str) -> str:
    """A rewrite's sentence: one topical word changed, when it has one."""
    words = [m for m in _WORD.finditer(sentence) if m.group() in vocabulary.topical]
    if not words:
        return sentence
    m = rng.choice(words)
    other = rng.choice(vocabulary.by_ending[_ending(m.group())])
    return sentence[: m.start()] + other + sentence[m.end() :]


@dataclass
class _Written:
    story: _Story
    sentences: list[str]
    published: str
    outlet: str


def realistic(n: int, seed: int = SEED) -> list[Article]:
    """N distinct articles, the same for the same seed (see the module's docstring)."""
    rng = random.Random(seed)
    pool, headlines = sentence_pool()
    vocabulary = _Vocabulary(pool)
    outlet_weights = [1 / (r + 1) for r in range(len(OUTLETS))]
    written: list[_Written] = []
    articles: list[Article] = []
    for _ in range(n):
        story = _Story(rng, vocabulary)
        outlet = rng.choices(OUTLETS, weights=outlet_weights)[0]
        published = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02}-{rng.randint(1, 25):02}"
        sentences: list[str] = []
        draw = rng.random()
        if written and draw < REWRITES:
            earlier = rng.choice(written)
            story = earlier.story  # its names and numbers
            while outlet == earlier.outlet:
                outlet = rng.choices(OUTLETS, weights=outlet_weights)[0]
            published = (
                earlier.published[:-2] + f"{int(earlier.published[-2:]) + rng.randint(0, 3):02}"
            )
            kept = [
                s if rng.random() < 0.6 else _edit(rng, vocabulary, s)
                for s in earlier.sentences
                if rng.random() < 0.8
            ]
            cut = rng.randint(0, len(kept))
            sentences = kept[cut:] + kept[:cut]  # the same story, told in another order
        elif written and draw < REWRITES + SHARE_SENTENCES:
            earlier = rng.choice(written)
            sentences = rng.sample(
                earlier.sentences, min(len(earlier.sentences), rng.randint(1, 3))
            )
        target = rng.randint(MIN_WORDS, MAX_WORDS)
        while sum(len(s.split()) for s in sentences) < target:
            sentences.insert(rng.randint(0, len(sentences)), story.sentence(pool))
        title = story.vary(rng.choice(headlines))
        written.append(_Written(story, sentences, published, outlet))
        text = f"{title}\n\n{_paragraphs(rng, sentences)}\n"
        articles.append(Article(outlet, title, published, text))
    return articles


def repeated(n: int) -> list[Article]:
    """The five shipped articles over and over, each with a unique first line."""
    docs = [read_document(p) for p in sorted(SOURCES.glob("*.txt"))]
    out = []
    for i in range(n):
        doc = docs[i % len(docs)]
        meta = doc.meta
        out.append(
            Article(
                meta.outlet or "",
                meta.title or "",
                meta.published or "",
                f"Edition {i}\n\n{doc.text}",
            )
        )
    return out
