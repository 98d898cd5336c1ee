"""Step 5, people: attendees and speakers with their title and organisation as written
(`Menteri Luar Negeri RI Budi Santoso` -> name `Budi Santoso`, title `Menteri Luar Negeri RI`,
country IDN). Office words, modifiers, ranks, honorifics, organisation words and list cues come
from data files; the rules here only say how they combine:

- a title is a run of office words (`Wakil` + `Menteri`) plus its complement (of/for/dan ...,
  organisation words, acronyms in brackets) up to the personal name;
- a name is a run of 1-5 capitalised tokens outside the organisation/place vocabulary, with any
  leading honorific or rank moved into the title."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .countries import demonyms, find_countries, gazetteer
from .places import find_places
from .resources import cues, read_rows
from .sentences import Sentence
from .textutil import compiled, phrase_pattern, trie_regex

_UPPER = "A-ZÀ-ÖØ-ÞĐƠƯ"
_TOKEN = rf"(?:[{_UPPER}][\w'’-]*\.?|[{_UPPER}]\.)"
_BRACKET = r"\([^()]{1,80}\)"
MAX_NAME_TOKENS = 5

# How reliable each rule is (the `confidence` of its PersonMention).
CONFIDENCE = {
    "title_before_name": 0.85, "name_then_title": 0.85, "name_bracket_title": 0.85,
    "rank_or_honorific": 0.75, "enumeration": 0.7, "speaker_verb": 0.7, "according_to": 0.7,
    "name_from_org": 0.6, "surname_reference": 0.6,
}


@dataclass(frozen=True)
class PersonMention:
    """One person found in one sentence."""
    name: str
    title: str | None
    organization: str | None
    iso3: str | None
    official: bool
    sentence: Sentence
    method: str = "title_before_name"   # the rule that found the name (see codebook: method)
    confidence: float = 0.8             # 0..1, how sure that rule is; reviewers sort by the weakest


# --- vocabularies (data files) -------------------------------------------------------------------

@lru_cache(maxsize=1)
def _titles() -> dict[str, dict[str, str]]:
    """Office heads (`Menteri`, `Direktur Jenderal`, `Minister`), keyed by their lower-case form."""
    return {" ".join(r["title"].replace(",", " ").split()).lower(): r for r in read_rows("titles")}


@lru_cache(maxsize=1)
def _modifiers() -> tuple[str, ...]:
    """Words that make a new office out of any head: `Wakil`, `Deputy`, `Acting`."""
    return tuple(r["modifier"] for r in read_rows("title_modifiers"))


@lru_cache(maxsize=1)
def _honorifics() -> tuple[str, ...]:
    return tuple(sorted((r["honorific"] for r in read_rows("honorifics")), key=len, reverse=True))


@lru_cache(maxsize=1)
def _ranks() -> tuple[str, ...]:
    return tuple(sorted((r["rank"] for r in read_rows("ranks")), key=len, reverse=True))


@lru_cache(maxsize=1)
def _org_aliases() -> dict[str, str]:
    return {r["alias"]: r["iso3"] for r in read_rows("org_aliases")}


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    """Capitalised words of organisation names (`Kementerian`, `Agency`, `University`)."""
    return frozenset(r["word"] for r in read_rows("org_words"))


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Organisation words that head a non-government body's name (`University`, `Yayasan`): a
    country next to one is part of that name, not a delegation."""
    return frozenset(r["word"] for r in read_rows("org_words") if r["head"] == "true")


@lru_cache(maxsize=None)
def _list_cues(kind: str) -> tuple[str, ...]:
    return tuple(r["cue"] for r in read_rows("list_cues") if r["kind"] == kind)


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Capitalised words that cannot be part of a person's name: places, countries, organisation
    words and aliases, office words, ranks, demonyms and sentence-opening function words."""
    words = {r["word"] for r in read_rows("place_words")}
    for surface in list(gazetteer()) + list(_org_aliases()) + [r["city"] for r in read_rows("cities")]:
        if len(surface.split()) == 1:  # words of longer names (`San`, `Baru`) can be personal names
            words.add(surface)
    for title in read_rows("titles"):
        words.update(title["title"].replace(",", " ").split())
    for phrase in _modifiers() + _ranks():
        words.update(phrase.split())
    words.update(org_words())
    words.update(r["word"] for r in read_rows("not_name_words"))
    words.update(demonyms())
    for h in _honorifics():
        words.difference_update(h.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _connectors() -> str:
    """Lower-case words inside a title's complement (`Menteri Komunikasi dan Digital`, `Minister for X`)."""
    return _alternation(r["word"] for r in read_rows("title_connectors"))


def _alternation(phrases, fold: bool = False) -> str:
    """One regex alternation of the phrases (a space may take a comma), factored by prefix; `fold`
    lower-cases them for use inside a case-insensitive group."""
    return trie_regex((p.lower() if fold else p for p in phrases), space=r",?\s+")


@lru_cache(maxsize=1)
def _office_regex() -> str:
    """An office: modifiers then a head, case-insensitive (`Wakil Menteri`, `deputy prime minister`)."""
    heads = _alternation((r["title"] for r in read_rows("titles")), fold=True)
    mods = _alternation(_modifiers(), fold=True)
    return rf"(?i:(?:(?:{mods})\s+)*(?:{heads}))(?![\w-])"


