"""Map builders: events per country as an interactive pydeck map and a static plotly figure for export.

Pure functions (no Streamlit): both draw the shipped Natural Earth outlines from `geo`, so neither needs a
tile server, a Mapbox/Carto style or plotly's topojson CDN.

Both maps show names from the data. The pydeck tooltip is an HTML template that deck.gl sets as innerHTML,
but Streamlit (>= 1.67, as pyproject requires) HTML-escapes every {field} it fills in, so the values go in
as plain text (escaping them here would show `&lt;`; tests/browser/test_browser_hostile.py hovers the map).
The plotly figure's texts pass through safe_text.plot_text.

Translated (docs/TRANSLATING.md): every word of ours through dashboard.i18n when a figure or text is made,
country names from CLDR in the interface's language (in English the data's own, which are CLDR's).
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
import pydeck
from pydeck.bindings.json_tools import default_serialize

from dashboard import i18n
from dashboard.figures.geo import country_centroids, largest_ring, load_country_shapes, ring_bbox
from dashboard.i18n import _, ngettext
from dashboard.safe_text import plot_text, plot_texts

# ColorBrewer "Blues" (sequential, colour-blind safe), one colour per bin of events; darker = more events.
BINS: list[tuple[int, int | None, str]] = [
    (1, 1, "#9ecae1"),
    (2, 2, "#6baed6"),
    (3, 4, "#4292c6"),
    (5, 9, "#2171b5"),
    (10, 19, "#08519c"),
    (20, None, "#08306b"),
]
BASE_FILL = "#e3e3e3"
BORDER = "#ffffff"
ASEAN_LINE = "#1a1a1a"
ARC_COLOUR = "#333333"  # neutral: palette.py reserves orange/vermillion for themes
MAX_TOOLTIP_EVENTS = 5
# Always keep Southeast Asia in view; never let far-off countries stretch the static map beyond this window.
SEA_BOX = (92.0, -12.0, 142.0, 25.0)
ASIA_PACIFIC_WINDOW = (40.0, -50.0, 180.0, 60.0)
# The interactive map: the chart size the fitted view assumes (the
# pydeck chart is 560 px high; 720 px is a narrow main column, so wider screens show more, never less),
# the arcs' pitch and height (a top-down view would flatten every arc to a straight line).
VIEW_SIZE_PX = (540, 560)  # the map's width in a 1024 px window with the sidebar open: wider windows show more
ARC_PITCH = 40
ARC_HEIGHT = 0.5
MAX_ZOOM = 6  # the "map" outlines are simplified to ~2 px at this zoom


def _rgb(hex_colour: str, alpha: int = 255) -> list[int]:
    return [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)] + [alpha]


def bin_for(n_events: int) -> tuple[str, str]:
    """Legend label and colour of the bin holding `n_events` (n_events >= 1), the label in the current
    language ('3–4 events', '3–4 acara')."""
    for lo, hi, colour in BINS:
        if n_events >= lo and (hi is None or n_events <= hi):
            label = f"{lo}+" if hi is None else (str(lo) if lo == hi else f"{lo}–{hi}")
            many = 1 if (lo, hi) == (1, 1) else 2
            return ngettext("{range} event", "{range} events", many).format(range=label), colour
    raise ValueError(f"n_events must be >= 1, got {n_events}")


def _short_list(names: list[str], total: int | None = None) -> str:
    """The first names, '; '-joined, and how many more of `total` (default: len(names)) there are."""
    shown = "; ".join(names[:MAX_TOOLTIP_EVENTS])
    extra = (len(names) if total is None else total) - min(len(names), MAX_TOOLTIP_EVENTS)
    return _("{shown}; … (+{n} more)").format(shown=shown, n=i18n.format_number(extra)) if extra > 0 else shown


def country_event_counts(participants: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per participating country: iso3, country, n_events, event_names (short "; " list), is_asean.

    A country counts once per event whatever its roles; is_asean is true if it was a member at any event.
    """
    columns = ["iso3", "country", "n_events", "event_names", "is_asean"]
    if participants.empty:
        return pd.DataFrame(columns=columns).astype({"n_events": int, "is_asean": bool})
    names = events.set_index("event_id")["name"]
    p = participants[["event_id", "iso3", "country", "is_asean"]].copy()
    p["event_name"] = p["event_id"].map(names).fillna(p["event_id"])
    p["is_asean"] = p["is_asean"].fillna(False).astype(bool)
    per = p.groupby("iso3", sort=False).agg(country=("country", "first"), n_events=("event_id", "nunique"),
                                            is_asean=("is_asean", "any"))
    # the tooltip's first few names per country, alphabetically (not every name: thousands at scale)
    listed = (p[["iso3", "event_name"]].drop_duplicates().sort_values(["iso3", "event_name"])
              .groupby("iso3", sort=False)["event_name"])
    rows = []
    heads = listed.apply(lambda s: list(s.iloc[:MAX_TOOLTIP_EVENTS])).to_dict()
    sizes = listed.size().to_dict()
    for iso3, r in per.iterrows():   # the country's name in the interface's language
        rows.append({"iso3": iso3, "country": i18n.country_name(iso3, r["country"]), "n_events": int(r["n_events"]),
                     "event_names": _short_list(heads[iso3], sizes[iso3]), "is_asean": bool(r["is_asean"])})
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["n_events", "iso3"], ascending=[False, True], ignore_index=True)


