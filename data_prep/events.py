"""Step 3, the event an article reports: its own name (an English proper name where the text gives
one, else the Indonesian description), acronym, dates, city, venue, type and stated theme. Each choice
is scored over the article's sentences so that events merely referred to (an earlier meeting, a
cancelled date) lose to the one being reported."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .dates import DateMention, find_dates
from .resources import cues, read_rows
from .sentences import Sentence
from .textutil import phrase_pattern


@dataclass(frozen=True)
class NameMention:
    """An event name found in the text, with its acronym if one follows in brackets."""
    name: str
    acronym: str | None
    lang: str
    sentence: int


@dataclass
class EventCandidate:
    """What one article says about the event it reports (before merging across articles)."""
    name: str
    acronym: str | None
    name_lang: str
    event_type: str
    start_date: date
    end_date: date
    city: str | None
    venue: str | None
    tagline: str | None
    anchor: Sentence          # the sentence the date was read from
    name_sentence: Sentence   # the first sentence naming the event
    mentions: list[NameMention] = field(default_factory=list)
    method: str = "named_event"   # how the event was recognised (see codebook: method)
    confidence: float = 0.8


@lru_cache(maxsize=1)
def _event_keywords() -> dict[str, str]:
    return {r["keyword"]: r["event_type"] for r in read_rows("event_types")}


@lru_cache(maxsize=1)
def _english_name_pattern() -> re.Pattern[str]:
    keywords = [k for k, _ in ((k, v) for k, v in _event_keywords().items()) if k[:1].isupper()]
    kw = "|".join(re.escape(k) for k in sorted(keywords, key=len, reverse=True))
    cap = r"[A-Z][\w'’-]*"
    return re.compile(
        rf"(?P<name>(?:{cap}\s+)*?(?:{kw})(?:\s+(?:on|of|for)\s+(?:the\s+)?{cap}(?:\s+(?:and\s+|&\s+)?{cap})*)?)"
        rf"(?:\s*\((?P<acr>[A-Z][A-Za-z0-9]*(?:\s+(?:on|of)\s+[A-Z]+)*(?:\s+\d{{4}})?)\))?"
    )


@lru_cache(maxsize=1)
def _indonesian_name_pattern() -> re.Pattern[str]:
    keywords = [k for k in _event_keywords() if k[:1].islower()]
    kw = "|".join(re.escape(k) for k in sorted(keywords, key=len, reverse=True))
    stop = r"(?:pada|di|yang|dan|untuk|dengan|ini|itu|tersebut|oleh|bersama|sebagai|dalam|ke|dari)"
    return re.compile(
        rf"(?<![\w-])(?P<name>(?i:{kw})\s+(?:[\w-]+\s+){{0,3}}?(?:tentang|mengenai)\s+[\w-]+"
        rf"(?:\s+(?!{stop}\b)[a-z][\w-]*){{0,3}})"
    )


@lru_cache(maxsize=None)
def cue_pattern(kind: str) -> re.Pattern[str]:
    """Case-insensitive matcher for one kind of cue in data/cues.csv."""
    return phrase_pattern(cues(kind), ignore_case=True)


def is_reference(sentence: Sentence) -> bool:
    """A sentence about another event (an earlier meeting, a cancelled or postponed date)."""
    return bool(cue_pattern("reference").search(sentence.text) or cue_pattern("cancel").search(sentence.text))


def find_event_names(sentences: list[Sentence], skip: int = 0) -> list[NameMention]:
    """Event names in the sentences (from index `skip`, to pass over a headline)."""
    out = []
    for i, s in enumerate(sentences):
        if i < skip:
            continue
        for m in _english_name_pattern().finditer(s.text):
            name = m.group("name")
            if len(name.split()) < 2:
                continue
            acr = m.group("acr")
            acr = acr if acr and sum(ch.isupper() for ch in acr) >= 2 else None
            out.append(NameMention(name, acr, "en", i))
        for m in _indonesian_name_pattern().finditer(s.text):
            out.append(NameMention(m.group("name"), None, "id", i))
    return out


def event_type_of(name: str) -> str:
    """`conference`, `seminar`, `ministerial_meeting`, ... from the keywords in an event's name."""
    low = name.lower()
    hits = [k for k in _event_keywords() if k.lower() in low]
    return _event_keywords()[max(hits, key=len)] if hits else "meeting"


def name_key(name: str) -> frozenset[str]:
    """Language-neutral word set of a name, for comparing `seminar internasional tentang kerja sama
    digital` with `International Seminar on Digital Cooperation`."""
    synonyms = {r["word"]: r["canonical"] for r in read_rows("name_synonyms")}
    words = re.findall(r"[\w'’-]+", name.lower())
    return frozenset(synonyms.get(w, w) for w in words if w not in {"on", "of", "the", "for", "and"})


def _choose_name(mentions: list[NameMention], sentences: list[Sentence], text: str) -> NameMention | None:
    groups: dict[frozenset[str], list[NameMention]] = {}
    for m in mentions:
        groups.setdefault(name_key(m.name), []).append(m)
    best, best_score = None, float("-inf")
    for group in groups.values():
        acronym = next((m.acronym for m in group if m.acronym), None)
        score = float(len(group))
        if acronym:
            score += 0.5 * len(re.findall(rf"(?<!\w){re.escape(acronym)}(?!\w)", text))
        score += 1.0 if group[0].lang == "en" else 0.0
        score -= 3.0 * sum(is_reference(sentences[m.sentence]) for m in group)
        score += 1.0 if min(m.sentence for m in group) < 3 else 0.0
        if score > best_score:
            best_score = score
            first = min(group, key=lambda m: m.sentence)
            best = NameMention(first.name, acronym, first.lang, first.sentence)
    return best


