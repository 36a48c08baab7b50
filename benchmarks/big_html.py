"""Time and peak memory of `claimledger extract page.html` on big and hostile generated pages.

    python benchmarks/big_html.py                      # every kind at 1, 4 and 16 MB
    python benchmarks/big_html.py --mb 4 --kind deep   # one kind, one size

Each page is written to a temporary folder and read in its own process, twice: the HTML reader
alone ("read": the page to its article text and metadata, as `extract` and `ingest` read it) and
the whole command (`extract --json`: the claim finder on that text and every claim printed). The CPU
seconds (user + system) and the peak resident memory are that process's own (wait4). "above" is the
peak less the same process's peak on a one-paragraph page (the interpreter with the HTML reader
loaded), and "x" that over the page's size: the reader should stay within a few times the page.

The kinds (each about the size asked, all holding the same kind of article text somewhere):
- article: a news page as sites write them: head with metadata, navigation, an article of many
  paragraphs with a figure every few, scripts and a style block between them, a footer;
- deep: the article's paragraphs each inside a thousand nested elements, then one long chain;
- textnode: the whole article in one text node (one paragraph, no tag inside);
- tiny: the article with every word in its own element (hundreds of thousands of elements);
- attrs: the article's paragraphs each carrying a huge attribute (inline data, long class lists);
- inline: a short article among huge inline scripts, style sheets, SVG drawings and base64 images.
"""

from __future__ import annotations

import argparse
import base64
import html
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

SHAPES = (
    "The city cut {n} bus routes in March, the transit authority said on Tuesday.",
    "Ridership fell by {n} percent between 2019 and 2021, according to Mayor Jane Doe.",
    "Residents say the buses are worse than ever, and many now drive to work instead.",
    "The council will vote on a new budget of ${n} million next week, officials said.",
)
HEAD = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Bus cuts</title>"
    "<meta property='og:title' content='The city cuts its bus routes'>"
    "<meta property='og:site_name' content='City Paper'>"
    "<meta property='article:published_time' content='2021-05-02T08:00:00Z'>"
    "<meta name='author' content='Ann Lee'></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
    "<article><h1>The city cuts its bus routes</h1><p class='byline'>By Ann Lee</p>"
)
TAIL = "</article><footer>Sign up for our newsletter. © City Paper</footer></body></html>"


def paragraphs(rng: random.Random) -> Iterator[str]:
    """Endless paragraphs of four sentences with random figures, HTML-escaped."""
    while True:
        para = " ".join(rng.choice(SHAPES).format(n=rng.randint(2, 999)) for _ in range(4))
        yield html.escape(para)


def _article(rng: random.Random, size: int) -> Iterator[str]:
    script = (
        "<script>window.ads=" + "[" + ",".join(['{"slot":"a","id":12345}'] * 200) + "]</script>"
    )
    style = "<style>" + ".x{color:#123456;margin:0 auto}" * 100 + "</style>"
    for n, para in enumerate(paragraphs(rng)):
        if size <= 0:
            return
        block = f"<p>{para}</p>"
        if n % 5 == 4:
            block += (
                f"<figure><img src='/img/{n}.jpg' alt='A bus'><figcaption>A bus in the city, "
                f"photo {n}.</figcaption></figure>{script}{style}"
            )
        size -= len(block)
        yield block


def _deep(rng: random.Random, size: int) -> Iterator[str]:
    chain = 1000
    for para in paragraphs(rng):
        if size <= 0:
            break
        block = "<div>" * chain + f"<p>{para}</p>" + "</div>" * chain
        size -= len(block)
        yield block
    yield "<div>" * 200_000 + "<p>The end of the chain, the council said.</p>"


def _textnode(rng: random.Random, size: int) -> Iterator[str]:
    yield "<p>"
    for para in paragraphs(rng):
        if size <= 0:
            break
        size -= len(para) + 1
        yield para + " "
    yield "</p>"


def _tiny(rng: random.Random, size: int) -> Iterator[str]:
    for para in paragraphs(rng):
        if size <= 0:
            return
        block = "<p>" + " ".join(f"<span>{w}</span>" for w in para.split()) + "</p>"
        size -= len(block)
        yield block


