"""The briefing pack's first page: what the filtered data says, in plain sentences with their sources.

`findings(tables, filtered, filters, labels)` reads the full tables (for names and sources) and the
filtered ones (what the filters keep, `state.filters.apply_filters`) and returns one `Finding` per line:
how many events, when and where; which countries took part (with a country filter: with whom the chosen
countries met, `figures.partners.partner_table`); who spoke for whom; the leading themes with their share
of events (`theme_measures.theme_measures`); when the events span several years, the theme whose share
shifted most (`figures.trends.theme_shift`); and what was agreed (the outcomes table). Every number and
name is read from the tables; nothing is inferred. Pure pandas: no Streamlit, no browser.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.figures.partners import implied_note, partner_table
from dashboard.figures.trends import theme_shift
from dashboard.labels import EMPTY_TEXT, clean, date_span, fmt_date
from dashboard.state.filters import Filters
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


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _join(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def shorten(text: str, limit: int = OUTCOME_CHARS) -> str:
    """`text` on one line, cut at the last word boundary before `limit` characters with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + " …"


def article_source(articles: pd.DataFrame, article_id) -> str:
    """'alinea.id, 2019-09-10 (article 001_…)'; a part the article does not state is named as such."""
    aid = clean(article_id)
    arts = articles.drop_duplicates("article_id").set_index("article_id")
    if aid is None or aid not in arts.index:
        return f"article {aid or EMPTY_TEXT}"
    row = arts.loc[aid]
    d = fmt_date(row["published_date"])
    return (f"{clean(row['outlet']) or 'outlet ' + EMPTY_TEXT}, "
            f"{'date ' + EMPTY_TEXT if d == EMPTY_TEXT else d} (article {aid})")


def _sources(articles: pd.DataFrame, article_ids, lead: str) -> str:
    """'lead: source; source; and N more' for the distinct article ids, in the order given."""
    ids = [a for a in dict.fromkeys(clean(x) for x in article_ids) if a]
    if not ids:
        return lead
    shown = [article_source(articles, a) for a in ids[:MAX_SOURCES]]
    more = f"; and {len(ids) - MAX_SOURCES} more" if len(ids) > MAX_SOURCES else ""
    return f"{lead}: " + "; ".join(shown) + more


def _events_finding(tables, filtered) -> Finding:
    ev = filtered["events"]
    names = dict(zip(tables["participants"]["iso3"], tables["participants"]["country"]))
    dated = ev.dropna(subset=["start_date"])
    n = len(ev)
    if dated.empty:
        when = "none of them dated"
    else:
        end = dated["end_date"].fillna(dated["start_date"])
        when = (f"on {date_span(dated['start_date'].min(), end.max())}" if n == 1
                else f"from {date_span(dated['start_date'].min(), end.max())}")
        if len(dated) < n:
            when += f" ({len(dated)} dated)"

    def tally(values, all_word: str) -> str:
        counts = pd.Series([v or EMPTY_TEXT for v in values]).value_counts()
        counts = counts.sort_index().sort_values(ascending=False, kind="stable")
        if len(counts) == 1:
            return f"{all_word} {counts.index[0]}"
        return ", ".join(f"{k} ({v})" for k, v in counts.items())

    cities = tally([clean(c) for c in ev["city"]], "all in" if n > 1 else "in")
    if not cities.startswith(("all in", "in ")):
        cities = "in " + cities
    hosts = [names.get(h, h) if clean(h) else None for h in ev["host_iso3"]]
    host = tally(hosts, "all hosted by" if n > 1 else "hosted by")
    if not host.startswith(("all hosted", "hosted")):
        host = "hosted by " + host
    host = host.replace(f"by {EMPTY_TEXT}", f"by a host {EMPTY_TEXT}")
    text = f"{_count(n, 'event')} {when}, {cities}, {host}."
    arts = filtered["articles"]
    outlets = sorted({o for o in (clean(x) for x in arts["outlet"]) if o})
    src = (f"events table ({_count(n, 'row')}), reported in {_count(arts['article_id'].nunique(), 'source article')}"
           + (f" ({', '.join(outlets)})" if outlets else ""))
    return Finding(text, src, "events")


def _grouped(partners: pd.DataFrame, n_own: int) -> str:
    """'Indonesia (3 of 3); Brunei and Malaysia (2 each); China (1 of 3)' — most shared events first."""
    parts = []
    for shared, g in partners.groupby("shared_events", sort=False):
        names = list(g["country"])
        listed = _join(names) if len(names) <= MAX_NAMES else ", ".join(names[:MAX_NAMES]) + \
            f" and {len(names) - MAX_NAMES} more"
        parts.append(f"{listed} ({shared} {'each' if len(names) > 1 else 'of ' + str(n_own)})")
    return "; ".join(parts)


def _countries_finding(tables, filtered, filters: Filters) -> Finding:
    p, ev = filtered["participants"], filtered["events"]
    names = dict(zip(tables["participants"]["iso3"], tables["participants"]["country"]))
    rows = f"participants table ({_count(p['iso3'].nunique(), 'country', 'countries')} at these events)"
    if filters.countries:
        chosen = [c for c in filters.countries]
        who = _join([names.get(c, c) for c in chosen])
        own = p[p["iso3"].isin(chosen)]["event_id"].nunique()
        partners = partner_table(p, ev, chosen)
        if partners.empty:
            return Finding(f"{who} met no other country in these rows (the filters keep only the chosen "
                           "countries' rows, or no other country was named).", rows, "countries")
        n_asean = int((partners["ASEAN"] == "yes").sum())
        text = (f"{who} met {_count(len(partners), 'country', 'countries')} ({n_asean} ASEAN) at "
                f"{'its' if len(chosen) == 1 else 'their'} {_count(own, 'event')}: "
                + _grouped(partners, own) + ".")
        note = implied_note(p, ev)
        text += f" {note}" if note else ""
        return Finding(text, rows, "countries")
    per = (p.drop_duplicates(["event_id", "iso3"]).groupby(["iso3", "country"])
           .agg(n=("event_id", "nunique"), asean=("is_asean", "any")).reset_index()
           .sort_values(["n", "country"], ascending=[False, True]))
    if per.empty:
        return Finding("No participating country is named for these events.", rows, "countries")
    top = per.head(6)
    text = (f"{_count(len(per), 'country', 'countries')} took part ({int(per['asean'].sum())} ASEAN members); "
            f"most often " + ", ".join(f"{r.country} ({r.n} of {len(ev)})" for r in top.itertuples()) + ".")
    return Finding(text, rows, "countries")


def _people_finding(tables, filtered, filters: Filters) -> Finding | None:
    a = filtered["attendees"].merge(filtered["events"][["event_id", "start_date"]], on="event_id")
    a = a[[bool(clean(t)) and bool(clean(i)) for t, i in zip(a["title"], a["iso3"])]]
    if a.empty:
        return None
    names = dict(zip(tables["participants"]["iso3"], tables["participants"]["country"]))
    people = (a.sort_values("start_date").groupby("name", sort=False)
              .agg(title=("title", "last"), iso3=("iso3", "last"), n=("event_id", "nunique"),
                   articles=("article_id", list)).reset_index())
    people["chosen"] = people["iso3"].isin(filters.countries)
    people = people.sort_values(["n", "chosen", "name"], ascending=[False, False, True])
    top = people.head(MAX_PEOPLE)
    parts = [f"{r.name}, {clean(r.title)} ({names.get(r.iso3, r.iso3)}"
             + (f", {r.n} events)" if r.n > 1 else ")") for r in top.itertuples()]
    more = len(people) - len(top)
    text = "Who spoke for whom: " + "; ".join(parts) + (f"; and {more} more with a title and country" if more else "") + "."
    src = _sources(tables["articles"], [x for r in top.itertuples() for x in r.articles], "attendees table")
    return Finding(text, src, "people")


def _themes_finding(tables, filtered, labels: Mapping[str, str]) -> Finding:
    ev = filtered["events"]
    m = theme_measures(ev, filtered["evidence"], tables["articles"], labels)
    src = "evidence table (theme sentences, each counted once per article)"
    if m.empty:
        return Finding("No theme sentences were found for these events.", src, "themes")
    m = m.sort_values(["n_events", "n_sentences"], ascending=[False, False], kind="stable").head(MAX_THEMES)
    n = len(ev)
    parts = [f"{r.theme_label} touched {r.n_events} of {n} {'event' if n == 1 else 'events'} ({r.share_events:.0%}, "
             f"{_count(int(r.n_sentences), 'sentence')})" for r in m.itertuples()]
    return Finding("Leading themes: " + "; ".join(parts) + ".", src, "themes")


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
    text = (f"Over the years: {s.theme_label} touched {s.first_touching} of {_count(s.first_events, 'event')} in "
            f"{_years(*s.first_years)} and {s.last_touching} of {s.last_events} in {_years(*s.last_years)} "
            f"({s.first_share:.0%}, then {s.last_share:.0%}), the largest shift of any theme between the first "
            "and the last third of the years.")
    src = ("events table (by start year) and evidence table (theme sentences, each counted once per article); "
           "every year on the Trends page")
    return Finding(text, src, "trend")


def _outcome_findings(tables, filtered) -> list[Finding]:
    o = filtered.get("outcomes", pd.DataFrame(columns=["event_id", "article_id", "sentence"]))
    if o.empty:
        return [Finding("No outcome (an agreement, declaration or adopted text) is reported for these events.",
                        "outcomes table", "outcome")]
    ev = filtered["events"].set_index("event_id")
    o = o.merge(filtered["events"][["event_id", "start_date"]], on="event_id", how="left")
    o = o.sort_values(["start_date", "rank"]).drop_duplicates(["sentence"])   # each event's leading outcome first
    out = []
    for r in o.head(MAX_OUTCOMES).itertuples(index=False):
        e = ev.loc[r.event_id] if r.event_id in ev.index else None
        label = EMPTY_TEXT if e is None else (clean(e["acronym"]) or str(e["name"]))
        when = "" if e is None else f", {date_span(e['start_date'], e['end_date'])}"
        out.append(Finding(f"Agreed ({label}{when}): “{shorten(r.sentence)}”",
                           article_source(tables["articles"], r.article_id), "outcome"))
    if len(o) > MAX_OUTCOMES:
        out.append(Finding(f"… and {len(o) - MAX_OUTCOMES} more outcome sentences (on the event slides).",
                           "outcomes table", "outcome"))
    return out


def findings(tables: Mapping[str, pd.DataFrame], filtered: Mapping[str, pd.DataFrame], filters: Filters,
             labels: Mapping[str, str]) -> list[Finding]:
    """The findings for the events the filters keep (`filtered`, from apply_filters over `tables`)."""
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
