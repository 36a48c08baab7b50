"""Full-text search over claims' quotes and notes: one query language, each engine's own index.

SQLite searches its FTS5 table (`claim_fts`, kept by triggers); PostgreSQL a tsvector column with a
GIN index (`claim_search`, kept here, by the core's writes). Both index the same tokens: text is cut
into runs of letters and digits, lower-cased, accents removed (as FTS5's unicode61 tokenizer
does), so a search finds the same claims on either.

What a person may type:
- words: every word must appear, in any order (`bus routes`);
- "a phrase": those words next to each other, in that order;
- a prefix: `deport*`; the last word typed is always taken as a prefix (results as you type);
- anything else (AND, OR, NOT, -, parentheses, colons, stray quotes) is plain text, never syntax.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from claimledger.models import Claim

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')

CLAIM_SEARCH = sa.table(
    "claim_search",
    sa.column("claim_id", sa.Integer),
    sa.column("body", sa.Text),
    sa.column("doc"),
)
"""PostgreSQL only (migration 0004): each claim's indexed words, `doc` generated from `body`."""


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


def parse(text: str) -> list[Term]:
    """A person's search as terms, all required; syntax of either engine is never passed through."""
    terms: list[Term] = []
    last = 0
    pieces: list[tuple[str, bool]] = []  # (text, is a quoted phrase)
    for m in _PHRASE.finditer(text):
        pieces.append((text[last : m.start()], False))
        pieces.append((m.group(1), True))
        last = m.end()
    pieces.append((text[last:], False))
    for piece, quoted in pieces:
        if quoted:
            words = tuple(tokens(piece))
            if words:
                terms.append(Term(words))
            continue
        for raw in piece.split():
            words = tuple(tokens(raw))
            if not words:
                continue
            # a word the index splits (covid-19, 12.5) is a short phrase of its parts
            terms.append(Term(words, prefix=raw.rstrip().endswith("*")))
    if terms and not text.rstrip().endswith('"'):
        terms[-1] = Term(terms[-1].words, prefix=True)  # the word being typed
    return terms


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


def hits(query: str, dialect: str, *, newest: int | None = None) -> sa.Select[Any]:
    """Ids of the claims an engine query (already in the engine's syntax) finds."""
    if dialect == "sqlite":
        stmt = sa.select(sa.column("rowid", sa.Integer)).select_from(sa.table("claim_fts"))
        stmt = stmt.where(sa.text("claim_fts MATCH :q").bindparams(q=query))
        key = sa.column("rowid", sa.Integer)
    else:
        simple: ColumnElement[Any] = sa.literal_column("'simple'::regconfig")
        match = CLAIM_SEARCH.c.doc.op("@@")(
            sa.func.to_tsquery(simple, sa.cast(sa.literal(query), sa.Text))
        )
        stmt = sa.select(CLAIM_SEARCH.c.claim_id).where(match)
        key = CLAIM_SEARCH.c.claim_id
    if newest is not None:
        stmt = stmt.order_by(key.desc()).limit(newest)
    return stmt


def condition(text: str, dialect: str) -> ColumnElement[bool]:
    """Claims whose quote or notes hold every term of a person's search."""
    terms = parse(text)
    if not terms:
        return sa.false()
    if dialect == "sqlite":
        return col(Claim.id).in_(hits(fts5(terms), dialect))
    # PostgreSQL: the matching ids gathered once (one GIN lookup), then read by primary key. As a
    # plain IN, the planner may instead walk the queue's index and probe the search table claim
    # by claim, seconds on a million claims when the words are rare among the state shown.
    found = sa.func.array(hits(tsquery(terms), dialect).scalar_subquery())
    return col(Claim.id) == sa.func.any(found)


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
def index_claims(rows: Iterable[tuple[int, str]], *, session: Session) -> None:
    """New claims (id, quote) into the index."""
    if session.get_bind().dialect.name == "sqlite":
        return
    values = [{"claim_id": cid, "body": " ".join(tokens(quote))} for cid, quote in rows]
    if values:
        session.execute(sa.insert(CLAIM_SEARCH), values)


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
