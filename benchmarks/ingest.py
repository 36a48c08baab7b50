"""Ingest speed: a folder of N articles (default 1,000), read and extracted on 1 core and on all.

Run: python benchmarks/ingest.py [--articles 1000] [--corpus realistic|repeated] [--into big.db]
     [--no-suggestions] [--whole-only]
The corpus (see `ingest_corpus.py`): `realistic` (the default), distinct articles of 600-1,500
words recombined reproducibly from the repository's labelled sentences, names, numbers, dates
and topical words varied, 10% of them carrying sentences of an earlier one and 2% rewriting an
earlier story; `repeated`, the five shipped articles over and over (every claim in N/5
articles: the worst case for matching).
Prints articles/s and MB/s for reading+extraction alone (1 worker, all workers) and for a
whole `ingest` (extraction in worker processes, writes in one) into a fresh SQLite ledger and,
with `--into`, into a copy of that ledger too (a big one from make_ledger.py), with the ratio
of the two: what a grown ledger costs. Each whole ingest also prints the writer's CPU time per
article, the load average and a digest of what it decided (matches, conflicts, reach, keys,
claims): a faster writer must print the same digest.
`--no-suggestions` skips suggesting matches and conflicts (and writing keys and reach), to show
what they cost.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from claimledger.db import open_ledger
from claimledger.documents import SourceMeta, render_document
from claimledger.errors import LedgerError
from claimledger.ledger import ingest
from claimledger.ledger.ingest import prepare_many
from claimledger.service import Ledger

sys.path.insert(0, str(Path(__file__).parent))
import ingest_corpus


def make_folder(folder: Path, n: int, corpus: str) -> int:
    """The corpus's articles as source files; returns their bytes of text."""
    articles = ingest_corpus.realistic(n) if corpus == "realistic" else ingest_corpus.repeated(n)
    total = 0
    for i, a in enumerate(articles):
        meta = SourceMeta(outlet=a.outlet, title=a.title, published=a.published)
        (folder / f"article-{i:05}.txt").write_text(render_document(meta, a.text), encoding="utf-8")
        total += len(a.text.encode("utf-8"))
    return total


def whole_ingest(files: list[Path], db: Path) -> tuple[float, float, int, int]:
    """Seconds, the writer's CPU seconds, claims and suggested matches of one ingest into `db`,
    as `claimledger ingest` stores them (`Ledger.ingest_many`: a few articles a transaction).

    The writer's CPU time (extraction runs in worker processes) is the figure a busy machine
    disturbs least."""
    ledger = Ledger.open(db, user="bench")
    claims = matches = 0
    start, cpu = time.perf_counter(), time.process_time()
    prepared = (p for _, p in prepare_many(files) if not isinstance(p, LedgerError))
    results = list(ledger.ingest_many(prepared))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    for result in results:
        claims += result.claims
        matches += result.matches
    ledger.close()
    return elapsed, cpu, claims, matches


def digest(db: Path) -> str:
    """What ingest decided, as a short hash: the suggested matches and conflicts, the reach and the
    claims' keys (a faster writer must find the same)."""
    queries = (
        "SELECT claim_id, other_id, similarity, status FROM claim_match ORDER BY 1, 2",
        "SELECT claim_id, other_id, reason, status FROM claim_conflict ORDER BY 1, 2",
        "SELECT claim_id, articles, outlets, latest, score FROM claim_reach ORDER BY 1",
        "SELECT key, claim_id FROM claim_key UNION ALL SELECT key, claim_id FROM claim_key_recent ORDER BY 2, 1",
        'SELECT id, quote, start, "end", fingerprint FROM claim ORDER BY 1',
        "SELECT claim_id, action, version FROM history ORDER BY id",
    )
    h = hashlib.sha256()
    with sqlite3.connect(db) as conn:
        for query in queries:
            for row in conn.execute(query):
                h.update(repr(row).encode())
    return h.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", choices=("realistic", "repeated"), default="realistic")
    parser.add_argument("--into", type=Path, help="ingest into a copy of this ledger")
    parser.add_argument("--no-suggestions", action="store_true")
    parser.add_argument("--whole-only", action="store_true", help="skip read+extract alone")
    args = parser.parse_args()
    if args.no_suggestions:
        ingest.suggest_for_new = lambda claims, *, session, article=None: 0  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        size = make_folder(folder, args.articles, args.corpus)
        files = sorted(folder.glob("*.txt"))
        print(f"{args.articles} articles, {size / 1e6:.1f} MB of text, {os.cpu_count()} cores")
        for workers in () if args.whole_only else (1, os.cpu_count() or 1):
            start = time.perf_counter()
            found = sum(len(p.claims) for _, p in prepare_many(files, workers=workers))  # type: ignore[union-attr]
            elapsed = time.perf_counter() - start
            print(
                f"read+extract, {workers} worker(s): {args.articles / elapsed:7.0f} articles/s, "
                f"{size / elapsed / 1e6:5.2f} MB/s, {found} claims"
            )
        targets = [("a fresh SQLite ledger", None)]
        if args.into:
            targets.append((f"a copy of {args.into.name}", args.into))
        suggestions = "off" if args.no_suggestions else "on"
        measured: list[tuple[float, float]] = []
        for name, source in targets:
            db = Path(tmp) / f"bench-{len(measured)}.db"
            if source is not None:
                shutil.copyfile(source, db)
                open_ledger(db).engine.dispose()  # an upgrade of the copy is not timed
            elapsed, cpu, claims, matches = whole_ingest(files, db)
            decided = digest(db)
            db.unlink()
            measured.append((elapsed, cpu))
            print(
                f"whole ingest into {name} (suggestions {suggestions}, {matches} suggested): "
                f"{args.articles / elapsed:7.0f} articles/s, {claims / elapsed:6.0f} claims/s "
                f"({elapsed:.1f} s); writer CPU {1000 * cpu / args.articles:.1f} ms/article; "
                f"{claims / args.articles:.1f} claims and {matches / args.articles:.1f} "
                f"suggestions an article; load {os.getloadavg()[0]:.1f}; digest {decided}"
            )
        if len(measured) == 2:
            (fresh_s, fresh_cpu), (grown_s, grown_cpu) = measured
            print(
                f"grown ledger / fresh ledger: {grown_s / fresh_s:.2f}x the time, "
                f"{grown_cpu / fresh_cpu:.2f}x the writer's CPU"
            )


if __name__ == "__main__":
    main()
