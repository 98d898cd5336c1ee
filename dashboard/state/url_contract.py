"""The URL contract as data: every query parameter a shared link may carry, its values, the page that owns
it ("all pages" for the sidebar filters and the interface's language) and what it means. dashboard.state.filters derives its keys from here,
and the README's URL table is generated from it (`python -m dashboard.state.url_contract [--check]`). No Streamlit."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ALL_PAGES = "all pages"
QP_LANG = "lang"   # the interface's language (dashboard.i18n.LANGUAGES); shared by every page, but no filter
README = Path(__file__).resolve().parents[2] / "README.md"
START, END = "<!-- url-params -->\n", "<!-- /url-params -->"


@dataclass(frozen=True)
class UrlParam:
    """One query parameter: its name, the form of its values, its owner (ALL_PAGES or a page's url_path), its meaning.
    `is_filter` is False for a parameter every page keeps that narrows nothing (the language): it is no field
    of dashboard.state.filters.Filters, and every page's URL rewrite carries it over."""

    name: str
    values: str
    owner: str
    meaning: str
    is_filter: bool = True


URL_PARAMS: tuple[UrlParam, ...] = (
    UrlParam("event", "event id (repeatable)", ALL_PAGES, "keep these events"),
    UrlParam("country", "ISO 3166-1 alpha-3 code (repeatable)", ALL_PAGES,
             "keep the events in which any of these countries took part, with all their participants"),
    UrlParam("theme", "theme code (repeatable)", ALL_PAGES, "keep the events with evidence for any of these themes"),
    UrlParam("from", "YYYY-MM-DD", ALL_PAGES, "keep the events ending on or after this day"),
    UrlParam("to", "YYYY-MM-DD", ALL_PAGES, "keep the events starting on or before this day"),
    UrlParam("asean", "1 (or true, yes, on)", ALL_PAGES, "ASEAN members only: narrow country rows to members"),
    UrlParam("only", "1 (or true, yes, on)", ALL_PAGES,
             "with `country`: narrow participants and attendees to the chosen countries' own rows"),
    UrlParam(QP_LANG, "en or id", ALL_PAGES,
             "the interface's language: `en` English (default), `id` Bahasa Indonesia; narrows nothing", is_filter=False),
    UrlParam("card", "event id", "timeline", "the event whose card is open"),
    UrlParam("article", "article id", "sources", "the article shown in the reader"),
    UrlParam("hl", "<start>-<end>", "sources",
             "character offsets of a sentence to highlight in that article"),
    UrlParam("measure", "n_events, share_events or n_sentences", "themes",
             "what the Themes page's first chart counts (default n_events: events touching each theme)"),
    UrlParam("q", "words", "search",
             "the search: sentences holding every word, by word family, in Indonesian or English"),
    UrlParam("compare", "ISO3 code (repeatable, 2-4)", "compare",
             "the countries the Compare page sets side by side (narrows nothing)"),
)


def filter_keys() -> tuple[str, ...]:
    """Names of the filters every page shares (the sidebar filters), in the spec's order."""
    return tuple(p.name for p in URL_PARAMS if p.owner == ALL_PAGES and p.is_filter)


def interface_keys() -> tuple[str, ...]:
    """Names of the parameters every page keeps that are no filter (the language)."""
    return tuple(p.name for p in URL_PARAMS if p.owner == ALL_PAGES and not p.is_filter)


def page_params() -> dict[str, tuple[str, ...]]:
    """Page url_path -> the names of the parameters that page owns, in the spec's order."""
    out: dict[str, tuple[str, ...]] = {}
    for p in URL_PARAMS:
        if p.owner != ALL_PAGES:
            out[p.owner] = out.get(p.owner, ()) + (p.name,)
    return out


def markdown_table() -> str:
    """The spec as a Markdown table, for the README."""
    lines = ["| parameter | values | page | meaning |", "|---|---|---|---|"]
    for p in URL_PARAMS:
        owner = p.owner if p.owner == ALL_PAGES else f"`{p.owner}`"
        lines.append(f"| `{p.name}=` | `{p.values}` | {owner} | {p.meaning} |")
    return "\n".join(lines) + "\n"


def with_table(text: str) -> str:
    """The README text with the block between the url-params markers regenerated."""
    i = text.index(START) + len(START)
    return text[:i] + markdown_table() + text[text.index(END, i):]


def main(argv: list[str] | None = None) -> int:
    """Rewrite the README's URL table; with --check change nothing and exit 1 when it is out of date."""
    parser = argparse.ArgumentParser(prog="python -m dashboard.state.url_contract", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 when README.md's URL table is out of date")
    parser.add_argument("--file", type=Path, default=README, help="the README to update (default: README.md)")
    args = parser.parse_args(argv)
    text = args.file.read_text(encoding="utf-8")
    new = with_table(text)
    if args.check:
        if new != text:
            print(f"{args.file}: the URL table is out of date; run `python -m dashboard.state.url_contract`", file=sys.stderr)
            return 1
        return 0
    if new != text:
        args.file.write_text(new, encoding="utf-8")
    print(f"{args.file}: {'updated' if new != text else 'already up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
