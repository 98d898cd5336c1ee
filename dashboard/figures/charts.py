"""Pure figure builders: DataFrames in, plotly Figures out. Each chart has a small data-shaping
function (tested directly, since AppTest cannot see chart pixels) and a figure function.

Plotly draws a subset of HTML in its texts (<b>, <br>, <a href>): the figure functions pass every
name, label and place from the data through safe_text.plot_text, so a tag in the data is shown as written.
The data-shaping functions keep plain text (the briefing pack and the tables use it)."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.figures import palette
from dashboard.i18n import N_, _, ngettext
from dashboard.labels import EMPTY_TEXT, empty_text, short_event_label, short_name
from dashboard.safe_text import plot_text, plot_texts
from dashboard.theme_measures import DEFAULT_MEASURE, MEASURES, counted_evidence, theme_measures

FONT = dict(family="DejaVu Sans, Arial, sans-serif", size=15, color="#1A1A1A")


def plotly_config(filename: str) -> dict:
    """st.plotly_chart config: the browser's "download as image" saves `filename`.png at 2× scale."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
    }


def _layout(fig: go.Figure, title: str | None, height: int) -> go.Figure:
    fig.update_layout(
        font=FONT, height=height, title=dict(text=title or "", x=0, font=dict(size=18)),
        margin=dict(l=10, r=30, t=50 if title else 10, b=10), legend=dict(title=None),
        hoverlabel=dict(font_size=14), paper_bgcolor="white", plot_bgcolor="white",
    )
    return fig


def wrap_label(text: str, width: int = 22, max_chars: int = 66) -> str:
    """A long category label shortened to max_chars and broken into lines of about `width` characters
    (plotly's <br>), so a narrow window keeps room for the plot instead of the labels. `text` is plotly
    text (a category as the figure holds it, escaped): it is wrapped as the reader sees it, each line
    escaped again."""
    text = html.unescape(str(text))
    if len(text) > max_chars:
        text = text[: max_chars - 1].rsplit(" ", 1)[0] + "…"
    return "<br>".join(plot_texts(textwrap.wrap(text, width=width, break_long_words=False))) or plot_text(text)


def wrap_ticks(fig: go.Figure, axis: str, categories: list, width: int = 22) -> go.Figure:
    """Show an axis's categories with wrapped labels (the data keep the full labels, for hover and tests)."""
    cats = list(categories)
    getattr(fig, f"update_{axis}axes")(tickmode="array", tickvals=cats, ticktext=[wrap_label(c, width) for c in cats],
                                       automargin=True)
    return fig


