"""CSV for the desks' spreadsheets: one row per claim, or one per evidence link (`per="evidence"`).

Every cell is text a spreadsheet shows as text: article words, URLs and people's names are written
by others, and a cell that starts a formula (`=HYPERLINK(...)`) would run when the desk opens the
file. The ledger and the other formats keep the words as they are.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import datetime
from operator import itemgetter
from typing import Any, Literal, TextIO

from claimledger.export.records import CsvClaimLinks, CsvRow
from claimledger.records import EvidenceRecord

Per = Literal["claim", "evidence"]
PER: tuple[Per, ...] = ("claim", "evidence")

CSV_COLUMNS = [
    "id",
    "quote",
    "review_state",
    "evidence_status",
    "type",
    "source",
    "source_title",
    "source_url",
    "source_published",
    "speaker",
    "score",
    "start",
    "end",
    "period_start",
    "period_end",
    "quantities",
    "assignee",
    "verified_at",
    "evidence_count",
    "evidence",
]

EVIDENCE_COLUMNS = [
    "evidence_id",
    "evidence_url",
    "evidence_stance",
    "evidence_note",
    "evidence_added_by",
    "evidence_added_at",
    "evidence_link_state",
    "evidence_http_status",
    "evidence_title",
    "evidence_archive_url",
    "outlet_verdicts",
]
"""The columns of one link in the `--per evidence` layout, after the claim's (less its
`evidence_count` and `evidence` summary)."""

PER_EVIDENCE_COLUMNS = CSV_COLUMNS[:-2] + EVIDENCE_COLUMNS

NUMBERS = frozenset(
    {"id", "score", "start", "end", "evidence_count", "evidence_id", "evidence_http_status"}
)
"""The columns that hold the ledger's own numbers (or nothing), never text."""

BOM = "\ufeff"
"""Written first with `bom=True`: how Excel on Windows knows a CSV is UTF-8."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""
FORMULA_CHARS = frozenset("".join(FORMULA_STARTS))
SPACES = frozenset(c for c in map(chr, range(0x3001)) if c.isspace())
"""Every character `str.isspace` knows (none lies past U+3000)."""
SUSPECT = FORMULA_CHARS | SPACES
"""A cell starting with one of these is looked at more closely."""


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def spreadsheet_safe(value: str) -> str:
    """Text a spreadsheet shows as text: a cell that would start a formula gets a leading quote.

    "=HYPERLINK(...)" from an article becomes "'=HYPERLINK(...)", which Excel, LibreOffice and
    Google Sheets display instead of running. So does " =1+2": spreadsheets may trim leading
    spaces (LibreOffice's import can) and read what follows.
    """
    if not value:
        return value
    first = value[0]
    if first in FORMULA_CHARS or (first.isspace() and value.lstrip()[:1] in FORMULA_CHARS):
        return "'" + value
    return value


def _neutralise(cells: list[Any], text: tuple[int, ...]) -> list[Any]:
    """The row's text cells (`text`: every cell that can hold a string) spreadsheet-safe,
    one set look-up per cell in the usual case: it runs for every cell of every row."""
    for i in text:
        c = cells[i]
        if c and c[0] in SUSPECT:
            cells[i] = spreadsheet_safe(c)
    return cells


def _text_cells(columns: list[str]) -> tuple[int, ...]:
    return tuple(i for i, name in enumerate(columns) if name not in NUMBERS)


def _evidence_cells(ev: EvidenceRecord | None) -> list[Any]:
    if ev is None:
        return [None] * len(EVIDENCE_COLUMNS)
    return [
        ev.id,
        ev.url,
        ev.stance,
        ev.note,
        ev.added_by,
        _iso(ev.added_at),
        ev.link_state,
        ev.http_status,
        ev.title,
        ev.archive_url,
        " | ".join(v.describe() for v in ev.outlet_verdicts),
    ]


CLAIM_TEXT = _text_cells(CSV_COLUMNS)
EVIDENCE_TEXT = _text_cells(PER_EVIDENCE_COLUMNS)
_claim_text = itemgetter(*CLAIM_TEXT)


def safe_rows(rows: Iterable[CsvRow]) -> Iterator[CsvRow | list[Any]]:
    """`csv_rows`' rows, every text cell spreadsheet-safe: a row none of whose text cells starts
    with a `SUSPECT` character (nearly all) passes as it is, one set test for the whole row; any
    other is neutralised cell by cell by `_neutralise`."""
    suspect = SUSPECT.isdisjoint
    for row in rows:
        if suspect([c[0] for c in _claim_text(row) if c]):
            yield row
        else:
            yield _neutralise(list(row), CLAIM_TEXT)


BATCH = 500


def write_csv(rows: Iterable[CsvRow], out: TextIO, *, bom: bool = False) -> int:
    """The CSV, one row per claim, from `records.csv_rows`, streamed by the csv module a batch at
    a time; returns how many claims it holds."""
    if bom:
        out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    batch: list[CsvRow | list[Any]] = []
    for row in safe_rows(rows):
        batch.append(row)
        if len(batch) == BATCH:
            writer.writerows(batch)
            n += BATCH
            batch.clear()
    writer.writerows(batch)
    return n + len(batch)


def write_csv_per_evidence(
    claims: Iterable[CsvClaimLinks], out: TextIO, *, bom: bool = False
) -> int:
    """The CSV, one row per evidence link, from `records.csv_evidence_rows`: the claim's cells
    repeated on each; a claim with no link still gets one row (its evidence cells empty), so no
    claim goes missing from the sheet. Returns how many claims it holds."""
    if bom:
        out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(PER_EVIDENCE_COLUMNS)
    n = 0
    for cells, evidence in claims:
        claim = list(cells)
        writer.writerows(
            _neutralise(claim + _evidence_cells(ev), EVIDENCE_TEXT) for ev in evidence or (None,)
        )
        n += 1
    return n