@lru_cache(maxsize=1)
def _country_names() -> tuple[str, str]:
    """Alternations of the country names and of the demonyms, their words apart by spaces only (not
    the comma `_alternation` allows in titles): what one matches is a key of the gazetteer or of the
    demonyms once its spaces are made single (`Selandia, Baru` is not New Zealand)."""
    return trie_regex(gazetteer(), space=r"\s+"), trie_regex(demonyms(), space=r"\s+")


def _country_code(surface: str) -> str | None:
    """The ISO3 code of a country name or demonym as written (any spacing), or None."""
    key = " ".join(surface.split())
    return gazetteer().get(key) or demonyms().get(key)


@lru_cache(maxsize=1)
def _country_prefix() -> str:
    country, demonym = _country_names()
    return rf"(?:{demonym}|(?:{country})['’]s)"


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    token = rf"(?:(?:{_lead_regex()})(?=\s)|(?!{_office_regex()}){_TOKEN})"   # a rank may hold an office word (`Mayor Jenderal`)
    return re.compile(
        rf"(?<![\w-])(?:(?P<pre>{_country_prefix()})\s+)?(?P<title>{_office_regex()})"
        rf"(?P<rest>(?:,?\s+(?:(?:{_connectors()}|{_alternation(_particles())})\s+)?(?:{token}|{_BRACKET}))*)"
    )


@lru_cache(maxsize=1)
def _lead_regex() -> str:
    """Honorifics and ranks that may stand before a name (`Dato' Sri`, `Komjen Pol`, `Lieut. Gen.`)."""
    return _alternation(_honorifics() + _ranks())


@lru_cache(maxsize=1)
def _lead_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’.-])(?P<lead>(?:(?:{_lead_regex()})(?=\s)\s+)+)"
                      rf"(?P<name>{_name_run()})")


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """Lower-case particles inside a name (`Izzad Zalman bin Abdul Kader`, `Anna van Dijk`)."""
    return frozenset(r["particle"] for r in read_rows("name_particles"))


@lru_cache(maxsize=1)
def _name_run() -> str:
    """A run of capitalised name tokens, with particles allowed between them."""
    return rf"{_TOKEN}(?:\s+(?:(?:{_alternation(_particles())})\s+)?{_TOKEN}){{0,{MAX_NAME_TOKENS + 3}}}"


@lru_cache(maxsize=1)
def _name_bracket_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?P<name>{_name_run()})\s*\((?P<title>[^()]{{3,160}})\)")


@lru_cache(maxsize=1)
def _name_from_pattern() -> re.Pattern[str]:
    """`Name dari/from Organisation`."""
    return re.compile(rf"(?<![\w-])(?P<name>{_name_run()})\s+(?:{_alternation(_list_cues('from'))})\s+"
                      rf"(?P<org>{_TOKEN}(?:\s+(?:{_connectors()}|{_TOKEN}))*)")


@lru_cache(maxsize=1)
def _according_to_pattern() -> re.Pattern[str]:
    """`Menurut Name,` / `According to Name,`."""
    return re.compile(rf"(?i:\b(?:{_alternation(_list_cues('according_to'), fold=True)}))\s+(?P<name>{_name_run()}),")


# --- token helpers ---------------------------------------------------------------------------

def _is_tail_word(token: str) -> bool:
    """Tokens that belong to a title's tail, never to a name: countries, cities, organisation words
    and aliases, acronyms (`UNDP`), bracketed parts and CamelCase names (`DiploFoundation`)."""
    if token.startswith("("):
        return True
    bare = token.rstrip(".,")
    if "-" in bare.strip("-") and any(_is_tail_word(part) for part in bare.split("-") if part):
        return True  # `SOMTC-Indonesia`, `ASEAN-Japan`
    return (bare in _not_name_words() or token in _not_name_words() or bool(re.search(r"[a-z][A-Z]", bare))
            or (bare.isupper() and len(bare) > 2) or bare.endswith(("'s", "’s")))


@lru_cache(maxsize=1)
def _lead_phrases() -> dict[str, list[list[str]]]:
    """Honorific and rank phrases as word lists, by their first word, longest first."""
    out: dict[str, list[list[str]]] = {}
    for phrase in _honorifics() + _ranks():
        parts = phrase.split()
        out.setdefault(parts[0], []).append(parts)
    return {k: sorted(v, key=len, reverse=True) for k, v in out.items()}


