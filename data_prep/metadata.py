"""Step 2, article metadata: outlet, title, author, publication date and language, read from the
text where it states them and left null where it does not."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from functools import lru_cache

from .dates import find_dates, words
from .resources import read_rows

_DOMAIN = re.compile(
    r"(?<![\w.@/])([A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|id|net|org|co|news|tv|my|sg|ph|au|vn|th|kh|la|mm|bn|gov|int|tr|cn|jp|kr|uk|in)"
    r"(?:\.[a-z]{2})?)(?![\w/])")
_LABELLED = re.compile(r"^(?P<label>Penulis|Reporter|Editor|Oleh|By|Pewarta|Redaktur|Writer)\b\s*:?\s*"
                       r"(?P<name>[^|•·\d]+?)\s*(?:[|•·]|$)", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"^\s*(?:Source|Sumber)\s*:\s*https?://\S+\s*$", re.IGNORECASE)
_URL = re.compile(r"\bhttps?://[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(?:WIB|WITA|WIT|GMT|UTC)\b")
_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,3}$")
HEADER_LINES = 8          # the outlet's name, if given, is in the first lines
TITLE_MAX_WORDS = 20


@dataclass
class Metadata:
    """Article-level facts and the indices of paragraphs that are metadata, not body text."""
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    url: str | None = None
    published_date: date | None = None
    language: str = "und"
    metadata_paragraphs: set[int] = field(default_factory=set)


@lru_cache(maxsize=1)
def _outlets() -> tuple[dict[str, str], dict[str, str]]:
    """Domain and dateline code -> the outlet's one name (data/outlets.csv), keys lower case."""
    rows = read_rows("outlets")
    return ({r["domain"].lower(): r["outlet"] for r in rows if r["domain"]},
            {r["dateline"].lower(): r["outlet"] for r in rows if r["dateline"]})


_AGENCY_END = re.compile(r"\b(?P<code>[A-Z]{2,8})\s*[-–—]{1,2}\s*$")   # `Phnom Penh, July 24, 2020 AKP --`
_AGENCY = re.compile(r"^[A-ZÀ-Ỹa-zà-ỹ .,'’-]{2,40}\((?P<code>[A-Za-z]{2,12})\)\s*[-–—]")


def canonical_outlet(name: str) -> str:
    """One name per outlet: `KOMPAS.com` and `kompas.com` are `Kompas.com`, `www.antaranews.com` is
    `Antara` (data/outlets.csv); an outlet not listed keeps the name as written."""
    domains, _ = _outlets()
    key = name.lower().removeprefix("www.")
    if key in domains:
        return domains[key]
    parent = next((d for d in domains if key.endswith("." + d)), None)   # `en.antaranews.com`
    return domains[parent] if parent else name


def find_outlet(lines: list[str]) -> str | None:
    """The outlet: the first web domain named in the header lines (`Example.com`, `logo berita.id`),
    else a news agency's dateline (`Jakarta (ANTARA) -`, `HANOI (VNA) -`), as its one name."""
    for line in lines[:HEADER_LINES]:
        m = _DOMAIN.search(line)
        if m:
            return canonical_outlet(m.group(1))
    _, codes = _outlets()
    for line in lines[:HEADER_LINES + 2]:
        m = _AGENCY.match(line) or _AGENCY_END.search(line)
        if m and m.group("code").lower() in codes:
            return codes[m.group("code").lower()]
    return None


def find_url(lines: list[str]) -> str | None:
    """The article's own web address: the first http(s) address in the text (a `Sumber:`/`Source:`
    line or a pasted address bar), or None; domain-only mentions are outlets, not addresses."""
    for line in lines:
        m = _URL.search(line)
        if m:
            return m.group(0)
    return None


@lru_cache(maxsize=1)
def _published() -> re.Pattern[str]:
    """`Posted on`, `Diterbitkan pada`: a label of the publication line (data/event_words.csv)."""
    label = "|".join(re.escape(w) for w in sorted(words("published"), key=len, reverse=True))
    return re.compile(rf"(?i)\b(?:{label})\b\s*")


