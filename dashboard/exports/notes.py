"""The notes table: one row per event with what a briefing note cites (date, name, place, host, the
countries and people, outcomes and sources), so nobody joins four tables by hand. Pure pandas; the Data
page shows it, the downloads and the briefing pack's appendix carry it. The cells' own words (roles, "more
in the outcomes table", a missing value) and country names are in the interface's language; the column
names are the data's (codes, the same in every language); names, outcomes and sources as written."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.i18n import N_, _, format_number
from dashboard.labels import clean, date_span, empty_text, name_with_acronym
from dashboard.state.filters import country_label
from data_prep import all_countries

NOTES_COLUMNS = ["date", "event", "place", "host", "countries", "people", "outcomes", "sources", "event_id"]
NOTES_TABLE = "notes"   # its name among the downloads
NOTE_HEADER = [N_("Date"), N_("Event"), N_("Place"), N_("Host"), N_("Countries"), N_("People"), N_("Outcomes"),
               N_("Sources")]   # in a pack (msgids: translated where shown)
MAX_OUTCOMES = 3        # outcome sentences per event; the rest are counted ("+2 more in the outcomes table")

# How a country's role reads after its name in the countries cell; roles not named read as the bare name.
ROLE_MARKS = {"host": N_("host"), "co_chair": N_("co-chair"), "implied_member": N_("implied: an ASEAN member, not named")}
ROLE_ORDER = {"host": 0, "co_chair": 1, "participant": 2, "speaker_country": 2, "implied_member": 3}


def notes_table(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per event of `tables` (filtered or whole), oldest first, every cell plain text."""
    ev = tables["events"].sort_values(["start_date", "event_id"], na_position="last")
    if ev.empty:
        return pd.DataFrame(columns=NOTES_COLUMNS)
    missing = empty_text()
    names = _country_names(tables)
    countries = _countries(tables["participants"])
    people = _people(tables["attendees"], names)
    outcomes = _outcomes(tables.get("outcomes"))
    sources = _sources(tables["articles"])
    rows = []
    for r in ev.itertuples(index=False):
        e = r.event_id
        rows.append({
            "date": date_span(r.start_date, r.end_date),
            "event": name_with_acronym(r.name, r.acronym),
            "place": ", ".join(v for v in (clean(r.venue), clean(r.city)) if v) or missing,
            "host": names.get(clean(r.host_iso3) or "", clean(r.host_iso3) or missing),
            "countries": countries.get(e, missing),
            "people": people.get(e, missing),
            "outcomes": outcomes.get(e, missing),
            "sources": sources.get(e, missing),
            "event_id": e,
        })
    return pd.DataFrame(rows, columns=NOTES_COLUMNS)


def _country_names(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """ISO3 -> name: the build's own names over the library's (pycountry, via data_prep)."""
    p = tables["participants"].dropna(subset=["iso3"]).drop_duplicates("iso3")
    names = {**all_countries(), **dict(zip(p["iso3"].astype(str), p["country"].astype(str)))}
    return {iso3: country_label(iso3, name) for iso3, name in names.items()}


def _countries(participants: pd.DataFrame) -> dict[str, str]:
    """event_id -> 'Indonesia (host); Australia; New Zealand; Brunei (implied: …)', by role then name;
    a country with several roles reads once, under its first."""
    if participants.empty:
        return {}
    p = participants.dropna(subset=["iso3"]).assign(order=lambda d: d["role"].map(ROLE_ORDER).fillna(2))
    p = p.sort_values(["event_id", "order", "country"]).drop_duplicates(["event_id", "iso3"])
    mark = p["role"].map(lambda r: _(ROLE_MARKS[r]) if r in ROLE_MARKS else None)
    p = p.assign(cell=[f"{country_label(i, c)} ({m})" if isinstance(m, str) else country_label(i, str(c))
                       for i, c, m in zip(p["iso3"], p["country"], mark)])
    return p.groupby("event_id", sort=False)["cell"].agg("; ".join).to_dict()


def _people(attendees: pd.DataFrame, names: Mapping[str, str]) -> dict[str, str]:
    """event_id -> 'Retno Marsudi (Menteri Luar Negeri, Kemlu, Indonesia); …' in the table's order."""
    if attendees.empty:
        return {}
    cells = []
    for title, org, iso3, name in zip(attendees["title"], attendees["organization"], attendees["iso3"],
                                      attendees["name"]):
        title, org = clean(title), clean(org)
        if title and org and org.casefold() in title.casefold():   # "Duta Besar Kedutaan Denmark" holds its office
            org = None
        about = [v for v in (title, org, names.get(clean(iso3) or "", clean(iso3))) if v]
        cells.append(f"{name} ({', '.join(about)})" if about else str(name))
    a = attendees.assign(cell=cells).drop_duplicates(["event_id", "cell"])
    return a.groupby("event_id", sort=False)["cell"].agg("; ".join).to_dict()


def _outcomes(outcomes: pd.DataFrame | None) -> dict[str, str]:
    """event_id -> its first outcome sentences by rank, ' | '-joined, and how many more there are."""
    if outcomes is None or outcomes.empty:
        return {}
    o = outcomes.sort_values(["event_id", "rank"]).drop_duplicates(["event_id", "sentence"])
    out = {}
    for event_id, g in o.groupby("event_id", sort=False):
        sentences = [str(s).strip() for s in g["sentence"]]
        more = len(sentences) - MAX_OUTCOMES
        out[event_id] = " | ".join(sentences[:MAX_OUTCOMES]) + (
            " " + _("(+{n} more in the outcomes table)").format(n=format_number(more)) if more > 0 else "")
    return out


def _sources(articles: pd.DataFrame) -> dict[str, str]:
    """event_id -> 'Antara, 2019-09-10, https://… ; Kompas, 2019-09-11, article a02', by date."""
    a = articles[articles["status"] == "included"] if "status" in articles.columns else articles
    if a.empty:
        return {}
    a = a.sort_values(["event_id", "published_date", "article_id"])
    missing = empty_text()
    cells = []
    for outlet, day, url, article_id in zip(a["outlet"], a["published_date"], a.get("url", pd.Series(index=a.index)),
                                            a["article_id"]):
        when = missing if pd.isna(day) else f"{pd.Timestamp(day):%Y-%m-%d}"
        where = clean(url) if str(clean(url) or "").startswith(("http://", "https://")) else \
            _("article {id}").format(id=article_id)
        outlet = clean(outlet) or _("outlet {missing}").format(missing=missing)
        cells.append(f"{outlet}, {when}, {where}")
    return a.assign(cell=cells).groupby("event_id", sort=False)["cell"].agg("; ".join).to_dict()
