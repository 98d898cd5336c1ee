"""A country's partners: the countries that took part in the same events, ranked by shared events,
and the co-attendance matrix of a selection. Answers "with whom did Indonesia meet?"; pure pandas
and plotly, no Streamlit. The tables keep the data's (English) country names and codes; the figures' words
and country names are in the interface's language (dashboard.i18n), made when the figure is built."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.figures import palette
from dashboard.i18n import _, ngettext
from dashboard.labels import dated_name
from dashboard.safe_text import plot_text, plot_texts
from dashboard.figures.charts import _layout, empty_figure  # one layout for every chart

PARTNER_COLUMNS = ["country", "iso3", "ASEAN", "shared_events", "share_of_events", "with", "events"]


def _event_labels(events: pd.DataFrame) -> dict[str, str]:
    return {r.event_id: dated_name(r.name, r.start_date)
            for r in events[["event_id", "name", "start_date"]].itertuples(index=False)}


def partner_table(participants: pd.DataFrame, events: pd.DataFrame, chosen: Sequence[str]) -> pd.DataFrame:
    """One row per partner of the chosen countries: a country that took part in at least one of the
    given events together with a chosen country. shared_events counts those events, share_of_events
    divides by the chosen countries' events, `with` names which chosen countries it met there.
    Partners are ranked by shared events, then name; the chosen countries are not their own partners."""
    chosen = [c for c in dict.fromkeys(chosen)]
    if not chosen or participants.empty or events.empty:
        return pd.DataFrame(columns=PARTNER_COLUMNS)
    p = participants[participants["event_id"].isin(events["event_id"])]
    p = p[["event_id", "iso3", "country", "is_asean"]].dropna(subset=["iso3"]).drop_duplicates(["event_id", "iso3"])
    mine = p[p["iso3"].isin(chosen)]
    own_events = set(mine["event_id"])
    names = dict(zip(p["iso3"], p["country"]))
    met = mine.groupby("event_id")["iso3"].agg(lambda s: sorted(set(s)))
    labels = _event_labels(events)
    order = {e: i for i, e in enumerate(events.sort_values("start_date")["event_id"])}
    rows = []
    for iso, g in p[p["event_id"].isin(own_events) & ~p["iso3"].isin(chosen)].groupby("iso3"):
        evs = sorted(set(g["event_id"]), key=lambda e: order.get(e, 0))
        with_ = sorted({c for e in evs for c in met.get(e, [])})
        rows.append({
            "country": names.get(iso, iso), "iso3": iso, "ASEAN": "yes" if g["is_asean"].any() else "no",
            "shared_events": len(evs), "share_of_events": len(evs) / len(own_events),
            "with": ", ".join(names.get(c, c) for c in with_), "events": "; ".join(labels.get(e, e) for e in evs),
        })
    out = pd.DataFrame(rows, columns=PARTNER_COLUMNS)
    return out.sort_values(["shared_events", "country"], ascending=[False, True]).reset_index(drop=True)


def implied_note(participants: pd.DataFrame, events: pd.DataFrame) -> str | None:
    """The note partner figures carry when some participation is implied rather than named: ASEAN
    members counted at meetings of ASEAN bodies (participants.role `implied_member`)."""
    p = participants[participants["event_id"].isin(events["event_id"])]
    implied = p[p["role"] == "implied_member"]
    if implied.empty:
        return None
    n = implied["event_id"].nunique()
    return ngettext("Counted here: ASEAN members implied by {n} meeting of ASEAN bodies ({rows} rows), where the "
                    "text names the body, not each delegation.",
                    "Counted here: ASEAN members implied by {n} meetings of ASEAN bodies ({rows} rows), where the "
                    "text names the body, not each delegation.", n).format(
                        n=i18n.format_number(n), rows=i18n.format_number(len(implied)))


def co_attendance(participants: pd.DataFrame, iso3s: Sequence[str]) -> pd.DataFrame:
    """Square matrix of the given countries (in the given order, labelled by name in the interface's
    language): each cell counts the events both took part in; the diagonal counts a country's own events."""
    iso3s = list(dict.fromkeys(iso3s))
    p = participants[participants["iso3"].isin(iso3s)].drop_duplicates(["event_id", "iso3"])
    names = dict(zip(p["iso3"], p["country"]))
    present = [i for i in iso3s if i in names]
    if not present:
        return pd.DataFrame()
    onehot = pd.crosstab(p["event_id"], p["iso3"]).reindex(columns=present, fill_value=0)
    m = onehot.T @ onehot
    m.index = m.columns = [i18n.country_name(i, names[i]) for i in present]
    m.index.name, m.columns.name = "country", "with"
    return m.astype(int)


