"""Text from articles, notes and pages made safe to show on a terminal.

An article can carry escape sequences (`ESC ] 0;title BEL` retitles the window, `ESC [2J` clears
the screen) and Unicode direction controls (U+202E turns the rest of a line around). Written as
they are, they act on the reader's terminal instead of being read. `visible` replaces each such
character with one visible character, so a sequence is seen rather than obeyed, and every offset
into the text (a claim's span, a selection in the reader) stays where it was:

- C0 controls and DEL become their Unicode control pictures: ESC is `␛`, BEL `␇`, NUL `␀`;
  newline and tab are kept (layout), and so is a carriage return before a newline;
- C1 controls (U+0080-U+009F), direction embeddings, overrides, isolates and marks
  (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) and the line and paragraph
  separators (U+2028, U+2029) become `�` (U+FFFD).

Only what is shown changes: the ledger and the exports keep the text as it was written.
`plain` wraps the result in a Rich `Text`, which Rich and Textual never read as markup, so
`[bold red]` or `[link=...]` in an article is shown as written.
"""

from __future__ import annotations

import re

from rich.text import Text

REPLACEMENT = "\ufffd"
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_PICTURES[0x7F] = "\u2421"
_KEPT = {ord("\n"), ord("\t")}
_INVISIBLE = [
    *range(0x80, 0xA0),
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x200E,
    0x200F,
    0x061C,
    0x2028,
    0x2029,
]
TABLE: dict[int, str] = {
    **{code: pic for code, pic in _PICTURES.items() if code not in _KEPT},
    **dict.fromkeys(_INVISIBLE, REPLACEMENT),
}
_UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(TABLE)) + "]")
_CRLF = "\r\n"


def is_safe(text: str) -> bool:
    """True when nothing in the text would act on a terminal (a carriage return counts)."""
    return _UNSAFE.search(text) is None


def visible(text: str) -> str:
    """The text with every control, escape and direction character shown, one for one."""
    if is_safe(text):
        return text
    if _CRLF in text:  # a Windows line end is a line end, not an attack
        return _CRLF.join(part.translate(TABLE) for part in text.split(_CRLF))
    return text.translate(TABLE)


def json_safe(text: str) -> str:
    """JSON text with each character that would act on a terminal written as its `\\u` escape:
    the same data for a program reading it, nothing obeyed on a screen showing it (JSON already
    escapes ESC and BEL; with non-ASCII kept as it is, C1 controls and direction marks were not)."""
    if is_safe(text):
        return text
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def plain(text: str | None, style: str = "") -> Text:
    """Ledger text for Rich or Textual: made visible, and never read as markup."""
    return Text(visible(text or ""), style=style)
