"""Step 7, merge: articles that report the same event (overlapping or adjacent dates, and the same
acronym, a similar name across languages, or the same city and type) become one event with several
sources. Articles about different events never merge: date ranges more than a day apart always separate."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from .events import PROPER, EventCandidate, base_acronym, name_key

NAME_SIMILARITY = 0.5   # Jaccard overlap of language-neutral name words
MAX_DAY_GAP = 1         # reports of a multi-day event may date it a day apart


def day_gap(a: EventCandidate, b: EventCandidate) -> int:
    """Days between two events' date ranges; 0 when they overlap (`3-6 March` and `Thursday (6/3)`)."""
    if a.start_date <= b.end_date and b.start_date <= a.end_date:
        return 0
    return min(abs((a.start_date - b.end_date).days), abs((b.start_date - a.end_date).days))


def same_event(a: EventCandidate, b: EventCandidate, keys: tuple[set[str], set[str]] | None = None) -> bool:
    """Whether two articles' events are the same real-world event: their date ranges overlap or lie a
    day apart, and they share an acronym or most name words, or the city and type when they overlap.
    `keys` are the two names' name_key, when the caller has them already."""
    gap = day_gap(a, b)
    if gap > MAX_DAY_GAP:
        return False
    if a.acronym and b.acronym and base_acronym(a.acronym) == base_acronym(b.acronym):
        return True
    ka, kb = keys or (name_key(a.name), name_key(b.name))
    similarity = len(ka & kb) / len(ka | kb) if ka | kb else 0.0
    if similarity >= NAME_SIMILARITY:
        return True
    return gap == 0 and a.city is not None and a.city == b.city and a.event_type == b.event_type


def group_articles(candidates: dict[str, EventCandidate]) -> list[list[str]]:
    """Article ids grouped by event (union of pairwise matches), groups and members sorted. Only
    candidates whose dates can lie within a day of each other are compared (by start date), and
    articles already in one group are not compared again, so a large corpus merges in near-linear time."""
    parent = {aid: aid for aid in candidates}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    ids = sorted(candidates, key=lambda a: (candidates[a].start_date, a))
    keys = {a: name_key(candidates[a].name) for a in ids}
    for i, a in enumerate(ids):
        reach = candidates[a].end_date + timedelta(days=MAX_DAY_GAP)
        for b in ids[i + 1:]:
            if candidates[b].start_date > reach:
                break
            if find(a) != find(b) and same_event(candidates[a], candidates[b], (keys[a], keys[b])):
                parent[find(b)] = find(a)
    groups: dict[str, list[str]] = {}
    for aid in sorted(candidates):
        groups.setdefault(find(aid), []).append(aid)
    return sorted(groups.values())


@dataclass
class MergedEvent:
    """One real-world event assembled from its articles' candidates."""
    event_id: str
    name: str
    acronym: str | None
    event_type: str
    start_date: object
    end_date: object
    city: str | None
    venue: str | None
    tagline: str | None
    article_ids: list[str]


def _most_common(values: list) -> object:
    values = [v for v in values if v is not None]
    if not values:
        return None
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def _fullest(names: list[str]) -> str | None:
    """The most common name; on a tie the longest (the fullest form of a proper name)."""
    if not names:
        return None
    counts = Counter(names)
    return max(names, key=lambda n: (counts[n], len(n), -names.index(n)))


def slugify(text: str, max_words: int = 6) -> str:
    """ASCII, lower-case, hyphenated slug of the first words of a text."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words]) or "event"


def merge_group(article_ids: list[str], candidates: dict[str, EventCandidate]) -> MergedEvent:
    """Combine one group's candidates: an English proper name beats an Indonesian one, which beats an
    acronym or a description; the start most reported (the earliest on a tie); the most common value
    wins elsewhere."""
    cands = [candidates[a] for a in article_ids]
    english = [c.name for c in cands if c.name_lang == "en" and c.method in PROPER]
    proper = [c.name for c in cands if c.method in PROPER]
    name = _fullest(english) or _fullest(proper) or _fullest([c.name for c in cands])
    name = name[:1].upper() + name[1:]
    acronym = _most_common([c.acronym for c in cands])
    ranges = [c for c in cands if c.end_date > c.start_date]
    if ranges:   # a report giving the meeting's days (`3-6 Maret`) dates it by its opening day
        start = min(c.start_date for c in ranges)
        end = max(c.end_date for c in cands)
    else:
        starts = Counter(c.start_date for c in cands)
        start = min(starts, key=lambda d: (-starts[d], d))   # the most reported start; on a tie the earliest
        end = max([c.end_date for c in cands if c.start_date == start])
    slug = acronym.split()[0].lower() if acronym else slugify(name)
    chosen = next(c for c in cands if c.name.lower() == name.lower())
    return MergedEvent(
        event_id=f"{start.isoformat()}-{slug}", name=name, acronym=acronym,
        event_type=chosen.event_type, start_date=start, end_date=end,
        city=_most_common([c.city for c in cands]), venue=_most_common([c.venue for c in cands]),
        tagline=_most_common([c.tagline for c in cands]), article_ids=list(article_ids),
    )
