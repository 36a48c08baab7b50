"""The desk's report as one self-contained HTML page: the ledger's counts, then each article with
its claims, their verdicts, notes and evidence links.

Everything shown comes from articles, pages and people the desk does not control, so none of it
ever becomes markup: every text goes through `_text` (control and direction characters made
visible as on a terminal, then HTML-escaped, quotes included), and an address becomes a link
only when it is a plain http(s) URL (`safe_href`); any other (`javascript:`, `data:`) is shown
as text. The page loads nothing: its style is inline, with print rules for the meeting's paper.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime
from typing import TextIO
from urllib.parse import urlsplit

from claimledger.export.by_article import ArticleClaims, ReportedClaim
from claimledger.records import (
    EvidenceRecord,
    LedgerReport,
    PublicationRecord,
    PublishingSettings,
    Tally,
)
from claimledger.terminal_text import visible

STYLE = """
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9dce1; --paper: #fff; --accent: #0b57d0;
  --ok: #1e6b35; --bad: #a50e0e; --mixed: #8a5a00; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; color: var(--ink);
  background: var(--paper); font: 16px/1.5 Georgia, "Times New Roman", serif; }
h1, h2, h3, .meta, table, .state, .evidence, .notes, .verdict, .source {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 0 0 .25rem; }
h3 { font-size: 1rem; margin: 1.5rem 0 .5rem; }
a { color: var(--accent); overflow-wrap: anywhere; }
.meta, .source { color: var(--muted); font-size: .9rem; margin: 0 0 1rem; }
.summary { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 1rem 2.5rem;
  margin: 1.5rem 0 2rem; }
table { border-collapse: collapse; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; white-space: nowrap; }
th, td { text-align: left; padding: .2rem .75rem .2rem 0; border-bottom: 1px solid var(--rule); }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.article { border-top: 3px solid var(--ink); padding-top: 1rem; margin-top: 2.5rem; }
.claims { list-style: none; padding: 0; margin: 0; }
.claim { border-bottom: 1px solid var(--rule); padding: 1rem 0; }
.claim blockquote { margin: 0 0 .5rem; padding-left: 1rem; border-left: 4px solid var(--rule);
  font-size: 1.05rem; white-space: pre-wrap; }
.speaker { color: var(--muted); margin: 0 0 .5rem; font-style: italic; }
.state { display: flex; flex-wrap: wrap; gap: .4rem; margin: 0 0 .5rem; font-size: .8rem; }
.tag { border: 1px solid var(--rule); border-radius: 1rem; padding: 0 .6rem; }
.tag.supported { color: var(--ok); border-color: currentColor; }
.tag.contradicted { color: var(--bad); border-color: currentColor; }
.tag.mixed { color: var(--mixed); border-color: currentColor; }
.verdict { background: #f4f6f9; border-radius: .4rem; padding: .5rem .75rem; margin: .5rem 0;
  font-size: .95rem; }
