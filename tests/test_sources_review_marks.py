"""The Sources page marks this session's uploads as new, links the article's event to its card on the
Timeline, and reads rejected articles (with their reason, and what to do when only the year is missing);
the Data page has an outcomes tab and the analysts' corrections log. The pure helpers behind them
(dashboard/queries.py) are checked on their own first, then the pages in AppTest on a real build of a
copy of the seeds, with a real upload (maintenance.add_and_rebuild) and real corrections."""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import maintenance, queries
from dashboard.data import read_tables
from dashboard.labels import NEW_MARK
from data_prep import Correction, build, record
from data_prep.intake import ALREADY_PRESENT, RENAMED, SAVED, SKIPPED

REPO = Path(__file__).resolve().parent.parent
APP = str(REPO / "dashboard" / "app.py")
TIMEOUT = 60
RCDD = "2019-09-10-rcdd"
RCDD_ARTICLE = "000_01ad400b4e609927"
# A report in own words that names a meeting and a day but no year anywhere (so the build rejects it
# with "gives no date with a year"), with Markdown and HTML in its text that must show as written.
NO_YEAR = ("Digital ministers meet online\n\n"
           "KUALA LUMPUR - The first ASEAN Digital Ministers Meeting (ADGMIN1) took place virtually on January 21, "
           "chaired by the Malaysian minister for communications, who said the region must build digital ecosystems "
           "together as it recovers from the pandemic and trade slows. The *ministers* set aside $5 and $6 for "
           "<b>pilots</b> listed at [the portal](http://example.org).\n")


# --- pure helpers ---------------------------------------------------------------------------------

def _articles() -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a01", "b02", "c03", "d04"],
                         "source_file": ["a01.txt", "b02.html", "c03.txt", "d04.md"]})


def test_new_article_ids_are_the_files_an_upload_saved() -> None:
    uploads = [
        {"uploaded": "a01.txt", "upload": SAVED, "file in seeds": "a01.txt"},
        {"uploaded": "x.html", "upload": RENAMED, "file in seeds": "b02.html"},     # saved under a new name
        {"uploaded": "c03.txt", "upload": ALREADY_PRESENT, "file in seeds": "c03.txt"},  # not new
        {"uploaded": "e.pdf", "upload": SKIPPED, "file in seeds": ""},
        {"uploaded": "gone.txt", "upload": SAVED, "file in seeds": "gone.txt"},     # not in this build
    ]
    assert queries.new_article_ids(uploads, _articles()) == {"a01", "b02"}
    assert queries.new_article_ids(None, _articles()) == set()
    # without a source_file column the article id is the file's stem
    assert queries.new_article_ids(uploads[:1], _articles()[["article_id"]]) == {"a01"}


def test_the_new_column_and_the_picker_label() -> None:
    arts = _articles()
    marked = queries.with_new_column(arts, {"b02"})
    assert list(marked.columns)[0] == queries.NEW_COLUMN
    assert marked[queries.NEW_COLUMN].tolist() == [False, True, False, False]
    assert queries.with_new_column(arts, set()) is arts, "no column when nothing is new"
    row = {"outlet": "Antara", "published_date": pd.Timestamp("2019-09-10"), "title": "Title"}
    assert queries.article_choice_label("a01", row) == "a01 · Antara · 2019-09-10 · Title"
    assert queries.article_choice_label("a01", row, True) == f"{NEW_MARK}a01 · Antara · 2019-09-10 · Title"


def test_reader_html_escapes_article_text_and_links_only_web_addresses() -> None:
    row = {"article_id": "a01", "event_id": "e1", "language": "en", "n_words": 120, "source_file": "a01.txt",
           "title": "**Bold** <script>alert(1)</script>\n\n# heading", "outlet": "[x](javascript:alert(1))",
           "author": None, "published_date": None, "url": "javascript:alert(1)"}
    head = queries.reader_header_html(row)
    assert "<script>" not in head and "&lt;script&gt;" in head and "\n" not in head
    assert head.startswith("<div>") and "href" not in head, "only an http(s) address becomes a link"
    assert 'href="https://example.org/a?x=1&amp;y=&quot;2&quot;"' in queries.reader_header_html(
        {**row, "url": 'https://example.org/a?x=1&y="2"'})
    cap = queries.reader_caption_html(row, "RCDD <i>2019</i>", "timeline?country=AUS&card=e1")
    assert cap == ('<div>Reports: <a href="timeline?country=AUS&amp;card=e1" target="_self" title="Open this '
                   'event’s card on the Timeline">RCDD &lt;i&gt;2019&lt;/i&gt;</a> · language en · 120 words · '
                   'file a01.txt</div>')
    assert "<a" not in queries.reader_caption_html(row, "RCDD", None)
    assert "Reports: no event ·" in queries.reader_caption_html({**row, "event_id": None}, None, None)
    assert queries.app_link_html("review?country=AUS&theme=economy", "Go <on>") == (
        '<div><a href="review?country=AUS&amp;theme=economy" target="_self">Go &lt;on&gt;</a></div>')
    assert queries.linked_sentence_html("a *b*\n\nc") == (
        "<div><b>Linked sentence:</b> “a *b* c” (marked in yellow below)</div>")


