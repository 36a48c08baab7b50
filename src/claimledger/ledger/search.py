"""Full-text search over claims' quotes and notes: one query language, each engine's own index.

SQLite searches its FTS5 table (`claim_fts`, kept by triggers); PostgreSQL a tsvector column with a
GIN index (`claim_search`, kept by a trigger on `claim` and by the core's writes, which put in the
words as `tokens` cuts them). Both index the same tokens: text is cut into runs of letters and
digits, lower-cased, accents removed (as FTS5's unicode61 tokenizer does), so a search finds the
same claims on either. PostgreSQL's table also keeps each claim's queue score, so a search across
every state picks its page there and reads only that page's claims (`page_ids`).

What a person may type:
- words: every word must appear, in any order (`bus routes`);
- "a phrase": those words next to each other, in that order;
- a prefix: `deport*`; the last word typed is always taken as a prefix (results as you type);
- `OR` (in capitals) between words: either side may match (`bus OR tram fares`: "bus", or both
  "tram" and "fares"); an OR with nothing on one side is left out;
- a symbol the index does not keep (an emoji, a currency sign: `🙂`, `€`) is looked for as typed in
  the quote and the notes (a scan, not the index: slower on a large ledger);
- anything else (AND, NOT, NEAR, -, ^, parentheses, colons, stray quotes, lower-case "or") is plain
  text, never syntax: searching never fails on what was typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from claimledger.models import Claim, HistoryEntry
from claimledger.records import FAR_END, Cursor, Order

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')

CLAIM_SEARCH = sa.table(
    "claim_search",
    sa.column("claim_id", sa.Integer),
    sa.column("body", sa.Text),
    sa.column("score", sa.Float),
    sa.column("doc"),
)
"""PostgreSQL only (migrations 0004, 0012): each claim's indexed words (`doc` generated from
`body`) and its queue score, kept equal to the claim's by the trigger `claim_search_sync`."""


def tokens(text: str) -> list[str]:
    """The words the index keeps: lower case, accents removed, split at anything not a letter or
    digit (underscores too), as SQLite FTS5's unicode61 tokenizer does with remove_diacritics."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _TOKEN.findall(plain)


@dataclass(frozen=True)
class Term:
    """Words that must appear together, in order (one word, or a phrase); the last may be a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Group:
    """One side of an OR: every term (indexed words) and every symbol (looked for as typed)."""

    terms: tuple[Term, ...] = ()
    symbols: tuple[str, ...] = ()


_OR = "OR"


def _is_symbol_part(ch: str) -> bool:
    """Part of a symbol the index drops: an emoji or sign, with its modifiers and joiners."""
    return (ch > "\x7f" and unicodedata.category(ch)[0] in "SM") or ch in "\u200d\ufe0f"


def symbols(text: str) -> list[str]:
    """Runs of symbols (not letters, digits or ASCII) holding at least one sign or emoji."""
    runs: list[str] = []
    current = ""
    for ch in text + " ":
        if _is_symbol_part(ch):
            current += ch
            continue
        if any(unicodedata.category(c).startswith("S") for c in current):
            runs.append(current)
        current = ""
    return runs


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The text cut into quoted phrases and the runs between them: (text, is a phrase)."""
    last = 0
    pieces: list[tuple[str, bool]] = []
    for m in _PHRASE.finditer(text):
        pieces.append((text[last : m.start()], False))
        pieces.append((m.group(1), True))
        last = m.end()
    pieces.append((text[last:], False))
    return pieces


def parse_query(text: str) -> list[Group]:
    """A person's search as alternatives (joined by OR), each a set of required terms."""
    groups: list[Group] = []
    terms: list[Term] = []
    signs: list[str] = []

    def close() -> None:
        if terms or signs:
            groups.append(Group(tuple(terms), tuple(signs)))
        terms.clear()
        signs.clear()

    for piece, quoted in _pieces(text):
        if quoted:
            words = tuple(tokens(piece))
            if words:
                terms.append(Term(words))
            signs.extend(symbols(piece))
            continue
        for raw in piece.split():
            if raw == _OR:
                close()  # an OR with nothing before it closes nothing
                continue
            signs.extend(symbols(raw))
            words = tuple(tokens(raw))
            if words:
                # a word the index splits (covid-19, 12.5) is a short phrase of its parts
                terms.append(Term(words, prefix=raw.rstrip().endswith("*")))
    close()
    last = groups[-1] if groups else None
    if last and last.terms and not text.rstrip().endswith('"'):
        typed = last.terms[-1]  # the word being typed
        groups[-1] = Group((*last.terms[:-1], Term(typed.words, prefix=True)), last.symbols)
    return groups


