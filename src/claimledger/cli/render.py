"""Rich renderings shared by the commands: tables of claims, one claim in full."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimledger.cli.render_related import related_parts
from claimledger.credentials import without_credentials, without_credentials_in
from claimledger.records import ClaimDetail, ClaimRecord, EvidenceRecord, HistoryRecord, Quantity
from claimledger.terminal_text import plain, visible

STATE_STYLES = {
    "new": "bold cyan",
    "in_review": "yellow",
    "reviewed": "green",
    "verified": "bold green",
    "dismissed": "dim",
}
EVIDENCE_STYLES = {
    "unverified": "dim",
    "supported": "green",
    "mixed": "yellow",
    "contradicted": "red",
    "unverifiable": "magenta",
}


def short(text: str, width: int = 90) -> str:
    """One line of at most `width` characters, controls and escapes made visible."""
    flat = " ".join(visible(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def claims_table(
    rows: Sequence[ClaimRecord],
    title: str | None = None,
    *,
    notes: Mapping[int, str] | None = None,
) -> Table:
    table = Table(title=plain(title) if title else None, title_justify="left", expand=True)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("state", no_wrap=True)
    table.add_column("evidence", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("source", no_wrap=True, max_width=18)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("quote", ratio=1)
    for row in rows:
        table.add_row(
            str(row.id),
            Text(row.review_state, style=STATE_STYLES.get(row.review_state, "")),
            Text(row.evidence_status, style=EVIDENCE_STYLES.get(row.evidence_status, "")),
            plain(row.type),
            plain(row.source),
            f"{row.score:.2f}",
            _quote_cell(row.quote, notes.get(row.id) if notes else None),
        )
    return table


def _quote_cell(quote: str, note: str | None) -> Text:
    cell = Text(short(quote, 200))
    if note:
        cell.append("\n" + visible(note), style="dim")
    return cell


def extracted_table(claims: Sequence[Any]) -> Table:
    """Each claim as its quote, then what the finder read of it on a dim line: readable at any width."""
    table = Table(expand=True, show_lines=True)
    table.add_column("at", justify="right", no_wrap=True)
    table.add_column("claim", ratio=1)
    for c in claims:
        facts = [visible(c.type), f"score {c.score:.2f}"]
        if c.speaker:
            facts.append(f"speaker {visible(c.speaker)}")
        if c.period:
            same = c.period.start == c.period.end
            facts.append(f"period {c.period.start}" + ("" if same else f" to {c.period.end}"))
        facts.extend(visible(Quantity.from_dict(q.to_dict()).describe()) for q in c.quantities)
        cell = Text(short(c.quote, 300))
        cell.append("\n" + " · ".join(facts), style="dim")
        table.add_row(str(c.start), cell)
    return table


def quote_in_context(text: str, start: int, end: int, para: tuple[int, int]) -> Text:
    body = Text()
    body.append(visible(text[para[0] : start]))
    body.append(visible(text[start:end]), style="bold black on yellow")
    body.append(visible(text[end : para[1]]))
    return body


def claim_panel(detail: ClaimDetail) -> Group:
    """One claim in full: the quote in its paragraph, its metadata, evidence and history."""
    claim, src, para = detail.claim, detail.source, detail.paragraph
    context = quote_in_context(
        para.text, claim.start - para.start, claim.end - para.start, (0, len(para.text))
    )
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    meta.add_row("source", plain(f"{src.label} — {src.title or src.path}"))
    if src.url:
        meta.add_row("url", plain(without_credentials(src.url)))
    if src.published:
        meta.add_row("published", plain(src.published))
    if src.genre:
        meta.add_row("genre", plain(src.genre.replace("_", " ")))
    meta.add_row("state", Text(claim.review_state, style=STATE_STYLES.get(claim.review_state, "")))
    meta.add_row(
        "evidence",
        Text(claim.evidence_status, style=EVIDENCE_STYLES.get(claim.evidence_status, "")),
    )
    meta.add_row("type", plain(claim.type))
    meta.add_row("score", f"{claim.score:.2f}")
    meta.add_row("speaker", plain(claim.speaker or "—"))
    if claim.period:
        meta.add_row("period", f"{claim.period.start} to {claim.period.end}")
    if claim.quantities:
        meta.add_row("quantities", plain("; ".join(q.describe() for q in claim.quantities)))
    meta.add_row("offsets", f"{claim.start}–{claim.end}")
    if claim.assignee:
        meta.add_row("assignee", plain(claim.assignee))
    meta.add_row("version", str(claim.version))
    parts: list[Any] = [
        Panel(context, title=f"claim {claim.id}", title_align="left"),
        meta,
    ]
    if detail.evidence:
        ev_table = Table(title="evidence", title_justify="left", expand=True)
        for column in ("id", "stance", "link", "url", "note", "by"):
            ev_table.add_column(column, overflow="fold")
        for ev in detail.evidence:
            ev_table.add_row(
                str(ev.id),
                plain(ev.stance),
                plain(ev.link_state),
                plain(without_credentials(ev.url)),
                plain(ev.note),
                plain(ev.added_by),
            )
        parts.append(ev_table)
        if verdicts := outlet_verdicts_table(detail.evidence):
            parts.append(verdicts)
    parts.extend(related_parts(detail))
    if detail.publication is not None:
        parts.append(publication_table(detail))
    parts.append(history_table(detail.history))
    return Group(*parts)


def publication_table(detail: ClaimDetail) -> Table:
    """The published fact-check as the desk recorded it (ClaimReview is built from this)."""
    pub = detail.publication
    assert pub is not None
    table = Table.grid(padding=(0, 2))
    table.title, table.title_justify = "publication", "left"
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    page = detail.publication_url
    from_template = page is not None and not pub.url
    table.add_row("page", plain(page + (" (from the site's template)" if from_template else ""))
                  if page else Text("— (no URL, no template)", style="dim"))  # fmt: skip
    table.add_row("statement", plain(pub.statement or "—"))
    table.add_row("rating", plain(pub.rating or "—"))
    table.add_row("summary", plain(pub.summary or "—"))
    if pub.published_at is not None:
        when = pub.published_at.isoformat()[:19].replace("T", " ")
        table.add_row("published", plain(f"{when} by {pub.published_by or '?'}"))
    else:
        table.add_row("published", Text("draft, not published", style="yellow"))
    return table


def outlet_verdicts_table(evidence: Sequence[EvidenceRecord]) -> Table | None:
    """What other outlets published about the claim, read from the evidence pages' markup."""
    rows = [(ev.id, v) for ev in evidence for v in ev.outlet_verdicts]
    if not rows:
        return None
    table = Table(title="other outlets' verdicts", title_justify="left", expand=True)
    for column in ("evidence", "outlet", "verdict", "claim reviewed", "published"):
        table.add_column(column, overflow="fold")
    for evidence_id, v in rows:
        table.add_row(
            str(evidence_id),
            plain(v.outlet),
            plain(v.describe().partition(": ")[2]),
            plain(v.claim_reviewed),
            plain(v.date_published),
        )
    return table


def history_table(history: Sequence[HistoryRecord]) -> Table:
    table = Table(title="history", title_justify="left", expand=True)
    for column in ("when", "who", "what", "before", "after", "note"):
        table.add_column(column, overflow="fold")
    for h in history:
        table.add_row(
            h.at.isoformat()[:19].replace("T", " "),
            plain(h.user),
            h.action.value,
            plain(without_credentials_in(h.shown_before or "")),
            plain(without_credentials_in(h.shown_after or "")),
            plain(h.note),
        )
    return table
