"""The interface's languages (issue 21; dashboard/i18n.py, docs/TRANSLATING.md): the catalogs agree with the
code, every marked string of a translated module has its Indonesian, a page read in Indonesian shows no
English of its own, the locale's dates, numbers and country names come from CLDR, and switching language
keeps every filter and page parameter in the URL.

TRANSLATED lists the modules translated so far. It grows page by page; when every page is done it is
all of dashboard/ (then ALL_TRANSLATED = True below, and the list can go)."""

from __future__ import annotations

import ast
import html
import json
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from dashboard import i18n, labels
from dashboard.i18n import _

REPO = Path(__file__).resolve().parent.parent
DASHBOARD = REPO / "dashboard"
APP = str(DASHBOARD / "app.py")
POT = DASHBOARD / "locale" / "messages.pot"
PO_ID = DASHBOARD / "locale" / "id" / "LC_MESSAGES" / "messages.po"
TIMEOUT = 60

# Modules (paths under dashboard/) whose every word is marked and translated. Add a module here when you
# translate it (docs/TRANSLATING.md); add a page to TRANSLATED_PAGES when its view is done.
TRANSLATED = [
    "app.py", "i18n.py", "labels.py", "ui.py", "queries.py", "correct_ui.py", "data.py", "review.py",
    "maintenance.py", "search_ui.py", "safe_text.py", "theme_measures.py",
    "state/filter_state.py", "state/language_state.py",
    "figures/charts.py", "figures/trends.py", "figures/compare.py", "figures/partners.py",
    "figures/map_figures.py", "figures/geo.py",
    "views/overview.py", "views/timeline.py", "views/map.py", "views/themes.py", "views/trends.py",
    "views/people.py", "views/compare.py", "views/search.py", "views/sources.py", "views/review.py",
    "views/data.py", "views/briefing.py", "brief.py", "state/filters.py",
    "exports/briefing.py", "exports/briefing_plan.py", "exports/briefing_pdf.py", "exports/briefing_pptx.py",
    "exports/chart_export.py", "exports/export_ui.py", "exports/findings.py", "exports/notes.py",
    "exports/provenance.py", "exports/table_export.py",
]
TRANSLATED_PAGES = ["views/overview.py", "views/timeline.py", "views/map.py", "views/themes.py", "views/trends.py",
                    "views/people.py", "views/compare.py", "views/search.py", "views/sources.py",
                    "views/review.py", "views/data.py", "views/briefing.py"]   # AppTest pages read in Indonesian by the "no English left" tests

# The same keywords as the Makefile's i18n target (checked below).
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}

# English a translated page still shows because it comes from a module not yet translated. Each entry
# names its module; delete it when that module is translated (its texts then come through _()).
def _pending_texts() -> list[str]:
    from dashboard import data   # the codebook is a technical document, kept in English (the Data page says so)
    return [data.codebook_text() or ""]


PENDING_PATTERNS: list[str] = []   # a regex per text still pending, with its module named


# --- extraction and catalogs -------------------------------------------------------------------------

def extracted(paths: Iterable[str] | None = None) -> dict[str, set[str]]:
    """msgid (a plural's singular) -> the files (under dashboard/) it is marked in, as `make i18n` extracts
    them; only from `paths` when given."""
    wanted = None if paths is None else set(paths)
    out: dict[str, set[str]] = {}
    for filename, _lineno, message, _comments, _context in extract_from_dir(
            str(DASHBOARD), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()):
        filename = filename.replace("\\", "/")
        if wanted is not None and filename not in wanted:
            continue
        msgid = message[0] if isinstance(message, tuple) else message
        out.setdefault(msgid, set()).add(filename)
    return out


def catalog(path: Path):
    with path.open("rb") as fp:
        return read_po(fp)


def msgids(cat) -> set[str]:
    return {m.id[0] if isinstance(m.id, tuple) else m.id for m in cat if m.id}