def partner_arcs(partners: pd.DataFrame, chosen: Sequence[str], participants: pd.DataFrame) -> pd.DataFrame:
    """Map arcs from each chosen country to each partner it met, with the number of shared events
    (columns source_iso3, target_iso3, n_events)."""
    if partners.empty:
        return pd.DataFrame(columns=["source_iso3", "target_iso3", "n_events"])
    p = participants.drop_duplicates(["event_id", "iso3"])
    rows = []
    for src in dict.fromkeys(chosen):
        own = set(p.loc[p["iso3"] == src, "event_id"])
        shared = p[p["event_id"].isin(own) & p["iso3"].isin(partners["iso3"])].groupby("iso3")["event_id"].nunique()
        rows += [{"source_iso3": src, "target_iso3": iso, "n_events": int(n)} for iso, n in shared.items()]
    return pd.DataFrame(rows, columns=["source_iso3", "target_iso3", "n_events"])


def partners_figure(partners: pd.DataFrame, chosen_names: str, top: int = 20, title: str | None = None) -> go.Figure:
    """Horizontal bars: the top partners by shared events, ASEAN members in the member colour, each bar
    labelled with its count and share of the chosen countries' events."""
    if partners.empty:
        return empty_figure(_("No partners: the chosen countries attended no event with another country."))
    d = partners.head(top).iloc[::-1]
    d = d.assign(country=plot_texts(i18n.country_name(i, c) for i, c in zip(d["iso3"], d["country"])),
                 events=plot_texts(d["events"]))  # plotly text, escaped; country names in the interface's language
    fig = go.Figure()
    for member, name, colour in (("yes", _("ASEAN member"), palette.ASEAN_MEMBER),
                                 ("no", _("other country"), palette.OTHER_COUNTRY)):
        g = d[d["ASEAN"] == member]
        if g.empty:
            continue
        fig.add_trace(go.Bar(
            y=g["country"], x=g["shared_events"], orientation="h", name=name,
            marker=dict(color=colour, line=dict(color="#1A1A1A", width=0.5)),
            text=[f"{i18n.format_number(n)} ({s:.0%})" for n, s in zip(g["shared_events"], g["share_of_events"])],
            textposition="outside", customdata=g[["events"]].to_numpy(), cliponaxis=False,
            hovertemplate="<b>%{y}</b>: " + _("%{x} shared events") + "<br>%{customdata[0]}<extra></extra>",
        ))
    fig = _layout(fig, title, 140 + 26 * len(d))
    fig.update_xaxes(title=_("events shared with {countries}").format(countries=plot_text(chosen_names)), dtick=1 if d["shared_events"].max() <= 10 else None,
                     range=[0, d["shared_events"].max() * 1.25 + 0.5], automargin=True)
    fig.update_yaxes(title=None, automargin=True, categoryorder="array", categoryarray=list(d["country"]))
    fig.update_layout(barmode="overlay", legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0))
    return fig


def co_attendance_figure(matrix: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Heatmap of co_attendance, counts written in each cell."""
    if matrix.empty:
        return empty_figure(_("No countries to compare."))
    fig = go.Figure(go.Heatmap(
        z=matrix.to_numpy(), x=plot_texts(matrix.columns), y=plot_texts(matrix.index), colorscale=palette.SEQUENTIAL,
        text=matrix.to_numpy(), texttemplate="%{text}", textfont=dict(size=13), xgap=2, ygap=2,
        hovertemplate=_("{a} and {b}: {n} events together").format(a="<b>%{y}</b>", b="<b>%{x}</b>", n="%{z}")
        + "<extra></extra>",
        colorbar=dict(title=_("events")),
    ))
    fig = _layout(fig, title, max(320, 140 + 30 * len(matrix.index)))
    fig.update_xaxes(tickangle=-40, side="bottom", automargin=True)
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig
