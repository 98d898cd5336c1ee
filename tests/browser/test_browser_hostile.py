"""Hostile data in a real browser: nothing from an article, a file name, a web address, the theme
catalogue or an analyst's typing is ever rendered as markup (issue 18).

A private corpus, built in a tmp folder and served by this module's own Streamlit server, carries
payloads in every place the data reaches the screen: an article (the Singapore forum of
tests/articles, so it is a real, dated, named meeting) whose title, person-name line, quoted sentence and
`Source:` header line hold `<img onerror>`, `<script>`, `<svg onload>`, Markdown links to `javascript:`,
Markdown images, maths and Streamlit directives; its FILE NAME is an `<img onerror>` with spaces and
non-ASCII letters; a year-less article (it waits on the Review page) and a rejected one have hostile
names and text too. Fields the extractor never fills with such text (outlet, byline, address, event
name and theme, venue, a person's name, title and organisation, a country's name, an outcome, a theme
label of the build's catalogue, a stale correction's note and analyst) are then set in the built
tables directly, as any other tool writing a build could.

Every page of dashboard/app.py's PAGES is opened (the Timeline with `?card=`, Sources with `?article=`
and a highlighted sentence, the Review page with a fact selected, the map hovered all over, the Overview
with a country view, the Briefing pack with an event filter), every expander and tab opened, and the test
fails on any dialog, any payload script that ran (`window.__pwned`), any link to `javascript:`/`data:`,
any payload image or event handler in the DOM, any maths rendered, any request for a payload image,
and the app's usual checks (app.assert_clean()). It also checks the payloads are shown as written.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pandas as pd
import pytest

from conftest import _stop, private_server  # tests/browser/conftest.py (rootdir-relative import)

REPO = Path(__file__).resolve().parents[2]
FORUM = REPO / "tests" / "articles" / "en_singapore_forum.txt"

# Payloads: each flags itself in window.__pwned (and opens a dialog) if it ever runs; each Markdown link
# and image carries a marker word, so a rendered one is found by its text.
IMG = "<img src=x onerror=window.__pwned=1;alert(1)>"
SCRIPT = "<script>window.__pwned=2;alert(2)</script>"
MDLINK = "[pwnlink3](javascript:alert(3))"
MDIMG = "![pwnimg](http://127.0.0.1:9/x.png)"
SVG = "<svg onload=window.__pwned=6;alert(6)>"
MATHS = "$x^2$ :red[pwnred] :smile:"
EVIL = f"{IMG} {SCRIPT} {MDLINK} {MDIMG}"

HOSTILE_FILE = "<img src=x onerror=window.__pwned=4;alert(4)> forum ünï côdé.txt"
WAITING_FILE = "[pwnlink8](javascript:alert(8)) waiting ![pwnimg](w.png).txt"
REJECTED_FILE = "<svg onload=window.__pwned=10;alert(10)> recipe.txt"
EVENT_ID = "2023-10-09-apfpd"
BAD_URL = " JaVaScRiPt:window.__pwned=11;alert(11)"   # the included article's own address
DATA_URL = "data:text/html,<script>window.__pwned=22;alert(22)</script>"  # the year-less article's

# Set in the built tables (the extractor keeps such text out of these fields).
EVENT_NAME = f"Asia-Pacific Forum {IMG} {MDLINK} {MDIMG} {MATHS}"
TAGLINE = f"Tagline {SCRIPT} [pwnlink12](javascript:alert(12)) ![pwnimg](tag.png)"
VENUE = f"Raffles {SVG} [pwnlink13](javascript:alert(13))"
OUTLET = f"Evil <img src=x onerror=window.__pwned=14;alert(14)> [pwnlink14](javascript:alert(14)) News"
AUTHOR = f"<script>window.__pwned=15</script> ![pwnimg](http://127.0.0.1:9/a.png)"
PERSON = "Daniel Koh <img src=x onerror=window.__pwned=16;alert(16)> [pwnlink16](javascript:alert(16))"
PERSON_TITLE = f"Minister {MDIMG} # not a heading"
ORGANISATION = "<script>window.__pwned=17</script> Org [pwnlink17](javascript:alert(17))"
COUNTRY = "Thailand <img src=x onerror=window.__pwned=18;alert(18)> [pwnlink18](javascript:alert(18))"
OUTCOME = f"- The forum agreed {SVG} [pwnlink19](javascript:alert(19)) {MDIMG} $a$ and $b$"
THEME_LABEL = "Platforms <img src=x onerror=window.__pwned=20;alert(20)> [pwnlink20](javascript:alert(20))"
NOTE = f"note {IMG} [pwnlink21](javascript:alert(21))"

VIOLATIONS_JS = r"""() => {
  const out = [];
  if (window.__pwned !== undefined) out.push('a payload script ran: __pwned=' + window.__pwned);
  for (const a of document.querySelectorAll('a')) {
    const href = (a.getAttribute('href') || a.getAttribute('xlink:href') || '').replace(/[\x00-\x20]/g, '').toLowerCase();
    if (/^(javascript|data|vbscript|file):/.test(href)) out.push('unsafe link: ' + a.outerHTML.slice(0, 200));
    // Streamlit turns a javascript: link it is given into href="#": the app offered a link it must not have
    if (a.getAttribute('href') === '#' || a.getAttribute('href') === '') out.push('a neutralised link: ' + a.outerHTML.slice(0, 200));
    // a Markdown link from the data shows only its marker text (the app's own links show the data escaped)
    if (/^pwnlink\d+$/.test((a.textContent || '').trim())) out.push('a link made from the data: ' + a.outerHTML.slice(0, 200));
  }
  for (const i of document.querySelectorAll('img')) {
    const src = i.getAttribute('src') || '';
    if (src === 'x' || /(127\.0\.0\.1:9|(^|\/)(w|tag)\.png$)/.test(src) || (i.getAttribute('alt') || '').includes('pwnimg'))
      out.push('payload image: ' + i.outerHTML.slice(0, 200));
  }
  for (const e of document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover], [onfocus]'))
    out.push('event handler attribute: ' + e.outerHTML.slice(0, 200));
  for (const s of document.querySelectorAll('script'))
    if ((s.textContent || '').includes('__pwned')) out.push('payload script element: ' + s.outerHTML.slice(0, 200));
  if (document.querySelector('.katex, math')) out.push('maths rendered from the data');
  return out;
}"""


def _write_corpus(seeds: Path) -> None:
    forum = FORUM.read_text(encoding="utf-8")
    title = forum.split("\n", 1)[0]
    text = forum.replace(title, f"{title} {EVIL} {MATHS}", 1)
    text = text.replace("Singapore's Foreign Minister Daniel Koh opened",
                        f"Singapore's Foreign Minister Daniel Koh {IMG} opened")
    text = text.replace("Koh said diplomats had to learn",
                        f"Koh said: “{SCRIPT} {MDLINK} {MDIMG} {SVG}” diplomats had to learn")
    text = 'Source: https://evil.example.com/a?q="><img/src=x/onerror=window.__pwned=5>\n\n' + text
    (seeds / HOSTILE_FILE).write_text(text, encoding="utf-8")
    (seeds / WAITING_FILE).write_text(
        f"Diplomats talk online safety [pwnlink7](javascript:alert(7)) {IMG}\n\n"
        "SINGAPORE - Foreign ministry officials gathered on Monday, Oct 9 for the Asia-Pacific Workshop on "
        "Digital Safety (APWDS), held in Singapore.\n\n"
        "The workshop, hosted by Singapore, was attended by delegations from Australia and Thailand.\n",
        encoding="utf-8")
    (seeds / REJECTED_FILE).write_text(
        f"A recipe for laksa {SCRIPT}\n\nNothing about diplomacy here [pwnlink9](javascript:alert(9)) {MDIMG}.\n",
        encoding="utf-8")


def _tamper(build: Path) -> None:
    """Put payloads into the fields the extractor keeps clean, in the build's own files."""
    folder = build.resolve()

    def edit(name: str, change) -> None:
        df = change(pd.read_parquet(folder / f"{name}.parquet"))
        df.to_parquet(folder / f"{name}.parquet", index=False)
        if (folder / f"{name}.csv").exists():
            df.to_csv(folder / f"{name}.csv", index=False)

    def articles(a):
        hit = a["status"] == "included"
        a = a.astype({c: object for c in ("outlet", "author", "url")})
        a.loc[hit, "outlet"], a.loc[hit, "author"], a.loc[hit, "url"] = OUTLET, AUTHOR, BAD_URL
        a.loc[a["article_id"] == WAITING_FILE.removesuffix(".txt"), "url"] = DATA_URL
        return a

    def events(e):
        e = e.astype({c: object for c in ("name", "tagline", "venue")})
        e.loc[e["event_id"] == EVENT_ID, ["name", "tagline", "venue"]] = [EVENT_NAME, TAGLINE, VENUE]
        return e

    def attendees(a):
        a = a.astype({c: object for c in ("name", "title", "organization")})
        koh = a["name"] == "Daniel Koh"
        assert koh.any(), list(a["name"])
        a.loc[koh, ["name", "title", "organization"]] = [PERSON, PERSON_TITLE, ORGANISATION]
        return a

    def participants(p):
        p = p.astype({"country": object})
        assert (p["iso3"] == "THA").any()
        p.loc[p["iso3"] == "THA", "country"] = COUNTRY
        return p

    def outcomes(o):
        art = HOSTILE_FILE.removesuffix(".txt")
        row = {c: None for c in o.columns} | {"event_id": EVENT_ID, "article_id": art, "sentence": OUTCOME,
                                              "cue": "agreed", "method": "test", "confidence": 0.5,
                                              "origin": "extracted"}
        return pd.concat([o.astype(object), pd.DataFrame([row]).astype(object)], ignore_index=True)

    def catalog(c):
        c = c.astype({"label": object})
        c.loc[c["code"] == "platform_governance", "label"] = THEME_LABEL
        return c

    def corrections(c):
        row = {col: None for col in c.columns} | {
            "action": "add-person", "event_id": EVENT_ID, "target": PERSON, "note": NOTE, "who": OUTLET,
            "when": "2026-01-01T00:00:00Z", "status": "stale", "detail": f"no such sentence {MDLINK}",
            "evidence": EVIL}
        return pd.concat([c.astype(object), pd.DataFrame([row], columns=list(c.columns)).astype(object)],
                         ignore_index=True)

    edit("articles", articles)
    edit("events", events)
    edit("attendees", attendees)
    edit("participants", participants)
    edit("outcomes", outcomes)
    edit("theme_catalog", catalog)
    edit("corrections", corrections)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict:
    from data_prep import build
    from dashboard.data import read_tables

    root = tmp_path_factory.mktemp("hostile")
    seeds, out, fixes = root / "seeds", root / "out", root / "corrections.csv"
    seeds.mkdir()
    _write_corpus(seeds)
    build(seeds, out, corrections=fixes)
    _tamper(out)
    t = read_tables(out)
    arts = t["articles"].set_index("article_id")
    hostile_id = HOSTILE_FILE.removesuffix(".txt")
    assert arts.loc[hostile_id, "status"] == "included" and arts.loc[hostile_id, "event_id"] == EVENT_ID
    waiting_id = WAITING_FILE.removesuffix(".txt")
    assert "gives no date with a year" in str(arts.loc[waiting_id, "reason"])
    assert arts.loc[REJECTED_FILE.removesuffix(".txt"), "status"] == "rejected"
    ev = t["evidence"]
    quoted = ev[ev["sentence"].str.contains("pwnlink3", regex=False)].iloc[0]
    return {"root": root, "seeds": seeds, "out": out, "fixes": fixes, "article": hostile_id,
            "hl": f"{int(quoted['char_start'])}-{int(quoted['char_end'])}"}