def _attrs(rng: random.Random, size: int) -> Iterator[str]:
    data = "x" * 200_000
    classes = " ".join(f"c{i}" for i in range(20_000))
    for n, para in enumerate(paragraphs(rng)):
        if size <= 0:
            return
        attr = f"data-state='{data}'" if n % 2 else f"class='{classes}'"
        block = f"<p {attr}>{para}</p>"
        size -= len(block)
        yield block


def _inline(rng: random.Random, size: int) -> Iterator[str]:
    text = paragraphs(rng)
    png = base64.b64encode(rng.randbytes(300_000)).decode("ascii")
    svg_paths = "".join(f"<path d='M{i} {i}L{i + 5} {i + 9}Z'/>" for i in range(4_000))
    js = "var a=" + "[" + ",".join(str(i) for i in range(60_000)) + "];"
    css = ".x{color:#123456;margin:0 auto}" * 8_000
    chunks = (
        f"<script>{js}</script>",
        f"<style>{css}</style>",
        f"<svg viewBox='0 0 100 100'>{svg_paths}</svg>",
        f"<img alt='chart' src='data:image/png;base64,{png}'>",
    )
    n = 0
    while size > 0:
        block = f"<p>{next(text)}</p>{chunks[n % len(chunks)]}"
        size -= len(block)
        n += 1
        yield block


KINDS: dict[str, Callable[[random.Random, int], Iterator[str]]] = {
    "article": _article,
    "deep": _deep,
    "textnode": _textnode,
    "tiny": _tiny,
    "attrs": _attrs,
    "inline": _inline,
}


def write_page(path: Path, kind: str, size: int) -> None:
    """A page of about `size` characters of the given kind."""
    rng = random.Random(1)
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        for chunk in KINDS[kind](rng, size):
            out.write(chunk)
        out.write(TAIL)


def cost(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """CPU seconds, peak MB and exit code of one command, in its own process."""
    child = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode and child.stderr is not None:
        sys.stderr.write(child.stderr.read().decode(errors="replace")[-400:])
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode


def read_only(page: Path) -> None:
    """The child that reads a page as `extract` does and stops there."""
    from claimledger.documents import read_document
    from claimledger.limits import Limits

    read_document(page, Limits(max_article_bytes=page.stat().st_size + 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, action="append", help="sizes (default 1, 4, 16)")
    parser.add_argument("--kind", choices=sorted(KINDS), action="append")
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read:
        read_only(args.read)
        return
    sizes = args.mb or [1.0, 4.0, 16.0]
    exe = str(Path(sys.executable).with_name("claimledger"))
    env = {
        **os.environ,
        "CLAIMLEDGER_MAX_ARTICLE_BYTES": str(int(max(sizes) * 3_000_000)),
        "CLAIMLEDGER_MAX_CLAIMS": "10000000",
    }
    commands = {
        "read": [sys.executable, __file__, "--read"],
        "extract": [exe, "extract", "--json"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.html"
        write_page(small, "article", 1)
        base = {what: cost([*cmd, str(small)], env)[1] for what, cmd in commands.items()}
        print(
            "baseline (a one-paragraph page): peak "
            + ", ".join(f"{what} {mb:.0f} MB" for what, mb in base.items())
        )
        print(
            f"{'kind':<9} {'MB':>5}  {'read: CPU s':>11} {'above':>6} {'x':>5}"
            f"  {'extract: CPU s':>14} {'above':>6} {'x':>5}"
        )
        for kind in args.kind or list(KINDS):
            for mb in sizes:
                page = Path(tmp) / f"{kind}.html"
                write_page(page, kind, int(mb * 1_000_000))
                size = page.stat().st_size / 1e6
                row = f"{kind:<9} {size:5.1f}"
                for what, cmd in commands.items():
                    seconds, peak, code = cost([*cmd, str(page)], env)
                    above = peak - base[what]
                    failed = "" if code == 0 else f" (exit {code})"
                    row += (
                        f"  {seconds:{len(what) + 9}.2f} {above:6.0f} {above / size:5.1f}{failed}"
                    )
                print(row, flush=True)
                page.unlink()


if __name__ == "__main__":
    main()