def parse(text: str) -> list[Term]:
    """Every term of a search, all sides of its ORs together (for callers that only AND)."""
    return [t for g in parse_query(text) for t in g.terms]


def fts5(terms: Sequence[Term]) -> str:
    """FTS5 MATCH syntax: each term a quoted phrase (quotes inside are impossible: tokens only)."""
    return " ".join(f'"{" ".join(t.words)}"' + ("*" if t.prefix else "") for t in terms)


def tsquery(terms: Sequence[Term]) -> str:
    """PostgreSQL to_tsquery syntax: phrases with <->, prefixes with :*, terms joined by &."""
    parts = []
    for term in terms:
        lexemes = [f"'{w}'" for w in term.words]
        if term.prefix:
            lexemes[-1] += ":*"
        parts.append(lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")")
    return " & ".join(parts)


def _any(terms: Iterable[Term], dialect: str) -> str:
    render = fts5 if dialect == "sqlite" else tsquery
    joiner = " OR " if dialect == "sqlite" else " | "
    return joiner.join(render([t]) for t in terms)


def _tsmatch(query: str) -> ColumnElement[bool]:
    """PostgreSQL: the search table's rows a tsquery (in to_tsquery syntax) matches."""
    simple: ColumnElement[Any] = sa.literal_column("'simple'::regconfig")
    return CLAIM_SEARCH.c.doc.op("@@")(
        sa.func.to_tsquery(simple, sa.cast(sa.literal(query), sa.Text))
    )


def hits(query: str, dialect: str, *, newest: int | None = None) -> sa.Select[Any]:
    """Ids of the claims an engine query (already in the engine's syntax) finds."""
    if dialect == "sqlite":
        stmt = sa.select(sa.column("rowid", sa.Integer)).select_from(sa.table("claim_fts"))
        stmt = stmt.where(sa.text("claim_fts MATCH :q").bindparams(q=query))
        key = sa.column("rowid", sa.Integer)
    else:
        stmt = sa.select(CLAIM_SEARCH.c.claim_id).where(_tsmatch(query))
        key = CLAIM_SEARCH.c.claim_id
    if newest is not None:
        stmt = stmt.order_by(key.desc()).limit(newest)
    return stmt


def engine_query(groups: Sequence[Group], dialect: str) -> str | None:
    """The indexed part of a search in the engine's syntax: None when a side has no word."""
    if not groups or any(not g.terms for g in groups):
        return None
    render = fts5 if dialect == "sqlite" else tsquery
    if len(groups) == 1:
        return render(groups[0].terms)
    joiner = " OR " if dialect == "sqlite" else " | "
    return joiner.join(f"({render(g.terms)})" for g in groups)


def _matching_ids(query: str, dialect: str) -> ColumnElement[bool]:
    """Claims the engine's index finds for an engine query."""
    if dialect == "sqlite":
        return col(Claim.id).in_(hits(query, dialect))
    # PostgreSQL: the matching ids gathered once (one GIN lookup), then read by primary key. As a
    # plain IN, the planner may instead walk the queue's index and probe the search table claim
    # by claim, seconds on a million claims when the words are rare among the state shown.
    found = sa.func.array(hits(query, dialect).scalar_subquery())
    return col(Claim.id) == sa.func.any(found)


def indexed_only(text: str, dialect: str) -> str | None:
    """The engine query of a search the index answers alone (no symbol to scan for), else None."""
    groups = parse_query(text)
    if any(g.symbols for g in groups):
        return None
    return engine_query(groups, dialect)


