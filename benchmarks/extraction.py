"""The claim finder against hand labels: precision, recall, F1, furniture leakage, and speed.

Run: python benchmarks/extraction.py [--rounds 20]

The labels are in benchmarks/gold/ and, from a second labeller, benchmarks/gold/second/ (see the
GUIDELINES.md in each): every sentence of the body of each article in sources/ marked claim or not,
and every block of page furniture. A found claim matches
a labelled sentence when their spans overlap by at least half of the longer of the two, so a
sentence split in the wrong place counts against the finder. Each article's genre reading is
printed beside its figures, and a table of labelled type against found type. Speed is the whole
pipeline (body, furniture, genre, sentences, worthiness, type, speaker, numbers, time, repeats) in
CPU time of one core: the best of a few rounds, since other work on a shared machine only ever
makes a round slower; then, each in a fresh process with its peak resident memory, one 3 MB
paragraph with no sentence end (the shipped bodies with their full stops taken out) and one 20 MB
article.
Furniture on real pages, without hand labels: benchmarks/furniture_real.py.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from claimledger.documents import Document, read_document
from claimledger.extract import Article, ExtractedClaim, find_body, read_article

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold"
SOURCES = ROOT / "sources"

Span = tuple[int, int]


@dataclass
class Gold:
    span: Span
    claim: bool
    type: str | None


def locate(text: str, needle: str, occurrence: int, where: str) -> Span:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise SystemExit(f"gold label not found in {where}: {needle[:60]!r}")
    return pos, pos + len(needle)


def load_gold(
    docs: dict[str, Document], folder: Path = GOLD
) -> tuple[dict[str, list[Gold]], dict[str, list[Span]]]:
    sentences: dict[str, list[Gold]] = {name: [] for name in docs}
    furniture: dict[str, list[Span]] = {name: [] for name in docs}
    for line in (folder / "claims.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            text = docs[row["source"]].text
            span = locate(text, row["quote"], row.get("occurrence", 1), row["source"])
            sentences[row["source"]].append(Gold(span, bool(row["claim"]), row.get("type")))
    for line in (folder / "furniture.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            text = docs[row["source"]].text
            furniture[row["source"]].append(
                locate(text, row["text"], row.get("occurrence", 1), row["source"])
            )
    return sentences, furniture


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def same_sentence(a: Span, b: Span) -> bool:
    return overlap(a, b) * 2 >= max(a[1] - a[0], b[1] - b[0])


def anchors(claim: ExtractedClaim) -> list[Span]:
    return [(claim.start, claim.end), *claim.anchors]


@dataclass
class Score:
    found: int = 0
    true_pos: int = 0
    gold: int = 0
    recalled: int = 0
    leaked: int = 0
    typed_right: int = 0
    not_claims_found: int = 0
    unlabelled: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.true_pos / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(
    claims: list[ExtractedClaim],
    gold: list[Gold],
    furniture: list[Span],
    confusion: Counter[tuple[str, str]] | None = None,
) -> Score:
    result = Score(found=len(claims), gold=sum(g.claim for g in gold))
    for claim in claims:
        spans = anchors(claim)
        if all(any(overlap(s, f) for f in furniture) for s in spans):
            result.leaked += 1  # found only in furniture (a caption repeating the body is fine)
            continue
        hit = next((g for g in gold if any(same_sentence(s, g.span) for s in spans)), None)
        if hit is None:
            result.unlabelled += 1  # the finder cut the text where no labeller would
        elif hit.claim:
            result.true_pos += 1
            result.typed_right += hit.type == claim.type
            if confusion is not None:
                confusion[(hit.type or "", claim.type)] += 1
        else:
            result.not_claims_found += 1
    for g in gold:
        if g.claim and any(same_sentence(s, g.span) for c in claims for s in anchors(c)):
            result.recalled += 1
    return result


def read(doc: Document) -> Article:
    return read_article(
        doc.text, published=doc.meta.published, outlet=doc.meta.outlet, title=doc.meta.title
    )


def extract(doc: Document) -> list[ExtractedClaim]:
    return list(read(doc).claims)


def quality(docs: dict[str, Document], folder: Path = GOLD) -> None:
    sentences, furniture = load_gold(docs, folder)
    total = Score()
    confusion: Counter[tuple[str, str]] = Counter()
    print(
        f"{'article':<52} {'gold':>4} {'found':>5} {'P':>5} {'R':>5} {'F1':>5} {'leak':>4}  genre"
    )
    for name, doc in docs.items():
        article = read(doc)
        s = score(list(article.claims), sentences[name], furniture[name], confusion)
        total.add(s)
        print(
            f"{name[:52]:<52} {s.gold:>4} {s.found:>5} {s.precision:5.2f} {s.recall:5.2f} "
            f"{s.f1:5.2f} {s.leaked:>4}  {article.genre.genre.value}"
        )
    labelled = sum(len(g) for g in sentences.values())
    print(
        f"{'all ' + str(len(docs)):<52} {total.gold:>4} {total.found:>5} {total.precision:5.2f} "
        f"{total.recall:5.2f} {total.f1:5.2f} {total.leaked:>4}"
    )
    print(
        f"\n{labelled} labelled sentences, {total.gold} of them claims "
        f"(marking every sentence a claim would score precision {total.gold / labelled:.2f})"
    )
    print(
        f"precision {total.precision:.3f}  recall {total.recall:.3f}  F1 {total.f1:.3f}  "
        f"claims from page furniture: {total.leaked}"
    )
    print(
        f"wrong finds: {total.not_claims_found} labelled not-a-claim, "
        f"{total.unlabelled} cut across sentences; "
        f"type agrees with the label on {total.typed_right} of {total.true_pos} "
        f"({total.typed_right / max(total.true_pos, 1):.0%})"
    )
    print_confusion(confusion)


def print_confusion(confusion: Counter[tuple[str, str]]) -> None:
    """Labelled type (rows) against the finder's type (columns), for the claims both found."""
    kinds = sorted({kind for pair in confusion for kind in pair})
    short = {k: k[:7] for k in kinds}
    print("  " + "label / found".ljust(22) + "".join(f"{short[k]:>8}" for k in kinds))
    for label in kinds:
        row = "".join(f"{confusion[(label, found)]:>8}" for found in kinds)
        print(f"  {label:<22}{row}")