@pytest.fixture(scope="module")
def app_url(chromium_path, hostile):
    """This module's own server on the hostile build (overrides the session's)."""
    proc, base = private_server(hostile["out"], hostile["seeds"], hostile["fixes"], hostile["root"] / "streamlit.log")
    try:
        yield base
    finally:
        _stop(proc)


@pytest.fixture
def watched(app):
    """The app page with dialogs and requests for payload images recorded."""
    app.dialogs, app.payload_requests = [], []

    def on_dialog(d):
        app.dialogs.append(d.message)
        d.dismiss()

    def on_request(r):
        if re.search(r"(127\.0\.0\.1:9/|/x$|/(w|tag|a)\.png$)", r.url):
            app.payload_requests.append(r.url)

    app.page.on("dialog", on_dialog)
    app.page.on("request", on_request)
    return app


def app_pages() -> list[str]:
    """The url paths of dashboard/app.py's PAGES (the default page is "/")."""
    src = (REPO / "dashboard" / "app.py").read_text(encoding="utf-8")
    pages = re.findall(r'st\.Page\(VIEWS / "(\w+)\.py"(.*)$', src, re.MULTILINE)   # one st.Page a line
    assert pages, "no st.Page(VIEWS / ...) found in dashboard/app.py"
    return ["/" if "default=True" in rest else f"/{name}" for name, rest in pages]


