"""The HTML report: one section per article, and nothing from an article or a person ever
becomes markup (checked by parsing the page, as a browser would)."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from sqlalchemy.engine import Engine

from claimledger.export.html_report import safe_href, write_html_report
from claimledger.records import ClaimFilter
from claimledger.service import Ledger
from helpers import Cli

HOSTILE_TITLE = '<script>alert("title")</script>'
HOSTILE_QUOTE = 'Fares rose "><img src=x onerror=alert(1)> by 10% \x1b]0;pwned\x07 in 2020.'
HOSTILE_NOTE = "x' onmouseover='alert(1)' \" <b>bold</b>"
HOSTILE_URL = "javascript:alert(document.cookie)"


@dataclass
class Page(HTMLParser):
    """What a browser would build from the page: elements, their attributes, the text."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    stack: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def elements(self, tag: str, cls: str | None = None) -> list[dict[str, str | None]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and (cls is None or cls in (attrs.get("class") or "").split())
        ]


def _parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def _hostile_article(engine: Engine) -> int:
    """An article as an older ledger or an import may hold it: markup in its title, a script
    address, an escape sequence in a claim."""
    from claimledger.db import session_scope
    from claimledger.ledger.anchors import anchor
    from claimledger.ledger.review import record
    from claimledger.models import Claim, Source
    from claimledger.vocab import HistoryAction

    text = f"Intro.\n\n{HOSTILE_QUOTE}\n"
    with session_scope(engine) as session:
        source = Source(
            path="hostile.txt",
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            outlet='Outlet" onload="x',
            title=HOSTILE_TITLE,
            url=HOSTILE_URL,
            text=text,
        )
        session.add(source)
        session.flush()
        start = text.index(HOSTILE_QUOTE)
        a = anchor(text, start, start + len(HOSTILE_QUOTE))
        claim = Claim(
            source_id=source.id,  # type: ignore[arg-type]
            quote=HOSTILE_QUOTE,
            start=a.start,
            end=a.end,
            prefix=a.prefix,
            suffix=a.suffix,
            type="quantity",
            score=0.9,
            speaker="<i>Mayor</i>",
        )
        session.add(claim)
        session.flush()
        claim.version = 0
        record(claim, HistoryAction.CREATED, session=session, user="seed", after="new")
        return claim.id  # type: ignore[return-value]


def _report(ledger: Ledger, flt: ClaimFilter = ClaimFilter()) -> str:
    out = io.StringIO()
    write_html_report(
        ledger.report(),
        ledger.report_articles(flt),
        out,
        scope="every claim",
        generated=datetime(2026, 12, 1, tzinfo=UTC),
        settings=ledger.publishing_settings(),
    )
    return out.getvalue()


@pytest.fixture
def ledger(engine: Engine, seeded: dict[str, int]) -> Ledger:
    ledger = Ledger(engine, "ed")
    hostile = _hostile_article(engine)
    ledger.review(hostile, note=HOSTILE_NOTE)
    ledger.add_evidence(seeded["c1"], "https://stats.example/ridership", "refutes", HOSTILE_NOTE)
    ledger.set_publisher(org_name="Checks", url_template="https://checks.example/{id}")
    ledger.review(seeded["c1"], evidence_status="contradicted", state="reviewed")
    ledger.review(seeded["c1"], state="verified")
    ledger.publish(seeded["c1"], statement="Ridership fell 30%", rating="Mostly False")
    return ledger


def test_one_section_per_article_with_its_claims(ledger: Ledger, seeded: dict[str, int]) -> None:
    page = _parse(_report(ledger))
    sections = page.elements("section", "article")
    assert [s["id"] for s in sections] == [f"article-{seeded['source']}", "article-2"]
    assert len(page.elements("li", "claim")) == 4
    assert {a["id"] for a in page.elements("li", "claim")} >= {f"claim-{seeded['c1']}"}
    assert len(page.elements("div", "verdict")) == 1
    text = "".join(page.text)
    assert "Mostly False" in text and "Ridership fell 30%" in text


def test_the_filter_chooses_the_claims_and_articles_without_one_are_left_out(
    ledger: Ledger, seeded: dict[str, int]
) -> None:
    page = _parse(_report(ledger, ClaimFilter(states=("verified",))))
    assert [s["id"] for s in page.elements("section", "article")] == [f"article-{seeded['source']}"]
    assert [a["id"] for a in page.elements("li", "claim")] == [f"claim-{seeded['c1']}"]