def _split_lead(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split leading honorifics and ranks (`Dato'`, `Tan Sri`, `Komjen Pol`, `Lieut. Gen.`) off a
    name: (lead, name). A stray final full stop is dropped from the name."""
    lead: list[str] = []
    by_first = _lead_phrases()
    while tokens:
        for parts in by_first.get(tokens[0].replace("’", "'"), ()):
            head = [t.replace("’", "'") for t in tokens[:len(parts)]]   # `Dato’` is `Dato'`
            if head == parts and len(tokens) > len(parts):
                lead, tokens = lead + tokens[:len(parts)], tokens[len(parts):]
                break
        else:
            break
    if tokens and tokens[-1].endswith(".") and len(tokens[-1]) > 2:
        tokens = tokens[:-1] + [tokens[-1].rstrip(".")]
    return lead, tokens


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern[str]:
    return phrase_pattern(list(gazetteer()) + [r["city"] for r in read_rows("cities")])


def _in_place_name(tokens: list[str]) -> set[int]:
    """Indices of tokens inside a multi-word country name (`Selandia Baru`) or a well-known city
    (`Jakarta`, `Kuala Lumpur`; places.py, GeoNames)."""
    starts, pos = [], 0
    joined = " ".join(tokens)
    for t in tokens:
        starts.append(pos)
        pos += len(t) + 1
    spans = [(m.start(), m.end()) for m in _place_pattern().finditer(joined) if " " in m.group()]
    spans += [(p.char_start, p.char_end) for p in find_places(joined) if p.confidence >= 0.9]
    return {i for i, st in enumerate(starts) for a, b in spans if a <= st < b}


def _courtesy_at_end(tail: list[str]) -> int:
    """How many tokens at the end of a title's tail are a rank or honorific that stands before the
    name (`... Public Security Lieut. Gen.`, `... Polri Komjen Pol`), not part of the office
    (`Direktur Jenderal` keeps `Jenderal`)."""
    joined = [t.replace("’", "'") for t in tail]
    if not joined or (joined[-1] not in _honorific_words() and joined[-1] not in _rank_words()):
        return 0
    for phrase in sorted(_honorifics() + _ranks(), key=lambda ph: -len(ph.split())):   # the longest first
        parts = phrase.split()
        k = len(parts)
        if 0 < k < len(joined) and joined[-k:] == parts and not _office_across(tail, len(tail) - k):
            return k
    return 0


def _office_across(tokens: list[str], at: int) -> bool:
    """Whether an office head starts before token `at` and runs into it (`Direktur Jenderal`: the
    rank word `Jenderal` belongs to the office), so the tokens from `at` are not a rank of their own."""
    heads, _ = _title_heads_pattern()
    key = " ".join(tokens).lower()
    cut = len(" ".join(tokens[:at]))
    starts = [len(" ".join(tokens[:i])) + (1 if i else 0) for i in range(at)]
    return any((m := heads.match(key, p)) and m.end() > cut for p in starts)


def _trailing_name(tokens: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(tail, lead, name) of a run of capitalised tokens: the name follows the last organisation,
    place or office word and any honorific or rank."""
    places = _in_place_name(tokens)
    last_tail = max((i for i, t in enumerate(tokens) if _is_tail_word(t) or i in places), default=-1)
    last_tail -= _courtesy_at_end(tokens[:last_tail + 1])
    candidate = tokens[last_tail + 1:]
    particles = _particles()
    cut = next((i for i, t in enumerate(candidate) if t[:1].islower()
                and not (t in particles and 0 < i < len(candidate) - 1)), len(candidate))
    lead, name = _split_lead(candidate[:cut])
    return tokens[:last_tail + 1], lead, name


def _valid_name(tokens: list[str], single_ok: bool) -> bool:
    words = [t for t in tokens if t not in _particles()]   # `bin`, `van` do not count towards the length
    if not tokens or len(words) > MAX_NAME_TOKENS + 1 or (len(tokens) == 1 and not single_ok):
        return False
    if len(tokens) == 1 and (re.fullmatch(rf"[{_UPPER}]\.?", tokens[0]) or tokens[0].isupper()):
        return False   # an initial or an acronym (`Chief RA`: a nickname), not a name
    if all(t.replace("’", "'") in _honorific_words() for t in tokens):
        return False   # `Yang Berhormat noted ...`: a form of address standing for a name
    if _in_place_name(tokens):
        return False
    particles = _particles()
    inner = {i for i, t in enumerate(tokens) if t in particles and 0 < i < len(tokens) - 1}
    return not any(_is_tail_word(t) or (not t[:1].isupper() and i not in inner) for i, t in enumerate(tokens))


def _lowercase_elsewhere(token: str, context: str) -> bool:
    """A capitalised word that the text also writes in lower case is a common word, not a name."""
    word = token.lower().rstrip(".")
    if _WORD_RUN.fullmatch(word):   # a plain word: one of the text's words (same as the pattern below)
        return word in _words_of(context)
    return bool(compiled(rf"(?<![\w-]){re.escape(word)}(?![\w-])").search(context))


_WORD_RUN = re.compile(r"[\w-]+")


@lru_cache(maxsize=8)
def _words_of(text: str) -> frozenset[str]:
    """Every maximal run of word characters and hyphens in a text (as written)."""
    return frozenset(_WORD_RUN.findall(text))


def _split_outside_brackets(text: str, sep: str) -> list[str]:
    """Split on a separator regex, ignoring separators inside brackets."""
    parts, depth, last = [], 0, 0
    for m in re.finditer(rf"\(|\)|{sep}", text):
        if m.group() == "(":
            depth += 1
        elif m.group() == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[last:m.start()])
            last = m.end()
    parts.append(text[last:])
    return parts


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    """The first word of every title (`Menteri`, `Jaksa`, `Director`)."""
    return frozenset(r["title"].replace(",", " ").split()[0] for r in read_rows("titles"))


def _apposed_name(tokens: list[str]) -> bool:
    """A whole comma segment after a title that is a plain name: two to four capitalised words, none
    of them an office head, organisation word, country or place (`Agung` may end a title, `Jaksa
    Agung`, yet start a name)."""
    return (2 <= len(tokens) <= 4 and all(t[:1].isupper() and t.isalpha() for t in tokens)
            and not any(t in _title_heads() or t in org_words() or t in gazetteer() or t in demonyms() for t in tokens)
            and not _in_place_name(tokens))


