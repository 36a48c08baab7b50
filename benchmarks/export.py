"""Export speed and memory on large synthetic ledgers: `python benchmarks/export.py [--sizes 10000 100000]`.

For each size it builds a ledger in a temp folder (make_ledger.py), then runs `claimledger export`
for CSV, JSON, ClaimReview and the JSON Lines archive, each in a fresh process so the peak memory is
the export's own, with `--state all` and with the default (verified claims only), then imports the
archive into a new ledger. Every claim is given publication data first (as `publish` records it),
so the ClaimReview export writes every claim. Beside them, a plain sqlite3 script that
writes the same CSV (and one the same JSON), checked byte for byte, in its own process too. Prints seconds, peak RSS in MB
and, for the plain script, whether its bytes are identical.

`--keep FOLDER` keeps the ledgers (and reuses them on the next run); `--child` is internal.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FORMATS = ("csv", "json", "claimreview", "jsonl")
SITE = "https://factcheck.example"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds of this process: steadier than the clock on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_cli(db: Path, fmt: str, state: str, out: Path) -> dict[str, Any]:
    """`claimledger export` in this process, as a user runs it (start-up included)."""
    began = time.perf_counter()
    from claimledger.cli import main

    sys.argv = ["claimledger", "--db", str(db), "export", "--format", fmt, "-o", str(out)]
    sys.argv += [] if fmt == "jsonl" else ["--state", state]
    sys.argv += ["--force"]  # the check before writing is measured on its own (`verify` below)
    try:
        main()
    except SystemExit as exc:
        if exc.code:
            raise
    return {"seconds": time.perf_counter() - began, "cpu": _cpu(), "peak_mb": _peak_mb()}


# -- the plain script: sqlite3 and the csv module, nothing of claimledger -----------------------
COLUMNS = "id quote review_state evidence_status type source source_title source_url source_published speaker score start end period_start period_end quantities assignee verified_at evidence_count evidence"


def _iso(stored: str | None) -> str | None:
    return datetime.fromisoformat(stored).replace(tzinfo=UTC).isoformat() if stored else None


def _by_claim(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[int, list[tuple[Any, ...]]]]:
    """Rows ordered by claim id (their first column), grouped."""
    current: int | None = None
    group: list[tuple[Any, ...]] = []
    for row in rows:
        if row[0] != current:
            if current is not None:
                yield current, group
            current, group = row[0], []
        group.append(row)
    if current is not None:
        yield current, group


def plain_csv(db: Path, state: str, out: Path) -> dict[str, Any]:
    """Three streams in claim-id order (claims, evidence, verifications), merged as they go."""
    began = time.perf_counter()
    conn = sqlite3.connect(db)
    where = "" if state == "all" else "WHERE c.review_state = ?"
    params = () if state == "all" else (state,)
    claims = conn.execute(
        "SELECT c.id, c.quote, c.review_state, c.evidence_status, c.type,"
        " coalesce(s.outlet, s.path), s.title, s.url, s.published, c.speaker, c.score, c.start,"
        ' c."end", c.period_start, c.period_end, c.quantities, c.assignee'
        f" FROM claim c NOT INDEXED JOIN source s ON s.id = c.source_id {where} ORDER BY c.id",
        params,
    )
    evidence = _by_claim(
        conn.cursor().execute("SELECT claim_id, stance, url FROM evidence ORDER BY claim_id, id")
    )
    verified = _by_claim(
        conn.cursor().execute(
            "SELECT claim_id, at FROM history WHERE action = 'review_state'"
            " AND after = 'verified' ORDER BY claim_id, at"
        )
    )
    ev_id, ev_rows = next(evidence, (None, []))
    vf_id, vf_rows = next(verified, (None, []))
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS.split())
        for row in claims:
            cid = row[0]
            while ev_id is not None and ev_id < cid:
                ev_id, ev_rows = next(evidence, (None, []))
            while vf_id is not None and vf_id < cid:
                vf_id, vf_rows = next(verified, (None, []))
            links = ev_rows if ev_id == cid else []
            quantities = "; ".join(q.get("text", "") for q in json.loads(row[15]))
            writer.writerow(
                (
                    *row[:15],
                    quantities,
                    row[16],
                    _iso(vf_rows[-1][1]) if vf_id == cid else None,
                    len(links),
                    " | ".join(f"{stance}: {url}" for _, stance, url in links),
                )
            )
    conn.close()
    return {"seconds": time.perf_counter() - began, "cpu": _cpu(), "peak_mb": _peak_mb()}


QUANTITY_KEYS = ("text", "kind", "value", "bound", "low", "high", "unit")


def plain_json(db: Path, state: str, out: Path) -> dict[str, Any]:
    """The JSON export's bytes, from the same three streams as `plain_csv`."""
    began = time.perf_counter()
    conn = sqlite3.connect(db)
    where = "" if state == "all" else "WHERE c.review_state = ?"
    params = () if state == "all" else (state,)
    claims = conn.execute(
        "SELECT c.id, c.quote, c.review_state, c.evidence_status, c.type,"
        " coalesce(s.outlet, s.path), s.path, s.title, s.url, s.published, c.speaker, c.score,"
        ' c.start, c."end", c.prefix, c.suffix, c.quantities, c.period_start, c.period_end,'
        " c.assignee, c.updated_at"
        f" FROM claim c NOT INDEXED JOIN source s ON s.id = c.source_id {where} ORDER BY c.id",
        params,
    )
    evidence = _by_claim(
        conn.cursor().execute(
            "SELECT claim_id, url, stance, note, added_by, added_at, link_state, http_status,"
            " title, archive_url FROM evidence ORDER BY claim_id, id"
        )
    )
    verified = _by_claim(
        conn.cursor().execute(
            "SELECT claim_id, at FROM history WHERE action = 'review_state'"
            " AND after = 'verified' ORDER BY claim_id, at"
        )
    )
    ev_id, ev_rows = next(evidence, (None, []))
    vf_id, vf_rows = next(verified, (None, []))
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write("[")
        for row in claims:
            cid = row[0]
            while ev_id is not None and ev_id < cid:
                ev_id, ev_rows = next(evidence, (None, []))
            while vf_id is not None and vf_id < cid:
                vf_id, vf_rows = next(verified, (None, []))
            links = ev_rows if ev_id == cid else []
            quantities = [
                {k: q.get(k, "?" if k == "text" else None) for k in QUANTITY_KEYS}
                for q in json.loads(row[16])
            ]
            obj = {
                "id": cid, "quote": row[1], "review_state": row[2], "evidence_status": row[3],
                "type": row[4], "source": row[5], "source_file": row[6], "source_title": row[7],
                "source_url": row[8], "source_published": row[9], "speaker": row[10],
                "score": row[11], "start": row[12], "end": row[13], "prefix": row[14],
                "suffix": row[15], "quantities": quantities,
                "period": {"start": row[17], "end": row[18]} if row[17] or row[18] else None,
                "assignee": row[19],
                "verified_at": _iso(vf_rows[-1][1]) if vf_id == cid else None,
                "updated_at": _iso(row[20]),
                "evidence": [
                    {"url": e[1], "stance": e[2], "note": e[3], "added_by": e[4],
                     "added_at": _iso(e[5]), "link_state": e[6], "http_status": e[7],
                     "title": e[8], "archive_url": e[9]}
                    for e in links
                ],
            }  # fmt: skip
            f.write(",\n  " if n else "\n  ")
            f.write(json.dumps(obj, ensure_ascii=False))
            n += 1
        f.write("\n]\n" if n else "]\n")
    conn.close()
    return {"seconds": time.perf_counter() - began, "cpu": _cpu(), "peak_mb": _peak_mb()}


