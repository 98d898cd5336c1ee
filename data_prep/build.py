"""Steps 7-8: run every input file through the article steps, merge events, assemble the codebook's
tables, write them as CSV and Parquet with `build_report.json`. Deterministic: the same inputs give
byte-identical CSVs."""
from __future__ import annotations

import gc
import json
import shutil
import time
from collections import Counter
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd

from . import __version__
from .article import ArticleResult
from .cache import ArticleCache
from .corrections import (Correction, Grouping, Outcomes, apply_facts, article_dates, note_article_dates,
                          read_corrections, regroup)
from .corrections import default_path as default_corrections_path
from .identity import assign_ids, previous_membership
from .publish import build_lock, cache_dir, current, new_version, prune, swap_in
from .countries import country_name, is_asean
from .events import city_iso3
from .intake import unsupported_type
from .load import MAX_BYTES
from .merge import MergedEvent, group_articles, merge_group
from .outcomes import rank_outcomes
from .parallel import Job, extract_all, where
from .participants import (CONFIDENCE, CountryFact, absent_countries, best_role, implied_members,
                           is_asean_body_meeting, official_fact)
from .sentences import split_sentences
from .places import place_coordinates, place_country
from .resources import clear_caches, read_rows
from .people import canonical_names
from .schema import DATE_COLUMNS, TABLES
from .search_index import INDEX_FILE, write_index

Progress = Callable[[str, float], None]


def list_inputs(seeds_dir: Path) -> list[Path]:
    """Every regular, non-hidden file (and every link, even a broken one, so none is silently dropped)
    under the seeds folder, sorted by name."""
    return sorted(p for p in seeds_dir.rglob("*") if (p.is_file() or p.is_symlink()) and not p.is_dir()
                  and not p.name.startswith("."))


def read_articles(paths: list[Path], seeds_dir: Path, progress: Progress | None = None,
                  dates: Mapping[str, date] | None = None, cache: ArticleCache | None = None,
                  workers: int | None = 1, dask_address: str | None = None) -> list[ArticleResult]:
    """Steps 1-6 for each file (from the cache when the same bytes went through the same pipeline);
    `dates` are analysts' dates by article id. Files are read here; what must be extracted goes to
    `workers` processes (None: all cores) or the Dask cluster at `dask_address` (parallel.py), and
    comes back in file order. One unreadable file never stops the rest."""
    dates, root = dates or {}, Path(seeds_dir).resolve()
    slots: list[ArticleResult | None] = []
    jobs: list[tuple[int, Job, str]] = []
    for i, path in enumerate(paths):
        if progress and i % 100 == 0:
            progress(f"Reading {path.name}", 0.1 * i / max(len(paths), 1))
        loaded = _load_one(path, path.relative_to(seeds_dir).as_posix(), dates.get(path.stem), cache, root)
        if isinstance(loaded, ArticleResult):
            slots.append(loaded)
        else:
            jobs.append((i, *loaded))
            slots.append(None)

    def done(n: int) -> None:
        if progress:
            progress(f"Extracted {n} of {len(jobs)} articles", 0.1 + 0.8 * n / max(len(jobs), 1))

    results = extract_all([job for _, job, _ in jobs], workers, dask_address, done)
    for (i, _, key), res in zip(jobs, results):
        slots[i] = res
        if cache:
            cache.put(key, res)
    seen: dict[str, str] = {}
    for res in slots:
        if res.status == "included" and res.text in seen:
            res.reject(f"duplicate of {seen[res.text]}")
        elif res.status == "included":
            seen[res.text] = res.article_id
    return slots


def _load_one(path: Path, rel: str, published: date | None, cache: ArticleCache | None,
              root: Path) -> ArticleResult | tuple[Job, str]:
    """One file's cached result, or why it cannot be read, or the job that extracts it and its cache
    key. A link to a file outside the seeds folder is not followed; an oversized file is not read."""
    wrong_type = unsupported_type(path.name)
    if wrong_type:
        return ArticleResult(path.stem, rel, "").reject(wrong_type)
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            return ArticleResult(path.stem, rel, "").reject(
                "a link to a file outside the seeds folder (not followed: copy the file in instead)")
        size = path.stat().st_size
        if size > MAX_BYTES:
            return ArticleResult(path.stem, rel, "").reject(
                f"too large ({size / 1e6:.1f} MB; limit {MAX_BYTES / 1e6:.0f} MB)")
        data = path.read_bytes()
    except OSError as exc:
        return ArticleResult(path.stem, rel, "").reject(f"cannot read file: {exc.strerror or exc}")
    key = cache.key(rel, data, published) if cache else ""
    cached = cache.get(key) if cache else None
    if cached is not None:
        return cached
    return Job(path.stem, rel, data, published), key