def _sentence_of(sentences: list[Sentence], offset: int) -> int:
    return next((i for i, s in enumerate(sentences) if s.start <= offset < s.end), len(sentences) - 1)


def _is_dateline(text: str, d: DateMention, sentences: list[Sentence], idx: int) -> bool:
    """`KUALA LUMPUR, Jan 22 - ...`: a report date at the head of the first body paragraph."""
    s = sentences[idx]
    head = text[s.start:s.start + 60]
    dash = re.search(r"\s[-–]\s", head)
    return bool(dash) and d.char_end <= s.start + dash.start() + 1 and (idx == 0 or text[s.start - 1] == "\n")


def choose_date(text: str, sentences: list[Sentence], name_sentences: set[int], default_year: int | None
                ) -> tuple[DateMention, int] | None:
    """The event's date: in a sentence naming the event, with a matching weekday, not a dateline,
    not in a sentence about another or a cancelled event."""
    best, best_score = None, float("-inf")
    for d in find_dates(text, default_year):
        idx = _sentence_of(sentences, d.char_start)
        score = 3.0 if idx in name_sentences else 0.0
        score += 1.0 if d.has_year else 0.0
        score += 2.0 if d.weekday_matches else (-1.0 if d.weekday_matches is False else 0.0)
        score -= 5.0 if is_reference(sentences[idx]) else 0.0
        score -= 2.0 if _is_dateline(text, d, sentences, idx) else 0.0
        if score > best_score:
            best, best_score = (d, idx), score
    return best


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    return {r["city"]: r["iso3"] for r in read_rows("cities")}


def city_iso3(city: str | None) -> str | None:
    """The country a known city is in (data/cities.csv)."""
    return _cities().get(city) if city else None


def choose_city(text: str, sentences: list[Sentence], anchor: int) -> str | None:
    """The city where the event took place: named in the anchor sentence or the dateline, not in a
    sentence about another event."""
    pattern = phrase_pattern(_cities(), ignore_case=True)
    canon = {c.lower(): c for c in _cities()}
    scores: dict[str, float] = {}
    for m in pattern.finditer(text):
        city = canon[" ".join(m.group().split()).lower()]
        idx = _sentence_of(sentences, m.start())
        score = 0.5 + (3.0 if idx == anchor else 0.0)
        score += 2.0 if (m.start() == sentences[idx].start and re.match(r"\s*[,:–-]", text[m.end():])) else 0.0
        score -= 5.0 if is_reference(sentences[idx]) else 0.0
        scores[city] = scores.get(city, 0.0) + score
    if not scores:
        return None
    city = max(sorted(scores), key=scores.get)
    return city if scores[city] > 0 else None


def choose_venue(sentences: list[Sentence], order: list[int]) -> str | None:
    """A named venue (`Hotel Borobudur`, `Gedung Kemlu`, `Grand Hyatt hotel`) from the sentences in order."""
    words = "|".join(re.escape(w) for w in cues("venue") if w[:1].isupper())
    cap = r"[A-Z][\w'’-]*"
    pattern = re.compile(rf"\b(?:di|at|in|dari)\s+(?:the\s+)?(?P<v>(?:{words})(?:\s+{cap})+|(?:{cap}\s+)+hotel)\b")
    for i in order:
        m = pattern.search(sentences[i].text)
        if m:
            return m.group("v")
    return None


def find_tagline(text: str) -> str | None:
    """The event's stated theme in quotes (`bertajuk ‘Digital Diplomacy: ...’`, `themed "..."`)."""
    cue = "|".join(re.escape(c) for c in cues("tagline"))
    m = re.search(rf"(?i:{cue})\s*:?\s*[‘'\"“](?P<t>[^’'\"”]{{3,120}})[’'\"”]", text)
    return m.group("t").strip() if m else None


def extract_event(text: str, sentences: list[Sentence], title: str | None, published: date | None,
                  default_year: int | None) -> EventCandidate | None:
    """The event one article reports, or None when it names no event with a date."""
    skip = 1 if title and sentences and sentences[0].text == title else 0
    mentions = find_event_names(sentences, skip)
    chosen = _choose_name(mentions, sentences, text)
    if chosen is None:
        return None
    key = name_key(chosen.name)
    name_sents = {m.sentence for m in mentions if name_key(m.name) == key}
    if chosen.acronym:
        name_sents |= {i for i, s in enumerate(sentences)
                       if re.search(rf"(?<!\w){re.escape(chosen.acronym)}(?!\w)", s.text)}
    picked = choose_date(text, sentences, name_sents, default_year)
    if picked is None:
        return None
    when, anchor = picked
    order = [anchor] + sorted(name_sents - {anchor}) + [i for i in range(len(sentences)) if i != anchor]
    return EventCandidate(
        name=chosen.name, acronym=chosen.acronym, name_lang=chosen.lang,
        event_type=event_type_of(chosen.name), start_date=when.start, end_date=when.end,
        city=choose_city(text, sentences, anchor), venue=choose_venue(sentences, order),
        tagline=find_tagline(text), anchor=sentences[anchor],
        name_sentence=sentences[min(m.sentence for m in mentions if name_key(m.name) == key)],
        mentions=[m for m in mentions if name_key(m.name) == key],
    )
