"""The briefing pack's first page: what the filtered data says, in plain sentences with their sources.

`findings(tables, filtered, filters, labels)` reads the full tables (for names and sources) and the
filtered ones (what the filters keep, `state.filters.apply_filters`) and returns one `Finding` per line:
how many events, when and where; which countries took part (with a country filter: with whom the chosen
countries met, `figures.partners.partner_table`); who spoke for whom; the leading themes with their share
of events (`theme_measures.theme_measures`); when the events span several years, the theme whose share
shifted most (`figures.trends.theme_shift`); and what was agreed (the outcomes table). Every number and
name is read from the tables; nothing is inferred. Pure pandas: no Streamlit, no browser.

The sentences are in the interface's language (dashboard.i18n: `with i18n.language("id"):` for the CLI),
with numbers, dates and country names in its forms; quoted outcome sentences stay as written, and their
source names the language they are in (the articles' `language` column).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard import i18n
from dashboard.exports.provenance import join_and
from dashboard.figures.partners import implied_note, partner_table
from dashboard.figures.trends import theme_shift
from dashboard.i18n import _, language_name, ngettext
from dashboard.labels import clean, date_span, empty_text, fmt_date
from dashboard.state.filters import Filters, country_label
from dashboard.theme_measures import theme_measures

MAX_PEOPLE = 4        # people named on the findings page
MAX_THEMES = 3        # leading themes named
MAX_OUTCOMES = 3      # outcome sentences quoted
MAX_NAMES = 10        # names listed in one group of partners before "and N more"
OUTCOME_CHARS = 170   # an outcome sentence is cut (at a word) beyond this
MAX_SOURCES = 3       # articles named in one source line before "and N more"


@dataclass(frozen=True)
class Finding:
    """One line of the findings page: the sentence, where it comes from, and which kind of finding it is."""

    text: str
    source: str
    kind: str = ""  # "events" | "countries" | "people" | "themes" | "trend" | "outcome"


num = i18n.format_number


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _events(n: int) -> str:
    return ngettext("{n} event", "{n} events", n).format(n=num(n))


def _countries(n: int) -> str:
    return ngettext("{n} country", "{n} countries", n).format(n=num(n))


def _sentences(n: int) -> str:
    return ngettext("{n} sentence", "{n} sentences", n).format(n=num(n))


def _source_articles(n: int) -> str:
    return ngettext("{n} source article", "{n} source articles", n).format(n=num(n))


def _join(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C' (in the interface's language)."""
    return join_and(list(names))


def shorten(text: str, limit: int = OUTCOME_CHARS) -> str:
    """`text` on one line, cut at the last word boundary before `limit` characters with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + " …"


def article_source(articles: pd.DataFrame, article_id, quote: bool = False) -> str:
    """'alinea.id, 2019-09-10 (article 001_…)'; a part the article does not state is named as such. With
    `quote` (the source of a quoted sentence) it also names the language the sentence is in, which is the
    article's: 'alinea.id, 2019-09-10, in Indonesian (article 001_…)'."""
    aid = clean(article_id)
    missing = empty_text()
    arts = articles.drop_duplicates("article_id").set_index("article_id")
    if aid is None or aid not in arts.index:
        return _("article {id}").format(id=aid or missing)
    row = arts.loc[aid]
    d = fmt_date(row["published_date"])
    outlet = clean(row["outlet"]) or _("outlet {missing}").format(missing=missing)
    day = _("date {missing}").format(missing=missing) if d == missing else d
    lang = language_name(row["language"]) if quote and "language" in arts.columns else None
    if lang:
        return _("{outlet}, {date}, in {language} (article {id})").format(outlet=outlet, date=day, language=lang,
                                                                          id=aid)
    return _("{outlet}, {date} (article {id})").format(outlet=outlet, date=day, id=aid)


