"""Articles per second of our per-article extraction against a peer on the same texts: spaCy's blank
Indonesian pipeline (tokenizer, sentencizer and an EntityRuler) over the project's own country, title,
event, theme and cue lists, built as a user would build it from those files.

Why it is a fair peer: it reads the same lists our regexes are compiled from, splits sentences as ours
does, and runs in one process on the same texts: the spaCy build its docs lead a user to for that job
(`*` suffix cues, which phrase patterns cannot hold, become token patterns with a prefix REGEX; the
rate without them is printed too, since they cost the peer most of its time).
It is not an equal one: the peer only tags phrases, while ours also cleans the text, reads metadata,
resolves events, dates, roles, people and themes. The ratio says what that extra work costs, not
which tool is better. Pipeline construction (and our first article, which loads and compiles the
data files) is timed apart and left out of both rates."""
from __future__ import annotations

import math
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from data_prep.article import process_article  # noqa: E402
from data_prep.countries import demonyms, gazetteer  # noqa: E402
from data_prep.resources import read_rows  # noqa: E402

# event_words.csv kinds that are bare function words (`di`, `dan`, `the`, `to`, `lalu`): parser
# plumbing for our regexes, not phrases a user would tag as entities.
FUNCTION_WORD_KINDS = {"name_stop", "place_prep", "range", "date_of", "weekday_past", "weekday_future", "topic"}


def _country_names() -> list[tuple[str, str]]:
    """(surface, ISO3) for CLDR names in Indonesian and English plus country_aliases.csv (our gazetteer)."""
    return sorted(gazetteer().items())


def source_lists() -> dict[str, list[tuple[str, str, str]]]:
    """Each source list as (label, phrase, id) rows, from the project's own data files."""
    return {
        "countries (CLDR id/en + country_aliases.csv)": [("COUNTRY", s, iso3) for s, iso3 in _country_names()],
        "demonyms.csv": [("NORP", d, iso3) for d, iso3 in sorted(demonyms().items())],
        "titles.csv": [("TITLE", r["title"], r["iso3"] or "title") for r in read_rows("titles")],
        "event_types.csv": [("EVENT", r["keyword"], r["event_type"]) for r in read_rows("event_types")],
        "event_words.csv": [("EVENT_CUE", r["word"], r["kind"]) for r in read_rows("event_words")
                            if r["kind"] not in FUNCTION_WORD_KINDS],
        "theme_cues.csv": [("THEME", r["cue"], r["theme"]) for r in read_rows("theme_cues")],
        "cues.csv": [("CUE", r["cue"], r["kind"]) for r in read_rows("cues")],
    }


def _token_pattern(nlp: Any, phrase: str) -> list[dict]:
    """A token pattern for a phrase with `*` suffix wildcards (`protect* citizens`), which phrase
    patterns cannot express: the starred word's last token becomes a prefix regex."""
    tokens: list[dict] = []
    for word in phrase.split():
        parts = [t.lower_ for t in nlp.make_doc(word.rstrip("*"))]
        tokens += [{"LOWER": p} for p in parts]
        if word.endswith("*"):
            tokens[-1] = {"LOWER": {"REGEX": "^" + re.escape(parts[-1])}}
    return tokens


def peer_patterns(nlp: Any, wildcards: bool = True) -> tuple[list[dict], dict[str, int]]:
    """EntityRuler patterns (deduplicated per label, case-insensitively) and their count per source
    list; `wildcards=False` leaves out the `*` cues instead of making them token patterns."""
    seen: set[tuple[str, str]] = set()
    patterns: list[dict] = []
    counts: dict[str, int] = {}
    for source, rows in source_lists().items():
        counts[source] = 0
        for label, phrase, ent_id in rows:
            phrase = " ".join(phrase.split())
            if not phrase or (label, phrase.lower()) in seen or ("*" in phrase and not wildcards):
                continue
            seen.add((label, phrase.lower()))
            pattern = _token_pattern(nlp, phrase) if "*" in phrase else phrase
            patterns.append({"label": label, "pattern": pattern, "id": ent_id})
            counts[source] += 1
    return patterns, counts


