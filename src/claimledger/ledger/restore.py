"""Reading an archive (see `export.archive`) into a ledger, empty or not, merging by stable ids.

The file is read twice: first every line is checked (a bad file is refused with the line that is
wrong, and nothing is written), then everything is written in one transaction. Articles are
known by their content hash, claims by their article and span, evidence by its URL and when it
was added, history entries by when, who, what and the version, matches by their two claims, and
settings by name: what the ledger holds already stays as it is, and only what is missing is
added, so importing the same file twice adds nothing the second time. Ids are kept wherever they
are free, so a fact-check page address built from a claim id still points at the same claim.

History entries are copied as they were recorded (who, when, what): an import restores a record,
it does not make new changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from claimledger.errors import InvalidValue
from claimledger.export.archive import FORMAT, VERSION, columns, table
from claimledger.ledger import reach, turns
from claimledger.ledger.search import CLAIM_SEARCH, tokens, write_words
from claimledger.models import UTCDateTime

BATCH = 1000
TABLES = ("source", "claim", "claim_anchor", "evidence", "history", "publication",
          "claim_match", "ledger_setting")  # fmt: skip


@dataclass
class RestoreReport:
    """What an import added (per table) and what it found already there."""

    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    already: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    renumbered: int = 0
    """Claims or articles whose id was taken in this ledger and got a new one."""


REQUIRED = {
    "header": ("format", "version"),
    "setting": ("key", "value", "updated_by", "updated_at"),
    "source": ("id", "content_hash", "path", "text"),
    "claim": ("id", "source", "quote", "start", "end", "anchors", "evidence", "history"),
    "match": ("claim_id", "other_id", "similarity", "status"),
}


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        with path.open(encoding="utf-8") as f:
            for n, text in enumerate(f, start=1):
                if not text.strip():
                    continue
                try:
                    obj = json.loads(text)
                except json.JSONDecodeError as exc:
                    raise InvalidValue(f"{path} line {n}: not JSON ({exc.msg})") from None
                if not isinstance(obj, dict):
                    raise InvalidValue(f"{path} line {n}: expected an object")
                yield n, obj
    except UnicodeDecodeError:
        raise InvalidValue(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise InvalidValue(f"cannot read {path}: {exc.strerror or exc}") from None


def check_file(path: Path) -> int:
    """Every line checked before anything is written; returns the number of claims."""
    hashes: set[str] = set()
    claim_ids: set[int] = set()
    source_ids: set[Any] = set()
    claims = 0
    first = True
    for n, obj in _lines(path):
        kind = obj.get("kind")
        if first:
            if kind != "header" or obj.get("format") != FORMAT:
                raise InvalidValue(f"{path}: not a claimledger archive (export --format jsonl)")
            if obj.get("version") != VERSION:
                raise InvalidValue(f"{path}: archive version {obj.get('version')} is not known")
            first = False
            continue
        if kind not in REQUIRED:
            raise InvalidValue(f"{path} line {n}: unknown kind {kind!r}")
        lacking = [k for k in REQUIRED[str(kind)] if k not in obj]
        if lacking:
            raise InvalidValue(f"{path} line {n}: {kind} without {', '.join(lacking)}")
        if kind == "source":
            if obj["content_hash"] in hashes or obj["id"] in source_ids:
                raise InvalidValue(f"{path} line {n}: article {obj['id']!r} repeated")
            hashes.add(str(obj["content_hash"]))
            source_ids.add(obj["id"])
        elif kind == "claim":
            if obj["source"] not in hashes:
                raise InvalidValue(f"{path} line {n}: claim {obj['id']} of an unknown article")
            if not isinstance(obj["id"], int) or obj["id"] in claim_ids:
                raise InvalidValue(f"{path} line {n}: claim id {obj['id']!r} repeated or wrong")
            if not all(isinstance(obj[k], int) for k in ("start", "end")) or not isinstance(
                obj["quote"], str
            ):
                raise InvalidValue(f"{path} line {n}: claim {obj['id']}: a wrong quote or span")
            for part in ("anchors", "evidence", "history"):
                if not isinstance(obj[part], list):
                    raise InvalidValue(f"{path} line {n}: claim {obj['id']}: {part} is not a list")
            claim_ids.add(obj["id"])
            claims += 1
        elif kind == "match" and not {obj["claim_id"], obj["other_id"]} <= claim_ids:
            raise InvalidValue(f"{path} line {n}: a match between claims not in the file")
    if first:
        raise InvalidValue(f"{path}: an empty file is not an archive")
    return claims


@cache
def _fields(name: str) -> tuple[tuple[str, bool], ...]:
    """A table's columns a line may carry, each with whether it is a timestamp."""
    t = table(name)
    return tuple((key, isinstance(t.c[key].type, UTCDateTime)) for key in columns(name))