def translated_entries(cat) -> dict[str, str]:
    """msgid -> msgstr for the entries a reader gets in Indonesian (not empty, not fuzzy)."""
    out = {}
    for m in cat:
        if not m.id or m.fuzzy:
            continue
        s = m.string[0] if isinstance(m.string, (tuple, list)) else m.string
        if s:
            out[m.id[0] if isinstance(m.id, tuple) else m.id] = s
    return out


def test_the_makefile_extracts_with_the_same_keywords_and_mapping() -> None:
    make = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "I18N_KEYS := --no-default-keywords -k _ -k N_ -k ngettext:1,2" in make
    assert "[python: **.py]" in (REPO / "babel.cfg").read_text(encoding="utf-8")


def test_the_template_is_up_to_date_with_the_code() -> None:
    """`make i18n` has been run since the last marked string changed: the .pot and the .po hold exactly
    the msgids the code marks (locations aside)."""
    code = set(extracted())
    pot = msgids(catalog(POT))
    assert code - pot == set(), f"marked in the code but not in {POT.name}: run `make i18n`"
    assert pot - code == set(), f"in {POT.name} but no longer in the code: run `make i18n`"
    assert msgids(catalog(PO_ID)) == pot, "the Indonesian .po is not merged with the template: run `make i18n`"


def test_every_marked_string_of_a_translated_module_has_its_indonesian() -> None:
    """Grows with TRANSLATED; fails when a marked string of a translated module is missing, empty or
    fuzzy in the Indonesian catalog (a fuzzy entry reads in English)."""
    marked = extracted(TRANSLATED)
    assert marked, "nothing extracted from the TRANSLATED modules"
    have = translated_entries(catalog(PO_ID))
    missing = {m: sorted(f) for m, f in marked.items() if m not in have}
    assert not missing, f"no Indonesian (or fuzzy) in {PO_ID.relative_to(REPO)}: {missing}"


PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def test_every_translation_keeps_its_placeholders_and_markdown() -> None:
    """A msgstr names the same {placeholders} as its msgid (else .format() fails in one language only) and
    keeps its bold markers."""
    bad = []
    for m in catalog(PO_ID):
        if not m.id or m.fuzzy:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = [s for s in (m.string if isinstance(m.string, (tuple, list)) else (m.string,)) if s]
        for s in strings:
            if sorted(set(PLACEHOLDER.findall(s))) != sorted(set(PLACEHOLDER.findall(ids[-1]))):
                bad.append((ids[0], s, "placeholders"))
            if s.count("**") != ids[0].count("**"):
                bad.append((ids[0], s, "bold markers"))
    assert not bad, bad


def _calls(tree: ast.AST) -> Iterable[ast.Call]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS:
            yield node


def test_every_marked_call_is_seen_by_extraction() -> None:
    """_(), N_() and ngettext() take a literal (gettext looks the msgid up as written: an f-string or a
    concatenation at run time is never found), and none hides inside an f-string, where pybabel does not
    look. `_(CONSTANT)` is allowed: it translates an N_() constant."""
    found = set(extracted())
    wrong = []
    for path in sorted(DASHBOARD.rglob("*.py")):
        rel = path.relative_to(DASHBOARD).as_posix()
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            arg = call.args[0] if call.args else None
            if isinstance(arg, ast.JoinedStr):
                wrong.append(f"{rel}:{call.lineno}: {call.func.id}(f'…') — use _('… {{x}} …').format(x=…)")
            elif isinstance(arg, ast.BinOp):
                wrong.append(f"{rel}:{call.lineno}: {call.func.id}(a + b) — one literal per message")
            elif isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in found:
                wrong.append(f"{rel}:{call.lineno}: {arg.value[:50]!r} is not extracted (inside an f-string?)")
    assert not wrong, "\n".join(wrong)


