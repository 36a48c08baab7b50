"""Whether `w` can open a page, and what to do instead: say so and hand the URL over.

Python's webbrowser quietly does nothing on a server or over ssh, and falls back to a text
browser (lynx, w3m) that would take over the terminal the desk runs in; neither is "opening".
"""

from __future__ import annotations

import webbrowser

from rich.markup import escape


def graphical_browser() -> bool:
    """A browser that opens beside the terminal (not a console browser inside it)."""
    try:
        controller = webbrowser.get()
    except webbrowser.Error:
        return False
    console_only = isinstance(controller, webbrowser.GenericBrowser) and not isinstance(
        controller, webbrowser.BackgroundBrowser
    )
    return not console_only


def no_browser_message(url: str) -> str:
    """Markup: the whole URL as a terminal hyperlink (where the terminal supports them)."""
    safe = escape(url)
    return (
        f"No web browser here. The link is copied to the clipboard (if the terminal allows): "
        f"[link={url.replace('[', '%5B').replace(']', '%5D')}]{safe}[/link]"
    )