def test_rejected_articles_say_whether_their_text_was_kept() -> None:
    arts = pd.DataFrame({"article_id": ["z", "a", "b"], "status": ["rejected", "included", "rejected"],
                         "reason": ["empty file", None, "no event found: it names 'X' but gives no date with a year"]})
    texts = pd.DataFrame({"article_id": ["a", "b", "z"], "text": ["t", "some text", "  "]})
    rej = queries.rejected_articles(arts, texts)
    assert rej[["article_id", "has_text"]].values.tolist() == [["b", True], ["z", False]]
    assert [queries.waits_for_its_date(r) for r in rej["reason"]] == [True, False]
    assert not queries.waits_for_its_date(None)
    box = queries.rejected_reason_html("it names '<X>'")
    assert "<b>Rejected:</b> it names &#x27;&lt;X&gt;&#x27;" in box


def test_corrections_log_puts_stale_rows_first_in_file_order() -> None:
    log = pd.DataFrame({"action": ["set", "remove-country", "add-theme", "confirm-person"],
                        "target": ["venue", "FRA", "economy", "X"], "who": ["a", "b", "c", "d"],
                        "status": ["applied", "stale", "applied", "stale"], "detail": ["d1", "d2", "d3", "d4"]})
    out = queries.corrections_log(log)
    assert out["target"].tolist() == ["FRA", "X", "venue", "economy"]
    assert list(out.columns) == ["status", "detail", "action", "target", "who"]
    assert queries.corrections_log(log.iloc[0:0]).empty


# --- the pages, on a real build -------------------------------------------------------------------

@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    """A copy of the seeds and its build with two corrections (one applied, one stale), then an upload of
    three files through maintenance.add_and_rebuild: a new article, the year-less report and a copy of a
    seed (already present). The app is pointed at all three folders."""
    seeds, out = tmp_path / "seeds", tmp_path / "build"
    fixes = tmp_path / "corrections.csv"   # the default place: beside the seeds folder
    shutil.copytree(REPO / "seeds", seeds)
    record(fixes, Correction("confirm-country", RCDD, RCDD_ARTICLE, "IDN", note="named as host"))
    record(fixes, Correction("remove-country", RCDD, RCDD_ARTICLE, "FRA", note="not there"))
    build(seeds, out, corrections=fixes)
    files = [("forum.txt", (REPO / "tests" / "articles" / "en_singapore_forum.txt").read_bytes()),
             ("no_year.txt", NO_YEAR.encode()), ("copy.txt", (seeds / f"{RCDD_ARTICLE}.txt").read_bytes())]
    done = maintenance.add_and_rebuild(files, seeds, out)
    assert done.error is None
    assert [r["upload"] for r in done.uploads] == [SAVED, SAVED, ALREADY_PRESENT]
    for k, v in (("DASHBOARD_BUILD_DIR", out), ("DASHBOARD_SEEDS_DIR", seeds), ("DASHBOARD_CORRECTIONS", fixes)):
        monkeypatch.setenv(k, str(v))
    return {"out": out, "fixes": fixes, "rebuilt": {"report": done.report, "uploads": done.uploads},
            "tables": read_tables(out)}


