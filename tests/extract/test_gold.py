"""The hand labels in benchmarks/gold stay usable, and no page furniture they mark yields a claim."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from claimledger.documents import read_document

ROOT = Path(__file__).resolve().parents[2]


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "extraction_bench", ROOT / "benchmarks" / "extraction.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_every_label_is_found_in_its_article_and_no_furniture_becomes_a_claim() -> None:
    bench = _benchmark()
    docs = {p.name: read_document(p) for p in sorted((ROOT / "sources").glob("*.txt"))}
    bench.load_gold(docs, ROOT / "benchmarks" / "gold" / "second")  # the second labeller's
    sentences, furniture = bench.load_gold(docs)  # exits naming any label not in its article
    assert all(sentences[name] for name in docs) and sum(map(len, furniture.values())) > 0
    for name, doc in docs.items():
        score = bench.score(bench.extract(doc), sentences[name], furniture[name])
        assert score.leaked == 0, name
        assert score.found > 0, name


def test_the_articles_from_other_beats_keep_their_labels_and_lose_no_furniture() -> None:
    bench = _benchmark()
    unseen = ROOT / "benchmarks" / "gold" / "unseen"
    docs = bench.load_articles(unseen / "articles")
    sentences, furniture = bench.load_gold(docs, unseen)
    assert len(docs) == 3 and all(sentences[name] for name in docs)
    for name, doc in docs.items():
        score = bench.score(bench.extract(doc), sentences[name], furniture[name])
        assert score.leaked == 0, name
        assert score.not_claims_found == 0, name  # no opinion, headline or stamp taken for a claim
