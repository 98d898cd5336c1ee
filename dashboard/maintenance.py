"""The maintainer's workflow, without any UI: save uploaded articles into the seeds folder safely and
rebuild the tables. The Sources page calls these; they work the same from a script or a test.

Uploads never escape the seeds folder (only the file's base name is kept), never overwrite a file
(identical content is reported as already present; a different file with a taken name is saved
under a new name), and are checked with the pipeline's own decoder, so a file the build would
refuse outright (too large, empty, binary) is not stored at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from data_prep.load import MAX_BYTES, decode_bytes

Progress = Callable[[str, float], None]
ACCEPTED_SUFFIX = ".txt"
MAX_STEM_CHARS = 120  # long enough for any article slug, short enough for every file system

# What happened to an uploaded file.
SAVED = "saved"
RENAMED = "saved under a new name"
ALREADY_PRESENT = "already present"
SKIPPED = "skipped"

_UNSAFE_CHARS = re.compile(r"[^\w.\- ()]+")
_REBUILD_LOCK = threading.Lock()  # one rebuild at a time per app process (sessions share the build)


@dataclass(frozen=True)
class SavedFile:
    """The outcome for one uploaded file.

    name: the name as uploaded; status: one of SAVED, RENAMED, ALREADY_PRESENT, SKIPPED;
    saved_as: the file name in the seeds folder (the existing file when already present; None when
    skipped); reason: one plain sentence on what happened and why.
    """

    name: str
    status: str
    saved_as: str | None
    reason: str


def safe_name(name: str) -> str | None:
    """A file name safe to create in the seeds folder, or None when nothing usable is left.

    Keeps the base name only (either slash counts as a separator, so '../x.txt' and 'a\\b.txt'
    lose their folders), NFC-normalises it, replaces characters outside letters, digits, '._-()' and
    space with '_', drops leading dots and spaces (hidden files are ignored by the build), and
    lower-cases the extension.
    """
    base = unicodedata.normalize("NFC", re.split(r"[\\/]", name)[-1])
    base = _UNSAFE_CHARS.sub("_", base).strip().lstrip(". ")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem.strip(" .")[:MAX_STEM_CHARS].rstrip(" .")
    if not stem or stem.strip("_") == "":
        return None
    return f"{stem}.{suffix.lower()}" if suffix else stem


def _existing_hashes(seeds_dir: Path) -> dict[str, str]:
    """sha256 -> path relative to the seeds folder, for every regular non-hidden file in it."""
    out: dict[str, str] = {}
    for p in sorted(seeds_dir.rglob("*")):
        if p.is_file() and not p.name.startswith("."):
            try:
                out.setdefault(hashlib.sha256(p.read_bytes()).hexdigest(), p.relative_to(seeds_dir).as_posix())
            except OSError:
                continue
    return out


def _taken(seeds_dir: Path) -> set[str]:
    """Lower-cased names in the top of the seeds folder (case-insensitive file systems clash on case)."""
    return {p.name.lower() for p in seeds_dir.iterdir()}


def _candidates(name: str):
    """name, then stem-2.txt, stem-3.txt, ..."""
    yield name
    stem, _, suffix = name.rpartition(".")
    n = 2
    while True:
        yield f"{stem}-{n}.{suffix}"
        n += 1


def save_uploads(files: list[tuple[str, bytes]], seeds_dir: Path) -> list[SavedFile]:
    """Save uploaded (name, content) pairs into the seeds folder; one SavedFile per input, in order.

    Only .txt files are accepted. A file the pipeline's decoder refuses (larger than
    data_prep.load.MAX_BYTES, empty, binary) is skipped with that reason. Content identical to a
    file already in the seeds folder (or earlier in the same upload) is not saved again. A name
    already taken by different content gets the first free 'stem-N.txt'. Existing files are never
    overwritten, even by a concurrent upload (files are created exclusively).
    """
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise FileNotFoundError(f"seeds folder not found: {seeds_dir}")
    hashes = _existing_hashes(seeds_dir)
    results: list[SavedFile] = []
    for name, content in files:
        clean = safe_name(name)
        if clean is None:
            results.append(SavedFile(name, SKIPPED, None, "no usable file name"))
            continue
        if not clean.lower().endswith(ACCEPTED_SUFFIX):
            suffix = Path(clean).suffix or "none"
            results.append(SavedFile(name, SKIPPED, None,
                                     f"unsupported file type '{suffix}' (only .txt articles are accepted)"))
            continue
        if len(content) > MAX_BYTES:
            results.append(SavedFile(name, SKIPPED, None, f"too large ({len(content) / 1e6:.1f} MB; "
                                                          f"limit {MAX_BYTES / 1e6:.0f} MB)"))
            continue
        refused = decode_bytes(content).reason
        if refused:
            results.append(SavedFile(name, SKIPPED, None, refused))
            continue
        digest = hashlib.sha256(content).hexdigest()
        if digest in hashes:
            results.append(SavedFile(name, ALREADY_PRESENT, hashes[digest],
                                     f"identical content is already in the seeds folder as {hashes[digest]}"))
            continue
        taken = _taken(seeds_dir)
        try:
            for candidate in _candidates(clean):
                if candidate.lower() in taken:
                    continue
                try:
                    with open(seeds_dir / candidate, "xb") as fh:
                        fh.write(content)
                    break
                except FileExistsError:  # created meanwhile by someone else: try the next name
                    continue
        except OSError as exc:
            results.append(SavedFile(name, SKIPPED, None, f"cannot write to the seeds folder: {exc.strerror or exc}"))
            continue
        hashes[digest] = candidate
        if candidate != clean:
            reason = f"a different file named {clean} already exists; saved as {candidate}"
            results.append(SavedFile(name, RENAMED, candidate, reason))
        elif clean != name:
            results.append(SavedFile(name, SAVED, candidate, f"saved as {candidate} (name made safe)"))
        else:
            results.append(SavedFile(name, SAVED, candidate, f"saved as {candidate}"))
    return results


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


def rebuild(seeds_dir: Path, out_dir: Path, progress: Progress | None = None) -> dict:
    """Rebuild the tables from the seeds with data_prep.build.build; returns its build report.

    The build runs into a hidden staging folder inside out_dir and its files replace the old ones only
    once it has succeeded, so a failed build (the exception propagates) leaves the previous build
    whole. The report's out_dir names out_dir, not the staging folder. One rebuild at a time.
    """
    from data_prep.build import build

    seeds_dir, out_dir = Path(seeds_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with _REBUILD_LOCK:
        staging = Path(tempfile.mkdtemp(prefix=".rebuild-", dir=out_dir))
        try:
            report = build(seeds_dir, staging, progress=progress)
            report["out_dir"] = str(out_dir)
            (staging / "build_report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                                                       encoding="utf-8")
            names = sorted(p.name for p in staging.iterdir() if p.is_file())
            for name in [n for n in names if n != "build_report.json"] + ["build_report.json"]:
                (staging / name).replace(out_dir / name)  # the report last: it marks the build complete
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return report


def upload_outcomes(saved: list[SavedFile], report: dict) -> list[dict]:
    """One row per uploaded file: what the upload did and, for a file in the seeds folder, whether the
    build included it (or why it rejected it)."""
    built = {f.get("file"): f for f in report.get("files", [])}
    rows = []
    for s in saved:
        f = built.get(s.saved_as, {}) if s.saved_as else {}
        rows.append({"uploaded": s.name, "upload": s.status, "file in seeds": s.saved_as or "",
                     "build": f.get("status") or "", "build reason": f.get("reason") or "", "note": s.reason})
    return rows


def summary(report: dict) -> str:
    """One line on a build: files read, included, rejected, events found, and when."""
    counts = report.get("counts", {})
    return (f"Built {report.get('built_at', 'just now')}: {report.get('n_files', 0)} files read, "
            f"{report.get('n_included', 0)} included, {report.get('n_rejected', 0)} rejected; "
            f"{counts.get('events', 0)} events, {counts.get('participants', 0)} participant rows, "
            f"{counts.get('attendees', 0)} attendees, {counts.get('evidence', 0)} evidence sentences.")
