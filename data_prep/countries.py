"""Country recognition: names in Indonesian and English from CLDR (Babel), ISO codes from pycountry,
plus the alias, demonym and ASEAN-membership data files; and group phrases like `10 negara ASEAN`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pycountry
from babel import Locale

from .resources import read_rows
from .textutil import phrase_pattern

NAME_LOCALES = ("id", "en")


@dataclass(frozen=True)
class CountryMention:
    """A country named in text, with its offsets and how it was named."""
    iso3: str
    start: int
    end: int
    surface: str


@lru_cache(maxsize=1)
def alpha2_to_alpha3() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> alpha-3 for every current country (pycountry)."""
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Surface form -> ISO3: CLDR names in each locale (with and without parenthesised parts),
    then the alias file, which wins on conflicts."""
    to3 = alpha2_to_alpha3()
    names: dict[str, str] = {}
    for loc in NAME_LOCALES:
        for code, name in Locale.parse(loc).territories.items():
            iso3 = to3.get(code)
            if not iso3:
                continue
            for variant in _variants(name):
                names.setdefault(variant, iso3)
    for row in read_rows("country_aliases"):
        names[row["alias"]] = row["iso3"]
    return names


def _variants(name: str) -> set[str]:
    """`Myanmar (Burma)` -> {Myanmar (Burma), Myanmar, Burma}; `Congo - Kinshasa` -> {.., Congo}."""
    out = {name}
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if m:
        out |= {m.group(1), m.group(2)}
    out |= {part.strip() for part in re.split(r"\s+-\s+", name)[:1]}
    return {v for v in out if len(v) > 2 or v.isupper()}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return phrase_pattern(gazetteer())


def find_countries(text: str) -> list[CountryMention]:
    """Every country name or alias in the text (case-sensitive: country names are proper nouns)."""
    names = gazetteer()
    out = []
    for m in _pattern().finditer(text):
        surface = " ".join(m.group().split())
        out.append(CountryMention(names[surface], m.start(), m.end(), m.group()))
    return out


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """English demonym or adjective -> ISO3 (`Australian` -> AUS), for titles like
    `Australian Attorney-General`."""
    return {r["demonym"]: r["iso3"] for r in read_rows("demonyms")}


@lru_cache(maxsize=None)
def country_name(iso3: str) -> str:
    """English short name from CLDR (`KOR` -> `South Korea`), the name shown in tables."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    name = Locale.parse("en").territories.get(country.alpha_2, country.name)
    return re.sub(r"\s*\(.*\)$", "", name)


@lru_cache(maxsize=1)
def all_countries() -> dict[str, str]:
    """Every ISO 3166-1 country: alpha-3 code -> English short name, by name (for an analyst's picker)."""
    names = {c.alpha_3: country_name(c.alpha_3) for c in pycountry.countries}
    return dict(sorted(names.items(), key=lambda kv: kv[1]))


@lru_cache(maxsize=1)
def asean_joined() -> dict[str, date]:
    """ASEAN member -> date it joined (data/asean_members.csv)."""
    return {r["iso3"]: date.fromisoformat(r["joined"]) for r in read_rows("asean_members")}


def asean_members_on(day: date) -> list[str]:
    """ISO3 codes of ASEAN's members on a given day, sorted."""
    return sorted(iso3 for iso3, joined in asean_joined().items() if joined <= day)


def is_asean(iso3: str, day: date) -> bool:
    """Whether a country was an ASEAN member on a given day."""
    joined = asean_joined().get(iso3)
    return joined is not None and joined <= day


@lru_cache(maxsize=1)
def _group_counts() -> dict[str, str]:
    """Count words of group phrases (`sembilan`, `kesepuluh`, `all`) -> a number or `all`."""
    return {r["word"].lower(): r["value"] for r in read_rows("group_counts")}


@lru_cache(maxsize=1)
def _group_pattern() -> re.Pattern[str]:
    """`[all] [other] <count> [the] negara anggota ASEAN [lainnya]` / `... ASEAN member states`."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_group_counts(), key=len, reverse=True))
    others = "|".join(re.escape(r["word"]) for r in read_rows("group_others"))
    count = rf"(?:\d{{1,2}}|{words})"
    return re.compile(
        rf"(?:(?P<all>{count})\s+)?(?:(?P<pre>{others})\s+)?(?:(?P<n>{count})\s+)?(?:(?:the|of\s+the)\s+)?"
        r"(?:(?:negara|negara-negara|Negara|Negara-negara)\s+(?:anggota\s+)?ASEAN"
        r"|ASEAN\s+(?:member\s+states|member\s+countries|member\s+nations|members|countries|nations|states))"
        rf"(?:\s+(?P<post>{others})(?!\w))?",
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class GroupMention:
    """A phrase naming ASEAN's members as a group (`10 negara ASEAN`, `the ten ASEAN member states`).
    `count` is the number written (None for a generic phrase, -1 for `all`), `others` marks
    `lainnya` / `other` (the members besides one already named)."""
    start: int
    end: int
    surface: str
    count: int | None = None
    others: bool = False


def _count_value(word: str | None) -> int | None:
    if not word:
        return None
    word = " ".join(word.lower().split())
    value = word if word.isdigit() else _group_counts().get(word)
    return -1 if value == "all" else (int(value) if value else None)


def find_asean_groups(text: str) -> list[GroupMention]:
    """Phrases that stand for ASEAN's member states, counted (`sembilan negara anggota ASEAN
    lainnya`, `all 10 ASEAN member states`) or generic (`negara-negara anggota ASEAN`, count None)."""
    out = []
    if "asean" not in text.lower():
        return out   # every group phrase names ASEAN; most sentences do not
    for m in _group_pattern().finditer(text):
        if "ASEAN" not in m.group().upper():
            continue
        counts = [c for c in (_count_value(m.group("n")), _count_value(m.group("all"))) if c is not None]
        count = next((c for c in counts if c > 0), counts[0] if counts else None)
        out.append(GroupMention(m.start(), m.end(), m.group(), count, bool(m.group("pre") or m.group("post"))))
    return out


def group_members(group: GroupMention, day: date) -> list[str]:
    """The members a counted group phrase stands for on a day (the codebook: `10 negara ASEAN`
    means every member on the event date, eleven after Timor-Leste joined): all of them for `all`,
    a count of ten or more, the full count, or one short with `other` / `lainnya`; none for a
    generic phrase (no count) or a partial one (`lima negara ASEAN`)."""
    members = asean_members_on(day)
    if group.count is None:
        return []
    if (group.count == -1 or group.count >= min(10, len(members))
            or (group.others and group.count == len(members) - 1)):
        return members
    return []
