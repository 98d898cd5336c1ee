"""Countries side by side ("How do Indonesia and Australia compare?"): the events each chosen country took
part in and those they shared, each one's partners, theme profile and representatives, and the
co-attendance network of the filtered events. Pure pandas and plotly, no Streamlit: the Compare page only
lays these out, and the tests check every figure's data directly.

All functions take the filtered tables, so a country filter, a date range or a theme narrows the
comparison the way it narrows every other page. The tables keep the data's (English) country names and
codes; the figures' words and country names are in the interface's language (dashboard.i18n), made when
the figure is built. The titles below are msgids (N_), translated where shown."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.figures import palette
from dashboard.figures.charts import _layout, empty_figure, wrap_ticks  # one layout for every chart
from dashboard.figures.partners import PARTNER_COLUMNS, partner_table
from dashboard.i18n import N_, _, ngettext
from dashboard.labels import dated_name
from dashboard.safe_text import plot_text, plot_texts
from dashboard.theme_measures import theme_measures

MIN_COUNTRIES, MAX_COUNTRIES = 2, 4   # a comparison needs two; past four the side-by-side columns get too narrow
MAX_NODES = 30                         # the network draws at most this many countries (the most events first)

# One colour per compared country, in the order chosen. The six Okabe–Ito theme colours never mean a
# country (palette.py), so countries get black, yellow and two greys (bars are outlined, so yellow reads).
COUNTRY_COLORS: list[str] = [palette.BLACK, palette.YELLOW, "#8C8C8C", "#D9D9D9"]
OUTLINE = "#1A1A1A"

SHARED_COLUMNS = ["event_id", "date", "name"]
COMBINATION_COLUMNS = ["combination", "countries", "n_events", "events"]
PROFILE_COLUMNS = ["iso3", "country", "theme", "theme_label", "n_events", "share_events", "n_country_events"]
REPRESENTATIVE_COLUMNS = ["iso3", "name", "title", "organization", "n_events", "events"]
NODE_COLUMNS = ["iso3", "country", "is_asean", "n_events", "x", "y"]
EDGE_COLUMNS = ["source", "target", "source_country", "target_country", "n_events"]

PROFILE_TITLE = N_("Theme profile: share of each country's events touching each theme")
SHARED_TITLE = N_("Events each country took part in, alone or together")
NETWORK_TITLE = N_("Who meets whom: countries at the filtered events, linked by the events they shared")


def country_color(i: int) -> str:
    """The colour of the i-th compared country (cycling past four)."""
    return COUNTRY_COLORS[i % len(COUNTRY_COLORS)]


def _unique(countries: Sequence[str]) -> list[str]:
    return [c for c in dict.fromkeys(countries) if c]


def _country_rows(participants: pd.DataFrame, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per (event, country) with a country code, within `events` when given."""
    p = participants
    if events is not None:
        p = p[p["event_id"].isin(events["event_id"])]
    return p.dropna(subset=["iso3"]).drop_duplicates(["event_id", "iso3"])


def country_names(participants: pd.DataFrame) -> dict[str, str]:
    """ISO3 -> the country's name as the participants table gives it."""
    p = participants.dropna(subset=["iso3"]).drop_duplicates("iso3")
    return {str(i): str(n) for i, n in zip(p["iso3"], p["country"])}


def _event_labels(events: pd.DataFrame) -> dict[str, str]:
    return {r.event_id: dated_name(r.name, r.start_date)
            for r in events[["event_id", "name", "start_date"]].itertuples(index=False)}


# ---------------------------------------------------------------------------------------------
# Choosing the countries (the page's multiselect and its `compare=` URL parameter)
# ---------------------------------------------------------------------------------------------

def valid_choices(values: Sequence[str] | None, options: Sequence[str], limit: int = MAX_COUNTRIES) -> list[str]:
    """The values that are on offer (ISO3, any case), each once, in the given order, at most `limit`:
    a URL is user input, so anything else is dropped."""
    offered = set(options)
    picked = [v for v in dict.fromkeys(str(v).strip().upper() for v in values or ()) if v in offered]
    return picked[:limit]