def open_everything(app) -> None:
    """Open every closed expander and click through every tab, so whatever a reader could reveal has been
    on screen."""
    p = app.page
    for _ in range(p.locator('[data-testid="stExpander"] details:not([open]) > summary').count()):
        closed = p.locator('[data-testid="stExpander"] details:not([open]) > summary')
        if closed.count() == 0:
            break
        closed.first.click()
        p.wait_for_timeout(150)
    tabs = p.locator('[data-testid="stTab"]')
    for i in range(tabs.count()):
        tabs.nth(i).click()
        p.wait_for_timeout(100)
    app.wait_for_run()


def hover_map(app) -> None:
    """Move the mouse over the map in a grid, so deck.gl draws its (HTML) tooltip for many countries."""
    canvas = app.page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    box = canvas.bounding_box()
    if not box:
        return
    for fy in (0.3, 0.45, 0.55, 0.7, 0.85):
        for fx in (0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9):
            app.page.mouse.move(box["x"] + fx * box["width"], box["y"] + fy * box["height"])
            app.page.wait_for_timeout(60)
    tooltips = app.page.locator(".deck-tooltip")
    app.tooltip_texts = [tooltips.nth(i).inner_text() for i in range(tooltips.count())]


def select_first_fact(app) -> None:
    """Tick the first row of the Review page's fact table (a glide-data-grid canvas: click its row marker)."""
    grid = app.page.locator('[data-testid="stDataFrame"]').filter(
        has=app.page.locator("canvas")).last
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box, "the fact table is on the page"
    app.page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the row marker of the first row
    app.wait_for_run()


