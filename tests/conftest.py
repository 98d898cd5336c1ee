"""Shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


# --- dashboard fixtures ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built once into a temporary folder (DASHBOARD_BUILD_DIR points at it for the session).

    $DASHBOARD_TEST_BUILD_DIR reuses an existing build instead of building.
    """
    given = os.environ.get("DASHBOARD_TEST_BUILD_DIR")
    fixes = tmp_path_factory.mktemp("corrections") / "corrections.csv"   # never the repository's own file
    if given:
        out = Path(given)
    else:
        from data_prep.build import build

        out = tmp_path_factory.mktemp("build")
        build(REPO / "seeds", out, corrections=fixes)
    old = {k: os.environ.get(k) for k in ("DASHBOARD_BUILD_DIR", "DASHBOARD_CORRECTIONS")}
    os.environ["DASHBOARD_BUILD_DIR"] = str(out)
    os.environ["DASHBOARD_CORRECTIONS"] = str(fixes)
    yield out
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def tables(build_dir: Path) -> dict:
    """The built tables, read the way the dashboard reads them."""
    from dashboard.data import read_tables

    return read_tables(build_dir)


@pytest.fixture(scope="session")
def theme_labels(tables: dict) -> dict[str, str]:
    """Theme code -> label, as the app computes it."""
    from dashboard.data import theme_labels as labels

    return labels(tables)


@pytest.fixture(scope="session")
def options(tables: dict, theme_labels: dict):
    """The filter choices the sidebar offers on this build."""
    from dashboard.state.filters import filter_options

    return filter_options(tables, theme_labels)


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium that kaleido drives for image export: skip without one, but fail under CI=true."""
    from dashboard.exports.chart_export import find_chromium

    path = find_chromium()
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but no Chromium found: install chromium or set BROWSER_PATH")
        pytest.skip("no Chromium found (install chromium or set BROWSER_PATH)")
    return path