def test_fuzzy_and_empty_entries_read_in_english(tmp_path, monkeypatch) -> None:
    po = tmp_path / "id" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Language: id\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
                  'msgid "Events"\nmsgstr "Acara"\n\n#, fuzzy\nmsgid "Countries"\nmsgstr "Negara"\n\n'
                  'msgid "Themes"\nmsgstr ""\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.reload_catalogs()
    try:
        with i18n.language("id"):
            assert (_("Events"), _("Countries"), _("Themes"), _("")) == ("Acara", "Countries", "Themes", "")
    finally:
        monkeypatch.undo()
        i18n.reload_catalogs()


# --- the language itself and the locale's forms ------------------------------------------------------

def test_language_is_per_context_and_defaults_to_english() -> None:
    assert i18n.current_language() == "en" and _("Overview") == "Overview"
    with i18n.language("id"):
        assert i18n.current_language() == "id" and _("Overview") == "Ikhtisar"
        with i18n.language("xx"):   # unknown: the default
            assert i18n.current_language() == "en"
        assert i18n.ngettext("{n} widget never marked", "{n} widgets never marked", 2) == \
            "{n} widgets never marked"   # not in the catalog: English
        assert i18n.ngettext("{n} event", "{n} events", 2) == "{n} acara"   # Indonesian has one plural form
    assert i18n.current_language() == "en"
    assert i18n.normalise(" ID ") == "id" and i18n.normalise(None) == "en"
    assert i18n.N_("Host") == "Host"


def test_dates_numbers_and_countries_follow_cldr() -> None:
    """CLDR facts: 'Filipina' and 'Selandia Baru' are Indonesian's names for the Philippines and New Zealand;
    Indonesian writes 10 September 2019 and groups thousands with a dot (1.234)."""
    d = date(2019, 9, 10)
    assert i18n.format_date(d, "en") == i18n.format_date(d, "id") == "10 September 2019"
    assert i18n.format_date(pd.Timestamp("2019-08-01"), "id", format="medium") == "1 Agu 2019"
    assert i18n.format_date(pd.Timestamp("2019-08-01"), "en", format="medium") == "1 Aug 2019"
    assert i18n.format_date(pd.NaT) == i18n.format_date(None) == ""
    with i18n.language("id"):
        assert i18n.format_number(1234) == "1.234" and i18n.format_number(0.5) == "0,5"
        assert (i18n.country_name("PHL"), i18n.country_name("NZL")) == ("Filipina", "Selandia Baru")
        assert i18n.country_name("MMR") == "Myanmar"   # CLDR's "(Burma)" dropped, as data_prep.countries does
        assert i18n.format_date(d) == "10 September 2019"
    assert i18n.format_number(1234) == "1,234" and i18n.format_number(1234, "id") == "1.234"
    assert (i18n.country_name("PHL"), i18n.country_name("NZL")) == ("Philippines", "New Zealand")
    assert i18n.country_name("XKX", "Kosovo") == "Kosovo" and i18n.country_name("ZZZ") == "ZZZ"


def test_english_month_abbreviations_match_what_the_app_wrote_before() -> None:
    """labels.date_span now takes its month names from CLDR: English must read as strftime's %b did."""
    for month in range(1, 13):
        day = pd.Timestamp(2019, month, 3)
        assert labels.date_span(day, None) == f"3 {day:%b %Y}"


def test_labels_in_indonesian() -> None:
    with i18n.language("id"):
        assert labels.role_label("co_chair") == "Ketua bersama" and labels.role_label("host") == "Tuan rumah"
        assert labels.empty_text() == "tidak disebutkan" == labels.fmt_date(None)
        assert labels.date_span(pd.Timestamp("2019-08-30"), pd.Timestamp("2019-09-01")) == "30 Agu 2019 – 1 Sep 2019"
        assert labels.event_label({"start_date": None, "name": "X"}) == "tanpa tanggal · X"
        assert labels.new_mark() == "🆕 baru · " and labels.origin_label("extracted") == ""
    assert labels.role_label("co_chair") == "Co-chair" and labels.empty_text() == labels.EMPTY_TEXT == "not stated"
    assert labels.new_mark() == labels.NEW_MARK


