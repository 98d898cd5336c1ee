"""Map builders: per-country counts, the pydeck spec handed to Streamlit, and the static export figure."""

from __future__ import annotations

import json
import math

import pandas as pd
import pydeck
import pytest

from dashboard.figures import map_figures as mf
from dashboard.figures import geo
from dashboard.figures.geo import country_centroids

ASEAN_10 = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"}
RCDD = "Regional Conference on Digital Diplomacy"
ADGMIN = "ASEAN Digital Ministers' Meeting"

EVENTS = pd.DataFrame(
    {
        "event_id": ["2019-12-10-rcdd", "2021-01-22-adgmin"],
        "name": [RCDD, ADGMIN],
        "host_iso3": ["IDN", "SGP"],
        "start_date": pd.to_datetime(["2019-12-10", "2021-01-22"]),
    }
)


def _participant(event_id: str, iso3: str, country: str, role: str, is_asean: bool) -> dict:
    return {
        "event_id": event_id,
        "iso3": iso3,
        "country": country,
        "role": role,
        "is_asean": is_asean,
        "evidence": f"{country} took part.",
        "article_id": "001_d2417da6b8d2ae78",
    }


PARTICIPANTS = pd.DataFrame(
    [
        _participant("2019-12-10-rcdd", "IDN", "Indonesia", "host", True),
        _participant("2019-12-10-rcdd", "IDN", "Indonesia", "speaker_country", True),  # same event twice
        _participant("2019-12-10-rcdd", "AUS", "Australia", "participant", False),
        _participant("2019-12-10-rcdd", "SGP", "Singapore", "participant", True),
        _participant("2021-01-22-adgmin", "SGP", "Singapore", "host", True),
        _participant("2021-01-22-adgmin", "IDN", "Indonesia", "participant", True),
        _participant("2021-01-22-adgmin", "USA", "United States", "participant", False),
    ]
)


@pytest.fixture(scope="module")
def counts() -> pd.DataFrame:
    return mf.country_event_counts(PARTICIPANTS, EVENTS)


def test_country_event_counts(counts: pd.DataFrame) -> None:
    expected = pd.DataFrame(
        {
            "iso3": ["IDN", "SGP", "AUS", "USA"],
            "country": ["Indonesia", "Singapore", "Australia", "United States"],
            "n_events": [2, 2, 1, 1],
            "event_names": [f"{ADGMIN}; {RCDD}", f"{ADGMIN}; {RCDD}", RCDD, ADGMIN],
            "is_asean": [True, True, False, False],
        }
    )
    pd.testing.assert_frame_equal(counts, expected, check_dtype=False)


def test_event_names_are_shortened_for_tooltips() -> None:
    ids = [f"e{i}" for i in range(7)]
    events = pd.DataFrame({"event_id": ids, "name": [f"Event {i}" for i in range(7)]})
    parts = pd.DataFrame([_participant(e, "IDN", "Indonesia", "host", True) for e in ids])
    row = mf.country_event_counts(parts, events).iloc[0]
    assert row["n_events"] == 7
    assert row["event_names"] == "Event 0; Event 1; Event 2; Event 3; Event 4; … (+2 more)"


def test_country_event_counts_empty() -> None:
    out = mf.country_event_counts(PARTICIPANTS.iloc[0:0], EVENTS)
    assert list(out.columns) == ["iso3", "country", "n_events", "event_names", "is_asean"]
    assert out.empty


@pytest.mark.parametrize(
    ("n", "label", "colour"),
    [(1, "1 event", "#9ecae1"), (2, "2 events", "#6baed6"), (4, "3–4 events", "#4292c6"), (25, "20+ events", "#08306b")],
)
def test_bin_for(n: int, label: str, colour: str) -> None:
    assert mf.bin_for(n) == (label, colour)


ARCS = pd.DataFrame(
    {
        "source_iso3": ["IDN", "IDN", "IDN", "SGP", "IDN"],
        "target_iso3": ["AUS", "IDN", "XKX", "USA", "AUS"],  # self-link, unknown code, duplicate
    }
)


@pytest.fixture(scope="module")
def deck_spec(counts: pd.DataFrame) -> dict:
    return json.loads(mf.build_deck(counts, ASEAN_10, ARCS).to_json())


def _layer(spec: dict, layer_id: str) -> dict:
    return next(layer for layer in spec["layers"] if layer["id"] == layer_id)