def run_page(page: str, query: dict | None = None, state: dict | None = None) -> AppTest:
    """A fresh session opened straight on `page` with the query parameters (a link) and session state."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    for k, v in (state or {}).items():
        at.session_state[k] = v
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _table_with(at: AppTest, column: str) -> pd.DataFrame:
    (df,) = [d.value for d in at.dataframe if column in d.value.columns]
    return df


def test_sources_marks_the_articles_this_sessions_upload_added(site) -> None:
    at = run_page("views/sources.py", state={"src_last_rebuild": site["rebuilt"]})
    # the reader's picker: the new article is marked, the seed uploaded again is not
    labels = at.selectbox(key="src_article").options
    marked = [x for x in labels if x.startswith(NEW_MARK)]
    assert [x.removeprefix(NEW_MARK).split(" · ")[0] for x in marked] == ["forum"]
    assert any(x.startswith(f"{RCDD_ARTICLE} · ") for x in labels), "already present: not new"
    # the Articles table (the one with n_words) says which rows are new
    arts = _table_with(at, "n_words")
    assert set(arts.loc[arts[queries.NEW_COLUMN], "article_id"]) == {"forum"}
    # the rejected upload is marked in the rejected table and opens first in the rejected reader
    rej = _table_with(at, "reason")
    assert rej.loc[rej["article_id"] == "no_year", queries.NEW_COLUMN].tolist() == [True]
    assert at.selectbox(key="src_rejected_article").value == "no_year"

    fresh = run_page("views/sources.py")  # another session uploaded nothing: nothing is marked
    assert not [x for x in fresh.selectbox(key="src_article").options if x.startswith(NEW_MARK)]
    assert queries.NEW_COLUMN not in _table_with(fresh, "n_words").columns


def test_the_reader_links_the_event_to_its_card_on_the_timeline(site) -> None:
    at = run_page("views/sources.py", query={"country": "AUS"})
    at.selectbox(key="src_article").set_value(RCDD_ARTICLE).run()
    name = site["tables"]["events"].set_index("event_id").loc[RCDD, "name"]
    (cap,) = [c.value for c in at.caption if c.value.startswith("<div>Reports: ")]
    href = html.unescape(cap.split('href="', 1)[1].split('"', 1)[0])
    assert href == f"timeline?country=AUS&card={RCDD}" and f">{html.escape(name)}</a>" in cap
    # following the link opens that card, filters kept
    query = {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}
    tl = run_page("views/timeline.py", query=query)
    assert tl.selectbox(key="tl_event").value == RCDD
    assert any(name in h.value for h in tl.subheader), "its card is open"
    assert tl.query_params["country"] == "AUS", "the filters are kept"

    # an article opened by a link although the filters leave out its event: the card opens without them
    arts = site["tables"]["articles"]
    other, event = arts[(arts["status"] == "included") & (arts["event_id"] != RCDD)].iloc[0][["article_id", "event_id"]]
    at = run_page("views/sources.py", query={"event": RCDD, "article": other})
    assert at.selectbox(key="src_article").value == other
    (cap,) = [c.value for c in at.caption if c.value.startswith("<div>Reports: ")]
    assert f'href="timeline?card={event}"' in cap


def test_a_rejected_article_can_be_read_with_its_reason_and_what_to_do(site) -> None:
    at = run_page("views/sources.py")
    assert at.selectbox(key="src_rejected_article").value == "no_year"
    shown = [m.value for m in at.markdown]
    (reason,) = [m for m in shown if "<b>Rejected:</b>" in m]
    assert "gives no date with a year" in reason and "&#x27;first ASEAN Digital Ministers Meeting&#x27;" in reason
    assert [i.value for i in at.info if "Review and correct page" in i.value and "makes it an event" in i.value]
    assert '<div><a href="review" target="_self">Set its date on Review and correct →</a></div>' in shown
    (body,) = [m for m in shown if "ADGMIN1" in m]
    assert "The *ministers* set aside $5 and $6 for &lt;b&gt;pilots&lt;/b&gt;" in body, "shown as written, escaped"
    assert "<b>pilots" not in body and "\n\n" not in body
    # the page alone (no app.py navigation) reads it too, the link keeping the filters
    alone = AppTest.from_file(str(REPO / "dashboard" / "views" / "sources.py"), default_timeout=TIMEOUT)
    alone.query_params["country"] = "AUS"
    alone.run()
    assert not alone.exception, [e.value for e in alone.exception]
    assert [m.value for m in alone.markdown if 'href="review?country=AUS"' in m.value]


def test_the_data_page_has_outcomes_and_the_corrections_log(site) -> None:
    at = run_page("views/data.py")
    labels = [t.label for t in at.tabs]
    n_outcomes = len(site["tables"]["outcomes"])
    assert f"outcomes ({n_outcomes})" in labels
    assert "Corrections log (2, 1 stale)" in labels and labels[-1] == "Codebook"
    log = _table_with(at, "detail")
    assert log[["status", "action", "target"]].values.tolist() == [
        ["stale", "remove-country", "FRA"], ["applied", "confirm-country", "IDN"]]
    assert log.loc[0, "detail"] == f"FRA is not a participant of {RCDD}"
    (cap,) = [c.value for c in at.caption if "corrections file" in c.value]
    assert f"`{site['fixes']}`" in cap and "`python -m data_prep correct`" in cap and "Review and correct page" in cap
    assert n_outcomes
    assert _table_with(at, "document")["event_id"].tolist() == site["tables"]["outcomes"]["event_id"].tolist()
