"""The detail pane's parts as Rich text: the claim in its paragraph, metadata, evidence, matches,
history. Pure functions of a `ClaimDetail` (and the theme's colours), tested without an app."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from claimledger.credentials import without_credentials, without_credentials_in
from claimledger.records import ClaimDetail, ClaimRecord
from claimledger.terminal_text import visible
from claimledger.tui.styles import evidence_style, short, state_style
from claimledger.vocab import LinkState


def paragraph_text(detail: ClaimDetail) -> Text:
    """The paragraph with the claim's words highlighted (reverse video reads in any theme)."""
    para, claim = detail.paragraph, detail.claim
    text = Text(visible(para.text))  # one for one: the claim's offsets still fit
    start, end = claim.start - para.start, claim.end - para.start
    if 0 <= start < end <= len(para.text):
        text.stylize("bold reverse", start, end)
    return text


def facts_line(claim: ClaimRecord) -> str:
    """The numbers and the time the finder read in the claim, to check them at a glance."""
    parts = [q.describe() for q in claim.quantities]
    period = claim.period
    if period and period.start == period.end:
        parts.append(f"period {period.start}")
    elif period:
        parts.append(f"period {period.start} to {period.end}")
    return visible(" · ".join(parts))


def metadata_text(detail: ClaimDetail, theme: Mapping[str, str]) -> Text:
    claim, source = detail.claim, detail.source
    text = Text()
    text.append(f"#{claim.id} ", "bold")
    text.append(short(claim.review_state), state_style(claim.review_state, theme))
    text.append(" · evidence ")
    text.append(claim.evidence_status, evidence_style(claim.evidence_status, theme))
    text.append(f" · {visible(short(claim.type))} · score {claim.score:.2f}")
    if claim.origin == "manual":
        text.append(" · recorded by hand", "italic")
    text.append("\n")
    who = [f"speaker {claim.speaker}" if claim.speaker else None]
    who.append(f"assigned to {claim.assignee}" if claim.assignee else "unassigned")
    text.append(visible(" · ".join(w for w in who if w)) + "\n", "dim")
    facts = facts_line(claim)
    if facts:
        text.append(facts + "\n", "dim")
    title = source.title or source.path
    dated = f" ({source.published})" if source.published else ""
    text.append(visible(f"{source.label}: {title}{dated}"), "italic")
    if source.url:
        text.append("\n" + visible(without_credentials(source.url)), "dim underline")
    return text


LINK_STYLES = {
    "alive": "green",
    "dead": "bold red",
    "redirected": "yellow",
    "changed": "yellow",
    "unread": "cyan",
}


def evidence_text(detail: ClaimDetail) -> RenderableType:
    """Stance, link and note in columns, so long notes wrap under the link, not under the stance."""
    items = detail.evidence
    title = Text(f"Evidence ({len(items)})", "bold")
    if not items:
        return Group(title, Text("none yet: press l to add a link", "dim"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    for ev in items:
        link = Text(visible(without_credentials(ev.url)), "underline")
        state = ev.link_state
        if state != LinkState.UNCHECKED:
            status = f" {ev.http_status}" if ev.http_status else ""
            link.append(f" [{state}{status}]", LINK_STYLES.get(state, "dim"))
        if ev.archive_url:
            link.append(" [archived]", "dim green")
        if ev.title:
            link.append("\n" + visible(ev.title), "italic")
        elif ev.fetch_error:
            link.append("\n" + visible(without_credentials_in(ev.fetch_error)), "red")
        if ev.note:
            link.append("\n" + visible(ev.note), "dim")
        for verdict in ev.outlet_verdicts:
            link.append("\n" + visible(verdict.describe()), "bold magenta")
            if verdict.claim_reviewed:
                link.append(" on " + visible(f"“{verdict.claim_reviewed}”"), "magenta")
        grid.add_row(Text(f" {visible(ev.stance)}"), link)
    return Group(title, grid)


def matches_text(detail: ClaimDetail) -> Text:
    """The same claim in other articles: what their checkers found may settle this one."""
    items = detail.matches
    text = Text(f"Same claim elsewhere ({len(items)})\n", "bold")
    for m in items:
        text.append(visible(f"  #{m.claim_id} {m.source} "), "bold")
        text.append(
            f"{m.status} {m.similarity:.2f} · {short(m.review_state)}, {m.evidence_status}",
            "dim",
        )
        if m.evidence:
            text.append(visible(f" · evidence: {', '.join(m.evidence)}"), "green")
        text.append("\n")
        text.append(f"    “{visible(' '.join(m.quote.split()))}”\n", "italic")
    return text


def history_text(detail: ClaimDetail) -> Text:
    entries = detail.history
    text = Text(f"History ({len(entries)})\n", "bold")
    for h in reversed(entries):  # newest first: what just happened is on top
        text.append(visible(f"  {h.at:%Y-%m-%d %H:%M} {h.user}: "), "dim")
        text.append(h.action.value.replace("_", " "))
        if h.before or h.after:
            before, after = h.shown_before, h.shown_after
            change = f"{before or ''} -> {after or ''}" if before else after
            text.append(" " + visible(without_credentials_in(change or "")))
        if h.note:
            text.append(f"  “{visible(h.note)}”", "italic")
        text.append("\n")
    return text