def agreement(docs: dict[str, Document]) -> None:
    """How far the two labellers agree: Cohen's kappa over the sentences both labelled."""
    first, _ = load_gold(docs, GOLD)
    second, _ = load_gold(docs, GOLD / "second")
    pairs = [
        (a.claim, b.claim)
        for name in docs
        for a in first[name]
        for b in second[name]
        if same_sentence(a.span, b.span)
    ]
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    p1, p2 = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    expected = p1 * p2 + (1 - p1) * (1 - p2)
    kappa = (observed - expected) / (1 - expected)
    print(
        f"\nthe two labellers agree on {observed:.0%} of the {n} sentences both labelled "
        f"(Cohen's kappa {kappa:.2f})"
    )


def examples(docs: dict[str, Document]) -> None:
    wanted = [
        ("aclu", "more than half of those picked up in Boston had no criminal convictions"),
        ("wbur", "102 people were deported"),
    ]
    print()
    for outlet, phrase in wanted:
        doc = next(d for n, d in docs.items() if outlet in n)
        claim = next((c for c in extract(doc) if phrase in c.quote), None)
        if claim is None:
            print(f"MISSING: {phrase!r}")
            continue
        numbers = ", ".join(
            f"{q.text!r}={q.bound} {q.value:g}" for q in claim.quantities if q.value is not None
        )
        period = f"{claim.period.start}..{claim.period.end}" if claim.period else "none"
        print(f"found {phrase!r}: {numbers}; period {period}; type {claim.type}")


def speed(docs: dict[str, Document], rounds: int) -> None:
    """Articles per CPU second of this process (`time.process_time`): on a shared machine the
    wall clock counts other programs' work too; CPU time counts only the finder's."""
    texts = list(docs.values())
    size = sum(len(d.text.encode("utf-8")) for d in texts)
    repeat = max(1, int(500_000 / size))  # about half a MB of text a round
    rounds_taken = []
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(repeat):
            for doc in texts:
                extract(doc)
        rounds_taken.append(time.process_time() - start)
    mbps = size * repeat / min(rounds_taken) / 1e6
    median_mbps = size * repeat / statistics.median(rounds_taken) / 1e6
    # One long article: the shipped bodies end to end, cut at 5,000 words.
    words = " ".join(d.text for d in texts).split(" ")
    while len(words) < 5000:
        words += words
    long_text = " ".join(words[:5000])
    doc = Document("long.txt", long_text, texts[0].meta, "text")
    times = []
    for _ in range(rounds * 3):
        start = time.process_time()
        extract(doc)
        times.append(time.process_time() - start)
    print(
        f"\nspeed, one core (CPU time): {mbps:.2f} MB/s of article text (best of {rounds} rounds of "
        f"{size * repeat / 1e6:.1f} MB; median {median_mbps:.2f}); a 5,000-word article "
        f"({len(long_text.encode()) / 1e3:.0f} KB): {min(times) * 1e3:.1f} ms best, "
        f"{statistics.median(times) * 1e3:.1f} ms median"
    )


