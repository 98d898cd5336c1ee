"""Adding articles to the seeds folder, and the one check of whether a file can be an article (used by
the build and by uploads alike, so an upload the build would refuse outright is never stored).

Added files never escape the seeds folder (only the base name is kept), never overwrite a file
(identical content is reported as already present; a different file with a taken name is saved under
a new name).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .load import MAX_BYTES, decode_bytes
from .webpage import WEB_SUFFIXES

TEXT_SUFFIXES = (".txt", ".text", ".md")  # plain-text articles
ARTICLE_SUFFIXES = TEXT_SUFFIXES + WEB_SUFFIXES   # and saved web pages; anything else is refused with that reason
MAX_STEM_CHARS = 120  # long enough for any article slug, short enough for every file system
MAX_FILES_PER_ADD = 1000  # one upload or `add`: enough for a month of news, bounded for a shared server

# What happened to an added file.
SAVED = "saved"
RENAMED = "saved under a new name"
ALREADY_PRESENT = "already present"
SKIPPED = "skipped"

_UNSAFE_CHARS = re.compile(r"[^\w.\- ()]+")


def unsupported_type(name: str) -> str | None:
    """Why a file name cannot be an article (its type), or None."""
    suffix = Path(name).suffix.lower()
    if suffix in ARTICLE_SUFFIXES:
        return None
    return (f"unsupported file type '{suffix or 'none'}' (expected a plain-text article or a saved web page: "
            f"{', '.join(ARTICLE_SUFFIXES)})")


def refusal(name: str, content: bytes) -> str | None:
    """Why a file cannot be an article at all (type, size, empty, binary, undecodable), or None."""
    return unsupported_type(name) or (
        f"too large ({len(content) / 1e6:.1f} MB; limit {MAX_BYTES / 1e6:.0f} MB)" if len(content) > MAX_BYTES
        else decode_bytes(content).reason)


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

    @property
    def is_new(self) -> bool:
        """Whether this file is new in the seeds folder (saved, under its name or another)."""
        return self.status in (SAVED, RENAMED)


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


def add_articles(files: list[tuple[str, bytes]], seeds_dir: Path) -> list[SavedFile]:
    """Save (name, content) pairs into the seeds folder; one SavedFile per input, in order.

    A file `refusal` rejects (not plain text, larger than MAX_BYTES, empty, binary) is skipped with
    that reason, as is every file past the first MAX_FILES_PER_ADD. Content identical to a
    file already in the seeds folder (or earlier in the same upload) is not saved again. A name
    already taken by different content gets the first free 'stem-N.txt'. Existing files are never
    overwritten, even by a concurrent upload (files are created exclusively).
    """
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise FileNotFoundError(f"seeds folder not found: {seeds_dir}")
    hashes = _existing_hashes(seeds_dir)
    results: list[SavedFile] = []
    for i, (name, content) in enumerate(files):
        if i >= MAX_FILES_PER_ADD:
            results.append(SavedFile(name, SKIPPED, None, f"more than {MAX_FILES_PER_ADD} files at once: "
                                     "add the rest in another upload"))
            continue
        clean = safe_name(name)
        if clean is None:
            results.append(SavedFile(name, SKIPPED, None, "no usable file name"))
            continue
        refused = refusal(clean, content)
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
