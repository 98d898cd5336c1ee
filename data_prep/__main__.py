"""Command line: `python -m data_prep build [--seeds DIR] [--out DIR]` builds the tables;
`python -m data_prep add FILE_OR_DIR... [--seeds DIR] [--out DIR]` adds articles and says what each added;
`python -m data_prep correct [--seeds DIR] [--out DIR] EVENT_ID ACTION ...` records an analyst's correction and rebuilds;
`python -m data_prep evaluate --corpus DIR --gold FILE` scores extraction against gold annotations;
`python -m data_prep codebook [--check]` regenerates (or checks) the codebook's column tables from the schema."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .build import build
from .publish import BuildBusy
from .parallel import ClusterError
from .corrections import ACTIONS

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the command. Exit status: 0 done; 1 nothing usable (`build`: no article
    included; `add`: nothing new added); 2 bad input (a missing path, a malformed corrections file, a
    correction that cannot apply, a build folder holding other files); 3 another build of the same
    folder is running (it waited 10 minutes)."""
    parser = argparse.ArgumentParser(prog="python -m data_prep", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="extract the tables from a folder of articles")
    b.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of article files (default: seeds/)")
    b.add_argument("--out", type=Path, default=ROOT / "output", help="where to write the tables (default: output/)")
    b.add_argument("--quiet", action="store_true", help="print only the summary")
    b.add_argument("--full", action="store_true", help="extract every article again (ignore the cache of unchanged ones)")
    e = sub.add_parser("evaluate", help="build a corpus and score it against gold annotations")
    e.add_argument("--corpus", type=Path, required=True, help="folder of article files")
    e.add_argument("--gold", type=Path, required=True, help="gold.json (events with articles, countries, people, themes)")
    e.add_argument("--out", type=Path, default=None, help="keep the built tables here (default: a temporary folder)")
    e.add_argument("--json", type=Path, default=None, help="also write the figures as JSON to this file")
    a = sub.add_parser("add", help="copy articles or saved web pages into the seeds folder, rebuild, and say what each added")
    a.add_argument("paths", type=Path, nargs="+", help="files or folders of articles (.txt, .md, .html, .htm)")
    a.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of article files (default: seeds/)")
    a.add_argument("--out", type=Path, default=ROOT / "output", help="where to write the tables (default: output/)")
    k = sub.add_parser("correct", help="record an analyst's correction of an event and rebuild",
                       description="Record one correction in the corrections file and rebuild. Actions: "
                       + "; ".join(f"{a} ({h})" for a, h in ACTIONS.items()))
    k.add_argument("event", metavar="EVENT_ID", help="the event (an old id works too); '-' for set-article-date")
    k.add_argument("action", choices=list(ACTIONS), metavar="ACTION", help=", ".join(ACTIONS))
    k.add_argument("args", nargs="+", metavar="ARG", help="ISO3, NAME, CODE, OTHER_EVENT_ID or ARTICLE_ID; "
                   "for set: FIELD VALUE; for set-article-date: ARTICLE_ID YYYY-MM-DD")
    k.add_argument("--evidence", default="", help="for add-*: the supporting sentence, copied from one of the event's articles")
    k.add_argument("--title", default="", help="for add-person: the person's title")
    k.add_argument("--organization", default="", help="for add-person: the person's organisation")
    k.add_argument("--country", default="", help="for add-person: the ISO3 code of the country the person represents")
    k.add_argument("--role", default="", help="for add-country: host, co_chair, participant (default), speaker_country")
    k.add_argument("--article", default="", help="for add-*: the article the evidence comes from, if several hold it")
    k.add_argument("--note", default="", help="why (kept with the correction)")
    k.add_argument("--who", default=os.environ.get("USER", ""), help="your name (default: $USER)")
    for p in (b, a, k):
        p.add_argument("--corrections", type=Path, default=None,
                       help="the corrections file (default: corrections.csv beside the seeds folder)")
        p.add_argument("--wait", type=float, default=600.0, metavar="SECONDS",
                       help="how long to wait for another build of the same folder (default: 600; then exit 3)")
    for p in (b, a, k):
        p.add_argument("--workers", type=_positive, default=None, metavar="N",
                       help="extract articles on N processes (default: all cores; 1: in this process)")
        p.add_argument("--dask", default=None, metavar="ADDRESS",
                       help="extract articles on the Dask cluster whose scheduler is at ADDRESS "
                       "(e.g. tcp://10.0.0.5:8786); needs the [cluster] extra on this machine and the workers")
    for p in (k,):
        p.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of article files (default: seeds/)")
        p.add_argument("--out", type=Path, default=ROOT / "output", help="the build folder (default: output/)")
    c = sub.add_parser("codebook", help="regenerate the codebook's column tables from data_prep/data/schema.csv")
    c.add_argument("--check", action="store_true", help="change nothing; exit 1 naming the tables that drifted")
    c.add_argument("--file", type=Path, default=None, help="the codebook to update (default: docs/CODEBOOK.md)")
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except BuildBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except ClusterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:   # a malformed corrections file, or a build folder that holds other files
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _positive(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def _run(args: argparse.Namespace) -> int:
    """Run one command (see main for the exit statuses)."""
    if args.command == "evaluate":
        return _evaluate(args)
    if args.command == "codebook":
        return _codebook(args)
    if args.command == "add":
        return _add(args)
    if args.command == "correct":
        return _correct(args)

    def progress(step: str, fraction: float) -> None:
        if not args.quiet:
            print(f"[{fraction:4.0%}] {step}", file=sys.stderr)

    try:
        report = build(args.seeds, args.out, progress, corrections=args.corrections, incremental=not args.full,
                       lock_wait_s=args.wait, workers=args.workers, dask_address=args.dask)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"Read {report['n_files']} files: {report['n_included']} included, {report['n_rejected']} rejected "
          f"({report['run_time_s']:.2f} s)")
    for f in report["files"]:
        if f["status"] == "rejected":
            print(f"  rejected {f['file']}: {f['reason']}")
    counts = ", ".join(f"{n} {name}" for name, n in report["counts"].items() if name != "articles_text")
    print(f"Wrote {counts} to {args.out}")
    fixes = report["corrections"]
    if fixes["n"]:
        print(f"Applied {fixes['applied']} of {fixes['n']} corrections from {fixes['file']}")
    for w in report["warnings"]:
        print(f"  warning: {w}")
    return 0 if report["n_included"] else 1


