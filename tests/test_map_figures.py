"""Map builders: per-country counts, the pydeck spec handed to Streamlit, and the static export figure."""

from __future__ import annotations

import json
import os

import pandas as pd
import pydeck
import pytest

from dashboard import map_figures as mf
from dashboard.geo import country_centroids

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


def test_deck_layers_and_view(deck_spec: dict) -> None:
    assert [layer["id"] for layer in deck_spec["layers"]] == ["countries", "asean-outline", "arcs"]
    assert [layer["@@type"] for layer in deck_spec["layers"]] == ["GeoJsonLayer", "GeoJsonLayer", "ArcLayer"]
    view = deck_spec["initialViewState"]
    assert 90 < view["longitude"] < 150 and -15 < view["latitude"] < 25


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
    by_name = {t.name: t for t in static_fig.data}
    assert by_name["2 events"].fillcolor == "#6baed6" and by_name["2 events"].fill == "toself"
    x0, x1 = static_fig.layout.xaxis.range
    y0, y1 = static_fig.layout.yaxis.range
    assert x0 < 95 and x1 > 154  # SE Asia and Australia's east coast; USA lies outside the window
    assert y0 < -40 and y1 > 20
    assert x1 - x0 < 150, "cropped to Asia-Pacific, not stretched to the USA"
    assert static_fig.layout.yaxis.scaleanchor == "x"
    assert static_fig.layout.title.text == "Countries met on digital diplomacy"


@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="needs Debian's /usr/bin/chromium for kaleido")
def test_static_figure_renders_to_svg(static_fig) -> None:
    svg = static_fig.to_image(format="svg").decode("utf-8")
    assert svg.startswith("<svg")
    assert "Countries met on digital diplomacy" in svg
    assert "ASEAN member" in svg
