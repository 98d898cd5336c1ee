"""Full-text search over every article's sentences, in Indonesian and English, by word family.

The build writes `search.sqlite` beside the tables (`write_index`); the dashboard asks it (`search`,
`count_hits`). One row per sentence of each article's cleaned text (`articles_text`), with the sentence's
offsets into that text, so a hit opens the article with the sentence marked. Evidence sentences are
sentences of those texts, so they are searched too. Articles the build did not count as an event's
report (opinion pieces, reports without a dated meeting) are searched as well, with no event (an empty
`event_id`): an analyst looking for where a topic came up wants them, and a filter on events leaves
them out by itself.

How words match: each word of a sentence is indexed under its word-family keys, the same ones theme cues
match by (`wordforms.forms`): the lower-cased word, its Indonesian root (PySastrawi, `id:lindung`) and
its English stem (Snowball, `en:scam`), accents folded. A query word is keyed the same way and matches a
sentence word when they share a key, so `melindungi` finds `perlindungan` and `scams` finds `scam`, in
whichever language the query is written. Every query word must appear in the sentence (AND); hits are
ranked by bm25. Words are runs of letters and digits: `kerja-sama` is the two words `kerja` and `sama`.

Storage: SQLite's FTS5 (in Python's standard library), a contentless FTS5 table over the keys (the keys
are only matched, never shown, so they are not stored twice) joined by rowid to a plain table of the
sentences. The user's text never reaches FTS5 syntax: each key is quoted as an FTS5 string."""
from __future__ import annotations

import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .sentences import split_sentences
from .wordforms import forms

INDEX_FILE = "search.sqlite"   # its name in a build folder
FORMAT = 1                     # PRAGMA user_version of the file; raise it when the layout changes
MAX_TERMS = 32                 # query words kept (distinct, in order): FTS5 caps an expression's depth
_PART = re.compile(r"[^\W_]+")  # a word: a run of letters and digits
# ':' joins a key's language tag to its root, so `id:lindung` is one FTS5 token
_TOKENIZER = "unicode61 remove_diacritics 2 tokenchars ':'"


@dataclass(frozen=True)
class Hit:
    """One matching sentence: its article and event, the sentence, its [char_start, char_end) offsets in
    the article's cleaned text, its bm25 rank (lower is more relevant) and `marks`, the [start, end)
    offsets within the sentence of the words whose family matched a query word."""
    article_id: str
    event_id: str
    sentence: str
    char_start: int
    char_end: int
    rank: float
    marks: tuple[tuple[int, int], ...] = ()


def _fold(word: str) -> str:
    """Lower case without accents (`Hà` -> `ha`), as FTS5's remove_diacritics would, so Python and
    SQLite key a word alike."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)   # a corpus repeats its words: a build keys each once
def word_keys(word: str) -> frozenset[str]:
    """The keys a word is indexed and matched by: the word, its Indonesian root and its English stem
    (wordforms.forms), accents folded."""
    folded = _fold(word)
    return forms(folded) if folded else frozenset()


def _words(text: str) -> Iterator[re.Match]:
    return _PART.finditer(text)


@lru_cache(maxsize=200_000)
def _keys_text(word: str) -> str:
    """A word's keys space-joined, sorted (so the file is the same whatever the hash seed)."""
    return " ".join(sorted(word_keys(word)))


def sentence_keys(sentence: str) -> str:
    """The `stems` column of one sentence: the keys of each of its words, space-joined."""
    return " ".join(filter(None, map(_keys_text, _PART.findall(sentence))))


def _rows(tables: dict[str, pd.DataFrame]) -> Iterator[tuple[str, str, int, int, str, str]]:
    """(article_id, event_id, char_start, char_end, sentence, stems) for every sentence of every article
    with a text, in article_id then offset order; event_id is "" for an article counted under no event."""
    arts = tables["articles"]
    included = (arts["status"] == "included").to_numpy()
    event_of = {str(a): (str(e) if ok and pd.notna(e) else "")
                for a, e, ok in zip(arts["article_id"], arts["event_id"], included)}
    texts = tables["articles_text"]
    for article_id, text in sorted(zip(texts["article_id"].astype(str), texts["text"])):
        if article_id not in event_of or not isinstance(text, str):
            continue
        for s in split_sentences(text):
            keys = sentence_keys(s.text)
            if keys:
                yield article_id, event_of[article_id], s.start, s.end, s.text, keys


