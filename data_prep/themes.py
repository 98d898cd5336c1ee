"""Step 6, themes: every sentence that supports a theme of the codebook, with the cue that shows it.
Cues live in data/theme_cues.csv (Indonesian and English) and match whole word families (`melindungi`
finds `perlindungan`; `protect*` is a prefix). A sentence qualifies on one strong cue, or on weak cues
from two different groups (`Twitter` + `pemerintah`). A cue inside the proper name of an organisation
or office (`Ministry of Economy, Trade and Industry`, `Menteri Ekonomi Digital`) is not evidence."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .resources import read_rows
from .sentences import Sentence
from .wordforms import Token, cue_keys, token_matches, tokens

PREFIX_INDEX = 3   # prefix cues (`teror*`) are looked up by their first three letters

# How reliable each way of finding a theme is (codebook: method).
CONFIDENCE = {"cue": 0.85, "word_family": 0.75, "weak_cues": 0.6}


@dataclass(frozen=True)
class ThemeHit:
    """One sentence supporting one theme, and the cue (with offsets) that first showed it."""
    theme: str
    sentence: Sentence
    cue: str
    cue_start: int
    cue_end: int
    method: str = "cue"   # cue (as written), word_family (another inflection), weak_cues (two weak groups)
    confidence: float = CONFIDENCE["cue"]


@dataclass(frozen=True)
class _Cue:
    theme: str
    text: str
    keys: tuple[tuple[str, str], ...]
    strong: bool
    group: str


@lru_cache(maxsize=1)
def theme_codes() -> tuple[str, ...]:
    """Theme codes in codebook order (data/themes.csv)."""
    return tuple(r["code"] for r in read_rows("themes"))


@lru_cache(maxsize=1)
def _cues() -> tuple[_Cue, ...]:
    codes = set(theme_codes())
    out = []
    for r in read_rows("theme_cues"):
        if r["theme"] not in codes:
            raise ValueError(f"theme_cues.csv: unknown theme {r['theme']!r} (not in themes.csv)")
        out.append(_Cue(r["theme"], r["cue"], tuple(cue_keys(r["cue"], r["lang"])), r["strength"] == "strong",
                        r["group"]))
    return tuple(out)


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    """Words that open the proper name of an organisation or office (data/name_heads.csv)."""
    return frozenset(r["word"] for r in read_rows("name_heads"))


@lru_cache(maxsize=1)
def _name_joiners() -> frozenset[str]:
    return frozenset(r["word"] for r in read_rows("name_joiners"))


def _inside_a_name(words: list[Token], i: int, text: str) -> bool:
    """Whether the capitalised word at `i` belongs to an organisation's or office's proper name: walking
    left over capitalised words and joiners (`of`, `dan`, `,`) reaches a name head (`Ministry`, `Badan`)."""
    if not words[i].text[:1].isupper():
        return False
    j = i
    while j > 0:
        prev = words[j - 1]
        gap = text[prev.end:words[j].start].strip()
        if gap not in ("", ","):
            return False
        if prev.text in _name_heads():
            return True
        if not (prev.text[:1].isupper() or prev.text in _name_joiners()):
            return False
        j -= 1
    return words[i].text in _name_heads()


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[_Cue]], dict[str, tuple[_Cue, ...]]]:
    """Cues by the key of their first word (family cues), and the cues that open with a prefix."""
    by_key: dict[str, list[_Cue]] = defaultdict(list)
    prefixed: dict[str, list[_Cue]] = defaultdict(list)   # by the prefix's first letters ("" if shorter)
    for cue in _cues():
        kind, key = cue.keys[0]
        if kind == "prefix":
            prefixed[key[:PREFIX_INDEX] if len(key) >= PREFIX_INDEX else ""].append(cue)
        else:
            by_key[key].append(cue)
    return dict(by_key), {k: tuple(v) for k, v in prefixed.items()}


@lru_cache(maxsize=200_000)
def _openers(text: str, forms: frozenset[str]) -> tuple[_Cue, ...]:
    """The cues whose first word this word matches, by its family or a prefix (the same for every
    occurrence of the word, so worked out once)."""
    by_key, prefixed = _index()
    candidates = [c for f in sorted(forms) for c in by_key.get(f, ())]   # sorted: a set's order varies by run
    low = text.lower()
    candidates += [c for c in prefixed.get(low[:PREFIX_INDEX], ()) + prefixed.get("", ())
                   if low.startswith(c.keys[0][1])]
    return tuple(candidates)


def _matches(words: list[Token], text: str) -> list[tuple[_Cue, int, int, bool]]:
    """Every cue occurrence in the words: (cue, start, end offsets in the sentence, written exactly)."""
    found = []
    for i, word in enumerate(words):
        candidates = _openers(word.text, word.forms)
        if not candidates:
            continue
        hits = [c for c in candidates if i + len(c.keys) <= len(words)
                and all(token_matches(words[i + k], *c.keys[k]) for k in range(1, len(c.keys)))]
        if not hits or _inside_a_name(words, i, text):
            continue
        matched = []
        for cue in dict.fromkeys(hits):
            last = words[i + len(cue.keys) - 1]
            exact = "*" in cue.text or text[word.start:last.end].lower() == cue.text.lower()
            matched.append((cue, word.start, last.end, exact))
        found += sorted(matched, key=lambda m: not m[3])   # a cue written as in the text before a word family
    # The longest cue wins (as spaCy's filter_spans): `perdagangan orang` (trafficking) hides the
    # `perdagangan` (trade) inside it.
    return [m for m in found if not any(o[1] <= m[1] and m[2] <= o[2] and o[2] - o[1] > m[2] - m[1]
                                        for o in found)]


def find_themes(sentence: Sentence) -> list[ThemeHit]:
    """The themes one sentence supports, each with its first strong cue (or first weak one)."""
    text = sentence.text
    hits: dict[str, list] = defaultdict(list)
    for m in _matches(tokens(text), text):
        hits[m[0].theme].append(m)
    out = []
    for theme in theme_codes():
        ms = hits.get(theme, [])
        strong = [m for m in ms if m[0].strong]
        groups = {m[0].group for m in ms if not m[0].strong}
        if not strong and len(groups) < 2:
            continue
        cue, start, end, exact = min(strong or ms, key=lambda m: m[1])
        method = "weak_cues" if not strong else ("cue" if exact else "word_family")
        out.append(ThemeHit(theme, sentence, text[start:end], sentence.start + start, sentence.start + end,
                            method, CONFIDENCE[method]))
    return out