def page_ids(
    query: str, order: Order, after: Cursor | None, before: Cursor | None, limit: int
) -> sa.Select[Any]:
    """PostgreSQL: one page of a search across every state, chosen in the search table alone.

    The matches are gathered from the GIN index first (a materialized CTE: the planner never walks
    the primary key probing each row for the words, which takes seconds when they are rare), then
    their (score, id) pairs are sorted for the page; the claims themselves are read for the page
    only. Ordered as the queue (score, then id) or by id, as `queries.list_rows` orders them."""
    found = (
        sa.select(CLAIM_SEARCH.c.claim_id.label("id"), CLAIM_SEARCH.c.score)
        .where(_tsmatch(query))
        .cte("found")
        .prefix_with("MATERIALIZED")
    )
    backwards = before is not None
    edge = before if backwards else after
    if edge == FAR_END:
        edge = None
    score, cid = found.c.score, found.c.id
    stmt = sa.select(cid)
    ordering: tuple[Any, ...]
    if order == "queue":
        if edge is not None:
            key, mark = sa.tuple_(score, -cid), sa.tuple_(sa.literal(edge.score), -edge.id)
            stmt = stmt.where(key > mark if backwards else key < mark)
        ordering = (score.asc(), cid.desc()) if backwards else (score.desc(), cid.asc())
    else:
        if edge is not None:
            stmt = stmt.where(cid < edge.id if backwards else cid > edge.id)
        ordering = (cid.desc(),) if backwards else (cid.asc(),)
    return stmt.order_by(*ordering).limit(limit)


def count(query: str) -> sa.Select[Any]:
    """PostgreSQL: how many claims a tsquery matches, counted in the search table alone."""
    return sa.select(sa.func.count()).select_from(CLAIM_SEARCH).where(_tsmatch(query))


def _symbol_condition(symbol: str) -> ColumnElement[bool]:
    """A symbol in the quote or in a note, found by a scan (the index does not keep symbols)."""
    in_notes = sa.select(col(HistoryEntry.claim_id)).where(
        col(HistoryEntry.note).contains(symbol, autoescape=True)
    )
    return sa.or_(col(Claim.quote).contains(symbol, autoescape=True), col(Claim.id).in_(in_notes))


def _group_condition(group: Group, dialect: str) -> ColumnElement[bool]:
    parts = [_symbol_condition(sym) for sym in group.symbols]
    if group.terms:
        query = engine_query([Group(group.terms)], dialect)
        assert query is not None
        parts.insert(0, _matching_ids(query, dialect))
    return sa.and_(*parts)


def condition(text: str, dialect: str) -> ColumnElement[bool]:
    """Claims whose quote or notes hold every term of one side of a person's search."""
    groups = parse_query(text)
    if not groups:
        return sa.false()
    query = engine_query(groups, dialect)
    if query is not None and not any(g.symbols for g in groups):
        return _matching_ids(query, dialect)  # one index query for every side
    return sa.or_(*(_group_condition(g, dialect) for g in groups))


def candidates(
    strong: Sequence[str], weak: Sequence[str], dialect: str, *, newest: int
) -> sa.Select[Any] | None:
    """The newest claims sharing a number or name (`strong`) and, if given, one other word.

    Numbers must match whole; other words are stems, matched as prefixes."""
    names = [Term(tuple(tokens(w)), prefix=not w.isdigit()) for w in strong if tokens(w)]
    if not names:
        return None
    query = f"({_any(names, dialect)})"
    others = [Term(tuple(tokens(w)), prefix=True) for w in weak if tokens(w)]
    if others:
        joiner = " AND " if dialect == "sqlite" else " & "
        query += f"{joiner}({_any(others, dialect)})"
    return hits(query, dialect, newest=newest)


# -- keeping PostgreSQL's index (SQLite's triggers keep claim_fts) -------------------------------
def write_words(rows: Iterable[tuple[int, str]], *, conn: Session | Connection) -> None:
    """New claims' words (id, quote and notes) as `tokens` cuts them, where the trigger that gave
    each its row (and its score) cut them differently (the server's rules are an approximation)."""
    values = [{"claim_id": cid, "body": " ".join(tokens(text))} for cid, text in rows]
    if not values:
        return
    stmt = postgresql.insert(CLAIM_SEARCH)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[CLAIM_SEARCH.c.claim_id],
            set_={"body": stmt.excluded.body},
            where=CLAIM_SEARCH.c.body != stmt.excluded.body,
        ),
        values,
    )


def index_claims(rows: Iterable[tuple[int, str]], *, session: Session) -> None:
    """New claims (id, quote) into the index."""
    if session.get_bind().dialect.name != "sqlite":
        write_words(rows, conn=session)


def index_note(claim_id: int, note: str, *, session: Session) -> None:
    """A note's words join its claim's."""
    if session.get_bind().dialect.name == "sqlite":
        return
    words = " ".join(tokens(note))
    if words:
        session.execute(
            sa.update(CLAIM_SEARCH)
            .where(CLAIM_SEARCH.c.claim_id == claim_id)
            .values(body=CLAIM_SEARCH.c.body + " " + words)
        )