def _correct(args: argparse.Namespace) -> int:
    """Check the correction against the current build, record it, rebuild, and say what it did.
    Exit 2 when the build or seeds are missing or the correction cannot apply, else 0."""
    from .correction_input import BUILD_TABLES, prepare
    from .publish import read_build
    from .corrections import Correction, default_path, record
    if not (args.out / "events.csv").exists() or not args.seeds.is_dir():
        print(f"error: no build in {args.out} or no seeds folder {args.seeds}; run `python -m data_prep build` first",
              file=sys.stderr)
        return 2
    first, rest = args.args[0], args.args[1:]
    value = {"set": " ".join(rest), "set-article-date": rest[0] if rest else "", "add-country": args.role,
             "add-person": args.country}.get(args.action, "")
    if args.action in ("set", "set-article-date") and not rest:
        print(f"error: {args.action} needs a value: {args.action} {first} VALUE", file=sys.stderr)
        return 2
    c = Correction(action=args.action, event_id="" if args.event == "-" else args.event, target=first, value=value,
                   title=args.title, organization=args.organization, evidence=args.evidence,
                   article_id=args.article, note=args.note, who=args.who)
    try:
        c = prepare(read_build(args.out, BUILD_TABLES), c)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    path = args.corrections or default_path(args.seeds)
    record(path, c)
    report = build(args.seeds, args.out, corrections=path, lock_wait_s=args.wait, workers=args.workers,
                   dask_address=args.dask)
    row = report["corrections"]
    stale = [s for s in row["stale"] if s["when"] == c.when and s["action"] == c.action and s["target"] == c.target]
    print(f"Recorded in {path}: {c.action} {c.target} on {c.event_id or c.target}"
          + (f" ({c.note})" if c.note else ""))
    print(f"Rebuilt {args.out}: {row['applied']} of {row['n']} corrections applied, {len(row['stale'])} stale")
    for s in stale:
        print(f"  warning: this correction is stale: {s['detail']}")
    return 0


def _add(args: argparse.Namespace) -> int:
    """Copy files in (never over a different file), rebuild, and print what each new file contributed.
    Exit 2 when a path or the seeds folder is missing, 1 when no file was added, else 0."""
    from .contributions import describe_contributions, earlier_articles
    from .intake import add_articles
    files = []
    for path in args.paths:
        if not path.exists():
            print(f"error: not found: {path}", file=sys.stderr)
            return 2
        files += [p for p in sorted(path.iterdir()) if p.is_file() and not p.name.startswith(".")] if path.is_dir() else [path]
    if not args.seeds.is_dir():
        print(f"error: seeds folder not found: {args.seeds}", file=sys.stderr)
        return 2
    earlier = earlier_articles(args.out)
    saved = add_articles([(p.name, p.read_bytes()) for p in files], args.seeds)
    for s in saved:
        print(f"{s.name}: {s.status}" + (f" as {s.saved_as}" if s.saved_as and s.saved_as != s.name else "")
              + ("" if s.is_new else f" ({s.reason})"))
    new = [Path(s.saved_as).stem for s in saved if s.is_new]
    if not new:
        print("nothing new to add; the tables are unchanged")
        return 1
    report = build(args.seeds, args.out, corrections=args.corrections, lock_wait_s=args.wait, workers=args.workers,
                   dask_address=args.dask)
    print(f"Rebuilt {args.out}: {report['n_included']} of {report['n_files']} files included")
    for lines in describe_contributions(args.out, new, earlier).values():
        print("\n".join(lines))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    """Print the evaluation report (and write its figures as JSON when asked)."""
    from .evaluate import evaluate
    for path, what in ((args.corpus, "corpus folder"), (args.gold, "gold file")):
        if not path.exists():
            print(f"error: {what} not found: {path}", file=sys.stderr)
            return 2
    try:
        result = evaluate(args.corpus, args.gold, args.out)
    except (ValueError, KeyError) as exc:
        print(f"error: cannot read gold file {args.gold}: {exc}", file=sys.stderr)
        return 2
    print(result.render())
    if args.json:
        args.json.write_text(json.dumps(result.figures(), indent=2) + "\n", encoding="utf-8")
    return 0


def _codebook(args: argparse.Namespace) -> int:
    """Rewrite the codebook's schema blocks in place, or with --check report the drifted ones (exit 1)."""
    from . import codebook
    path = args.file or codebook.CODEBOOK
    if not path.exists():
        print(f"error: codebook not found: {path}", file=sys.stderr)
        return 2
    notes = codebook.drifted(path.read_text(encoding="utf-8"))
    if args.check:
        if notes:
            print(f"{path}: out of date with the schema: {', '.join(notes)}", file=sys.stderr)
            print("run `python -m data_prep codebook` to regenerate", file=sys.stderr)
            return 1
        print(f"{path}: every table matches the schema")
        return 0
    changed = codebook.update(path)
    left = codebook.drifted(path.read_text(encoding="utf-8"))
    print(f"{path}: {'updated' if changed else 'already up to date'}")
    if left:
        print(f"error: no place for these tables in {path.name}: {', '.join(left)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