def check(app, where: str) -> list[str]:
    """Every violation on the page now (after image loads and handlers have had their chance)."""
    app.page.wait_for_timeout(700)
    found = app.page.evaluate(VIOLATIONS_JS)
    found += [f"dialog: {m}" for m in app.dialogs] + [f"payload image requested: {u}" for u in app.payload_requests]
    return [f"{where}: {v}" for v in found]


def shown_text(app) -> str:
    return app.page.locator('[data-testid="stMain"]').inner_text()


def test_hostile_data_is_never_markup_on_any_page(watched, hostile):
    app = watched
    card = f"card={EVENT_ID}"
    visits = {
        "/": ["country=THA", ""],
        "/timeline": [card],
        "/trends": ["country=THA"],
        "/compare": ["compare=THA&compare=IDN"],
        "/search": ["q=forum"],
        "/map": [""],
        "/themes": [""],
        "/people": [""],
        "/sources": [f"article={quote(hostile['article'], safe='')}&hl={hostile['hl']}"],
        "/data": [""],
        "/review": [""],
        "/briefing": [f"event={EVENT_ID}"],
    }
    pages = app_pages()
    assert set(pages) <= set(visits), f"a page of dashboard/app.py is not visited here: {set(pages) - set(visits)}"
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in pages:
        for query in visits[path]:
            where = f"{path}?{query}"
            app.goto(path, query)
            open_everything(app)
            if path == "/map":
                app.wait_for_charts(n_deck=1)
                hover_map(app)
                box = app.page.locator('[data-testid="stSelectbox"]').filter(has_text="Draw links for one event")
                box.locator("input").click()
                box.locator("input").fill("2023-10-09")  # the hostile event's label starts with its date
                box.locator("input").press("Enter")
                app.wait_for_run()
                assert app.page.get_by_text(re.compile(r"Arcs: .*→ participant")).count() == 1, "the event is drawn"
                open_everything(app)
                app.wait_for_charts(n_deck=1)
                hover_map(app)
                seen["map tooltips"] = "\n".join(getattr(app, "tooltip_texts", []))
            if path == "/sources":  # also read the year-less rejected article (its address is a data: URL)
                problems += check(app, where + " (before choosing a rejected article)")
                box = app.page.locator('[data-testid="stSelectbox"]').filter(has_text="Read a rejected article")
                box.locator("input").click()
                box.locator("input").fill("waiting")
                box.locator("input").press("Enter")
                app.wait_for_run()
                assert app.page.get_by_text("Set its date on Review and correct").count() == 1, "the year-less one"
            if path == "/review":
                select_first_fact(app)
                open_everything(app)
                assert app.page.get_by_text(re.compile(r"^Found by")).count() >= 1, "a fact is selected"
            problems += check(app, where)
            assert problems == [], "\n".join(problems + app.console_errors)
            seen[where] = shown_text(app) + "\n" + app.page.locator('[data-testid="stSidebar"]').inner_text()
            plot_text = app.page.evaluate(
                "() => [...document.querySelectorAll('.js-plotly-plot')].map(p => p.textContent).join(' ')")
            seen[where + " charts"] = plot_text
            app.assert_clean()

    # …and the payloads are on screen as written, not dropped
    def shows(where: str, *texts: str) -> None:
        for t in texts:
            assert t in seen[where], (where, t, seen[where][:3000])

    shows(f"/timeline?{card}", "Asia-Pacific Forum <img src=x onerror=", "[pwnlink3](javascript:alert(3))",
          ":red[pwnred]", "$x^2$", "Tagline <script>", "Raffles <svg onload=", "The forum agreed <svg onload=")
    shows(f"/sources?article={quote(hostile['article'], safe='')}&hl={hostile['hl']}",
          "<img src=x onerror=window.__pwned=4;alert(4)> forum ünï côdé", "Evil <img src=x onerror=window.__pwned=14",
          "<script>window.__pwned=15</script>", "Linked sentence",
          "Diplomats talk online safety [pwnlink7](javascript:alert(7)) <img src=x onerror=window.__pwned=1")
    shows("/review?", "[pwnlink8](javascript:alert(8)) waiting ![pwnimg](w.png)",
          "Diplomats talk online safety [pwnlink7](javascript:alert(7))")
    shows("/?country=THA", "partners of Thailand <img src=x onerror=window.__pwned=18")
    shows("/compare?compare=THA&compare=IDN", "Thailand <img src=x onerror=window.__pwned=18")
    shows("/search?q=forum", "<img src=x onerror=")
    shows("/themes?", "Asia-Pacific Forum <img src=x")
    shows("/themes? charts", "Platforms <img src=x onerror=window.__pwned=20")
    shows("/briefing?" + f"event={EVENT_ID}", "Asia-Pacific Forum <img src=x")
    # the map's tooltip (an HTML template Streamlit fills in, escaping each value) shows the name as written
    shows("map tooltips", "Asia-Pacific Forum <img src=x onerror=window.__pwned=1;alert(1)> [pwnlink3]")
    assert "&lt;" not in seen["map tooltips"], seen["map tooltips"][:1000]


