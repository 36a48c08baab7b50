"""Widgets grouped by what they show: the claim table, the detail pane, the status line."""
