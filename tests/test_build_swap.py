"""One safe build, swapped in as one step, one build at a time across processes (data_prep/publish.py):
a build killed while extracting, while writing its tables or around the swap leaves the build folder
holding a whole build, the old one or the new one; a reader that resolved the folder keeps reading one
whole build while another is swapped in; a second build of the same folder from another process waits
or is refused with a message naming the holder."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from data_prep import BuildBusy, build, current_build
from data_prep.publish import build_lock, versions_dir

REPO = Path(__file__).resolve().parent.parent
NEW = REPO / "tests" / "articles" / "en_singapore_forum.txt"


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """The seeds built once; the CSV bytes of that build; a new article waiting in the seeds."""
    seeds, out = tmp_path / "seeds", tmp_path / "out"
    shutil.copytree(REPO / "seeds", seeds)
    build(seeds, out, corrections=tmp_path / "none.csv")
    before = snapshot(out)
    shutil.copy(NEW, seeds / "new.txt")
    return seeds, out, before


def snapshot(out: Path) -> dict[str, bytes]:
    folder = current_build(out)
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def is_whole(out: Path) -> bool:
    """Every table the report counts is there with that many rows."""
    import json
    folder = current_build(out)
    report = json.loads((folder / "build_report.json").read_text(encoding="utf-8"))
    return all(len(pd.read_csv(folder / f"{name}.csv")) == n for name, n in report["counts"].items())


def killed_build(seeds: Path, out: Path, patch: str) -> int:
    """Run a build in a child process that kills itself (os._exit) where `patch` says; its exit code."""
    code = "\n".join([
        "import importlib, os, sys",
        "b = importlib.import_module('data_prep.build')  # the module (data_prep.build is the function)",
        textwrap.dedent(patch).strip(),
        "b.build(sys.argv[1], sys.argv[2], corrections=sys.argv[3])"])
    proc = subprocess.run([sys.executable, "-c", code, str(seeds), str(out), str(out.parent / "none.csv")],
                          capture_output=True, text=True, timeout=300)
    return proc.returncode


@pytest.mark.parametrize("stage,patch", [
    ("extracting", """
        p = importlib.import_module('data_prep.parallel')   # where each article is extracted
        real = p.process_article
        calls = []
        def dying(*a, **k):   # the new article is the one extracted (the others come from the cache)
            calls.append(1)
            if len(calls) == 1:
                os._exit(9)
            return real(*a, **k)
        p.process_article = dying
     """),
    ("writing", """
        real = b.pd.DataFrame.to_parquet
        calls = []
        def dying(self, *a, **k):
            calls.append(1)
            if len(calls) == 4:
                os._exit(9)
            return real(self, *a, **k)
        b.pd.DataFrame.to_parquet = dying
     """),
    ("before the swap", """
        def dying(*a, **k):
            os._exit(9)
        b.swap_in = dying
     """),
])
def test_a_build_killed_before_its_swap_leaves_the_old_build_whole(built, stage, patch):
    seeds, out, before = built
    assert killed_build(seeds, out, patch) == 9, stage
    assert snapshot(out) == before and is_whole(out)
    build(seeds, out, corrections=out.parent / "none.csv")   # the next build cleans up and succeeds
    assert "new" in set(pd.read_csv(out / "articles.csv")["article_id"])
    unfinished = [p for p in versions_dir(out).iterdir()
                  if not p.name.startswith(".") and not (p / "build_report.json").exists()]
    assert unfinished == [], "folders of killed builds are removed"


def test_a_build_killed_right_after_its_swap_leaves_the_new_build_whole(built):
    seeds, out, before = built
    patch = """
        real = b.swap_in
        def dying(*a, **k):
            real(*a, **k)
            os._exit(9)
        b.swap_in = dying
    """
    assert killed_build(seeds, out, patch) == 9
    assert snapshot(out) != before and is_whole(out)
    assert "new" in set(pd.read_csv(out / "articles.csv")["article_id"])


def test_a_reader_keeps_one_whole_build_while_another_is_swapped_in(built):
    seeds, out, before = built
    folder = current_build(out)           # a reader resolves the build folder once per load ...
    build(seeds, out, corrections=out.parent / "none.csv")
    assert current_build(out) != folder   # ... another build is swapped in meanwhile ...
    assert {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()} == before  # ... it reads the old one whole


def test_a_second_build_from_another_process_waits_or_is_refused_with_a_message(built, tmp_path):
    seeds, out, _ = built
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from data_prep.publish import build_lock
        with build_lock({str(out)!r}):
            print("locked", flush=True)
            time.sleep(3)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(BuildBusy, match=rf"another build is writing {out} \(pid {holder.pid} since "):
            build(seeds, out, lock_wait_s=0)
        told = []
        started = time.monotonic()
        report = build(seeds, out, progress=lambda m, f: told.append(m), lock_wait_s=60,
                       corrections=out.parent / "none.csv")
        assert time.monotonic() - started > 0.5, "it waited for the holder"
        assert told[0].startswith(f"Waiting for another build of out to finish (pid {holder.pid}")
        assert report["n_included"] == 6 and is_whole(out)
    finally:
        holder.wait(timeout=30)


def test_two_builds_started_together_from_two_processes_both_finish_whole(built):
    seeds, out, _ = built
    cmd = [sys.executable, "-m", "data_prep", "build", "--seeds", str(seeds), "--out", str(out), "--quiet",
           "--corrections", str(out.parent / "none.csv")]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert is_whole(out) and "new" in set(pd.read_csv(out / "articles.csv")["article_id"])


def test_an_old_style_build_folder_is_adopted_and_a_folder_of_other_files_refused(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    old = tmp_path / "old"
    old.mkdir()
    (old / "build_report.json").write_text("{}", encoding="utf-8")
    build(seeds, old, corrections=tmp_path / "none.csv")
    assert old.is_symlink() and is_whole(old)
    other = tmp_path / "papers"
    other.mkdir()
    (other / "thesis.docx").write_bytes(b"x")
    with pytest.raises(ValueError, match=r"holds files that are not a build \(thesis.docx"):
        build(seeds, other, corrections=tmp_path / "none.csv")
    assert (other / "thesis.docx").exists()


def test_the_command_line_exits_3_naming_the_build_that_holds_the_folder(built, capsys):
    from data_prep.__main__ import main
    seeds, out, _ = built
    with build_lock(out):   # this process holds it; the command's own lock is another open file, so it waits
        code = main(["build", "--seeds", str(seeds), "--out", str(out), "--wait", "0", "--quiet"])
    assert code == 3
    assert f"error: another build is writing {out} (pid {os.getpid()} since " in capsys.readouterr().err
