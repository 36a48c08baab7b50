"""Train the learned check-worthiness scorer and say, by cross-validation, whether it earns its place.

Run: python benchmarks/train_scorer.py [--write] [--blind]

Protocol (fixed before any figure was read):

- Training labels: gold/claims.jsonl and gold/second/claims.jsonl (the five shipped articles,
  two labellers), gold/unseen/claims.jsonl (three made-up articles of other beats) and
  gold/web/claims-A.jsonl (labeller A's eleven saved pages). Labeller B's seven web pages
  (gold/web/claims-B.jsonl) are the held-out test: never trained on, never used for a choice; only
  their totals are printed (--blind), never a page or a sentence.
- Every choice (regularisation, furniture as negatives, the web pages' weight, how the model's
  probability is used, its threshold, which sentences it may take) is made by
  leave-one-article-out cross-validation over the training sets: 19 folds, one per article or
  page. An article's first and second labels are one fold (the same sentences never sit in train
  and test at once); a web page's HTML and visible-text readings are one fold.
- Each held-out article is scored exactly as benchmarks/extraction.py scores it (the same span
  matching, repeats, opinion's bar and furniture counting), from the sentences the pipeline judged
  (`read_article(trace=...)`), so a fold's figures are those the benchmark would print with the
  fold's model. The objective is the mean F1 of the five training readings (first labels, second
  labels, unseen, A from HTML, A from text); the rules alone are scored the same way beside it.
- A configuration is a candidate only if its cross-validated claims from furniture are no more
  than the rules', and if its model trained on every label takes none of GUIDELINE_NEGATIVES (the
  finder's tests' made-up sentences the guidelines say are not claims).
- Model: logistic regression over the rule score and rule features (`extract/learned.py`) and
  word unigrams and bigrams hashed into 2**14 buckets, trained by stochastic gradient descent with
  L2 (a fixed seed, a fixed number of epochs): standard library only, the same weights every run.
- How the probability is used: a weighted blend ((1 - w) x rule score + w x probability >= t), or
  the rules' claims plus the sentences the rules left that the model gives t or more (RESCUE), the
  latter for any sentence, only full sentences, or only those the rules hold nothing against.

History, for whoever reads the figures: the first grid had no furniture or guideline condition and
no gate; its choice (rules or model, t 0.45) lifted B's totals (F1 0.742 -> 0.796 from HTML) but
took teaser headlines from A's visible text and five of the finder's guideline tests' sentences,
so the two conditions and the gates were added, and B's totals were read again for each new
choice: three readings in all, of totals only.

Labeller D's eleven pages (gold/web/claims-D.jsonl, labelled blind later) are held out too:
--blind prints their totals beside B's. `--train-with C` also trains on labeller C's pages (studied
since they were labelled): tried once, it lowered both held-out sets (B 0.763 -> 0.754 from HTML,
D 0.799 -> 0.793), so the shipped model stays the one trained on A's. Labeller E's seventeen pages
(labelled blind later, for training) were tried the same way, once each, with labeller F's
thirteen pages held out beside B's and D's: `--train-with E` gave B 0.763 -> 0.756, D 0.799 ->
0.791, F 0.773 -> 0.781 (from HTML); `--train-with C --train-with E` B 0.756, D 0.792, F 0.780.
Lower on two of the three held-out sets both times: the shipped model stays A's. Then labellers G,
H and I (48 more pages, for training) brought the training readings from 1,121 to 6,287:
`--train-with E --train-with G --train-with H --train-with I --groups 6` chose l2 0.1, furniture
as negatives, threshold 0.9 over whole sentences (no looser choice kept furniture at the rules'
level), and gave B 0.744, D 0.781, F 0.755 from HTML, all below the shipped model. Five times the
labels did not lift the held-out pages: the shipped model stays A's.

With --write the chosen model is trained on all training labels and written to
src/claimledger/extract/data/scorer.json (provenance of its labels: README.md there).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from claimledger.documents import Document, parse_text, read_document
from claimledger.extract import ExtractedClaim, Genre, read_article
from claimledger.extract.learned import (
    Gate,
    LearnedScorer,
    TracedSentence,
    hashed_features,
    named_features,
)
from claimledger.extract.pipeline import OPINION_THRESHOLD, THRESHOLD

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling scripts, however run

from extraction import (
    GOLD,
    SOURCES,
    WEB,
    Gold,
    Score,
    WebPage,
    load_articles,
    load_gold,
    load_web,
    locate_web,
    overlap,
    same_sentence,
    score,
    web_document,
    web_score,
)

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src" / "claimledger" / "extract" / "data" / "scorer.json"
BUCKETS = 2**14
SEED = 20261201
EPOCHS = 30
RESCUE = -1.0  # the blend "the rules, or the model alone above t"
L2S = (0.01, 0.03, 0.1, 0.3)
SETS = ("first", "second", "unseen", "A html", "A text")

Decide = Callable[[TracedSentence], bool]

# Made-up sentences the guidelines say are not claims, from the finder's tests
# (tests/extract/test_claims.py): a configuration whose model, trained on every label, would take
# one of them is no candidate. They are the project's specification, not a test set.
GUIDELINE_NEGATIVES = (
    "Don’t be fooled.",
    "The program is called Secure Communities",
    "The new agency is known as the Bureau of Transit Safety.",
    "It is a sad day for everyone who lost heat in the middle of winter.",
    "City Council Votes To Cut Bus Routes Across Three Districts",
    "If the council won’t act, it’s time for the state to take over this failing agency.",
    "Dana Reyes is an economist at the Harbor Policy Institute.",
    "She’s a lawyer for the Tenants Union of Ohio.",
    "“Cutting these routes will hurt the people who need buses most,” Reyes said.",
    "If fares rise again, riders might abandon the Route 9 bus for good.",
    "It’s very possible that some of the Springfield routes could come back in the fall.",
    "Dana Reyes heads the Springfield Transit Riders Union.",
    "They sold false hope to the riders of Springfield.",
    "You need to call your senator today.",
    "You deserve better than this.",
    "Subscribe to the Harbor Business Journal for $1 a week.",
    "Dana Reyes also supports the Main Street plan.",
    "“And riders deserve elected officials they can trust.”",
    "Ann Ruiz seemed tired and worried after the long meeting at the hall.",
    "Ann Ruiz was concerned about the mood of the riders in the city.",
    "Jim Martin runs the office.",
)


@dataclass
class Reading:
    """One reading of one article: the sentences the pipeline judged, the genre, and how to
    score a set of claims against the labels (which set the figures count in)."""

    set_name: str
    opinion: bool
    traced: list[TracedSentence]
    judge: Callable[[list[ExtractedClaim]], Score]
    rows: list[tuple[TracedSentence, bool]]  # the labelled sentences, for training


@dataclass
class Fold:
    name: str
    readings: list[Reading] = field(default_factory=list)
    furniture: list[TracedSentence] = field(default_factory=list)  # judged, in no label


def trace(doc: Document) -> tuple[bool, list[TracedSentence]]:
    traced: list[TracedSentence] = []
    article = read_article(
        doc.text,
        published=doc.meta.published,
        outlet=doc.meta.outlet,
        title=doc.meta.title,
        url=doc.meta.url,
        learned=False,  # the rules' reading: the same whatever weights are shipped
        trace=traced,
    )
    return article.genre.genre is Genre.OPINION, traced


def labelled(
    traced: list[TracedSentence], gold: Iterable[Gold | None]
) -> list[tuple[TracedSentence, bool]]:
    spans = [g for g in gold if g is not None]
    rows = []
    for t in traced:
        hit = next((g for g in spans if same_sentence((t.start, t.end), g.span)), None)
        if hit is not None:
            rows.append((t, hit.claim))
    return rows


def unlabelled(
    traced: list[TracedSentence],
    gold: Iterable[Gold | None],
    furniture: list[tuple[int, int]] | None,
) -> list[TracedSentence]:
    """Judged sentences that are furniture: in a furniture label (older sets) or, on a web page,
    touching no labelled sentence (every body sentence is labelled there)."""
    spans = [g.span for g in gold if g is not None]
    if furniture is not None:
        return [t for t in traced if any(overlap((t.start, t.end), f) for f in furniture)]
    return [t for t in traced if not any(overlap((t.start, t.end), s) for s in spans)]


def _slugs(labeller: str) -> set[str]:
    rows = (WEB / f"claims-{labeller}.jsonl").read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["source"] for line in rows if line.strip()}


def load_folds(held_out: str | None = None, train_with: tuple[str, ...] = ()) -> list[Fold]:
    """The training folds, or (held_out, a labeller) one fold per page of that labeller's."""
    folds: list[Fold] = []
    # the protocol's web pages: A's for training (and `train_with`'s, studied since: C's), B's
    # and D's held out; any other labeller's pages are neither
    training = {"A", *train_with}
    wanted = _slugs(held_out) if held_out else set().union(*(_slugs(x) for x in training))
    if not held_out:
        docs = {p.name: read_document(p) for p in sorted(SOURCES.glob("*.txt"))}
        for set_name, folder in (("first", GOLD), ("second", GOLD / "second")):
            sentences, furniture = load_gold(docs, folder)
            for name, doc in docs.items():
                fold = _fold(folds, f"source {name}")
                opinion, traced = trace(doc)
                gold, furn = sentences[name], furniture[name]
                fold.readings.append(
                    Reading(
                        set_name, opinion, traced, _gold_judge(gold, furn), labelled(traced, gold)
                    )
                )
                fold.furniture.extend(unlabelled(traced, gold, furn))
        unseen = load_articles(GOLD / "unseen" / "articles")
        sentences, furniture = load_gold(unseen, GOLD / "unseen")
        for name, doc in unseen.items():
            fold = _fold(folds, f"unseen {name}")
            opinion, traced = trace(doc)
            gold, furn = sentences[name], furniture[name]
            fold.readings.append(
                Reading("unseen", opinion, traced, _gold_judge(gold, furn), labelled(traced, gold))
            )
            fold.furniture.extend(unlabelled(traced, gold, furn))
    for page in load_web():
        if page.slug not in wanted:
            continue
        fold = _fold(folds, f"web {page.slug}")
        for kind in ("html", "text"):
            doc = web_document(page, kind)
            opinion, traced = trace(doc)
            web_gold = locate_web(doc.text, page.labels)
            set_name = (f"{held_out} " if held_out else "A ") + kind
            fold.readings.append(
                Reading(
                    set_name,
                    opinion,
                    traced,
                    _web_judge(page, web_gold),
                    labelled(traced, web_gold),
                )
            )
            fold.furniture.extend(unlabelled(traced, web_gold, None))
    return folds


