"""The desk's report as text or Markdown (JSON is `records.to_json` of the same record).

Words from articles and people (quotes, outlets, names) never become markup: every Markdown
character that means something is escaped, and table cells keep to one line.
"""

from __future__ import annotations

import re

from claimledger.records import LedgerReport, Tally

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&])")


def md_escape(text: str) -> str:
    """Text shown as itself in Markdown (and in the HTML it renders to), on one line."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


def _pct(n: int, total: int) -> str:
    return f"{100 * n / total:.0f}%" if total else "-"


def _tally_rows(tallies: tuple[Tally, ...], total: int) -> list[tuple[str, ...]]:
    return [(t.name, str(t.count), _pct(t.count, total)) for t in tallies]


def _sections(report: LedgerReport) -> list[tuple[str, list[str], list[tuple[str, ...]]]]:
    """(title, header, rows) for every table of the report, in reading order."""
    published = sum(t.count for t in report.by_rating)
    return [
        ("By review state", ["state", "claims", "share"], _tally_rows(report.by_state, report.claims)),
        ("By evidence status", ["status", "claims", "share"],
         _tally_rows(report.by_evidence, report.claims)),
        ("Published verdicts", ["rating", "fact-checks", "share"],
         _tally_rows(report.by_rating, published)),
        ("Articles with the most claims", ["article", "claims"],
         [(t.name, str(t.count)) for t in report.by_source]),
        ("By person", ["person", "changes", "verified", "published"],
         [(r.user, str(r.changes), str(r.verified), str(r.published)) for r in report.by_reviewer]),
        ("Latest verdicts", ["claim", "statement", "rating", "published", "by"],
         [(str(v.claim_id), v.statement, v.rating or "-",
           v.published_at.date().isoformat() if v.published_at else "-", v.published_by or "-")
          for v in report.recent]),
    ]  # fmt: skip


def markdown_report(report: LedgerReport) -> str:
    lines = ["# Ledger report", "", f"{report.claims} claims.", ""]
    for title, header, rows in _sections(report):
        lines += [f"## {title}", ""]
        if not rows:
            lines += ["(none)", ""]
            continue
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join(" --- " for _ in header) + "|")
        lines += ["| " + " | ".join(md_escape(cell) for cell in row) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines)


def text_report(report: LedgerReport) -> str:
    lines = [f"{report.claims} claims", ""]
    for title, header, rows in _sections(report):
        lines.append(title)
        if not rows:
            lines += ["  (none)", ""]
            continue
        table = [header, *[[" ".join(c.split()) for c in row] for row in rows]]
        widths = [min(max(len(r[i]) for r in table), 60) for i in range(len(header))]
        for row in table:
            cells = [
                c if len(c) <= w else c[: w - 1] + "…" for c, w in zip(row, widths, strict=True)
            ]
            lines.append(
                "  " + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
            )
        lines.append("")
    return "\n".join(lines)