def _unwrap(lon: float, ref: float) -> float:
    """Shift lon by ±360 to within 180° of ref, so an arc Jakarta → Washington crosses the Pacific."""
    return lon - 360 if lon - ref > 180 else lon + 360 if lon - ref < -180 else lon


class CompactDeck(pydeck.Deck):
    """A Deck whose to_json() is compact: pydeck indents every number on its own line, making the
    1:50m world ~11 MB instead of ~2.5 MB; st.pydeck_chart sends whatever to_json() returns."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def _source_point(row: dict, centroid: tuple[float, float]) -> tuple[list[float], bool]:
    """Where an arc starts: the row's source_lon/source_lat (the event's city) when both are numbers, else
    the host country's centroid; the flag says whether the city was used."""
    lon, lat = row.get("source_lon"), row.get("source_lat")
    try:
        lon, lat = float(lon), float(lat)
    except (TypeError, ValueError):
        return list(centroid), False
    if math.isnan(lon) or math.isnan(lat) or not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return list(centroid), False
    return [lon, lat], True


def _arc_rows(arcs: pd.DataFrame | None, counts: pd.DataFrame) -> list[dict]:
    """Arcs as plain dicts: from the event's city (optional source_lon/source_lat columns) or else the host
    country's centroid, to the participant's centroid; unknown countries and self-links are dropped. An
    optional n_events column (events two partners shared) fills the tooltip."""
    if arcs is None or arcs.empty:
        return []
    centroids = country_centroids()
    names = dict(zip(counts["iso3"], counts["country"]))
    cols = [c for c in ("source_iso3", "target_iso3", "source_lon", "source_lat", "n_events") if c in arcs.columns]
    rows = []
    for arc in arcs[cols].drop_duplicates().to_dict("records"):
        src, dst = arc["source_iso3"], arc["target_iso3"]
        if src == dst or src not in centroids or dst not in centroids:
            continue
        source, from_city = _source_point(arc, centroids[src])
        label = f"{names.get(src, src)} → {names.get(dst, dst)}"
        rows.append(
            {
                "source_iso3": src,
                "target_iso3": dst,
                "source": source,
                "target": [_unwrap(centroids[dst][0], source[0]), centroids[dst][1]],
                "from_city": from_city,
                # same keys as the country features, so the shared tooltip template fills in
                "name": label,
                "n_events": "" if pd.isna(arc.get("n_events", pd.NA)) else _("{n} together").format(
                    n=i18n.format_number(int(arc["n_events"]))),
                "event_names": "",
            }
        )
    return rows


