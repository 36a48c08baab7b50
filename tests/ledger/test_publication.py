"""Publication data: recorded per claim with its history, the desk's scale and settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from claimledger.errors import InvalidValue
from claimledger.ledger.publication import statement_problems, suggest_statement
from claimledger.records import DEFAULT_SCALE
from claimledger.service import Ledger
from claimledger.vocab import HistoryAction
from helpers import Cli


@pytest.fixture
def ledger(engine: Engine, seeded: dict[str, int]) -> Ledger:
    ledger = Ledger(engine, "ed")
    ledger.set_publisher(org_name="Checks", url_template="https://checks.example/{id}")
    cid = seeded["c1"]
    ledger.review(cid, evidence_status="contradicted", state="reviewed")
    ledger.review(cid, state="verified")
    return ledger


def test_each_field_changed_is_one_history_entry(ledger: Ledger, seeded: dict[str, int]) -> None:
    cid = seeded["c1"]
    version = ledger.claim(cid).version
    changes = ledger.publish(cid, statement="Ridership fell 30%", rating="False", summary="No.")
    actions = [c.action for c in changes]
    assert actions == [
        HistoryAction.CLAIM_STATEMENT,
        HistoryAction.RATING,
        HistoryAction.REVIEW_SUMMARY,
        HistoryAction.PUBLISHED,
    ]
    history = ledger.history(cid)
    assert [h.action for h in history[-4:]] == actions
    assert all(h.user == "ed" for h in history[-4:])
    assert ledger.claim(cid).version == version + 4
    pub = ledger.publication(cid)
    assert pub is not None and pub.published_by == "ed" and pub.published_at is not None


def test_changing_the_rating_records_before_and_after(
    ledger: Ledger, seeded: dict[str, int]
) -> None:
    cid = seeded["c1"]
    ledger.publish(cid, statement="Ridership fell 30%", rating="False")
    [change] = ledger.publish(cid, rating="mostly FALSE")
    assert (change.before, change.after) == ("False", "Mostly False")
    assert ledger.publish(cid, rating="Mostly False") == []


def test_an_unknown_rating_names_the_scale(ledger: Ledger, seeded: dict[str, int]) -> None:
    with pytest.raises(InvalidValue, match=r"unknown rating 'Pants on Fire'.*Mostly True"):
        ledger.publish(seeded["c1"], statement="x", rating="Pants on Fire")


def test_only_a_verified_claim_with_statement_and_rating_is_published(
    ledger: Ledger, seeded: dict[str, int]
) -> None:
    with pytest.raises(InvalidValue, match="is new: only a verified claim"):
        ledger.publish(seeded["c0"], statement="x", rating="False")
    with pytest.raises(InvalidValue, match="without a short statement"):
        ledger.publish(seeded["c1"], rating="False")
    assert ledger.publication(seeded["c1"]) is None  # refused whole: nothing half-saved
    ledger.publish(seeded["c0"], statement="x", rating="False", published=None)  # a draft
    pub = ledger.publication(seeded["c0"])
    assert pub is not None and pub.published_at is None and pub.rating == "False"


def test_withdrawing_clears_who_and_when(ledger: Ledger, seeded: dict[str, int]) -> None:
    cid = seeded["c1"]
    ledger.publish(cid, statement="x", rating="True")
    [change] = ledger.publish(cid, published=False)
    assert change.action == HistoryAction.PUBLISHED and change.after is None
    pub = ledger.publication(cid)
    assert pub is not None and pub.published_at is None and pub.published_by is None


def test_a_desk_scale_replaces_the_default(ledger: Ledger, seeded: dict[str, int]) -> None:
    scale = ledger.set_rating_scale(["True=3", "Misleading=2", "Pants on Fire=1", "Satire"])
    assert (scale.best, scale.worst) == (3, 1)
    ledger.publish(seeded["c1"], statement="x", rating="pants on fire")
    assert ledger.publishing_settings().scale.find("Satire") is not None
    with pytest.raises(InvalidValue, match="rated 'Pants on Fire', which the new scale lacks"):
        ledger.set_rating_scale(["True=2", "False=1"])


@pytest.mark.parametrize(
    ("specs", "message"),
    [
        ([], "at least one"),
        (["True=5", "true=1"], "twice"),
        (["True=five"], "whole number"),
        (["=3"], "needs words"),
        (["True=1", "False=1"], "two different numbers"),
    ],
)
def test_a_bad_scale_is_refused(ledger: Ledger, specs: list[str], message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        ledger.set_rating_scale(specs)
    assert ledger.publishing_settings().scale == DEFAULT_SCALE


def test_the_template_needs_an_id_and_urls_must_be_web_addresses(ledger: Ledger) -> None:
    with pytest.raises(InvalidValue, match=r"needs \{id\}"):
        ledger.set_publisher(url_template="https://checks.example/latest")
    with pytest.raises(InvalidValue, match="fact-check URL"):
        ledger.publish(1, url="javascript:alert(1)")


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("“Ridership fell by 30 percent.”", "Ridership fell by 30 percent"),
        (
            "The city cut 12 bus routes in March, which left thousands of riders without a bus "
            "to take them to work",
            "The city cut 12 bus routes in March",
        ),
        ("word " * 30, ("word " * 14).strip() + "…"),
    ],
)
def test_the_suggested_statement_is_short(quote: str, expected: str) -> None:
    suggestion = suggest_statement(quote)
    assert suggestion == expected
    assert len(suggestion) <= 75


def test_statement_problems_name_length_and_verdicts() -> None:
    assert statement_problems("Buses are late", DEFAULT_SCALE) == []
    [long] = statement_problems("x" * 80, DEFAULT_SCALE)
    assert "80 characters" in long
    [verdict] = statement_problems("False: buses are late", DEFAULT_SCALE)
    assert "verdict 'False'" in verdict


def test_cli_publish_show_and_scale(
    cli: Cli, ledger_db: str, ledger: Ledger, seeded: dict[str, int]
) -> None:
    cid = str(seeded["c1"])
    db = ("--db", ledger_db)
    result = cli(*db, "publish", cid, "--suggest", "--rating", "Mostly False", "--summary", "Less.")
    assert result.code == 0, result.err
    assert "rating Mostly False" in result.out and "published 20" in result.out
    result = cli(*db, "publish", cid, "--show")
    assert "statement: Ridership fell by 30 percent between 2019 and 2021" in result.out
    assert "published: 20" in result.out and "by " in result.out
    result = cli(*db, "publishing", "scale", "Correct=2", "Incorrect=1", "Satire")
    assert result.code == 1 and "rated 'Mostly False'" in result.err
    result = cli(*db, "publishing", "show")
    assert "Mostly True = 4" in result.out and "Unrateable = no number" in result.out
    result = cli(*db, "publish", cid, "--rating", "Nope")
    assert result.code == 1 and len(result.err.strip().splitlines()) == 1


def test_cli_claimreview_export_reports_refusals(
    cli: Cli, ledger_db: str, ledger: Ledger, seeded: dict[str, int], tmp_path: Path
) -> None:
    import json

    out = tmp_path / "reviews.json"
    db = ("--db", ledger_db)
    result = cli(*db, "export", "-f", "claimreview", "-o", str(out))
    assert result.code == 0
    assert f"claim {seeded['c1']}: nothing recorded for publication" in result.err
    cli(*db, "publish", str(seeded["c1"]), "--statement", "Ridership fell 30%", "--rating", "False")
    result = cli(*db, "export", "-f", "claimreview", "-o", str(out))
    assert "1 claim(s) written" in result.err and "not published" not in result.err
    [review] = json.loads(out.read_text(encoding="utf-8"))
    assert review["url"] == f"https://checks.example/{seeded['c1']}"


def test_a_verdict_is_found_as_a_phrase_not_as_scattered_words() -> None:
    [found] = statement_problems("Mostly false claims about buses", DEFAULT_SCALE)
    assert "'Mostly False'" in found
    [found] = statement_problems("False: buses are mostly late", DEFAULT_SCALE)
    assert "'False'" in found
    assert statement_problems("Trueblood said buses are late", DEFAULT_SCALE) == []


def test_show_prints_the_published_fact_check(
    cli: Cli, ledger_db: str, ledger: Ledger, seeded: dict[str, int]
) -> None:
    cid = str(seeded["c1"])
    cli("--db", ledger_db, "--user", "ed", "publish", cid, "--statement", "Ridership fell 30%",
        "--rating", "Mostly False", "--summary", "It fell \x1b[2J18%.")  # fmt: skip
    result = cli("--db", ledger_db, "show", cid)
    assert result.code == 0, result.err
    section = result.out[result.out.index("publication") :]
    assert f"https://checks.example/{cid} (from the site's template)" in section
    assert "Ridership fell 30%" in section and "Mostly False" in section
    assert "It fell ␛[2J18%." in section  # shown, not obeyed
    assert "published  " in section and " by ed" in section
    assert f"fact-check: https://checks.example/{cid}" in result.out
    data = json.loads(cli("--db", ledger_db, "show", cid, "--json").out)
    assert data["publication"]["rating"] == "Mostly False"
    assert data["publication"]["published_by"] == "ed"
    assert data["publication_url"] == f"https://checks.example/{cid}"


def test_show_says_a_draft_is_not_published_and_nothing_when_nothing_is_recorded(
    cli: Cli, ledger_db: str, ledger: Ledger, seeded: dict[str, int]
) -> None:
    ledger.publish(seeded["c1"], url="https://checks.example/own", rating="False", published=None)
    out = cli("--db", ledger_db, "show", str(seeded["c1"])).out
    assert "draft, not published" in out and "https://checks.example/own" in out
    assert "from the site's template" not in out
    assert "publication" not in cli("--db", ledger_db, "show", str(seeded["c0"])).out