def test_hostile_words_stay_words(ledger: Ledger) -> None:
    html = _report(ledger)
    page = _parse(html)
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "img", "b", "i", "iframe", "object"}
    for _, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], attrs
    text = "".join(page.text)
    assert HOSTILE_TITLE in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "<i>Mayor</i>" in text
    assert HOSTILE_NOTE in text  # the note, quotes and all, as text
    assert 'Outlet" onload="x' in text


def test_only_http_addresses_become_links(ledger: Ledger) -> None:
    page = _parse(_report(ledger))
    hrefs = [a["href"] for a in page.elements("a")]
    assert hrefs and all(h and h.startswith(("http://", "https://")) for h in hrefs)
    assert "https://stats.example/ridership" in hrefs
    assert any(h and h.startswith("https://checks.example/") for h in hrefs), hrefs
    assert HOSTILE_URL in "".join(page.text)  # shown, not followed
    assert all(a.get("rel") == "noopener noreferrer nofollow" for a in page.elements("a"))


def test_terminal_escapes_are_shown_as_pictures(ledger: Ledger) -> None:
    html = _report(ledger)
    assert "\x1b" not in html and "\x07" not in html
    assert "␛]0;pwned␇" in "".join(_parse(html).text)


def test_the_page_is_self_contained_with_print_styles(ledger: Ledger) -> None:
    html = _report(ledger)
    page = _parse(html)
    assert not page.elements("link") and not page.elements("script")
    assert all(not (a.get("src") or "") for _, a in page.tags)
    assert "@media print" in html and "url(" not in html
    assert page.elements("meta")[0] == {"charset": "utf-8"}


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("\tjavascript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("//evil.example/", False),
        ("https://", False),
        ("/relative/path", False),
        ("ftp://files.example/a", False),
    ],
)
def test_safe_href(url: str, linked: bool) -> None:
    assert (safe_href(url) == url) is linked


def test_an_empty_selection_says_so(engine: Engine, seeded: dict[str, int]) -> None:
    page = _parse(_report(Ledger(engine, "ed"), ClaimFilter(states=("verified",))))
    assert not page.elements("section", "article")
    assert "No claims to show" in "".join(page.text)


def test_the_cli_writes_the_page(cli: Cli, ledger_db: str, seeded: dict[str, int]) -> None:
    result = cli("--db", ledger_db, "report", "--format", "html", "--state", "all")
    assert result.code == 0, result.err
    page = _parse(result.out)
    assert len(page.elements("section", "article")) == 1
    assert len(page.elements("li", "claim")) == 3


def test_state_is_for_the_reports_with_articles_only(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    for fmt in ("text", "json"):
        result = cli("--db", ledger_db, "report", "--format", fmt, "--state", "all")
        assert result.code != 0
        assert "--state" in result.err


def _markdown(ledger: Ledger, flt: ClaimFilter = ClaimFilter()) -> str:
    from claimledger.export.markdown_articles import markdown_articles

    return "\n".join(markdown_articles(ledger.report_articles(flt), ledger.publishing_settings()))


def test_markdown_has_each_article_with_claims_verdicts_notes_and_links(
    ledger: Ledger, seeded: dict[str, int]
) -> None:
    text = _markdown(ledger)
    assert text.count("\n### ") == 2  # the seeded article and the hostile one
    assert "Mostly False — Ridership fell 30%" in text
    assert "<https://stats.example/ridership>" in text
    assert "<https://checks.example/" in text  # the fact-check page from the site's template
    assert "*Note*" in text


def test_markdown_keeps_hostile_words_as_words(ledger: Ledger) -> None:
    text = _markdown(ledger)
    # every character Markdown or HTML would read as markup is escaped, the script address is
    # not a link, the escape sequence is shown as a picture and never reaches the file raw
    assert "\\<script\\>" in text and "\\<img" in text and "\\<b\\>" in text
    assert "(javascript:" not in text and "<javascript:" not in text
    assert "\x1b" not in text and "\x07" not in text
    for opened in re.finditer(r"(?<!\\)<", text):  # an unescaped "<" opens an autolink only
        assert text.startswith(("<http://", "<https://"), opened.start()), text[opened.start() :]


def test_markdown_report_from_the_cli(cli: Cli, ledger_db: str, seeded: dict[str, int]) -> None:
    everything = cli("--db", ledger_db, "report", "--format", "markdown", "--state", "all")
    assert everything.code == 0, everything.err
    assert "## By review state" in everything.out and "## Articles" in everything.out
    assert everything.out.count("\n### ") == 1
    verified = cli("--db", ledger_db, "report", "--format", "markdown")
    assert "(no claims in the chosen review states)" in verified.out
