"""Small regex helpers shared by the extraction steps: phrase alternations and word-bounded search."""
from __future__ import annotations

import re
from collections.abc import Iterable


def phrase_pattern(phrases: Iterable[str], *, ignore_case: bool = False) -> re.Pattern[str]:
    """One regex matching any phrase as whole words, longest first; `*` at a word's end is a suffix
    wildcard (``teror*`` matches ``terorisme``)."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        esc = re.escape(p).replace(r"\ ", r"\s+").replace(r"\*", r"[\w-]*")
        parts.append(esc)
    body = "|".join(parts) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{body})(?![\w])", re.IGNORECASE if ignore_case else 0)


def has_any(pattern: re.Pattern[str], text: str) -> bool:
    """True when the pattern occurs anywhere in the text."""
    return pattern.search(text) is not None
