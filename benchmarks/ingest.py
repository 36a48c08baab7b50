"""Ingest speed: a folder of N articles (default 1,000), read and extracted on 1 core and on all.

Run: python benchmarks/ingest.py [--articles 1000]
Articles are the shipped sources, each given a unique first line so every one is a new source.
Prints articles/s and MB/s for reading+extraction alone (1 worker, all workers) and for a
whole `ingest` into a fresh SQLite ledger (extraction in worker processes, writes in one).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from claimledger.db import open_ledger, session_scope
from claimledger.documents import SourceMeta, read_document, render_document
from claimledger.ledger.ingest import prepare_many, store

SOURCES = Path(__file__).resolve().parents[1] / "sources"


def make_folder(folder: Path, n: int) -> int:
    docs = [read_document(p) for p in sorted(SOURCES.glob("*.txt"))]
    total = 0
    for i in range(n):
        doc = docs[i % len(docs)]
        text = f"Edition {i}\n\n{doc.text}"
        meta = SourceMeta(
            outlet=doc.meta.outlet, title=doc.meta.title, published=doc.meta.published
        )
        (folder / f"article-{i:05}.txt").write_text(render_document(meta, text), encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        size = make_folder(folder, args.articles)
        files = sorted(folder.glob("*.txt"))
        print(f"{args.articles} articles, {size / 1e6:.1f} MB of text, {os.cpu_count()} cores")
        for workers in (1, os.cpu_count() or 1):
            start = time.perf_counter()
            found = sum(len(p.claims) for _, p in prepare_many(files, workers=workers))  # type: ignore[union-attr]
            elapsed = time.perf_counter() - start
            print(
                f"read+extract, {workers} worker(s): {args.articles / elapsed:7.0f} articles/s, "
                f"{size / elapsed / 1e6:5.2f} MB/s, {found} claims"
            )
        engine = open_ledger(Path(tmp) / "bench.db").engine
        start = time.perf_counter()
        for _, prepared in prepare_many(files):
            with session_scope(engine) as session:
                store(prepared, session=session, user="bench")  # type: ignore[arg-type]
        elapsed = time.perf_counter() - start
        print(
            f"whole ingest into SQLite: {args.articles / elapsed:7.0f} articles/s ({elapsed:.1f} s)"
        )


if __name__ == "__main__":
    main()