.verdict .rating { font-weight: 700; }
.evidence, .notes { margin: .25rem 0 0; padding-left: 1.2rem; font-size: .9rem; }
.evidence .stance { font-weight: 600; }
.notes { color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; color: #000; }
  a { color: #000; text-decoration: none; }
  a[href]:not(.bare)::after { content: " <" attr(href) ">"; font-size: 8.5pt; color: #444; }
  .article { margin-top: 1.5rem; }
  .claim, table, .verdict { break-inside: avoid; }
  .verdict { background: none; border: 1px solid #999; }
  h2, h3 { break-after: avoid; }
  @page { margin: 16mm 14mm; }
}
"""


def safe_href(url: str | None) -> str | None:
    """The address, when a browser would open it as the http(s) page it names; else None."""
    if not url or url != url.strip() or any(ord(c) < 0x20 or ord(c) == 0x7F for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _text(value: object) -> str:
    return html.escape(visible(str(value)), quote=True)


def _link(url: str | None, label: str | None = None) -> str:
    """A link to an http(s) address; any other address is shown as text, never followed."""
    if not url:
        return ""
    href = safe_href(url)
    shown = _text(label or url)
    if href is None:
        return f'<span class="unlinked">{shown}</span>'
    bare = ' class="bare"' if not label or label == url else ""  # printed once, not twice
    return f'<a href="{_text(href)}"{bare} rel="noopener noreferrer nofollow">{shown}</a>'


def _when(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at else ""


def _tally_table(title: str, tallies: tuple[Tally, ...]) -> str:
    rows = "".join(
        f'<tr><td>{_text(t.name)}</td><td class="n">{t.count}</td></tr>' for t in tallies
    )
    body = rows or '<tr><td class="empty" colspan="2">none</td></tr>'
    return f"<table><caption>{_text(title)}</caption>{body}</table>"


def _head(title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_text(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    )


def write_html_report(
    summary: LedgerReport,
    articles: Iterable[ArticleClaims],
    out: TextIO,
    *,
    scope: str,
    generated: datetime,
    settings: PublishingSettings | None = None,
) -> int:
    """The page, written article by article; returns how many articles it shows. With the
    desk's `settings`, a fact-check with no page of its own links the template's."""
    out.write(_head("Ledger report"))
    out.write("<header>\n<h1>Ledger report</h1>\n")
    out.write(
        f'<p class="meta">{summary.claims} claims in the ledger · claims shown: {_text(scope)}'
        f" · {_text(_when(generated))}</p>\n</header>\n"
    )
    out.write('<section class="summary" aria-label="The ledger in numbers">\n')
    out.write(_tally_table("By review state", summary.by_state) + "\n")
    out.write(_tally_table("By evidence status", summary.by_evidence) + "\n")
    out.write(_tally_table("Published verdicts", summary.by_rating) + "\n")
    out.write("</section>\n<main>\n")
    n = 0
    for article in articles:
        n += 1
        out.write(_article(article, settings))
    if n == 0:
        out.write(f'<p class="empty">No claims to show ({_text(scope)}).</p>\n')
    out.write("</main>\n</body>\n</html>\n")
    return n


def _article(article: ArticleClaims, settings: PublishingSettings | None) -> str:
    src = article.source
    title = src.title or src.label
    facts = [x for x in (src.outlet, src.author, src.published) if x]
    line = " · ".join(_text(x) for x in facts)
    if src.url:
        line = f"{line} · {_link(src.url)}" if line else _link(src.url)
    claims = "".join(_claim(c, settings) for c in article.claims)
    return (
        f'<section class="article" id="article-{src.id}">\n<h2>{_text(title)}</h2>\n'
        f'<p class="source">{line}</p>\n<ol class="claims">\n{claims}</ol>\n</section>\n'
    )


def _claim(item: ReportedClaim, settings: PublishingSettings | None) -> str:
    record = item.record
    claim = record.claim
    parts = [f'<li class="claim" id="claim-{claim.id}">']
    parts.append(f"<blockquote>{_text(claim.quote)}</blockquote>")
    if claim.speaker:
        parts.append(f'<p class="speaker">{_text(claim.speaker)}</p>')
    status = _text(claim.evidence_status)
    parts.append(
        f'<p class="state"><span class="tag">#{claim.id}</span>'
        f'<span class="tag">{_text(claim.review_state)}</span>'
        f'<span class="tag {status}">{status}</span>'
        f'<span class="tag">{_text(claim.type)}</span></p>'
    )
    if record.publication is not None:
        page = record.publication.url or (settings.review_url(claim.id) if settings else None)
        parts.append(_verdict(record.publication, page))
    parts.append(_evidence(record.evidence))
    if item.notes:
        notes = "".join(
            f"<li><time>{_text(_when(n.at))}</time> {_text(n.user)}: {_text(n.text)}</li>"
            for n in item.notes
        )
        parts.append(f'<ul class="notes" aria-label="Notes">{notes}</ul>')
    parts.append("</li>\n")
    return "".join(parts)


def _verdict(pub: PublicationRecord, page: str | None) -> str:
    if not (pub.rating or pub.statement or pub.summary or pub.url):
        return ""
    state = "published" if pub.published_at else "draft"
    bits = [f'<div class="verdict {state}">']
    if pub.rating:
        bits.append(f'<span class="rating">{_text(pub.rating)}</span>')
    if pub.statement:
        bits.append(f" — {_text(pub.statement)}")
    if pub.summary:
        bits.append(f"<br>{_text(pub.summary)}")
    when = (
        f"published {_text(_when(pub.published_at))} by {_text(pub.published_by or '?')}"
        if pub.published_at
        else "draft, not published"
    )
    link = f" · {_link(page)}" if page else ""
    bits.append(f"<br><small>{when}{link}</small></div>")
    return "".join(bits)


def _evidence(evidence: tuple[EvidenceRecord, ...]) -> str:
    if not evidence:
        return '<p class="evidence empty">No evidence yet.</p>'
    items = []
    for ev in evidence:
        note = f" — {_text(ev.note)}" if ev.note else ""
        items.append(
            f'<li><span class="stance">{_text(ev.stance)}</span> '
            f"{_link(ev.url, ev.title)}{note} <small>({_text(ev.link_state)})</small></li>"
        )
    return f'<ul class="evidence" aria-label="Evidence">{"".join(items)}</ul>'
