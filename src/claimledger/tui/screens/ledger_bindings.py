"""The ledger screen's keys: each with a stable id (for keys.toml) and a tooltip (for help and footer)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from claimledger.vocab import Permission


def _b(key: str, action: str, label: str, tooltip: str, *, show: bool = True) -> Binding:
    return Binding(
        key, action, label, show=show, id=f"ledger.{action.removeprefix('app.')}", tooltip=tooltip
    )


LEDGER_BINDINGS: list[BindingType] = [
    _b("question_mark", "app.help", "Help", "Show every key and what it does"),
    _b("n", "next_open", "Next", "Next claim still to review (new or in review)"),
    _b("p", "previous_open", "Prev", "Previous claim still to review", show=False),
    _b(
        "e",
        "evidence_status",
        "Status",
        "Set the evidence status: supported, mixed, contradicted…",
    ),
    _b(
        "r",
        "review_state",
        "Review",
        "Set the review state (new, in review, reviewed, verified, dismissed)",
    ),
    _b("i", "start_review", "In review", "Mark as in review: you are working on it", show=False),
    _b(
        "v",
        "verify",
        "Verify",
        "Verify: an editor's sign-off on a reviewed claim with an evidence status",
    ),
    _b("d", "dismiss_claim", "Dismiss", "Dismiss: not worth checking", show=False),
    _b("c", "note", "Note", "Add a note to the claim's history"),
    _b("l", "add_evidence", "Evidence", "Add evidence: a URL, its stance, a note"),
    _b(
        "E",
        "fix_evidence",
        "Fix evidence",
        "Correct a link's URL, stance or note, remove it, or acknowledge a changed page",
        show=False,
    ),
    _b("P", "publish", "Publish", "Publish the fact-check: page, statement, verdict", show=False),
    _b(
        "L",
        "check_links",
        "Links",
        "Re-check this claim's evidence links: alive, dead, moved or changed",
        show=False,
    ),
    _b(
        "F",
        "fact_checks",
        "Fact-checks",
        "Fact-checks other outlets already published about this claim",
        show=False,
    ),
    _b("a", "assign", "Assign", "Assign the claim to someone (blank to unassign)", show=False),
    _b(
        "s",
        "cycle_state",
        "State",
        "Show the next review state: new, in review, reviewed, verified, dismissed, all",
    ),
    _b(
        "f",
        "filter",
        "Filter",
        "Filter by state, evidence, type, source, speaker, assignee, evidence, words",
        show=False,
    ),
    _b(
        "equals_sign",
        "matches",
        "Matches",
        "Confirm or reject the same claim found in other articles",
        show=False,
    ),
    _b(
        "exclamation_mark",
        "conflicts",
        "Conflicts",
        "Figures elsewhere that cannot be true with this claim's: go to one, confirm or dismiss",
        show=False,
    ),
    _b(
        "t",
        "take_verdict",
        "Take verdict",
        "Take the verdict reached on the same claim elsewhere, or update the claims that took it",
        show=False,
    ),
    _b(
        "w",
        "open_link",
        "Open",
        "Open the article (or the first evidence link) in a browser",
        show=False,
    ),
    _b(
        "X",
        "export_view",
        "Export",
        "Export the claims in view (filter, search, state) to CSV, JSON or ClaimReview",
        show=False,
    ),
    _b("m", "mine", "Mine", "Show the claims assigned to you (again: everyone's)", show=False),
    _b(
        "slash",
        "search",
        "Search",
        'Search every claim\'s quotes and notes: words, "phrases", prefix*, OR',
    ),
    _b(
        "escape",
        "clear_view",
        "Clear",
        "Back to the queue: drop filters and search",
        show=False,
    ),
    _b(
        "o",
        "toggle_order",
        "Order",
        "Order by check-worthiness, by demand (how many articles and outlets carry a claim), or by age",
        show=False,
    ),
    _b("space", "mark", "Mark", "Mark or unmark the claim for a bulk action", show=False),
    _b("M", "clear_marks", "Unmark all", "Clear every mark", show=False),
    _b("u", "undo", "Undo", "Undo your last action (recorded in the history too)"),
    _b(
        "ctrl+r",
        "refresh",
        "Refresh",
        "Reload the view: claims you moved on leave it, others' changes show",
        show=False,
    ),
    _b(
        "enter",
        "reader",
        "Read",
        "Read the whole article with its claims; record or reject claims",
        show=False,
    ),
]


NEEDS: dict[str, Permission] = {
    "evidence_status": Permission.EVIDENCE,
    "add_evidence": Permission.EVIDENCE,
    "fix_evidence": Permission.EVIDENCE,
    "verify": Permission.SIGN_OFF,
    "review_state": Permission.TRIAGE,
    "start_review": Permission.TRIAGE,
    "dismiss_claim": Permission.TRIAGE,
    "note": Permission.TRIAGE,
    "assign": Permission.TRIAGE,
    "check_links": Permission.TRIAGE,
    "matches": Permission.TRIAGE,
    "undo": Permission.TRIAGE,
}
"""What each key's action needs of a person's role: keys a role may not use are hidden."""