def _mercator_y(lat: float) -> float:
    lat = max(min(lat, 85.0), -85.0)
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_view(points: list[list[float]], size_px: tuple[int, int] = VIEW_SIZE_PX, padding: float = 0.12,
             max_zoom: float = 4.0) -> dict:
    """longitude, latitude and zoom of a Web-Mercator view (deck.gl: 512 px world at zoom 0) that shows
    every point and all of SEA_BOX inside a chart of `size_px`, with `padding` (a fraction) on each side."""
    x0, y0, x1, y1 = SEA_BOX
    xs = [x0, x1] + [p[0] for p in points]
    ys = [y0, y1] + [p[1] for p in points]
    lon0, lon1 = min(xs), max(xs)
    my0, my1 = _mercator_y(min(ys)), _mercator_y(max(ys))
    w, h = (s * (1 - 2 * padding) for s in size_px)
    zoom_x = math.log2(w * 360 / (512 * max(lon1 - lon0, 1e-6)))
    zoom_y = math.log2(h * 2 * math.pi / (512 * max(my1 - my0, 1e-6)))
    lat_c = math.degrees(2 * math.atan(math.exp((my0 + my1) / 2)) - math.pi / 2)
    return {"longitude": round((lon0 + lon1) / 2, 3), "latitude": round(lat_c, 3),
            "zoom": round(min(zoom_x, zoom_y, max_zoom), 2)}


def build_deck(counts: pd.DataFrame, asean_iso3: set[str], arcs: pd.DataFrame | None = None,
               detail: str = "map") -> CompactDeck:
    """Interactive map: grey world, participants shaded by number of events, ASEAN outlined, optional arcs
    (from the event's city when the arcs carry source_lon/source_lat, else the host's centroid), opening on a
    tilted view that holds every arc end. `detail` is geo.load_country_shapes's ("full" only for comparisons).

    No basemap: map_provider=None makes pydeck emit its "__MAP_STYLE__" placeholder, which Streamlit drops
    without substituting a Carto style (a null map_style would make Streamlit fetch Carto tiles).
    """
    by_iso3 = counts.set_index("iso3").to_dict("index") if not counts.empty else {}
    shapes = load_country_shapes(detail)
    english = i18n.current_language() == i18n.DEFAULT_LANGUAGE
    no_events = _("No recorded events")
    for f in shapes["features"]:
        props = f["properties"]
        row = by_iso3.get(props["iso3"])
        n = int(row["n_events"]) if row else 0
        props["n_events"] = n
        if not english:   # the outline's (Natural Earth, English) name, as the reader's language writes it
            props["name"] = i18n.country_name(props["iso3"], props["name"])
        # plain text: Streamlit escapes each value it puts into the tooltip's HTML template
        props["event_names"] = row["event_names"] if row else no_events
        props["fill"] = _rgb(bin_for(n)[1]) if n else _rgb(BASE_FILL)
    asean = {
        "type": "FeatureCollection",
        "features": [f for f in shapes["features"] if f["properties"]["iso3"] in asean_iso3],
    }
    layers = [
        pydeck.Layer(
            "GeoJsonLayer",
            id="countries",
            data=shapes,
            pickable=True,
            stroked=True,
            filled=True,
            get_fill_color="properties.fill",
            get_line_color=_rgb(BORDER),
            line_width_units="'pixels'",  # quoted: pydeck turns bare strings into JS expressions
            get_line_width=0.5,
            auto_highlight=True,
            highlight_color=[255, 200, 0, 120],
        ),
        pydeck.Layer(
            "GeoJsonLayer",
            id="asean-outline",
            data=asean,
            pickable=False,
            stroked=True,
            filled=False,
            get_line_color=_rgb(ASEAN_LINE),
            line_width_units="'pixels'",  # quoted: pydeck turns bare strings into JS expressions
            get_line_width=2,
        ),
    ]
    arc_rows = _arc_rows(arcs, counts)
    centroids = country_centroids()
    wx0, wy0, wx1, wy1 = ASIA_PACIFIC_WINDOW
    near = [list(centroids[i]) for i in by_iso3 if i in centroids
            and wx0 <= centroids[i][0] <= wx1 and wy0 <= centroids[i][1] <= wy1]
    view = dict(fit_view(near), pitch=0)  # every participant in the Asia-Pacific window (e.g. New Zealand)
    if arc_rows:
        layers.append(
            pydeck.Layer(
                "ArcLayer",
                id="arcs",
                data=arc_rows,
                pickable=True,
                get_source_position="source",
                get_target_position="target",
                get_source_color=_rgb(ARC_COLOUR, 200),
                get_target_color=_rgb(ARC_COLOUR, 200),
                get_width=2,
                get_height=ARC_HEIGHT,
                num_segments=64,
            )
        )
        layers.append(  # a dot at each start (the city) so the arcs' origin reads at a glance
            pydeck.Layer(
                "ScatterplotLayer",
                id="arc-sources",
                data=[{"position": p} for p in sorted({tuple(r["source"]) for r in arc_rows})],
                get_position="position",
                get_fill_color=_rgb(ARC_COLOUR),
                get_radius=4,
                radius_units="'pixels'",  # quoted: pydeck turns bare strings into JS expressions
                pickable=False,
            )
        )
        ends = [r["source"] for r in arc_rows] + [r["target"] for r in arc_rows]
        view = dict(fit_view(ends), pitch=ARC_PITCH)
    return CompactDeck(
        layers=layers,
        initial_view_state=pydeck.ViewState(**view, bearing=0, min_zoom=1, max_zoom=MAX_ZOOM),
        map_provider=None,
        tooltip={   # deck.gl fills {name}, {n_events}, {event_names}; the label around them is ours
            "html": "<b>{name}</b><br/>" + html.escape(_("Events:")) + " {n_events}<br/>{event_names}",
            "style": {"backgroundColor": "#1a1a1a", "color": "white", "fontSize": "12px", "maxWidth": "320px"},
        },
    )