def _host(event: MergedEvent, facts: list[CountryFact], openers: list[str | None]) -> tuple[str | None, str]:
    """Host country and how it was found: a host cue, else the co-chair in whose country it met,
    else the country of the official who opened it, else the city's country."""
    hosts = Counter(f.iso3 for f in facts if f.role == "host")
    city_country = city_iso3(event.city)
    if hosts:   # most host cues; on a tie, the country it met in
        return max(sorted(hosts), key=lambda iso3: (hosts[iso3], iso3 == city_country)), "host"
    chairs = [f.iso3 for f in facts if f.role == "co_chair"]
    if chairs:
        return (city_country if city_country in chairs else chairs[0]), "co_chair"
    opener = Counter(iso3 for iso3 in openers if iso3)
    if opener:
        return max(sorted(opener), key=opener.get), "opener"
    return city_country, "city"


# How sure a host is, by how it was found (see _host).
HOST_CONFIDENCE = {"host": 0.9, "co_chair": 0.8, "opener": 0.6, "city": 0.5}


def _people_rows(event_id: str, arts: list[ArticleResult]) -> tuple[list[dict], dict[str, str | None], dict[str, str]]:
    """One attendee row per canonical name (fullest title with a country first); also each canonical
    name's country and each mention's canonical name, which the country facts need."""
    order = [r.article_id for r in arts]
    people = [(r.article_id, p) for r in arts for p in r.people]
    canon = canonical_names([p.name for _, p in people])
    by_name: dict[str, list] = {}
    for aid, p in people:
        by_name.setdefault(canon[p.name], []).append((aid, p))
    rows, iso_of_name = [], {}
    for name, ms in sorted(by_name.items()):
        isos = Counter(p.iso3 for _, p in ms if p.iso3)
        iso3 = max(sorted(isos), key=isos.get) if isos else None
        iso_of_name[name] = iso3
        aid, best = max(ms, key=lambda m: (m[1].iso3 is not None, m[1].name == name,
                                            len(m[1].title or ""), -order.index(m[0])))
        org = next((p.organization for _, p in ms if p.organization), None)
        sure = max((p for _, p in ms), key=lambda p: p.confidence)   # the most reliable finding
        rows.append({"event_id": event_id, "name": name, "title": best.title, "organization": org,
                     "iso3": iso3, "evidence": best.sentence.text, "article_id": aid,
                     "method": sure.method, "confidence": sure.confidence})
    return rows, iso_of_name, canon


def _country_roles(ev: MergedEvent, arts: list[ArticleResult], iso_of_name: dict[str, str | None],
                   canon: dict[str, str]) -> tuple[dict[str, CountryFact], str | None]:
    """Each country's strongest role at the event (every fact carrying its article) and the host:
    cue facts, officials' countries (resolved by canonical name), and a host row when needed."""
    facts = [replace(f, article_id=r.article_id) for r in arts for f in r.country_facts]
    for r in arts:
        for p in r.people:
            iso3 = iso_of_name[canon[p.name]]
            if iso3 and p.official and not p.iso3:
                facts.append(replace(official_fact(iso3, p), article_id=r.article_id))
    openers = [iso_of_name[canon[p.name]] for r in arts for p in r.openers]
    host, how = _host(ev, facts, openers)
    roles = best_role(facts)
    if is_asean_body_meeting(ev.name, ev.acronym) or any(is_asean_body_meeting(r.event.name, r.event.acronym)
                                                          for r in arts):
        # An ASEAN body's meeting involves the member states: implied, shown apart, less sure.
        absent = absent_countries([s for r in arts for s in split_sentences(r.text)])
        for iso3 in implied_members(ev.start_date, set(roles), absent):
            roles[iso3] = CountryFact(iso3, "implied_member", arts[0].event.name_sentence, "implied_by_meeting",
                                      CONFIDENCE["implied_by_meeting"], arts[0].article_id)
    if host and (host not in roles or roles[host].role not in ("host", "co_chair")):
        # The host row cites the sentence that made it host: the opener's, else the event's own.
        if how == "opener":
            aid, sentence = next((r.article_id, p.sentence) for r in arts for p in r.openers
                                 if iso_of_name[canon[p.name]] == host)
        elif how == "city" or host not in roles:
            aid, sentence = arts[0].article_id, arts[0].event.anchor
        else:
            aid, sentence = roles[host].article_id, roles[host].sentence
        roles[host] = CountryFact(host, "host", sentence, f"host_from_{how}", HOST_CONFIDENCE[how], aid)
    return roles, host


