"""`w` with no browser says so and hands the URL over, whole."""

from __future__ import annotations

import webbrowser

import pytest

from claimledger.tui.browser import graphical_browser, no_browser_message
from tui.support import Db, MakeApp, settle


def _no_browser() -> webbrowser.BaseBrowser:
    raise webbrowser.Error("could not locate runnable browser")


async def test_w_without_a_browser_copies_the_url(
    db: Db, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(webbrowser, "get", _no_browser)
    opened: list[str] = []
    app = make_app(db.path)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert opened == []
        assert app.clipboard == "https://news.example/bus"
        assert any("No web browser" in m and "https://news.example/bus" in m for m in messages)
        assert not any(m.startswith("Opening") for m in messages)


def test_a_console_browser_is_no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webbrowser, "get", lambda: webbrowser.GenericBrowser("lynx"))
    assert not graphical_browser()
    monkeypatch.setattr(webbrowser, "get", lambda: webbrowser.BackgroundBrowser("firefox"))
    assert graphical_browser()
    monkeypatch.setattr(webbrowser, "get", _no_browser)
    assert not graphical_browser()


def test_the_message_keeps_the_url_whole_and_safe() -> None:
    url = "https://example.org/a[b]/c?d=1&e=[x]"
    message = no_browser_message(url)
    from rich.text import Text

    assert url in Text.from_markup(message).plain
