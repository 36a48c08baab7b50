"""HTML pages: the article text (trafilatura) and what the page says about itself."""

from __future__ import annotations

from typing import Any


def html_to_text(html: str, *, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The article body, paragraphs separated by blank lines, and title/author/date/url/outlet."""
    import trafilatura

    text = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    paragraphs = [line.strip() for line in (text or "").splitlines() if line.strip()]
    body = "\n\n".join(paragraphs)
    meta: dict[str, Any] = {
        "title": None,
        "author": None,
        "published": None,
        "url": url,
        "outlet": None,
    }
    found = trafilatura.extract_metadata(html, default_url=url)
    if found is not None:
        meta.update(
            title=found.title or None,
            author=found.author or None,
            published=found.date or None,
            url=found.url or url,
            outlet=found.sitename or None,
        )
    if body and meta["title"] and paragraphs and paragraphs[0] != meta["title"]:
        body = f"{meta['title']}\n\n{body}"
    return (body + "\n") if body else "", meta
