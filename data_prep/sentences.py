"""Sentence splitting with character offsets into the cleaned text, so every fact can point at the
exact sentence that supports it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import read_rows

# Tokens that end in a full stop without ending a sentence (titles, initials, month abbreviations);
# every honorific and rank of the data files written with a full stop (`Hon.`, `Brig.`) is one too.
ABBREVIATIONS = {
    "dr", "drs", "prof", "st", "mr", "mrs", "ms", "jr", "sr", "no", "vs", "etc", "dll", "dsb", "tbk",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "agu", "sep", "sept", "oct", "okt", "nov", "dec",
    "des", "h", "hj", "ir", "u.s", "u.k", "lt", "gen", "col", "capt", "rev",
    # rank abbreviations: `Lieut. Gen.`, `Lieutenant General (Ret.)`, `Brig. Gen.`, `Laksamana TNI (Purn.)`
    "lieut", "ret", "purn", "brig", "maj", "adm", "pol", "atty",
}


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """ABBREVIATIONS plus each dotted word of data/honorifics.csv and data/ranks.csv, lower case."""
    dotted = {w.lower().rstrip(".") for r in read_rows("honorifics") for w in r["honorific"].split() if w.endswith(".")}
    dotted |= {w.lower().rstrip(".") for r in read_rows("ranks") for w in r["rank"].split() if w.endswith(".")}
    return frozenset(ABBREVIATIONS | dotted)


# No real sentence is this long (the corpora's longest has under 500 characters). A text without full
# stops (a list, a table or a page pasted as one line) is cut into pieces of at most this many, so the
# steps that read a sentence at a time stay quick: several of their patterns take time growing with
# the square of a sentence's length (a run of capitalised words, names in one long list).
MAX_SENTENCE_CHARS = 1000

_BOUNDARY = re.compile(r"[.!?]+[\"”’')]*(?=\s+[\"“‘'(]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and its [start, end) offsets in the cleaned article text."""
    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned text (paragraphs separated by blank lines) into sentences with offsets."""
    sentences: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        p_start, chunk = para.start(), para.group()
        cut = 0
        for m in _BOUNDARY.finditer(chunk):
            before = chunk[cut:m.start()].split()
            last = before[-1].lower().rstrip(".") if before else ""
            if last in abbreviations() or re.fullmatch(r"[a-z]", last):
                continue
            _add(sentences, chunk, p_start, cut, m.end())
            cut = m.end()
        _add(sentences, chunk, p_start, cut, len(chunk))
    return sentences


def _add(out: list[Sentence], chunk: str, base: int, a: int, b: int) -> None:
    """The sentence chunk[a:b] without its surrounding spaces; one longer than MAX_SENTENCE_CHARS in
    pieces cut at spaces (at the limit itself where a piece has no space)."""
    piece = chunk[a:b]
    start = base + a + len(piece) - len(piece.lstrip())
    piece = piece.strip()
    while len(piece) > MAX_SENTENCE_CHARS:
        cut = piece.rfind(" ", 1, MAX_SENTENCE_CHARS + 1)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        head, rest = piece[:cut].rstrip(), piece[cut:]
        out.append(Sentence(head, start, start + len(head)))
        start += cut + len(rest) - len(rest.lstrip())
        piece = rest.lstrip()
    if piece:
        out.append(Sentence(piece, start, start + len(piece)))