def _fold(folds: list[Fold], name: str) -> Fold:
    for fold in folds:
        if fold.name == name:
            return fold
    folds.append(Fold(name))
    return folds[-1]


def _gold_judge(
    gold: list[Gold], furniture: list[tuple[int, int]]
) -> Callable[[list[ExtractedClaim]], Score]:
    return lambda claims: score(claims, gold, furniture)


def _web_judge(page: WebPage, gold: list[Gold | None]) -> Callable[[list[ExtractedClaim]], Score]:
    return lambda claims: web_score(claims, page.labels, gold, Counter())[0]


def claims_of(reading: Reading, decide: Decide) -> list[ExtractedClaim]:
    """The claims the pipeline would return with this decision: repeats merged, opinion's bar
    applied to sentences with nothing to look them up by (as pipeline.read_article does)."""
    first: dict[str, ExtractedClaim] = {}
    strong: dict[str, ExtractedClaim] = {}
    spans: dict[str, list[tuple[int, int, bool]]] = {}
    for t in reading.traced:
        if not decide(t):
            continue
        weak = not t.facts.anchored and t.facts.score < OPINION_THRESHOLD
        claim = ExtractedClaim(
            t.facts.sentence, t.start, t.end, t.type, t.facts.score, None, (), None
        )
        first.setdefault(t.key, claim)
        if not weak:
            strong.setdefault(t.key, claim)
        spans.setdefault(t.key, []).append((t.start, t.end, weak))
    out = []
    for key, occurrences in spans.items():
        pairs = [(s, e) for s, e, weak in occurrences if not (reading.opinion and weak)]
        kept = strong.get(key) if reading.opinion else first[key]
        if kept is None or not pairs:
            continue
        out.append(replace(kept, anchors=tuple(pairs[1:])))
    return out


