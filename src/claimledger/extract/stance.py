"""The writer's own stance, in one table: words that say the writer is judging, not reporting.

Two readings use them, each under its own flag:
- `voice`: the article's voice, for its genre. A piece whose writer speaks in the first person,
  tells the reader what ought to be, passes verdicts or addresses the reader, sentence after
  sentence, and quotes few others, is opinion (`genre.genre_from_voice`);
- `verdict`: in a sentence, a judgement on whoever or whatever it names ("This is Ayn Rand's
  brutal, irrational and primitive philosophy"). In opinion, such a sentence has no checkable
  anchor for telling an act: the verdict is what it asserts.
A word stands in one group only; the groups are general English, named by what they mean, never
taken from one outlet's pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.extract.cues import Cues


@dataclass(frozen=True)
class StanceWords:
    """A group of words with one meaning, and which readings count it."""

    meaning: str
    words: tuple[str, ...]
    voice: bool = False  # counted in the article's voice (its genre)
    verdict: bool = False  # makes a sentence a judgement, not an act told
    maybe: bool = False  # makes what a sentence tells a possibility, not a fact
    phrases: tuple[str, ...] = ()  # of several words, as `cues.words` writes them


STANCE_WORDS: tuple[StanceWords, ...] = (
    StanceWords(
        "the writer speaks as I or we",
        ("i", "i'm", "i've", "my", "me", "we", "we're", "our", "us"),
        voice=True,
    ),
    StanceWords(
        "tells the reader what ought to be",
        ("should", "must", "ought", "shouldn't", "mustn't", "need", "needs"),
        voice=True,
    ),
    StanceWords("speaks to the reader", ("you", "your", "you're", "yourself"), voice=True),
    StanceWords(
        "the writer's certainty, doubt or feeling about what is said",
        (
            *("apparently", "certainly", "surely", "indeed", "clearly", "obviously", "plainly"),
            *("evidently", "undoubtedly", "undeniably", "arguably", "admittedly", "frankly"),
            *("honestly", "supposedly", "presumably", "seemingly", "ironically", "sadly"),
            *("regrettably", "thankfully", "luckily", "fortunately", "unfortunately"),
            *("hopefully", "merely", "utterly", "truly", "deeply", "fundamentally"),
        ),
        voice=True,
        verdict=True,
    ),
    StanceWords(
        "degree said with feeling (not measured)",
        (
            *("incredibly", "remarkably", "absurdly", "shockingly", "painfully", "woefully"),
            *("wildly", "grossly", "hopelessly", "breathtakingly", "staggeringly"),
        ),
        voice=True,
        verdict=True,
    ),
    StanceWords(
        "blame: a verdict against someone or something",
        (
            *("brutal", "irrational", "primitive", "horrific", "horrible", "terrifying"),
            *("sketchy", "substandard", "inadequate", "evil", "shameful", "shameless"),
            *("absurd", "ridiculous", "ludicrous", "laughable", "preposterous", "outrageous"),
            *("scandalous", "appalling", "disgraceful", "disgusting", "despicable", "deplorable"),
            *("contemptible", "pathetic", "miserable", "dismal", "abysmal", "dreadful", "awful"),
            *("terrible", "lousy", "mediocre", "pitiful", "feeble", "stupid", "silly"),
            *("foolish", "naive", "reckless", "callous", "cynical", "hypocritical", "dishonest"),
            *("deceitful", "greedy", "selfish", "arrogant", "cowardly", "incompetent", "inept"),
            *("clueless", "misguided", "wrongheaded", "bogus", "phony", "hollow", "meaningless"),
            *("pointless", "worthless", "senseless", "futile", "disastrous", "ruinous"),
            *("unjust", "immoral", "unethical", "cruel", "inhumane", "vicious", "vile"),
            *("sinister", "unacceptable", "intolerable", "inexcusable", "unforgivable"),
            *("indefensible", "sclerotic", "unproven", "insufficient", "unreasonable"),
            *("wrong", "unfair", "toxic", "divisive", "betrayal", "disgrace", "failure"),
        ),
        voice=True,
        verdict=True,
    ),
    StanceWords(
        "praise: a verdict for someone or something",
        (
            *("wonderful", "marvelous", "marvellous", "brilliant", "splendid", "superb"),
            *("admirable", "laudable", "praiseworthy", "courageous", "heroic", "noble"),
            *("inspiring", "visionary", "refreshing", "magical", "sensible", "wise"),
        ),
        voice=True,
        verdict=True,
    ),
    StanceWords(
        "the writer weighs what matters",
        (),
        verdict=True,
        phrases=(
            *("it's important", "it is important", "it's clear", "it is clear"),
            *("it's true", "it is true", "what matters", "the point is", "the lesson"),
        ),
    ),
    StanceWords(
        "hearsay with no source named: the writer's 'we are told'",
        (),
        maybe=True,
        phrases=(
            *("we are told", "we're told", "we were told", "i am told", "i'm told"),
            *("i was told", "it is said", "it's said", "it was said"),
        ),
    ),
    StanceWords(
        "what would or could be, not what is",
        ("would", "could", "wouldn't", "couldn't"),
        maybe=True,
    ),
)


def _cues(reading: str) -> Cues:
    groups = [group for group in STANCE_WORDS if getattr(group, reading)]
    return Cues(
        frozenset(w for group in groups for w in group.words),
        tuple(p for group in groups for p in group.phrases),
    )


# The readings, by the name the worthiness lexicon counts them under.
STANCE_CUES: dict[str, Cues] = {
    reading: _cues(reading) for reading in ("voice", "verdict", "maybe")
}
VOICE_WORDS = STANCE_CUES["voice"].single
