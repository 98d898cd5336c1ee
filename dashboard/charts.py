"""Pure figure builders: DataFrames in, plotly Figures out. Each chart has a small data-shaping
function (tested directly, since AppTest cannot see chart pixels) and a figure function."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard import palette

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
        template="plotly_white", font=FONT, height=height, title=dict(text=title or "", x=0, font=dict(size=18)),
        margin=dict(l=10, r=30, t=50 if title else 10, b=10), legend=dict(title=None),
        hoverlabel=dict(font_size=14), paper_bgcolor="white", plot_bgcolor="white",
    )
    return fig


def empty_figure(message: str, height: int = 260) -> go.Figure:
    """A figure that says why it is empty (never a blank chart)."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, font=dict(size=16), x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, None, height)


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
            "leading_theme", "leading_theme_label", "size"]
    if events.empty:
        return pd.DataFrame(columns=cols)
    d = events.copy()
    d["place"] = [", ".join(str(x) for x in (v, c) if isinstance(x, str) and x) or "place not stated"
                  for v, c in zip(d["venue"], d["city"])]
    lead = leading_themes(themes)
    d["leading_theme"] = d["event_id"].map(lead).fillna("none")
    d["leading_theme_label"] = [labels.get(t, "no theme evidence" if t == "none" else t) for t in d["leading_theme"]]
    d["event_type"] = d["event_type"].fillna("event").astype(str)
    d["size"] = 14 + 4 * d["n_countries"].clip(lower=0) ** 0.8
    return d.sort_values("start_date")[cols].reset_index(drop=True)


def timeline_figure(data: pd.DataFrame, color_by: str = "event_type", title: str | None = None,
                    height: int = 420, compact: bool = False) -> go.Figure:
    """Events on a date axis, one lane per event type; marker size = countries, colour = type or leading theme.

    Every point carries its event_id in customdata, for on_select.
    """
    if data.empty:
        return empty_figure("No events to show.")
    key, label_col = ("event_type", "event_type") if color_by == "event_type" else ("leading_theme", "leading_theme_label")
    fig = go.Figure()
    for value, grp in data.groupby(key, sort=True):
        color = palette.event_type_color(value) if key == "event_type" else (
            palette.GREY if value == "none" else palette.theme_color(value))
        # shapes repeat the event type only when colour does too, so legend swatches stay truthful
        symbols = [palette.event_type_symbol(t) for t in grp["event_type"]] if key == "event_type" else "circle"
        fig.add_trace(go.Scatter(
            x=grp["start_date"], y=grp["event_type"].str.replace("_", " "), mode="markers",
            name=str(grp[label_col].iloc[0]).replace("_", " "),
            marker=dict(size=grp["size"], color=color, symbol=symbols, line=dict(color="#1A1A1A", width=1.5),
                        opacity=0.92),
            customdata=grp[["event_id", "name", "place", "n_countries"]].to_numpy(),
            hovertemplate="<b>%{customdata[1]}</b><br>%{x|%d %b %Y}<br>%{customdata[2]}"
                          "<br>%{customdata[3]} countries<extra></extra>",
        ))
    fig = _layout(fig, title, height)
    fig.update_xaxes(type="date", title=None, showgrid=True, gridcolor="#E5E5E5")
    fig.update_yaxes(title=None, categoryorder="category ascending")
    pad = pd.Timedelta(days=60)
    fig.update_xaxes(range=[data["start_date"].min() - pad, data["start_date"].max() + pad])
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0), showlegend=True)
    if compact:
        fig.update_layout(margin=dict(l=10, r=10, t=40, b=10))
    else:
        fig.update_layout(clickmode="event+select")
    return fig


# ---------------------------------------------------------------------------------------------
# Themes
# ---------------------------------------------------------------------------------------------