def _sources(articles: pd.DataFrame, article_ids, lead: str) -> str:
    """'lead: source; source; and N more' for the distinct article ids, in the order given."""
    ids = [a for a in dict.fromkeys(clean(x) for x in article_ids) if a]
    if not ids:
        return lead
    shown = "; ".join(article_source(articles, a) for a in ids[:MAX_SOURCES])
    if len(ids) > MAX_SOURCES:
        shown = _("{sources}; and {n} more").format(sources=shown, n=num(len(ids) - MAX_SOURCES))
    return _("{lead}: {sources}").format(lead=lead, sources=shown)


def _names(tables) -> dict[str, str]:
    """ISO3 -> the country's name in the interface's language (the data's own in English)."""
    p = tables["participants"]
    return {iso3: country_label(iso3, name) for iso3, name in zip(p["iso3"], p["country"])}


def _events_finding(tables, filtered) -> Finding:
    ev = filtered["events"]
    names = _names(tables)
    missing = empty_text()
    dated = ev.dropna(subset=["start_date"])
    n = len(ev)
    if dated.empty:
        when = _("none of them dated")
    else:
        end = dated["end_date"].fillna(dated["start_date"])
        span = date_span(dated["start_date"].min(), end.max())
        when = _("on {dates}").format(dates=span) if n == 1 else _("from {dates}").format(dates=span)
        if len(dated) < n:
            when = _("{when} ({n} dated)").format(when=when, n=num(len(dated)))

    def tally(values) -> list[tuple[str, int]]:
        counts = pd.Series([v or missing for v in values]).value_counts()
        counts = counts.sort_index().sort_values(ascending=False, kind="stable")
        return [(str(k), int(v)) for k, v in counts.items()]

    def listed(counts: list[tuple[str, int]]) -> str:
        return ", ".join(f"{k} ({num(v)})" for k, v in counts)

    cities = tally([clean(c) for c in ev["city"]])
    if len(cities) == 1:
        city = (_("all in {city}") if n > 1 else _("in {city}")).format(city=cities[0][0])
    else:
        city = _("in {cities}").format(cities=listed(cities))
    hosts = tally([names.get(h, h) if clean(h) else None for h in ev["host_iso3"]])
    if hosts and hosts[0][0] == missing:   # "hosted by a host not stated"
        hosts[0] = (_("a host {missing}").format(missing=missing), hosts[0][1])
    if len(hosts) == 1:
        host = (_("all hosted by {host}") if n > 1 else _("hosted by {host}")).format(host=hosts[0][0])
    else:
        host = _("hosted by {hosts}").format(hosts=listed(hosts))
    text = _("{events} {when}, {cities}, {hosts}.").format(events=_events(n), when=when, cities=city, hosts=host)
    arts = filtered["articles"]
    outlets = sorted({o for o in (clean(x) for x in arts["outlet"]) if o})
    src = _("events table ({rows}), reported in {articles}").format(
        rows=ngettext("{n} row", "{n} rows", n).format(n=num(n)),
        articles=_source_articles(arts["article_id"].nunique())) + (f" ({', '.join(outlets)})" if outlets else "")
    return Finding(text, src, "events")


def _grouped(partners: pd.DataFrame, n_own: int) -> str:
    """'Indonesia (3 of 3); Brunei and Malaysia (2 each); China (1 of 3)' — most shared events first."""
    parts = []
    for shared, g in partners.groupby("shared_events", sort=False):
        names = [country_label(i, c) for i, c in zip(g["iso3"], g["country"])]
        if len(names) <= MAX_NAMES:
            listed = _join(names)
        else:
            listed = _("{names} and {n} more").format(names=", ".join(names[:MAX_NAMES]),
                                                      n=num(len(names) - MAX_NAMES))
        if len(names) > 1:
            parts.append(_("{countries} ({n} each)").format(countries=listed, n=num(shared)))
        else:
            parts.append(_("{countries} ({n} of {total})").format(countries=listed, n=num(shared), total=num(n_own)))
    return "; ".join(parts)


