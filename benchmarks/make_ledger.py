"""Make a large synthetic ledger, fast: `python benchmarks/make_ledger.py --claims 1000000 --db big.db`.

The schema comes from the real migrations (open_ledger); the rows go in with sqlite3 executemany
in one transaction, with the full-text triggers dropped during the load, the index rebuilt by one
INSERT ... SELECT after, and the triggers re-created exactly as migration 0002 defines them.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

CLAIMS_PER_SOURCE = 40
OUTLETS = [
    "City Paper",
    "The Ledger",
    "Morning Post",
    "Valley News",
    "Harbor Times",
    "Daily Bulletin",
]
SPEAKERS = [
    "Mayor Jane Doe",
    "Gov. Alan Ruiz",
    "Sen. Maria Park",
    "a city spokesperson",
    "Chief Omar Hale",
    None,
    None,
]
PEOPLE = ["ana", "ben", "chloe", "dev", "eli"]
SUBJECTS = [
    "Ridership",
    "Unemployment",
    "Crime",
    "Rent",
    "The budget",
    "Enrollment",
    "Turnout",
    "Overdose deaths",
    "Wait times",
    "Emissions",
]
VERBS = ["rose by", "fell by", "doubled to", "grew by", "dropped by", "reached", "climbed to"]
UNITS = ["percent", "million dollars", "cases", "people", "points", "thousand residents"]
PLACES = [
    "in Boston",
    "across the state",
    "in the county",
    "nationwide",
    "in the district",
    "downtown",
]
TAILS = [
    "according to the latest report",
    "the agency said",
    "officials confirmed on Tuesday",
    "data from the census show",
    "a spokesperson told reporters",
    "",
]
FILLER = [
    "Residents gathered at the town hall to hear the plan.",
    "The meeting ran late into the evening.",
    "Reporters asked for the underlying figures.",
    "Critics said the proposal came too late.",
    "Supporters welcomed the announcement.",
]
STATES = [("new", 55), ("in_review", 10), ("reviewed", 15), ("verified", 10), ("dismissed", 10)]
EVIDENCE = ["supported", "mixed", "contradicted", "unverifiable"]
TYPES = [
    ("quantity", 50),
    ("prediction", 10),
    ("correlation_causation", 15),
    ("personal_experience", 5),
    ("rules", 10),
    ("other", 10),
]


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def _sentence(rng: random.Random) -> str:
    year = rng.randint(2008, 2025)
    number = rng.choice([rng.randint(2, 99), rng.randint(100, 9999)])
    tail = rng.choice(TAILS)
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {number} {rng.choice(UNITS)} {rng.choice(PLACES)} between {year - rng.randint(1, 5)} and {year}"
    return f"{text}, {tail}." if tail else f"{text}."


def _fts_statements() -> tuple[list[str], list[str]]:
    """The trigger definitions, read from migration 0002 itself so the two can never drift."""
    import claimledger

    path = Path(claimledger.__file__).parent / "migrations" / "versions" / "0002_fts.py"
    spec = importlib.util.spec_from_file_location("_fts_migration", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    triggers = [s for s in module.STATEMENTS if s.startswith("CREATE TRIGGER")]
    names = [s.split()[2] for s in triggers]
    return triggers, names


def _rows(
    n_claims: int, seed: int
) -> Iterator[tuple[tuple, list[tuple], list[tuple], list[tuple]]]:
    """Per source: its row, its claims, their history and some evidence."""
    from claimledger.extract.quantities import find_quantities
    from claimledger.ledger.chain import GENESIS, entry_hash, subject_digest

    rng = random.Random(seed)
    moment = datetime.now(UTC)
    now = moment.replace(tzinfo=None).isoformat(sep=" ")
    claim_id = 0
    source_id = 0
    while claim_id < n_claims:
        source_id += 1
        k = min(CLAIMS_PER_SOURCE, n_claims - claim_id)
        parts: list[str] = [f"Report {source_id}: what the figures say\n\n"]
        offset = len(parts[0])
        spans = []
        for _ in range(k):
            before = rng.choice(FILLER) + " "
            quote = _sentence(rng)
            after = " " + rng.choice(FILLER) + "\n\n"
            start = offset + len(before)
            spans.append((quote, start, start + len(quote)))
            para = before + quote + after
            parts.append(para)
            offset += len(para)
        text = "".join(parts)
        outlet = rng.choice(OUTLETS)
        source = (
            source_id,
            f"synthetic-{source_id:07d}.txt",
            hashlib.sha256(text.encode()).hexdigest(),
            outlet,
            f"Report {source_id}",
            None,
            f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}",
            None,
            text,
            now,
        )
        claims, history, evidence = [], [], []
        for quote, start, end in spans:
            claim_id += 1
            state = _weighted(rng, STATES)
            status = "unverified" if state in ("new", "dismissed") else rng.choice(EVIDENCE)
            if state == "in_review":
                status = rng.choice(["unverified", *EVIDENCE])
            assignee = rng.choice(PEOPLE) if state in ("in_review", "reviewed") else None
            score = round(rng.betavariate(2, 3), 4)
            claims.append(
                (
                    claim_id,
                    source_id,
                    quote,
                    start,
                    end,
                    text[max(0, start - 32) : start],
                    text[end : end + 32],
                    _weighted(rng, TYPES),
                    rng.choice(SPEAKERS),
                    score,
                    json.dumps([q.to_dict() for q in find_quantities(quote)]),
                    None,
                    None,
                    "",
                    "extracted",
                    state,
                    status,
                    assignee,
                    now,
                    now,
                )
            )
            # a history that explains the claim's state, chained as the core chains it
            steps: list[tuple[str, str, str | None, str | None]] = [
                ("generator", "created", None, "new")
            ]
            if status != "unverified":
                steps.append((assignee or "generator", "evidence_status", "unverified", status))
            if state != "new":
                steps.append((assignee or "generator", "review_state", "new", state))
            if assignee:
                steps.append(("generator", "assignee", None, assignee))
            if state in ("reviewed", "verified"):
                stance = rng.choice(["supports", "refutes", "context"])
                url = f"https://evidence.example/{claim_id}"
                evidence.append((claim_id, url, stance, None, "generator", now, "unchecked"))
                steps.append(("generator", "evidence", None, f"{stance} {url}"))
            prev = GENESIS
            for version, (who, action, was, now_is) in enumerate(steps, start=1):
                prev = entry_hash(
                    prev,
                    version=version,
                    at=moment,
                    user=who,
                    action=action,
                    before=was,
                    after=now_is,
                    note=None,
                    subject=subject_digest(source[2], start, end, quote) if version == 1 else None,
                )
                history.append((claim_id, now, who, action, was, now_is, None, version, prev))
            claims[-1] = (*claims[-1], len(steps))
        yield source, claims, history, evidence


def _keys(claims: list[tuple]) -> Iterator[tuple[int, int]]:
    """The blocking keys ingest writes with each claim (`claim_keys`), so look-ups see a grown table."""
    from claimledger.extract.similarity import claim_keys

    for row in claims:
        for key in claim_keys(row[2], json.loads(row[10])):
            yield key, row[0]


def make_ledger(db: Path, n_claims: int, *, seed: int = 1) -> float:
    """Build the ledger; returns the seconds it took."""
    from claimledger.db import open_ledger

    began = time.perf_counter()
    if db.exists():
        raise SystemExit(f"{db} exists: give a new path")
    open_ledger(db).engine.dispose()
    triggers, names = _fts_statements()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    try:
        with conn:
            for name in names:
                conn.execute(f"DROP TRIGGER {name}")
            for source, claims, history, evidence in _rows(n_claims, seed):
                conn.execute(
                    "INSERT INTO source (id, path, content_hash, outlet, title, author, published, url, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    source,
                )
                conn.executemany(
                    'INSERT INTO claim (id, source_id, quote, start, "end", prefix, suffix, type, speaker, score, quantities, period_start, period_end, fingerprint, origin, review_state, evidence_status, assignee, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
                    claims,
                )
                conn.executemany(
                    "INSERT INTO history (claim_id, at, user, action, before, after, note, version, hash) VALUES (?,?,?,?,?,?,?,?,?)",
                    history,
                )
                conn.executemany(
                    "INSERT INTO claim_key (key, claim_id) VALUES (?,?)", _keys(claims)
                )
                conn.executemany(
                    "INSERT INTO evidence (claim_id, url, stance, note, added_by, added_at, link_state) VALUES (?,?,?,?,?,?,?)",
                    evidence,
                )
            conn.execute("DELETE FROM claim_fts")
            conn.execute(
                "INSERT INTO claim_fts(rowid, quote, notes) SELECT id, quote, '' FROM claim"
            )
            for statement in triggers:
                conn.execute(statement)
    finally:
        conn.close()
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    seconds = make_ledger(args.db, args.claims, seed=args.seed)
    print(f"{args.claims:,} claims in {seconds:.1f} s -> {args.db}", file=sys.stderr)


if __name__ == "__main__":
    main()
