"""Where a build lives and how it is swapped in. Each build is written whole into its own folder under
`.<name>.builds/` beside the build folder; the build folder itself is a symbolic link to the current
one, replaced by a single rename once the new build is complete. A reader that resolves the link once
per load (`current`) sees one whole build, old or new, never a mix; a build killed at any point leaves
the previous one in place. One build at a time per build folder, across processes: a lock file beside
it (`.<name>.lock`, an flock that the system releases when the holder dies)."""
from __future__ import annotations

import fcntl
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

KEEP = 3                     # builds kept: the current one and the two before (readers may still be on them)
REPORT = "build_report.json"


class BuildBusy(RuntimeError):
    """Another process is building into the same folder."""


def versions_dir(out_dir: Path) -> Path:
    """The folder holding the build folder's versions (and the extraction cache)."""
    out_dir = Path(out_dir)
    return out_dir.parent / f".{out_dir.name}.builds"


def cache_dir(out_dir: Path) -> Path:
    """Where extraction results of unchanged articles are kept between builds."""
    return versions_dir(out_dir) / ".cache" / "articles"


def current(out_dir: Path) -> Path:
    """The folder of the current build (the link resolved once): read every table of one load from it."""
    return Path(out_dir).resolve()


def read_build(build_dir: Path, names: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """Tables of the current build as strings (CSV, empty cells ''), all from one build even if another
    is swapped in meanwhile; a table the build lacks comes back empty."""
    folder = current(build_dir)
    out = {}
    for name in names:
        path = folder / f"{name}.csv"
        out[name] = pd.read_csv(path, dtype=str, keep_default_na=False) if path.exists() else pd.DataFrame()
    return out


def new_version(out_dir: Path) -> Path:
    """A fresh, empty folder for a build being written."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    folder = versions_dir(out_dir) / f"{stamp}-{uuid.uuid4().hex[:8]}"
    folder.mkdir(parents=True)
    return folder


def _adopt(out_dir: Path) -> None:
    """A build folder that is still a plain folder (made by an older version, or created empty) moves
    into the versions folder, so it can be replaced by a link. A folder holding anything but a build is
    left alone, with an error naming it."""
    if out_dir.is_symlink() or not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise ValueError(f"the build folder {out_dir} is a file; choose a folder")
    entries = [p for p in out_dir.iterdir()]
    if not entries:
        out_dir.rmdir()
        return
    if not (out_dir / REPORT).exists():
        raise ValueError(f"{out_dir} holds files that are not a build ({entries[0].name}, …); "
                         "choose an empty or new folder for the tables")
    target = versions_dir(out_dir) / "adopted"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(target, ignore_errors=True)
    out_dir.rename(target)
    os.symlink(os.path.relpath(target, out_dir.parent), out_dir)


def swap_in(version: Path, out_dir: Path) -> None:
    """Point the build folder at a complete build in one atomic step (a new link renamed over the old)."""
    out_dir = Path(out_dir)
    _adopt(out_dir)
    link = out_dir.parent / f".{out_dir.name}.swap-{uuid.uuid4().hex[:8]}"
    os.symlink(os.path.relpath(version, out_dir.parent), link)
    os.replace(link, out_dir)


def prune(out_dir: Path, keep: int = KEEP) -> None:
    """Delete all but the newest `keep` complete builds (never the current one) and any unfinished
    build folders left by builds that were killed."""
    root = versions_dir(out_dir)
    if not root.is_dir():
        return
    live = current(out_dir)
    builds = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                    key=lambda p: p.name, reverse=True)
    finished = [p for p in builds if (p / REPORT).exists()]
    for p in builds:
        unfinished = p not in finished
        if p.resolve() != live and (unfinished or p not in finished[:keep]):
            shutil.rmtree(p, ignore_errors=True)


@contextmanager
def build_lock(out_dir: Path, wait_s: float = 600.0,
               waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the build folder's lock; wait up to `wait_s` seconds for another build (telling `waiting`
    once), then raise BuildBusy naming the process that holds it."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    path = out_dir.parent / f".{out_dir.name}.lock"
    fh = open(path, "a+", encoding="utf-8")
    try:
        deadline, told = time.monotonic() + wait_s, False
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(path)
                if time.monotonic() >= deadline:
                    raise BuildBusy(f"another build is writing {out_dir} ({holder}); try again when it "
                                    "has finished") from None
                if waiting and not told:
                    waiting(f"Waiting for another build of {out_dir.name} to finish ({holder})")
                    told = True
                time.sleep(0.2)
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} since {datetime.now(timezone.utc).isoformat(timespec='seconds')}\n")
        fh.flush()
        yield
    finally:
        fh.close()   # closing releases the lock


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "unknown process"
    except OSError:
        return "unknown process"