def test_an_upload_with_a_hostile_file_name_is_shown_as_written(watched, hostile, tmp_path):
    """The maintainer's upload and rebuild: the progress line names each seed file as it is read (the
    hostile ones included), the outcome table lists the upload under the name it was given (the seeds
    folder gets a safe one). Runs last: the rebuild, from the seeds, replaces the tables' own payloads."""
    app = watched
    name = "![pwnimg](up.png) [pwnlink30](javascript:alert(30)) <img src=x onerror=alert(30)> é.txt"
    app.goto("/sources")
    app.page.get_by_text("Add articles and rebuild").first.click()
    forum = FORUM.read_text(encoding="utf-8").replace("Asia-Pacific Forum on Public Diplomacy",
                                                      "Asia-Pacific Forum on Digital Trust")
    app.page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": name, "mimeType": "text/plain", "buffer": forum.encode("utf-8")}])
    app.wait_for_run()
    app.page.get_by_role("button", name=re.compile("Rebuild tables")).click()
    app.page.get_by_text(re.compile(r"^Last rebuild in this session")).first.wait_for(timeout=120_000)
    app.wait_for_run()
    open_everything(app)
    problems = check(app, "/sources after the upload")
    assert problems == [], "\n".join(problems)
    assert len(list(hostile["seeds"].iterdir())) == 4, list(hostile["seeds"].iterdir())
    app.assert_clean()