def _countries_finding(tables, filtered, filters: Filters) -> Finding:
    p, ev = filtered["participants"], filtered["events"]
    names = _names(tables)
    rows = _("participants table ({countries} at these events)").format(countries=_countries(p["iso3"].nunique()))
    if filters.countries:
        chosen = [c for c in filters.countries]
        who = _join([names.get(c, c) for c in chosen])
        own = p[p["iso3"].isin(chosen)]["event_id"].nunique()
        partners = partner_table(p, ev, chosen)
        if partners.empty:
            return Finding(_("{who} met no other country in these rows (the filters keep only the chosen "
                             "countries' rows, or no other country was named).").format(who=who), rows, "countries")
        n_asean = int((partners["ASEAN"] == "yes").sum())
        met = (_("{who} met {countries} ({asean} ASEAN) at its {events}: {partners}.") if len(chosen) == 1 else
               _("{who} met {countries} ({asean} ASEAN) at their {events}: {partners}."))
        text = met.format(who=who, countries=_countries(len(partners)), asean=num(n_asean), events=_events(own),
                          partners=_grouped(partners, own))
        note = implied_note(p, ev)
        text += f" {note}" if note else ""
        return Finding(text, rows, "countries")
    per = (p.drop_duplicates(["event_id", "iso3"]).groupby(["iso3", "country"])
           .agg(n=("event_id", "nunique"), asean=("is_asean", "any")).reset_index()
           .sort_values(["n", "country"], ascending=[False, True]))
    if per.empty:
        return Finding(_("No participating country is named for these events."), rows, "countries")
    top = per.head(6)
    most = ", ".join(_("{country} ({n} of {total})").format(country=country_label(r.iso3, r.country), n=num(r.n),
                                                          total=num(len(ev))) for r in top.itertuples())
    text = _("{countries} took part ({asean} ASEAN members); most often {most}.").format(
        countries=_countries(len(per)), asean=num(int(per["asean"].sum())), most=most)
    return Finding(text, rows, "countries")


def _people_finding(tables, filtered, filters: Filters) -> Finding | None:
    a = filtered["attendees"].merge(filtered["events"][["event_id", "start_date"]], on="event_id")
    a = a[[bool(clean(t)) and bool(clean(i)) for t, i in zip(a["title"], a["iso3"])]]
    if a.empty:
        return None
    names = _names(tables)
    people = (a.sort_values("start_date").groupby("name", sort=False)
              .agg(title=("title", "last"), iso3=("iso3", "last"), n=("event_id", "nunique"),
                   articles=("article_id", list)).reset_index())
    people["chosen"] = people["iso3"].isin(filters.countries)
    people = people.sort_values(["n", "chosen", "name"], ascending=[False, False, True])
    top = people.head(MAX_PEOPLE)
    parts = []
    for r in top.itertuples():
        country = names.get(r.iso3) or country_label(r.iso3)
        if r.n > 1:
            parts.append(ngettext("{name}, {title} ({country}, {n} event)", "{name}, {title} ({country}, {n} events)",
                                  r.n).format(name=r.name, title=clean(r.title), country=country, n=num(r.n)))
        else:
            parts.append(_("{name}, {title} ({country})").format(name=r.name, title=clean(r.title), country=country))
    listed = "; ".join(parts)
    more = len(people) - len(top)
    if more:
        listed = _("{people}; and {n} more with a title and country").format(people=listed, n=num(more))
    text = _("Who spoke for whom: {people}.").format(people=listed)
    src = _sources(tables["articles"], [x for r in top.itertuples() for x in r.articles], _("attendees table"))
    return Finding(text, src, "people")


def _themes_finding(tables, filtered, labels: Mapping[str, str]) -> Finding:
    ev = filtered["events"]
    m = theme_measures(ev, filtered["evidence"], tables["articles"], labels)
    src = _("evidence table (theme sentences, each counted once per article)")
    if m.empty:
        return Finding(_("No theme sentences were found for these events."), src, "themes")
    m = m.sort_values(["n_events", "n_sentences"], ascending=[False, False], kind="stable").head(MAX_THEMES)
    n = len(ev)
    parts = [ngettext("{theme} touched {k} of {n} event ({share}, {sentences})",
                      "{theme} touched {k} of {n} events ({share}, {sentences})", n).format(
                          theme=r.theme_label, k=num(r.n_events), n=num(n), share=_pct(r.share_events),
                          sentences=_sentences(int(r.n_sentences))) for r in m.itertuples()]
    return Finding(_("Leading themes: {themes}.").format(themes="; ".join(parts)), src, "themes")


