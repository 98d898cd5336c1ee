"""Trends: has it shifted over the years? Events, theme shares and a country's partners per period
(year, quarter or month), each period with its n, so "has peace messaging given way to the digital
economy since 2017?" is answered from one view and a share of three events is seen as such.

Pure pandas and plotly (no Streamlit): the Trends page shows these figures, the briefing pack's findings
quote `theme_shift`, and the tests check the numbers on hand-made frames.

Every table here has a `period` column: an ordered pandas Categorical whose categories are *all* the
periods from the first event to the last (years, quarters or months without events included), so a
figure keeps gaps and order without being told the unit again. Events are placed by their start date;
undated events are left out (`n_undated` says how many)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.figures import palette
from dashboard.figures.charts import _layout, empty_figure, event_type_label, wrap_label
from dashboard.i18n import N_, _, ngettext
from dashboard.safe_text import plot_text, plot_texts
from dashboard.theme_measures import counted_evidence

UNITS = ("year", "quarter", "month")
UNIT_NAMES = {"year": N_("year"), "quarter": N_("quarter"), "month": N_("month")}   # msgids: unit_name()
_FREQ = {"year": "Y", "quarter": "Q", "month": "M"}

# Under this many days between the first and last event, count per quarter; under MONTH_DAYS, per month.
QUARTER_DAYS = 3 * 365   # about 3 years
MONTH_DAYS = 365         # about 1 year

MIN_EVENTS = 5       # a period with fewer events is flagged `small`: its shares move by 20 points per event
TOP_PARTNERS = 8     # partners named on the partners chart; the rest are grouped as "others"
MIN_TREND_YEARS = 4  # distinct years the events must span before the findings speak of a trend
GREY_TEXT = "#8A8A8A"  # tick labels of small periods
MAX_UPRIGHT = 16     # up to this many periods, ticks stand upright on two lines ("2019" over "n=4")
MAX_TYPES = 4        # with more than MAX_TYPES + 1 event types, the smaller ones share one hatched bar
OTHER_TYPES = "_other"
_EDGE = dict(color="#1A1A1A", width=0.5)
# A bar's look per event type, by rank: neutrals and yellow (the theme colours mean themes), then a dotted
# white; "other types" is hatched.
TYPE_MARKERS = [dict(color=c, line=_EDGE) for c in (palette.BLACK, palette.YELLOW, palette.GREY, "#D4D4D4")] + [
    dict(color="white", pattern=dict(shape=".", fgcolor="#333333", size=5), line=_EDGE)]
OTHER_MARKER = dict(color="white", pattern=dict(shape="/", fgcolor="#555555", size=6), line=_EDGE)

EVENT_COLUMNS = ["period", "event_type", "n_events"]
SHARE_COLUMNS = ["period", "theme", "theme_label", "n_touching", "n_events", "share", "small"]
PARTNER_COLUMNS = ["period", "partner", "iso3", "n_events", "n_own"]


def _dated(events: pd.DataFrame) -> pd.DataFrame:
    if events.empty:
        return events
    return events[pd.to_datetime(events["start_date"]).notna().to_numpy()]


def n_undated(events: pd.DataFrame) -> int:
    """How many events have no start date (they cannot be placed in a period and are left out)."""
    return len(events) - len(_dated(events))


def period_unit(events: pd.DataFrame) -> str:
    """The period to count in: "year", or "quarter" when the events' start dates span under about three
    years (QUARTER_DAYS), "month" under about one year (MONTH_DAYS). A short span counted per year would
    give one or two bars, too few to see a shift; a long one counted per month, too many to read."""
    start = pd.to_datetime(_dated(events)["start_date"]) if not events.empty else pd.Series(dtype="datetime64[ns]")
    if start.empty:
        return "year"
    days = (start.max() - start.min()).days
    return "month" if days < MONTH_DAYS else "quarter" if days < QUARTER_DAYS else "year"


def _check_unit(unit: str) -> None:
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, got {unit!r}")


def unit_name(unit: str) -> str:
    """A period unit as a reader says it, in the interface's language ("year" / "tahun")."""
    return _(UNIT_NAMES[unit]) if unit in UNIT_NAMES else unit


