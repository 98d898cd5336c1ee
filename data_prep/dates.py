"""Date mentions in Indonesian and English news text, with offsets: `Senin (3/2/2020)`,
`Rabu (5/2)` (year from context), `14 Maret 2020`, `Sept 3, 2020`, `Jan 21-22, 2021`, `21st – 23rd March
2023`, `from 19th to 20th July`, `the 20th of October`, `02/02/2024`, and weekday-only references
(`on Wednesday`, `Kamis pagi`) resolved against the publication date.
Month and weekday names come from CLDR via Babel; range and ordinal words from data/event_words.csv."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from babel.dates import get_day_names, get_month_names

from .resources import read_rows
from .textutil import trie_regex

LOCALES = ("id", "en")
YEAR_MIN, YEAR_MAX = 1990, 2100   # a bare number in this range may be a year


@dataclass(frozen=True)
class DateMention:
    """A date (or date range) found in text, with where it stands and how it was written.
    `relative` marks a weekday-only reference resolved against the publication date."""
    start: date
    end: date
    char_start: int
    char_end: int
    has_year: bool
    weekday: str | None
    weekday_matches: bool | None
    relative: bool = False


# The letters a case-insensitive pattern matches with an ASCII `i`, `s` or `k` whose lower case is
# not that letter (Turkish `İ` and `ı`, the long `ſ`, the Kelvin sign): `12 ſeptember` matches the
# month pattern, so the lookups must find it too.
_CASE_VARIANTS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})


def lookup_key(word: str) -> str:
    """A word matched by a case-insensitive pattern as the key of the lower-case ASCII lookups below
    (months, weekdays, relative days): lower case, with `İ`, `ı`, `ſ` and the Kelvin sign made ASCII."""
    return word.translate(_CASE_VARIANTS).lower()


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


def words(kind: str) -> tuple[str, ...]:
    """Words of one kind from data/event_words.csv (ordinal, range, weekday_past, online, ...)."""
    return tuple(r["word"] for r in read_rows("event_words") if r["kind"] == kind)


def _alternation(names) -> str:
    """A case-insensitive alternation of the names, factored by prefix (every use here ignores case)."""
    return trie_regex(n.lower() for n in names)


@lru_cache(maxsize=1)
def _patterns() -> list[re.Pattern[str]]:
    mon = _alternation(month_lookup())
    wd = _alternation(weekday_lookup())
    weekday = rf"(?:(?P<wd>{wd})\b,?\s*\(?)?"
    day = r"(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    day2 = r"(?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
    rng = rf"(?:\s*[-–—]\s*|\s+(?:{_alternation(words('range'))})\s+)"
    of = rf"(?:\s+(?:{_alternation(words('date_of'))}))?"
    flags = re.IGNORECASE
    return [
        # across months: 30 November - 1 Desember 2017, 30 Januari - 2 Februari, 28th February to 1st March
        re.compile(rf"{weekday}\b{day}\s+(?P<mon>{mon})\b\.?{rng}{day2}\s+(?P<mon2>{mon})\b\.?"
                   rf"(?:,?\s+(?P<y>\d{{4}}))?", flags),
        # Senin (3/2/2020), Rabu (5/2), (4/3/2020)
        re.compile(rf"{weekday}\((?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?\)", flags),
        # 02/02/2024, 26/7/2017 (a four-digit year is required outside brackets)
        re.compile(rf"{weekday}(?<![\d/])(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})(?![\d/])", flags),
        # Kamis 14 Mei 2020, 21-22 January 2021, 21st – 23rd March 2023, from 19th to 20th July, the 20th of October
        re.compile(rf"{weekday}\b{day}(?:{rng}{day2})?{of}\s+(?P<mon>{mon})\b\.?(?:,?\s+(?P<y>\d{{4}}))?", flags),
        # Sept 10, 2019; Jan 21-22, 2021; July 29 (no year); March 3 to 4
        re.compile(rf"{weekday}\b(?P<mon>{mon})\b\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:{rng}(?P<d2>\d{{1,2}}))?"
                   rf"(?!\d)(?:(?:,\s*|\s+)(?P<y>\d{{4}}))?", flags),   # also `July 30,2017`
        # 2017.07.29, 2017-07-29 (year first: bylines and ISO dates)
        re.compile(r"(?<![\d.\-/])(?P<y>(?:19|20)\d\d)([.\-/])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?![\d.\-/])"),
    ]


def _year(raw: str | None) -> int | None:
    if raw is None:
        return None
    year = int(raw)
    return year + 2000 if year < 100 else year


def shift(day: date, days: int) -> date | None:
    """The day `days` days after `day` (before it when negative); None past the calendar's ends
    (a publication line dated `31 Desember 9999` and `Senin depan`)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def year_for(month: int, default_year: int | None, published: date | None) -> int | None:
    """The year of a date written without one: the publication year, or the year before when the
    month is after the publication month (a report looks back); else `default_year`."""
    if published:
        return published.year - 1 if month > published.month else published.year
    return default_year