def _sentence_rows(event_id: str, arts: list[ArticleResult], roles: dict[str, CountryFact]
                   ) -> tuple[list[dict], list[dict], list[dict]]:
    """Theme evidence, outcome sentences and every country mention of the event's articles."""
    evidence, outcomes, mentions = [], [], []
    for r in arts:
        for hit in r.themes:
            evidence.append({"event_id": event_id, "article_id": r.article_id, "theme": hit.theme,
                             "sentence": hit.sentence.text, "cue": hit.cue,
                             "char_start": hit.sentence.start, "char_end": hit.sentence.end,
                             "cue_start": hit.cue_start, "cue_end": hit.cue_end,
                             "method": hit.method, "confidence": hit.confidence})
        for o in r.outcomes:
            outcomes.append({"event_id": event_id, "article_id": r.article_id, "sentence": o.sentence.text,
                             "cue": o.cue, "document": o.document, "char_start": o.sentence.start,
                             "char_end": o.sentence.end, "method": o.method, "confidence": o.confidence})
        for m in r.mentions:
            mentions.append({"event_id": event_id, "article_id": r.article_id, "iso3": m.iso3,
                             "country": country_name(m.iso3), "surface": m.surface,
                             "char_start": m.start, "char_end": m.end, "is_participant": m.iso3 in roles})
    return evidence, rank_outcomes(outcomes), mentions


def _city_point(city: str | None, host: str | None) -> tuple[float | None, float | None]:
    """(lon, lat) of the event's city when the gazetteer knows it and places it in the host country
    (a city abroad would draw the host's arcs from the wrong place); else (None, None)."""
    latlon = place_coordinates(city)
    if latlon is None or (host is not None and place_country(city) != host):
        return None, None
    return latlon[1], latlon[0]


def _event_row(ev: MergedEvent, arts: list[ArticleResult], host: str | None, n_countries: int,
               n_attendees: int) -> dict:
    """The events row: the merged event, its host and counts, and the first article's sentences."""
    first = arts[0]
    lon, lat = _city_point(ev.city, host)
    surest = max((r.event for r in arts), key=lambda e: e.confidence)   # method and confidence go together
    return {
        "event_id": ev.event_id, "name": ev.name, "acronym": ev.acronym,
        "start_date": ev.start_date, "end_date": ev.end_date, "city": ev.city, "lon": lon, "lat": lat,
        "venue": ev.venue,
        "host_iso3": host, "event_type": ev.event_type,
        "n_countries": n_countries, "n_attendees": n_attendees, "n_sources": len(arts),
        "tagline": ev.tagline, "evidence": first.event.name_sentence.text, "date_evidence": first.event.anchor.text,
        "article_id": first.article_id, "method": surest.method, "confidence": surest.confidence,
    }


def _article_row(r: ArticleResult, event_id: str | None) -> dict:
    """The articles row: metadata, status and where the file came from."""
    m = r.metadata
    return {"article_id": r.article_id, "outlet": m.outlet, "title": m.title, "author": m.author,
            "published_date": m.published_date, "language": m.language, "n_words": r.n_words,
            "event_id": event_id, "status": r.status, "reason": r.reason,
            "source_file": r.source_file, "sha256": r.sha256, "url": m.url}


