"""Date mentions in Indonesian and English news text, with offsets: `Senin (3/2/2020)`,
`Rabu (5/2)` (year from context), `14 Maret 2020`, `Sept 3, 2020`, `Jan 21-22, 2021`.
Month and weekday names come from CLDR via Babel, so no language table is typed in by hand."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from babel.dates import get_day_names, get_month_names

LOCALES = ("id", "en")


@dataclass(frozen=True)
class DateMention:
    """A date (or date range) found in text, with where it stands and how it was written."""
    start: date
    end: date
    char_start: int
    char_end: int
    has_year: bool
    weekday: str | None
    weekday_matches: bool | None


@lru_cache(maxsize=1)
def month_lookup() -> dict[str, int]:
    """Month name or abbreviation (lower case) -> month number, Indonesian and English."""
    lookup: dict[str, int] = {}
    for loc in LOCALES:
        for width in ("wide", "abbreviated"):
            for num, name in get_month_names(width, locale=loc).items():
                lookup[name.lower().rstrip(".")] = num
    lookup["sept"] = 9  # common English abbreviation CLDR does not list
    lookup["agt"] = 8   # common Indonesian abbreviation of Agustus
    return lookup


@lru_cache(maxsize=1)
def weekday_lookup() -> dict[str, int]:
    """Weekday name (lower case) -> Python weekday number (Monday 0), Indonesian and English."""
    lookup: dict[str, int] = {}
    for loc in LOCALES:
        for num, name in get_day_names("wide", locale=loc).items():
            lookup[name.lower()] = num
    lookup["jum'at"] = lookup["jumat"]
    return lookup


def _alternation(names: dict[str, int]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> list[re.Pattern[str]]:
    mon = _alternation(month_lookup())
    wd = _alternation(weekday_lookup())
    weekday = rf"(?:(?P<wd>{wd})\b,?\s*\(?)?"
    flags = re.IGNORECASE
    return [
        # Senin (3/2/2020), Rabu (5/2), (4/3/2020)
        re.compile(rf"{weekday}\((?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?\)", flags),
        # Kamis 14 Mei 2020, 04 Maret 2020, 21-22 January 2021, 14 Mei (no year)
        re.compile(rf"{weekday}\b(?P<d>\d{{1,2}})(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?\s+(?P<mon>{mon})\b\.?"
                   rf"(?:,?\s+(?P<y>\d{{4}}))?", flags),
        # Sept 10, 2019; Jan 21-22, 2021; July 29 (no year)
        re.compile(rf"{weekday}\b(?P<mon>{mon})\b\.?\s+(?P<d>\d{{1,2}})(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?"
                   rf"(?!\d)(?:,?\s+(?P<y>\d{{4}}))?", flags),
    ]


def _year(raw: str | None) -> int | None:
    if raw is None:
        return None
    year = int(raw)
    return year + 2000 if year < 100 else year


def find_dates(text: str, default_year: int | None = None) -> list[DateMention]:
    """Every date mention in the text, in order. Mentions without a year take `default_year`
    (skipped when it is None); impossible dates (31/2) are skipped."""
    months, weekdays = month_lookup(), weekday_lookup()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _patterns():
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            gd = m.groupdict()
            year = _year(gd.get("y"))
            has_year = year is not None
            year = year or default_year
            if year is None:
                continue
            month = int(gd["m"]) if gd.get("m") else months[gd["mon"].lower().rstrip(".")]
            try:
                start = date(year, month, int(gd["d"]))
                end = date(year, month, int(gd["d2"])) if gd.get("d2") else start
            except ValueError:
                continue
            if end < start:
                continue
            wd = gd.get("wd")
            matches = None if not wd else weekdays[wd.lower()] == start.weekday()
            found.append(DateMention(start, end, m.start(), m.end(), has_year, wd, matches))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.char_start)


def context_year(text: str, published: date | None) -> int | None:
    """The year to give dates written without one: the publication year, else the most common year
    among full dates in the text, else None (we do not guess)."""
    if published:
        return published.year
    years = [d.start.year for d in find_dates(text) if d.has_year]
    return max(set(years), key=years.count) if years else None