# --- the app in Indonesian ---------------------------------------------------------------------------

def run_app(page: str | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if page and page != "views/overview.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_page(page: str, query: dict) -> AppTest:
    """A fresh session opened straight on `page` with the query parameters (lists for a repeated key), as a
    shared link opens it."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def headers(at: AppTest) -> list[list[str]]:
    """Each table's headers as a reader sees them (column_config labels, else the column names)."""
    out = []
    for df in at.dataframe:
        config = json.loads(df.proto.columns or "{}")
        out.append([str((config.get(str(c)) or {}).get("label", c)) for c in df.value.columns])
    return out


def url(at: AppTest) -> dict[str, list[str]]:
    return {k: at.query_params.get_all(k) if hasattr(at.query_params, "get_all") else
            ([v] if isinstance(v, str) else list(v)) for k, v in at.query_params.items()}


def visible_texts(at: AppTest) -> list[str]:
    """Every text a reader sees on the run's page and sidebar: titles, headers, captions, Markdown, alerts,
    metric labels and help, widget labels, help, placeholders and options, expander and tab labels, table
    headers."""
    out: list[str] = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning", "error", "success",
                 "text"):
        out += [e.value for e in getattr(at, kind)]
    for m in at.metric:
        out += [m.label, m.help or ""]
    for kind in ("selectbox", "multiselect", "radio", "toggle", "checkbox", "slider", "select_slider", "button",
                 "number_input", "text_input", "text_area", "date_input"):
        for w in getattr(at, kind):
            out += [getattr(w, "label", ""), getattr(w, "help", "") or "", getattr(w, "placeholder", "") or ""]
            out += [str(o) for o in (getattr(w, "options", None) or [])]
    for w in at.get("segmented_control"):
        out += [w.label, w.help or "", *map(str, w.options)]
    out += [e.label for e in at.expander] + [t.label for t in at.tabs]
    out += [h for table in headers(at) for h in table]
    return [t for t in out if t and t.strip()]


def data_values(tables: dict, theme_labels: dict) -> list[str]:
    """What the data itself says (names, titles, quotes, sentences, places, outlets): never translated, so
    removed from a page's text before looking for English. Longest first."""
    cols = {"events": ["name", "acronym", "city", "venue", "tagline", "event_type"],
            "participants": ["country"], "attendees": ["name", "title", "organization"],
            "articles": ["title", "outlet", "author", "source_file", "url", "article_id"],
            "evidence": ["sentence"], "outcomes": ["sentence", "document"], "theme_catalog": ["label", "definition"]}
    values = {*theme_labels.values(), *i18n.LANGUAGES.values(), str(REPO), "ASEAN"}
    for table, names in cols.items():
        df = tables.get(table)
        for c in names if df is not None else ():
            if c in df.columns:
                values |= {str(v) for v in df[c].dropna().unique() if len(str(v).strip()) >= 2}
    for code in tables["participants"]["iso3"].dropna().unique():
        values |= {i18n.country_name(code, lang="en"), i18n.country_name(code, lang="id")}
    return sorted(values, key=len, reverse=True)


ENGLISH = {"the", "of", "and", "with", "from", "to", "is", "are", "this", "that", "their", "its", "by", "for",
           "each", "which", "event", "events", "country", "countries", "no", "not", "only", "all", "or", "in",
           "on", "at", "per", "page", "filters", "sources", "articles", "themes", "people", "shown", "none"}