def period_label(p: pd.Period, unit: str) -> str:
    """How a period reads on an axis, in the interface's language: "2019", "2019 Q3" / "K3 2019" or
    "Sep 2019" / "Agu 2019" (CLDR's month names)."""
    if unit == "year":
        return str(p.year)
    if unit == "quarter":
        return _("{year} Q{quarter}").format(year=p.year, quarter=p.quarter)
    return i18n.format_date(p.start_time, format="month")


def event_periods(events: pd.DataFrame, unit: str) -> pd.Series:
    """Each dated event's period (index: the events' index), as an ordered Categorical over every period
    from the first event's to the last's."""
    _check_unit(unit)
    d = _dated(events)
    periods = pd.to_datetime(d["start_date"]).dt.to_period(_FREQ[unit])
    if periods.empty:
        return pd.Series(pd.Categorical([], categories=[], ordered=True), index=d.index, name="period")
    every = pd.period_range(periods.min(), periods.max(), freq=_FREQ[unit])
    labels = {p: period_label(p, unit) for p in every}
    return pd.Series(pd.Categorical(periods.map(labels), categories=list(labels.values()), ordered=True),
                     index=d.index, name="period")


def events_per_period(events: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Events per period and event type (rows period, event_type, n_events; only non-zero rows, in period
    order then type). An event with no type counts as "event"."""
    period = event_periods(events, unit)
    if period.empty:
        return pd.DataFrame({"period": period.reset_index(drop=True), "event_type": pd.Series(dtype=object),
                             "n_events": pd.Series(dtype=int)})
    types = events.loc[period.index, "event_type"].fillna("event").astype(str)
    d = pd.DataFrame({"period": period, "event_type": types})
    out = d.groupby(["period", "event_type"], observed=True).size().rename("n_events").reset_index()
    return out.sort_values(["period", "event_type"]).reset_index(drop=True)[EVENT_COLUMNS]


def _touching(events: pd.DataFrame, evidence: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """(event_id, theme) pairs where the event touches the theme: at least one counted evidence sentence,
    the rule of the Themes page's "events" measure (theme_measures)."""
    if evidence.empty or events.empty:
        return pd.DataFrame(columns=["event_id", "theme"])
    ev = counted_evidence(evidence[evidence["event_id"].isin(events["event_id"])], articles)
    return ev[["event_id", "theme"]].drop_duplicates()


def _theme_order(themes, theme_labels: Mapping[str, str]) -> list[str]:
    """The given themes in catalogue order, then any other by code. Only themes with evidence: with a
    theme filter the evidence holds the chosen themes only, and the others must not read as 0%."""
    present = set(themes)
    return [t for t in theme_labels if t in present] + sorted(present - set(theme_labels))


def theme_share_per_period(events: pd.DataFrame, evidence: pd.DataFrame, articles: pd.DataFrame,
                           theme_labels: Mapping[str, str] | None, unit: str) -> pd.DataFrame:
    """For each period with events and each theme with counted evidence among `events` (catalogue order):
    n_touching (the period's events touching the theme, as on the Themes page: ≥1 counted sentence),
    n_events (the period's events), share = n_touching / n_events, and small = n_events < MIN_EVENTS.
    Periods without events have no row (no share to give); the period categories still hold them."""
    labels = dict(theme_labels or {})
    period = event_periods(events, unit)
    cats = list(period.cat.categories)
    d = pd.DataFrame({"event_id": events.loc[period.index, "event_id"].to_numpy(), "period": period.to_numpy()})
    d = d.drop_duplicates("event_id")
    pairs = _touching(events, evidence, articles)
    themes = _theme_order(pairs["theme"].unique(), labels)
    n = d.groupby("period", observed=True).size()
    if n.empty or not themes:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in SHARE_COLUMNS}).assign(
            period=pd.Categorical([], categories=cats, ordered=True))
    touched = (pairs.merge(d, on="event_id").groupby(["period", "theme"], observed=True).size())
    grid = pd.MultiIndex.from_product([list(n.index), themes], names=["period", "theme"])
    out = touched.reindex(grid, fill_value=0).rename("n_touching").reset_index()
    out["period"] = pd.Categorical(out["period"], categories=cats, ordered=True)
    out["theme_label"] = out["theme"].map(lambda t: labels.get(t, t))
    out["n_events"] = out["period"].map(n).astype(int)
    out["n_touching"] = out["n_touching"].astype(int)
    out["share"] = out["n_touching"] / out["n_events"]
    out["small"] = out["n_events"] < MIN_EVENTS
    return out[SHARE_COLUMNS]


