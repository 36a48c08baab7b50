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

The web set (gold/web/, see its README): real saved pages from public repositories, every body
sentence labelled before the finder first ran on them, read twice: from the page's HTML, as
`claimledger extract page.html` reads it, and from its visible text (benchmarks/web_text.py: what
a capture tool or a copy-paste of the whole page holds). Every claims-*.jsonl and
provenance-*.jsonl there is read, so each labeller's pages join when merged. A found claim that
touches no labelled sentence counts as taken from page furniture. `--web` prints only this set;
`--web-details` also quotes each wrong find and each miss.
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

from claimledger.documents import Document, parse_text, read_document
from claimledger.extract import Article, ExtractedClaim, find_body, read_article

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling scripts, however run

from furniture_real import FIXTURE_PAGES, NEWS_PAGES
from web_text import captured

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


LEARNED = True  # --rules-only: the rules alone, without the shipped learned scorer


def read(doc: Document) -> Article:
    return read_article(
        doc.text,
        published=doc.meta.published,
        outlet=doc.meta.outlet,
        title=doc.meta.title,
        url=doc.meta.url,
        declared=doc.declared,
        learned=LEARNED,
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
                [
                    sys.executable,
                    __file__,
                    "--child",
                    str(path),
                    *(() if LEARNED else ("--rules-only",)),
                ],
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


WEB = GOLD / "web"
QUOTE_CHARS = {"'": "['‘’]", "‘": "['‘’]", "’": "['‘’]", '"': '["“”]', "“": '["“”]', "”": '["“”]'}


@dataclass
class WebPage:
    slug: str
    genre: str  # the labeller's reading: news, analysis, opinion, live_blog, fact_check, interview
    seen: bool  # a benchmark ran the finder on it while rules were being written
    labels: list[dict[str, object]]


def looked_at_in_development(repo: str, path: str) -> bool:
    """Pages furniture_real.py reads: their furniture was looked at while rules were written."""
    name = Path(path).parent.name if path.endswith("/source.html") else Path(path).name
    return (repo == "mozilla/readability" and name in NEWS_PAGES) or (
        repo == "postlight/parser" and name in FIXTURE_PAGES
    )


def load_web() -> list[WebPage]:
    """Every labelled page of gold/web/ whose HTML is there, in slug order."""
    provenance: dict[str, dict[str, str]] = {}
    for file in sorted(WEB.glob("provenance-*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                provenance[row["slug"]] = row
    labels: dict[str, list[dict[str, object]]] = {}
    for file in sorted(WEB.glob("claims-*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                labels.setdefault(row["source"], []).append(row)
    pages = []
    for slug in sorted(labels):
        if not (WEB / "pages" / f"{slug}.html").exists():
            print(f"  (labels for {slug} but no pages/{slug}.html: left out)")
            continue
        info = provenance.get(slug, {})
        seen = looked_at_in_development(info.get("repo", ""), info.get("path", ""))
        pages.append(WebPage(slug, info.get("genre", "?"), seen, labels[slug]))
    return pages


def quote_pattern(quote: str) -> re.Pattern[str]:
    """The quote with any run of whitespace and either kind of quotation mark allowed."""
    words = ("".join(QUOTE_CHARS.get(ch, re.escape(ch)) for ch in w) for w in quote.split())
    return re.compile(r"\s+".join(words))


def locate_web(text: str, labels: list[dict[str, object]]) -> list[Gold | None]:
    """Each label's span in the text the finder read, searched from the end of the one before
    (a headline repeated in a teaser above the article is not taken for it), or None when that
    text does not hold the sentence (the HTML reader left it out)."""
    found: list[Gold | None] = []
    pos = 0
    for label in labels:
        pattern = quote_pattern(str(label["quote"]))
        m = pattern.search(text, pos) or pattern.search(text)
        if m is None:
            found.append(None)
            continue
        pos = m.end()
        kind = label.get("type")
        found.append(Gold((m.start(), m.end()), bool(label["claim"]), str(kind) if kind else None))
    return found


@dataclass
class Mistakes:
    """What fooled the finder on one page, quoted: for whoever improves it."""

    not_claims: list[str]
    furniture: list[str]
    cut: list[str]
    missed: list[str]
    mistyped: list[str]


def web_score(
    claims: list[ExtractedClaim],
    labels: list[dict[str, object]],
    gold: list[Gold | None],
    confusion: Counter[tuple[str, str]],
) -> tuple[Score, Mistakes]:
    """As `score`, but with no furniture labels: a claim touching no labelled sentence is
    furniture (the labels cover every sentence of the body)."""
    located = [g for g in gold if g is not None]
    result = Score(found=len(claims), gold=sum(bool(label["claim"]) for label in labels))
    wrong = Mistakes([], [], [], [], [])
    for claim in claims:
        spans = anchors(claim)
        if not any(overlap(s, g.span) for s in spans for g in located):
            result.leaked += 1
            wrong.furniture.append(claim.quote)
            continue
        hit = next((g for g in located if any(same_sentence(s, g.span) for s in spans)), None)
        if hit is None:
            result.unlabelled += 1
            wrong.cut.append(claim.quote)
        elif hit.claim:
            result.true_pos += 1
            result.typed_right += hit.type == claim.type
            confusion[(hit.type or "", claim.type)] += 1
            if hit.type != claim.type:
                wrong.mistyped.append(f"{hit.type} read as {claim.type}: {claim.quote}")
        else:
            result.not_claims_found += 1
            wrong.not_claims.append(claim.quote)
    for label, g in zip(labels, gold, strict=True):
        if not label["claim"]:
            continue
        if g is not None and any(same_sentence(s, g.span) for c in claims for s in anchors(c)):
            result.recalled += 1
        else:
            lost = "" if g is not None else " [not in the text the finder read]"
            wrong.missed.append(f"({label.get('type')}) {label['quote']}{lost}")
    return result, wrong


def web_document(page: WebPage, kind: str) -> Document:
    html = WEB / "pages" / f"{page.slug}.html"
    if kind == "html":
        return read_document(html)
    return parse_text(captured(html.read_bytes()), name=f"{page.slug}.txt")


def web_quality(pages: list[WebPage], kind: str, details: bool) -> None:
    what = {
        "html": "from the page's HTML (as `claimledger extract page.html` reads it)",
        "text": "from the page's visible text (benchmarks/web_text.py: what a capture holds)",
    }[kind]
    print(f"\nweb set, {what}")
    print(
        f"{'page':<30} {'labelled':<9} {'gold':>4} {'found':>5} {'P':>5} {'R':>5} {'F1':>5} "
        f"{'furn':>4} {'type':>5}  genre read"
    )
    total, opinion, unseen = Score(), Score(), Score()
    confusion: Counter[tuple[str, str]] = Counter()
    mistakes: dict[str, Mistakes] = {}
    for page in pages:
        doc = web_document(page, kind)
        article = read(doc)
        gold = locate_web(doc.text, page.labels)
        s, wrong = web_score(list(article.claims), page.labels, gold, confusion)
        mistakes[page.slug] = wrong
        total.add(s)
        if page.genre == "opinion":
            opinion.add(s)
        if not page.seen:
            unseen.add(s)
        absent = sum(g is None for g in gold)
        note = f"  ({absent} labelled sentences not in its text)" if absent else ""
        mark = "" if page.seen else " *"
        print(
            f"{(page.slug + mark)[:30]:<30} {page.genre[:9]:<9} {s.gold:>4} {s.found:>5} "
            f"{s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f} {s.leaked:>4} "
            f"{s.typed_right / max(s.true_pos, 1):5.0%}  {article.genre.genre.value}{note}"
        )
    print(
        f"{'all ' + str(len(pages)):<40} {total.gold:>4} {total.found:>5} "
        f"{total.precision:5.2f} {total.recall:5.2f} {total.f1:5.2f} {total.leaked:>4} "
        f"{total.typed_right / max(total.true_pos, 1):5.0%}"
    )
    n_unseen = sum(not p.seen for p in pages)
    print(
        f"precision {total.precision:.3f}  recall {total.recall:.3f}  F1 {total.f1:.3f}  "
        f"claims from page furniture: {total.leaked} on {len(pages)} pages "
        f"({total.leaked / max(len(pages), 1):.1f} a page); wrong finds: "
        f"{total.not_claims_found} labelled not-a-claim, {total.unlabelled} cut across sentences; "
        f"type agrees on {total.typed_right} of {total.true_pos} "
        f"({total.typed_right / max(total.true_pos, 1):.0%})"
    )
    print(
        f"opinion pages ({sum(p.genre == 'opinion' for p in pages)}): precision "
        f"{opinion.precision:.2f} ({opinion.true_pos} of {opinion.found}), recall "
        f"{opinion.recall:.2f}, F1 {opinion.f1:.2f}"
    )
    print(
        f"* never run through the finder in development ({n_unseen} pages): precision "
        f"{unseen.precision:.2f}  recall {unseen.recall:.2f}  F1 {unseen.f1:.2f}  furniture "
        f"{unseen.leaked}"
    )
    print_confusion(confusion)
    if details:
        print_mistakes(mistakes)


def print_mistakes(mistakes: dict[str, Mistakes]) -> None:
    for slug, wrong in mistakes.items():
        print(f"\n  {slug}")
        for title, items in (
            ("labelled not a claim, found", wrong.not_claims),
            ("furniture, found", wrong.furniture),
            ("cut across sentences", wrong.cut),
            ("claim missed", wrong.missed),
            ("type", wrong.mistyped),
        ):
            for item in items:
                print(f"    {title}: {' '.join(item.split())[:220]}")


SECOND_READING = WEB / "second-reading"


def _claims_as_found(labels: list[Gold | None]) -> list[Gold]:
    return [g for g in labels if g is not None and g.claim]


def web_agreement() -> None:
    """Two labellers of the same pages, read from their visible text: the second scored against
    the first as the finder is (its claims as finds), and the finder against each. The first
    figure is the most a finder can be expected to score on labels of this kind."""
    second: dict[str, list[dict[str, object]]] = {}
    for file in sorted(SECOND_READING.glob("claims-*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                second.setdefault(row["source"], []).append(row)
    pages = [p for p in load_web() if p.slug in second]
    if not pages:
        return
    rows = {"the second labeller": Score(), "the finder": Score(), "the finder, vs 2nd": Score()}
    both = agree = typed = claims_both = 0
    for page in pages:
        doc = web_document(page, "text")
        first = locate_web(doc.text, page.labels)
        other = locate_web(doc.text, second[page.slug])
        found = _claims_as_found(first)
        for g in _claims_as_found(other):
            hit = next((f for f in first if f and same_sentence(f.span, g.span)), None)
            rows["the second labeller"].found += 1
            rows["the second labeller"].true_pos += bool(hit and hit.claim)
        rows["the second labeller"].gold += len(found)
        rows["the second labeller"].recalled += sum(
            any(same_sentence(f.span, g.span) for g in _claims_as_found(other)) for f in found
        )
        for a in (f for f in first if f is not None):
            b = next((g for g in other if g and same_sentence(a.span, g.span)), None)
            if b is None:
                continue
            both += 1
            agree += a.claim == b.claim
            if a.claim and b.claim:
                claims_both += 1
                typed += a.type == b.type
        claims = list(read(doc).claims)
        rows["the finder"].add(web_score(claims, page.labels, first, Counter())[0])
        rows["the finder, vs 2nd"].add(web_score(claims, second[page.slug], other, Counter())[0])
    print(
        f"\nagreement of two labellers on {len(pages)} pages' visible text "
        f"(gold/web/second-reading/: a second labeller, blind to the first labels and the finder)"
    )
    for name, sc in rows.items():
        against = "the second labeller's labels" if name.endswith("2nd") else "the first labels"
        print(
            f"  {name.removesuffix(', vs 2nd'):<20} against {against:<29} precision "
            f"{sc.precision:.2f}  recall {sc.recall:.2f}  F1 {sc.f1:.2f}"
        )
    print(
        f"  claim or not, sentence by sentence: the labellers agree on {agree} of {both} "
        f"({agree / max(both, 1):.0%}); on the type of {typed} of the {claims_both} both call "
        f"claims ({typed / max(claims_both, 1):.0%})"
    )


def web(details: bool, only: str = "") -> None:
    """The web set from HTML and from visible text; `only` keeps the pages whose slug starts
    with it (one labeller's pages: "c-")."""
    pages = [page for page in load_web() if page.slug.startswith(only)]
    if not pages:
        print(f"\nweb set: no labelled pages {only}* in benchmarks/gold/web/")
        return
    for kind in ("html", "text"):
        web_quality(pages, kind, details)
    web_agreement()


def load_articles(folder: Path) -> dict[str, Document]:
    return {p.name: read_document(p) for p in sorted(folder.iterdir()) if p.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--web", action="store_true", help="only the web set (gold/web/)")
    parser.add_argument(
        "--web-details", action="store_true", help="quote each wrong find and miss of the web set"
    )
    parser.add_argument(
        "--only", default="", metavar="PREFIX", help="web set: only pages whose slug starts so"
    )
    parser.add_argument(
        "--rules-only", action="store_true", help="the rules alone, without the learned scorer"
    )
    args = parser.parse_args()
    global LEARNED
    LEARNED = not args.rules_only
    if args.child:
        _measure_in_child(args.child)
        return
    if args.web or args.web_details:
        web(args.web_details, args.only)
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
    web(details=False)
    agreement(docs)
    examples(docs)
    speed(docs, args.rounds)
    long_speed(docs)


if __name__ == "__main__":
    main()
