"""The URL contract (dashboard/state/url_contract.py) is the one definition of every query parameter: the filters,
the pages, the briefing CLI and the README all agree with it."""
from __future__ import annotations

import re
from dataclasses import fields
from datetime import date
from pathlib import Path

from dashboard.state import filters
from dashboard.state.url_contract import ALL_PAGES, URL_PARAMS, filter_keys, markdown_table, page_params, with_table

REPO = Path(__file__).resolve().parent.parent
VIEWS = REPO / "dashboard" / "views"

EVERY_FILTER = filters.Filters(events=("e1",), countries=("IDN",), themes=("economy",), date_from=date(2018, 1, 1),
                               date_to=date(2019, 12, 31), asean_only=True, only_chosen=True)


def app_url_paths() -> set[str]:
    """The app's page url_paths, read from dashboard/app.py: the view file's stem, "" for the default page."""
    source = (REPO / "dashboard" / "app.py").read_text(encoding="utf-8")
    pages = re.findall(r'st\.Page\(VIEWS / "(\w+)\.py"(.*?)\)\s*,?\s*\n', source)
    assert pages, "no st.Page(...) found in dashboard/app.py"
    return {"" if "default=True" in rest else stem for stem, rest in pages}


def readme_url_section() -> str:
    """The README's URL section: from "The sidebar filters are shared by every page" to the next heading."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("The sidebar filters are shared by every page")
    return text[start:text.index("\n## ", start)]


def test_every_filter_field_is_set_in_the_fixture() -> None:
    assert all(getattr(EVERY_FILTER, f.name) != getattr(filters.Filters(), f.name) for f in fields(filters.Filters))


def test_filter_params_are_exactly_the_shared_parameters() -> None:
    assert set(filters.filters_to_query_params(EVERY_FILTER)) == set(filter_keys())
    assert filters.QP_KEYS == filter_keys()


def test_filter_params_round_trip_through_the_url() -> None:
    qp = filters.filters_to_query_params(EVERY_FILTER)
    assert filters.filters_from_query_params(qp) == EVERY_FILTER


def test_page_params_are_the_spec_page_owned_parameters() -> None:
    assert filters.PAGE_PARAMS == page_params()
    owned = {p.name for p in URL_PARAMS if p.owner != ALL_PAGES}
    assert {n for names in filters.PAGE_PARAMS.values() for n in names} == owned


def test_the_qp_constants_are_in_the_spec_with_their_owner() -> None:
    owner = {p.name: p.owner for p in URL_PARAMS}
    shared = [filters.QP_EVENT, filters.QP_COUNTRY, filters.QP_THEME, filters.QP_FROM, filters.QP_TO,
              filters.QP_ASEAN, filters.QP_ONLY]
    assert all(owner.get(n) == ALL_PAGES for n in shared)
    assert owner.get(filters.QP_CARD) == "timeline"
    assert owner.get(filters.QP_ARTICLE) == owner.get(filters.QP_HL) == "sources"


def test_names_are_unique_and_every_row_is_filled() -> None:
    names = [p.name for p in URL_PARAMS]
    assert len(names) == len(set(names))
    assert all(p.name and p.values and p.owner and p.meaning for p in URL_PARAMS)


def test_every_owner_is_a_page_of_the_app() -> None:
    paths = app_url_paths()
    assert paths == {"", "timeline", "trends", "map", "themes", "people", "compare", "sources", "search", "data",
                     "review", "briefing"}
    assert paths - {""} | {"overview"} == {p.stem for p in VIEWS.glob("*.py") if p.stem != "__init__"}
    owners = {p.owner for p in URL_PARAMS} - {ALL_PAGES}
    assert owners <= paths, f"owners that are not pages of the app: {sorted(owners - paths)}"


def test_page_url_accepts_exactly_the_owned_parameters() -> None:
    for page, names in page_params().items():
        url = filters.page_url(page, filters.Filters(), **{n: "x" for n in names})
        assert all(f"{n}=x" in url for n in names)


def test_the_briefing_cli_has_a_flag_for_every_shared_parameter() -> None:
    from dashboard.brief import parser

    flags = {s for a in parser()._actions for s in a.option_strings}
    missing = [n for n in filter_keys() if f"--{n}" not in flags]
    assert not missing, f"dashboard.brief has no flag for {missing}"


def test_the_readme_url_section_names_every_parameter() -> None:
    section = readme_url_section()
    missing = [p.name for p in URL_PARAMS if f"{p.name}=" not in section]
    assert not missing, f"README's URL section does not mention {missing}"


def test_the_readme_url_table_is_generated_from_the_spec() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme_url_section()
    assert with_table(text) == text, "README's URL table is out of date: run `python -m dashboard.state.url_contract`"


def test_the_contract_module_does_not_import_streamlit() -> None:
    source = (REPO / "dashboard" / "state" / "url_contract.py").read_text(encoding="utf-8")
    assert "streamlit" not in source