def evaluate(readings: Iterable[Reading], decide: Decide) -> dict[str, Score]:
    totals: dict[str, Score] = {}
    for reading in readings:
        totals.setdefault(reading.set_name, Score()).add(reading.judge(claims_of(reading, decide)))
    return totals


# The model -------------------------------------------------------------------------------------

Example = tuple[dict[str, float], list[int], float, float]  # features, grams, label, weight


def example(t: TracedSentence, label: bool, weight: float = 1.0) -> Example:
    return named_features(t.facts), hashed_features(t.facts.tokens, BUCKETS), float(label), weight


def train(examples: list[Example], l2: float) -> LearnedScorer:
    """Logistic regression by stochastic gradient descent, L2 applied to the features a step
    touches; a fixed seed and epoch count, so the same examples give the same weights."""
    rng = random.Random(SEED)
    order = list(range(len(examples)))
    bias = 0.0
    named: dict[str, float] = {}
    hashed = [0.0] * BUCKETS
    step = 0
    for _epoch in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            feats, grams, y, weight = examples[i]
            z = bias + sum(named.get(k, 0.0) * v for k, v in feats.items())
            z += sum(hashed[g] for g in grams)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            rate = 0.1 / (1.0 + step / len(examples))
            step += 1
            g = (p - y) * weight
            bias -= rate * g
            for k, v in feats.items():
                w = named.get(k, 0.0)
                named[k] = w - rate * (g * v + l2 * w)
            for b in grams:
                hashed[b] -= rate * (g + l2 * hashed[b])
    return LearnedScorer(
        bias=round(bias, 5),
        named={k: round(v, 5) for k, v in sorted(named.items())},
        hashed={i: round(w, 5) for i, w in enumerate(hashed) if abs(w) >= 1e-5},
        buckets=BUCKETS,
        threshold=0.5,
        gate=Gate.ANY,
    )


