"""The maintainer's workflow: uploads saved safely into the seeds folder, rebuilds that replace the
build only when they succeed, and the Sources page that drives both (AppTest)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import maintenance
from dashboard.data import read_build_report, read_tables
from dashboard.safe_text import md  # the page shows the summary as Markdown, escaped
from data_prep.intake import ALREADY_PRESENT, RENAMED, SAVED, SKIPPED, SavedFile
from data_prep.intake import add_articles as save_uploads
from data_prep.load import MAX_BYTES

REPO = Path(__file__).resolve().parent.parent
APP = str(REPO / "dashboard" / "app.py")
ARTICLES = REPO / "tests" / "articles"
TIMEOUT = 60  # a generous limit for slow CI machines, not a performance assertion
TEXT = b"A short article about the ASEAN digital forum in Jakarta, held over two days.\n"


def listing(folder: Path) -> dict[str, bytes]:
    """Every file under a folder (relative path -> content), hidden ones included."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "existing.txt").write_bytes(TEXT)
    return folder


# --- save_uploads ---------------------------------------------------------------------------------

def test_new_file_is_saved(seeds: Path) -> None:
    assert save_uploads([("new.txt", b"Another article.\n")], seeds) == [
        SavedFile("new.txt", SAVED, "new.txt", "saved as new.txt")]
    assert listing(seeds) == {"existing.txt": TEXT, "new.txt": b"Another article.\n"}


@pytest.mark.parametrize("name", ["../x.txt", "../../etc/x.txt", "/tmp/x.txt", "..\\..\\x.txt", "sub/dir/x.txt"])
def test_traversal_names_keep_only_the_base_name(seeds: Path, name: str) -> None:
    assert save_uploads([(name, b"Body.\n")], seeds) == [
        SavedFile(name, SAVED, "x.txt", "saved as x.txt (name made safe)")]
    assert listing(seeds) == {"existing.txt": TEXT, "x.txt": b"Body.\n"}
    assert listing(seeds.parent) == {"seeds/existing.txt": TEXT, "seeds/x.txt": b"Body.\n"}


@pytest.mark.parametrize(("name", "saved_as"), [
    (".hidden.txt", "hidden.txt"),          # the build ignores hidden files: drop the leading dot
    ("Report 2019.TXT", "Report 2019.txt"),
    ("a<b>:c|d?.txt", "a_b_c_d_.txt"),
    ("berita\u0301 digital.txt", "berit\u00e1 digital.txt"),  # NFC: 'a' + combining acute -> 'á'
])
def test_unsafe_characters_are_replaced(seeds: Path, name: str, saved_as: str) -> None:
    [result] = save_uploads([(name, b"Body.\n")], seeds)
    assert (result.status, result.saved_as) == (SAVED, saved_as)
    assert (seeds / saved_as).read_bytes() == b"Body.\n"


@pytest.mark.parametrize(("name", "reason"), [
    ("article.pdf", "unsupported file type '.pdf' (expected a plain-text article or a saved web page: .txt, .text, .md, .html, .htm)"),
    ("article.txt.exe", "unsupported file type '.exe' (expected a plain-text article or a saved web page: .txt, .text, .md, .html, .htm)"),
    ("README", "unsupported file type 'none' (expected a plain-text article or a saved web page: .txt, .text, .md, .html, .htm)"),
    ("../", "no usable file name"),
    ("..", "no usable file name"),
    ("", "no usable file name"),
])
def test_names_that_are_not_text_articles_are_skipped(seeds: Path, name: str, reason: str) -> None:
    assert save_uploads([(name, b"Body.\n")], seeds) == [SavedFile(name, SKIPPED, None, reason)]
    assert listing(seeds) == {"existing.txt": TEXT}


def test_content_the_pipeline_refuses_is_skipped_with_its_reason(seeds: Path) -> None:
    files = [("big.txt", b"a" * (MAX_BYTES + 1)), ("empty.txt", b"  \n"), ("binary.txt", b"abc\x00def")]
    assert save_uploads(files, seeds) == [
        SavedFile("big.txt", SKIPPED, None, "too large (5.0 MB; limit 5 MB)"),
        SavedFile("empty.txt", SKIPPED, None, "empty file"),
        SavedFile("binary.txt", SKIPPED, None, "not text (binary content: NUL bytes)"),
    ]
    assert listing(seeds) == {"existing.txt": TEXT}