def _typed(name: str, obj: dict[str, Any]) -> dict[str, Any]:
    """A line's values as the table takes them (timestamps back to datetimes)."""
    values: dict[str, Any] = {}
    for key, stamp in _fields(name):
        if key in obj:
            value = obj[key]
            values[key] = datetime.fromisoformat(value) if stamp and value is not None else value
    return values


class _Restore:
    """One import, inside one write transaction."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self.conn = session.connection()
        self.pg = self.conn.dialect.name == "postgresql"
        # imports take turns (with matching, whose lock `finish` needs anyway): on PostgreSQL
        # two imports of one archive at once both found its articles missing, and the second
        # failed on a duplicate, blaming the file, instead of finding them already here
        turns.matching(self.conn)
        self.report = RestoreReport()
        self.sources: dict[str, int] = {}  # content hash -> id here
        self.claims: dict[int, int] = {}  # claim id in the file -> id here
        self.empty = not self._any("claim") and not self._any("source")
        self.pending: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self.search: list[tuple[int, str]] = []  # PostgreSQL: new claims' words
        self.taken: dict[str, set[int]] = {"source": set(), "claim": set()}  # ids given here
        self.matched: set[int] = set()  # claims whose reach the import may change

    def _any(self, name: str) -> bool:
        return self.conn.execute(sa.select(table(name).c.id).limit(1)).first() is not None

    def _free(self, name: str, ident: Any) -> bool:
        if not isinstance(ident, int) or ident in self.taken[name]:
            return False
        if self.empty:
            return True
        found = self.conn.execute(sa.select(table(name).c.id).where(table(name).c.id == ident))
        return found.first() is None

    def _add(self, name: str, values: dict[str, Any]) -> None:
        self.pending[name].append(values)
        self.report.added[name] += 1
        if len(self.pending[name]) >= BATCH:
            self.flush()

    def flush(self) -> None:
        for name in TABLES:  # parents first
            rows = self.pending[name]
            if rows:
                self.conn.execute(sa.insert(table(name)), rows)
                rows.clear()
        if self.search:
            write_words(self.search, conn=self.conn)
            self.search.clear()

    def _new_id(self, name: str, wanted: Any) -> int:
        """The file's id if it is free here, else the next one after every id in use."""
        if self._free(name, wanted):
            ident = int(wanted)
        else:
            self.report.renumbered += 1
            highest = self.conn.execute(sa.select(sa.func.max(table(name).c.id))).scalar() or 0
            ident = max(int(highest), max(self.taken[name], default=0)) + 1
        if not self.empty:  # into an empty ledger the file's own (checked unique) ids all fit
            self.taken[name].add(ident)
        return ident

    # -- one line each ---------------------------------------------------------------------
    def setting(self, obj: dict[str, Any]) -> None:
        t = table("ledger_setting")
        if self.conn.execute(sa.select(t.c.id).where(t.c.key == obj["key"])).first():
            self.report.already["ledger_setting"] += 1
            return
        values = _typed("ledger_setting", obj)
        values["value"] = json.dumps(obj["value"], ensure_ascii=False, sort_keys=True)
        self._add("ledger_setting", values)

    def source(self, obj: dict[str, Any]) -> None:
        t = table("source")
        if not self.empty:
            found = self.conn.execute(
                sa.select(t.c.id).where(t.c.content_hash == obj["content_hash"])
            ).first()
            if found:
                self.sources[obj["content_hash"]] = found[0]
                self.report.already["source"] += 1
                return
        values = _typed("source", obj)
        values["id"] = self._new_id("source", obj["id"])
        self.sources[obj["content_hash"]] = values["id"]
        self._add("source", values)

    def claim(self, obj: dict[str, Any]) -> None:
        source_id = self.sources[obj["source"]]
        here = None if self.empty else self._existing_claim(source_id, obj)
        if here is None:
            values = _typed("claim", obj)
            values.update(id=self._new_id("claim", obj["id"]), source_id=source_id)
            here = values["id"]
            self._add("claim", values)
            if self.pg:
                notes = [h["note"] for h in obj["history"] if h.get("note")]
                self.search.append((here, " ".join([obj["quote"], *notes])))
            self.claims[obj["id"]] = here
            self._children(here, obj, known=None)
            return
        self.report.already["claim"] += 1
        self.claims[obj["id"]] = here
        self.flush()
        self._children(here, obj, known=self._known(here))

    def _existing_claim(self, source_id: int, obj: dict[str, Any]) -> int | None:
        t = table("claim")
        found = self.conn.execute(
            sa.select(t.c.id).where(
                t.c.source_id == source_id, t.c.start == obj["start"], t.c.end == obj["end"]
            )
        ).first()
        return None if found is None else int(found[0])

    def _known(self, claim_id: int) -> dict[str, set[tuple[Any, ...]]]:
        """What this ledger holds of a claim already, by the keys an import merges on."""
        keys = {"claim_anchor": ("start", "end"), "evidence": ("url", "added_at"),
                "history": ("at", "user", "action", "version")}  # fmt: skip
        known: dict[str, set[tuple[Any, ...]]] = {}
        for name, cols in keys.items():
            t = table(name)
            rows = self.conn.execute(
                sa.select(*(t.c[c] for c in cols)).where(t.c.claim_id == claim_id)
            )
            known[name] = {tuple(_key(v) for v in row) for row in rows}
        pub = table("publication")
        found = self.conn.execute(sa.select(pub.c.id).where(pub.c.claim_id == claim_id)).first()
        known["publication"] = {()} if found else set()
        return known

    def _children(
        self, claim_id: int, obj: dict[str, Any], *, known: dict[str, set[tuple[Any, ...]]] | None
    ) -> None:
        keys = {"claim_anchor": ("start", "end"), "evidence": ("url", "added_at"),
                "history": ("at", "user", "action", "version")}  # fmt: skip
        for name, part in (("claim_anchor", "anchors"), ("evidence", "evidence"),
                           ("history", "history")):  # fmt: skip
            for item in obj[part]:
                values = _typed(name, item)
                key = tuple(_key(values.get(k)) for k in keys[name])
                if known is not None and key in known[name]:
                    self.report.already[name] += 1
                    continue
                values["claim_id"] = claim_id
                self._add(name, values)
                if known is not None and self.pg and values.get("note"):
                    self.flush()
                    self._index_note(claim_id, str(values["note"]))
        publication = obj.get("publication")
        if publication:
            if known is not None and known["publication"]:
                self.report.already["publication"] += 1
            else:
                self._add("publication", {**_typed("publication", publication),
                                          "claim_id": claim_id})  # fmt: skip

    def _index_note(self, claim_id: int, note: str) -> None:
        words = " ".join(tokens(note))
        if words:
            self.conn.execute(
                sa.update(CLAIM_SEARCH)
                .where(CLAIM_SEARCH.c.claim_id == claim_id)
                .values(body=CLAIM_SEARCH.c.body + " " + words)
            )

    def match(self, obj: dict[str, Any]) -> None:
        t = table("claim_match")
        values = _typed("claim_match", obj)
        values.update(claim_id=self.claims[obj["claim_id"]], other_id=self.claims[obj["other_id"]])
        if not self.empty:
            self.flush()
            found = self.conn.execute(
                sa.select(t.c.id).where(
                    t.c.claim_id == values["claim_id"], t.c.other_id == values["other_id"]
                )
            ).first()
            if found:
                self.report.already["claim_match"] += 1
                return
        self.matched.update((values["claim_id"], values["other_id"]))
        self._add("claim_match", values)

    def finish(self) -> RestoreReport:
        self.flush()
        reach.refresh(self.matched, conn=self.conn)
        if self.pg:
            for name in TABLES:
                self.conn.execute(
                    sa.text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"coalesce((SELECT max(id) FROM {name}), 0) + 1, false)"
                    )
                )
        return self.report