def country_options(participants: pd.DataFrame, events: pd.DataFrame, order: Mapping[str, str]) -> dict[str, str]:
    """iso3 -> name of the countries taking part in `events`, in the order of `order` (the sidebar's:
    ASEAN members first), then any other by name."""
    p = participants[participants["event_id"].isin(events["event_id"])].dropna(subset=["iso3"])
    names = dict(zip(p["iso3"], p["country"]))
    return {i: names[i] for i in [c for c in order if c in names] + sorted(set(names) - set(order), key=names.get)}


def default_country(options: Mapping[str, str], chosen: tuple[str, ...] | list[str]) -> str | None:
    """The country the partners chart opens on: the first of the sidebar's chosen countries that takes
    part, else Indonesia (the corpus's host), else the first option."""
    for c in list(chosen) + ["IDN"]:
        if c in options:
            return c
    return next(iter(options), None)


def partners_per_period(participants: pd.DataFrame, events: pd.DataFrame, iso3: str, unit: str,
                        top: int = TOP_PARTNERS) -> pd.DataFrame:
    """For the country `iso3`: each partner's shared events per period (a partner: another country at the
    same event). The `top` partners with most shared events overall (then by name) are named; the rest
    are one row "others (N countries)", counting the events shared with *any* of them (each event once).
    Rows: period, partner, iso3 (None for others), n_events, n_own (the country's own events in that
    period, the n of its column); only non-zero rows, partners in rank order."""
    period = event_periods(events, unit)
    cats = list(period.cat.categories)
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in PARTNER_COLUMNS}).assign(
        period=pd.Categorical([], categories=cats, ordered=True))
    if participants.empty or period.empty:
        return empty
    when = pd.Series(period.to_numpy(), index=events.loc[period.index, "event_id"].to_numpy())
    when = when[~when.index.duplicated()]
    p = participants[["event_id", "iso3", "country"]].dropna(subset=["iso3"]).drop_duplicates(["event_id", "iso3"])
    p = p[p["event_id"].isin(when.index)]
    own = set(p.loc[p["iso3"] == iso3, "event_id"])
    others = p[p["event_id"].isin(own) & (p["iso3"] != iso3)]
    if others.empty:
        return empty
    others = others.assign(period=others["event_id"].map(when))
    names = dict(zip(others["iso3"], others["country"]))
    total = others.groupby("iso3")["event_id"].nunique()
    ranked = sorted(total.index, key=lambda i: (-total[i], str(names[i])))
    named, rest = ranked[:top], ranked[top:]
    rank = {i: k for k, i in enumerate(named)}
    rows = others[others["iso3"].isin(named)].groupby(["iso3", "period"], observed=True)["event_id"].nunique()
    out = rows.rename("n_events").reset_index()
    out["partner"] = out["iso3"].map(names)
    out["_rank"] = out["iso3"].map(rank)
    if rest:
        g = others[others["iso3"].isin(rest)].groupby("period", observed=True)["event_id"].nunique()
        label = ngettext("others ({n} country)", "others ({n} countries)", len(rest)).format(n=len(rest))
        out = pd.concat([out, pd.DataFrame({"period": g.index, "n_events": g.to_numpy(), "partner": label,
                                            "iso3": None, "_rank": len(named)})], ignore_index=True)
    own_n = pd.Series(list(own)).map(when).value_counts()
    out["period"] = pd.Categorical(out["period"].astype(str), categories=cats, ordered=True)
    out["n_own"] = out["period"].astype(str).map(own_n).fillna(0).astype(int)
    out["n_events"] = out["n_events"].astype(int)
    return out.sort_values(["_rank", "period"]).reset_index(drop=True)[PARTNER_COLUMNS]