def find_dates(text: str, default_year: int | None = None, published: date | None = None
               ) -> list[DateMention]:
    """Every date mention in the text, in order (see `_find_dates`; cached, as the event step asks
    for the same text's dates more than once)."""
    return list(_find_dates(text, default_year, published))


@lru_cache(maxsize=64)
def _find_dates(text: str, default_year: int | None = None, published: date | None = None
                ) -> tuple[DateMention, ...]:
    """Every date mention in the text, in order. Mentions without a year take the year from
    `published` (see `year_for`), else `default_year`, and are skipped when neither is known;
    impossible dates (31/2) are skipped. Weekday-only references come from `find_weekdays`."""
    months, weekdays = month_lookup(), weekday_lookup()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m_start, m_end, gd in _raw_matches(text):
        if any(s < m_end and m_start < e for s, e in taken):
            continue
        month = int(gd["m"]) if gd.get("m") else months[lookup_key(gd["mon"]).rstrip(".")]
        year = _year(gd.get("y"))
        has_year = year is not None
        year = year or year_for(month, default_year, published)
        if year is None:
            continue
        month2 = months[lookup_key(gd["mon2"]).rstrip(".")] if gd.get("mon2") else month
        try:
            # `30 December - 2 January 2020`: the year written belongs to the end
            start = date(year - (month2 < month and has_year), month, int(gd["d"]))
            end = date(year + (month2 < month and not has_year), month2, int(gd["d2"])) if gd.get("d2") else start
        except ValueError:
            continue
        if end < start:
            continue
        wd = gd.get("wd")
        matches = None if not wd else weekdays[lookup_key(wd)] == start.weekday()
        found.append(DateMention(start, end, m_start, m_end, has_year, wd, matches))
        taken.append((m_start, m_end))
    return tuple(sorted(found, key=lambda d: d.char_start))


@lru_cache(maxsize=64)
def _raw_matches(text: str) -> tuple[tuple[int, int, dict], ...]:
    """Every match of every date pattern, pattern by pattern (the order `_find_dates` takes them in):
    the scan does not depend on the year, so one scan serves each candidate year."""
    windows = _windows(text)
    return tuple((m.start(), m.end(), m.groupdict()) for pattern in _patterns()
                 for a, b in windows for m in pattern.finditer(text, a, b))


DATE_SPAN = 80   # characters: longer than any date written out (`Wednesday, 30 November hingga 1 Desember 2017`)


