"""Make the briefing pack without a browser:

    python -m dashboard.brief --out brief.pptx [--build DIR] [--event ID] [--country ISO3]
                              [--theme CODE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--asean] [--only]
                              [--lang {en,id}]

Filters are repeatable and optional; the suffix of --out (.pptx or .pdf) picks the format; --lang the
language the pack is written in (English by default, `id` Bahasa Indonesia: the same tables, the findings
in Indonesian, quotes as they were said, each naming its language). The CLI's own messages stay English. If the build
folder holds no tables, they are built from the seeds first. Same implementation as the dashboard's
"Briefing pack" page (dashboard.exports.briefing.build_briefing).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

import data_prep
from dashboard import data, i18n
from dashboard.exports.briefing import DEFAULT_CHARTS, FORMATS, EmptyBriefing, build_briefing, theme_labels_for
from dashboard.exports.chart_export import ChromiumNotFound
from dashboard.state.filters import Filters, filter_options


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard.brief",
                                description="Write the briefing pack (PowerPoint or PDF) for a set of filters.")
    p.add_argument("--out", required=True, type=Path, help="output file; its suffix (.pptx or .pdf) picks the format")
    p.add_argument("--build", type=Path, default=None,
                   help="build folder with the tables (default: $DASHBOARD_BUILD_DIR or output/); built from the "
                        "seeds if it holds none")
    p.add_argument("--event", action="append", default=[], metavar="ID", help="event id (repeatable)")
    p.add_argument("--country", action="append", default=[], metavar="ISO3", help="ISO 3166 alpha-3 code (repeatable)")
    p.add_argument("--asean", action="store_true", help="ASEAN members only (the URL's asean=1)")
    p.add_argument("--only", action="store_true",
                   help="with --country: participants and attendees of the chosen countries only (the URL's only=1); "
                        "without it a country filter keeps its events with every participant")
    p.add_argument("--theme", action="append", default=[], metavar="CODE", help="theme code (repeatable)")
    p.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD", help="events ending on or after")
    p.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD", help="events starting on or before")
    p.add_argument("--chart", action="append", default=[], choices=DEFAULT_CHARTS,
                   help="include only these charts (repeatable; default: all)")
    p.add_argument("--lang", choices=tuple(i18n.LANGUAGES), default=i18n.DEFAULT_LANGUAGE,
                   help="the language the pack is written in: en (English, the default) or id (Bahasa Indonesia); "
                        "the dashboard's lang= parameter")
    return p


def _check(kind: str, given: list[str], known: dict[str, str], p: argparse.ArgumentParser) -> None:
    unknown = [v for v in given if v not in known]
    if unknown:
        shown = ", ".join(list(known)[:20]) + (" …" if len(known) > 20 else "")
        p.error(f"unknown {kind} {', '.join(unknown)}; this build has: {shown or 'none'}")


def main(argv: list[str] | None = None) -> int:
    p = parser()
    a = p.parse_args(argv)
    fmt = a.out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        p.error(f"--out must end in .pptx or .pdf (got {a.out.name!r})")
    if a.date_from and a.date_to and a.date_from > a.date_to:
        p.error(f"--from {a.date_from} is after --to {a.date_to}")
    started = time.perf_counter()
    build = a.build or data.build_dir()
    if not data.has_build(build):
        print(f"No tables in {build}: building them from {data.seeds_dir()} …", file=sys.stderr)
        data_prep.build(data.seeds_dir(), build)
    tables = data.read_tables(build)
    with i18n.language(a.lang):   # every text of the pack (theme labels too) in the chosen language
        return _write(a, p, build, tables, fmt, started)


def _write(a: argparse.Namespace, p: argparse.ArgumentParser, build: Path, tables: dict, fmt: str,
           started: float) -> int:
    labels = theme_labels_for(tables)
    options = filter_options(tables, labels)
    countries = [c.upper() for c in a.country]
    _check("event", a.event, options.events, p)
    _check("country", countries, options.countries, p)
    _check("theme", a.theme, options.themes, p)
    filters = Filters(events=tuple(a.event), countries=tuple(countries), themes=tuple(a.theme),
                      date_from=a.date_from, date_to=a.date_to, asean_only=a.asean, only_chosen=a.only)
    try:
        pack = build_briefing(tables, filters, a.chart or DEFAULT_CHARTS, fmt,
                              built_at=data.read_build_report(build).get("built_at"), theme_labels=labels,
                              lang=a.lang)
    except EmptyBriefing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ChromiumNotFound as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_bytes(pack)
    print(f"Wrote {a.out} ({fmt.upper()}, {len(pack) / 1024:.0f} KiB) in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