# ---------------------------------------------------------------------------------------------
# The briefing pack's trend line
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ThemeShift:
    """The theme whose share of events changed most between the first and the last third of the years."""

    theme: str
    theme_label: str
    first_years: tuple[int, int]   # first and last year of the window
    last_years: tuple[int, int]
    first_touching: int
    first_events: int
    last_touching: int
    last_events: int

    @property
    def first_share(self) -> float:
        return self.first_touching / self.first_events

    @property
    def last_share(self) -> float:
        return self.last_touching / self.last_events


def theme_shift(events: pd.DataFrame, evidence: pd.DataFrame, articles: pd.DataFrame,
                theme_labels: Mapping[str, str] | None = None) -> ThemeShift | None:
    """Compare the first and the last third of the years from the first event's to the last's (a third
    is (last - first + 1) // 3 years, at least one): for each theme, the share of each window's events
    touching it (the Themes page's rule). The theme whose share moved most (ties: catalogue order) is
    returned, or None when the events start in fewer than MIN_TREND_YEARS distinct years or no share moved."""
    d = _dated(events)
    years = pd.to_datetime(d["start_date"]).dt.year
    if years.nunique() < MIN_TREND_YEARS:
        return None
    y0, y1 = int(years.min()), int(years.max())
    k = max(1, (y1 - y0 + 1) // 3)
    first, last = (y0, y0 + k - 1), (y1 - k + 1, y1)
    ids = pd.Series(d["event_id"].to_numpy(), index=years.to_numpy())
    first_ids = set(ids[(ids.index >= first[0]) & (ids.index <= first[1])])
    last_ids = set(ids[(ids.index >= last[0]) & (ids.index <= last[1])])
    pairs = _touching(d, evidence, articles)
    labels = dict(theme_labels or {})
    best: ThemeShift | None = None
    for theme in _theme_order(pairs["theme"].unique(), labels):
        with_theme = set(pairs.loc[pairs["theme"] == theme, "event_id"])
        s = ThemeShift(theme, labels.get(theme, theme), first, last, len(with_theme & first_ids), len(first_ids),
                       len(with_theme & last_ids), len(last_ids))
        change = abs(s.last_share - s.first_share)
        if change > 0 and (best is None or change > abs(best.last_share - best.first_share)):
            best = s
    return best


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------

def small_note(unit: str) -> str:
    """The note a theme-share chart carries: what a grey period means, naming the threshold."""
    return _("Grey period, open marker, dotted line: fewer than {n} events in the {unit}; "
             "a share of so few events means little.").format(n=MIN_EVENTS, unit=unit_name(unit))


def _ticks(periods: list[str], n: Mapping[str, int], small: bool = False) -> list[str]:
    """'2019<br>n=4' per period (plotly text; '2019 · n=4' when there are too many periods to stand upright);
    with `small`, periods under MIN_EVENTS in grey."""
    joint = "<br>" if len(periods) <= MAX_UPRIGHT else " · "
    out = []
    for p in periods:
        k = int(n.get(p, 0))
        text = plot_text(str(p)) + joint + f"n={k}"
        out.append(f"<span style='color:{GREY_TEXT}'>{text}</span>" if small and k < MIN_EVENTS else text)
    return out


def _period_axis(fig: go.Figure, periods: list[str], ticktext: list[str]) -> None:
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=periods, tickmode="array",
                     tickvals=periods, ticktext=ticktext, title=None, automargin=True,
                     tickangle=0 if len(periods) <= MAX_UPRIGHT else -45)