def fold_examples(folds: Iterable[Fold], furniture: bool, web_weight: float = 1.0) -> list[Example]:
    """The labelled sentences of these folds (a web page's two readings each at `web_weight`),
    with the furniture the pipeline judged as negatives if asked."""
    out = [
        example(t, y, web_weight if r.set_name.startswith(("A ", "B ")) else 1.0)
        for fold in folds
        for r in fold.readings
        for t, y in r.rows
    ]
    if furniture:
        out.extend(example(t, False) for fold in folds for t in fold.furniture)
    return out


def f1_table(name: str, totals: dict[str, Score]) -> str:
    cells = "  ".join(
        f"{s}: {totals[s].precision:.3f}/{totals[s].recall:.3f}/{totals[s].f1:.3f}" for s in totals
    )
    return f"{name:<44} {cells}"


def side_table(totals: dict[str, Score]) -> str:
    """Claims from furniture and type agreement per set."""
    return "  ".join(
        f"{s}: furniture {totals[s].leaked}, types {totals[s].typed_right}/{totals[s].true_pos}"
        for s in totals
    )


def mean_f1(totals: dict[str, Score]) -> float:
    return sum(totals[s].f1 for s in SETS) / len(SETS)


def leaked(totals: dict[str, Score]) -> int:
    return sum(s.leaked for s in totals.values())


def rules(t: TracedSentence) -> bool:
    return t.facts.score >= THRESHOLD


@dataclass(frozen=True)
class Choice:
    """One configuration: how the model is trained and how its probability is used."""

    l2: float
    furniture: bool  # the judged sentences that are furniture as negatives
    web_weight: float  # the weight of each of a web page's two readings
    blend: float  # RESCUE, or the model's share of a weighted blend
    threshold: float
    gate: Gate = Gate.ANY  # with RESCUE: which sentences the rules left the model may take

    def decide(self, prob: dict[int, float]) -> Decide:
        def decide(t: TracedSentence) -> bool:
            p = prob[id(t)]
            if self.blend == RESCUE:
                if t.facts.score >= THRESHOLD:
                    return True
                return p >= self.threshold and self.gate.lets(t.facts)
            return (1 - self.blend) * t.facts.score + self.blend * p >= self.threshold

        return decide


def out_of_fold(
    folds: list[Fold], l2: float, furniture: bool, web_weight: float, groups: int = 0
) -> dict[int, float]:
    """Each judged sentence's probability from the model trained without its fold (with
    `groups`, without its group: the folds dealt round-robin into that many, for large sets)."""
    prob: dict[int, float] = {}
    count = groups or len(folds)
    for k in range(count):
        held = [f for j, f in enumerate(folds) if j % count == k]
        rest = (f for j, f in enumerate(folds) if j % count != k)
        model = train(fold_examples(rest, furniture, web_weight), l2)
        for fold in held:
            for r in fold.readings:
                for t in r.traced:
                    prob[id(t)] = model.probability(t.facts)
    return prob


