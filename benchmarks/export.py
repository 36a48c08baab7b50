"""Export speed and memory on large synthetic ledgers: `python benchmarks/export.py [--sizes 10000 100000]`.

For each size it builds a ledger in a temp folder (make_ledger.py) and gives every claim its
publication data with the history `publish` records (so ClaimReview writes every claim and the
record verifies). Then, for CSV, JSON, ClaimReview and the JSON Lines archive, with `--state all`
and the default (verified claims only), side by side in one run and each in a fresh process (so
the peak memory is its own): a plain sqlite3 script writing the same bytes (nothing of
claimledger), `claimledger export --force`, checked byte for byte against it, and the export as
it runs by default (its record verified as it is written). Last, the archive is imported into a
new ledger. Prints wall seconds, CPU seconds (steadier on a shared machine), peak RSS in MB, and
each export's time as a multiple of the plain script's (wall, CPU), with the load average.

`--keep FOLDER` keeps the ledgers (and reuses them on the next run); `--child` is internal.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
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


def run_cli(db: Path, fmt: str, state: str, out: Path, *, force: bool) -> dict[str, Any]:
    """`claimledger export` in this process, as a user runs it (start-up included); without
    `force`, as it runs by default: the record verified as it is written."""
    began = time.perf_counter()
    from claimledger.cli import main

    sys.argv = ["claimledger", "--db", str(db), "export", "--format", fmt, "-o", str(out)]
    sys.argv += [] if fmt == "jsonl" else ["--state", state]
    sys.argv += ["--force"] if force else []
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


def _publisher(conn: sqlite3.Connection) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The desk's publishing settings and rating scale (the ledger's default scale if none)."""
    stored = dict(conn.execute("SELECT key, value FROM ledger_setting").fetchall())
    scale = json.loads(stored["rating_scale"]) if "rating_scale" in stored else DEFAULT_SCALE
    return json.loads(stored.get("publisher", "{}")), scale


DEFAULT_SCALE = [
    {"label": "True", "value": 5}, {"label": "Mostly True", "value": 4},
    {"label": "Half True", "value": 3}, {"label": "Mostly False", "value": 2},
    {"label": "False", "value": 1}, {"label": "Unrateable", "value": None},
]  # fmt: skip


def plain_claimreview(db: Path, state: str, out: Path) -> dict[str, Any]:
    """The ClaimReview feed's bytes: one query (claims, their article and publication)."""
    began = time.perf_counter()
    conn = sqlite3.connect(db)
    publisher, scale = _publisher(conn)
    numbers = [r["value"] for r in scale if r["value"] is not None]
    ratings = {r["label"].casefold(): r for r in scale}
    author = {"@type": "Organization", "name": publisher["org_name"]}
    if publisher.get("org_url"):
        author["url"] = publisher["org_url"]
    template = publisher.get("url_template")
    where = "" if state == "all" else "AND c.review_state = ?"
    params = () if state == "all" else (state,)
    rows = conn.execute(
        "SELECT c.id, c.speaker, coalesce(s.outlet, s.path), s.published, s.url, s.title,"
        " p.url, p.statement, p.rating, p.summary, p.published_at"
        " FROM claim c NOT INDEXED JOIN source s ON s.id = c.source_id"
        " JOIN publication p ON p.claim_id = c.id"
        " WHERE p.statement IS NOT NULL AND p.rating IS NOT NULL AND p.published_at IS NOT NULL"
        f" {where} ORDER BY c.id",
        params,
    )
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write("[")
        for (
            cid,
            speaker,
            label,
            published,
            src_url,
            title,
            url,
            statement,
            rating,
            summary,
            at,
        ) in rows:
            found = ratings[rating.casefold()]
            review_rating: dict[str, Any] = {"@type": "Rating", "alternateName": found["label"]}
            if found["value"] is not None:
                review_rating.update(
                    ratingValue=found["value"], bestRating=max(numbers), worstRating=min(numbers)
                )
            item: dict[str, Any] = {"@type": "Claim"}
            if speaker:
                kind = "Organization" if speaker == label else "Person"
                item["author"] = {"@type": kind, "name": speaker}
            if published:
                item["datePublished"] = published
            if src_url:
                appearance: dict[str, Any] = {"@type": "CreativeWork", "url": src_url}
                if title:
                    appearance["headline"] = title
                if label:
                    appearance["publisher"] = {"@type": "Organization", "name": label}
                item["appearance"] = [appearance]
                item["firstAppearance"] = appearance
            review = {
                "@context": "https://schema.org", "@type": "ClaimReview",
                "url": url or template.replace("{id}", str(cid)), "claimReviewed": statement,
                "reviewRating": review_rating, "author": author, "datePublished": at[:10],
                "itemReviewed": item,
            }  # fmt: skip
            if summary:
                review["reviewBody"] = summary
            f.write(",\n" if n else "\n")
            f.write(json.dumps(review, ensure_ascii=False))
            n += 1
        f.write("\n]\n" if n else "]\n")
    conn.close()
    return {"seconds": time.perf_counter() - began, "cpu": _cpu(), "peak_mb": _peak_mb()}