def test_deck_has_no_basemap_url(deck_spec: dict, counts: pd.DataFrame) -> None:
    # "__MAP_STYLE__" is the placeholder Streamlit's frontend deletes without substituting Carto;
    # a null mapStyle would make it load basemaps.cartocdn.com.
    assert deck_spec["mapStyle"] == "__MAP_STYLE__"
    assert deck_spec.get("mapProvider") is None
    raw = mf.build_deck(counts, ASEAN_10, ARCS).to_json()
    assert "http" not in raw and "mapbox://" not in raw


def _in_view(view: dict, lon: float, lat: float, size_px: tuple[int, int] = mf.VIEW_SIZE_PX) -> bool:
    """Whether (lon, lat) lies inside a top-down Web-Mercator view of that size (deck.gl: 512 px world)."""
    px_per_deg = 512 * 2 ** view["zoom"] / 360
    px_per_merc = 512 * 2 ** view["zoom"] / (2 * math.pi)
    dx = (lon - view["longitude"]) * px_per_deg
    dy = (mf._mercator_y(lat) - mf._mercator_y(view["latitude"])) * px_per_merc
    return abs(dx) <= size_px[0] / 2 and abs(dy) <= size_px[1] / 2


def test_deck_layers_and_view(deck_spec: dict) -> None:
    assert [layer["id"] for layer in deck_spec["layers"]] == ["countries", "asean-outline", "arcs", "arc-sources"]
    assert [layer["@@type"] for layer in deck_spec["layers"]] == [
        "GeoJsonLayer", "GeoJsonLayer", "ArcLayer", "ScatterplotLayer"]
    arcs = _layer(deck_spec, "arcs")
    assert arcs["getHeight"] > 0
    view = deck_spec["initialViewState"]
    assert view["pitch"] > 0, "tilted, or every arc would be drawn as a flat line"
    for a in arcs["data"]:  # including Singapore -> USA, whose end lies east of 180°
        assert _in_view(view, *a["source"]) and _in_view(view, *a["target"])


def test_deck_without_arcs_opens_on_southeast_asia_and_every_nearby_participant(counts: pd.DataFrame) -> None:
    view = json.loads(mf.build_deck(counts, ASEAN_10).to_json())["initialViewState"]
    assert view["pitch"] == 0
    assert 90 < view["longitude"] < 150 and -15 < view["latitude"] < 25
    x0, y0, x1, y1 = mf.SEA_BOX
    assert all(_in_view(view, x, y) for x in (x0, x1) for y in (y0, y1))
    c = country_centroids()
    assert _in_view(view, *c["AUS"])


def test_deck_country_properties(deck_spec: dict) -> None:
    props = {f["properties"]["iso3"]: f["properties"] for f in _layer(deck_spec, "countries")["data"]["features"]}
    assert props["IDN"] == {
        "iso3": "IDN",
        "name": "Indonesia",
        "n_events": 2,
        "event_names": f"{ADGMIN}; {RCDD}",
        "fill": [0x6B, 0xAE, 0xD6, 255],
    }
    assert props["AUS"]["fill"] == [0x9E, 0xCA, 0xE1, 255]
    assert props["JPN"]["n_events"] == 0 and props["JPN"]["fill"] == [0xE3, 0xE3, 0xE3, 255]
    outline = _layer(deck_spec, "asean-outline")
    assert {f["properties"]["iso3"] for f in outline["data"]["features"]} == ASEAN_10
    assert outline["filled"] is False and outline["getLineWidth"] > _layer(deck_spec, "countries")["getLineWidth"]
    # a literal, not pydeck's "@@=pixels" expression (which deck.gl would evaluate to undefined)
    assert outline["lineWidthUnits"] == _layer(deck_spec, "countries")["lineWidthUnits"] == "pixels"


def test_deck_arcs_from_host_centroid(deck_spec: dict) -> None:
    arcs = _layer(deck_spec, "arcs")["data"]
    assert [(a["source_iso3"], a["target_iso3"]) for a in arcs] == [("IDN", "AUS"), ("SGP", "USA")]
    c = country_centroids()
    assert arcs[0]["source"] == list(c["IDN"]) and arcs[0]["target"] == list(c["AUS"])
    assert arcs[0]["name"] == "Indonesia → Australia"
    # Singapore -> USA goes east across the Pacific, not west across Africa
    assert arcs[1]["target"] == [c["USA"][0] + 360, c["USA"][1]]