def test_file_at_the_size_limit_is_accepted(seeds: Path) -> None:
    body = (b"word " * (MAX_BYTES // 5))[:MAX_BYTES]
    [result] = save_uploads([("limit.txt", body)], seeds)
    assert (result.status, result.saved_as) == (SAVED, "limit.txt")


def test_identical_content_is_already_present_under_any_name(seeds: Path) -> None:
    (seeds / "sub").mkdir()
    (seeds / "sub" / "nested.txt").write_bytes(b"Nested article.\n")
    files = [("existing.txt", TEXT), ("copy.txt", TEXT), ("other.txt", b"Nested article.\n")]
    assert save_uploads(files, seeds) == [
        SavedFile("existing.txt", ALREADY_PRESENT, "existing.txt",
                  "identical content is already in the seeds folder as existing.txt"),
        SavedFile("copy.txt", ALREADY_PRESENT, "existing.txt",
                  "identical content is already in the seeds folder as existing.txt"),
        SavedFile("other.txt", ALREADY_PRESENT, "sub/nested.txt",
                  "identical content is already in the seeds folder as sub/nested.txt"),
    ]
    assert listing(seeds) == {"existing.txt": TEXT, "sub/nested.txt": b"Nested article.\n"}


def test_duplicates_within_one_upload_are_saved_once(seeds: Path) -> None:
    assert save_uploads([("a.txt", b"Same.\n"), ("b.txt", b"Same.\n")], seeds) == [
        SavedFile("a.txt", SAVED, "a.txt", "saved as a.txt"),
        SavedFile("b.txt", ALREADY_PRESENT, "a.txt", "identical content is already in the seeds folder as a.txt"),
    ]


def test_same_name_different_content_gets_a_new_name_and_never_overwrites(seeds: Path) -> None:
    (seeds / "existing-2.txt").write_bytes(b"Second.\n")
    files = [("existing.txt", b"Changed.\n"), ("EXISTING.txt", b"Changed again.\n")]
    assert save_uploads(files, seeds) == [
        SavedFile("existing.txt", RENAMED, "existing-3.txt",
                  "a different file named existing.txt already exists; saved as existing-3.txt"),
        SavedFile("EXISTING.txt", RENAMED, "EXISTING-4.txt",
                  "a different file named EXISTING.txt already exists; saved as EXISTING-4.txt"),
    ]
    assert listing(seeds) == {"EXISTING-4.txt": b"Changed again.\n", "existing-2.txt": b"Second.\n",
                              "existing-3.txt": b"Changed.\n", "existing.txt": TEXT}


def test_missing_seeds_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="seeds folder not found"):
        save_uploads([("a.txt", b"x")], tmp_path / "nowhere")


def test_is_writable(tmp_path: Path) -> None:
    assert maintenance.is_writable(tmp_path)
    assert not maintenance.is_writable(tmp_path / "missing")
    assert listing(tmp_path) == {}  # the check leaves nothing behind


# --- rebuild ---------------------------------------------------------------------------------------

@pytest.fixture
def small_seeds(tmp_path: Path) -> Path:
    """Two test articles plus one file the build rejects."""
    folder = tmp_path / "small_seeds"
    folder.mkdir()
    for name in ("en_singapore_forum.txt", "id_hanoi_literasi_digital.txt"):
        shutil.copy(ARTICLES / name, folder / name)
    (folder / "notes.txt").write_text("Too short to be an article.\n", encoding="utf-8")
    return folder


def test_rebuild_writes_tables_and_returns_the_report(small_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    steps: list[tuple[str, float]] = []
    report = maintenance.rebuild(small_seeds, out, progress=lambda m, f: steps.append((m, f)))
    assert report == read_build_report(out)
    assert (report["seeds_dir"], report["out_dir"]) == (str(small_seeds), str(out))
    assert (report["n_files"], report["n_included"], report["n_rejected"]) == (3, 2, 1)
    assert [(f["file"], f["status"]) for f in report["files"]] == [
        ("en_singapore_forum.txt", "included"), ("id_hanoi_literasi_digital.txt", "included"),
        ("notes.txt", "rejected")]
    assert steps[-1] == ("Done", 1.0)
    assert not [p for p in out.iterdir() if p.name.startswith(".build-")], "the staging folder is removed"
    articles = read_tables(out)["articles"]
    assert list(articles["article_id"]) == ["en_singapore_forum", "id_hanoi_literasi_digital", "notes"]
    assert report["counts"]["articles"] == 3


def test_rebuild_matches_a_direct_build(small_seeds: Path, tmp_path: Path) -> None:
    from data_prep.build import build

    build(small_seeds, tmp_path / "direct")
    maintenance.rebuild(small_seeds, tmp_path / "rebuilt")
    direct = sorted(p.name for p in (tmp_path / "direct").iterdir())
    assert sorted(p.name for p in (tmp_path / "rebuilt").iterdir()) == direct
    for name in direct:
        if name.endswith(".csv"):
            assert (tmp_path / "rebuilt" / name).read_bytes() == (tmp_path / "direct" / name).read_bytes(), name


def test_failed_rebuild_leaves_the_previous_build_whole(small_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    maintenance.rebuild(small_seeds, out)
    before = listing(out)
    with pytest.raises(FileNotFoundError, match="seeds folder not found"):
        maintenance.rebuild(tmp_path / "gone", out)
    assert listing(out) == before


def test_upload_outcomes_join_the_build_report(seeds: Path) -> None:
    saved = [SavedFile("../a.txt", SAVED, "a.txt", "saved as a.txt (name made safe)"),
             SavedFile("b.pdf", SKIPPED, None, "unsupported file type '.pdf' (expected a plain-text article or a saved web page: .txt, .text, .md, .html, .htm)")]
    report = {"files": [{"file": "a.txt", "status": "rejected", "reason": "too short (5 words; need 40)"}]}
    assert maintenance.upload_outcomes(saved, report) == [
        {"uploaded": "../a.txt", "upload": SAVED, "file in seeds": "a.txt", "note": "saved as a.txt (name made safe)",
         "build": "rejected", "build reason": "too short (5 words; need 40)", "contributed": ""},
        {"uploaded": "b.pdf", "upload": SKIPPED, "file in seeds": "",
         "note": "unsupported file type '.pdf' (expected a plain-text article or a saved web page: .txt, .text, .md, .html, .htm)",
         "build": "", "build reason": "", "contributed": ""},
    ]


def test_an_upload_says_what_it_contributed(tmp_path: Path) -> None:
    """The Sources page's upload goes through the same report as `data_prep add`: a new page makes an
    event, and its row names it with the countries, people and themes the page gave."""
    from tests.test_webpage import PAGE
    folder = tmp_path / "repo_seeds"
    folder.mkdir()
    for p in sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[:2]:
        (folder / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "build"
    maintenance.rebuild(folder, out)
    done = maintenance.add_and_rebuild([("page.html", PAGE.encode())], folder, out)
    (row,) = done.uploads
    assert row["upload"] == SAVED and row["build"] == "included"
    assert row["contributed"].startswith("a new event: 2022-05-12-") and "people: Johnny G. Plate" in row["contributed"]


def test_summary() -> None:
    report = {"built_at": "2026-01-02T03:04:05+00:00", "n_files": 3, "n_included": 2, "n_rejected": 1,
              "counts": {"events": 2, "participants": 9, "attendees": 4, "evidence": 30}}
    assert maintenance.summary(report) == (
        "Built 2026-01-02T03:04:05+00:00: 3 files read, 2 included, 1 rejected; 2 events, "
        "9 participant rows, 4 attendees, 30 evidence sentences.")


# --- the Sources page -------------------------------------------------------------------------------

@pytest.fixture
def tmp_app(build_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A copy of the session build and of the seeds, with the app pointed at both."""
    out, seeds = tmp_path / "build", tmp_path / "seeds"
    shutil.copytree(build_dir, out)
    shutil.copytree(REPO / "seeds", seeds)
    report = json.loads((out / "build_report.json").read_text(encoding="utf-8"))
    report["built_at"] = "2000-01-01T00:00:00+00:00"  # so a rebuild visibly changes it
    (out / "build_report.json").write_text(json.dumps(report), encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(out))
    monkeypatch.setenv("DASHBOARD_SEEDS_DIR", str(seeds))
    return out, seeds


def sources_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page("views/sources.py").run()
    return at


def shown_articles(at: AppTest) -> set[str]:
    """Article ids in the page's articles table (the one table with an n_words column)."""
    return {a for d in at.dataframe if "n_words" in d.value.columns for a in d.value["article_id"]}


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def test_sources_page_offers_upload_and_rebuild(tmp_app: tuple[Path, Path]) -> None:
    out, seeds = tmp_app
    at = sources_page()
    assert_clean(at)
    assert at.title[0].value == "Sources"
    assert [e.label for e in at.expander] == ["Add articles and rebuild"]
    assert f"Seed articles: `{seeds}` (5 files) · tables: `{out}`" in [c.value for c in at.caption]
    assert not at.button(key="src_rebuild").disabled
    assert not [i for i in at.info if "read-only" in i.value]


def test_rebuild_button_rebuilds_and_every_page_sees_the_new_article(tmp_app: tuple[Path, Path]) -> None:
    out, seeds = tmp_app
    shutil.copy(ARTICLES / "en_singapore_forum.txt", seeds / "new_singapore_forum.txt")
    at = sources_page()
    assert "new_singapore_forum" not in shown_articles(at)

    at.button(key="src_rebuild").click().run()
    assert_clean(at)
    report = read_build_report(out)
    assert report["built_at"] != "2000-01-01T00:00:00+00:00"
    assert (report["n_files"], report["out_dir"]) == (6, str(out))
    new = {f["file"]: f for f in report["files"]}["new_singapore_forum.txt"]
    assert new["status"] == "included"
    # After the rerun the page shows the new build ...
    arts = read_tables(out)["articles"]
    assert shown_articles(at) == set(arts.loc[(arts["status"] == "included") & arts["event_id"].notna(), "article_id"])
    assert "new_singapore_forum" in shown_articles(at)
    # ... and the page reports the outcome.
    assert [s.value for s in at.success] == ["Last rebuild in this session. " + md(maintenance.summary(report))]
    # Another page of the same session reads the new build too.
    at.switch_page("views/data.py").run()
    assert_clean(at)
    assert "new_singapore_forum" in shown_articles(at)


def test_read_only_seeds_are_stated_plainly(tmp_app: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    out, seeds = tmp_app
    monkeypatch.setattr(maintenance, "is_writable", lambda folder: folder != seeds)
    at = sources_page()
    assert_clean(at)
    assert [i.value for i in at.info if "read-only" in i.value] == [
        f"The seeds folder `{seeds}` is read-only (or missing) for this app, so articles cannot be added here. "
        "Ask whoever maintains the data to add them."]
    assert not at.button(key="src_rebuild").disabled  # the build folder is still writable


def test_read_only_build_disables_the_rebuild(tmp_app: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    out, seeds = tmp_app
    monkeypatch.setattr(maintenance, "is_writable", lambda folder: False)
    at = sources_page()
    assert_clean(at)
    assert len([i for i in at.info if "read-only" in i.value]) == 2
    assert at.button(key="src_rebuild").disabled


def test_add_and_rebuild_reports_each_upload_and_a_failure_keeps_the_old_build(small_seeds: Path, tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "build"
    done = maintenance.add_and_rebuild([("new.txt", (ARTICLES / "en_singapore_forum.txt").read_bytes()),
                                        ("empty.txt", b"")], small_seeds, out)
    assert done.error is None and done.report["n_files"] == 3  # the upload repeats a seed: nothing new
    assert [(u["uploaded"], u["upload"]) for u in done.uploads] == [("new.txt", ALREADY_PRESENT), ("empty.txt", SKIPPED)]
    before = listing(out)

    import importlib

    build_module = importlib.import_module("data_prep.build")  # the module (data_prep.build is the function)

    def broken(*args):
        raise RuntimeError("a bug in the merge step")

    monkeypatch.setattr(build_module, "assemble", broken)
    failed = maintenance.add_and_rebuild([], small_seeds, out)
    assert isinstance(failed.error, RuntimeError) and failed.report is None
    assert listing(out) == before, "the previous build is whole"


def test_an_upload_of_many_files_reports_each_and_caps_the_count(tmp_path: Path) -> None:
    from data_prep.intake import MAX_FILES_PER_ADD
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    files = [("../../etc/passwd.txt", b"a path in a name")]
    files += [(f"note {i}.txt", f"catatan nomor {i}".encode()) for i in range(MAX_FILES_PER_ADD + 2)]
    saved = save_uploads(files, seeds)
    assert len(saved) == len(files), "one report per uploaded file"
    assert saved[0].saved_as == "passwd.txt"
    assert [s.status for s in saved[:MAX_FILES_PER_ADD]] == [SAVED] * MAX_FILES_PER_ADD
    assert all(s.status == SKIPPED and "files at once" in s.reason for s in saved[MAX_FILES_PER_ADD:])
    assert sorted(p.parent for p in seeds.rglob("*")) == [seeds] * MAX_FILES_PER_ADD, "only inside the seeds folder"


def test_a_rebuild_that_would_drop_articles_asks_first(tmp_app: tuple[Path, Path]) -> None:
    """Tables built from another folder than the app's seeds (the walk's case: 70 articles, seeds/ holds 5):
    the page says how many articles a rebuild here would drop and keeps Rebuild off until confirmed."""
    out, seeds = tmp_app
    kept = sorted(seeds.iterdir())[0]
    kept.unlink()   # the tables hold an article the seeds folder no longer has
    report = read_build_report(out)
    assert maintenance.not_in_seeds(report, seeds) == [kept.name]
    at = sources_page()
    assert_clean(at)
    assert any("1 article in these tables is not in the seeds folder" in w.value for w in at.warning)
    assert at.button(key="src_rebuild").disabled
    at.checkbox(key="src_rebuild_elsewhere").check().run()
    assert not at.button(key="src_rebuild").disabled
    shutil.copytree(REPO / "seeds", seeds, dirs_exist_ok=True)   # the same articles, in another folder: fine
    assert maintenance.not_in_seeds(report, seeds) == []