def assemble(results: list[ArticleResult], previous: tuple[dict[str, set[str]], dict[str, str]] | None = None,
             corrections: list[Correction] | None = None) -> tuple[dict[str, pd.DataFrame], list[str], Outcomes]:
    """Merge events across articles and build every table (pure: results in, tables out). `previous`
    is the last build's events (id -> article ids) and aliases, so events keep their ids (identity.py);
    `corrections` are applied last: splits and merges to the groups, then fact rows to the tables."""
    corrections = corrections or []
    outcomes = Outcomes(corrections)
    members, old_aliases = previous or ({}, {})
    warnings: list[str] = []
    included = {r.article_id: r for r in results if r.status == "included" and r.event}
    candidates = {aid: r.event for aid, r in included.items()}
    def key_of(group: list[str]) -> str:
        return merge_group(group, {a: candidates[a] for a in group}).event_id

    grouping = regroup(Grouping(group_articles(candidates), key_of, members, old_aliases), corrections, outcomes)
    keys = [key_of(g) for g in grouping.groups]
    ids, aliases = assign_ids([(k, set(g)) for k, g in zip(keys, grouping.groups)], members, old_aliases,
                              grouping.preferred)
    for absorbed, event_id in zip(grouping.absorbed, ids):
        aliases.update({k: event_id for k in absorbed if k not in ids})   # a merged event's own key opens it
    rows: dict[str, list[dict]] = {k: [] for k in ("events", "participants", "attendees", "evidence", "outcomes",
                                                   "country_mentions")}
    article_event: dict[str, str] = {}
    for group, event_id in zip(grouping.groups, ids):
        ev = merge_group(group, {aid: included[aid].event for aid in group})
        ev.event_id = event_id
        arts = [included[a] for a in group]
        article_event.update({a: ev.event_id for a in group})
        attendees, iso_of_name, canon = _people_rows(ev.event_id, arts)
        roles, host = _country_roles(ev, arts, iso_of_name, canon)
        rows["attendees"] += attendees
        rows["participants"] += [
            {"event_id": ev.event_id, "iso3": iso3, "country": country_name(iso3), "role": f.role,
             "is_asean": is_asean(iso3, ev.start_date), "evidence": f.sentence.text, "article_id": f.article_id,
             "method": f.method, "confidence": f.confidence} for iso3, f in sorted(roles.items())]
        evidence, outcome_rows, mentions = _sentence_rows(ev.event_id, arts, roles)
        rows["evidence"] += evidence
        rows["outcomes"] += outcome_rows
        rows["country_mentions"] += mentions
        rows["events"].append(_event_row(ev, arts, host, len(roles), len(attendees)))
        if host is None:
            warnings.append(f"{ev.event_id}: no host country found")
    note_article_dates(corrections, {r.article_id: article_event.get(r.article_id) for r in results}, outcomes)

    tables = {
        "articles": [_article_row(r, article_event.get(r.article_id)) for r in results],
        "events": rows["events"], "participants": rows["participants"], "attendees": rows["attendees"],
        "evidence": rows["evidence"], "themes": [], "outcomes": rows["outcomes"],
        "country_mentions": rows["country_mentions"],
        "articles_text": [{"article_id": r.article_id, "text": r.text} for r in results if r.text],
        "theme_catalog": [{"code": t["code"], "label": t["label"], "definition": t["definition"],
                           "label_id": t.get("label_id") or None, "definition_id": t.get("definition_id") or None}
                          for t in read_rows("themes")],  # the app labels themes from the build, not our files
        "event_aliases": [{"alias": a, "event_id": e} for a, e in sorted(aliases.items())],
    }
    frames = {name: _frame(name, pd.DataFrame(rows, columns=TABLES[name])) for name, rows in tables.items()}
    for name in ORIGIN_TABLES:
        frames[name]["origin"] = "extracted"
    frames = apply_facts(frames, corrections, outcomes, aliases)   # also derives counts and theme shares
    frames["corrections"] = pd.DataFrame(outcomes.rows(), columns=TABLES["corrections"])
    warnings += [f"correction {r['action']} {r['target']} on {r['event_id'] or r['target']} is stale: {r['detail']}"
                 for r in outcomes.stale_rows()]
    return {name: _frame(name, df) for name, df in frames.items()}, warnings, outcomes


ORIGIN_TABLES = ("events", "participants", "attendees", "evidence", "outcomes")


SORT_KEYS = {
    "articles": ["article_id"], "events": ["start_date", "event_id"], "participants": ["event_id", "iso3"],
    "attendees": ["event_id", "name"], "evidence": ["event_id", "article_id", "char_start", "theme"],
    "themes": [], "outcomes": ["event_id", "rank"],
    "country_mentions": ["event_id", "article_id", "char_start"], "articles_text": ["article_id"],
    "event_aliases": ["alias"], "corrections": [],
}
INT_COLUMNS = {"n_words", "n_countries", "n_attendees", "n_sources", "n_evidence", "char_start", "char_end",
               "cue_start", "cue_end", "rank"}