def _below_ticks(periods: list[str]) -> float:
    """Where a legend under the plot starts (paper y): below the tick labels, upright or slanted."""
    return -0.2 if len(periods) <= MAX_UPRIGHT else -0.36


def type_groups(data: pd.DataFrame) -> dict[str, str]:
    """Event type -> the bar it is drawn in: the MAX_TYPES types with most events (ties by name) each their
    own, the rest OTHER_TYPES (when two or more are left; a single one keeps its own bar)."""
    totals = data.groupby("event_type")["n_events"].sum()
    ranked = sorted(totals.index, key=lambda t: (-int(totals[t]), str(t)))
    if len(ranked) <= MAX_TYPES + 1:
        return {t: t for t in ranked}
    return {t: (t if i < MAX_TYPES else OTHER_TYPES) for i, t in enumerate(ranked)}


def events_per_period_figure(data: pd.DataFrame, unit: str, title: str | None = None,
                             height: int = 380) -> go.Figure:
    """Stacked bars: events per period by event type (type_groups: the leading types each in their own fill,
    the smaller ones together as "other types", listed in its hover); each tick names the period and its n."""
    if data.empty:
        return empty_figure(_("No dated events to show."))
    periods = list(data["period"].cat.categories)
    n = data.groupby("period", observed=True)["n_events"].sum()
    groups = type_groups(data)
    d = data.assign(group=data["event_type"].map(groups))
    fig = go.Figure()
    events = _("%{y} events")
    order = list(dict.fromkeys(groups.values()))
    for i, group in enumerate(order):
        g = d[d["group"] == group]
        counts = g.groupby("period", observed=True)["n_events"].sum()
        detail = None
        if group == OTHER_TYPES:   # its hover lists the types inside it
            label, marker = plot_text(_("other types")), OTHER_MARKER
            parts: dict[str, list[str]] = {}
            for period, event_type, k in zip(g["period"].astype(str), g["event_type"], g["n_events"]):
                parts.setdefault(period, []).append(f"{event_type_label(event_type)} {i18n.format_number(k)}")
            detail = plot_texts([", ".join(parts.get(str(p), [])) for p in counts.index])
        else:
            label, marker = plot_text(event_type_label(group)), TYPE_MARKERS[i]
        fig.add_trace(go.Bar(
            x=[str(p) for p in counts.index], y=counts.to_numpy(), name=label, marker=marker, customdata=detail,
            hovertemplate=f"<b>{label}</b><br>%{{x}}: {events}"
                          + ("<br>%{customdata}" if detail is not None else "") + "<extra></extra>"))
    fig = _layout(fig, title, height + 60)
    # the legend under the tick labels, in one row, so the bars keep the page's width at 1024 px
    fig.update_layout(barmode="stack", legend=dict(orientation="h", x=0, xanchor="left", y=_below_ticks(periods),
                                                   yanchor="top", traceorder="normal"))
    _period_axis(fig, periods, _ticks(periods, {str(k): v for k, v in n.items()}))
    fig.update_yaxes(title=_("events per {unit}").format(unit=unit_name(unit)), rangemode="tozero",
                     gridcolor="#E5E5E5")
    return fig


