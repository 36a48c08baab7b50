"""How long `claimledger verify` takes: `python benchmarks/verify.py [--sizes 10000 100000]`.

Builds a ledger of each size (make_ledger.py: every claim with a history that explains its state,
chained as the core chains it), then times a whole verification and one of the verified claims
only (what an export checks before it writes), each best of three.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "make_ledger", Path(__file__).with_name("make_ledger.py")
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _best(run, rounds: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args(argv)
    from claimledger.service import Ledger

    print(
        f"{'claims':>9s} {'entries':>9s} {'all (s)':>8s} {'claims/s':>9s} {'verified only (s)':>18s}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            db = Path(tmp) / f"v{size}.db"
            _generator().make_ledger(db, size)
            ledger = Ledger.open(db, user="bench", create=False)
            result = ledger.verify()
            if not result.ok:
                sys.exit(f"the generated ledger does not verify: {result.findings[0].describe()}")
            whole = _best(ledger.verify)
            verified = _best(lambda: ledger.verify(states=("verified",)))  # noqa: B023
            print(
                f"{result.claims:9d} {result.entries:9d} {whole:8.2f} "
                f"{result.claims / whole:9.0f} {verified:18.2f}"
            )
            ledger.close()


if __name__ == "__main__":
    main()
