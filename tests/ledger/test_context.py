"""The paragraph shown around a claim."""

from claimledger.ledger.context import paragraph_bounds


def _para(text: str, quote: str) -> str:
    s = text.index(quote)
    a, b = paragraph_bounds(text, s, s + len(quote))
    return text[a:b]


def test_blank_lines_separate_paragraphs() -> None:
    text = "First para.\n\nThe claim is here. More of it.\n\nLast."
    assert _para(text, "The claim is here.") == "The claim is here. More of it."


def test_hard_wrapped_lines_stay_one_paragraph() -> None:
    text = "Intro.\n\nThe claim starts here and\ncontinues on this line.\n\nEnd."
    assert _para(text, "continues") == "The claim starts here and\ncontinues on this line."


def test_one_paragraph_per_line_when_lines_are_long() -> None:
    long_a = "  1. " + "In 2006 the city signed up. " * 8
    long_b = "  2. " + "When a court ordered statistics to be released, they showed it. " * 3
    text = f"Intro.\n\n{long_a}\n{long_b}\n\nEnd."
    assert _para(text, "When a court ordered") == long_b