def _name_after_title(rest: str) -> tuple[str, list[str], list[str]]:
    """Split what follows an office into its tail (organisation, country), lead (honorifics, ranks)
    and the person's name: the first run between connectors (`dan`, `of`, commas) that ends in a
    name. A lone word before `dan`/`and`/`of` is part of an organisation (`Pemuda dan Olahraga`)."""
    tail: list[str] = []
    for n, segment in enumerate(_split_outside_brackets(rest, ",")):
        tokens = re.findall(r"\([^()]*\)|\S+", segment)
        lead, plain = _split_lead(tokens)
        if n and _apposed_name(plain):
            return " ".join(tail), lead, plain   # `Kepala Kebijakan Publik Twitter Indonesia, Agung Yudha,`
        chunks: list[list[str]] = [[]]
        particles = _particles()
        for n_t, t in enumerate(tokens):
            inner = (t in particles and chunks[-1] and chunks[-1][-1][:1].isupper()
                     and n_t + 1 < len(tokens) and tokens[n_t + 1][:1].isupper())
            if t[:1].islower() and not inner:
                chunks.append([t])  # a connector opens a new chunk; `bin` inside a name does not
            else:
                chunks[-1].append(t)
        for i, chunk in enumerate(chunks):
            lead_n = next((k for k, t in enumerate(chunk) if not t[:1].islower()), len(chunk))
            conn, words = chunk[:lead_n], chunk[lead_n:]
            seg_tail, lead, name = _trailing_name(words)
            next_conn = chunks[i + 1][0] if i + 1 < len(chunks) else ""
            if _valid_name(name, single_ok=True) and not (len(name) == 1 and next_conn):
                return " ".join(tail + conn + seg_tail), lead, name
            tail.extend(chunk)
    return " ".join(tail), [], []


# --- titles, organisations, countries ----------------------------------------------------------

def _country_of(text: str) -> str | None:
    """The country a title or organisation names: a country name/alias, a demonym, or an
    organisation alias such as `Kemlu`."""
    found = [m for m in find_countries(text) if not inside_org_name(text, m.start, m.end)]
    if found:
        return found[-1].iso3
    return _first_listed(text, "country_words")


@lru_cache(maxsize=None)
def _listed_words(kind: str) -> tuple[dict[str, str], dict[str, int], re.Pattern[str]]:
    """Word -> iso3, word -> its place in the list, and one pattern for every word, of the demonyms
    and organisation aliases (`country_words`) or of the aliases alone (`org_aliases`)."""
    table = {**demonyms(), **_org_aliases()} if kind == "country_words" else dict(_org_aliases())
    rank = {w: i for i, w in enumerate(table)}
    return table, rank, re.compile(rf"(?<!\w)(?:{trie_regex(table, space=' ')})(?!\w)")


def _first_listed(text: str, kind: str) -> str | None:
    """The iso3 of the listed word that comes first in the list among those the text holds."""
    table, rank, pattern = _listed_words(kind)
    words = {m.group() for m in pattern.finditer(text)}
    return table[min(words, key=rank.__getitem__)] if words else None


def inside_org_name(text: str, start: int, end: int) -> bool:
    """A country inside a non-government body's name: `Universitas Indonesia`, `Singapore
    Management University` (a government body such as an embassy is not one of these)."""
    before = text[:start].split()[-1:]
    after = re.findall(r"\S+", text[end:end + 60])[:3]
    if before and before[0] in org_heads():
        return True
    capitalised = []
    for w in after:
        if not w[:1].isupper():
            break
        capitalised.append(w.rstrip(".,;:"))
        if w[-1] in ".,;:":
            break
    return any(w in org_heads() for w in capitalised)


def _best_title(title: str, *, prefix_only: bool = False) -> str | None:
    """The longest office head in a title (case-insensitive), at its start when `prefix_only`
    (modifiers such as `Wakil`, `Deputy` may come first)."""
    key = " ".join(title.replace(",", " ").split()).lower()
    heads, mods = _title_heads_pattern()
    if prefix_only:
        key = mods.sub("", key)
        m = heads.match(key)
        return m.group() if m else None
    found = (heads.match(key, w.start()) for w in re.finditer(r"(?<![\w-])[\w-]", key))
    return max((m.group() for m in found if m), key=len, default=None)