PLAIN = {"csv": plain_csv, "json": plain_json}


def _child(args: list[str]) -> dict[str, Any]:
    figures: dict[str, Any] = json.loads(
        subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--child", *args],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.splitlines()[-1]
    )
    return figures


def _digest(path: Path) -> str:
    """Read in chunks: the children inherit this process's peak memory figure."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


UPGRADE = "import sys; from claimledger.service import Ledger; Ledger.open(sys.argv[1])"
"""Opening a kept ledger upgrades it to this version's schema."""


def publish_all(db: Path) -> None:
    """Publication data for every claim (what an editor records with `publish`), so the
    ClaimReview export writes every claim instead of refusing them: done with sqlite3 here,
    as set-up, once per ledger."""
    conn = sqlite3.connect(db)
    if conn.execute("SELECT count(*) FROM publication").fetchone()[0]:
        conn.close()
        return
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    with conn:
        conn.execute(
            "INSERT INTO ledger_setting (key, value, updated_by, updated_at) VALUES"
            " ('publisher', ?, 'bench', ?)",
            (
                json.dumps(
                    {
                        "org_name": "Bench Checks",
                        "org_url": SITE,
                        "url_template": SITE + "/fact-checks/{id}",
                    }
                ),
                now,
            ),
        )
        conn.execute(
            "INSERT INTO publication (claim_id, statement, rating, summary, published_by,"
            " published_at) SELECT id, substr(quote, 1, 70), 'Mostly False', 'A summary.',"
            " 'bench', ? FROM claim",
            (now,),
        )
    conn.close()


