"""Rebuilds this folder from clones of its two source repositories (README.md here says which
commits): copies each chosen page (gzipped) and writes its gold from the repository's own
expectations, never from an extractor's output. Not run by the benchmarks.

    python bench/webpages/make_gold.py PATH/TO/trafilatura PATH/TO/article-extraction-benchmark
"""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent

# set A: adbar/trafilatura, tests/{cache,eval}/<file> with tests/evaldata.json (Apache-2.0)
SET_A = {   # name: (path under tests/, language)
    "xinhuanet-wuhan": ("eval/xinhuanet.com.c_1125597921.html", "zh"),
    "banyuetan-yiyang": ("eval/banyuetan.org.1000200033136171577956287380194268_1.html", "zh"),
    "japantimes-masks": ("eval/japantimes.co.jp.surgical.html", "en"),
    "nhk-easy-punishment": ("eval/nhk.or.jp.k100.html", "ja"),
    "kbs-cold-wave": ("eval/world.kbs.co.kr-Temperatures.html", "en"),
    "scmp-tsai-playbook": ("cache/scmp.com.playbook.html", "en"),
    "economictimes-iphone-se": ("eval/economictimes.indiatimes.com.slideshow.html", "en"),
    "reuters-parasite": ("cache/reuters.com.parasite.html", "en"),
    "bbc-ny-burials": ("eval/bbc.com.52241221.html", "en"),
    "nytimes-blackouts": ("eval/nytimes.com.blackouts.html", "en"),
}
# set B: scrapinghub/article-extraction-benchmark, html/<id>.html.gz with ground-truth.json (MIT)
SET_B = {   # name: (page id, language)
    "chron-esper-vietnam": ("db6b0816c612296c7f1f001c6df874214fcca0da0fc86fb3aea9358c7f681754", "en"),
    "kabarislamia-sunni-syiah": ("7837c9d66c815b9a21dd669a3dc21677c3f084b1b7dd603d56e87867d8970dd3", "id"),
    "kabarislamia-membenci": ("21486419bb109c5a62a68957f528e6ff29c92f58d8d3c1f2837c86ff3f3e11f9", "id"),
    "entermedia-kr-column": ("0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2", "ko"),
    "newsnation-in-oxygen-bar": ("076f4f33bf75059db581bedf36e76fb65e89a8f7752db3339aa3ea11c5122f32", "en"),
    "deccanherald-tariffs": ("39d5c43beb60605c3eec760c99500e62e7bd71ebbe4ae05edf382125e1b0b80a", "en"),
    "autoindustriya-ph-sentra": ("3cb5e2f46626d5bb0345759453036f7eabc0b0c7796b796513606bf693060ced", "en"),
    "cityam-alibaba-hk": ("360c732d1fdbfc6895d7096c0c0b8c0d581bb1af80160f4c6a0f1fd9ff85e469", "en"),
    "cnn-asian-markets": ("d605bdef2cde7308a9f2fbd1484d4a9c3da0167177245d346da61e455f42208d", "en"),
    "reuters-global-markets": ("57d46c9d751e3fd3ffaf3ede7ac20cebd30eacb5ea78e1a6aa0a72059244e7ca", "en"),
}


def show(repo: str, path: str) -> bytes:
    return subprocess.run(["git", "-C", repo, "show", f"HEAD:{path}"], capture_output=True,
                          check=True).stdout


def head(repo: str) -> str:
    return subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()


def write(name: str, html: bytes, gold: dict) -> None:
    (OUT / f"{name}.html.gz").write_bytes(gzip.compress(html, mtime=0))
    (OUT / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def first_sentence(paragraph: str) -> str:
    """The paragraph's first sentence of at least 40 characters, cut at a space near 150."""
    for m in re.finditer(r"[.!?](?=[\s\"”’']|$)", paragraph):
        if m.end() >= 40:
            paragraph = paragraph[:m.end()]
            break
    if len(paragraph) > 150:
        paragraph = paragraph[:150].rsplit(" ", 1)[0]
    return paragraph.strip()


def main(traf: str, sh: str) -> None:
    evaldata = json.loads(show(traf, "tests/evaldata.json"))
    by_file = {v["file"]: (url, v) for url, v in evaldata.items()}
    commit = head(traf)[:12]
    for name, (path, lang) in SET_A.items():
        url, v = by_file[path.split("/", 1)[1]]
        write(name, show(traf, f"tests/{path}"), {
            "source": f"adbar/trafilatura@{commit} tests/{path}; gold from tests/evaldata.json",
            "licence": "Apache-2.0", "url": url, "language": lang,
            "title": v.get("title") or None, "date": v.get("date") or None,
            "must_have": v["with"], "must_not": v["without"]})
    truth = json.loads(show(sh, "ground-truth.json"))
    commit = head(sh)[:12]
    for name, (page_id, lang) in SET_B.items():
        body = truth[page_id]["articleBody"]
        # must-have: the first sentence of the first, middle and last paragraph of 100+ characters
        paragraphs = [norm(p) for p in body.split("\n") if len(norm(p)) >= 100]
        picks = dict.fromkeys([paragraphs[0], paragraphs[len(paragraphs) // 2], paragraphs[-1]])
        write(name, gzip.decompress(show(sh, f"html/{page_id}.html.gz")), {
            "source": f"scrapinghub/article-extraction-benchmark@{commit} html/{page_id}.html.gz; "
                      "gold from ground-truth.json",
            "licence": "MIT", "url": truth[page_id]["url"], "language": lang,
            "title": None, "date": None,
            "must_have": [first_sentence(p) for p in picks], "must_not": [], "body": body})


if __name__ == "__main__":
    main(*sys.argv[1:3])
