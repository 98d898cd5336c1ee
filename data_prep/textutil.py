"""Small regex helpers shared by the extraction steps: phrase alternations and word-bounded search."""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable


def phrase_pattern(phrases: Iterable[str], *, ignore_case: bool = False) -> re.Pattern[str]:
    """One regex matching any phrase as whole words, longest first; `*` at a word's end is a suffix
    wildcard (``teror*`` matches ``terorisme``)."""
    body = trie_regex(p.lower() if ignore_case else p for p in phrases)
    return re.compile(rf"(?<!\w)(?:{body})(?![\w])", re.IGNORECASE if ignore_case else 0)


def has_any(pattern: re.Pattern[str], text: str) -> bool:
    """True when the pattern occurs anywhere in the text."""
    return pattern.search(text) is not None


def trie_regex(phrases: Iterable[str], space: str = r"\s+", star: str = r"[\w-]*") -> str:
    """One alternation of the phrases, factored by common prefixes (`jan(?:uari|uary)?`), so a regex
    fails fast where no phrase starts instead of trying each phrase in turn. A longer phrase still wins
    over its prefix (greedy optional tails). Spaces become `space`, a `*` becomes `star`; pass phrases
    in lower case for a case-insensitive pattern."""
    trie: dict = {}
    for phrase in set(phrases):
        if not phrase:
            continue
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def piece(ch: str) -> str:
        return space if ch == " " else star if ch == "*" else re.escape(ch)

    def emit(node: dict) -> str:
        branches = [piece(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return emit(trie) or r"(?!x)x"


@lru_cache(maxsize=16384)
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile, remembered: extraction builds patterns from each name and acronym it meets, more than
    the 512 that `re` keeps, and compiling the same ones again cost a tenth of its time."""
    return re.compile(pattern, flags)
