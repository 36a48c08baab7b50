"""Articles from the web: fetched with httpx, the body extracted, saved into sources/ as text.

The saved file (front matter + extracted text) is what the ledger's offsets point into, so the
claims stay reproducible even after the page changes or disappears.
"""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from claimledger.credentials import without_credentials
from claimledger.documents import SourceMeta, read_document, render_document, split_front_matter
from claimledger.errors import LedgerError

if TYPE_CHECKING:
    from claimledger.links import FetchedArticle

_SLUG = re.compile(r"[^a-z0-9]+")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)
"""Names Windows keeps for devices, whatever their extension."""
MAX_STEM = 100


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def _slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII letters, digits and dashes only: no separator, dot or control survives."""
    return _SLUG.sub("-", text.lower()).strip("-")[:limit].rstrip("-") or "article"


def _date_part(published: str | None) -> str:
    """The page's date as YYYY-MM-DD when it starts with a real one, else 'undated'."""
    found = _DATE.match((published or "").strip())
    if found is None:
        return "undated"
    try:
        return date(*(int(part) for part in found.groups())).isoformat()
    except ValueError:
        return "undated"


def source_file_name(published: str | None, title: str) -> str:
    """A file name from what a page says about itself, which may be anything a hostile page
    likes (`../../x`, an absolute path, NUL, a device name): a bounded slug, always."""
    stem = f"{_date_part(published)}-{_slug(title)}"[:MAX_STEM].rstrip("-")
    if stem.split("-", 1)[0] in RESERVED or stem in RESERVED:
        stem = f"article-{stem}"
    return f"{stem}.txt"


def inside(folder: Path, name: str) -> Path:
    """The path of `name` in `folder`, refused if it would resolve anywhere else (a symlink
    included)."""
    root = folder.resolve()
    if (root / name).resolve().parent != root:
        raise LedgerError(f"refusing to write {name!r}: it would land outside {folder}")
    return folder / name


def fetch_source(url: str, sources_dir: Path) -> Path:
    """Fetch an article page and save it as a source file; returns the file's path."""
    from claimledger.extract.html import html_to_text
    from claimledger.links import LinkSettings, fetch_article, make_client, validate_url
    from claimledger.links.urls import InvalidURL

    try:
        url = validate_url(url)
    except InvalidURL as exc:
        raise LedgerError(str(exc)) from None
    settings = LinkSettings.from_env()

    async def run() -> FetchedArticle:
        async with make_client(settings) as client:
            return await fetch_article(client, url, settings=settings)

    article = asyncio.run(run())
    if article.error:
        raise LedgerError(f"could not fetch {url}: {article.error}")
    text, found = html_to_text(article.html, url=article.final_url)
    if not text.strip():
        raise LedgerError(f"{url}: no article text found on the page")
    page = article.metadata
    meta = SourceMeta(
        outlet=page.get("site_name") or found.get("outlet") or urlsplit(url).netloc,
        title=page.get("title") or found.get("title"),
        author=page.get("author") or found.get("author"),
        published=page.get("published") or found.get("published"),
        url=without_credentials(page.get("url") or article.final_url or url),
        extra={
            "fetched_from": url,
            "retrieved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )
    name = source_file_name(meta.published, meta.title or urlsplit(url).path)
    sources_dir.mkdir(parents=True, exist_ok=True)
    path = inside(sources_dir, name)
    if path.exists():
        _, body = split_front_matter(path.read_text(encoding="utf-8"), name=str(path))
        if body == text:
            return path  # same article text: keep the file (and its offsets) as they are
        path = inside(sources_dir, f"{path.stem}-{datetime.now(UTC):%Y%m%dT%H%M%S}.txt")
    path.write_text(render_document(meta, text), encoding="utf-8")
    read_document(path)  # what was written must read back
    return path