JAKARTA = (106.84513, -6.21462)  # GeoNames' Jakarta, as the build writes it
CITY_ARCS = pd.DataFrame(
    {
        "source_iso3": ["IDN", "IDN", "SGP"],
        "target_iso3": ["AUS", "NZL", "IDN"],
        "source_lon": [JAKARTA[0], JAKARTA[0], None],  # Singapore's row: no city, so the centroid
        "source_lat": [JAKARTA[1], JAKARTA[1], None],
    }
)


def test_deck_arcs_start_at_the_city_when_given(counts: pd.DataFrame) -> None:
    spec = json.loads(mf.build_deck(counts, ASEAN_10, CITY_ARCS).to_json())
    arcs = {(a["source_iso3"], a["target_iso3"]): a for a in _layer(spec, "arcs")["data"]}
    c = country_centroids()
    assert arcs["IDN", "AUS"]["source"] == list(JAKARTA) and arcs["IDN", "AUS"]["from_city"] is True
    assert arcs["IDN", "AUS"]["source"] != list(c["IDN"]), "Jakarta, not Indonesia's centroid on Borneo"
    assert arcs["IDN", "NZL"]["target"] == list(c["NZL"])
    assert arcs["SGP", "IDN"]["source"] == list(c["SGP"]) and arcs["SGP", "IDN"]["from_city"] is False
    assert _layer(spec, "arc-sources")["data"] == [{"position": list(p)} for p in sorted({JAKARTA, c["SGP"]})]
    view = spec["initialViewState"]
    for a in arcs.values():  # New Zealand's end no longer runs off the edge
        assert _in_view(view, *a["source"]) and _in_view(view, *a["target"])


def test_static_figure_arcs_start_at_the_city(counts: pd.DataFrame) -> None:
    fig = mf.build_static_map_figure(counts, ASEAN_10, "t", arcs=CITY_ARCS)
    trace = next(t for t in fig.data if t.name == "Host → participant")
    starts = {(trace.x[0], trace.y[0])} | {
        (trace.x[i + 1], trace.y[i + 1]) for i, x in enumerate(trace.x[:-1]) if x is None}
    assert JAKARTA in starts
    nzl = country_centroids()["NZL"]
    x0, x1 = fig.layout.xaxis.range
    y0, y1 = fig.layout.yaxis.range
    assert x0 < JAKARTA[0] < x1 and x0 < nzl[0] < x1 and y0 < nzl[1] < y1


def test_deck_payload_is_smaller_and_keeps_southeast_asia(counts: pd.DataFrame) -> None:
    full = mf.build_deck(counts, ASEAN_10, ARCS, detail="full").to_json()
    small = mf.build_deck(counts, ASEAN_10, ARCS).to_json()
    assert len(small) < len(full) / 2
    features = {f["properties"]["iso3"]: f for f in _layer(json.loads(small), "countries")["data"]["features"]}
    full_features = {f["properties"]["iso3"]: f for f in _layer(json.loads(full), "countries")["data"]["features"]}
    assert set(features) == set(full_features), "no country dropped"
    for iso3 in ASEAN_10 | {"TLS"}:
        polys = features[iso3]["geometry"]["coordinates"]
        assert len(polys) == len(full_features[iso3]["geometry"]["coordinates"]), f"{iso3} kept every island"
        assert all(len(p[0]) >= 4 and geo.ring_area_centroid(p[0])[0] > 0 for p in polys), iso3
    sgp = features["SGP"]["geometry"]["coordinates"][0][0]
    assert 0.03 < geo.ring_area_centroid(sgp)[0] < 0.1  # Singapore: ~0.06 square degrees, still a shape
    assert all(103.5 < x < 104.2 and 1.1 < y < 1.5 for x, y in sgp)


def test_deck_tooltip_is_what_streamlit_sends(counts: pd.DataFrame) -> None:
    from streamlit.elements.deck_gl_json_chart import _get_pydeck_tooltip

    tooltip = _get_pydeck_tooltip(mf.build_deck(counts, ASEAN_10))
    assert tooltip["html"] == "<b>{name}</b><br/>Events: {n_events}<br/>{event_names}"


