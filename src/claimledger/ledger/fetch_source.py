"""Articles from the web: fetched with httpx, the body extracted, saved into sources/ as text.

The saved file (front matter + extracted text) is what the ledger's offsets point into, so the
claims stay reproducible even after the page changes or disappears.
"""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from claimledger.documents import SourceMeta, read_document, render_document, split_front_matter
from claimledger.errors import LedgerError

if TYPE_CHECKING:
    from claimledger.links import FetchedArticle

_SLUG = re.compile(r"[^a-z0-9]+")


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def _slug(text: str, limit: int = 60) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")[:limit].rstrip("-") or "article"


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
        url=page.get("url") or article.final_url or url,
        extra={
            "fetched_from": url,
            "retrieved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )
    name = f"{meta.published or 'undated'}-{_slug(meta.title or urlsplit(url).path)}.txt"
    sources_dir.mkdir(parents=True, exist_ok=True)
    path = sources_dir / name
    if path.exists():
        _, body = split_front_matter(path.read_text(encoding="utf-8"), name=str(path))
        if body == text:
            return path  # same article text: keep the file (and its offsets) as they are
        path = sources_dir / f"{path.stem}-{datetime.now(UTC):%Y%m%dT%H%M%S}.txt"
    path.write_text(render_document(meta, text), encoding="utf-8")
    read_document(path)  # what was written must read back
    return path
