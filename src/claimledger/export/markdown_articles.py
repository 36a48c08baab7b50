"""The Markdown report's articles: each article with its claims, verdicts, notes and evidence.

The same content as the HTML report's articles, for a desk that pastes the report into a wiki or a
chat. Words from articles and people never become markup: they are shown as on a terminal
(`terminal_text.visible`) and every Markdown character is escaped; only http(s) addresses become
links, written as autolinks with the characters that could end one percent-encoded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import quote

from claimledger.export.by_article import ArticleClaims, ReportedClaim
from claimledger.export.html_report import safe_href
from claimledger.export.report import md_escape
from claimledger.records import EvidenceRecord, PublishingSettings
from claimledger.terminal_text import visible


def _md(value: object) -> str:
    return md_escape(visible(str(value)))


def md_link(url: str | None) -> str:
    """An http(s) address as a link; anything else as escaped text, never followed."""
    if not url:
        return ""
    href = safe_href(url)
    if href is None:
        return _md(url)
    return "<" + quote(href, safe=":/?#[]@!$&'()*+,;=%~-._") + ">"


def markdown_articles(
    articles: Iterable[ArticleClaims], settings: PublishingSettings | None
) -> Iterator[str]:
    """Lines of the report's per-article part, one article in memory at a time."""
    yield "## Articles"
    yield ""
    shown = False
    for article in articles:
        shown = True
        src = article.source
        yield f"### {_md(src.title or src.label)}"
        yield ""
        facts = [_md(x) for x in (src.outlet, src.author, src.published) if x]
        if src.url:
            facts.append(md_link(src.url))
        if facts:
            yield " · ".join(facts)
            yield ""
        for n, item in enumerate(article.claims, start=1):
            yield from _claim(n, item, settings)
    if not shown:
        yield "(no claims in the chosen review states)"
        yield ""


def _claim(n: int, item: ReportedClaim, settings: PublishingSettings | None) -> Iterator[str]:
    claim = item.record.claim
    yield f"{n}. > {_md(claim.quote)}"
    tags = f"#{claim.id} · {claim.review_state} · {claim.evidence_status} · {claim.type}"
    yield f"   {_md(tags)}" + (f" · {_md(claim.speaker)}" if claim.speaker else "")
    pub = item.record.publication
    if pub is not None and (pub.rating or pub.statement or pub.summary or pub.url):
        page = pub.url or (settings.review_url(claim.id) if settings else None)
        when = (
            f"published {pub.published_at:%Y-%m-%d} by {pub.published_by or '?'}"
            if pub.published_at
            else "draft, not published"
        )
        verdict = " — ".join(_md(x) for x in (pub.rating, pub.statement) if x)
        yield f"   - **Verdict:** {verdict} ({_md(when)})" + (f" {md_link(page)}" if page else "")
        if pub.summary:
            yield f"     {_md(pub.summary)}"
    yield from _evidence(item.record.evidence)
    for note in item.notes:
        yield f"   - *Note* {_md(f'{note.at:%Y-%m-%d %H:%M} {note.user}: {note.text}')}"
    yield ""


def _evidence(evidence: tuple[EvidenceRecord, ...]) -> Iterator[str]:
    if not evidence:
        yield "   - No evidence yet."
    for ev in evidence:
        label = f" {_md(ev.title)}" if ev.title and ev.title != ev.url else ""
        note = f" — {_md(ev.note)}" if ev.note else ""
        yield f"   - {_md(ev.stance)}:{label} {md_link(ev.url)}{note} ({_md(ev.link_state)})"