def theme_share_data(events: pd.DataFrame, themes: pd.DataFrame, theme_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Rows (event, theme) with share and evidence count, events in date order, for stacked bars."""
    labels = theme_labels or {}
    cols = ["event_id", "event_label", "start_date", "theme", "theme_label", "share", "n_evidence"]
    if events.empty or themes.empty:
        return pd.DataFrame(columns=cols)
    ev = events[["event_id", "name", "acronym", "start_date"]].copy()
    ev["event_label"] = [f"{a if isinstance(a, str) and a else n} ({d:%Y-%m-%d})" if pd.notna(d) else str(n)
                         for n, a, d in zip(ev["name"], ev["acronym"], ev["start_date"])]
    d = themes.merge(ev, on="event_id", how="inner")
    d["theme_label"] = d["theme"].map(lambda t: labels.get(t, t))
    return d.sort_values(["start_date", "theme"])[cols].reset_index(drop=True)


def theme_shares_figure(data: pd.DataFrame, theme_order: list[str] | None = None, title: str | None = None) -> go.Figure:
    """Horizontal stacked bars: each event's theme evidence split by theme (share of its evidence)."""
    if data.empty:
        return empty_figure("No theme evidence for these events.")
    order = [t for t in (theme_order or []) if t in set(data["theme"])] + sorted(set(data["theme"]) - set(theme_order or []))
    events_order = list(dict.fromkeys(data["event_label"]))
    fig = go.Figure()
    for theme in order:
        g = data[data["theme"] == theme]
        fig.add_trace(go.Bar(
            y=g["event_label"], x=g["share"], orientation="h", name=g["theme_label"].iloc[0],
            marker=dict(color=palette.theme_color(theme), line=dict(color="white", width=1)),
            customdata=g[["n_evidence", "theme_label"]].to_numpy(),
            hovertemplate="%{y}<br><b>%{customdata[1]}</b>: %{x:.0%} (%{customdata[0]} sentences)<extra></extra>",
        ))
    fig = _layout(fig, title, 230 + 44 * len(events_order) + 26 * ((len(order) + 1) // 2))
    fig.update_layout(barmode="stack", legend=dict(traceorder="normal", orientation="h", yanchor="top", y=-0.18 - 0.5 / len(events_order), x=0))
    fig.update_xaxes(tickformat=".0%", title="share of the event's theme evidence", range=[0, 1])
    fig.update_yaxes(categoryorder="array", categoryarray=events_order[::-1], title=None)
    return fig


def theme_totals(evidence: pd.DataFrame, theme_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """theme, theme_label, n_evidence, n_events: theme evidence summed over the filtered events, largest first."""
    labels = theme_labels or {}
    if evidence.empty:
        return pd.DataFrame(columns=["theme", "theme_label", "n_evidence", "n_events"])
    d = evidence.groupby("theme").agg(n_evidence=("sentence", "size"), n_events=("event_id", "nunique")).reset_index()
    d["theme_label"] = d["theme"].map(lambda t: labels.get(t, t))
    return d.sort_values(["n_evidence", "theme"], ascending=[False, True])[
        ["theme", "theme_label", "n_evidence", "n_events"]].reset_index(drop=True)


def theme_totals_figure(data: pd.DataFrame, title: str | None = None, height: int = 300) -> go.Figure:
    """Horizontal bars of evidence sentences per theme, each in its theme colour."""
    if data.empty:
        return empty_figure("No theme evidence for these events.")
    d = data.iloc[::-1]
    fig = go.Figure(go.Bar(
        y=d["theme_label"], x=d["n_evidence"], orientation="h",
        marker=dict(color=[palette.theme_color(t) for t in d["theme"]]),
        text=d["n_evidence"], textposition="outside", customdata=d[["n_events"]].to_numpy(),
        hovertemplate="<b>%{y}</b><br>%{x} sentences across %{customdata[0]} events<extra></extra>",
    ))
    fig = _layout(fig, title, height)
    fig.update_traces(cliponaxis=False)
    fig.update_xaxes(title="evidence sentences", range=[0, max(1, d["n_evidence"].max()) * 1.12], automargin=True)
    fig.update_yaxes(title=None, automargin=True)
    return fig


def theme_country_matrix(participants: pd.DataFrame, themes: pd.DataFrame,
                         theme_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Theme × country: evidence sentences at the events each country took part in (index theme label,
    columns country name; ASEAN members first). Zero where the country was there but the theme was not."""
    labels = theme_labels or {}
    if participants.empty or themes.empty:
        return pd.DataFrame()
    pc = participants[["event_id", "iso3", "country", "is_asean"]].drop_duplicates(["event_id", "iso3"])
    m = pc.merge(themes[["event_id", "theme", "n_evidence"]], on="event_id", how="inner")
    if m.empty:
        return pd.DataFrame()
    table = m.pivot_table(index="theme", columns="country", values="n_evidence", aggfunc="sum", fill_value=0)
    asean = pc.groupby("country")["is_asean"].any()
    col_order = sorted(table.columns, key=lambda c: (not bool(asean.get(c, False)), str(c)))
    order = [t for t in labels if t in table.index] + sorted(set(table.index) - set(labels))
    table = table.loc[order, col_order]
    table.index = [labels.get(t, t) for t in table.index]
    table.index.name, table.columns.name = "theme", "country"
    return table.astype(int)


def theme_country_heatmap(matrix: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Heatmap of theme_country_matrix, counts written in each cell."""
    if matrix.empty:
        return empty_figure("No countries and themes to compare.")
    fig = go.Figure(go.Heatmap(
        z=matrix.to_numpy(), x=list(matrix.columns), y=list(matrix.index), colorscale=palette.SEQUENTIAL,
        text=matrix.to_numpy(), texttemplate="%{text}", textfont=dict(size=13), xgap=2, ygap=2,
        hovertemplate="<b>%{x}</b><br>%{y}: %{z} sentences<extra></extra>", colorbar=dict(title="sentences"),
    ))
    fig = _layout(fig, title, max(300, 120 + 42 * len(matrix.index)))
    fig.update_xaxes(tickangle=-40, side="bottom")
    fig.update_yaxes(autorange="reversed")
    return fig


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
    a["country"] = [names.get(i, i) if isinstance(i, str) and i else "not stated" for i in a["iso3"]]
    a["event_label"] = [f"{ac if isinstance(ac, str) and ac else n} ({d:%Y-%m-%d})" if pd.notna(d) else str(n)
                        for n, ac, d in zip(a["event_name"], a["acronym"], a["start_date"])]
    g = a.groupby(["event_id", "event_label", "start_date", "country"]).size().rename("n_people").reset_index()
    return g.sort_values(["start_date", "country"])[cols].reset_index(drop=True)


def attendees_figure(data: pd.DataFrame, asean_countries: set[str] | frozenset[str] = frozenset(),
                     title: str | None = None) -> go.Figure:
    """Horizontal stacked bars: people named at each event, one segment per country (labelled), shaded
    ASEAN member / other country / not stated (neutral greys: theme colours mean themes only)."""
    if data.empty:
        return empty_figure("No named attendees for these events.")
    d = data.copy()
    d["group"] = ["not stated" if c == "not stated" else ("ASEAN member" if c in asean_countries else "other country")
                  for c in d["country"]]
    colors = {"ASEAN member": palette.ASEAN_MEMBER, "other country": palette.OTHER_COUNTRY,
              "not stated": palette.NOT_STATED}
    events_order = list(dict.fromkeys(d["event_label"]))
    fig = go.Figure()
    for group in ("ASEAN member", "other country", "not stated"):
        g = d[d["group"] == group]
        if g.empty:
            continue
        fig.add_trace(go.Bar(
            y=g["event_label"], x=g["n_people"], orientation="h", name=group, text=g["country"],
            textposition="inside", insidetextanchor="middle",
            textfont=dict(color="white" if group == "ASEAN member" else "#1A1A1A", size=14),
            marker=dict(color=colors[group], line=dict(color="white", width=2)),
            hovertemplate="<b>%{text}</b><br>%{y}: %{x} people<extra></extra>",
        ))
    fig = _layout(fig, title, 200 + 50 * len(events_order))
    fig.update_layout(barmode="stack", legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, traceorder="normal"))
    fig.update_xaxes(title="people named", dtick=1, rangemode="tozero")
    fig.update_yaxes(categoryorder="array", categoryarray=events_order[::-1], title=None, automargin=True)
    return fig