def _stamp(text: str | None) -> str | None:
    """A stored timestamp (UTC text) as the archive writes it."""
    return None if text is None else datetime.fromisoformat(text + "+00:00").isoformat()


ARCHIVE = {  # each line's columns, in the archive's order (timestamps marked *)
    "source": "id path content_hash outlet title author published url genre text ingested_at*",
    "claim": "id quote start end prefix suffix type speaker score quantities period_start"
    " period_end fingerprint origin review_state evidence_status assignee version created_at*"
    " updated_at*",
    "claim_anchor": "start end prefix suffix",
    "evidence": "url stance note added_by added_at* final_url http_status title content_hash"
    " retrieved_at* fetch_error link_state checked_at* archive_url archived_at* outlet_verdicts",
    "history": "at* user action before after note version hash",
    "publication": "url statement rating summary published_by published_at*",
    "claim_match": "claim_id other_id similarity status decided_by decided_at*",
}
JSON_COLUMNS = {"quantities", "outlet_verdicts"}


def _reader(name: str) -> tuple[list[str], Any]:
    """The columns of a line and a function from a row to its object."""
    spec = ARCHIVE[name].split()
    names = [c.rstrip("*") for c in spec]
    stamps = [i for i, c in enumerate(spec) if c.endswith("*")]
    parsed = [i for i, c in enumerate(names) if c in JSON_COLUMNS]

    def obj(row: tuple[Any, ...]) -> dict[str, Any]:
        values = list(row)
        for i in stamps:
            values[i] = _stamp(values[i])
        for i in parsed:
            values[i] = None if values[i] is None else json.loads(values[i])
        return dict(zip(names, values, strict=True))

    return names, obj


def plain_jsonl(db: Path, state: str, out: Path) -> dict[str, Any]:
    """The archive's bytes: settings, articles, claims with their children (merged from streams
    in claim-id order, as `plain_csv` does), matches."""
    began = time.perf_counter()
    conn = sqlite3.connect(db)

    def dump(obj: dict[str, Any]) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"

    def select(name: str, *extra: str, tail: str = "") -> Iterator[tuple[Any, ...]]:
        names, _ = _reader(name)
        cols = ", ".join([*extra, *(f'"{c}"' for c in names)])
        return conn.cursor().execute(f"SELECT {cols} FROM {name} {tail}")

    with open(out, "w", encoding="utf-8") as f:
        f.write(dump({"kind": "header", "format": "claimledger-archive", "version": 1}))
        for key, value, by, at in conn.execute(
            "SELECT key, value, updated_by, updated_at FROM ledger_setting ORDER BY key"
        ):
            f.write(dump({"kind": "setting", "key": key, "value": json.loads(value),
                          "updated_by": by, "updated_at": _stamp(at)}))  # fmt: skip
        _, source = _reader("source")
        for row in select("source", tail="ORDER BY id"):
            f.write(dump({"kind": "source", **source(row)}))
        _, claim = _reader("claim")
        children = {
            name: (
                _by_claim(select(name, "claim_id", tail="ORDER BY claim_id, id")),
                _reader(name)[1],
            )
            for name in ("claim_anchor", "evidence", "history", "publication")
        }
        heads = {name: next(stream, (None, [])) for name, (stream, _) in children.items()}
        names, _ = _reader("claim")
        cols = ", ".join(f'c."{c}"' for c in names)
        for row in conn.execute(
            f"SELECT {cols}, s.content_hash FROM claim c JOIN source s ON s.id = c.source_id"
            " ORDER BY c.id"
        ):
            cid = row[0]
            obj = {"kind": "claim", **claim(row[:-1]), "source": row[-1]}
            for name, (stream, make) in children.items():
                while heads[name][0] is not None and heads[name][0] < cid:
                    heads[name] = next(stream, (None, []))
                kin = [make(r[1:]) for r in heads[name][1]] if heads[name][0] == cid else []
                key = {"claim_anchor": "anchors"}.get(name, name)
                obj[key] = (kin[0] if kin else None) if name == "publication" else kin
            f.write(dump(obj))
        _, match = _reader("claim_match")
        for row in select("claim_match", tail="ORDER BY id"):
            f.write(dump({"kind": "match", **match(row)}))
    conn.close()
    return {"seconds": time.perf_counter() - began, "cpu": _cpu(), "peak_mb": _peak_mb()}


PLAIN = {
    "csv": plain_csv,
    "json": plain_json,
    "claimreview": plain_claimreview,
    "jsonl": plain_jsonl,
}


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


PUBLISHED = (
    ("claim_statement", None),
    ("rating", "Mostly False"),
    ("review_summary", "A summary."),
)
"""What `publish` records for each claim here, in its order (the statement is the quote's start)."""


