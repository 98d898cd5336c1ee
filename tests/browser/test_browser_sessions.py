"""Concurrent sessions on one server (issue 18): ten browser sessions each keep their own filters (no
state shared between sessions), and a rebuild started in one session does not break the pages the
others are rendering meanwhile. Runs on a private copy of the seeds with its own server, since it
rebuilds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from data_prep.countries import country_name
from conftest import VIEWPORT, App, _stop, private_server  # tests/browser/conftest.py

REPO = Path(__file__).resolve().parents[2]
COUNTRIES = ["IDN", "AUS", "JPN", "CHN", "IND", "KOR", "NZL", "MYS", "SGP", "THA"]   # all in the seeds' build


@pytest.fixture(scope="module")
def private(tmp_path_factory):
    from data_prep import build
    root = tmp_path_factory.mktemp("sessions")
    seeds, out, fixes = root / "seeds", root / "out", root / "corrections.csv"
    shutil.copytree(REPO / "seeds", seeds)
    build(seeds, out, corrections=fixes)
    proc, base = private_server(out, seeds, fixes, root / "streamlit.log")
    try:
        yield {"base": base, "seeds": seeds, "out": out}
    finally:
        _stop(proc)


def open_sessions(browser, base: str, n: int) -> list[tuple[object, App]]:
    sessions = []
    for _ in range(n):
        ctx = browser.new_context(viewport=VIEWPORT)
        sessions.append((ctx, App(page=ctx.new_page(), base_url=base)))
    return sessions


def filter_line(app: App) -> str:
    """The page header's line naming the active filters."""
    return app.page.locator('[data-testid="stMarkdownContainer"]').filter(
        has_text=re.compile(r"^(Filtered:|Showing everything)")).first.inner_text()


def test_ten_sessions_keep_their_own_filters(browser, private):
    sessions = open_sessions(browser, private["base"], 10)
    try:
        for (_, app), iso3 in zip(sessions, COUNTRIES):
            app.goto("/timeline", f"country={iso3}")
        for (_, app), iso3 in zip(sessions, COUNTRIES):   # after all ten have set theirs
            # a page switch inside the session (the sidebar's link, not a reload) keeps its own filters
            app.page.get_by_test_id("stSidebarNav").get_by_role("link", name="Data", exact=True).click()
            app.wait_for_run(title="Data")
            assert filter_line(app) == f"Filtered: Countries: {country_name(iso3)}", (iso3, filter_line(app))
            assert app.query().get("country") == [iso3]
            assert app.exceptions() == []
    finally:
        for ctx, _ in sessions:
            ctx.close()


def test_a_rebuild_in_one_session_does_not_break_pages_the_others_render(browser, private):
    shutil.copy(REPO / "tests" / "articles" / "en_singapore_forum.txt", private["seeds"] / "new_forum.txt")
    sessions = open_sessions(browser, private["base"], 4)
    try:
        rebuilder = sessions[0][1]
        rebuilder.goto("/sources")
        rebuilder.page.get_by_text("Add articles and rebuild").first.click()
        rebuilder.page.get_by_role("button", name=re.compile("Rebuild tables")).click()
        rebuilder.page.get_by_text(re.compile("Rebuilding the tables")).first.wait_for(timeout=30_000)
        errors: list[str] = []
        pages = ["/", "/timeline", "/map", "/themes", "/people", "/sources", "/data", "/review"]
        for round_ in range(2):   # the others keep working while it rebuilds, and after
            for i, (_, app) in enumerate(sessions[1:]):
                app.goto(pages[(i + round_ * 3) % len(pages)])
                errors += app.exceptions()
        try:
            rebuilder.page.get_by_text(re.compile("Last rebuild in this session")).first.wait_for(timeout=120_000)
        finally:
            rebuilder.screenshot(REPO / "screenshots" / "sessions-rebuilder.png")
        assert errors == []
        for _, app in sessions[1:]:   # a fresh run in any session reads the new build
            app.goto("/sources")
            assert app.page.get_by_text(re.compile(r"Articles \(6\)")).count() == 1
            assert app.exceptions() == [] and app.console_errors == []
    finally:
        for ctx, _ in sessions:
            ctx.close()