def _extent(iso3s: set[str], shapes: dict, margin: float = 6.0,
            points: list[list[float]] | None = None) -> tuple[float, float, float, float]:
    """Bounding box of the countries' mainlands and the given points (arc ends), kept inside the Asia-Pacific
    window and always showing SE Asia."""
    x0, y0, x1, y1 = SEA_BOX
    wx0, wy0, wx1, wy1 = ASIA_PACIFIC_WINDOW
    boxes = [ring_bbox(largest_ring(f)) for f in shapes["features"] if f["properties"]["iso3"] in iso3s]
    boxes += [(p[0], p[1], p[0], p[1]) for p in points or []]
    for bx0, by0, bx1, by1 in boxes:
        if bx1 < wx0 or bx0 > wx1 or by1 < wy0 or by0 > wy1:
            continue  # outside the Asia-Pacific window (e.g. USA): reached by its arc, not by the crop
        x0, y0 = min(x0, max(bx0, wx0)), min(y0, max(by0, wy0))
        x1, y1 = max(x1, min(bx1, wx1)), max(y1, min(by1, wy1))
    return max(x0 - margin, -180.0), max(y0 - margin, -90.0), min(x1 + margin, 180.0), min(y1 + margin, 90.0)


def _rings_xy(rings: list[list[list[float]]]) -> tuple[list, list]:
    """Flatten rings into x/y lists separated by None, the form one filled plotly trace accepts."""
    xs: list = []
    ys: list = []
    for ring in rings:
        xs += [p[0] for p in ring] + [None]
        ys += [p[1] for p in ring] + [None]
    return xs, ys


def _curve(a: tuple[float, float], b: tuple[float, float], n: int = 24) -> tuple[list[float], list[float]]:
    """Quadratic Bezier from a to b bowed to one side, so overlapping arcs stay distinguishable."""
    (ax, ay), (bx, by) = a, b
    cx, cy = (ax + bx) / 2 - (by - ay) * 0.2, (ay + by) / 2 + (bx - ax) * 0.2
    ts = [i / n for i in range(n + 1)]
    xs = [(1 - t) ** 2 * ax + 2 * (1 - t) * t * cx + t**2 * bx for t in ts]
    ys = [(1 - t) ** 2 * ay + 2 * (1 - t) * t * cy + t**2 * by for t in ts]
    return xs, ys