def default_choice(filter_countries: Sequence[str], options: Sequence[str]) -> list[str]:
    """The sidebar's country filter when it holds two to four countries on offer (the usual question:
    "Indonesia and Australia" picked there), else nothing: the page then asks for a choice."""
    picked = valid_choices(filter_countries, options, limit=len(options))
    return picked if MIN_COUNTRIES <= len(picked) <= MAX_COUNTRIES else []


def choices_from_url(url_values: Sequence[str] | None, last_written: Sequence[str] | None,
                     current: Sequence[str] | None, options: Sequence[str], default: Sequence[str]) -> list[str]:
    """What the multiselect should hold, the list form of url_state.choice_from_url: the URL's countries
    when they are new (a shared link, not this page's own write) or when the widget holds nothing yet (the
    page just opened); else the current choice; else the default."""
    from_url = valid_choices(url_values, options)
    if from_url and (current is None or from_url != list(last_written or ())):
        return from_url
    if current is not None:
        return valid_choices(current, options)
    return valid_choices(default, options)


# ---------------------------------------------------------------------------------------------
# Events each took part in, and shared
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SharedEvents:
    """The chosen countries' events: `table` has one row per event any of them took part in (event_id,
    date, name, then one boolean column per country, named by its ISO3 code), by date; `events` counts
    each country's events, `alone` those it attended without any other chosen country, `shared_by_all`
    those every chosen country attended."""

    countries: tuple[str, ...]
    table: pd.DataFrame
    events: dict[str, int]
    alone: dict[str, int]
    shared_by_all: int


def shared_events(participants: pd.DataFrame, events: pd.DataFrame, countries: Sequence[str]) -> SharedEvents:
    """Which of the given events each chosen country took part in, and which they shared."""
    countries = _unique(countries)
    p = _country_rows(participants, events)
    p = p[p["iso3"].isin(countries)]
    took = pd.DataFrame(False, index=pd.Index(sorted(set(p["event_id"])), name="event_id"), columns=countries)
    for iso, ids in p.groupby("iso3")["event_id"]:
        took.loc[list(ids), iso] = True
    ev = events.loc[events["event_id"].isin(took.index), ["event_id", "start_date", "name"]]
    ev = ev.drop_duplicates("event_id").rename(columns={"start_date": "date"})
    table = ev.merge(took.reset_index(), on="event_id", how="left")
    table = table.sort_values(["date", "event_id"], na_position="last", kind="stable").reset_index(drop=True)
    table = table[SHARED_COLUMNS + countries]
    flags = table[countries].astype(bool)
    n_there = flags.sum(axis=1)
    return SharedEvents(
        countries=tuple(countries), table=table,
        events={c: int(flags[c].sum()) for c in countries},
        alone={c: int((flags[c] & (n_there == 1)).sum()) for c in countries},
        shared_by_all=int(flags.all(axis=1).sum()) if countries and len(table) else 0,
    )


