"""Article files: front matter a person can edit above the captured text, kept byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.documents import (
    SourceMeta,
    find_documents,
    parse_document,
    read_document,
    render_document,
)
from claimledger.errors import LedgerError

SHIPPED = Path(__file__).resolve().parents[1] / "sources"


def test_front_matter_round_trips_and_body_is_byte_for_byte() -> None:
    body = "Line one.\n\n  Indented “quote” — with trailing spaces   \n\nno final newline"
    meta = SourceMeta(outlet="Paper", title=None, published="2018-08", url="https://p.example/a")
    doc = parse_document(render_document(meta, body).encode(), name="a.txt")
    assert doc.text == body
    assert (doc.meta.outlet, doc.meta.title, doc.meta.published) == ("Paper", None, "2018-08")


def test_a_yaml_date_stays_an_iso_string() -> None:
    doc = parse_document(b"---\npublished: 2010-08-05\n---\nText.", name="a.md")
    assert doc.meta.published == "2010-08-05"


def test_plain_text_without_front_matter() -> None:
    doc = parse_document(b"Just an article.\n", name="a.txt")
    assert doc.text == "Just an article.\n" and doc.meta.outlet is None


def test_unknown_keys_are_kept_as_extra() -> None:
    doc = parse_document(b"---\noutlet: X\nnotes: kept\n---\nText.", name="a.txt")
    assert doc.meta.extra == {"notes": "kept"}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"---\ntitle: [unclosed\n---\nText", "front matter is not valid YAML"),
        (b"---\ntitle: x\nText without a closing fence", "never closes"),
        (b"---\n- a\n- b\n---\nText", "must be a mapping"),
        (b"---\ntitle: x\n---\n   \n", "no article text"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b"abc\x00def", "binary file"),
    ],
)
def test_malformed_articles_get_one_clear_line(raw: bytes, message: str) -> None:
    with pytest.raises(LedgerError, match=message) as info:
        parse_document(raw, name="bad.txt")
    assert "\n" not in str(info.value)
    assert str(info.value).startswith("bad.txt")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="no such file"):
        read_document(tmp_path / "absent.txt")


def test_find_documents_walks_folders_for_articles_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("B.")
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / ".hidden.txt").write_text("H.")
    assert [p.name for p in find_documents([tmp_path])] == ["a.txt", "b.md"]
    with pytest.raises(LedgerError, match="no such file or folder"):
        find_documents([tmp_path / "missing"])


def test_shipped_sources_all_carry_their_metadata() -> None:
    docs = [read_document(p) for p in sorted(SHIPPED.glob("*.txt"))]
    assert len(docs) == 5
    assert all(d.meta.outlet and d.meta.url and d.meta.published for d in docs)
    globe = next(d for d in docs if "boston-globe" in d.name)
    assert globe.meta.title is None  # not established: stays null
