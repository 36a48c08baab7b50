"""Peak memory of `extract` and `ingest` on one generated article of a given size.

    python benchmarks/big_article.py --mb 100

The article is made of four sentence shapes with random numbers (so about 3,000 distinct claims,
each repeated a few hundred times), written to a temporary folder. Each command runs in its own
process with the article and claim limits raised; its peak resident memory is read from
getrusage. Slow: about 10 minutes per command for 100 MB on one core.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHAPES = (
    "The city cut {n} bus routes in March, the transit authority said on Tuesday.",
    "Ridership fell by {n} percent between 2019 and 2021, according to Mayor Jane Doe.",
    "Residents say the buses are worse than ever, and many now drive to work instead.",
    "The council will vote on a new budget of ${n} million next week, officials said.",
)


def write_article(path: Path, size: int) -> None:
    rng = random.Random(1)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            "---\ntitle: A very long article\npublished: 2021-05-02\noutlet: City Paper\n---\n"
        )
        written = 0
        while written < size:
            para = " ".join(rng.choice(SHAPES).format(n=rng.randint(2, 999)) for _ in range(4))
            out.write(para + "\n\n")
            written += len(para) + 2


def peak_of(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Seconds, peak MB and exit code of one command (its own process)."""
    started = time.perf_counter()
    code = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, check=False).returncode
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak_kb / 1024, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=100.0)
    size = int(parser.parse_args().mb * 1_000_000)
    exe = str(Path(sys.executable).with_name("claimledger"))
    env = {
        **os.environ,
        "CLAIMLEDGER_MAX_ARTICLE_BYTES": str(size * 2),
        "CLAIMLEDGER_MAX_CLAIMS": "1000000",
    }
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "big.md"
        write_article(article, size)
        print(f"article: {article.stat().st_size / 1e6:.0f} MB")
        # RUSAGE_CHILDREN is the largest child so far: run the smaller one first
        for name, args in (
            ("extract --json", [exe, "extract", str(article), "--json"]),
            (
                "ingest",
                [exe, "--db", str(Path(tmp) / "l.db"), "--user", "b", "ingest", str(article)],
            ),
        ):
            seconds, peak, code = peak_of(args, env)
            print(f"{name:<15} {seconds:7.0f} s   peak {peak:7.0f} MB   exit {code}")


if __name__ == "__main__":
    main()