@lru_cache(maxsize=1)
def _title_heads_pattern() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The office heads of data/titles.csv as one prefix-factored pattern (the longest head at a
    position wins), and the leading modifiers (`wakil`, `deputy`) to strip for a prefix match."""
    heads = re.compile(rf"(?:{trie_regex(_titles(), space=' ')})(?![\w-])")
    mods = re.compile(rf"^(?:(?:{trie_regex((m.lower() for m in _modifiers()), space=' ')})\s+)*")
    return heads, mods


def _title_info(title: str) -> tuple[bool, str | None]:
    """(is an official post, country implied by the post itself) for a title as written: an office
    flagged official, or any office of a government body named by an alias (`Kepala ... Kominfo`)."""
    best = _best_title(title)
    alias = _first_listed(title, "org_aliases")
    if best is None:
        return bool(alias), alias
    row = _titles()[best]
    return row["official"] == "true" or bool(alias), row["iso3"] or None


@lru_cache(maxsize=1)
def _org_types() -> frozenset[str]:
    """Words that name a kind of body (`Kementerian`, `Agency`, `Foundation`; data/org_types.csv)."""
    return frozenset(r["word"] for r in read_rows("org_types"))


def _organization(title: str) -> str | None:
    """The body a title names, or None: the part after the title's last comma when it is a
    capitalised name (`Director, Musashino Institute`), else the run of capitalised words around the
    first word for a kind of body or a known alias (`Kepala Badan Siber dan Sandi Negara (BSSN)` ->
    `Badan Siber dan Sandi Negara (BSSN)`, `Direktur Diplomasi Publik Kemenlu` -> `Kemenlu`). Portfolio
    words alone (`Menteri Informasi dan Komunikasi`) name no body."""
    title = re.sub(r"\s*\((?:[^()]*)\)\s*$", "", title) if not re.search(r"\([A-Z][\w-]*\)\s*$", title) else title
    parts = _split_outside_brackets(title, ",")
    if len(parts) > 1:
        last = parts[-1].strip()
        if last[:1].isupper() and not _best_title(last) and (
                any(w in _org_types() or w in _org_aliases() for w in last.split())
                or re.fullmatch(r"[A-Z][\w-]*(?:\s+[A-Z(][\w()-]*)*", last)):
            return last
    tokens = re.findall(r"\([^()]*\)|\S+", title)
    aliases = _org_aliases()
    bare = [t.strip(",") for t in tokens]
    at = next((i for i, t in enumerate(bare) if t in _org_types()), None)
    if at is None:
        # a ministry's short name (`Kemlu`) or a body written as one word (`DiploFoundation`, `PH-CERT`)
        alias = next((t for t in bare if t in aliases or re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}-[A-Z]{2,}", t)),
                     None)
        return alias
    office_words = ({w.lower() for t in _titles() for w in t.split()} | {m.lower() for m in _modifiers()}) \
        - {w.lower() for w in org_words()}
    start = at
    while start > 0 and tokens[start - 1][:1].isupper() and tokens[start - 1].lower() not in office_words \
            and not tokens[start - 1].endswith(","):
        start -= 1
    end = at + 1
    while end < len(tokens) and (tokens[end][:1].isupper() or tokens[end].startswith("(")
                                 or (tokens[end] in ("dan", "and", "of", "for", "to", "untuk", "the")
                                     and end + 1 < len(tokens) and tokens[end + 1][:1].isupper())):
        if tokens[end - 1].endswith(","):
            break
        end += 1
    org = " ".join(tokens[start:end]).strip(" ,")
    return org or None


@lru_cache(maxsize=1)
def _rank_words() -> frozenset[str]:
    return frozenset(w for r in _ranks() for w in r.split())


@lru_cache(maxsize=1)
def _honorific_words() -> frozenset[str]:
    return frozenset(w.replace("’", "'") for h in _honorifics() for w in h.split())


def with_rank(title: str | None, lead: list[str] | None) -> str | None:
    """A title as an office, with any rank kept in brackets after it and honorifics dropped:
    `Deputy Minister of Public Security` + `Lieut. Gen.` -> `Deputy Minister of Public Security
    (Lieut. Gen.)`; `Minister for X Mrs` -> `Minister for X`."""
    words = (title or "").split()
    while words and words[-1].replace("’", "'") in _honorific_words():
        words.pop()
    rank = [t for t in (lead or []) if t.replace("’", "'") in _rank_words()
            and t.replace("’", "'") not in _honorific_words()]
    office = " ".join(words).strip(" ,")
    if rank and " ".join(rank) not in office:
        return f"{office} ({' '.join(rank)})" if office else " ".join(rank)
    return office or None


def _mention(name: list[str], title: str | None, org: str | None, sentence: Sentence, method: str,
             *, iso3: str | None = None, lead: list[str] | None = None) -> PersonMention:
    official, implied = _title_info(title or "")
    if lead and any(" ".join(lead).find(r) >= 0 for r in _ranks()):
        official = True  # a military or police rank is a state office
    title = with_rank(title, lead)
    iso3 = iso3 or (_country_of(title) if title else None) or implied or (_country_of(org) if org else None)
    return PersonMention(" ".join(name), title or None, org, iso3, official, sentence, method,
                         CONFIDENCE[method])


# --- the rules -----------------------------------------------------------------------------------

def _by_title(text: str, sentence: Sentence) -> list[PersonMention]:
    """`Menteri Luar Negeri RI Budi Santoso`, `Kepala Badan X (BX) Budi`, `Singapore's Minister for
    ..., Mrs Jane Tan`."""
    out, pos = [], 0
    while (m := _title_pattern().search(text, pos)) is not None:
        pos = m.end("title")
        if re.search(r"\((?:Foto|Photo|Dok)[^)]*$", text[:m.start()]):
            continue
        tail, lead, name = _name_after_title(m.group("rest"))
        if not name or (len(name) == 1 and text[:m.start()].count("(") > text[:m.start()].count(")")):
            continue  # `(Dirjen IP)`: an acronym in brackets after an office is not a person
        title = " ".join(filter(None, [m.group("pre"), m.group("title"), tail])).strip(" ,")
        out.append(_mention(name, title, _organization(title), sentence, "title_before_name", lead=lead))
    return out


def _title_after(title: str) -> tuple[str | None, str]:
    """(country prefix, office) when a phrase after a name is a title: `Thailand's deputy prime
    minister`, `a cybersecurity adviser to X`, `chief of the National Agency`."""
    title = re.sub(r"^(?:the|a|an|its|his|her)\s+", "", title.strip(), flags=re.IGNORECASE)
    pre = re.match(rf"{_country_prefix()}\s+", title)
    body = title[pre.end():] if pre else title
    # one lower-case descriptor may come before the office: `a cybersecurity adviser to X`
    described = re.sub(r"^[a-z][\w-]*\s+", "", body)
    # ... but not a verb before a capitalised office (`didampingi Menteri X`: another person's title)
    described_ok = described != body and described[:1].islower()
    if _best_title(body, prefix_only=True) or (described_ok and _best_title(described, prefix_only=True)):
        return (pre.group().strip() if pre else None), title
    return None, ""


def _run_before(text: str) -> list[str]:
    """The capitalised tokens that end a piece of text (`... oleh musisi Budi K. Santoso`)."""
    tokens = text.split()
    start = len(tokens)
    while start > 0 and (re.fullmatch(_TOKEN, tokens[start - 1])
                         or (tokens[start - 1] in _particles() and start > 1 and start < len(tokens)
                             and re.fullmatch(_TOKEN, tokens[start - 2]))):   # `Abdul Mokti bin Haji Mohd Daud`
        start -= 1
    return tokens[start:]


_TITLE_AFTER_COMMA = re.compile(r"(?P<title>[^,;()]*?)(?=\s*[;,.()]|\s+(?:dan|and|who|yang)\s|$)")


def _by_name_first(text: str, sentence: Sentence) -> list[PersonMention]:
    """`Jane Doe, Wakil Duta Besar Kedutaan Australia,` and `Jane Doe, Thailand's deputy prime minister,`."""
    out = []
    for comma in re.finditer(r",\s+", text):
        _, lead, name = _trailing_name(_run_before(text[:comma.start()]))
        if not _valid_name(name, single_ok=False):
            continue
        pre, title = _title_after(_TITLE_AFTER_COMMA.match(text, comma.end()).group("title"))
        if title:
            # `Phan Tam, Vice Minister of Information and Communications of Viet Nam,`: the title stops at
            # `and`, the country may come after it in the same clause
            clause = re.match(r"[^,;.()]*", text[comma.end():]).group()
            out.append(_mention(name, title, _organization(title), sentence, "name_then_title", lead=lead,
                                iso3=None if _country_of(title) else _country_of(clause)))
    return out


def _by_bracket(text: str, sentence: Sentence) -> list[PersonMention]:
    """`Jane Doe (Direktur Diplomasi Publik Kemenlu)`, `Mr. Taro Sato (Director, X Institute) for Japan`."""
    out = []
    for m in _name_bracket_pattern().finditer(text):
        _, lead, name = _trailing_name(m.group("name").split())
        title = m.group("title").strip()
        if not _valid_name(name, single_ok=False):
            continue
        if not (_best_title(title) or _title_info(title)[0]):
            continue
        after = re.match(r"\s+(?:for|untuk|dari|from|of)\s+", text[m.end():])
        iso3 = None
        if after:
            nxt = [c for c in find_countries(text[m.end():m.end() + after.end() + 40]) if c.start == after.end()]
            iso3 = nxt[0].iso3 if nxt else None
        out.append(_mention(name, title, _organization(title), sentence, "name_bracket_title",
                            iso3=iso3, lead=lead))
    return out


def _by_lead(text: str, sentence: Sentence) -> list[PersonMention]:
    """`Ms Jane Doe`, `Dr. Taro Sato`, `General Min Aung`, `Komjen Pol Budi Santoso`: an honorific or
    rank directly before two or more name tokens."""
    out = []
    for m in _lead_pattern().finditer(text):
        tokens = m.group("name").split()
        cut = next((i for i, t in enumerate(tokens) if _is_tail_word(t)), len(tokens))
        lead, name = _split_lead(m.group("lead").split() + tokens[:cut])
        if _valid_name(name, single_ok=False):
            rank = [t for t in lead if t not in " ".join(_honorifics()).split()]
            out.append(_mention(name, " ".join(rank) or None, None, sentence, "rank_or_honorific", lead=lead))
    return out


@lru_cache(maxsize=1)
def _list_pattern() -> re.Pattern[str]:
    return phrase_pattern(_list_cues("list") + _list_cues("represented"), ignore_case=True)


@lru_cache(maxsize=1)
def _by_country_pattern() -> re.Pattern[str]:
    """`Laos oleh`, `Myanmar by`, `Vietnam diwakili`: the country a list item's person represents."""
    words = _alternation(_list_cues("represented") + _list_cues("by"))
    return re.compile(rf"(?P<country>{_country_names()[0]})\s+(?:{words})\b")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_rows("language_stopwords"))