def build_peer(wildcards: bool = True) -> Any:
    """spacy.blank("id") + sentencizer + an EntityRuler (phrase patterns on LOWER) over our data files."""
    import spacy

    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    patterns, counts = peer_patterns(nlp, wildcards)
    ruler.add_patterns(patterns)
    nlp.meta["pattern_counts"] = counts
    nlp.meta["token_patterns"] = sum(not isinstance(p["pattern"], str) for p in patterns)
    return nlp


def peer_rate(texts: list[str], nlp: Any | None = None) -> float:
    """Articles/s of nlp.pipe over the texts, after one warm-up doc."""
    nlp = nlp or build_peer()
    list(nlp.pipe(texts[:1]))
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts):
        _ = doc.ents, list(doc.sents)
    return len(texts) / (time.perf_counter() - t0)


def our_rate(files: list[tuple[str, bytes]]) -> float:
    """Articles/s of data_prep.article.process_article over the files, one process, after a warm-up."""
    name, data = files[0]
    process_article(Path(name).stem, name, data)
    t0 = time.perf_counter()
    for name, data in files:
        process_article(Path(name).stem, name, data)
    return len(files) / (time.perf_counter() - t0)


def corpus(n: int) -> tuple[str, list[tuple[str, str]]]:
    """(description, [(file name, text)]): bench/synthetic_corpus.py's article_texts(n, 0) when it
    exists, else n altered copies of the seed articles (bench/seed_copies.py)."""
    why = "no synthetic corpus yet"
    try:
        from synthetic_corpus import article_texts  # bench/synthetic_corpus.py
        return "synthetic articles (bench/synthetic_corpus.py, seed 0)", list(article_texts(n, 0))
    except ImportError:
        pass
    except Exception as exc:  # the generator is still being written: say so, and fall back
        why = f"bench/synthetic_corpus.py failed: {type(exc).__name__}: {exc}"
    from seed_copies import write_seed_copies  # bench/seed_copies.py

    with tempfile.TemporaryDirectory() as tmp:
        write_seed_copies(Path(tmp), math.ceil(n / 5))
        paths = sorted(Path(tmp).glob("*.txt"))[:n]
        return f"seed copies (bench/seed_copies.py; {why})", [
            (p.name, p.read_text(encoding="utf-8")) for p in paths]


def _timed(fn, *args) -> tuple[Any, float]:
    """fn(*args) and the seconds it took."""
    t0 = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t0


def main(n: int = 500) -> int:
    """Print the peer's rate, ours, and the ratio ours/peer on the same n texts."""
    try:
        import spacy
    except ImportError:
        print("spaCy not installed (pip install '.[bench]'); peer skipped")
        return 0
    what, texts = corpus(n)
    nlp, t_build = _timed(build_peer)
    counts = nlp.meta["pattern_counts"]
    peer = peer_rate([t for _, t in texts], nlp)
    print(f"peer: spaCy {spacy.__version__} blank('id') + sentencizer + EntityRuler ({sum(counts.values())} "
          f"patterns, built in {t_build:.2f} s) on {len(texts)} {what}: {peer:.0f} articles/s")
    print("      patterns per list: " + ", ".join(f"{k} {v}" for k, v in counts.items())
          + f"; {nlp.meta['token_patterns']} of them `*` cues as token patterns with a prefix REGEX")
    phrase_only = peer_rate([t for _, t in texts], build_peer(wildcards=False))
    print(f"      phrase patterns only (the `*` cues left out): {phrase_only:.0f} articles/s")
    files = [(name, text.encode("utf-8")) for name, text in texts]
    _, t_warm = _timed(lambda: process_article(Path(files[0][0]).stem, *files[0]))
    ours = our_rate(files)
    print(f"ours: data_prep.article.process_article, one process (first article, which compiles its "
          f"patterns, {t_warm:.2f} s, left out): {ours:.0f} articles/s")
    print(f"ratio ours/peer: {ours / peer:.2f} (the peer only tags phrases; ours also resolves events, "
          f"dates, roles, people and themes); against the phrase-only peer: {ours / phrase_only:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 500))