def _swatch(name: str, fill: str, outline: str) -> go.Scatter:
    """A legend-only entry: a square of the area's fill with its outline (no point is drawn)."""
    return go.Scatter(x=[None], y=[None], mode="markers", name=name, legendgroup=name, hoverinfo="skip",
                      marker={"symbol": "square", "size": 13, "color": fill, "line": {"color": outline, "width": 1.5}})


def build_static_map_figure(
    counts: pd.DataFrame, asean_iso3: set[str], title: str, arcs: pd.DataFrame | None = None
) -> go.Figure:
    """Static map for PNG/SVG export: the shipped polygons as filled scatter traces on lon/lat axes.

    No geo subplot, so plotly never asks its CDN for topojson; one trace per colour bin keeps export fast.
    """
    shapes = load_country_shapes("map")
    n_by_iso3 = dict(zip(counts["iso3"], counts["n_events"].astype(int))) if not counts.empty else {}
    arc_rows = _arc_rows(arcs, counts)
    ends = [r["source"] for r in arc_rows] + [r["target"] for r in arc_rows]
    x0, y0, x1, y1 = _extent(set(n_by_iso3) | set(asean_iso3), shapes, points=ends)

    def visible(ring: list[list[float]]) -> bool:
        bx0, by0, bx1, by1 = ring_bbox(ring)
        return bx1 >= x0 and bx0 <= x1 and by1 >= y0 and by0 <= y1

    groups: dict[str, list] = {"base": []}
    asean_rings: list = []
    for f in shapes["features"]:
        iso3 = f["properties"]["iso3"]
        rings = [poly[0] for poly in f["geometry"]["coordinates"] if visible(poly[0])]
        if not rings:
            continue
        n = n_by_iso3.get(iso3, 0)
        groups.setdefault(bin_for(n)[0] if n else "base", []).extend(rings)
        if iso3 in asean_iso3:
            asean_rings.extend(rings)

    member, arc_name = _("ASEAN member"), _("Host → participant")
    fig = go.Figure()
    xs, ys = _rings_xy(groups.pop("base"))
    fig.add_trace(
        go.Scatter(x=xs, y=ys, fill="toself", fillcolor=BASE_FILL, mode="lines",
                   line={"color": BORDER, "width": 0.4}, hoverinfo="skip", showlegend=False)
    )
    # The areas are drawn without a legend entry; each gets a square swatch of its fill instead (a filled
    # scatter's own legend symbol is a line), the ASEAN outline an open square.
    for lo, hi, colour in BINS:  # legend in ramp order
        label = bin_for(lo)[0]
        if label in groups:
            xs, ys = _rings_xy(groups[label])
            fig.add_trace(
                go.Scatter(x=xs, y=ys, fill="toself", fillcolor=colour, mode="lines", name=label, legendgroup=label,
                           line={"color": BORDER, "width": 0.4}, hoverinfo="skip", showlegend=False)
            )
            fig.add_trace(_swatch(label, colour, BORDER))
    if asean_rings:
        xs, ys = _rings_xy(asean_rings)
        fig.add_trace(
            go.Scatter(x=xs, y=ys, mode="lines", name=member, legendgroup=member,
                       line={"color": ASEAN_LINE, "width": 1.4}, hoverinfo="skip", showlegend=False)
        )
        fig.add_trace(_swatch(member, "rgba(0,0,0,0)", ASEAN_LINE))
    if arc_rows:
        ax: list = []
        ay: list = []
        for row in arc_rows:
            cx, cy = _curve(tuple(row["source"]), tuple(row["target"]))
            ax += cx + [None]
            ay += cy + [None]
        fig.add_trace(
            go.Scatter(x=ax, y=ay, mode="lines", name=arc_name,
                       line={"color": ARC_COLOUR, "width": 1.2, "dash": "dot"}, opacity=0.7, hoverinfo="skip")
        )
    if not counts.empty:
        centroids = country_centroids()
        known = counts[counts["iso3"].isin(centroids)]
        fig.add_trace(
            go.Scatter(
                x=[centroids[i][0] for i in known["iso3"]], y=[centroids[i][1] for i in known["iso3"]],
                mode="markers", marker={"size": 6, "opacity": 0}, showlegend=False,
                customdata=known[["country", "n_events", "event_names"]].assign(
                    country=plot_texts(known["country"]), event_names=plot_texts(known["event_names"])).to_numpy(),
                hovertemplate="<b>%{customdata[0]}</b><br>" + plot_text(_("Events:"))
                + " %{customdata[1]}<br>%{customdata[2]}<extra></extra>",
            )
        )
    fig.update_xaxes(range=[x0, x1], visible=False, constrain="domain")
    fig.update_yaxes(range=[y0, y1], visible=False, scaleanchor="x", scaleratio=1, constrain="domain")
    fig.update_layout(
        title={"text": plot_text(title), "x": 0.02},
        plot_bgcolor="#f7fbff",
        width=900,
        height=620,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"title": {"text": _("Events")}, "x": 1.0, "xanchor": "right", "y": 1.0,
                "bgcolor": "rgba(255,255,255,0.85)"},
        annotations=[{"text": _("Outlines: Natural Earth (public domain), via world-atlas {version}").format(
                          version="2.0.2"), "showarrow": False,
                      "xref": "paper", "yref": "paper", "x": 0, "y": 0, "xanchor": "left", "yanchor": "bottom",
                      "font": {"size": 9, "color": "#555"}}],
    )
    return fig