def long_paragraph(docs: dict[str, Document], size: int = 3_000_000) -> str:
    """The shipped bodies as one paragraph with every sentence end taken out, to `size` characters:
    what a transcript pasted without punctuation, or a page that lost its full stops, looks like."""
    run_on = re.sub(r"\s+", " ", re.sub(r"[.!?]+", "", " ".join(d.text for d in docs.values())))
    return (run_on * (size // len(run_on) + 1))[:size]


def long_article(docs: dict[str, Document], size: int) -> str:
    """The shipped articles' bodies (furniture and comments left out) end to end, repeated to
    `size` characters: one very long article that is all body."""
    bodies = "\n\n".join(d.text[s:e] for d in docs.values() for s, e in find_body(d.text))
    return (bodies * (size // len(bodies) + 1))[:size]


def _memory_kb(field: str) -> int:
    """Linux's /proc: VmRSS (resident now) or VmHWM (its peak since this program started; unlike
    getrusage's ru_maxrss, it does not count the parent's memory at the fork). Elsewhere, the
    high-water mark getrusage gives."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _measure_in_child(path: Path) -> None:
    """Run in a fresh process: read one input file, print CPU seconds and peak memory."""
    text = path.read_text(encoding="utf-8")
    meta = read_document(next(SOURCES.glob("*.txt"))).meta
    doc = Document(path.name, text, meta, "text")
    before = _memory_kb("VmRSS")
    start = time.process_time()
    claims = len(extract(doc))
    elapsed = time.process_time() - start
    peak = _memory_kb("VmHWM")
    print(json.dumps({"seconds": elapsed, "before_kb": before, "peak_kb": peak, "claims": claims}))


def long_speed(docs: dict[str, Document]) -> None:
    """A 3 MB paragraph with no sentence end and a 20 MB article, each read in its own process
    from a file, so that its peak resident memory is the finder's."""
    inputs = (
        (long_paragraph(docs, 3_000_000), "paragraph with no sentence end"),
        (long_article(docs, 20_000_000), "article (the shipped bodies repeated)"),
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n, (text, what) in enumerate(inputs):
            path = Path(tmp) / f"input{n}.txt"
            path.write_text(text, encoding="utf-8")
            mb = len(text.encode("utf-8")) / 1e6
            del text
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            r = json.loads(out)
            grew = (r["peak_kb"] - r["before_kb"]) / 1e3
            print(
                f"a {mb:.0f} MB {what}: {r['seconds']:.2f} s CPU, {mb / r['seconds']:.2f} MB/s, "
                f"{r['claims']} claims; peak memory {r['peak_kb'] / 1e3:.0f} MB, "
                f"{grew:.0f} MB ({grew / mb:.1f} times the text) above the process with the "
                "text loaded"
            )


def load_articles(folder: Path) -> dict[str, Document]:
    return {p.name: read_document(p) for p in sorted(folder.iterdir()) if p.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _measure_in_child(args.child)
        return
    docs = {p.name: read_document(p) for p in sorted(SOURCES.glob("*.txt"))}
    print("labels of gold/ (the rules' mistakes on these were looked at while writing them)")
    quality(docs)
    print(
        "\nlabels of gold/second/ (a second labeller who never saw the finder's output; the later "
        "rules were written only against mistakes both labellers agree on)"
    )
    quality(docs, GOLD / "second")
    unseen = GOLD / "unseen"
    print(
        "\narticles from other beats, not in sources/ (gold/unseen/: written and labelled before the "
        "finder first ran on them; see its README)"
    )
    quality(load_articles(unseen / "articles"), unseen)
    agreement(docs)
    examples(docs)
    speed(docs, args.rounds)
    long_speed(docs)


if __name__ == "__main__":
    main()
