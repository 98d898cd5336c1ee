"""The benchmarks' synthetic corpus (bench/synthetic_corpus.py): deterministic for a seed, distinct
articles in both languages, and a corpus the pipeline really extracts events from."""
from __future__ import annotations

import sys
from itertools import islice
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from synthetic_corpus import article_texts, write_corpus  # noqa: E402

APE = 3   # articles per event


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    assert write_corpus(tmp_path / "a", 40, seed=7) == 40
    assert write_corpus(tmp_path / "b", 40, seed=7) == 40
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_different_seeds_differ(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 40, seed=1)
    write_corpus(tmp_path / "b", 40, seed=2)
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert not set(a.values()) & set(b.values())


def test_n_distinct_text_files(tmp_path: Path) -> None:
    n = write_corpus(tmp_path / "c", 150, seed=3)
    files = _files(tmp_path / "c")
    assert n == len(files) == 150
    assert all(name.endswith(".txt") for name in files)
    assert len(set(files.values())) == 150


def test_both_languages_and_noise_present() -> None:
    texts = [text for _, text in article_texts(300, seed=4)]
    indonesian = sum(" yang " in t or " dan " in t for t in texts)
    english = sum(" the " in t for t in texts)
    assert 0.55 * len(texts) < indonesian < 0.85 * len(texts)
    assert 0.15 * len(texts) < english < 0.45 * len(texts)
    names = [name for name, _ in article_texts(300, seed=4)]
    assert any("opinion" in n for n in names)


def test_articles_are_streamed() -> None:
    """A huge corpus is produced one article at a time, never built whole first."""
    first = list(islice(article_texts(10**9, seed=5), 3))
    assert len(first) == 3 and len({t for _, t in first}) == 3


def test_pipeline_extracts_events_countries_and_attendees(tmp_path: Path) -> None:
    from data_prep.build import build

    n = 60
    write_corpus(tmp_path / "corpus", n, seed=11, articles_per_event=APE)
    out = tmp_path / "out" / "b"
    report = build(tmp_path / "corpus", out, corrections=tmp_path / "corrections.csv")
    assert report["n_included"] >= 0.8 * n
    events = pd.read_csv(out / "events.csv")
    assert len(events) >= n / APE / 2
    assert (events["n_countries"] >= 2).mean() >= 0.8
    assert (events["n_attendees"] >= 1).mean() >= 0.8
    assert events["city"].notna().mean() >= 0.8
