"""Word families: `melindungi`, `perlindungan` and `dilindungi` share the root `lindung`; `protect`,
`protection` and `protecting` share `protect`. Indonesian roots come from PySastrawi (a dictionary-based
stemmer), English stems from the Snowball English stemmer, so a cue written once matches its inflections."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_WORD = re.compile(r"\w+(?:[-.’']\w+)*")


class Token(NamedTuple):
    """One word of a sentence, its offsets in that sentence, and the forms it matches by (a named
    tuple: a sentence makes dozens and a corpus millions, and tuples are quick to make)."""
    text: str
    start: int
    end: int
    forms: frozenset[str]


@lru_cache(maxsize=1)
def _indonesian():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=1)
def _english():
    import snowballstemmer
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=50_000)
def stem(word: str, lang: str) -> str:
    """The root of one lower-case word in `id` or `en` (the word itself for other languages)."""
    if lang == "id":
        return _indonesian().stem(word) or word
    if lang == "en":
        return _english().stemWord(word)
    return word


@lru_cache(maxsize=50_000)
def forms(word: str) -> frozenset[str]:
    """Every form a word can match by: itself (lower case), its Indonesian root and its English stem,
    each tagged with its language so an Indonesian root never meets an English stem by chance."""
    low = word.lower()
    if not low.isalpha():
        return frozenset({low})
    return frozenset({low, "id:" + stem(low, "id"), "en:" + stem(low, "en")})


def tokens(text: str) -> list[Token]:
    """The words of a text with their offsets (hyphenated words and `4.0` stay one token)."""
    return [Token(m.group(), m.start(), m.end(), forms(m.group())) for m in _WORD.finditer(text)]


def cue_keys(cue: str, lang: str) -> list[tuple[str, str]]:
    """A cue as a list of (kind, key) per word: `prefix` for `teror*`, `family` (the root in the cue's
    language) otherwise."""
    out = []
    for word in _WORD.findall(cue.replace("*", "STARSUFFIX")):
        if word.endswith("STARSUFFIX"):
            out.append(("prefix", word[: -len("STARSUFFIX")].lower()))
        else:
            low = word.lower()
            out.append(("family", f"{lang}:{stem(low, lang)}" if low.isalpha() and lang in ("id", "en") else low))
    return out


def token_matches(token: Token, kind: str, key: str) -> bool:
    """Whether a sentence word matches one cue word."""
    if kind == "prefix":
        return token.text.lower().startswith(key)
    return key in token.forms