@lru_cache(maxsize=1)
def _anchor_pattern() -> re.Pattern[str]:
    """Where a date can start: a digit, a bracket, `the`, a weekday or a month name."""
    names = _alternation(list(weekday_lookup()) + list(month_lookup()) + ["the"])
    return re.compile(rf"\d|\(|(?i:\b(?:{names}))")


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of the text that can hold a date: from each anchor to DATE_SPAN characters on (to
    the next space), merged. The date patterns scan only these, which is the same as scanning the
    whole text (every date starts at an anchor and is shorter than DATE_SPAN) but much quicker."""
    out: list[tuple[int, int]] = []
    for m in _anchor_pattern().finditer(text):
        start = m.start()
        if out and start <= out[-1][1]:
            start = out[-1][0]
            out.pop()
        end = text.find(" ", m.start() + DATE_SPAN)
        out.append((start, len(text) if end < 0 else end))
    return out


@lru_cache(maxsize=1)
def _weekday_pattern() -> re.Pattern[str]:
    wd = _alternation(weekday_lookup())
    past = _alternation(words("weekday_past"))
    future = _alternation(words("weekday_future"))
    return re.compile(rf"(?:\b(?P<pre>{past}|{future})\s+)?\b(?P<wd>{wd})\b(?:\s+(?P<post>{past}|{future})\b)?",
                      re.IGNORECASE)


def find_weekdays(text: str, published: date | None, skip: list[DateMention] = ()) -> list[DateMention]:
    """Weekday-only references (`on Wednesday`, `Kamis pagi`, `last Tuesday`, `Rabu lalu`) as dates:
    the most recent such weekday on or before publication (after it for `next`/`depan`). Weekdays
    inside a full date mention (`skip`) are left out; nothing is found without a publication date."""
    if published is None:
        return []
    future = {w.lower() for w in words("weekday_future")}
    out = []
    for m in _weekday_pattern().finditer(text):
        if any(d.char_start <= m.start("wd") < d.char_end for d in skip):
            continue
        target = weekday_lookup()[lookup_key(m.group("wd"))]
        ahead = lookup_key(m.group("pre") or m.group("post") or "") in future
        if ahead:
            day = shift(published, (target - published.weekday()) % 7 or 7)
        else:
            day = shift(published, -((published.weekday() - target) % 7))
        if day is None:
            continue
        out.append(DateMention(day, day, m.start(), m.end(), False, m.group("wd"), True, relative=True))
    return out


@lru_cache(maxsize=1)
def _relative_day_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    offsets = {r["word"].lower(): int(r["offset"]) for r in read_rows("relative_days")}
    return re.compile(rf"(?i)(?<![\w-])(?:{_alternation(offsets)})(?![\w-])"), offsets


def find_relative_days(text: str, published: date | None, skip: list[DateMention] = ()) -> list[DateMention]:
    """`convened today`, `kemarin`: a day counted from the publication date (data/relative_days.csv);
    nothing is found without a publication date or inside another date mention."""
    if published is None:
        return []
    pattern, offsets = _relative_day_pattern()
    out = []
    for m in pattern.finditer(text):
        if any(d.char_start <= m.start() < d.char_end for d in skip):
            continue
        day = shift(published, offsets[lookup_key(m.group())])
        if day is None:
            continue
        out.append(DateMention(day, day, m.start(), m.end(), False, None, None, relative=True))
    return out


def bare_years(text: str) -> list[int]:
    """Four-digit numbers that may be years (1990-2100), in order."""
    return [int(y) for y in re.findall(r"(?<![\d/.,])(\d{4})(?![\d/]|[.,]\d)", text) if YEAR_MIN <= int(y) <= YEAR_MAX]


def context_year(text: str, published: date | None) -> int | None:
    """The year to give dates written without one: the publication year; else, among the years of
    the text's full dates and the year after each, the one its weekdays fit, else the commonest;
    else the year its weekdays fit among the years it names; else None (we do not guess)."""
    if published:
        return published.year
    years = [d.start.year for d in find_dates(text) if d.has_year]
    if not years:
        return weekday_year(text)
    # A full date may belong to an earlier meeting the text recalls (`... diadakan pada 12 Juli 2018`):
    # the year in which the year-less dates meet their weekdays wins over the commonest year.
    fit = weekday_year(text, set(years) | {y + 1 for y in years})
    return fit if fit is not None else max(set(years), key=years.count)


WEEKDAY_WINDOW = 100   # characters around a year-less date searched for the weekday it fell on


def weekday_year(text: str, candidates: set[int] | None = None) -> int | None:
    """The one year, among `candidates` (default: the years the text names, `a priority for 2025`),
    in which the text's year-less dates fall on the weekdays named beside them (`Jan 17 - ... on
    Friday`). None when no year, or more than one, fits."""
    wd = re.compile(rf"(?i)\b(?:{_alternation(weekday_lookup())})\b")
    support: dict[int, int] = {}
    for year in sorted(candidates if candidates is not None else set(bare_years(text))):
        for d in find_dates(text, year):
            if d.has_year:
                continue
            near = text[max(0, d.char_start - WEEKDAY_WINDOW):d.char_end + WEEKDAY_WINDOW]
            days = {weekday_lookup()[lookup_key(m.group())] for m in wd.finditer(near)}
            if {d.start.weekday(), d.end.weekday()} & days:
                support[year] = support.get(year, 0) + 1
    if not support:
        return None
    best = max(support.values())
    winners = [y for y, n in support.items() if n == best]
    return winners[0] if len(winners) == 1 else None


@lru_cache(maxsize=1)
def _duration_pattern() -> re.Pattern[str]:
    """`four-day talks`, `a two-day meeting`, `pertemuan tiga hari`, `selama dua hari`, `3-day`: how many
    days a meeting lasted (number words from data/number_words.csv)."""
    numbers = _alternation(r["word"] for r in read_rows("number_words"))
    return re.compile(rf"(?i)\b(?P<n>\d|{numbers})(?:-day\b|\s+day\b|\s+hari\b)")


@lru_cache(maxsize=1)
def _closing_pattern() -> re.Pattern[str]:
    """`wrapped up`, `ditutup`, `hari terakhir`: the day a meeting ended (data/event_words.csv `closing`)."""
    return re.compile(rf"(?i)(?<!\w)(?:{_alternation(words('closing'))})(?!\w)")


def duration_days(text: str) -> int | None:
    """How many days the text says a meeting lasted (2-7), or None."""
    values = {r["word"].lower(): int(r["value"]) for r in read_rows("number_words")}
    for m in _duration_pattern().finditer(text):
        raw = lookup_key(m.group("n"))
        n = int(raw) if raw.isdigit() else values.get(raw)
        if n and 2 <= n <= 7:
            return n
    return None


def opening_day(day: DateMention, sentence: str, text: str) -> DateMention:
    """A single day given as the close of a meeting that the text says lasted N days (`wrapped up on
    Thursday`, `the four-day talks`) stands for the range that ends on it; other days stay as they are."""
    if day.start != day.end or not _closing_pattern().search(sentence):
        return day
    n = duration_days(sentence) or duration_days(text)
    first = shift(day.start, -(n - 1)) if n else None
    if first is None:
        return day
    return DateMention(first, day.start, day.char_start, day.char_end,
                       day.has_year, day.weekday, day.weekday_matches, day.relative)
