"""Extraction on several processes and on a Dask cluster (issue 19): the tables are byte-identical to a
one-process build, a worker that fails loses nothing, and a cluster running other code is refused."""
from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from data_prep import parallel
from data_prep.build import build
from data_prep.parallel import ClusterError, Job, MIN_PARALLEL, _in_order, extract

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds and the dev corpus: enough articles for the build to start workers."""
    folder = tmp_path_factory.mktemp("parallel") / "corpus"
    shutil.copytree(REPO / "tests" / "dev_corpus" / "articles", folder)
    for seed in (REPO / "seeds").glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    assert len(list(folder.iterdir())) >= MIN_PARALLEL
    return folder


@pytest.fixture(scope="module")
def one_process(corpus: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("one") / "build"
    report = build(corpus, out, workers=1, incremental=False)
    assert report["extracted"]["on"] == "this process"
    return out


def assert_same_tables(a: Path, b: Path) -> None:
    names = sorted(p.name for p in a.glob("*.csv"))
    assert names == sorted(p.name for p in b.glob("*.csv"))
    different = [n for n in names if not filecmp.cmp(a / n, b / n, shallow=False)]
    assert different == []


def test_two_processes_give_byte_identical_tables(corpus, one_process, tmp_path):
    report = build(corpus, tmp_path / "build", workers=2, incremental=False)
    assert report["extracted"]["on"] == "2 processes"
    assert report["n_included"] > 50
    assert_same_tables(one_process, tmp_path / "build")


def test_dask_local_cluster_gives_byte_identical_tables(corpus, one_process, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        report = build(corpus, tmp_path / "build", dask_address=cluster.scheduler_address, incremental=False)
        assert len(cluster.scheduler_info["workers"]) == 2
    assert report["extracted"]["on"].startswith("the Dask cluster at tcp://")
    assert_same_tables(one_process, tmp_path / "build")


def test_cli_names_an_unreachable_cluster(corpus, tmp_path):
    pytest.importorskip("distributed")
    run = subprocess.run([sys.executable, "-m", "data_prep", "build", "--seeds", str(corpus), "--out",
                          str(tmp_path / "build"), "--dask", "tcp://127.0.0.1:9", "--quiet"],
                         capture_output=True, text=True, cwd=REPO, timeout=120)
    assert run.returncode == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in run.stderr
    assert not (tmp_path / "build").exists()


def test_cli_refuses_zero_workers(corpus, tmp_path):
    run = subprocess.run([sys.executable, "-m", "data_prep", "build", "--seeds", str(corpus), "--out",
                          str(tmp_path / "build"), "--workers", "0"], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 2 and "must be 1 or more" in run.stderr


def jobs_from(corpus: Path, n: int) -> list[Job]:
    return [Job(p.stem, p.name, p.read_bytes()) for p in sorted(corpus.iterdir())[:n]]


class BrokenAfter:
    """An executor whose workers die: the first `ok` tasks succeed, later submits raise as a broken pool does."""

    def __init__(self, ok: int):
        self.ok = ok

    def submit(self, fn, *args):
        if self.ok == 0:
            raise BrokenProcessPool("a child process terminated abruptly")
        self.ok -= 1
        future = Future()
        future.set_result(fn(*args))
        return future


def test_a_broken_pool_loses_no_article_and_keeps_the_order(corpus):
    jobs = jobs_from(corpus, 9)
    chunks = [jobs[i:i + 2] for i in range(0, len(jobs), 2)]
    results = [r for chunk in _in_order(BrokenAfter(ok=2), chunks, in_flight=3) for r in chunk]
    assert [r.article_id for r in results] == [j.article_id for j in jobs]
    assert [r.status for r in results] == [extract(j).status for j in jobs]


def test_a_cluster_running_other_code_is_refused(corpus, monkeypatch):
    jobs = jobs_from(corpus, 2)

    class OtherCode(BrokenAfter):
        def submit(self, fn, *args):
            future = Future()
            future.set_result(("another fingerprint", [extract(j) for j in args[0]]))
            return future

    with pytest.raises(ClusterError, match="another version"):
        list(_in_order(OtherCode(0), [jobs], in_flight=2))


def test_small_builds_stay_in_this_process():
    assert parallel.where(MIN_PARALLEL - 1, workers=4) == "this process"
    assert parallel.where(MIN_PARALLEL, workers=4) == "4 processes"
    assert parallel.where(10_000, workers=1) == "this process"