def _by_enumeration(text: str, context: str, sentence: Sentence) -> list[PersonMention]:
    """People in a list after a list cue (`Narasumber ... antara lain A (X), musisi B, serta C`;
    `Vietnam diwakili A, Laos oleh B`): each item ends with a name; an item that opens with
    `Country by/oleh` gives that country to its person and the ones after it."""
    cue = _list_pattern().search(text)
    if not cue:
        return []
    country = None
    lead_in = _by_country_pattern().search(text[:cue.end()] + " ")
    if lead_in and cue.group().lower() in {c.lower() for c in _list_cues("represented")}:
        country = _country_code(lead_in.group("country"))
    out = []
    items = _split_outside_brackets(text[cue.end():], r",|;|:|\s(?:dan|serta|and|sedangkan|while|whereas)\s")
    for item in items:
        own = _by_country_pattern().search(item)
        if own:
            country = _country_code(own.group("country"))
        bare = re.sub(r"\([^()]*\)", " ", item).strip().rstrip(".")
        run = _run_before(bare)
        before = bare.split()[:-len(run)] if run else []
        if before and before[-1].lower() in _function_words() and not own:
            continue  # `Checklist on Cyberspace Norms`: a name after `on`/`di` is not a list item's person
        _, lead, name = _trailing_name(run)
        if _valid_name(name, single_ok=False) and not any(_lowercase_elsewhere(t, context) for t in name):
            out.append(_mention(name, None, None, sentence, "enumeration", iso3=country, lead=lead))
    return out