def run_verify(db: Path, state: str) -> dict[str, Any]:
    """What `export` runs before writing unless --force: `verify` of the claims it exports
    (the set-up's publications have no history, so it would refuse them: timed apart)."""
    began = time.perf_counter()
    from claimledger.service import Ledger

    ledger = Ledger.open(str(db), user="bench")
    ledger.verify(states=() if state == "all" else (state,))
    ledger.close()
    return {"seconds": time.perf_counter() - began, "cpu": _cpu(), "peak_mb": _peak_mb()}


def import_archive(db: Path, archive: Path) -> dict[str, Any]:
    """`claimledger import` of the JSON Lines archive into a new ledger."""
    began = time.perf_counter()
    from claimledger.cli import main

    target = db.with_name(db.stem + "-imported.db")
    target.unlink(missing_ok=True)
    sys.argv = ["claimledger", "--db", str(target), "import", str(archive)]
    try:
        main()
    except SystemExit as exc:
        if exc.code:
            raise
    return {"seconds": time.perf_counter() - began, "cpu": _cpu(), "peak_mb": _peak_mb()}


def run_size(n: int, folder: Path, states: list[str], formats: list[str]) -> None:
    db = folder / f"ledger-{n}.db"
    if not db.exists():
        subprocess.run(
            [sys.executable, str(HERE / "make_ledger.py"), "--claims", str(n), "--db", str(db)],
            check=True,
        )
    subprocess.run([sys.executable, "-c", UPGRADE, str(db)], check=True, capture_output=True)
    publish_all(db)
    print(f"\n{n:,} claims")
    print(f"  {'export':34s} {'seconds':>8s} {'CPU s':>8s} {'peak MB':>8s}")
    for state in states:
        for fmt in formats:
            if fmt == "jsonl" and state != "all":
                continue  # the whole ledger, whatever the state
            out = folder / f"out-{n}-{state}.{fmt}"
            got = _child(["cli", str(db), fmt, state, str(out)])
            label = f"{fmt} --state {state}"
            print(f"  {label:34s} {got['seconds']:8.2f} {got['cpu']:8.2f} {got['peak_mb']:8.1f}")
        got = _child(["verify", str(db), "-", state, "-"])
        label = f"verify (before export) --state {state}"
        print(f"  {label:34s} {got['seconds']:8.2f} {got['cpu']:8.2f} {got['peak_mb']:8.1f}")
        for fmt in [f for f in PLAIN if f in formats]:
            plain = folder / f"plain-{n}-{state}.{fmt}"
            got = _child(["plain", str(db), fmt, state, str(plain)])
            same = _digest(plain) == _digest(folder / f"out-{n}-{state}.{fmt}")
            label = f"plain sqlite3 {fmt} --state {state}"
            print(
                f"  {label:34s} {got['seconds']:8.2f} {got['cpu']:8.2f} {got['peak_mb']:8.1f}"
                f"  {'same bytes' if same else 'DIFFERENT BYTES'}"
            )
    archive = folder / f"out-{n}-all.jsonl"
    if archive.exists():
        got = _child(["import", str(db), "jsonl", "all", str(archive)])
        print(
            f"  {'import (jsonl, into a new ledger)':34s} {got['seconds']:8.2f} {got['cpu']:8.2f}"
            f" {got['peak_mb']:8.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--states", nargs="+", default=["all", "verified"])
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--keep", type=Path, help="folder for the ledgers, kept between runs")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, db, fmt, state, out = args.child
        if kind == "import":
            print(json.dumps(import_archive(Path(db), Path(out))))
            return
        if kind == "verify":
            print(json.dumps(run_verify(Path(db), state)))
            return
        run = run_cli if kind == "cli" else lambda db, fmt, state, out: PLAIN[fmt](db, state, out)
        print(json.dumps(run(Path(db), fmt, state, Path(out))))
        return
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            run_size(n, args.keep, args.states, args.formats)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            run_size(n, Path(tmp), args.states, args.formats)


if __name__ == "__main__":
    main()