def combination_counts(shared: SharedEvents, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The upset-like count: one row per exact set of chosen countries that met at some event ("Australia +
    Indonesia", "Denmark only"), with its events; most events first, then larger sets first. `names` (ISO3 ->
    name) names the countries; the "only" is in the interface's language."""
    names = dict(names or {})
    cs = list(shared.countries)
    t = shared.table
    if t.empty or not cs:
        return pd.DataFrame(columns=COMBINATION_COLUMNS)
    combos = [tuple(c for c in cs if row[c]) for row in t[cs].to_dict("records")]
    labels = [dated_name(n, d) for n, d in zip(t["name"], t["date"])]
    rows = []
    for combo in dict.fromkeys(combos):
        evs = [lab for lab, c in zip(labels, combos) if c == combo]
        who = [names.get(c, c) for c in combo]
        rows.append({"combination": _("{country} only").format(country=who[0]) if len(who) == 1 else " + ".join(who),
                     "countries": combo, "n_events": len(evs), "events": "; ".join(evs)})
    out = pd.DataFrame(rows, columns=COMBINATION_COLUMNS)
    out["_size"] = out["countries"].map(len)
    out = out.sort_values(["n_events", "_size", "combination"], ascending=[False, False, True], kind="stable")
    return out.drop(columns="_size").reset_index(drop=True)


def shared_events_figure(combos: pd.DataFrame, colors: Mapping[str, str] | None = None,
                         title: str | None = SHARED_TITLE) -> go.Figure:
    """Horizontal bars, one per set of countries (combination_counts), each labelled with its count: a
    country's own events in its colour, shared events hatched; hover lists the events. `title` is a msgid
    (translated here) or None."""
    if combos.empty:
        return empty_figure(_("None of the chosen countries took part in the filtered events."))
    colors = dict(colors or {})
    d = combos.iloc[::-1]
    fig = go.Figure()
    for shared in (False, True):
        g = d[d["countries"].map(len).gt(1) == shared]
        if g.empty:
            continue
        fill = ["white" if shared else colors.get(c[0], palette.GREY) for c in g["countries"]]
        fig.add_trace(go.Bar(
            y=plot_texts(g["combination"]), x=g["n_events"], orientation="h",
            name=_("shared") if shared else _("one country only"), showlegend=False,
            marker=dict(color=fill, line=dict(color=OUTLINE, width=1),
                        pattern=dict(shape="/" if shared else "", fgcolor=OUTLINE, solidity=0.25)),
            text=[i18n.format_number(n) for n in g["n_events"]], textposition="outside", cliponaxis=False,
            customdata=[[plot_text(e)] for e in g["events"].str.replace("; ", "<br>", regex=False)],
            hovertemplate="<b>%{y}</b>: " + _("%{x} events") + "<br>%{customdata[0]}<extra></extra>",
        ))
    fig = _layout(fig, _(title) if title else None, 130 + 40 * len(d))
    top = int(d["n_events"].max())
    fig.update_xaxes(title=_("events"), dtick=1 if top <= 10 else None, range=[0, top * 1.2 + 0.5])
    fig.update_yaxes(title=None, automargin=True, categoryorder="array", categoryarray=plot_texts(d["combination"]))
    return fig


# ---------------------------------------------------------------------------------------------
# Partners of each
# ---------------------------------------------------------------------------------------------

def partners_side_by_side(participants: pd.DataFrame, countries: Sequence[str], top: int = 10,
                          events: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """ISO3 -> that country's own partners (partners.partner_table for it alone), ranked by shared events,
    the first `top`. The other chosen countries count as partners too: that Australia is Indonesia's first
    partner is part of the answer. `events` (name, start_date) labels the events; without it, by id."""
    if events is None:
        ids = pd.unique(participants["event_id"])
        events = pd.DataFrame({"event_id": ids, "name": ids, "start_date": pd.NaT})
    columns = [c for c in PARTNER_COLUMNS if c != "with"]   # "with" would only repeat the country
    return {c: partner_table(participants, events, [c]).reindex(columns=columns).head(top).reset_index(drop=True)
            for c in _unique(countries)}


# ---------------------------------------------------------------------------------------------
# Theme profiles
# ---------------------------------------------------------------------------------------------

def theme_profiles(events: pd.DataFrame, evidence: pd.DataFrame, articles: pd.DataFrame,
                   participants: pd.DataFrame, countries: Sequence[str],
                   theme_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per (chosen country, theme): share_events is the share of *that country's* events touching
    the theme (theme_measures' "events" measure, over its events only, so the counting rule is the Themes
    page's), n_events the events touching it, n_country_events the share's denominator. Themes that any
    chosen country touches, in catalogue order; 0 where a country's events never touch one."""
    labels = dict(theme_labels or {})
    names = country_names(participants)
    p = _country_rows(participants, events)
    frames = []
    for iso in _unique(countries):
        own = events[events["event_id"].isin(p.loc[p["iso3"] == iso, "event_id"])]
        m = theme_measures(own, evidence, articles, labels)[["theme", "theme_label", "n_events", "share_events"]]
        frames.append(m.assign(iso3=iso, country=names.get(iso, iso), n_country_events=int(own["event_id"].nunique())))
    if not frames:
        return pd.DataFrame(columns=PROFILE_COLUMNS)
    found = pd.concat(frames, ignore_index=True)
    themes = [t for t in labels if t in set(found["theme"])] + sorted(set(found["theme"]) - set(labels))
    grid = pd.DataFrame([{"iso3": f["iso3"].iloc[0], "country": f["country"].iloc[0],
                          "n_country_events": f["n_country_events"].iloc[0], "theme": t}
                         for f in frames for t in themes], columns=["iso3", "country", "n_country_events", "theme"])
    out = grid.merge(found[["iso3", "theme", "n_events", "share_events"]], on=["iso3", "theme"], how="left")
    out["theme_label"] = out["theme"].map(lambda t: labels.get(t, t))
    out["n_events"] = out["n_events"].fillna(0).astype(int)
    out["share_events"] = out["share_events"].fillna(0.0).astype(float)
    out["n_country_events"] = out["n_country_events"].astype(int)
    return out[PROFILE_COLUMNS]


def theme_profile_figure(profiles: pd.DataFrame, title: str | None = PROFILE_TITLE) -> go.Figure:
    """Grouped horizontal bars: for each theme (a row, its name wrapped at the left), one bar per country
    (its colour, in the order chosen) with the share of that country's events touching the theme; the
    legend gives each country's n events. Rows, not columns, so six theme names never run into each other
    at 1024 px. Country names in the interface's language; `title` is a msgid (translated here) or None."""
    if profiles.empty:
        return empty_figure(_("No theme evidence for the chosen countries' events."))
    fig = go.Figure()
    cats = plot_texts(dict.fromkeys(profiles["theme_label"]))
    n_countries = profiles["iso3"].nunique()
    for i, (iso, g) in enumerate(profiles.groupby("iso3", sort=False)):
        n = int(g["n_country_events"].iloc[0])
        name = plot_text(i18n.country_name(iso, g["country"].iloc[0]))
        fig.add_trace(go.Bar(
            y=plot_texts(g["theme_label"]), x=g["share_events"], orientation="h",
            name=ngettext("{country} (n={n} event)", "{country} (n={n} events)", n).format(
                country=name, n=i18n.format_number(n)),
            marker=dict(color=country_color(i), line=dict(color=OUTLINE, width=1)),
            text=[f"{s:.0%}" for s in g["share_events"]], textposition="outside", cliponaxis=False,
            customdata=list(zip(g["n_events"], [n] * len(g))),
            hovertemplate=f"<b>{name}</b><br>%{{y}}: " + _("{n} of {total} events ({share})").format(
                n="%{customdata[0]}", total="%{customdata[1]}", share="%{x:.0%}") + "<extra></extra>",
        ))
    height = 110 + len(cats) * (14 + 16 * n_countries)
    fig = _layout(fig, _(title) if title else None, max(300, height))
    fig.update_layout(barmode="group", legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0,
                                                   traceorder="normal"))
    fig.update_xaxes(title=_("share of its events"), tickformat=".0%", range=[0, 1.15])
    fig.update_yaxes(title=None, categoryorder="array", categoryarray=cats, autorange="reversed", automargin=True)
    return wrap_ticks(fig, "y", cats, width=24)


# ---------------------------------------------------------------------------------------------
# Representatives
# ---------------------------------------------------------------------------------------------

def _joined(values: pd.Series) -> str | None:
    seen = [str(v).strip() for v in values if isinstance(v, str) and v.strip()]
    return "; ".join(dict.fromkeys(seen)) or None


def representatives(attendees: pd.DataFrame, events: pd.DataFrame, countries: Sequence[str]) -> pd.DataFrame:
    """The people who represented each chosen country at the given events (attendees.iso3): one row per
    (country, person) with the titles and organisations the texts give (each once, in date order), the
    number of events and their names. By chosen country, then most events, then name."""
    countries = _unique(countries)
    a = attendees[attendees["event_id"].isin(events["event_id"]) & attendees["iso3"].isin(countries)]
    if a.empty:
        return pd.DataFrame(columns=REPRESENTATIVE_COLUMNS)
    labels = _event_labels(events)
    when = dict(zip(events["event_id"], events["start_date"]))
    a = a.assign(_when=a["event_id"].map(when)).sort_values(["_when", "event_id"], na_position="last", kind="stable")
    rows = [{"iso3": iso, "name": name, "title": _joined(g["title"]), "organization": _joined(g["organization"]),
             "n_events": int(g["event_id"].nunique()),
             "events": "; ".join(labels.get(e, e) for e in dict.fromkeys(g["event_id"]))}
            for (iso, name), g in a.groupby(["iso3", "name"], sort=False)]
    out = pd.DataFrame(rows, columns=REPRESENTATIVE_COLUMNS)
    out["_rank"] = out["iso3"].map({c: i for i, c in enumerate(countries)})
    out = out.sort_values(["_rank", "n_events", "name"], ascending=[True, False, True], kind="stable")
    return out.drop(columns="_rank").reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# The co-attendance network of the filtered events
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Network:
    """Countries at the events and the events each pair shared. `nodes` (iso3, country, is_asean, n_events,
    x, y) are in layout order, ASEAN members first, each placed on a unit circle; `edges` (source, target,
    their names, n_events) join every pair of drawn countries that shared an event, most shared first;
    `n_countries` counts every country at the events, drawn or not."""

    nodes: pd.DataFrame
    edges: pd.DataFrame
    n_countries: int

    @property
    def n_left_out(self) -> int:
        """Countries not drawn (past MAX_NODES)."""
        return self.n_countries - len(self.nodes)


def co_attendance_network(participants: pd.DataFrame, events: pd.DataFrame, max_nodes: int = MAX_NODES) -> Network:
    """The network of the given events: a node per country sized by its events, an edge per pair weighted by
    the events both took part in. Only the `max_nodes` countries with most events are drawn (ties: ASEAN
    members, then by name), so the picture stays readable; the layout is a circle, ASEAN members first
    then the others, each group by name, starting at the top and going clockwise (the same every run)."""
    p = _country_rows(participants, events)
    if p.empty:
        return Network(pd.DataFrame(columns=NODE_COLUMNS), pd.DataFrame(columns=EDGE_COLUMNS), 0)
    nodes = p.groupby("iso3").agg(country=("country", "first"), is_asean=("is_asean", "any"),
                                  n_events=("event_id", "nunique")).reset_index()
    nodes["is_asean"] = nodes["is_asean"].astype(bool)
    nodes["country"] = nodes["country"].fillna(nodes["iso3"]).astype(str)
    total = len(nodes)
    nodes = nodes.sort_values(["n_events", "is_asean", "country"], ascending=[False, False, True], kind="stable")
    nodes = nodes.head(max_nodes)
    nodes = nodes.sort_values(["is_asean", "country"], ascending=[False, True], kind="stable").reset_index(drop=True)
    n = len(nodes)
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]
    nodes["x"] = [round(math.cos(a), 9) for a in angles]
    nodes["y"] = [round(math.sin(a), 9) for a in angles]

    kept = p[p["iso3"].isin(nodes["iso3"])]
    onehot = pd.crosstab(kept["event_id"], kept["iso3"]).reindex(columns=list(nodes["iso3"]), fill_value=0)
    shared = (onehot.T @ onehot).to_numpy()
    names = dict(zip(nodes["iso3"], nodes["country"]))
    order = list(nodes["iso3"])
    rows = [{"source": order[i], "target": order[j], "source_country": names[order[i]],
             "target_country": names[order[j]], "n_events": int(shared[i, j])}
            for i in range(n) for j in range(i + 1, n) if shared[i, j] > 0]
    edges = pd.DataFrame(rows, columns=EDGE_COLUMNS)
    edges = edges.sort_values("n_events", ascending=False, kind="stable").reset_index(drop=True)
    return Network(nodes[NODE_COLUMNS], edges, total)


def _label_position(x: float, y: float) -> str:
    """Where a node's name goes: outside the circle, so names do not sit on the lines."""
    if abs(x) < 0.3:
        return "top center" if y > 0 else "bottom center"
    return "middle right" if x > 0 else "middle left"


def network_figure(net: Network, highlight: Sequence[str] = (), title: str | None = NETWORK_TITLE) -> go.Figure:
    """The network on a circle: lines between countries, wider for more shared events (hover on a line's
    middle names both countries and the count); nodes sized by events, ASEAN members dark, the others light,
    the `highlight` countries (the compared ones) ringed and named in bold. Says when countries were left out.
    Country names in the interface's language; `title` is a msgid (translated here) or None."""
    nodes, edges = net.nodes, net.edges
    if nodes.empty:
        return empty_figure(_("No countries at the filtered events."))
    pos = {r.iso3: (r.x, r.y) for r in nodes.itertuples(index=False)}
    fig = go.Figure()
    if not edges.empty:
        top = int(edges["n_events"].max())
        widths = edges["n_events"].map(lambda w: round(1 + 7 * w / top, 1))
        for width in sorted(set(widths)):   # one trace per line width, not one per edge
            xs, ys = [], []
            for e in edges[widths == width].itertuples(index=False):
                (x0, y0), (x1, y1) = pos[e.source], pos[e.target]
                xs += [x0, x1, None]
                ys += [y0, y1, None]
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                                     line=dict(color="rgba(77,77,77,0.45)", width=width)))
        mids = [((pos[e.source][0] + pos[e.target][0]) / 2, (pos[e.source][1] + pos[e.target][1]) / 2)
                for e in edges.itertuples(index=False)]
        fig.add_trace(go.Scatter(
            x=[m[0] for m in mids], y=[m[1] for m in mids], mode="markers", showlegend=False,
            marker=dict(size=10, color="rgba(0,0,0,0)"),
            hovertext=[ngettext("{a} and {b}: {n} shared event", "{a} and {b}: {n} shared events", n).format(
                a=f"<b>{plot_text(i18n.country_name(sa, a))}</b>", b=f"<b>{plot_text(i18n.country_name(sb, b))}</b>",
                n=i18n.format_number(n))
                       for sa, sb, a, b, n in zip(edges["source"], edges["target"], edges["source_country"],
                                                  edges["target_country"], edges["n_events"])],
            hoverinfo="text",
        ))
    most = max(int(nodes["n_events"].max()), 1)
    chosen = set(highlight)
    for member, name, colour in ((True, _("ASEAN member"), palette.ASEAN_MEMBER),
                                 (False, _("other country"), palette.OTHER_COUNTRY)):
        g = nodes[nodes["is_asean"] == member]
        if g.empty:
            continue
        shown = [i18n.country_name(i, c) for i, c in zip(g["iso3"], g["country"])]
        fig.add_trace(go.Scatter(
            x=g["x"], y=g["y"], mode="markers+text", name=name,
            marker=dict(size=[10 + 30 * math.sqrt(v / most) for v in g["n_events"]], color=colour, opacity=1,
                        line=dict(color=[palette.BLACK if i in chosen else "white" for i in g["iso3"]],
                                  width=[3 if i in chosen else 1 for i in g["iso3"]])),
            text=[f"<b>{plot_text(c)}</b>" if i in chosen else plot_text(c) for i, c in zip(g["iso3"], shown)],
            textposition=[_label_position(x, y) for x, y in zip(g["x"], g["y"])], textfont=dict(size=13),
            customdata=g[["n_events"]].to_numpy(), cliponaxis=False,
            hovertemplate="<b>%{text}</b>: " + _("%{customdata[0]} events") + "<extra></extra>",
        ))
    fig = _layout(fig, _(title) if title else None, 640)
    fig.update_xaxes(visible=False, range=[-1.6, 1.6])
    fig.update_yaxes(visible=False, range=[-1.25, 1.25], scaleanchor="x", scaleratio=1)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0))
    if net.n_left_out > 0:
        fig.add_annotation(text=_("The {shown} countries with most events of {total}; {left} more not drawn.").format(
                               shown=i18n.format_number(len(nodes)), total=i18n.format_number(net.n_countries),
                               left=i18n.format_number(net.n_left_out)),
                           showarrow=False, x=0, y=-0.02, xref="paper", yref="paper", xanchor="left",
                           yanchor="top", font=dict(size=13, color="#555"))
    return fig