def _key(value: Any) -> Any:
    """A value as merge keys compare it (timestamps by their instant, whatever the backend)."""
    return value.isoformat() if isinstance(value, datetime) else value


def restore(path: Path, *, session: Session) -> RestoreReport:
    """Read a checked archive into the ledger (call `check_file` first)."""
    run = _Restore(session)
    handlers = {
        "setting": run.setting,
        "source": run.source,
        "claim": run.claim,
        "match": run.match,
    }
    where = "the end"
    try:
        for n, obj in _lines(path):
            where = f"line {n}"
            handler = handlers.get(obj.get("kind", ""))
            if handler is not None:
                handler(obj)
        report = run.finish()
    except (ValueError, TypeError, KeyError, sa.exc.StatementError) as exc:
        # a value of the wrong kind (a date that is none, text for a number): nothing is kept
        raise InvalidValue(f"{path} {where}: {_reason(exc)}") from None
    _check_chains(path, sorted(set(run.claims.values())), session=session)
    return report


def _check_chains(path: Path, claim_ids: list[int], *, session: Session) -> None:
    """The imported claims' histories must prove themselves here as they did there: an archive
    edited on the way, or merged into claims with another history, is refused whole."""
    from claimledger.ledger.verify import verify

    session.flush()
    found = verify(session=session, claim_ids=claim_ids).findings
    problems = [f for f in found if f.claim_id is not None or f.kind == "source"]
    if problems:
        more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
        raise InvalidValue(
            f"{path}: not imported, its history does not verify here "
            f"({problems[0].describe()}{more})"
        )


def _reason(exc: Exception) -> str:
    if isinstance(exc, sa.exc.StatementError):
        return f"a value the ledger cannot store ({type(exc.orig).__name__})"
    return f"a value of the wrong kind ({exc})"