def english_left(texts: list[str], strip: list[str]) -> list[str]:
    """The texts that still read as English once data values, pending texts, code and links are removed:
    two English words or more, or one of the English msgids the catalog translates."""
    translated = {m for m, s in translated_entries(catalog(PO_ID)).items() if s != m}
    left = []
    for text in texts:
        rest = text
        for pending in _pending_texts():
            rest = rest.replace(pending.strip(), " ")
        rest = html.unescape(re.sub(r"<[^>]*>", " ", rest))   # what HTML shows: no tags, no link addresses
        for pattern in PENDING_PATTERNS:
            rest = re.sub(pattern, " ", rest)
        for v in strip:
            if v in rest:
                rest = rest.replace(v, " ")
        rest = re.sub(r"https?://\S+|`[^`]*`|\d[\d.,:–\-]*", " ", rest)
        words = [w.lower() for w in re.findall(r"[A-Za-z']+", rest)]
        if sum(w in ENGLISH for w in words) >= 2 or rest.strip() in translated:
            left.append(text)
    return left


@pytest.fixture(scope="module")
def data_strings(build_dir: Path, tables: dict, theme_labels: dict) -> list[str]:
    return data_values(tables, theme_labels)


@pytest.mark.parametrize("page", TRANSLATED_PAGES)
@pytest.mark.parametrize("query", [{}, {"country": "IDN"}], ids=["unfiltered", "country"])
def test_a_translated_page_shows_no_english_in_indonesian(build_dir: Path, data_strings, page: str,
                                                          query: dict) -> None:
    """"A string shown on a page is not marked": with lang=id, nothing of the page's own reads as English
    (the data's names, quotes and sentences aside)."""
    at = run_app(page, {"lang": "id", **query})
    texts = visible_texts(at)
    assert texts
    left = english_left(texts, data_strings)
    assert not left, "English on the page in Indonesian (mark it with _() and translate it):\n" + "\n".join(left)


def test_the_detector_finds_english(data_strings) -> None:
    """The check above is not vacuous: the same page in English is caught."""
    at = run_app(None, {"country": "IDN"})
    assert len(english_left(visible_texts(at), data_strings)) >= 5


def test_overview_in_indonesian(build_dir: Path) -> None:
    at = run_app(None, {"lang": "id"})
    with i18n.language("id"):
        assert at.title[0].value == _("ASEAN digital diplomacy at a glance") == "Sekilas diplomasi digital ASEAN"
    labels_ = [m.label for m in at.metric]
    assert labels_[:2] == ["Acara", "Negara"] and "Artikel sumber" in labels_
    assert at.selectbox(key="ui_lang").value == "id"
    assert at.sidebar.header[0].value == "Filter"
    assert at.multiselect(key="flt_countries").placeholder == "Semua negara"
    assert any("Berjalan luring" in c.value for c in at.caption)   # the footer
    pages = getattr(at, "_registered_pages", None)   # AppTest's record of st.navigation (not public API)
    if pages:   # the navigation's titles are Indonesian; the url_paths (links) stay as they are
        nav = {v.get("url_pathname"): v.get("page_name") for v in pages.values()}
        assert nav[""] == "Ikhtisar" and nav["timeline"] == "Lini masa" and nav["briefing"] == "Bahan paparan"


def test_english_stays_the_default(build_dir: Path) -> None:
    at = run_app()
    assert at.title[0].value == "ASEAN digital diplomacy at a glance"
    assert at.selectbox(key="ui_lang").value == "en" and "lang" not in at.query_params
    assert "lang" not in run_app(None, {"lang": "xx"}).query_params   # an unknown language: the default


