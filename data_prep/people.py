"""Step 5, people: attendees and speakers with their title and organisation as written
(`Menteri Luar Negeri RI Budi Santoso` -> name `Budi Santoso`, title `Menteri Luar Negeri RI`,
country IDN). Titles, honorifics and organisation aliases come from data files."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .countries import demonyms, find_countries, gazetteer
from .resources import cues, read_rows
from .sentences import Sentence
from .textutil import phrase_pattern

_TOKEN = r"(?:[A-Z][\w'’-]*\.?|[A-Z]\.)"


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


@lru_cache(maxsize=1)
def _titles() -> dict[str, dict[str, str]]:
    return {" ".join(r["title"].replace(",", " ").split()): r for r in read_rows("titles")}


@lru_cache(maxsize=1)
def _honorifics() -> tuple[str, ...]:
    return tuple(sorted((r["honorific"] for r in read_rows("honorifics")), key=len, reverse=True))


@lru_cache(maxsize=1)
def _org_aliases() -> dict[str, str]:
    return {r["alias"]: r["iso3"] for r in read_rows("org_aliases")}


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Capitalised words that cannot start or be part of a person's name."""
    words = set()
    for surface in list(gazetteer()) + list(_org_aliases()) + [r["city"] for r in read_rows("cities")]:
        words.update(surface.split())
    for title in _titles():
        words.update(title.split())
    words.update({"Foto", "Dok", "Jakarta", "Kemlu", "Menurut", "Dalam", "Sementara", "Selain", "The",
                  "Namun", "Saat", "Pada", "Di", "Ia", "Dia", "Kami", "Kita", "He", "She", "They", "In",
                  "Kedutaan", "Besar", "Kementerian", "Direktorat", "Ministry", "Embassy", "Foundation"})
    words.update(demonyms())
    for h in _honorifics():
        words.difference_update(h.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _title_alternation() -> str:
    return "|".join(re.escape(t).replace(r"\ ", r",?\s+") for t in sorted(_titles(), key=len, reverse=True))


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    titles = _title_alternation()
    demonym = "|".join(re.escape(d) for d in sorted(demonyms(), key=len, reverse=True))
    country = "|".join(re.escape(c) for c in sorted(gazetteer(), key=len, reverse=True))
    token = rf"(?!(?:{titles})(?![\w-])){_TOKEN}"
    return re.compile(
        rf"(?:(?P<pre>(?:{demonym})|(?:{country})['’]s)\s+)?(?P<title>{titles})(?![\w-])"
        rf"(?P<rest>(?:,?\s+(?:(?:dan|and|of|for|to|untuk|the)\s+)?{token})*)"
    )


_NAME_FIRST = re.compile(
    rf"(?<![\w-])(?P<name>{_TOKEN}(?:\s+{_TOKEN}){{1,3}}),\s+(?P<title>[A-Z][^,;.()]*?)(?=\s*[;,.)]|\s+dan\s|$)")
_NAME_FROM = re.compile(rf"(?<![\w-])(?P<name>{_TOKEN}(?:\s+{_TOKEN}){{1,3}})\s+(?:dari|from)\s+"
                        rf"(?P<org>{_TOKEN}(?:\s+(?:dan|and|of|{_TOKEN}))*)")


_SPEAKER_BEFORE = re.compile(rf"(?:^|[,;:“\"]\s*|\b(?:dan|and)\s+)(?P<name>{_TOKEN}(?:\s+{_TOKEN}){{1,3}})\s+"
                             r"(?:mengatakan|menyatakan|menjelaskan|menuturkan|menilai|menegaskan|menambahkan"
                             r"|said|told|stressed|added|noted)\b")
_SPEAKER_AFTER = re.compile(rf"\b(?:Menurut|According to)\s+(?P<name>{_TOKEN}(?:\s+{_TOKEN}){{1,3}}),")


def _strip_honorifics(tokens: list[str]) -> list[str]:
    """Drop leading honorifics (`Datuk`, `Tan Sri`, `U`, `Profesor`) and a stray final full stop."""
    while tokens:
        for h in _honorifics():
            parts = h.split()
            if tokens[:len(parts)] == parts and len(tokens) > len(parts):
                tokens = tokens[len(parts):]
                break
        else:
            break
    if tokens and tokens[-1].endswith(".") and len(tokens[-1]) > 2:
        tokens = tokens[:-1] + [tokens[-1].rstrip(".")]
    return tokens


def _is_tail_word(token: str) -> bool:
    """Tokens that belong to a title's tail, never to a name: countries, cities, organisation aliases,
    acronyms (`UNDP`) and CamelCase organisation names (`DiploFoundation`)."""
    token = token.rstrip(".")
    return (token in _not_name_words() or bool(re.search(r"[a-z][A-Z]", token))
            or (token.isupper() and len(token) > 2))


def _name_after_title(rest: str) -> tuple[str, list[str]]:
    """Split what follows a title into its tail (country, organisation) and the person's name:
    the name is what follows the last tail word of the first comma-segment that holds one."""
    tail: list[str] = []
    for segment in rest.split(","):
        tokens = segment.split()
        last_tail = max((i for i, t in enumerate(tokens) if _is_tail_word(t)), default=-1)
        candidate = tokens[last_tail + 1:]
        cut = next((i for i, t in enumerate(candidate) if t[:1].islower()), len(candidate))
        name = _strip_honorifics(candidate[:cut])
        if _valid_name(name, single_ok=True):
            return " ".join(tail + tokens[:last_tail + 1]), name
        tail.extend(tokens)
    return " ".join(tail), []


def _country_of(text: str) -> str | None:
    """The country a title or organisation names: a country name/alias, a demonym, or an
    organisation alias such as `Kemlu`."""
    found = find_countries(text)
    if found:
        return found[-1].iso3
    for word, iso3 in {**demonyms(), **_org_aliases()}.items():
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            return iso3
    return None


def _best_title(title: str, *, prefix_only: bool = False) -> str | None:
    key = " ".join(title.replace(",", " ").split())
    keys = [t for t in _titles() if (key.startswith(t) if prefix_only else t in key)]
    return max(keys, key=len, default=None)


def _title_info(title: str) -> tuple[bool, str | None]:
    """(is an official post, country implied by the post itself) for a title as written."""
    best = _best_title(title)
    if best is None:
        return False, None
    row = _titles()[best]
    return row["official"] == "true", row["iso3"] or None


def _organization(title: str) -> str | None:
    """What is left of a title once office words and country names are taken out
    (`Direktur DiploFoundation` -> `DiploFoundation`)."""
    best = _best_title(title)
    rest = re.sub(re.escape(best).replace(r"\ ", r",?\s+"), " ", title, count=1) if best else title
    for m in sorted(find_countries(rest), key=lambda m: -m.start):
        rest = rest[:m.start] + rest[m.end:]
    rest = re.sub(r"^(?:\s|dan\b|and\b|of\b|for\b|untuk\b|the\b|Pendiri\b|Founder\b)+|\s+(?:dan|and|of|for)$",
                  "", rest).strip(" ,")
    return rest if rest and rest[:1].isupper() and rest not in _not_name_words() else None


def _valid_name(tokens: list[str], single_ok: bool) -> bool:
    if not tokens or len(tokens) > 4 or (len(tokens) == 1 and not single_ok):
        return False
    return not any(_is_tail_word(t) or not t[:1].isupper() for t in tokens)


def _mention(name: list[str], title: str | None, org: str | None, sentence: Sentence,
             title_word: str | None = None) -> PersonMention:
    official, implied = _title_info(title_word or title or "")
    iso3 = _country_of(title) if title else None
    iso3 = iso3 or implied or (_country_of(org) if org else None)
    return PersonMention(" ".join(name), title, org, iso3, official, sentence)


def _lowercase_elsewhere(token: str, context: str) -> bool:
    """A capitalised word that the text also writes in lower case is a common word, not a name."""
    return bool(re.search(rf"(?<![\w-]){re.escape(token.lower())}(?![\w-])", context))


def find_people(sentence: Sentence, context: str = "") -> list[PersonMention]:
    """People named in one sentence with a title before (`Menlu RI Budi Santoso`) or after
    (`Jane Doe, Wakil Duta Besar Kedutaan Australia`) their name, with `dari` + organisation, or
    untitled but speaking (`Menurut Siti Rahma,`, `Siti Rahma mengatakan`). `context` is the whole
    article, used to tell names from capitalised common words. Photo credits are skipped."""
    text = sentence.text
    context = context or text
    found: dict[str, PersonMention] = {}
    pos = 0
    while (m := _title_pattern().search(text, pos)) is not None:
        pos = m.end("title")
        if re.search(r"\((?:Foto|Photo|Dok)[^)]*$", text[:m.start()]):
            continue
        tail, name = _name_after_title(m.group("rest"))
        if not name:
            continue
        title = " ".join(filter(None, [m.group("pre"), m.group("title"), tail])).strip(" ,")
        org = _organization(title)
        found.setdefault(" ".join(name), _mention(name, title, org, sentence, m.group("title")))
    for m in _NAME_FIRST.finditer(text):
        name = _strip_honorifics(m.group("name").split())
        title = m.group("title").strip()
        if _valid_name(name, single_ok=False) and _best_title(title, prefix_only=True):
            found.setdefault(" ".join(name), _mention(name, title, _organization(title), sentence))
    for pattern in (_SPEAKER_BEFORE, _SPEAKER_AFTER):
        for m in pattern.finditer(text):
            name = _strip_honorifics(m.group("name").split())
            if _valid_name(name, single_ok=False) and not any(_lowercase_elsewhere(t, context) for t in name):
                found.setdefault(" ".join(name), _mention(name, None, None, sentence))
    for m in _NAME_FROM.finditer(text):
        name = _strip_honorifics(m.group("name").split())
        if _valid_name(name, single_ok=False):
            found.setdefault(" ".join(name), _mention(name, None, m.group("org").strip(), sentence))
    return list(found.values())


@lru_cache(maxsize=1)
def speech_pattern() -> re.Pattern[str]:
    """Verbs of saying, opening or addressing: a person next to one took part in the event."""
    return phrase_pattern(cues("speech"), ignore_case=True)


def canonical_names(names: list[str]) -> dict[str, str]:
    """Map each name to the fullest form of the same person in the list: `Budi` and
    `Budi AB Santoso` -> `Budi Santoso` when that is the most frequent multi-word form."""
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    full = sorted({n for n in counts if len(n.split()) > 1}, key=lambda n: (-counts[n], len(n), n))
    out = {}
    for n in counts:
        toks = set(n.split())
        match = next((f for f in full if toks <= set(f.split()) or set(f.split()) <= toks), None)
        out[n] = match or n
    return out