def empty_figure(message: str, height: int = 260) -> go.Figure:
    """A figure that says why it is empty (never a blank chart)."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, font=dict(size=16), x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, None, height)


# Event types as a reader sees them (the data hold codes: `ministerial_meeting`). English msgids (N_), shown
# with event_type_label() in the interface's language; a code not listed reads as itself, "_" as a space.
EVENT_TYPE_NAMES: dict[str, str] = {
    "conference": N_("conference"),
    "seminar": N_("seminar"),
    "ministerial_meeting": N_("ministerial meeting"),
    "meeting": N_("meeting"),
    "bilateral_meeting": N_("bilateral meeting"),
    "workshop": N_("workshop"),
    "forum": N_("forum"),
    "summit": N_("summit"),
    "symposium": N_("symposium"),
    "dialogue": N_("dialogue"),
    "training": N_("training"),
    "launch": N_("launch"),
    "signing": N_("signing"),
    "event": N_("event"),
}


def event_type_label(code: object) -> str:
    """An event type's name in the interface's language (`ministerial_meeting` -> `ministerial meeting` /
    `pertemuan tingkat menteri`); an empty code reads as `event`, an unknown one as itself without "_"."""
    code = str(code) if isinstance(code, str) and code.strip() else "event"
    name = EVENT_TYPE_NAMES.get(code)
    return _(name) if name else code.replace("_", " ")


def _english() -> bool:
    return i18n.current_language() == i18n.DEFAULT_LANGUAGE


def localise_date_ticks(fig: go.Figure, lo, hi, max_ticks: int = 7) -> go.Figure:
    """A date x axis labelled in the interface's language: plotly writes month names in English only, so in
    another language the ticks are set here (month starts, every 1, 2, 3, 6 or 12 months so at most
    `max_ticks` show, each 'Okt 2018' from CLDR; years alone past that). English keeps plotly's own ticks."""
    if _english() or lo is None or hi is None or pd.isna(lo) or pd.isna(hi):
        return fig
    lo, hi = pd.Timestamp(lo), pd.Timestamp(hi)
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    step = next((k for k in (1, 2, 3, 6, 12) if months / k <= max_ticks), None)
    if step is None:   # many years: whole years, every few
        years = range(lo.year + (lo.month > 1 or lo.day > 1), hi.year + 1)
        every = max(1, -(-len(years) // max_ticks))
        ticks = [pd.Timestamp(year=y, month=1, day=1) for y in years][::every]
        return fig.update_xaxes(tickmode="array", tickvals=ticks, ticktext=[str(t.year) for t in ticks])
    first = pd.Timestamp(year=lo.year, month=lo.month, day=1) + pd.offsets.MonthBegin(1 if lo.day > 1 else 0)
    first += pd.offsets.MonthBegin((-(first.month - 1)) % step)   # on the step's months (Jan, Apr, Jul, Oct …)
    ticks = list(pd.date_range(first, hi, freq=f"{step}MS"))
    labels = [str(t.year) if step == 12 else i18n.format_date(t, format="month") for t in ticks]
    return fig.update_xaxes(tickmode="array", tickvals=ticks, ticktext=labels)


# ---------------------------------------------------------------------------------------------
# Timeline
# ---------------------------------------------------------------------------------------------

def leading_themes(themes: pd.DataFrame) -> pd.Series:
    """event_id -> the theme with most evidence (ties broken by theme code)."""
    if themes.empty:
        return pd.Series(dtype=str)
    t = themes.sort_values(["event_id", "n_evidence", "theme"], ascending=[True, False, True])
    return t.drop_duplicates("event_id").set_index("event_id")["theme"]


def timeline_data(events: pd.DataFrame, themes: pd.DataFrame, theme_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per event for the timeline: date, lane, marker size, colour keys and hover text."""
    labels = theme_labels or {}
    cols = ["event_id", "name", "start_date", "end_date", "event_type", "n_countries", "place",
            "leading_theme", "leading_theme_label", "size", "label"]
    if events.empty:
        return pd.DataFrame(columns=cols)
    d = events.copy()
    d["label"] = marker_labels(d)
    missing = empty_text()
    d["place"] = [", ".join(str(x) for x in (v, c) if isinstance(x, str) and x) or missing
                  for v, c in zip(d["venue"], d["city"])]
    lead = leading_themes(themes)
    d["leading_theme"] = d["event_id"].map(lead).fillna("none")
    no_theme = _("no theme evidence")
    d["leading_theme_label"] = [labels.get(t, no_theme if t == "none" else t) for t in d["leading_theme"]]
    d["event_type"] = d["event_type"].fillna("event").astype(str)
    d["size"] = 14 + 4 * d["n_countries"].clip(lower=0) ** 0.8
    return d.sort_values("start_date")[cols].reset_index(drop=True)


def marker_labels(events: pd.DataFrame, min_gap: float = 0.12) -> list[str]:
    """Each event's short name for its timeline marker, or "" where it would not fit: within one lane
    (event type), a label is shown only if the previous shown label is at least `min_gap` of the time
    span away (the hover still names every event). One pass over plain lists per lane."""
    start = pd.to_datetime(events["start_date"]).tolist()
    known = [d for d in start if pd.notna(d)]
    span = max((max(known) - min(known)).days, 1) if known else 1
    lanes = events["event_type"].fillna("event").astype(str).tolist()
    names = events["name"].tolist()
    acronyms = events["acronym"].tolist() if "acronym" in events else [None] * len(names)
    out = [""] * len(names)
    by_lane: dict[str, list[int]] = {}
    for i, lane in enumerate(lanes):
        if pd.notna(start[i]):
            by_lane.setdefault(lane, []).append(i)
    for idx in by_lane.values():
        last = None
        for i in sorted(idx, key=lambda i: start[i]):
            if last is None or (start[i] - last).days >= min_gap * span:
                out[i] = short_name(names[i], acronyms[i])
                last = start[i]
    return out


def timeline_figure(data: pd.DataFrame, color_by: str = "event_type", title: str | None = None,
                    height: int = 420, compact: bool = False) -> go.Figure:
    """Events on a date axis, one lane per event type; marker size = countries, colour = type or leading theme.

    Every point carries its event_id in customdata, for on_select.
    """
    if data.empty:
        return empty_figure(_("No events to show."))
    key, label_col = ("event_type", "event_type") if color_by == "event_type" else ("leading_theme", "leading_theme_label")
    fig = go.Figure()
    for value, grp in data.groupby(key, sort=True):
        color = palette.event_type_color(value) if key == "event_type" else (
            palette.GREY if value == "none" else palette.theme_color(value))
        # shapes repeat the event type only when colour does too, so legend swatches stay truthful
        symbols = [palette.event_type_symbol(t) for t in grp["event_type"]] if key == "event_type" else "circle"
        name = event_type_label(value) if key == "event_type" else str(grp[label_col].iloc[0]).replace("_", " ")
        # the date in the hover: plotly's own month names are English, so other languages get it written out
        when = "%{x|%d %b %Y}" if _english() else "%{customdata[4]}"
        fig.add_trace(go.Scatter(
            x=grp["start_date"], y=plot_texts([event_type_label(t) for t in grp["event_type"]]), mode="markers+text",
            name=plot_text(name),
            text=plot_texts(grp["label"]) if "label" in grp else None, textposition="top center",
            textfont=dict(size=12, color="#1A1A1A"), cliponaxis=False,
            marker=dict(size=grp["size"], color=color, symbol=symbols, line=dict(color="#1A1A1A", width=1.5),
                        opacity=0.92),
            # event_id (customdata[0]) stays as it is: a click selects the event by it
            customdata=grp[["event_id", "name", "place", "n_countries"]].assign(
                name=plot_texts(grp["name"]), place=plot_texts(grp["place"]),
                when=[i18n.format_date(d, format="medium") for d in grp["start_date"]]).to_numpy(),
            hovertemplate="<b>%{customdata[1]}</b><br>" + when + "<br>%{customdata[2]}<br>"
                          + _("%{customdata[3]} countries") + "<extra></extra>",
        ))
    lanes = data["event_type"].nunique()
    fig = _layout(fig, title, max(height, (100 + 44 * lanes) if compact else (120 + 60 * lanes)))  # room for labels
    fig.update_xaxes(type="date", title=None, showgrid=True, gridcolor="#E5E5E5")
    fig.update_yaxes(title=None, categoryorder="category ascending")
    span = data["start_date"].max() - data["start_date"].min()
    pad = pd.Timedelta(days=60) + span * 0.04  # a centred label on the first or last marker stays inside
    fig.update_xaxes(range=[data["start_date"].min() - pad, data["start_date"].max() + pad])
    localise_date_ticks(fig, data["start_date"].min() - pad, data["start_date"].max() + pad)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0), showlegend=True)
    if compact:
        fig.update_layout(margin=dict(l=10, r=10, t=40, b=10))
    else:
        fig.update_layout(clickmode="event+select")
    return fig


MAX_MARKERS = 400   # past this many events the timeline counts them per period instead of drawing each


def event_counts(events: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Events per period and type, for a timeline of more events than markers can show: per year when
    the dates span more than four years, else per month. Rows: period (its first day), event_type, n."""
    d = events.dropna(subset=["start_date"])
    start = pd.to_datetime(d["start_date"])
    span_years = (start.max() - start.min()).days / 365.25 if len(start) else 0
    unit = "year" if span_years > 4 else "month"
    period = start.dt.to_period("Y" if unit == "year" else "M").dt.start_time
    out = (pd.DataFrame({"period": period, "event_type": d["event_type"].fillna("event").astype(str)})
           .groupby(["period", "event_type"]).size().rename("n").reset_index())
    return out.sort_values(["period", "event_type"]).reset_index(drop=True), unit


def event_counts_figure(counts: pd.DataFrame, unit: str, title: str | None = None, height: int = 360) -> go.Figure:
    """Stacked bars: events per year or month, one colour per event type."""
    if counts.empty:
        return empty_figure(_("No dated events to show."))
    fig = go.Figure()
    events = _("%{y} events")
    for event_type, g in counts.groupby("event_type", sort=True):
        label = plot_text(event_type_label(event_type))
        if unit == "year" or _english():
            when, custom = f"%{{x|{'%Y' if unit == 'year' else '%b %Y'}}}", None
        else:   # plotly's month names are English: the month written out in the language
            when, custom = "%{customdata}", [i18n.format_date(p, format="month") for p in g["period"]]
        fig.add_trace(go.Bar(x=g["period"], y=g["n"], name=label, marker=dict(color=palette.event_type_color(event_type)),
                             customdata=custom,
                             hovertemplate=f"<b>{label}</b><br>{when}: {events}<extra></extra>"))
    fig = _layout(fig, title, height)
    fig.update_layout(barmode="stack", legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    fig.update_xaxes(type="date", title=None, dtick="M12" if unit == "year" else None)
    if unit != "year":
        localise_date_ticks(fig, counts["period"].min(), counts["period"].max())
    fig.update_yaxes(title=_("events per year") if unit == "year" else _("events per month"), rangemode="tozero")
    return fig


# ---------------------------------------------------------------------------------------------
# Themes
# ---------------------------------------------------------------------------------------------

def _event_labels(events: pd.DataFrame) -> pd.DataFrame:
    """event_id, start_date, event_label (`RCDD (2019-09-10)`: acronym or name, and the start date)."""
    ev = events[["event_id", "name", "acronym", "start_date"]].copy()
    ev["event_label"] = [short_event_label(n, a, d)
                         for n, a, d in zip(ev["name"], ev["acronym"], ev["start_date"])]
    return ev[["event_id", "start_date", "event_label"]]


SHARE_COLUMNS = ["event_id", "event_label", "start_date", "theme", "theme_label", "share", "n_sentences",
                 "event_n_sentences"]


def theme_share_data(events: pd.DataFrame, evidence: pd.DataFrame, articles: pd.DataFrame,
                     theme_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Rows (event, theme) for stacked bars, events in date order: n_sentences (counted once per article,
    see theme_measures), the event's total event_n_sentences, share = n_sentences / that total, and an
    event_label that carries the total (`RCDD (2019-09-10) · n=51`) so no bar hides how much it rests on."""
    labels = theme_labels or {}
    if events.empty or evidence.empty:
        return pd.DataFrame(columns=SHARE_COLUMNS)
    ev = counted_evidence(evidence[evidence["event_id"].isin(events["event_id"].unique())], articles)
    if ev.empty:
        return pd.DataFrame(columns=SHARE_COLUMNS)
    d = ev.groupby(["event_id", "theme"]).size().rename("n_sentences").reset_index()
    d["event_n_sentences"] = d.groupby("event_id")["n_sentences"].transform("sum")
    d["share"] = d["n_sentences"] / d["event_n_sentences"]
    d = d.merge(_event_labels(events), on="event_id", how="inner")
    d["event_label"] = [f"{lab} · n={n}" for lab, n in zip(d["event_label"], d["event_n_sentences"])]
    d["theme_label"] = d["theme"].map(lambda t: labels.get(t, t))
    return d.sort_values(["start_date", "event_id", "theme"])[SHARE_COLUMNS].reset_index(drop=True)


SHARE_VALUES = ("share", "count")  # what the per-event bars measure


def theme_shares_figure(data: pd.DataFrame, theme_order: list[str] | None = None, title: str | None = None,
                        *, values: str = "share") -> go.Figure:
    """Horizontal stacked bars, one per event: its theme sentences split by theme, as shares of the event's
    sentences (`values="share"`) or as sentence counts (`values="count"`); each segment is labelled with
    its count and each event's label with its total n."""
    if values not in SHARE_VALUES:
        raise ValueError(f"values must be one of {SHARE_VALUES}, got {values!r}")
    if data.empty:
        return empty_figure(_("No theme evidence for these events."))
    data = data.assign(event_label=plot_texts(data["event_label"]), theme_label=plot_texts(data["theme_label"]))
    order = [t for t in (theme_order or []) if t in set(data["theme"])] + sorted(set(data["theme"]) - set(theme_order or []))
    events_order = list(dict.fromkeys(data["event_label"]))
    x_col = "share" if values == "share" else "n_sentences"
    fig = go.Figure()
    for theme in order:
        g = data[data["theme"] == theme]
        fig.add_trace(go.Bar(
            y=g["event_label"], x=g[x_col], orientation="h", name=g["theme_label"].iloc[0],
            marker=dict(color=palette.theme_color(theme), line=dict(color="white", width=1)),
            text=g["n_sentences"], textposition="inside", insidetextanchor="middle", textangle=0,
            customdata=g[["n_sentences", "theme_label", "event_n_sentences", "share"]].to_numpy(),
            hovertemplate="%{y}<br><b>%{customdata[1]}</b>: "
                          + _("%{customdata[0]} of the event's %{customdata[2]} theme sentences")
                          + " (%{customdata[3]:.0%})<extra></extra>",
        ))
    lines = max(wrap_label(e, 26).count("<br>") + 1 for e in events_order)   # the tallest wrapped label
    pitch = max(44, 16 * lines + 10)   # a row's height: its label never reaches the next one's
    fig = _layout(fig, title, 230 + pitch * len(events_order) + 26 * ((len(order) + 1) // 2))
    fig.update_layout(barmode="stack", uniformtext=dict(minsize=11, mode="hide"),
                      legend=dict(traceorder="normal", orientation="h", yanchor="top", y=-0.18 - 0.5 / len(events_order), x=0))
    if values == "share":
        fig.update_xaxes(tickformat=".0%", range=[0, 1], title=_("share of each event's n theme sentences"))
    else:
        fig.update_xaxes(title=_("theme sentences per event (once per article)"))
    fig.update_yaxes(categoryorder="array", categoryarray=events_order[::-1], title=None)
    return wrap_ticks(fig, "y", events_order, width=26)


def theme_totals(events: pd.DataFrame, evidence: pd.DataFrame, articles: pd.DataFrame,
                 theme_labels: Mapping[str, str] | None = None, measure: str = DEFAULT_MEASURE) -> pd.DataFrame:
    """theme_measures over the filtered events, largest `measure` first (ties in catalogue order), with
    `value` (the measure), `n_events_total` (the share's denominator) and `text` (value and n, for the bar)."""
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, got {measure!r}")
    d = theme_measures(events, evidence, articles, theme_labels)
    total = int(events["event_id"].nunique()) if not events.empty else 0
    d["value"] = d[measure]
    d["n_events_total"] = total
    num = i18n.format_number

    def pct(x: float) -> str:   # 45% in both languages (CLDR's percent sign sits the same)
        return f"{x:.0%}"

    def events(n: int) -> str:
        return ngettext("{n} event", "{n} events", n).format(n=num(n))

    texts = {
        "n_events": lambda r: f"{events(r.n_events)} · {pct(r.share_events)}",
        "share_events": lambda r: ngettext("{share} · {n} of {total} event", "{share} · {n} of {total} events",
                                           total).format(share=pct(r.share_events), n=num(r.n_events), total=num(total)),
        "n_sentences": lambda r: ngettext("{n} sentence in {events}", "{n} sentences in {events}", r.n_sentences).format(
            n=num(r.n_sentences), events=events(r.n_events)),
    }[measure]
    d["text"] = [texts(r) for r in d.itertuples(index=False)]
    d = d.sort_values("value", ascending=False, kind="stable").reset_index(drop=True)
    d.attrs["measure"] = measure
    return d


def theme_totals_figure(data: pd.DataFrame, measure: str | None = None, title: str | None = None,
                        height: int = 300) -> go.Figure:
    """Horizontal bars of one measure per theme (theme_totals), each in its theme colour; the axis title
    names the unit and every bar's text gives its value and n."""
    measure = measure or data.attrs.get("measure") or DEFAULT_MEASURE
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, got {measure!r}")
    if data.empty:
        return empty_figure(_("No theme evidence for these events."))
    d = data.iloc[::-1]
    d = d.assign(theme_label=plot_texts(d["theme_label"]))
    fig = go.Figure(go.Bar(
        y=d["theme_label"], x=d[measure], orientation="h",
        marker=dict(color=[palette.theme_color(t) for t in d["theme"]]),
        text=d["text"] if "text" in d else d[measure], textposition="outside",
        customdata=d[["n_events", "n_events_total", "share_events", "n_sentences", "n_articles"]].to_numpy(),
        hovertemplate="<b>%{y}</b><br>" + _("%{customdata[0]} of %{customdata[1]} events touch it (%{customdata[2]:.0%})")
                      + "<br>" + _("%{customdata[3]} evidence sentences (once per article) in %{customdata[4]} articles")
                      + "<extra></extra>",
    ))
    fig = _layout(fig, title, max(height, 90 + 56 * len(d)))  # room for labels wrapped onto 3 lines
    fig.update_traces(cliponaxis=False)
    top = float(d[measure].max()) if len(d) else 0.0
    floor = 0.05 if measure == "share_events" else 1.0  # an axis even when every bar is 0
    fig.update_xaxes(title=_(MEASURES[measure]), automargin=True, range=[0, max(floor, top) * 1.4])
    if measure == "share_events":
        fig.update_xaxes(tickformat=".0%")
    fig.update_yaxes(title=None, automargin=True)
    return wrap_ticks(fig, "y", list(d["theme_label"]), width=18)


def theme_country_matrix(participants: pd.DataFrame, evidence: pd.DataFrame, articles: pd.DataFrame,
                         theme_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Theme × country: theme sentences (counted once per article) at the events each country took part in
    (index theme label, columns country name in the interface's language; ASEAN members first). Zero where
    the country was there but the theme was not."""
    labels = theme_labels or {}
    if participants.empty or evidence.empty:
        return pd.DataFrame()
    ev = counted_evidence(evidence, articles)
    per_event = ev.groupby(["event_id", "theme"]).size().rename("n_sentences").reset_index()
    pc = participants[["event_id", "iso3", "country", "is_asean"]].drop_duplicates(["event_id", "iso3"])
    pc = pc.assign(country=[i18n.country_name(i, c) for i, c in zip(pc["iso3"], pc["country"])])   # CLDR, in the language
    m = pc.merge(per_event, on="event_id", how="inner")
    if m.empty:
        return pd.DataFrame()
    table = m.pivot_table(index="theme", columns="country", values="n_sentences", aggfunc="sum", fill_value=0)
    asean = pc.groupby("country")["is_asean"].any()
    col_order = sorted(table.columns, key=lambda c: (not bool(asean.get(c, False)), str(c)))
    order = [t for t in labels if t in table.index] + sorted(set(table.index) - set(labels))
    table = table.loc[order, col_order]
    table.index = [labels.get(t, t) for t in table.index]
    table.index.name, table.columns.name = "theme", "country"
    return table.astype(int)


def theme_country_heatmap(matrix: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Heatmap of theme_country_matrix, counts written in each cell: a row per country (ASEAN members
    first) and a column per theme, so each cell keeps its width however many countries there are (a
    column per country crowded the numbers into each other at 1024 px)."""
    if matrix.empty:
        return empty_figure(_("No countries and themes to compare."))
    t = matrix.T   # countries × themes
    themes, countries = plot_texts(t.columns), plot_texts(t.index)
    fig = go.Figure(go.Heatmap(
        z=t.to_numpy(), x=themes, y=countries, colorscale=palette.SEQUENTIAL,
        text=t.to_numpy(), texttemplate="%{text}", textfont=dict(size=13), xgap=2, ygap=2,
        hovertemplate="<b>%{y}</b><br>%{x}: " + _("%{z} theme sentences (each counted once per article) in the "
                                                  "articles on the events %{y} took part in") + "<extra></extra>",
        # under the grid, so the theme columns get the width
        colorbar=dict(title=dict(text=_("sentences (once per article)"), side="top"), thickness=12,
                      orientation="h", y=-0.02, yanchor="top", len=0.6),
    ))
    fig = _layout(fig, title, max(320, 210 + 28 * len(t.index)))
    # every country named, however many
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=countries, ticktext=countries, automargin=True)
    fig.update_xaxes(side="top", tickangle=0, tickfont=dict(size=12))
    return wrap_ticks(fig, "x", themes, width=12)


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------

def attendee_counts(attendees: pd.DataFrame, events: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """Attendees per (event, country): event_label, country (name, or 'not stated'), n_people."""
    cols = ["event_id", "event_label", "start_date", "country", "n_people"]
    if attendees.empty:
        return pd.DataFrame(columns=cols)
    names = participants.drop_duplicates("iso3").set_index("iso3")["country"] if not participants.empty else pd.Series(dtype=str)
    ev = events[["event_id", "name", "acronym", "start_date"]].rename(columns={"name": "event_name"})
    a = attendees.merge(ev, on="event_id", how="inner")
    missing = empty_text()
    a["country"] = [names.get(i, i) if isinstance(i, str) and i else missing for i in a["iso3"]]
    a["event_label"] = [short_event_label(n, ac, d)
                        for n, ac, d in zip(a["event_name"], a["acronym"], a["start_date"])]
    g = a.groupby(["event_id", "event_label", "start_date", "country"]).size().rename("n_people").reset_index()
    return g.sort_values(["start_date", "country"])[cols].reset_index(drop=True)


GROUP_NAMES = {"ASEAN member": N_("ASEAN member"), "other country": N_("other country"),
               "not stated": N_("not stated")}   # the legend of attendees_figure, msgids


def attendees_figure(data: pd.DataFrame, asean_countries: set[str] | frozenset[str] = frozenset(),
                     title: str | None = None) -> go.Figure:
    """Horizontal stacked bars: people named at each event, one segment per country (labelled), shaded
    ASEAN member / other country / not stated (neutral greys: theme colours mean themes only)."""
    if data.empty:
        return empty_figure(_("No named attendees for these events."))
    d = data.copy()
    missing = {EMPTY_TEXT, empty_text()}   # attendee_counts' wording, made in the same language
    d["group"] = ["not stated" if c in missing else ("ASEAN member" if c in asean_countries else "other country")
                  for c in d["country"]]
    d["event_label"], d["country"] = plot_texts(d["event_label"]), plot_texts(d["country"])
    colors = {"ASEAN member": palette.ASEAN_MEMBER, "other country": palette.OTHER_COUNTRY,
              "not stated": palette.NOT_STATED}
    events_order = list(dict.fromkeys(d["event_label"]))
    fig = go.Figure()
    for group in ("ASEAN member", "other country", "not stated"):
        g = d[d["group"] == group]
        if g.empty:
            continue
        fig.add_trace(go.Bar(
            y=g["event_label"], x=g["n_people"], orientation="h", name=_(GROUP_NAMES[group]), text=g["country"],
            textposition="inside", insidetextanchor="middle",
            textfont=dict(color="white" if group == "ASEAN member" else "#1A1A1A", size=14),
            marker=dict(color=colors[group], line=dict(color="white", width=2)),
            hovertemplate="<b>%{text}</b><br>%{y}: " + _("%{x} people") + "<extra></extra>",
        ))
    fig = _layout(fig, title, 200 + 50 * len(events_order))
    fig.update_layout(barmode="stack", legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, traceorder="normal"))
    fig.update_xaxes(title=_("people named"), dtick=1, rangemode="tozero")
    fig.update_yaxes(categoryorder="array", categoryarray=events_order[::-1], title=None, automargin=True)
    return wrap_ticks(fig, "y", events_order, width=26)
