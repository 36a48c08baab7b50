"""Precision and recall of the conflict finder on the labelled pairs in benchmarks/conflicts/.

Run: python benchmarks/conflicts.py [--show]
Each sentence is read by the real claim finder (its numbers, bounds and period, resolved against
the pair's publication date) and the two are compared by `conflict_rules.find_conflict`.
`--show` prints every pair the finder got wrong, and why it flagged the ones it flagged.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from claimledger.extract import read_article
from claimledger.ledger.conflict_rules import Figures, find_conflict

HERE = Path(__file__).resolve().parent / "conflicts"
SETS = {
    "tuning": HERE / "pairs.jsonl",
    "held-out": HERE / "pairs_heldout.jsonl",
    "held-out 2": HERE / "pairs_heldout2.jsonl",
    "held-out 3": HERE / "pairs_heldout3.jsonl",
    "held-out 4": HERE / "pairs_heldout4.jsonl",
    "held-out 5": HERE / "pairs_heldout5.jsonl",
    "held-out 6": HERE / "pairs_heldout6.jsonl",
    "held-out 7": HERE / "pairs_heldout7.jsonl",
    "held-out 8": HERE / "pairs_heldout8.jsonl",
}


def figures(claim_id: int, sentence: str, published: str) -> Figures:
    """What the finder reads of one sentence (an empty reading when it finds no claim there)."""
    article = read_article(sentence, published=published, outlet=None, title=None)
    claim = next(iter(article.claims), None)
    if claim is None:
        return Figures(claim_id, sentence, [])
    period = claim.period
    return Figures(
        claim_id,
        claim.quote,
        [q.to_dict() for q in claim.quantities],
        period.start if period else None,
        period.end if period else None,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    for name, path in SETS.items():
        evaluate(name, path, show=args.show)


def evaluate(name: str, path: Path, *, show: bool) -> None:
    tp = fp = fn = tn = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        pair = json.loads(line)
        a = figures(2 * n, pair["a"], pair["published"])
        b = figures(2 * n + 1, pair["b"], pair["published"])
        found = find_conflict(a, b)
        flagged, labelled = found is not None, bool(pair["conflict"])
        tp += flagged and labelled
        fp += flagged and not labelled
        fn += labelled and not flagged
        tn += not flagged and not labelled
        if show and (flagged != labelled or flagged):
            mark = "ok " if flagged == labelled else ("FP " if flagged else "FN ")
            print(f"{mark}{n:3}: {pair['why']}\n     {pair['a']}\n     {pair['b']}")
            if found:
                print(f"     -> {found.reason}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    total = tp + fp + fn + tn
    print(
        f"{name}: {total} pairs ({tp + fn} conflicting): precision {precision:.2f} ({tp}/{tp + fp}), "
        f"recall {recall:.2f} ({tp}/{tp + fn}); {fp} false alarm(s), {fn} missed"
    )


if __name__ == "__main__":
    main()