def _frame(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """The table in the schema's column order, with its dates, integers and sort order."""
    df = df.reindex(columns=TABLES[name])
    for col in DATE_COLUMNS.get(name, []):
        df[col] = pd.to_datetime(df[col]).dt.date
    for col in df.columns:
        if col in INT_COLUMNS and name != "corrections":
            df[col] = df[col].astype("int64")
    if SORT_KEYS.get(name):
        df = df.sort_values(SORT_KEYS[name], kind="stable").reset_index(drop=True)
    return df


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> None:
    """Each table as NAME.csv (UTF-8, ISO dates, LF line ends) and NAME.parquet."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        df.to_csv(out_dir / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8")
        df.to_parquet(out_dir / f"{name}.parquet", index=False)


def build(seeds_dir: Path, out_dir: Path, progress: Progress | None = None, corrections: Path | None = None,
          incremental: bool = True, lock_wait_s: float = 600.0, workers: int | None = None,
          dask_address: str | None = None) -> dict:
    """Run the whole pipeline; returns the build report (also written to build_report.json).
    `corrections` is the analysts' corrections file (default: corrections.csv beside the seeds folder);
    with `incremental`, articles whose bytes and pipeline are unchanged are not extracted again. The
    new build is written whole into a folder of its own and swapped in with one rename (publish.py);
    a second build of the same folder, from any process, waits up to `lock_wait_s` seconds, then
    raises publish.BuildBusy. Extraction runs on `workers` processes (default: all cores) or on the Dask
    cluster at `dask_address`; the tables are the same either way."""
    seeds_dir, out_dir = Path(seeds_dir), Path(out_dir)
    if not seeds_dir.is_dir():
        raise FileNotFoundError(f"seeds folder not found: {seeds_dir}")
    waiting = (lambda message: progress(message, 0.0)) if progress else None
    with build_lock(out_dir, lock_wait_s, waiting), _no_cycle_collection():
        return _build_locked(seeds_dir, out_dir, progress, corrections, incremental, workers, dask_address)


@contextmanager
def _no_cycle_collection():
    """Python's cycle collector off while a build holds every article's results: it walks all live
    objects again and again as they pile up, which made a build of 100,000 articles superlinear. The
    results hold no cycles worth collecting; reference counting still frees everything else."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _build_locked(seeds_dir: Path, out_dir: Path, progress: Progress | None, corrections: Path | None,
                  incremental: bool, workers: int | None, dask_address: str | None) -> dict:
    started = time.perf_counter()
    corrections_file = Path(corrections) if corrections else default_corrections_path(seeds_dir)
    rows = read_corrections(corrections_file)   # a malformed file stops the build before anything changes
    # Load inputs
    clear_caches()  # data files may have been edited since the last build in this process
    cache = ArticleCache(cache_dir(out_dir)) if incremental else None
    paths = list_inputs(seeds_dir)
    results = read_articles(paths, seeds_dir, progress, article_dates(rows), cache, workers, dask_address)
    # Process data
    if progress:
        progress("Merging events and building tables", 0.9)
    tables, warnings, outcomes = assemble(results, previous_membership(current(out_dir)), rows)
    for r in results:
        warnings += [f"{r.source_file}: {w}" for w in r.warnings]
    version = new_version(out_dir)
    report = {
        "tool": "asean-digital-diplomacy data_prep", "version": __version__,
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seeds_dir": str(seeds_dir), "out_dir": str(out_dir), "build_folder": version.name,
        "files": [{"file": r.source_file, "article_id": r.article_id, "status": r.status, "reason": r.reason,
                   "warnings": r.warnings, "dropped_lines": len(r.dropped), "sha256": r.sha256} for r in results],
        "counts": {name: int(len(df)) for name, df in tables.items()},
        "n_files": len(results), "n_included": sum(r.status == "included" for r in results),
        "n_rejected": sum(r.status == "rejected" for r in results),
        "corrections": {"file": str(corrections_file), "n": len(rows),
                        "applied": sum(r["status"] == "applied" for r in outcomes.rows()),
                        "stale": outcomes.stale_rows()},
        "extracted": {"articles": cache.misses if cache else len(results), "from_cache": cache.hits if cache else 0,
                      "on": where(cache.misses if cache else len(results), workers, dask_address)},
        "warnings": warnings,
        "run_time_s": round(time.perf_counter() - started, 3),
    }
    # Save outputs: the whole build into its own folder, the report last, then one atomic swap
    try:
        write_tables(tables, version)
        if progress:
            progress("Writing the search index", 0.95)
        t0 = time.perf_counter()   # the index swaps in with the tables: same folder
        report["search_index"] = {"file": INDEX_FILE, "sentences": write_index(tables, version / INDEX_FILE),
                                  "write_time_s": round(time.perf_counter() - t0, 3)}
        (version / "build_report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                                                   encoding="utf-8")
        swap_in(version, out_dir)
    except BaseException:
        shutil.rmtree(version, ignore_errors=True)
        raise
    prune(out_dir)
    if cache:
        cache.prune()
    if progress:
        progress("Done", 1.0)
    return report