def choices(l2: float, furniture: bool, web_weight: float) -> Iterable[Choice]:
    thresholds = [round(0.2 + 0.025 * i, 3) for i in range(29)]
    for blend in (0.25, 0.5, 0.75, 1.0):
        for th in thresholds:
            yield Choice(l2, furniture, web_weight, blend, th)
    for th in thresholds:
        for gate in Gate:
            yield Choice(l2, furniture, web_weight, RESCUE, th, gate)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="train on all and write the weights")
    parser.add_argument(
        "--blind", action="store_true", help="print labellers B's, D's and F's totals"
    )
    parser.add_argument(
        "--train-with",
        action="append",
        default=[],
        metavar="LABELLER",
        help="also train on this labeller's web pages, read as A's (C: studied since)",
    )
    parser.add_argument(
        "--groups",
        type=int,
        default=0,
        metavar="K",
        help="cross-validate over K groups of folds, not one fold a page (large training sets)",
    )
    args = parser.parse_args()
    folds = load_folds(train_with=tuple(args.train_with))
    n_rows = sum(len(r.rows) for f in folds for r in f.readings)
    print(f"{len(folds)} folds, {n_rows} labelled sentence readings")
    readings = [r for f in folds for r in f.readings]
    base = evaluate(readings, rules)
    print("cross-validated P/R/F1 per set; mean F1 over", ", ".join(SETS))
    print(f1_table("rules alone", base), f" mean {mean_f1(base):.3f}")
    negatives = [
        t for text in GUIDELINE_NEGATIVES for t in trace(parse_text(text, name="s.txt"))[1]
    ]
    best: tuple[float, Choice, dict[str, Score]] | None = None
    for furniture, web_weight in ((False, 1.0), (True, 1.0), (False, 0.5)):
        for l2 in L2S:
            prob = out_of_fold(folds, l2, furniture, web_weight, args.groups)
            full = train(fold_examples(folds, furniture, web_weight), l2)
            prob.update((id(t), full.probability(t.facts)) for t in negatives)
            local: tuple[float, Choice, dict[str, Score]] | None = None
            for choice in choices(l2, furniture, web_weight):
                if any(choice.decide(prob)(t) for t in negatives):
                    continue  # the shipped model would take a sentence the guidelines exclude
                totals = evaluate(readings, choice.decide(prob))
                if leaked(totals) > leaked(base):
                    continue  # more claims from furniture than the rules: not a candidate
                m = mean_f1(totals)
                if local is None or m > local[0]:
                    local = (m, choice, totals)
            if local is None:
                continue
            c = local[1]
            name = f"l2 {l2} furn {int(furniture)} web {web_weight} blend {c.blend} t {c.threshold}"
            if c.blend == RESCUE:
                name += f" gate {c.gate.value}"
            print(f1_table(name, local[2]), f" mean {local[0]:.3f}")
            if best is None or local[0] > best[0]:
                best = local
    assert best is not None
    m, choice, totals = best
    print(f"\nchosen: {choice} (mean F1 {m:.3f}, rules alone {mean_f1(base):.3f})")
    print("rules alone:", side_table(base))
    print("chosen:     ", side_table(totals))
    if args.write:
        write(folds, choice)
    if args.blind:
        blind(LearnedScorer.from_dict(json.loads(WEIGHTS.read_text(encoding="utf-8"))))


def write(folds: list[Fold], choice: Choice) -> None:
    """The chosen model trained on every training label, written where the package reads it."""
    if choice.blend != RESCUE:
        raise SystemExit("the pipeline applies only 'the rules, or the model above t'")
    examples = fold_examples(folds, choice.furniture, choice.web_weight)
    model = replace(train(examples, choice.l2), threshold=choice.threshold, gate=choice.gate)
    data = {
        "about": (
            "claimledger's learned check-worthiness scorer, written by "
            "benchmarks/train_scorer.py; its labels' provenance, licence and counts: README.md here"
        ),
        "trained_on": {
            "sentence_readings": len(examples),
            "claims": int(sum(e[2] for e in examples)),
            "l2": choice.l2,
            "epochs": EPOCHS,
            "seed": SEED,
        },
        **model.to_dict(),
    }
    WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    WEIGHTS.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}: {len(model.hashed)} hashed weights")


def blind(model: LearnedScorer) -> None:
    """Labellers B's and D's pages, totals only, rules alone and with the shipped model."""

    def with_model(t: TracedSentence) -> bool:
        return t.facts.score >= THRESHOLD or model.takes(t.facts) is not None

    for labeller in ("B", "D", "F"):
        readings = [r for f in load_folds(held_out=labeller) for r in f.readings]
        pages = len(_slugs(labeller))
        print(f"\nheld out (labeller {labeller}, {pages} pages), P/R/F1, totals:")
        for name, decide in (("rules alone", rules), ("rules or model", with_model)):
            totals = evaluate(readings, decide)
            print(f1_table(name, totals))
            print(" " * 45 + side_table(totals))


if __name__ == "__main__":
    main()