def test_switching_language_keeps_every_filter_and_page_param(build_dir: Path, tables) -> None:
    event_id = str(tables["events"].sort_values("start_date")["event_id"].iloc[-1])
    at = run_app(None, {"lang": "id", "country": "IDN", "event": event_id, "asean": "1"})
    assert url(at) == {"lang": ["id"], "country": ["IDN"], "event": [event_id], "asean": ["1"]}
    at.selectbox(key="ui_lang").set_value("en").run()
    assert not at.exception
    assert url(at) == {"country": ["IDN"], "event": [event_id], "asean": ["1"]}
    assert at.title[0].value == "ASEAN digital diplomacy at a glance"
    assert at.multiselect(key="flt_countries").value == ["IDN"] and at.toggle(key="flt_asean_only").value
    at.selectbox(key="ui_lang").set_value("id").run()
    assert url(at) == {"lang": ["id"], "country": ["IDN"], "event": [event_id], "asean": ["1"]}
    at.switch_page("views/timeline.py").run()   # a page switch keeps the language, like the filters
    assert url(at)["lang"] == ["id"] and url(at)["country"] == ["IDN"]

    card = AppTest.from_file(APP, default_timeout=TIMEOUT)   # a page's own parameter too: a link to a card
    card.query_params["lang"], card.query_params["card"] = "id", event_id   # (the newest: not the default card)
    card.switch_page("views/timeline.py").run()
    assert url(card) == {"lang": ["id"], "card": [event_id]}
    card.selectbox(key="ui_lang").set_value("en").run()
    assert not card.exception and url(card) == {"card": [event_id]}


def test_a_page_run_on_its_own_takes_the_language_from_the_url(build_dir: Path) -> None:
    at = AppTest.from_file(str(DASHBOARD / "views" / "overview.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = "id"
    at.run()
    assert not at.exception and at.title[0].value == "Sekilas diplomasi digital ASEAN"


def test_cached_page_results_are_kept_per_language(build_dir: Path) -> None:
    """context.derived keys on the language: an English session after an Indonesian one with the same
    filters gets English."""
    from dashboard.state import context

    base = context.PageContext(build_dir=build_dir, tables={}, filtered={}, filters=context.filters.Filters(),
                               options=None, theme_labels={}, signature="i18n-test")
    with i18n.language("id"):
        assert context.derived(base, "word", lambda: _("Overview")) == "Ikhtisar"
    assert context.derived(base, "word", lambda: _("Overview")) == "Overview"
    assert context.per_build(base, "word", lambda: _("Overview")) == "Overview"
    with i18n.language("id"):
        assert context.per_build(base, "word", lambda: _("Overview")) == "Ikhtisar"


def test_a_quote_on_the_card_carries_its_language_and_is_never_translated() -> None:
    """An evidence sentence stays as written; its element says its language (lang="id") and its source line
    names it in the reader's language (CLDR: Indonesian / bahasa Indonesia)."""
    from dashboard import queries, ui
    quote = "Menlu Retno menegaskan pentingnya diplomasi digital."
    e = queries.Evidence(quote, ["Indonesia"], "a01", "alinea.id · 2019-09-10", "sources?article=a01", None, "id")
    english = ui.evidence_html([e])
    with i18n.language("id"):
        indonesian = ui.evidence_html([e])
    for page in (english, indonesian):
        assert f'lang="id"' in page and f"“{quote}”" in page
    assert "in Indonesian" in english and "dalam bahasa Indonesia" in indonesian
    assert i18n.language_name("en", "id") == "Inggris" and i18n.language_name(None) is None


def test_search_hits_and_theme_evidence_name_their_quotes_language(tables: dict) -> None:
    """The sentence stays as written; where it comes from names the language it is in (the seeds are
    Indonesian): a search hit's source, a theme's evidence source."""
    from dashboard import queries, search_ui
    arts = tables["articles"]
    a = str(arts["article_id"].iloc[0])
    assert search_ui.article_sources(arts)[a].endswith("· in Indonesian")
    with i18n.language("id"):
        assert search_ui.article_sources(arts)[a].endswith("· dalam bahasa Indonesia")
    ev = tables["evidence"]
    theme = str(ev["theme"].iloc[0])
    groups = queries.theme_evidence_groups(ev, tables["events"], arts, theme)
    assert groups and all(source.endswith("· in Indonesian") for g in groups for _s, _c, source, _l in g.items)
