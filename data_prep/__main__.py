"""Command line: `python -m data_prep build [--seeds DIR] [--out DIR]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import build

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the build, print a short summary; exit 1 when no article was usable."""
    parser = argparse.ArgumentParser(prog="python -m data_prep", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="extract the tables from a folder of articles")
    b.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of article files (default: seeds/)")
    b.add_argument("--out", type=Path, default=ROOT / "output", help="where to write the tables (default: output/)")
    b.add_argument("--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args(argv)

    def progress(step: str, fraction: float) -> None:
        if not args.quiet:
            print(f"[{fraction:4.0%}] {step}", file=sys.stderr)

    try:
        report = build(args.seeds, args.out, progress)
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
    for w in report["warnings"]:
        print(f"  warning: {w}")
    return 0 if report["n_included"] else 1


if __name__ == "__main__":
    sys.exit(main())
