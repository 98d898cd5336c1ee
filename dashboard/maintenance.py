"""The maintainer's workflow, without any UI: add uploaded articles to the seeds folder (through
data_prep.add_articles) and rebuild the tables (through data_prep.build), one rebuild at a time,
reporting each upload's fate. The Sources page calls these; they work the same from a script or a test.
Texts a reader sees (the build summary, the upload report's headers and statuses, a failed correction)
are made in the interface's language (dashboard.i18n); the rows themselves keep the pipeline's English
codes, and the pipeline's own notes and reasons stay as it wrote them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import data_prep
from dashboard import i18n
from dashboard.i18n import N_, _

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


def not_in_seeds(report: dict, seeds_dir: Path) -> list[str]:
    """The files behind the current tables' included articles that the seeds folder does not hold (by
    name): a rebuild from it would drop them, as when the tables were built from another folder."""
    files = report.get("files") if isinstance(report, dict) else None
    if not files or not Path(seeds_dir).is_dir():
        return []
    there = {p.relative_to(seeds_dir).as_posix() for p in data_prep.list_inputs(Path(seeds_dir))}
    return [f["file"] for f in files if f.get("status") == "included" and f.get("file") not in there]


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
        return Corrected(None, error=_("the rebuild failed, so the correction was not kept: {error}").format(
            error=f"{type(exc).__name__}: {exc}"))
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


# The upload report's columns (upload_outcomes' keys, kept as they are) and how a reader sees them: msgids,
# translated where the table is shown (outcome_headers()).
OUTCOME_HEADERS = {"uploaded": N_("uploaded"), "upload": N_("upload"), "file in seeds": N_("file in seeds"),
                   "build": N_("build"), "build reason": N_("build reason"), "contributed": N_("contributed"),
                   "note": N_("note")}
# The statuses in its "upload" and "build" columns (data_prep's words), as a reader sees them.
OUTCOME_STATUSES = {data_prep.intake.SAVED: N_("saved"), data_prep.intake.RENAMED: N_("saved under a new name"),
                    data_prep.intake.ALREADY_PRESENT: N_("already present"), data_prep.intake.SKIPPED: N_("skipped"),
                    "included": N_("included"), "rejected": N_("rejected")}


def outcome_headers() -> dict[str, str]:
    """The upload report's column headers in the current language (for st.dataframe's column_config)."""
    return {col: _(label) for col, label in OUTCOME_HEADERS.items()}


def outcomes_for_display(rows: list[dict]) -> list[dict]:
    """upload_outcomes' rows for reading: the upload and build statuses in the current language (the
    file names, the pipeline's reasons and notes as written)."""
    def word(v):
        return _(OUTCOME_STATUSES[v]) if v in OUTCOME_STATUSES else v
    return [{**r, **{c: word(r[c]) for c in ("upload", "build") if c in r}} for r in rows]


def summary(report: dict) -> str:
    """One line on a build: files read, included, rejected, events found, and when (in the current
    language; the build's own timestamp as it wrote it)."""
    counts = report.get("counts", {})
    num = i18n.format_number
    return _("Built {built}: {files} files read, {included} included, {rejected} rejected; {events} events, "
             "{participants} participant rows, {attendees} attendees, {evidence} evidence sentences.").format(
        built=report.get("built_at") or _("just now"), files=num(report.get("n_files", 0)),
        included=num(report.get("n_included", 0)), rejected=num(report.get("n_rejected", 0)),
        events=num(counts.get("events", 0)), participants=num(counts.get("participants", 0)),
        attendees=num(counts.get("attendees", 0)), evidence=num(counts.get("evidence", 0)))
