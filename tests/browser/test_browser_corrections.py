"""The analyst's loop in a real browser, on a private copy of the seeds served by its own Streamlit
server: reject a country on the Timeline's event card, let the app rebuild, and see the country gone
from the map (its list of shaded countries), from the event card's table and from a downloaded CSV.
Facts checked against the seeds: the 2019 RCDD's articles name Australia among the six non-ASEAN
countries attending."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from conftest import SCREENSHOTS, _stop, private_server  # tests/browser/conftest.py (rootdir-relative import, as the other browser tests do)

REPO = Path(__file__).resolve().parents[2]
RCDD = "2019-09-10-rcdd"


@pytest.fixture(scope="module")
def private(tmp_path_factory) -> dict[str, Path]:
    from data_prep import build
    root = tmp_path_factory.mktemp("loop")
    seeds, out, fixes = root / "seeds", root / "out", root / "corrections.csv"
    shutil.copytree(REPO / "seeds", seeds)
    build(seeds, out, corrections=fixes)
    return {"seeds": seeds, "out": out, "fixes": fixes, "root": root}


@pytest.fixture(scope="module")
def app_url(chromium_path, private):
    """This module's own server (overrides the session's): it may write corrections and rebuild."""
    proc, base = private_server(private["out"], private["seeds"], private["fixes"], private["root"] / "streamlit.log")
    try:
        yield base
    finally:
        _stop(proc)


def map_countries(app) -> str:
    app.goto("/map", f"event={RCDD}")
    return app.page.get_by_text(re.compile(r"^Shaded, with their number of events")).first.inner_text()


def download_participants(app, tmp_path: Path) -> pd.DataFrame:
    app.goto("/data", f"event={RCDD}")
    box = app.page.locator('[data-testid="stSelectbox"]').filter(has_text="Table")
    box.first.click()
    app.page.locator('[role="option"]').filter(has_text=re.compile(r"^participants")).first.click()
    app.wait_for_run()
    button = app.page.locator('[data-testid="stDownloadButton"]').filter(has_text=re.compile(r"CSV\s*$")).first
    with app.page.expect_download(timeout=60_000) as info:
        button.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return pd.read_csv(target, encoding="utf-8-sig")


def test_a_country_rejected_on_the_card_is_gone_from_the_map_tables_and_downloads(app, private, tmp_path):
    assert "Australia (1)" in map_countries(app)
    assert "AUS" in set(download_participants(app, tmp_path)["iso3"])

    app.goto("/timeline", f"card={RCDD}")
    app.page.get_by_text("Correct this event").first.click()
    app.page.get_by_label("Your name (kept with each correction)").first.fill("Dewi")
    app.page.get_by_label("Your name (kept with each correction)").first.press("Enter")
    app.wait_for_run()
    country = app.page.locator('[data-testid="stSelectbox"]').filter(has_text="Country").first
    country.locator("input").click()
    country.locator("input").fill("Australia")
    country.locator("input").press("Enter")
    app.wait_for_run()
    app.page.get_by_label("Note (optional): why").first.fill("named as a partner only")
    app.page.get_by_label("Note (optional): why").first.press("Enter")
    app.wait_for_run()
    app.page.get_by_role("button", name=re.compile("Reject country")).click()
    app.page.get_by_text(re.compile("Saved and applied: remove-country AUS")).first.wait_for(timeout=120_000)
    app.wait_for_run()
    SCREENSHOTS.mkdir(exist_ok=True)
    app.screenshot(SCREENSHOTS / "correction-applied-on-card.png")

    shown = map_countries(app)
    assert "Australia" not in shown and "Japan (1)" in shown
    assert "AUS" not in set(download_participants(app, tmp_path)["iso3"])
    from data_prep import read_corrections
    (row,) = read_corrections(private["fixes"])
    assert (row.action, row.target, row.who, row.note) == ("remove-country", "AUS", "Dewi", "named as a partner only")
    app.assert_clean()
