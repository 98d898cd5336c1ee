"""Downloads as the browser receives them: a chart's image and a table's CSV are real files of the
right type (the st.download_button controls, `[data-testid="stDownloadButton"]`)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path


from playwright.sync_api import TimeoutError as PlaywrightTimeout

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def find_download(app, label: re.Pattern, *, open_popovers: re.Pattern | None = None):
    """The first download button whose text matches `label` (a button's text starts with its icon's
    name, e.g. "imagePNG (2×)", so no word boundary before the label); when none is visible, open the first
    popover matching `open_popovers` (e.g. a chart's "Export" menu) and look inside. None if absent."""
    buttons = app.page.locator('[data-testid="stDownloadButton"]').filter(has_text=label)
    if buttons.count() and buttons.first.is_visible():
        return buttons.first
    if open_popovers is not None:
        pops = app.page.get_by_test_id("stPopoverButton").filter(has_text=open_popovers)
        if pops.count():
            pops.first.click()
            body = app.page.locator('[data-testid="stPopoverBody"]')
            body.first.wait_for(state="visible", timeout=10_000)
            inside = body.locator('[data-testid="stDownloadButton"]').filter(has_text=label)
            try:  # the buttons' code loads lazily: give it time to appear
                inside.first.wait_for(state="visible", timeout=15_000)
            except PlaywrightTimeout:
                return None
            return inside.first
    return None


def test_chart_download_is_a_png(app, tmp_path):
    app.goto("/")
    app.wait_for_charts(n_plotly=2)
    button = find_download(app, re.compile(r"PNG", re.I), open_popovers=re.compile("Export|Download", re.I))
    assert button is not None, "every chart has a PNG export"
    with app.page.expect_download(timeout=120_000) as info:  # rendered on click by kaleido: allow time
        button.click()
    download = info.value
    assert download.failure() is None
    assert download.suggested_filename.endswith(".png"), download.suggested_filename
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    body = target.read_bytes()
    assert body[:8] == PNG_MAGIC, body[:16]
    from PIL import Image

    with Image.open(target) as im:
        assert im.format == "PNG" and im.width >= 600 and im.height >= 300, (im.format, im.size)
    SCREENSHOTS.mkdir(exist_ok=True)
    shutil.copy(target, SCREENSHOTS / "downloaded-chart.png")  # to look at, beside the screenshots
    app.assert_clean()


def test_table_download_is_a_csv(app, tmp_path):
    app.goto("/data")
    button = find_download(app, re.compile(r"CSV\s*$"))
    assert button is not None, "the Data page offers each table as CSV"
    with app.page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    assert download.failure() is None
    assert download.suggested_filename.endswith(".csv"), download.suggested_filename
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = target.read_bytes().decode("utf-8-sig")
    lines = text.splitlines()
    assert len(lines) >= 2, text[:200]
    header = lines[0].split(",")
    # the table the control offers first is the notes table (one row per event, for a note; its columns
    # are in the codebook), then the codebook's tables
    from dashboard.exports.notes import NOTES_COLUMNS

    assert download.suggested_filename.startswith("notes"), download.suggested_filename
    assert header == NOTES_COLUMNS, header
    assert len(lines) - 1 >= 3, "one row per seed event (3), more when a cell holds a line break"
    app.assert_clean()
