"""The maintainer's workflow, without any UI: add uploaded articles to the seeds folder (through
data_prep.add_articles) and rebuild the tables (through data_prep.build), one rebuild at a time,
reporting each upload's fate. The Sources page calls these; they work the same from a script or a test.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import data_prep

Progress = Callable[[str, float], None]


def is_writable(folder: Path) -> bool:
    """True when a file can actually be created in the folder (checked by creating and removing one,
    which also catches read-only mounts and network shares where permission bits mislead)."""
    folder = Path(folder)
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        return False
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-check-"):
            pass
    except OSError:
        return False
    return True


def rebuild(seeds_dir: Path, out_dir: Path, progress: Progress | None = None, corrections: Path | None = None) -> dict:
    """Rebuild the tables with data_prep.build (which replaces the old build only once the new one has
    succeeded), applying the analysts' corrections file. One build at a time per build folder, across
    sessions and processes (the build's own lock: a second one waits). Returns the build report."""
    return data_prep.build(Path(seeds_dir), Path(out_dir), progress=progress, corrections=corrections)


@dataclass
class Corrected:
    """What one correction did: the row as recorded (None if refused), whether the build applied it
    or found it stale (with the detail), the build report, or why it was refused or failed."""

    correction: data_prep.Correction | None
    status: str = ""
    detail: str = ""
    report: dict | None = None
    error: str | None = None


def apply_correction(c: data_prep.Correction, tables: dict, seeds_dir: Path, out_dir: Path, corrections: Path,
                     progress: Progress | None = None) -> Corrected:
    """Check a correction against the build's tables (data_prep.prepare), record it in the corrections
    file and rebuild. A refused correction records nothing; if the rebuild fails, the row is taken out
    again, so the file never holds a row that breaks the build."""
    try:
        c = data_prep.prepare(tables, c)
    except ValueError as exc:
        return Corrected(None, error=str(exc))
    path = Path(corrections)
    before = path.read_bytes() if path.exists() else None
    data_prep.record(path, c)
    try:
        report = rebuild(seeds_dir, out_dir, progress, corrections=path)
    except Exception as exc:  # noqa: BLE001 - shown to the analyst; the previous build stands
        if before is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(before)
        return Corrected(None, error=f"the rebuild failed, so the correction was not kept: {type(exc).__name__}: {exc}")
    stale = [r for r in report["corrections"]["stale"]
             if (r["when"], r["action"], r["target"]) == (c.when, c.action, c.target)]
    if stale:
        return Corrected(c, "stale", stale[0]["detail"], report)
    return Corrected(c, "applied", "", report)


@dataclass
class Rebuilt:
    """What adding files and rebuilding did: the report (None if the build failed), one row per
    uploaded file, and the build's exception if it failed (the previous build is then untouched)."""

    report: dict | None
    uploads: list[dict] = field(default_factory=list)
    error: Exception | None = None


def add_and_rebuild(files: list[tuple[str, bytes]], seeds_dir: Path, out_dir: Path, *, save: bool = True,
                    progress: Progress | None = None, corrections: Path | None = None) -> Rebuilt:
    """The Sources page's "Rebuild" button: save the uploads into the seeds folder (when `save`), rebuild,
    and say what became of each file."""
    earlier = data_prep.earlier_articles(out_dir)
    saved = data_prep.add_articles(files, seeds_dir) if save and files else []
    try:
        report = rebuild(seeds_dir, out_dir, progress=progress, corrections=corrections)
    except Exception as exc:  # reported to the maintainer, with the traceback, by the page
        return Rebuilt(None, upload_outcomes(saved, {}), exc)
    new = [Path(s.saved_as).stem for s in saved if s.is_new]
    added = data_prep.describe_contributions(out_dir, new, earlier) if new else {}
    return Rebuilt(report, upload_outcomes(saved, report, added))


def upload_outcomes(saved: list[data_prep.SavedFile], report: dict,
                    added: dict[str, list[str]] | None = None) -> list[dict]:
    """One row per uploaded file: what the upload did and, for a file in the seeds folder, whether the
    build included it (or why it rejected it) and, for a new file, what it contributed (the event it
    created or joined, its countries, people and themes; data_prep.describe_contributions)."""
    built = {f.get("file"): f for f in report.get("files", [])}
    added = added or {}
    rows = []
    for s in saved:
        f = built.get(s.saved_as, {}) if s.saved_as else {}
        said = added.get(Path(s.saved_as).stem, []) if s.saved_as else []
        contributed = "; ".join(x.strip() for x in said).split(": ", 1)[-1] if said else ""
        rows.append({"uploaded": s.name, "upload": s.status, "file in seeds": s.saved_as or "",
                     "build": f.get("status") or "", "build reason": f.get("reason") or "",
                     "contributed": contributed, "note": s.reason})
    return rows


def summary(report: dict) -> str:
    """One line on a build: files read, included, rejected, events found, and when."""
    counts = report.get("counts", {})
    return (f"Built {report.get('built_at', 'just now')}: {report.get('n_files', 0)} files read, "
            f"{report.get('n_included', 0)} included, {report.get('n_rejected', 0)} rejected; "
            f"{counts.get('events', 0)} events, {counts.get('participants', 0)} participant rows, "
            f"{counts.get('attendees', 0)} attendees, {counts.get('evidence', 0)} evidence sentences.")