def write_index(tables: dict[str, pd.DataFrame], path: Path) -> int:
    """Write the search index of a build's tables (`articles`, `articles_text`) to `path`, replacing any
    file there in one rename (a reader never sees half an index); returns the sentences written."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(f"""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA user_version = {FORMAT};
            CREATE TABLE sentences (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, event_id TEXT NOT NULL,
                                    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, sentence TEXT NOT NULL);
            CREATE VIRTUAL TABLE fts USING fts5(stems, content='', tokenize="{_TOKENIZER}");
        """)
        n = 0
        with con:
            for n, (article_id, event_id, start, end, sentence, keys) in enumerate(_rows(tables), start=1):
                con.execute("INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?)", (n, article_id, event_id, start, end, sentence))
                con.execute("INSERT INTO fts (rowid, stems) VALUES (?, ?)", (n, keys))
            con.execute("INSERT INTO fts (fts) VALUES ('optimize')")   # one b-tree: quicker queries
        con.execute("VACUUM")
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(tmp, path)
    return n


def query_terms(query: str) -> list[frozenset[str]]:
    """The query as a list of words, each the set of keys it matches by (distinct words, in order, at
    most MAX_TERMS); [] when it has no letters or digits."""
    out: list[frozenset[str]] = []
    for m in _words(query or ""):
        keys = word_keys(m.group())
        if keys and keys not in out:
            out.append(keys)
    return out[:MAX_TERMS]


def _fts_query(terms: list[frozenset[str]]) -> str:
    """FTS5 syntax for the terms: each word's keys ORed, the words ANDed, every key an FTS5 string."""
    def quoted(key: str) -> str:
        return '"' + key.replace('"', '""') + '"'
    return " AND ".join("(" + " OR ".join(quoted(k) for k in sorted(keys)) + ")" for keys in terms)


def _connect(path: Path) -> sqlite3.Connection:
    """The index read-only (a build folder never changes once swapped in); FileNotFoundError when absent."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no search index at {path}")
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)


def _events(event_ids: Collection[str] | None) -> frozenset[str] | None:
    """The event ids as a set of strings (any collection, a pandas Series too); None stays None (all)."""
    return None if event_ids is None else frozenset(str(e) for e in event_ids)


def _where(terms: list[frozenset[str]], events: frozenset[str] | None) -> tuple[str, list]:
    """The WHERE clause and its parameters: the FTS5 query, and the events as one JSON array (any
    number of ids, where `IN (?, ?, …)` would meet SQLite's limit on parameters)."""
    sql, params = "fts MATCH ?", [_fts_query(terms)]
    if events is not None:
        sql += " AND s.event_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sorted(events)))
    return sql, params


def marks(sentence: str, terms: list[frozenset[str]]) -> list[tuple[int, int]]:
    """Offsets within the sentence of its words that share a key with any query word."""
    wanted = frozenset().union(*terms) if terms else frozenset()
    return [(m.start(), m.end()) for m in _words(sentence) if word_keys(m.group()) & wanted]


def search(path: Path, query: str, event_ids: Collection[str] | None = None, limit: int = 50,
           offset: int = 0) -> list[Hit]:
    """The sentences of the index at `path` holding every word of `query` (by word family), most relevant
    first (bm25; ties in article and offset order), `limit` of them from `offset`. `event_ids` keeps the
    sentences of those events' articles (None: all). Any text is a valid query: operators and quotes are
    plain words, and a query without letters or digits finds nothing. FileNotFoundError when the index
    is missing (a build made before search existed)."""
    terms, events = query_terms(query), _events(event_ids)
    if not terms or limit <= 0 or events == frozenset():
        return []
    where, params = _where(terms, events)
    con = _connect(path)
    try:
        rows = con.execute(
            "SELECT s.article_id, s.event_id, s.sentence, s.char_start, s.char_end, fts.rank "
            f"FROM fts JOIN sentences s ON s.id = fts.rowid WHERE {where} "
            "ORDER BY fts.rank, s.id LIMIT ? OFFSET ?", [*params, int(limit), max(0, int(offset))]).fetchall()
    finally:
        con.close()
    return [Hit(a, e, s, int(cs), int(ce), float(r), tuple(marks(s, terms))) for a, e, s, cs, ce, r in rows]


def count_hits(path: Path, query: str, event_ids: Collection[str] | None = None) -> int:
    """How many sentences `search` would find for the query and events, over all pages."""
    terms, events = query_terms(query), _events(event_ids)
    if not terms or events == frozenset():
        return 0
    where, params = _where(terms, events)
    con = _connect(path)
    try:
        join = "" if events is None else " JOIN sentences s ON s.id = fts.rowid"   # no join: quicker
        return int(con.execute(f"SELECT count(*) FROM fts{join} WHERE {where}", params).fetchone()[0])
    finally:
        con.close()
