"""Main-text extractors on real saved news pages: why data_prep/webpage.py uses trafilatura.

Saved web pages are reduced to their article text before anything else reads them, so an extractor
that drops body sentences loses facts and one that keeps menus and "related stories" adds noise.
This runs trafilatura (with the pipeline's own settings, and without favor_precision) against
readability-lxml, jusText, newspaper4k, goose3 and, as a no-extraction baseline, html-text (the whole
visible text), on the 20 real pages in bench/webpages/ (their README says where each page and its
gold come from). It prints, per extractor:

- must-have: share of the gold's body sentences found in the extracted text (sets A and B apart:
  set A is trafilatura's own evaluation data, which it is developed against; set B is not);
- boilerplate: share of the gold's must-not strings (menus, teasers, footers) wrongly kept (set A);
- body P / R: word-level precision and recall against the gold article body (set B);
- title: gold title equal to, or contained in, the extracted title (set A);
- date: extracted publication date equal to the gold's (set A; only extractors that give one);
- ms/page: median time per page; offline: whether it ran with every network connection refused.

Extractors that are not installed are skipped with a message. Every page is given as text, without
its URL (the pipeline gets saved files, not URLs); newspaper4k needs one, so it gets a placeholder.
jusText needs a stop-word list, so it is given the page's language from the gold (its
language-independent mode for Chinese and Japanese, which it has no list for). Figures only, no
assertions.
"""
from __future__ import annotations

import gzip
import json
import re
import socket
import statistics
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "webpages"
INSTALL = "pip install readability-lxml justext newspaper4k goose3 html-text"
JUSTEXT_LISTS = {"en": "English", "id": "Indonesian", "ko": "Korean"}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", (text or "").lower()))


