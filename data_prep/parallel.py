"""Per-article extraction spread over worker processes on this machine, or over the workers of a Dask
cluster (dask.distributed). Articles are independent (steps 1-6 read one file each), so they go out in
chunks and come back in file order: the tables are byte-identical whatever the number of workers."""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from multiprocessing import get_context

from .article import ArticleResult, process_article
from .cache import pipeline_fingerprint

# Fewer articles than this to extract are done in this process: starting workers costs about a second.
MIN_PARALLEL = 48
MAX_CHUNK = 32   # articles per task: big enough to hide the hand-over, small enough to balance the load


@dataclass(frozen=True)
class Job:
    """One article to extract: its bytes travel with it, so a cluster's workers need no shared disk."""
    article_id: str
    source_file: str
    data: bytes
    published: date | None = None


def extract(job: Job) -> ArticleResult:
    """Steps 1-6 on one article; a bug on one file rejects that file only."""
    try:
        return process_article(job.article_id, job.source_file, job.data, job.published)
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not lose the others
        return ArticleResult(job.article_id, job.source_file, "").reject(
            f"extraction failed: {type(exc).__name__}: {exc}")


def extract_chunk(jobs: list[Job]) -> tuple[str, list[ArticleResult]]:
    """A worker's task: the chunk's results, with the worker's pipeline fingerprint so a cluster
    running other code is caught instead of mixing its results in."""
    return pipeline_fingerprint(), [extract(job) for job in jobs]


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:   # not Linux
        return max(1, os.cpu_count() or 1)


class ClusterError(RuntimeError):
    """The Dask cluster cannot be reached or runs another version of the pipeline."""


def _chunks(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    chunk: list[Job] = []
    for job in jobs:
        chunk.append(job)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _in_order(executor: Executor, chunks: Iterable[list[Job]], in_flight: int) -> Iterator[list[ArticleResult]]:
    """Submit chunks with at most `in_flight` outstanding (the pool's queue stays short; the articles'
    bytes are already read, see build.read_articles) and yield their results in submission order. Chunks of a worker that died, or given after the
    pool broke, are extracted here: slower, never lost."""
    pending: deque[tuple[list[Job], Future | None]] = deque()
    expected = pipeline_fingerprint()
    broken = False
    for chunk in chunks:
        future = None
        if not broken:
            try:
                future = executor.submit(extract_chunk, chunk)
            except RuntimeError:   # BrokenProcessPool: a worker could not start or died
                broken = True
        pending.append((chunk, future))
        if len(pending) >= in_flight:
            yield _collect(*pending.popleft(), expected)
    while pending:
        yield _collect(*pending.popleft(), expected)


def _collect(chunk: list[Job], future: Future | None, expected: str) -> list[ArticleResult]:
    """A chunk's results from its worker, or extracted here when the worker failed."""
    if future is None:
        return [extract(job) for job in chunk]
    try:
        fingerprint, results = future.result()
    except (OSError, RuntimeError, EOFError):   # a worker died (BrokenProcessPool is a RuntimeError)
        return [extract(job) for job in chunk]
    if fingerprint != expected:
        raise ClusterError("the cluster's workers run another version of data_prep (or of its data files "
                           "or libraries); install this version on them")
    return results


def where(n_jobs: int, workers: int | None = None, dask_address: str | None = None) -> str:
    """Where `extract_all` runs `n_jobs` articles, in words for the build report."""
    if dask_address:
        return f"the Dask cluster at {dask_address}"
    n = workers or default_workers()
    return "this process" if n == 1 or n_jobs < MIN_PARALLEL else f"{n} processes"


def extract_all(jobs: list[Job], workers: int | None = None, dask_address: str | None = None,
                done: Callable[[int], None] | None = None) -> Iterator[ArticleResult]:
    """Every job's result, in the jobs' order. `workers` processes on this machine (default: all cores;
    1, or fewer than MIN_PARALLEL jobs, runs here), or the workers of the Dask cluster at
    `dask_address`. `done(n)` is told after each chunk how many articles are finished."""
    workers = workers or default_workers()
    finished = 0

    def tick(results: list[ArticleResult]) -> list[ArticleResult]:
        nonlocal finished
        finished += len(results)
        if done:
            done(finished)
        return results

    if dask_address:
        with _dask_executor(dask_address) as (executor, n_workers):
            size = _chunk_size(len(jobs), n_workers)
            for results in _in_order(executor, _chunks(jobs, size), 4 * n_workers):
                yield from tick(results)
    elif where(len(jobs), workers) == "this process":
        for chunk in _chunks(jobs, MAX_CHUNK):
            yield from tick([extract(job) for job in chunk])
    else:
        # spawn, not fork: the app builds from a thread, and forking a threaded process can deadlock
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as executor:
            for results in _in_order(executor, _chunks(jobs, _chunk_size(len(jobs), workers)), 3 * workers):
                yield from tick(results)


def _chunk_size(n_jobs: int, n_workers: int) -> int:
    """About eight chunks per worker, at most MAX_CHUNK articles each."""
    return max(1, min(MAX_CHUNK, n_jobs // (8 * max(n_workers, 1)) or 1))


class _dask_executor:
    """A concurrent.futures view of an existing Dask cluster, with its number of workers."""

    def __init__(self, address: str):
        self.address = address

    def __enter__(self) -> tuple[Executor, int]:
        try:
            from distributed import Client
        except ImportError as exc:
            raise ClusterError("--dask needs dask.distributed: pip install 'asean-digital-diplomacy[cluster]'") from exc
        try:
            self.client = Client(self.address, timeout="10s", set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from exc
        n_workers = max(1, sum(w.get("nthreads", 1) for w in
                               self.client.scheduler_info().get("workers", {}).values()))
        return self.client.get_executor(pure=False), n_workers

    def __exit__(self, *exc) -> None:
        self.client.close()