def publish_all(db: Path) -> None:
    """Publication data for every claim, so the ClaimReview export writes every claim instead of
    refusing them: what `publish --statement S --rating R --summary T --published` records,
    history included (chained to each claim's head as `review.record` chains it, the claim's
    version and time moved on), so `verify` and an import of the archive accept it. Written
    with sqlite3 a page of claims at a time, once per ledger (the real command takes a
    transaction per claim: hours at a million claims)."""
    from claimledger.ledger.chain import entry_hash

    conn = sqlite3.connect(db)
    if conn.execute("SELECT count(*) FROM publication").fetchone()[0]:
        conn.close()
        return
    moment = datetime.now(UTC)
    now = moment.replace(tzinfo=None).isoformat(sep=" ")
    user = "bench"
    setting = {
        "org_name": "Bench Checks",
        "org_url": SITE,
        "url_template": SITE + "/fact-checks/{id}",
    }
    with conn:
        conn.execute(
            "INSERT INTO ledger_setting (key, value, updated_by, updated_at) VALUES"
            " ('publisher', ?, ?, ?)",
            (json.dumps(setting, sort_keys=True), user, now),
        )
        after = 0
        while True:
            page = conn.execute(
                "SELECT c.id, c.quote, c.version, (SELECT h.hash FROM history h"
                " WHERE h.claim_id = c.id ORDER BY h.id DESC LIMIT 1)"
                " FROM claim c WHERE c.id > ? ORDER BY c.id LIMIT 5000",
                (after,),
            ).fetchall()
            if not page:
                break
            publications, history, versions = [], [], []
            for cid, quote, version, head in page:
                statement = " ".join(quote[:70].split())
                steps = [(action, value or statement) for action, value in PUBLISHED]
                steps.append(("published", moment.isoformat()))
                prev = head or ""
                for action, value in steps:
                    version += 1
                    prev = entry_hash(
                        prev, version=version, at=moment, user=user, action=action,
                        before=None, after=value, note=None,
                    )  # fmt: skip
                    history.append((cid, now, user, action, None, value, None, version, prev))
                publications.append((cid, statement, "Mostly False", "A summary.", user, now))
                versions.append((version, now, cid))
            conn.executemany(
                "INSERT INTO publication (claim_id, statement, rating, summary, published_by,"
                " published_at) VALUES (?,?,?,?,?,?)",
                publications,
            )
            conn.executemany(
                "INSERT INTO history (claim_id, at, user, action, before, after, note, version,"
                " hash) VALUES (?,?,?,?,?,?,?,?,?)",
                history,
            )
            conn.executemany("UPDATE claim SET version = ?, updated_at = ? WHERE id = ?", versions)
            after = page[-1][0]
    conn.close()


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


def _row(label: str, got: dict[str, Any], plain: dict[str, Any] | None, note: str = "") -> None:
    ratio = ""
    if plain is not None:
        ratio = f"{got['seconds'] / plain['seconds']:7.2f}x {got['cpu'] / plain['cpu']:7.2f}x"
    print(
        f"  {label:38s} {got['seconds']:8.2f} {got['cpu']:8.2f} {got['peak_mb']:8.1f}"
        f" {ratio:17s} {note}".rstrip()
    )


def run_size(n: int, folder: Path, states: list[str], formats: list[str]) -> None:
    db = folder / f"ledger-{n}.db"
    if not db.exists():
        subprocess.run(
            [sys.executable, str(HERE / "make_ledger.py"), "--claims", str(n), "--db", str(db)],
            check=True,
        )
    subprocess.run([sys.executable, "-c", UPGRADE, str(db)], check=True, capture_output=True)
    publish_all(db)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\n{n:,} claims (load average {load})")
    print(f"  {'':38s} {'seconds':>8s} {'CPU s':>8s} {'peak MB':>8s} {'x plain (s, CPU)':17s}")
    for state in states:
        for fmt in formats:
            if fmt == "jsonl" and state != "all":
                continue  # the whole ledger, whatever the state
            out = folder / f"out-{n}-{state}.{fmt}"
            plain_out = folder / f"plain-{n}-{state}.{fmt}"
            plain = _child(["plain", str(db), fmt, state, str(plain_out)])
            forced = _child(["cli", str(db), fmt, state, str(out)])
            same = _digest(plain_out) == _digest(out)
            checked = _child(["checked", str(db), fmt, state, str(out)])
            same = same and _digest(plain_out) == _digest(out)
            label = f"{fmt} --state {state}"
            _row(f"plain sqlite3 {label}", plain, None)
            _row(f"{label} --force", forced, plain, "same bytes" if same else "DIFFERENT BYTES")
            _row(f"{label} (verified as written)", checked, plain)
    archive = folder / f"out-{n}-all.jsonl"
    if archive.exists():
        got = _child(["import", str(db), "jsonl", "all", str(archive)])
        _row("import (jsonl, into a new ledger)", got, None)


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
        if kind == "plain":
            print(json.dumps(PLAIN[fmt](Path(db), state, Path(out))))
            return
        print(json.dumps(run_cli(Path(db), fmt, state, Path(out), force=kind == "cli")))
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