def test_deck_without_arcs_and_compact_json(counts: pd.DataFrame) -> None:
    deck = mf.build_deck(counts, ASEAN_10)
    compact = deck.to_json()
    assert [layer["id"] for layer in json.loads(compact)["layers"]] == ["countries", "asean-outline"]
    indented = pydeck.Deck.to_json(deck)
    assert json.loads(compact) == json.loads(indented)
    assert len(compact) < len(indented) / 3


@pytest.fixture(scope="module")
def static_fig(counts: pd.DataFrame):
    return mf.build_static_map_figure(counts, ASEAN_10, "Countries met on digital diplomacy", arcs=ARCS)


def test_static_figure_needs_no_geo_subplot(static_fig) -> None:
    spec = static_fig.to_dict()
    assert not any(key.startswith("geo") or key.startswith("map") for key in spec["layout"])
    assert {trace["type"] for trace in spec["data"]} == {"scatter"}
    assert "http" not in static_fig.to_json()
    assert len(spec["data"]) <= 12


def test_static_figure_traces_and_extent(static_fig) -> None:
    names = [t.name for t in static_fig.data if t.showlegend is not False]
    assert names == ["1 event", "2 events", "ASEAN member", "Host → participant"]
    areas = {t.name: t for t in static_fig.data if t.fill == "toself" and t.name}
    assert areas["2 events"].fillcolor == "#6baed6"
    assert all(t.showlegend is False for t in areas.values()), "a filled area's own legend symbol is a line"
    swatches = {t.name: t for t in static_fig.data if t.showlegend is not False and t.mode == "markers"}
    assert swatches["2 events"].marker.symbol == "square" and swatches["2 events"].marker.color == "#6baed6"
    assert swatches["ASEAN member"].marker.line.color == mf.ASEAN_LINE, "the outline is an open square"
    x0, x1 = static_fig.layout.xaxis.range
    y0, y1 = static_fig.layout.yaxis.range
    assert x0 < 95 and x1 > 154  # SE Asia and Australia's east coast; USA lies outside the window
    assert y0 < -40 and y1 > 20
    assert x1 - x0 < 150, "cropped to Asia-Pacific, not stretched to the USA"
    assert static_fig.layout.yaxis.scaleanchor == "x"
    assert static_fig.layout.title.text == "Countries met on digital diplomacy"


def test_static_figure_renders_to_svg(static_fig, chromium) -> None:
    from dashboard.exports.chart_export import export_figure

    svg = export_figure(static_fig, "svg").decode("utf-8")
    assert svg.startswith("<svg")
    assert "Countries met on digital diplomacy" in svg
    assert "ASEAN member" in svg


def test_event_arcs_run_from_the_host_city_to_each_participant(tables) -> None:
    """The RCDD in Jakarta: arcs from Jakarta (inside Indonesia) to the 15 other participants."""
    from dashboard.figures.map_figures import event_arcs

    ev = tables["events"].sort_values("start_date").iloc[-1]
    parts = tables["participants"][tables["participants"]["event_id"] == ev["event_id"]]
    arcs = event_arcs(ev, parts)
    assert set(arcs["source_iso3"]) == {"IDN"} and "IDN" not in set(arcs["target_iso3"])
    assert len(arcs) == parts["iso3"].nunique() - 1
    lon, lat = arcs[["source_lon", "source_lat"]].iloc[0]
    assert 106 < lon < 107.5 and -6.5 < lat < -5.9  # Jakarta
    assert event_arcs({"host_iso3": None}, parts) is None


def test_legend_names_each_shading_bin_and_the_asean_outline() -> None:
    from dashboard.figures.map_figures import bin_for, legend_html

    counts = pd.DataFrame({"n_events": [1, 1, 3]})
    html = legend_html(counts)
    assert bin_for(1)[0] in html and bin_for(3)[0] in html and "ASEAN member" in html
    assert html.count("<span") == 3


def test_the_map_in_words_lists_each_shaded_country_with_its_events():
    counts = pd.DataFrame({"iso3": ["IDN", "AUS", "JPN"], "country": ["Indonesia", "Australia", "Japan"],
                           "n_events": [3, 1, 1], "event_names": ["", "", ""], "is_asean": [True, False, False]})
    text = mf.shaded_countries_text(counts)
    assert text == ("Shaded, with their number of events (3 countries): Indonesia (3), Australia (1), Japan (1).")
    assert mf.shaded_countries_text(counts.iloc[0:0]) == "No country is shaded."
