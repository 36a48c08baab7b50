"""Text of any length: a paragraph without a sentence end is read in bounded pieces, in one pass."""

from __future__ import annotations

import itertools

import pytest

from claimledger.extract import extract_claims
from claimledger.extract.quantities import find_quantities
from claimledger.extract.sentences import MAX_SENTENCE, split_sentences

_CLAUSE = (
    "the council said 42 percent of the 1,200 residents surveyed in March 2021 paid "
    "more than $3.5 million for road repairs, according to city records; "
)


def test_a_run_on_is_cut_into_pieces_no_longer_than_the_limit() -> None:
    text = _CLAUSE * 200  # about 28,000 characters, no full stop
    spans = split_sentences(text, 0, len(text))
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE for s, e in spans)


def test_a_run_on_is_cut_after_a_clause_break() -> None:
    text = _CLAUSE * 200
    s, e = split_sentences(text, 0, len(text))[0]
    assert text[s:e].endswith(";")


def test_the_pieces_of_a_run_on_cover_its_words() -> None:
    text = _CLAUSE * 50
    spans = split_sentences(text, 0, len(text))
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "") == text.replace(" ", "")


def test_text_without_spaces_is_cut_too() -> None:
    text = "x" * (MAX_SENTENCE * 3 + 5)
    spans = split_sentences(text, 0, len(text))
    assert [e - s for s, e in spans] == [MAX_SENTENCE] * 3 + [5]


def test_a_real_sentence_is_never_cut() -> None:
    sentence = "The council said " + "roads and bridges, " * 40 + "were repaired."
    assert len(sentence) < MAX_SENTENCE
    assert split_sentences(sentence, 0, len(sentence)) == [(0, len(sentence))]


def test_a_long_paragraph_without_a_sentence_end_is_read_to_its_end() -> None:
    text = _CLAUSE * 2000  # about 280 KB: quadratic work here took minutes
    claims = extract_claims(text, published="2024-01-01")
    assert claims
    assert all(text[c.start : c.end] == c.quote for c in claims)
    assert all(len(c.quote) <= MAX_SENTENCE for c in claims)


def test_thousands_of_figures_in_one_span_are_all_read_without_overlap() -> None:
    text = " ".join(f"{n} people" for n in range(10, 5010))
    found = find_quantities(text)
    assert len(found) == 5000
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_a_hedge_reaching_into_the_figure_before_keeps_spans_apart() -> None:
    found = find_quantities("rose 5 percent, over 10 people and about 20 cases")
    assert [q.text for q in found] == ["5 percent", "over 10 people", "about 20 cases"]


def test_a_sentence_reads_at_most_so_many_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph of nothing but numbers (a table pasted flat) is read in bounded work a
    sentence: its claims carry no more than MOST_FIGURES figures each."""
    from claimledger.extract import pipeline, read_article

    text = "Officials said " + ", ".join(f"{n} people" for n in range(10, 20_010)) + " were held."
    unbounded = max(len(c.quantities) for c in read_article(text).claims)
    assert unbounded > 10
    monkeypatch.setattr(pipeline, "MOST_FIGURES", 10)
    claims = read_article(text).claims
    assert claims
    assert max(len(c.quantities) for c in claims) == 10


def test_a_limit_stops_reading_figures() -> None:
    text = " ".join(f"{n} people" for n in range(10, 510))
    assert len(find_quantities(text, most=7)) == 7
    years = " ".join(str(1900 + n % 100) for n in range(1000)) + " and 12 people"
    assert find_quantities(years, most=7) == ()  # years are looked at, and count