def event_arcs(event: Mapping, participants: pd.DataFrame) -> pd.DataFrame | None:
    """Arcs from an event's host to each other participant, starting at the event's city when the build
    located it (events.lon/lat: known, and in the host country); None when the event has no host."""
    host = event.get("host_iso3")
    if not isinstance(host, str) or not host:
        return None
    arcs = pd.DataFrame({"source_iso3": host, "target_iso3": sorted(set(participants["iso3"].dropna()) - {host})})
    lon, lat = event.get("lon"), event.get("lat")
    if lon is not None and lat is not None and not pd.isna(lon) and not pd.isna(lat):
        arcs["source_lon"], arcs["source_lat"] = float(lon), float(lat)
    return arcs


def shaded_countries_text(counts: pd.DataFrame) -> str:
    """The map in words (the canvas says nothing to a screen reader or a text search): the countries
    shaded, most events first, with their counts."""
    if counts.empty:
        return _("No country is shaded.")
    rows = counts.sort_values(["n_events", "country"], ascending=[False, True])
    listed = ", ".join(f"{r['country']} ({i18n.format_number(r['n_events'])})" for r in rows.to_dict("records"))
    return ngettext("Shaded, with their number of events ({n} country): {countries}.",
                    "Shaded, with their number of events ({n} countries): {countries}.", len(rows)).format(
                        n=i18n.format_number(len(rows)), countries=listed)


def legend_html(counts: pd.DataFrame) -> str:
    """The map's key: one swatch per shading bin present, and the ASEAN outline."""
    bins = dict(bin_for(int(n)) for n in sorted(set(counts["n_events"])))
    swatch = ('<span style="display:inline-block;width:14px;height:14px;{style};vertical-align:middle;'
              'margin:0 4px 0 {margin}px"></span>{label}')
    items = [swatch.format(style=f"background:{c};border:1px solid #999", margin=10, label=label)
             for label, c in bins.items()]
    items.append(swatch.format(style=f"border:2px solid {ASEAN_LINE}", margin=16, label=html.escape(_("ASEAN member"))))
    return f'<div style="font-size:0.95rem">{" ".join(items)}</div>'