def _by_speech(text: str, context: str, sentence: Sentence) -> list[PersonMention]:
    """Untitled speakers: `Siti Rahma mengatakan`, `founder Budi Santoso spoke`, `Menurut Siti Rahma,`."""
    out = []
    for m in speech_pattern().finditer(text):
        _, lead, name = _trailing_name(_run_before(text[:m.start()]))
        if _valid_name(name, single_ok=False) and not any(_lowercase_elsewhere(t, context) for t in name):
            out.append(_mention(name, None, None, sentence, "speaker_verb", lead=lead))
    for m in _according_to_pattern().finditer(text):
        _, lead, name = _trailing_name(m.group("name").split())
        if _valid_name(name, single_ok=False) and not any(_lowercase_elsewhere(t, context) for t in name):
            out.append(_mention(name, None, None, sentence, "according_to", lead=lead))
    return out


@lru_cache(maxsize=1)
def _according_to_word() -> re.Pattern[str]:
    """`Menurut Budi,`: one word after `menurut`/`according to`."""
    return re.compile(rf"(?i:\b(?:{_alternation(_list_cues('according_to'), fold=True)}))\s+({_TOKEN}),")


def speaker_words(text: str) -> list[str]:
    """Single capitalised words that speak in a sentence: right before a verb of saying (`Lim said`,
    `ujar Santoso` after it), or after `menurut`/`according to` (`Menurut Budi,`)."""
    out = []
    for m in speech_pattern().finditer(text):
        before = _run_before(text[:m.start()].rstrip(" ,"))
        if len(before) == 1:
            out.append(before[0].rstrip(".,"))
        after = re.match(rf"\s+({_TOKEN})(?=[\s,.;]|$)(?!\s+{_TOKEN})", text[m.end():])
        if after:
            out.append(after.group(1).rstrip(".,"))
    out += [m.group(1) for m in _according_to_word().finditer(text)]
    return [w for w in out if w not in _not_name_words() and not w.isupper()]


def _by_org(text: str, context: str, sentence: Sentence) -> list[PersonMention]:
    """`Jane Doe dari Yayasan X`, `Jane Doe from X University`."""
    out = []
    for m in _name_from_pattern().finditer(text):
        _, lead, name = _trailing_name(m.group("name").split())
        if _valid_name(name, single_ok=False) and not any(_lowercase_elsewhere(t, context) for t in name):
            out.append(_mention(name, None, m.group("org").strip(), sentence, "name_from_org", lead=lead))
    return out


@lru_cache(maxsize=1)
def _side_pattern() -> re.Pattern[str]:
    """`pihak Australia`, `the Malaysian side`, `Indonesia's delegation`, `Indonesia, melalui`."""
    rows = read_rows("side_words")
    before = _alternation((r["word"] for r in rows if r["position"] == "before"), fold=True)
    after = _alternation((r["word"] for r in rows if r["position"] == "after"), fold=True)
    link = _alternation((r["word"] for r in rows if r["position"] == "link"), fold=True)
    country, demonym = _country_names()
    return re.compile(
        rf"(?i:\b(?:{before}))\s+(?P<c1>{country})"
        rf"|(?P<c2>{country}|{demonym})(?:['’]s)?\s+(?i:(?:{after}))\b"
        rf"|(?P<c3>{country}),?\s+(?i:(?:{link}))\b")


def side_countries(text: str) -> list[tuple[str, int, int]]:
    """(iso3, start, end) of every side or delegation phrase: `pihak Australia`, `the Malaysian
    side`, `the Vietnamese delegation`, `Indonesia, melalui ...`."""
    out = []
    for m in _side_pattern().finditer(text):
        iso3 = _country_code(m.group("c1") or m.group("c2") or m.group("c3"))
        if iso3:
            out.append((iso3, m.start(), m.end()))
    return out


def _side_country(text: str, at: int) -> str | None:
    """The country whose side a person at offset `at` speaks for: the last side phrase before them."""
    best = None
    for m in _side_pattern().finditer(text):
        if m.start() > at:
            break
        best = _country_code(m.group("c1") or m.group("c2") or m.group("c3"))
    return best


@lru_cache(maxsize=1)
def _on_behalf_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?i:\b(?:{_alternation(_list_cues('on_behalf'), fold=True)}))\s*$")


@lru_cache(maxsize=1)
def _represented_after() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?i:(?:{_alternation(_list_cues('represented'), fold=True)}))\b")


def _absent(text: str, p: PersonMention) -> bool:
    """A person someone else stood in for: `hadir mewakili Menteri X`, `on behalf of Minister X`,
    `Rektor X diwakili ...` (X did not attend)."""
    first = p.title.split()[0] if p.title else p.name
    at = text.find(first if first in text else p.name)
    end = text.find(p.name)
    if at < 0 or end < 0:
        return False
    return bool(_on_behalf_pattern().search(text[:at])
                or _represented_after().search(text[end + len(p.name):]))