def _dateline(paragraph: str) -> tuple[date, str] | None:
    """A short line carrying a full date and a clock time, a weekday or a `Posted on` label, or little
    else (`Kompas.com - 02/02/2024, 14:05 WIB`, `Published on 6 Nov 2020`, `8 June 2022`): the publication line.
    Returns the date and the text before the date (a byline, if any)."""
    if len(paragraph.split()) > 14:
        return None
    for d in find_dates(paragraph):
        rest = [w for w in (paragraph[:d.char_start] + paragraph[d.char_end:]).split() if any(c.isalnum() for c in w)]
        agency = paragraph.rstrip().endswith(("-", "–", "—")) and len(rest) <= 5   # `Phnom Penh, July 24, 2020 AKP --`
        if d.has_year and (_TIME.search(paragraph) or d.weekday or _published().search(paragraph)
                           or len(rest) <= 3 or agency):
            return d.start, _published().sub("", paragraph[:d.char_start])
    return None


def _clean_name(raw: str) -> str | None:
    raw = raw.strip(" ,|•·-–:")
    return raw if raw and _NAME.match(raw) else None


def detect_language(text: str) -> str:
    """`id` or `en` by counting each language's commonest words; `und` when too short to tell."""
    words = re.findall(r"[a-z]+", text.lower())
    counts = {"id": 0, "en": 0}
    stop = {(r["lang"], r["word"]) for r in read_rows("language_stopwords")}
    for w in words:
        for lang in counts:
            counts[lang] += (lang, w) in stop
    if max(counts.values()) < 5:
        return "und"
    return max(counts, key=counts.get)


def extract_metadata(paragraphs: list[str], header_lines: list[str]) -> Metadata:
    """Read outlet, title, author and publication date from the article's paragraphs (and its raw
    header lines, which still hold logos); mark bylines and datelines as metadata paragraphs."""
    meta = Metadata(outlet=find_outlet(header_lines), url=find_url(header_lines))
    byline_names: set[str] = set()
    for i, para in enumerate(paragraphs[:HEADER_LINES]):
        lab = _LABELLED.match(para)
        if lab:
            name = _clean_name(lab.group("name"))
            if name and (meta.author is None or lab.group("label").lower() != "editor"):
                meta.author = name
            meta.metadata_paragraphs.add(i)
        if _DOMAIN.fullmatch(para.strip()) or _SOURCE_LINE.match(para):
            meta.metadata_paragraphs.add(i)   # a site's name alone, or the page's address: not body text
        dl = _dateline(para)
        if dl:
            meta.published_date = meta.published_date or dl[0]
            byline = _clean_name(re.split(r"[|•·]", dl[1])[0]) if dl[1].strip() else None
            if byline and not lab and not _DOMAIN.search(byline):   # `Kompas.com - 02/02/2024`: the outlet
                meta.author = meta.author or byline
                byline_names.add(byline)
            meta.metadata_paragraphs.add(i)
    # Editor lines usually close the article.
    for i, para in enumerate(paragraphs):
        if i >= HEADER_LINES and _LABELLED.match(para):
            name = _clean_name(_LABELLED.match(para).group("name"))
            meta.author = meta.author or name
            meta.metadata_paragraphs.add(i)
    for i, para in enumerate(paragraphs[:HEADER_LINES]):
        if para in byline_names:          # a lone byline line repeating the author's name
            meta.metadata_paragraphs.add(i)
    body = [p for i, p in enumerate(paragraphs) if i not in meta.metadata_paragraphs]
    if len(body) > 1:
        first = body[0]
        words = first.split()
        if 3 <= len(words) <= TITLE_MAX_WORDS and not first.endswith((".", ",", ";", ":")) \
                and first[:1].isupper() and not _DOMAIN.search(first):
            meta.title = first
    meta.language = detect_language(" ".join(body))
    return meta