def load_pages() -> list[dict]:
    pages = []
    for gold_path in sorted(PAGES.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = gold_path.name.removesuffix(".gold.json")
        gold["name"] = name
        gold["html"] = gzip.decompress((PAGES / f"{name}.html.gz").read_bytes()).decode("utf-8")
        pages.append(gold)
    return pages


def block_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per block element (readability returns HTML)."""
    import lxml.html

    tree = lxml.html.fromstring(fragment or "<div></div>")
    for el in tree.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"):
        el.tail = "\n" + (el.tail or "")
    return tree.text_content()


# Each maker imports its library and returns a function html, page -> (text, title, date), where
# title and date are None when the library gives none.

def make_trafilatura_pipeline():
    import trafilatura

    def run(html, page):   # the options data_prep/webpage.py uses
        doc = trafilatura.bare_extraction(html, with_metadata=True, favor_precision=True,
                                          include_comments=False, include_tables=False)
        return (doc.text, doc.title, doc.date) if doc is not None else ("", None, None)
    return run


def make_trafilatura_balanced():
    import trafilatura

    def run(html, page):
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False)
        return (doc.text, doc.title, doc.date) if doc is not None else ("", None, None)
    return run


def make_readability():
    from readability import Document

    def run(html, page):
        doc = Document(html)
        return block_text(doc.summary(html_partial=True)), doc.short_title(), None
    return run


def make_justext():
    import justext

    def run(html, page):
        lang = JUSTEXT_LISTS.get(page["language"])
        if lang:
            paras = justext.justext(html, justext.get_stoplist(lang))
        else:   # no list for the language: jusText's language-independent mode
            paras = justext.justext(html, frozenset(), stopwords_low=0, stopwords_high=0)
        return "\n".join(p.text for p in paras if not p.is_boilerplate), None, None
    return run


def make_newspaper():
    from newspaper import Article

    def run(html, page):
        art = Article("http://localhost/saved-page.html", fetch_images=False)   # no image downloads
        art.download(input_html=html)
        art.parse()
        return art.text, art.title, art.publish_date
    return run


def make_goose():
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False})

    def run(html, page):
        art = goose.extract(raw_html=html)
        date = art.publish_date   # the page's own string; its parsed form when not ISO ("Feb 18, 2020")
        if date and not re.match(r"\d{4}-\d\d-\d\d", date):
            date = art.publish_datetime_utc
        return art.cleaned_text, art.title, date
    return run


def make_html_text():
    import html_text

    def run(html, page):
        return html_text.extract_text(html), None, None
    return run


EXTRACTORS = [   # (name, short name, pip package, maker, gives a title, gives a date, note)
    ("trafilatura (pipeline settings)", "traf-pipe", "trafilatura", make_trafilatura_pipeline, 1, 1, ""),
    ("trafilatura (no favor_precision)", "traf-nofp", "trafilatura", make_trafilatura_balanced, 1, 1, ""),
    ("readability-lxml", "readability", "readability-lxml", make_readability, 1, 0, ""),
    ("jusText", "justext", "justext", make_justext, 0, 0, "text only; needs the page's language"),
    ("newspaper4k", "newspaper4k", "newspaper4k", make_newspaper, 1, 1,
     "offline only with fetch_images=False (by default it downloads the page's images: 520 "
     "connection attempts here); Korean needs nltk and its punkt_tab data download"),
    ("goose3", "goose3", "goose3", make_goose, 1, 1, ""),
    ("html-text (whole page, baseline)", "html-text", "html-text", make_html_text, 0, 0,
     "no extraction: the page's whole visible text"),
]


class NoNetwork:
    """Refuses (and counts) every connection and DNS look-up made inside the block."""

    def __enter__(self):
        self.attempts = 0
        self._connect, self._getaddrinfo = socket.socket.connect, socket.getaddrinfo

        def refuse(*args, **kwargs):
            self.attempts += 1
            raise OSError("network disabled by bench/webpage_extractors.py")
        socket.socket.connect, socket.getaddrinfo = refuse, refuse
        return self

    def __exit__(self, *exc):
        socket.socket.connect, socket.getaddrinfo = self._connect, self._getaddrinfo


def measure(maker, pages: list[dict]) -> dict:
    """Runs one extractor over every page with the network refused; counts per metric."""
    res = Counter()
    res.update(prec=0.0, rec=0.0)
    ms, errors, per_page = [], [], {}
    with NoNetwork() as net, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run = maker()
        for page in pages:
            t0 = time.perf_counter()
            try:
                text, title, date = run(page["html"], page)
            except Exception as exc:   # noqa: BLE001 - a failing page counts as an empty extraction
                text, title, date = "", None, None
                errors.append(f"{page['name']}: {type(exc).__name__}: "
                              f"{str(exc).strip().splitlines()[0][:120]}")
            ms.append((time.perf_counter() - t0) * 1000)
            text = norm(text)
            found = sum(norm(s) in text for s in page["must_have"])
            per_page[page["name"]] = f"{found}/{len(page['must_have'])}"
            part = "B" if page.get("body") else "A"
            res[f"have_{part}"] += found
            res[f"have_{part}_n"] += len(page["must_have"])
            res["bad"] += sum(norm(s) in text for s in page["must_not"])
            res["bad_n"] += len(page["must_not"])
            if page.get("body"):   # word overlap with the gold article body
                got, want = words(text), words(page["body"])
                overlap = sum((got & want).values())
                res["prec"] += overlap / max(sum(got.values()), 1)
                res["rec"] += overlap / max(sum(want.values()), 1)
                res["body_n"] += 1
            if page.get("title"):
                gold_title, got_title = norm(page["title"]), norm(title)
                res["title_n"] += 1
                res["title_exact"] += gold_title == got_title
                res["title"] += bool(got_title) and gold_title in got_title
            if page.get("date"):
                res["date_n"] += 1
                res["date"] += str(date or "")[:10] == page["date"]
    return {"counts": res, "ms": statistics.median(ms), "errors": errors, "per_page": per_page,
            "offline": "yes" if net.attempts == 0 else f"no ({net.attempts} connection attempts)"}


def share(k: int, n: int) -> str:
    return f"{k}/{n} ({k / n:.0%})" if n else "-"


def main() -> int:
    pages = load_pages()
    n_b = sum(bool(p.get("body")) for p in pages)
    print(f"{len(pages)} saved news pages in bench/webpages/: set A {len(pages) - n_b} from "
          f"trafilatura's own evaluation data, set B {n_b} from the ScrapingHub "
          "article-extraction-benchmark")
    print(f"comparison libraries (not dependencies): {INSTALL}")
    head = ["extractor", "must-have A", "must-have B", "boilerplate kept A", "body P / R B",
            "title A", "date A", "ms/page", "offline"]
    rows, per_page, notes = [], {}, []
    for name, short, package, maker, gives_title, gives_date, note in EXTRACTORS:
        try:
            res = measure(maker, pages)
        except ImportError:
            print(f"skipped: {package} not installed (pip install {package})")
            continue
        c = res["counts"]
        per_page[short] = res["per_page"]
        notes += [f"  {name}: {note}"] * bool(note)
        notes += [f"  {name} failed on {e}" for e in res["errors"]]
        rows.append([
            name, share(c["have_A"], c["have_A_n"]), share(c["have_B"], c["have_B_n"]),
            share(c["bad"], c["bad_n"]),
            f"{c['prec'] / c['body_n']:.2f} / {c['rec'] / c['body_n']:.2f}" if c["body_n"] else "-",
            f"{c['title']}/{c['title_n']} ({c['title_exact']} exact)" if gives_title else "-",
            share(c["date"], c["date_n"]) if gives_date else "-",
            f"{res['ms']:.0f}", res["offline"] + (f", {len(res['errors'])} failed" if res["errors"] else ""),
        ])
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    print()
    for r in [head, ["-" * w for w in widths]] + rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    print("\n".join(["", "notes:"] + notes) if notes else "")
    print("\nmust-have sentences found, per page:")
    names = list(per_page)
    print("    " + "page".ljust(27) + " ".join(n.ljust(11) for n in names))
    for page in pages:
        print(f"  {'B' if page.get('body') else 'A'} {page['name'][:26].ljust(26)} "
              + " ".join(per_page[n][page["name"]].ljust(11) for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