def theme_share_figure(data: pd.DataFrame, unit: str, title: str | None = None, height: int = 480) -> go.Figure:
    """One line per theme (its colour): the share of each period's events touching it. Each tick names the
    period and its n; a period with fewer than MIN_EVENTS events has a grey tick, an open marker and a
    dotted line to it, and a note under the chart names the threshold. A period without events is a gap."""
    if data.empty:
        return empty_figure(_("No theme evidence for these events."))
    periods = list(data["period"].cat.categories)
    n = {str(p): int(k) for p, k in data.groupby("period", observed=True)["n_events"].first().items()}
    fig = go.Figure()
    hover = ("<b>%{customdata[0]}</b><br>%{x}: " + _("%{customdata[1]} of %{customdata[2]} events")
             + " (%{y:.0%})<extra></extra>")
    for theme, g in data.groupby("theme", sort=False):
        g = g.set_index(g["period"].astype(str)).reindex(periods)
        label = plot_text(str(g["theme_label"].dropna().iloc[0]))
        legend = wrap_label(label, 24)
        colour = palette.theme_color(str(theme))
        custom = [[label, 0 if pd.isna(t) else int(t), n.get(p, 0)] for p, t in zip(periods, g["n_touching"])]
        small = g["small"].fillna(True).astype(bool).to_numpy()
        # dotted under everything (it shows through where a period is small), solid where it is not
        fig.add_trace(go.Scatter(x=periods, y=g["share"], mode="lines+markers", name=legend, legendgroup=label,
                                 showlegend=False, line=dict(color=colour, width=2, dash="dot"),
                                 marker=dict(size=9, symbol="circle-open", color=colour, line=dict(width=2)),
                                 customdata=custom, hovertemplate=hover))
        fig.add_trace(go.Scatter(x=periods, y=g["share"].where(~small), mode="lines+markers", name=legend,
                                 legendgroup=label, line=dict(color=colour, width=3),
                                 marker=dict(size=9, color=colour), customdata=custom, hovertemplate=hover))
    fig = _layout(fig, title, height + 90)
    _period_axis(fig, periods, _ticks(periods, n, small=True))
    fig.update_yaxes(title=_("share of the {unit}'s events").format(unit=unit_name(unit)), tickformat=".0%",
                     range=[-0.03, 1.05],
                     gridcolor="#E5E5E5")
    # the legend under the plot, so the lines keep the width at 1024 px (beside, it took half of it)
    note = small_note(unit).replace("; ", ";<br>", 1)   # two lines: it fits a 1024 px window
    fig.update_layout(legend=dict(orientation="h", x=0, xanchor="left", y=_below_ticks(periods), yanchor="top",
                                  tracegroupgap=6),
                      title=dict(subtitle=dict(text=note, font=dict(size=13, color="#555555"))),
                      margin=dict(t=96 if title else 40))
    return fig


def partners_per_period_figure(data: pd.DataFrame, country: str, unit: str, title: str | None = None) -> go.Figure:
    """Heatmap: partners (rank order, "others" last) × periods, each cell the events shared with `country`
    in that period; each tick names the period and the country's own events then (its n)."""
    if data.empty:
        return empty_figure(_("No partners: {country} attended no event with another country here.").format(
            country=plot_text(country)))
    periods = list(data["period"].cat.categories)
    partners = list(dict.fromkeys(data["partner"]))
    grid = (data.assign(period=data["period"].astype(str))
            .pivot_table(index="partner", columns="period", values="n_events", aggfunc="sum", fill_value=0)
            .reindex(index=partners, columns=periods, fill_value=0))
    own = {str(p): int(k) for p, k in data.groupby("period", observed=True)["n_own"].first().items()}
    who = plot_text(country)
    rows = plot_texts(partners)
    fig = go.Figure(go.Heatmap(
        z=grid.to_numpy(), x=periods, y=rows, colorscale=palette.SEQUENTIAL, zmin=0, xgap=2, ygap=2,
        text=grid.to_numpy(), texttemplate="%{text}", textfont=dict(size=13),
        customdata=[[own.get(p, 0) for p in periods] for _ in rows],
        hovertemplate="<b>%{y}</b>, %{x}: " + _("%{z} of {country}'s %{customdata} events").replace("{country}", who)
                      + "<extra></extra>",
        colorbar=dict(title=dict(text="<br>".join(plot_texts(_("shared events").split(" ", 1))), side="top"),
                      thickness=14),
    ))
    fig = _layout(fig, title, max(280, 150 + 34 * len(rows)))
    _period_axis(fig, periods, _ticks(periods, own))
    fig.update_yaxes(autorange="reversed", automargin=True, tickmode="array", tickvals=rows,
                     ticktext=[wrap_label(r, 24) for r in rows])
    return fig
