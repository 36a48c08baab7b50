"""Fewer garbage collections while a bulk ingest runs in the writer process.

Python collects its youngest objects every 700 new containers, and each collection of the older
generations walks every object the process keeps (the ledger's caches, the imported code). An
ingest unpickles and builds tens of thousands of short-lived containers an article (claims,
word sets, rows), so the collector ran many times an article over a large heap: about a tenth of
the writer's CPU. During an ingest what exists at its start is frozen out of the collections
and the thresholds are raised; both are put back after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (50_000, 50, 1_000)
"""New containers before a young collection, and young (then middle) collections before an
older one: a few collections an article instead of hundreds."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