def _years(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def _trend_finding(tables, filtered, labels: Mapping[str, str]) -> Finding | None:
    """When the events start in at least trends.MIN_TREND_YEARS (4) distinct years: the theme whose share
    of events changed most between the first and the last third of the years, with both counts ("Peace
    messaging touched 5 of 8 events in 2017-2019 and 1 of 12 in 2023-2025"). None for a shorter span or
    when no share changed."""
    s = theme_shift(filtered["events"], filtered["evidence"], tables["articles"], labels)
    if s is None:
        return None
    text = ngettext(
        "Over the years: {theme} touched {first} of {n_first} event in {first_years} and {last} of {n_last} in "
        "{last_years} ({first_share}, then {last_share}), the largest shift of any theme between the first and "
        "the last third of the years.",
        "Over the years: {theme} touched {first} of {n_first} events in {first_years} and {last} of {n_last} in "
        "{last_years} ({first_share}, then {last_share}), the largest shift of any theme between the first and "
        "the last third of the years.", s.first_events).format(
            theme=s.theme_label, first=num(s.first_touching), n_first=num(s.first_events),
            first_years=_years(*s.first_years), last=num(s.last_touching), n_last=num(s.last_events),
            last_years=_years(*s.last_years), first_share=_pct(s.first_share), last_share=_pct(s.last_share))
    src = _("events table (by start year) and evidence table (theme sentences, each counted once per article); "
            "every year on the Trends page")
    return Finding(text, src, "trend")


def _outcome_findings(tables, filtered) -> list[Finding]:
    o = filtered.get("outcomes", pd.DataFrame(columns=["event_id", "article_id", "sentence"]))
    if o.empty:
        return [Finding(_("No outcome (an agreement, declaration or adopted text) is reported for these events."),
                        _("outcomes table"), "outcome")]
    ev = filtered["events"].set_index("event_id")
    o = o.merge(filtered["events"][["event_id", "start_date"]], on="event_id", how="left")
    o = o.sort_values(["start_date", "rank"]).drop_duplicates(["sentence"])   # each event's leading outcome first
    out = []
    for r in o.head(MAX_OUTCOMES).itertuples(index=False):
        e = ev.loc[r.event_id] if r.event_id in ev.index else None
        label = empty_text() if e is None else (clean(e["acronym"]) or str(e["name"]))
        when = "" if e is None else f", {date_span(e['start_date'], e['end_date'])}"
        out.append(Finding(_("Agreed ({event}): “{sentence}”").format(event=label + when, sentence=shorten(r.sentence)),
                           article_source(tables["articles"], r.article_id, quote=True), "outcome"))
    if len(o) > MAX_OUTCOMES:
        more = len(o) - MAX_OUTCOMES
        out.append(Finding(ngettext("… and {n} more outcome sentence (on the event slides).",
                                    "… and {n} more outcome sentences (on the event slides).", more).format(
                                        n=num(more)), _("outcomes table"), "outcome"))
    return out


def findings(tables: Mapping[str, pd.DataFrame], filtered: Mapping[str, pd.DataFrame], filters: Filters,
             labels: Mapping[str, str]) -> list[Finding]:
    """The findings for the events the filters keep (`filtered`, from apply_filters over `tables`), in the
    interface's language."""
    tables, filtered = dict(tables), dict(filtered)
    out = [_events_finding(tables, filtered), _countries_finding(tables, filtered, filters)]
    people = _people_finding(tables, filtered, filters)
    if people is not None:
        out.append(people)
    out.append(_themes_finding(tables, filtered, labels))
    trend = _trend_finding(tables, filtered, labels)
    if trend is not None:
        out.append(trend)
    out.extend(_outcome_findings(tables, filtered))
    return out
