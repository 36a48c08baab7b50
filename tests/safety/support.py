"""What the safety tests share: the hostile corpus's folder and the article page builder."""

from __future__ import annotations

import html
import json
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"

BODY = """<article><h1>{title}</h1>
<p>The agency is sending 100 agents to ten cities, including Boston, officials said Friday.</p>
<p>The deployment will run through May, according to a statement from the Department of Homeland Security.</p>
<p>Boston limited its cooperation with federal immigration agents under the Trust Act, which the city council passed in 2014.</p>
</article>"""


def article_page(title: str, published: str | None = None, json_ld: str | None = None) -> bytes:
    """An article whose `article:published_time` and/or JSON-LD `datePublished` say anything."""
    head = f"<title>{html.escape(title)}</title>"
    if published is not None:
        head += (
            '<meta property="article:published_time" '
            f'content="{html.escape(published, quote=True)}">'
        )
    if json_ld is not None:
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title}
        data["datePublished"] = json_ld
        head += f'<script type="application/ld+json">{json.dumps(data)}</script>'
    page = f"<!doctype html><html><head>{head}</head><body>{BODY.format(title=html.escape(title))}</body></html>"
    return page.encode("utf-8")


POSTED: list[str] = []
"""What the hostile server's archive endpoint was sent (form bodies), in order."""
