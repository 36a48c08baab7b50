"""Reading and writing article files: plain text or Markdown with YAML front matter, or HTML.

The body after the front matter is kept byte for byte: claim offsets point into it, so whatever
a person edits in the metadata above never moves a claim.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from claimledger.credentials import without_credentials
from claimledger.errors import LedgerError
from claimledger.limits import Limits

if TYPE_CHECKING:
    from claimledger.extract.genre import GenreReading

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
META_KEYS = ("outlet", "title", "author", "published", "url")
FENCE = "---\n"


@dataclass
class SourceMeta:
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_front_matter(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k != "extra"}
        data.update(self.extra)
        return data


@dataclass
class Document:
    name: str
    text: str
    meta: SourceMeta
    format: str  # "text" | "html"
    # the genre the page's metadata declares (its schema.org type, its section), if it does
    declared: GenreReading | None = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def split_front_matter(raw: str, *, name: str) -> tuple[dict[str, Any], str]:
    """Front matter as a dict, and the body exactly as it stands after the closing fence."""
    if not raw.startswith(FENCE):
        return {}, raw
    end = raw.find("\n---\n", len(FENCE) - 1)
    if end == -1:
        if raw.endswith("\n---"):
            end = len(raw) - 4
        else:
            raise LedgerError(f"{name}: front matter starts with --- but never closes")
    block = raw[len(FENCE) : end + 1]
    body = raw[end + len("\n---\n") :]
    try:
        data = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        raise LedgerError(f"{name}: front matter is not valid YAML{line}") from None
    except ValueError as exc:  # YAML reads 2010-13-45 as a date, then cannot make one
        raise LedgerError(
            f"{name}: front matter {_impossible_date(block)} is not a real date ({exc})"
        ) from None
    if not isinstance(data, dict):
        raise LedgerError(f"{name}: front matter must be a mapping of keys to values")
    return data, body


class _DatesAsText(yaml.SafeLoader):
    """YAML without its date rule, to find which value only looked like a date."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in rules if tag != "tag:yaml.org,2002:timestamp"]
    for first, rules in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _impossible_date(block: str) -> str:
    """`key: value` of the first date-shaped value that is no date, for the error line."""
    try:
        data = yaml.load(block, Loader=_DatesAsText)
    except yaml.YAMLError:
        return "a date"
    for key, value in (data or {}).items() if isinstance(data, dict) else ():
        if isinstance(value, str) and value[:4].isdigit():
            try:
                dt.date.fromisoformat(value[:10])
            except ValueError:
                return f"'{key}: {value}'"
    return "a date"


def _meta_from(data: dict[str, Any], *, name: str) -> SourceMeta:
    values: dict[str, str | None] = {}
    for key in META_KEYS:
        value = data.get(key)
        if isinstance(value, dt.date):
            value = value.isoformat()
        if value is not None and not isinstance(value, str | int):
            raise LedgerError(f"{name}: front matter '{key}' must be text")
        values[key] = None if value is None else str(value)
    if values["url"]:
        values["url"] = without_credentials(values["url"])
    extra = {k: v for k, v in data.items() if k not in META_KEYS}
    return SourceMeta(**values, extra=extra)


def _decode(raw: bytes, *, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LedgerError(f"{name}: not UTF-8 text (byte {exc.start})") from None


def parse_document(raw: bytes, *, name: str) -> Document:
    """A document from a file's bytes; the name's suffix says how to read it."""
    return parse_text(_decode(raw, name=name), name=name)


def parse_text(decoded: str, *, name: str) -> Document:
    """A document from a file's text; the name's suffix says how to read it."""
    if "\x00" in decoded:
        raise LedgerError(f"{name}: binary file, not an article")
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES or decoded.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    ):
        return _parse_html(decoded, name=name)
    data, body = split_front_matter(decoded, name=name)
    if not body.strip():
        raise LedgerError(f"{name}: no article text")
    return Document(
        name=Path(name).name, text=body, meta=_meta_from(data, name=name), format="text"
    )


def _parse_html(html: str, *, name: str, url: str | None = None) -> Document:
    from claimledger.extract.html import html_to_text

    text, found = html_to_text(html, url=url)
    if not text.strip():
        raise LedgerError(f"{name}: no article text found in the HTML")
    meta = SourceMeta(
        outlet=found.get("outlet"),
        title=found.get("title"),
        author=found.get("author"),
        published=found.get("published"),
        url=without_credentials(found["url"]) if found.get("url") else None,
    )
    return Document(
        name=Path(name).name, text=text, meta=meta, format="html", declared=found.get("genre")
    )


def read_document(path: Path, limits: Limits | None = None) -> Document:
    """An article file, refused in one line when larger than CLAIMLEDGER_MAX_ARTICLE_BYTES
    (before it is read: its size costs nothing to learn)."""
    try:
        (limits or Limits.from_env()).check_article_size(path.stat().st_size, str(path))
        # decoded at once, so the file's bytes are freed before the text is parsed
        decoded = _decode(path.read_bytes(), name=str(path))
    except FileNotFoundError as exc:
        raise LedgerError(f"no such file: {path}") from exc
    except IsADirectoryError as exc:
        raise LedgerError(f"{path} is a folder") from exc
    except OSError as exc:
        raise LedgerError(f"cannot read {path}: {exc.strerror}") from exc
    return parse_text(decoded, name=str(path))


def find_documents(paths: list[Path]) -> list[Path]:
    """Files to read: the files named, and the readable files inside the folders named."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in READABLE_SUFFIXES
                and not p.name.startswith(".")
            )
        elif path.exists():
            found.append(path)
        else:
            raise LedgerError(f"no such file or folder: {path}")
    return found


def render_document(meta: SourceMeta, text: str) -> str:
    """A source file: YAML front matter a person can edit, then the captured text unchanged."""
    header = yaml.safe_dump(
        meta.as_front_matter(), sort_keys=False, allow_unicode=True, default_flow_style=False
    )
    return f"{FENCE}{header}{FENCE}{text}"