def _title_case(text: str) -> bool:
    """A headline written in title case: no final stop, nearly every word of six or more capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)]
    return (len(words) >= 6 and not text.rstrip().endswith((".", "!", "?", '"', "”"))
            and sum(w[:1].isupper() for w in words) >= 0.85 * len(words))


def _merge(found: dict[str, PersonMention], p: PersonMention) -> None:
    """Keep the first rule's mention of a name, filling a missing country or title from later ones."""
    cur = found.get(p.name)
    if cur is None:
        found[p.name] = p
        return
    title = cur.title or p.title
    if p.method == "rank_or_honorific" and p.title and cur.title and p.title not in cur.title:
        title = f"{cur.title} ({p.title})"  # `chief of the agency` + rank `Lieutenant General (Ret.)`
    found[p.name] = replace(cur, iso3=cur.iso3 or p.iso3, title=title,
                            organization=cur.organization or p.organization, official=cur.official or p.official)


@lru_cache(maxsize=256)
def defined_abbreviations(text: str) -> frozenset[str]:
    """Short names a text defines in brackets after a longer capitalised name: `Delegasi Republik
    Indonesia (Delri)`, `Badan Siber dan Sandi Negara (BSSN)`; they name bodies, never people."""
    found = set()
    for m in re.finditer(r"((?:[A-Z][\w'’-]*\s+)(?:(?:dan|and|of|for|[A-Z][\w'’-]*)\s+)*)\(([A-Z][A-Za-z]{1,11})\)", text):
        if len(m.group(1).split()) >= 2:
            found.add(m.group(2))
    return frozenset(found)


def find_people(sentence: Sentence, context: str = "") -> list[PersonMention]:
    """People named in one sentence: after a title, before a title (`Name, Title`), before a title
    in brackets, after an honorific or rank, in a list of speakers or delegates, as the subject of a
    verb of saying, or with `dari`/`from` + organisation. `context` is the whole article, used to tell
    names from capitalised common words. Photo credits are skipped."""
    text = sentence.text
    context = context or text
    found: dict[str, PersonMention] = {}
    if _title_case(text):
        return []  # a headline: every word is capitalised, so names cannot be told apart
    for p in (_by_title(text, sentence) + _by_name_first(text, sentence) + _by_bracket(text, sentence)
              + _by_lead(text, sentence) + _by_enumeration(text, context, sentence)
              + _by_speech(text, context, sentence) + _by_org(text, context, sentence)):
        if (("(Foto" in text or "(Photo" in text or "(Dok" in text)
                and compiled(rf"\((?:Foto|Photo|Dok)[^)]*{re.escape(p.name)}").search(text)) or _absent(text, p):
            continue
        if all(_lowercase_elsewhere(t, context) for t in p.name.split()):
            continue  # `Penipuan Daring` in a title-case headline: common words, not a name
        if p.name in defined_abbreviations(context):
            continue  # `Delegasi Republik Indonesia (Delri)`: an organisation's short name
        if p.iso3 is None and (at := text.find(p.name)) >= 0:
            p = replace(p, iso3=_side_country(text, at))
        _merge(found, p)
    names = list(found)
    # A shorter name inside a longer one from the same sentence is the same person.
    return [p for n, p in found.items() if not any(n != o and f" {n} " in f" {o} " for o in names)]


@lru_cache(maxsize=1)
def speech_pattern() -> re.Pattern[str]:
    """Verbs of saying, opening or addressing: a person next to one took part in the event."""
    return phrase_pattern(cues("speech"), ignore_case=True)


def canonical_names(names: list[str]) -> dict[str, str]:
    """Map each name to one form of the same person in the list: a form that completes it at its end
    (`Listyo Sigit` -> `Listyo Sigit Prabowo`), else the most frequent form that holds its words or
    that it holds (`Budi` and `Budi AB Santoso` -> `Budi Santoso` when that is the commoner form), or
    one spelt a letter apart (`Nezar Patri` -> `Nezar Patria`)."""
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    full = sorted({n for n in counts if len(n.split()) > 1}, key=lambda n: (-counts[n], -len(n.split()), len(n), n))
    rank = {f: i for i, f in enumerate(full)}

    def core(name: str) -> set[str]:
        return {w for w in name.split() if len(w.rstrip(".")) > 2}   # its words without initials

    out = {}
    for n in counts:
        # a form that completes this one at its end (`Listyo Sigit` -> `Listyo Sigit Prabowo`) is fuller;
        # one with words put in the middle (`Siti Ayu Rahma Lestari` for `Siti Lestari`) is the formal variant
        words = n.split()
        longer = [f for f in full if len(f.split()) > len(words) and f.split()[:len(words)] == words
                  and core(f) > core(n)]
        best = max(longer, key=lambda f: (len(core(f)), -rank[f]), default=None)
        best = best or next((f for f in full if f == n or (
            (set(words) <= set(f.split()) or set(f.split()) <= set(words) or _one_letter_apart(n, f))
            and not (len(f.split()) < len(words) and words[:len(f.split())] == f.split()))), n)
        out[n] = best
    return out


MIN_VARIANT_CHARS = 8   # shorter names one letter apart are too often two people (`Lim Li`, `Lin Li`)


def _one_letter_apart(a: str, b: str) -> bool:
    """One person spelt two ways in two reports (`Nezar Patria` / `Nezar Patriа`, `Sugiono` /
    `Sugiyono`): the same number of words, the same initials, at most one letter added, dropped or
    changed, and long enough that this is not two people."""
    if min(len(a), len(b)) < MIN_VARIANT_CHARS or abs(len(a) - len(b)) > 1:
        return False
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or [w[0] for w in wa] != [w[0] for w in wb]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
