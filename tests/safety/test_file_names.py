"""Line 'Path traversal': a file named from page data is a bounded slug inside sources/."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

import pytest

from claimledger.errors import LedgerError
from claimledger.ledger.fetch_source import inside, source_file_name
from helpers import Cli

HOSTILE_DATES = [
    "../../../x",
    "/etc/passwd",
    "/tmp/2020-01-01",
    "C:\\..\\..\\x",
    "..\\..\\win",
    "2020-01-01\x00../../x",
    "9" * 5000,
    "２０２０-０１-０１／..／x",
    "2020-01-01\u202e/../x",
    "CON",
    "nul",
    "2020-13-45",
    "",
]


@pytest.mark.parametrize("published", HOSTILE_DATES)
def test_a_hostile_date_gives_a_plain_bounded_name(published: str) -> None:
    name = source_file_name(published, "Border agents sent to Boston")
    stem, suffix = name.rsplit(".", 1)
    assert suffix == "txt"
    assert stem.replace("-", "").isalnum() and stem.isascii()
    assert len(name) <= 104
    assert stem.split("-")[0] not in {"con", "nul"}


@pytest.mark.parametrize("title", ["../../etc/passwd", "CON", "\x1b[2J", "x" * 10_000, "／..／"])
def test_a_hostile_title_gives_a_plain_bounded_name(title: str) -> None:
    name = source_file_name(None, title)
    assert "/" not in name and "\\" not in name and ".." not in name
    assert len(name) <= 104 and name.isascii()


def test_a_real_date_is_kept() -> None:
    assert source_file_name("2020-02-14T18:00:00Z", "Agents") == "2020-02-14-agents.txt"
    assert source_file_name("2020-02-30", "Agents") == "undated-agents.txt"


def test_a_path_that_resolves_outside_the_folder_is_refused(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (tmp_path / "outside.txt").write_text("x")
    (sources / "link.txt").symlink_to(tmp_path / "outside.txt")
    with pytest.raises(LedgerError, match="outside"):
        inside(sources, "link.txt")
    with pytest.raises(LedgerError, match="outside"):
        inside(sources, "../x.txt")
    assert inside(sources, "a.txt") == sources / "a.txt"


@pytest.mark.parametrize("published", HOSTILE_DATES[:9])
@pytest.mark.parametrize("where", ["published", "json_ld"])
def test_ingest_url_writes_only_inside_sources(
    cli: Cli, tmp_path: Path, hostile: str, published: str, where: str
) -> None:
    work = tmp_path / "a" / "b" / "c"
    sources = work / "sources"
    work.mkdir(parents=True)
    before = {p for p in tmp_path.rglob("*")}
    url = f"{hostile}/dated?" + urlencode({where: published})
    result = cli("--db", str(work / "l.db"), "ingest", url, "--sources-dir", str(sources), "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)[0]["added"]
    made = {p for p in tmp_path.rglob("*")} - before
    files = [p for p in made if p.is_file() and not p.name.startswith("l.db")]
    [saved] = files
    assert saved.parent == sources
    assert saved.name.endswith("-border-agents-sent-to-boston.txt")
