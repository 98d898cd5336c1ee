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


_GROUP = re.compile(
    r"(?:(?P<n>\d{1,2}|sepuluh|sebelas|ten|eleven|all|seluruh|semua)\s+(?:the\s+)?)?"
    r"(?:(?:negara|negara-negara)\s+(?:anggota\s+)?ASEAN"
    r"|ASEAN\s+(?:member\s+states|member\s+countries|members|countries|nations|states))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class GroupMention:
    """A phrase naming ASEAN's members as a group (`10 negara ASEAN`, `the ten ASEAN member states`)."""
    start: int
    end: int
    surface: str


def find_asean_groups(text: str) -> list[GroupMention]:
    """Phrases that stand for all ASEAN member states; expand with `asean_members_on(event date)`."""
    return [GroupMention(m.start(), m.end(), m.group()) for m in _GROUP.finditer(text)
            if "ASEAN" in m.group()]
