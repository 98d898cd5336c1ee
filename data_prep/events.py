"""Step 3, the event an article reports: its own name (the fullest proper name the text gives, else an
acronym with its ordinal, else a described meeting), acronym, dates, city, venue, type and stated theme.
Each choice is scored over the article's sentences so that events merely referred to (an earlier
meeting, a cancelled date, a planned one) lose to the one being reported."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from .countries import find_countries
from .dates import (YEAR_MAX, YEAR_MIN, DateMention, find_dates, find_relative_days, find_weekdays, lookup_key,
                    month_lookup, opening_day, weekday_lookup, words)
from .places import dateline_town, find_places, place_country, towns_after_preposition
from .resources import cues, read_rows
from .sentences import Sentence
from .textutil import compiled, phrase_pattern, trie_regex

# How reliable each way of recognising an event is (the `method` and `confidence` of the event).
METHOD_CONFIDENCE = {"en_proper_name": 0.9, "id_proper_name": 0.85, "id_description": 0.8,
                     "acronym_ordinal": 0.75, "meeting_description": 0.6}
PROPER = ("en_proper_name", "id_proper_name", "id_description")


@dataclass(frozen=True)
class NameMention:
    """An event name found in the text, with its acronym if one follows in brackets."""
    name: str
    acronym: str | None
    lang: str
    sentence: int
    method: str = "en_proper_name"
    background: bool = False   # named as the setting of another meeting or as a past event


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
    online: bool = False


@lru_cache(maxsize=1)
def _event_keywords() -> dict[str, str]:
    return {r["keyword"]: r["event_type"] for r in read_rows("event_types")}


def _keywords(lang: str) -> list[str]:
    rows = read_rows("event_types")
    return sorted({r["keyword"] for r in rows if r["lang"] == lang and r["event_type"] != "not_event"},
                  key=len, reverse=True)


def _alt(items, fold: bool = False) -> str:
    """One alternation of the words, prefix-factored (the longest wins); `fold` lower-cases them for a
    case-insensitive group."""
    return trie_regex((w.lower() if fold else w for w in items), space=r"\ ")


_CAP = r"[A-Z][\w'’-]*"
_ACRONYM = r"[A-Z][A-Za-z0-9]*(?:-\d+)?(?:\s+(?:on|of)\s+[A-Z]+)*(?:\s+(?:ke-\d+|\d{4}))?"


@lru_cache(maxsize=1)
def _english_name_pattern() -> re.Pattern[str]:
    kw = _alt(_keywords("en"))
    ordinal = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{_alt((w for w in words('ordinal') if w.isascii()), fold=True)}))"
    when = _alt([w.title() for w in list(month_lookup()) + list(weekday_lookup())])
    cap = rf"(?!(?:{when})\b){_CAP}"   # `... Diplomacy on Tuesday`: a day is not part of the name
    return re.compile(
        rf"(?P<name>(?:{ordinal}\s+)?(?:{_CAP}\s+)*?(?:{kw})"
        rf"(?:\s+(?:on|of|for)\s+(?:the\s+)?{cap}(?:\s+(?:and\s+|&\s+)?{cap})*){{0,2}})"   # `of the ASEAN Ministers Responsible for Information`
        rf"(?:\s*\((?:{ordinal}\s+)?(?P<acr>{_ACRONYM})\))?"
    )


@lru_cache(maxsize=1)
def _indonesian_proper_pattern() -> re.Pattern[str]:
    """`Pertemuan Menteri Digital ASEAN ke-2 (ADGMIN-2)`, `Pertemuan ke-30 Dewan Komunitas ... ASEAN`."""
    kw = _alt(_keywords("id"), fold=True)
    return re.compile(
        rf"(?<![\w-])(?P<name>(?i:{kw})(?:\s+ke-\d+)?(?:\s+(?:{_CAP}|ke-\d+|se-[A-Z]\w*)"
        rf"|\s+(?:dan|tentang|mengenai|bidang|untuk)(?=\s+{_CAP})){{1,12}})"
        rf"(?:\s*\((?P<acr>{_ACRONYM})\))?"
    )


@lru_cache(maxsize=1)
def _indonesian_name_pattern() -> re.Pattern[str]:
    kw = _alt((k for k in _keywords("id") if k[:1].islower()), fold=True)
    stop = _alt(_stopwords())
    return re.compile(
        rf"(?<![\w-])(?P<name>(?i:{kw})\s+(?:[\w-]+\s+){{0,3}}?(?:tentang|mengenai)\s+[\w-]+"
        rf"(?:\s+(?!(?:{stop})\b)[a-z][\w-]*){{0,3}})"
    )


@lru_cache(maxsize=1)
def _acronym_ordinal_pattern() -> re.Pattern[str]:
    """`AMRI ke-17`, `ADGMIN-2`, `CPD ketiga`, `the 13th AJCPM`: an event given by acronym and ordinal."""
    id_ord = _alt((r["word"] for r in read_rows("event_words") if r["kind"] == "ordinal" and r["lang"] == "id"),
                  fold=True)
    en_ord = _alt((r["word"] for r in read_rows("event_words") if r["kind"] == "ordinal" and r["lang"] == "en"),
                  fold=True)
    acr = r"[A-Z][A-Z0-9]*[A-Z][A-Za-z]*"
    return re.compile(
        rf"(?<![\w-])(?:(?P<a>{acr})(?:\s+ke-?\s?\d+|-\d+|\s+(?i:{id_ord}))"
        rf"|(?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{en_ord}))\s+(?P<b>{acr}))(?![\w-])(?!\s+[A-Z])"
    )


@lru_cache(maxsize=1)
def _stopwords() -> tuple[str, ...]:
    return tuple(r["word"] for r in read_rows("event_words") if r["kind"] == "name_stop")


@lru_cache(maxsize=1)
def _description_pattern() -> re.Pattern[str]:
    """A meeting word and up to five plain words after it: `lokakarya terpadu pengelolaan media digital`."""
    kw = _alt(list(_keywords("id")) + list(_keywords("en")), fold=True)
    stop = _alt(_stopwords())
    topic = _alt(words("topic"))   # `meeting on counterterrorism`, `rapat mengenai ...`
    plain = rf"(?!(?:{stop})\b)[a-z][\w-]*"
    return re.compile(rf"(?<![\w-])(?P<name>(?i:{kw})(?:\s+{plain}){{0,5}}(?:\s+(?:{topic})(?:\s+{plain}){{1,4}})?)(?![\w-])")


@lru_cache(maxsize=None)
def cue_pattern(kind: str) -> re.Pattern[str]:
    """Case-insensitive matcher for one kind of cue in data/cues.csv."""
    return phrase_pattern(cues(kind), ignore_case=True)


@lru_cache(maxsize=None)
def word_pattern(kind: str) -> re.Pattern[str]:
    """Case-insensitive matcher for one kind of word in data/event_words.csv."""
    return phrase_pattern(words(kind), ignore_case=True)


@lru_cache(maxsize=1)
def _not_event_pattern() -> re.Pattern[str]:
    """Phrases with a meeting word that are no event (`konferensi pers`, `press conference`)."""
    return phrase_pattern([r["keyword"] for r in read_rows("event_types") if r["event_type"] == "not_event"],
                          ignore_case=True)


def is_opinion(headline: str | None) -> bool:
    """A headline under an opinion section's label (`EDITORIAL:`, `Opini |`, `TAJUK RENCANA:`): the
    piece argues, it does not report a meeting (data/event_words.csv `opinion_label`)."""
    if not headline:
        return False
    label = re.match(r"\s*([^:|–—]{2,30}?)\s*[:|–—]", headline)
    return bool(label) and label.group(1).strip().lower() in {w.lower() for w in words("opinion_label")}


def is_reference(sentence: Sentence) -> bool:
    """A sentence about another event (an earlier meeting, a cancelled or postponed date)."""
    return _is_reference_text(sentence.text)


@lru_cache(maxsize=4096)
def _is_reference_text(text: str) -> bool:
    return bool(cue_pattern("reference").search(text) or cue_pattern("cancel").search(text))


def base_acronym(acronym: str | None) -> str | None:
    """`AMRI ke-17` -> `AMRI`, `ADGMIN-2` -> `ADGMIN`, `SRM on CT` -> `SRM`."""
    return re.sub(r"-\d+$", "", acronym.split()[0]) if acronym else None


_MASK = "\x00"   # neither a space nor a word character, and never in a cleaned text (load.normalise drops it)


def _masked(text: str) -> str:
    """The text with `not_event` phrases blanked out, offsets kept. The blank is no space, so a name
    does not run across it (`Pertemuan ASEAN Press Conference Digital Summit` is not the event
    `Pertemuan ASEAN Digital Summit` with a gap)."""
    return _not_event_pattern().sub(lambda m: _MASK * len(m.group()), text)


@lru_cache(maxsize=1)
def _sideline_pattern() -> re.Pattern[str]:
    """A sideline cue right before a name: `di sela KTT ...`, `on the sidelines of the ... Summit`."""
    return re.compile(rf"(?i)\b(?:{_alt(words('sideline'), fold=True)})\s+(?:(?:the|acara|rangkaian)\s+)?$")


@lru_cache(maxsize=1)
def _month_year_pattern() -> re.Pattern[str]:
    """`Mei 2023`, `in May 2023`, `November 2019` (a month and year without a day)."""
    return re.compile(rf"(?<![\d/])(?:(?i:{_alt(month_lookup(), fold=True)}))\.?\s+(?P<y>(?:19|20)\d\d)\b")


PAST_DAYS = 90   # a meeting dated this long before publication is recalled, not reported


def _past_time(sentence: Sentence, published: date | None) -> bool:
    """The sentence dates what it speaks of to a month at least two months before publication
    (`saat KTT ke-42 di Labuan Bajo, Mei 2023` in a 2025 story), and gives no day of its own."""
    if published is None:
        return False
    days = find_dates(sentence.text, published=published)
    if days:   # `the Special ASEAN Summit ... on 14 April 2020` in a story of March 2021
        return all((published - d.end).days > PAST_DAYS for d in days)
    months = month_lookup()
    for m in _month_year_pattern().finditer(sentence.text):
        month = months[lookup_key(m.group().split()[0]).rstrip(".")]
        if (published.year - int(m.group("y"))) * 12 + published.month - month >= 2:
            return True
    return False


_YEAR = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=1)
def _in_year_pattern() -> re.Pattern[str]:
    """`in 2018`, `pada 2018`, `tahun 2018`, `since 2017`: a year given as the time of something."""
    return re.compile(r"(?i)\b(?:in|pada|tahun|since|sejak)\s+((?:19|20)\d\d)\b")


@lru_cache(maxsize=1)
def _last_month_pattern() -> re.Pattern[str]:
    """`September lalu`, `last September`: a month named as past."""
    mon = _alt(month_lookup(), fold=True)
    return re.compile(rf"(?i)\b(?:(?:{mon})\s+lalu|last\s+(?:{mon}))\b")


def dated_before(sentence: Sentence, day: date) -> bool:
    """The sentence dates what it speaks of to a month before `day`'s month (`pada pertengahan April
    2018 Kemlu meluncurkan ...` in a report of a July 2018 seminar) or to a past month (`September
    lalu`): something done earlier."""
    months = month_lookup()
    if _last_month_pattern().search(sentence.text):
        return True    # `diadopsi pada September lalu`, `last September`
    if any(int(m.group(1)) < day.year for m in _in_year_pattern().finditer(sentence.text)):
        return True    # `In 2018, the ministers adopted ...` in a report of a 2020 meeting
    if not _YEAR.search(sentence.text):
        return False   # no year, so no month-and-year
    for m in _month_year_pattern().finditer(sentence.text):
        month = months[lookup_key(m.group().split()[0]).rstrip(".")]
        if (int(m.group("y")), month) < (day.year, day.month):
            return True
    return False


def _planned(sentence: Sentence, published: date | None) -> bool:
    """The sentence dates what it names only after publication (`KTT ke-47 ASEAN di Kuala Lumpur,
    26 Oktober mendatang` in a story of 21 October): a meeting still to come."""
    if published is None:
        return False
    days = find_dates(sentence.text, published=published)
    return bool(days) and all(d.start > published for d in days)


def _is_background(sentence: Sentence, start: int, published: date | None) -> bool:
    """A name given as the setting of the reported meeting (`di sela KTT ke-42`), as a past event, or
    as one still to come."""
    return (bool(_sideline_pattern().search(sentence.text[max(0, start - 40):start]))
            or _past_time(sentence, published) or _planned(sentence, published))


def find_event_names(sentences: list[Sentence], skip: int = 0, published: date | None = None) -> list[NameMention]:
    """Event names in the sentences (from index `skip`, to pass over a headline): English and
    Indonesian proper names, acronyms with an ordinal, and Indonesian `... tentang ...` descriptions;
    each marked when it names a background event (a larger meeting beside it, a past one)."""
    out = []
    for i, s in enumerate(sentences):
        if i < skip:
            continue
        text = _masked(s.text)
        spans: list[tuple[int, int]] = []
        for m in _english_name_pattern().finditer(text):
            name = re.sub(r"^(?:The|A|An)\s+", "", m.group("name"))
            if len(name.split()) < 2 or not (name[:1].isupper() or name[:1].isdigit() or name.split()[1][:1].isupper()):
                continue
            acr = m.group("acr")
            acr = acr if acr and sum(ch.isupper() for ch in acr) >= 2 else None
            out.append(NameMention(name, acr, "en", i, "en_proper_name"))
            spans.append(m.span())
        for m in _indonesian_proper_pattern().finditer(text):
            name = m.group("name").strip()
            if not name[:1].isupper() or any(a <= m.start() < b for a, b in spans):
                continue
            if not any(t[:1].isupper() for t in name.split()[1:] if not t.startswith("ke-")):
                continue
            acr = m.group("acr")
            out.append(NameMention(name, acr, "id", i, "id_proper_name"))
            spans.append(m.span())
        for m in _indonesian_name_pattern().finditer(text):
            out.append(NameMention(m.group("name"), None, "id", i, "id_description"))
        for m in _acronym_ordinal_pattern().finditer(text):
            if any(a <= m.start() < b for a, b in spans):
                continue
            acr = m.group("a") or m.group("b")
            out.append(NameMention(m.group(), m.group() if m.group("a") else acr, "und", i, "acronym_ordinal"))
    return [replace(m, background=_is_background(sentences[m.sentence], sentences[m.sentence].text.find(m.name),
                                                 published)) for m in out]


def _other_time_than_lead(group: list[NameMention], sentences: list[Sentence], skip: int,
                          dates: list[DateMention], text: str) -> bool:
    """The lead (first body sentence) carries a day, the group is named neither in the headline nor
    in the lead, and the group's own sentences carry only other days."""
    if len(sentences) <= skip or any(m.sentence <= skip for m in group):
        return False
    days = {}
    for d in dates:
        days.setdefault(_sentence_of(sentences, d.char_start), set()).add(d.start)
    lead = {d.start for d in dates if _sentence_of(sentences, d.char_start) == skip
            and not _is_dateline(text, d, sentences, skip)}
    own = set().union(*(days.get(m.sentence, set()) for m in group))
    return bool(lead) and bool(own) and not (lead & own)


def find_described_meetings(sentences: list[Sentence], dated: set[int], skip: int = 0,
                            published: date | None = None) -> list[NameMention]:
    """A meeting word in a sentence that carries a date or is followed by one that does (`menggelar
    webinar ..., Jumat (12/11)`), for articles that report a meeting without a proper name."""
    out = []
    for i in sorted(dated | {i - 1 for i in dated}):
        if i < max(skip, 0) or is_reference(sentences[i]):
            continue
        text = _masked(sentences[i].text)
        m = _description_pattern().search(text)
        if m and future_pattern().search(text[:m.start()]):
            continue   # `The partnership will cover ... training`: a plan, not the meeting reported
        if m:
            name = m.group("name")
            tagline = _tagline_pattern().match(text, m.end())
            if tagline:   # `webinar bertajuk "Ngobrol Digital"`: the stated title names it (as written)
                name = f"{name.split()[0]} “{sentences[i].text[tagline.start('t'):tagline.end('t')].strip()}”"
            out.append(NameMention(name, None, "und", i, "meeting_description",
                                   _is_background(sentences[i], m.start(), published)))
    return out


@lru_cache(maxsize=1)
def future_pattern() -> re.Pattern[str]:
    """Words that put what follows in the future (`akan`, `will`, `berpeluang`, `planned`;
    data/future_words.csv): a plan, a forecast or a role still to come, not what happened."""
    return phrase_pattern([r["word"] for r in read_rows("future_words")], ignore_case=True)


def event_type_of(name: str) -> str:
    """`conference`, `seminar`, `ministerial_meeting`, ... from the keywords in an event's name."""
    low = name.lower()
    hits = [k for k, t in _event_keywords().items() if k.lower() in low and t != "not_event"]
    return _event_keywords()[max(hits, key=len)] if hits else "meeting"


def name_key(name: str) -> frozenset[str]:
    """Language-neutral word set of a name, for comparing `seminar internasional tentang kerja sama
    digital` with `International Seminar on Digital Cooperation`."""
    synonyms = {r["word"]: r["canonical"] for r in read_rows("name_synonyms")}
    words_ = re.findall(r"[\w'’-]+", name.lower())
    return frozenset(synonyms.get(w, w) for w in words_ if w not in {"on", "of", "the", "for", "and"})


def _has_word(name: str, word: str | None) -> bool:
    return bool(word) and compiled(rf"(?<![\w-]){re.escape(word)}(?![\w-])").search(name) is not None


def _same_mention(a: NameMention, b: NameMention) -> bool:
    """Two mentions of one event: the same name words, the same acronym, or one's acronym standing as
    the head word of the other's name (`Pertemuan Dewan APSC` and `... (APSC)`)."""
    if name_key(a.name) == name_key(b.name):
        return True
    acr_a, acr_b = base_acronym(a.acronym), base_acronym(b.acronym)
    if acr_a and acr_a == acr_b:
        return True
    return (not b.acronym and _has_word(b.name, acr_a) and len(b.name.split()) <= 4) or \
        (not a.acronym and _has_word(a.name, acr_b) and len(a.name.split()) <= 4)


def _groups(mentions: list[NameMention]) -> list[list[NameMention]]:
    """Mentions of one event, grouped (see `_same_mention`)."""
    groups: list[list[NameMention]] = []
    for m in mentions:
        for g in groups:
            if any(_same_mention(m, o) for o in g):
                g.append(m)
                break
        else:
            groups.append([m])
    return groups


def _display(group: list[NameMention]) -> NameMention:
    """The fullest proper name of a group (a proper name over an acronym over a description)."""
    rank = {"en_proper_name": 0, "id_proper_name": 0, "id_description": 1, "acronym_ordinal": 2,
            "meeting_description": 3}
    best = min(group, key=lambda m: (rank[m.method], -len(m.name), m.sentence))
    acronym = next((m.acronym for m in group if m.acronym and m.method != "acronym_ordinal"), None)
    acronym = acronym or next((m.acronym for m in group if m.acronym), None)
    return NameMention(best.name, acronym, best.lang, min(m.sentence for m in group), best.method)


def _group_sentences(group: list[NameMention], sentences: list[Sentence]) -> set[int]:
    out = {m.sentence for m in group}
    acr = _display(group).acronym
    if acr:
        base = re.escape(base_acronym(acr))
        found = compiled(rf"(?<![\w-]){base}(?![\w])")
        out |= {i for i, s in enumerate(sentences) if found.search(s.text)}
    return out


def _kind_word(name: str) -> str | None:
    """The longest meeting keyword in a name (`Workshop` in `ASEAN-Australia Counter-Terrorism Workshop`)."""
    low = name.lower()
    hits = [k for k, t in _event_keywords().items()
            if t != "not_event" and compiled(rf"\b{re.escape(k.lower())}\b").search(low)]
    return max(hits, key=len) if hits else None


def _tier(group: list[NameMention], sentences: list[Sentence], dated: set[int]) -> int:
    """0: a proper name in a dated sentence not about another event; 1: an acronym with an ordinal;
    2: anything else. A dated sentence is the mention's own or one next to it. The best tier
    present is chosen from."""
    live = [m for m in group if (m.sentence in dated or m.sentence - 1 in dated or m.sentence + 1 in dated)
            and not is_reference(sentences[m.sentence]) and not m.background]
    if any(m.method in PROPER for m in live):
        return 0
    if any(m.method == "acronym_ordinal" for m in group) and live:
        return 1
    return 2


def _choose_group(groups: list[list[NameMention]], sentences: list[Sentence], text: str,
                  dated: set[int]) -> list[NameMention] | None:
    """The group that names the reported event: mentioned often and early, in sentences that carry a
    date and are not about another event."""
    if not groups:
        return None
    top = min(_tier(g, sentences, dated) for g in groups)
    best, best_score = None, float("-inf")
    for group in groups:
        if _tier(group, sentences, dated) != top:
            continue
        shown = _display(group)
        sents = {m.sentence for m in group}
        score = float(len(group))
        inside = shown.acronym and any(
            compiled(rf"(?<![\w-]){re.escape(base_acronym(shown.acronym))}(?![\w-])").search(_display(g).name)
            for g in groups if g is not group)
        if shown.acronym and not inside:   # an acronym inside another name is its organiser or series
            score += 0.5 * len(compiled(rf"(?<![\w-]){re.escape(base_acronym(shown.acronym))}(?!\w)").findall(text))
        score += 1.0 if shown.lang == "en" else 0.0
        score -= 3.0 * sum(is_reference(sentences[i]) for i in sents)
        score -= 4.0 * sum(m.background for m in group)
        score += 1.0 if min(sents) < 3 else 0.0
        score += 2.0 if any(i in dated and not is_reference(sentences[i]) for i in sents) else 0.0
        score += 0.5 * sum(bool(word_pattern("held").search(sentences[i].text)) for i in sents)
        others = {base_acronym(_display(g).acronym) for g in groups if g is not group and _display(g).acronym}
        if any(compiled(rf"(?<![\w-]){re.escape(a)}(?![\w-])").search(shown.name) for a in others):
            score += 2.0   # `ARF ... Workshop` is the event; the `ASEAN Regional Forum (ARF)` its organiser
        kind = _kind_word(shown.name)
        if kind:   # `the two-day workshop`, `lokakarya itu`: later plain references to the same kind
            kind_re = compiled(rf"(?i)\b{re.escape(kind)}\b")
            score += 0.5 * min(4, sum(bool(kind_re.search(s.text)) for s in sentences))
        if score > best_score:
            best, best_score = group, score
    return best


def _sentence_of(sentences: list[Sentence], offset: int) -> int:
    return next((i for i, s in enumerate(sentences) if s.start <= offset < s.end), len(sentences) - 1)


def _is_dateline(text: str, d: DateMention, sentences: list[Sentence], idx: int) -> bool:
    """`KUALA LUMPUR, Jan 22 - ...`: a report date at the head of the first body paragraph."""
    s = sentences[idx]
    head = text[s.start:s.start + 60]
    dash = re.search(r"\s[-–—]{1,2}\s", head)   # `SEOUL, Oct. 27 (Yonhap) -- ...`
    return bool(dash) and d.char_end <= s.start + dash.start() + 1 and (idx == 0 or text[s.start - 1] == "\n")


def all_dates(text: str, default_year: int | None, published: date | None) -> list[DateMention]:
    """Full and year-less dates, then weekday-only references resolved against publication: the
    dates an event can have, in years YEAR_MIN to YEAR_MAX (`17 Agustus 1945` is history, `31
    Desember 9999` a placeholder; neither dates a meeting reported in the news)."""
    found = find_dates(text, default_year, published)
    found += find_weekdays(text, published, found)
    found += find_relative_days(text, published, found)
    return sorted((d for d in found if YEAR_MIN <= d.start.year and d.end.year <= YEAR_MAX),
                  key=lambda d: d.char_start)


PRESS_WINDOW = 120   # characters before a date in which a press briefing or interview makes it that day's


def choose_date(text: str, sentences: list[Sentence], name_sentences: set[int], default_year: int | None,
                published: date | None = None, background: set[int] = frozenset()) -> tuple[DateMention, int] | None:
    """The event's date: in a sentence naming the event, with a matching weekday, not a dateline,
    not in a sentence about another, a cancelled or a planned event, not in a sentence naming a
    background meeting (`di sela KTT ..., 9-11 Mei`), and not after publication."""
    best, best_score = None, float("-inf")
    for d in all_dates(text, default_year, published):
        idx = _sentence_of(sentences, d.char_start)
        score = 3.0 if idx in name_sentences else 0.0
        score -= 3.0 if idx in background else 0.0
        if _not_event_pattern().search(text[max(sentences[idx].start, d.char_start - PRESS_WINDOW):d.char_start]):
            score -= 3.0   # `dalam konferensi pers ..., Rabu (4/9)`: the day of a press briefing
        score += 1.0 if d.has_year else 0.0
        if d.relative:
            score -= 1.0
        else:
            score += 2.0 if d.weekday_matches else (-1.0 if d.weekday_matches is False else 0.0)
        score -= 5.0 if is_reference(sentences[idx]) else 0.0
        score -= 2.0 if _is_dateline(text, d, sentences, idx) else 0.0
        lead_in = " ".join(text[max(sentences[idx].start, d.char_start - 40):d.char_start].split()[-3:])
        score += 1.5 if word_pattern("start_word").search(lead_in) else 0.0   # `which began Wednesday`
        score -= 4.0 if published and d.start > published else 0.0
        if score > best_score:
            best, best_score = (d, idx), score
    return best


def _range_around(day: DateMention, text: str, sentences: list[Sentence], published: date | None,
                  default_year: int | None, others: list[NameMention] = ()) -> tuple[DateMention, int] | None:
    """The meeting's days as the text states them (`berlangsung pada 3-6 Desember 2018`) when the
    day chosen is one of them (`konferensi pers ..., Kamis (6/12/2018)`): a range holding the day,
    in a sentence about this meeting: not a reference, none naming another event before the range
    (`Singapore International Cyber Week, 5-9 October`), none on a series that began with another
    meeting (`rangkaian sidang ... 19-23 September, yang diawali sidang pejabat senior`)."""
    if day.end > day.start:
        return None
    for d in all_dates(text, default_year, published):
        idx = _sentence_of(sentences, d.char_start)
        s = sentences[idx]
        before = text[s.start:d.char_start]
        other_first = any(m.sentence == idx and m.name in before for m in others)   # `Cyber Week, held ... 5 to 9 October`
        if (d.end > d.start and d.start <= day.start <= d.end and not other_first
                and not is_reference(s) and not word_pattern("series_start").search(s.text)):
            return d, idx
    return None


def city_iso3(city: str | None) -> str | None:
    """The country a known city or venue area is in (GeoNames, data/cities.csv)."""
    return place_country(city)


def is_online(sentences: list[Sentence], order: list[int]) -> bool:
    """Met only online: an online cue (`virtually`, `secara daring`, `by video link`) where the event is
    named or dated, and no hybrid or in-person cue anywhere."""
    if any(word_pattern("hybrid").search(s.text) for s in sentences):
        return False
    return any(_meeting_online(sentences[i].text) for i in order)


def _meeting_online(text: str) -> bool:
    """An online cue about the meeting, not about one person taking part from afar (`Presiden membuka
    secara virtual ...`, `the minister joined virtually`: the meeting itself may have met in person)."""
    for m in word_pattern("online").finditer(text):
        before = " ".join(text[:m.start()].split()[-2:])
        if not word_pattern("remote_verb").search(before):
            return True
    return False


@lru_cache(maxsize=1)
def _before_pattern() -> re.Pattern[str]:
    """A place preposition (`di`, `in`, `at`, `di kota`) right before a name."""
    return re.compile(rf"(?i)\b(?:{_alt(words('place_prep'), fold=True)})\s+$")


def choose_city(text: str, sentences: list[Sentence], anchor: int, name_sents: set[int] = frozenset(),
                online: bool = False, day: date | None = None) -> str | None:
    """The city where the event took place: named in the anchor or a naming sentence (best after
    `di`/`in`/`at`), or in the dateline; not in a sentence about another event. Online meetings have
    none unless a sentence says the meeting was held from a city (`held virtually from Kuala Lumpur`)."""
    scores: dict[str, float] = {}
    places = find_places(text)
    s = sentences[anchor]
    named = {m.iso3 for m in find_countries(text)} | {p.iso3 for p in places}
    if not online and not is_reference(s) and not future_pattern().search(s.text):
        # a smaller town the sentence that dates the meeting places it in (`digelar di Kuta`)
        places += towns_after_preposition(text, s.start, s.end, named)
    town = dateline_town(text, named)
    places += [town] if town else []
    for p in places:
        idx = _sentence_of(sentences, p.char_start)
        s = sentences[idx]
        if online and not (word_pattern("held").search(s.text) and word_pattern("online").search(s.text)
                           and re.search(r"(?i)\b(?:from|dari)\s+$", text[max(0, p.char_start - 8):p.char_start])
                           and not word_pattern("met").search(s.text)):
            continue
        near = idx == anchor or idx in name_sents
        prep = bool(_before_pattern().search(text[max(0, p.char_start - 16):p.char_start]))
        score = 0.5 * p.confidence + (3.0 if idx == anchor else 1.5 if idx in name_sents else 0.0)
        score += 2.0 if prep and near else 0.0
        score += 1.0 if (p.char_start == s.start and re.match(r"\s*[,:–—-]", text[p.char_end:])) else 0.0
        earlier = day and p.char_start != s.start and dated_before(s, day)   # `in April 2009, ... in Pattaya`
        score -= 5.0 if is_reference(s) or earlier else 0.0
        scores[p.name] = scores.get(p.name, 0.0) + score
    if not scores:
        return None
    city = max(sorted(scores), key=scores.get)
    return city if scores[city] > 0 else None


def choose_venue(sentences: list[Sentence], order: list[int]) -> str | None:
    """A named venue (`Hotel Borobudur`, `Gedung Kemlu`, `Grand Hyatt hotel`) from the sentences in order."""
    venue_words = "|".join(re.escape(w) for w in cues("venue") if w[:1].isupper())
    pattern = re.compile(rf"\b(?:di|at|in|dari)\s+(?:the\s+)?(?P<v>(?:{venue_words})(?:\s+{_CAP})+|(?:{_CAP}\s+)+hotel)\b")
    for i in order:
        m = pattern.search(sentences[i].text)
        if m:
            return m.group("v")
    return None


@lru_cache(maxsize=1)
def _tagline_pattern() -> re.Pattern[str]:
    cue = "|".join(re.escape(c) for c in cues("tagline"))
    return re.compile(rf"\s*(?i:{cue})\s*:?\s*[‘'\"“](?P<t>[^’'\"”]{{3,120}})[’'\"”]")


def find_tagline(text: str) -> str | None:
    """The event's stated theme in quotes (`bertajuk ‘Digital Diplomacy: ...’`, `themed "..."`)."""
    m = _tagline_pattern().search(text)
    return m.group("t").strip() if m else None


def extract_event(text: str, sentences: list[Sentence], title: str | None, published: date | None,
                  default_year: int | None) -> EventCandidate | None:
    """The event one article reports, or None when it names no event with a date: a named event
    (proper name or acronym with ordinal) or, failing that, a meeting word in a dated sentence."""
    skip = 1 if title and sentences and sentences[0].text == title else 0
    dates = all_dates(text, default_year, published)
    dated = {_sentence_of(sentences, d.char_start) for d in dates if not (published and d.start > published)}
    mentions = find_event_names(sentences, skip, published)
    group = _choose_group(_groups(mentions), sentences, text, dated) if mentions else None
    if group is None or _tier(group, sentences, dated) == 2:
        described = [m for m in find_described_meetings(sentences, dated, skip, published) if not m.background]
        if described:
            group = _choose_group(_groups(described), sentences, text, dated)
    elif _other_time_than_lead(group, sentences, skip, dates, text):
        # The lead reports a meeting on another day than the one this name is dated to: the name is
        # the setting (`for the 42nd ASEAN Summit ... from May 9 to 11`), the lead's meeting the event.
        described = [m for m in find_described_meetings(sentences, dated, skip, published) if not m.background
                     and not any(m.name.lower() in g.name.lower() for g in group)]
        if described:
            mentions = [replace(m, background=True) if m in group else m for m in mentions]
            group = _choose_group(_groups(described), sentences, text, dated)
    if group is None or all(m.background or is_reference(sentences[m.sentence]) for m in group):
        return None   # only a larger, past or other meeting is named: the article reports none
    background = {m.sentence for m in mentions if m.background}
    chosen = _display(group)
    name_sents = _group_sentences(group, sentences)
    picked = choose_date(text, sentences, name_sents - background, default_year, published, background)
    if picked is None:
        return None
    when, anchor = picked
    when = opening_day(when, sentences[anchor].text, text)
    others = [m for m in mentions if not any(_same_mention(m, g) for g in group)]
    span = _range_around(when, text, sentences, published, default_year, others)
    if span is not None:
        when, anchor = span
    order = [anchor] + sorted(name_sents - {anchor}) + [i for i in range(len(sentences)) if i != anchor]
    near = [anchor] + sorted(name_sents)
    online = is_online(sentences, near + [i + 1 for i in near if i + 1 < len(sentences)])
    confidence = METHOD_CONFIDENCE[chosen.method] * (0.8 if when.relative or not when.has_year else 1.0)
    return EventCandidate(
        name=chosen.name, acronym=chosen.acronym, name_lang=chosen.lang if chosen.lang != "und" else "id",
        event_type=event_type_of(chosen.name), start_date=when.start, end_date=when.end,
        city=choose_city(text, sentences, anchor, name_sents, online, when.start), venue=choose_venue(sentences, order),
        tagline=find_tagline(text), anchor=sentences[anchor],
        name_sentence=sentences[min(m.sentence for m in group)],
        mentions=group, method=chosen.method, confidence=round(confidence, 2), online=online,
    )
