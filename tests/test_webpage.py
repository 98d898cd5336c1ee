"""Saved web pages as articles: the main text without the page's furniture, and the title, site and
publication date from its metadata (the body gives no year here, only `Kamis (12/5)`). The page is made
up for this test, in the shape news sites use."""
from __future__ import annotations

import pandas as pd

from data_prep import build
from data_prep.article import process_article

PAGE = """<!doctype html><html lang="id"><head>
<title>Menteri Digital ASEAN bahas keamanan siber | Contoh News</title>
<meta property="og:title" content="Menteri Digital ASEAN bahas keamanan siber">
<meta property="og:site_name" content="Contoh News">
<meta property="article:published_time" content="2022-05-12T14:05:00+07:00">
<meta name="author" content="Rina Wartawan">
<link rel="canonical" href="https://www.antaranews.com/berita/123/menteri-digital-asean">
<script>window.ads = {slot: "top"}; document.write("<p>iklan</p>");</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Beranda</a> | <a href="/politik">Politik</a> | <a href="/dunia">Dunia</a></nav>
<article>
<h1>Menteri Digital ASEAN bahas keamanan siber</h1>
<p>Pertemuan Menteri Digital ASEAN ke-2 digelar di Jakarta pada Kamis (12/5) dengan kehadiran
para menteri dari sepuluh negara anggota ASEAN.</p>
<p>Menteri Komunikasi dan Informatika Johnny G. Plate membuka pertemuan itu dan mengajak negara
anggota memperkuat kerja sama keamanan siber serta ekonomi digital di kawasan.</p>
<p>Para menteri juga membahas perlindungan warga dari penipuan daring yang kian marak di Asia
Tenggara, termasuk pertukaran informasi antarlembaga.</p>
</article>
<aside><h3>Baca juga</h3><a href="/x">Berita lain yang tidak terkait</a></aside>
<footer>Hak cipta 2022 Contoh News. Semua hak dilindungi.</footer>
</body></html>"""


def test_a_saved_page_is_read_as_its_article():
    r = process_article("page", "page.html", PAGE.encode())
    assert r.status == "included", r.reason
    assert str(r.metadata.published_date) == "2022-05-12"      # only the page's metadata gives the year
    assert r.metadata.title == "Menteri Digital ASEAN bahas keamanan siber"
    assert r.metadata.outlet == "Antara"                          # from the canonical address's domain
    assert "window.ads" not in r.text and "Beranda" not in r.text and "Hak cipta" not in r.text
    assert (str(r.event.start_date), r.event.city) == ("2022-05-12", "Jakarta")
    assert "Johnny G. Plate" in {p.name for p in r.people}


def test_a_page_without_an_article_is_rejected_with_a_reason():
    scripts = "<html><head><script>var x = 1;</script></head><body><script>load()</script></body></html>"
    r = process_article("scripts", "scripts.htm", scripts.encode())
    assert r.status == "rejected" and "web page with no article text" in r.reason
    menu = "<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>"
    r = process_article("menu", "menu.html", menu.encode())
    assert r.status == "rejected" and "too short to be an article" in r.reason


def test_a_folder_with_pages_and_text_builds(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "page.html").write_text(PAGE, encoding="utf-8")
    (seeds / "notes.pdf").write_bytes(b"%PDF-1.4")
    build(seeds, tmp_path / "out")
    a = pd.read_csv(tmp_path / "out" / "articles.csv").set_index("article_id")
    assert a.loc["page", "status"] == "included" and a.loc["page", "published_date"] == "2022-05-12"
    assert "unsupported file type '.pdf'" in a.loc["notes", "reason"]


def test_add_copies_in_rebuilds_and_says_what_each_file_added(tmp_path, capsys):
    """`python -m data_prep add`: a saved page makes a new event; a report of a meeting already in the
    seeds (the 2018 sub-regional counter-terrorism meeting, dev article 04) joins that event; a PDF is
    skipped with its reason; adding the same files again adds nothing (exit 1)."""
    import shutil
    from pathlib import Path

    from data_prep.__main__ import main
    repo = Path(__file__).resolve().parent.parent
    seeds, new, out = tmp_path / "seeds", tmp_path / "new", tmp_path / "out"
    shutil.copytree(repo / "seeds", seeds)
    new.mkdir()
    (new / "page.html").write_text(PAGE, encoding="utf-8")
    shutil.copy(repo / "tests" / "dev_corpus" / "articles" / "04_srm_ct_jakarta_working_group.txt", new)
    (new / "scan.pdf").write_bytes(b"%PDF-1.4")
    assert main(["build", "--seeds", str(seeds), "--out", str(out), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["add", str(new), "--seeds", str(seeds), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "scan.pdf: skipped (unsupported file type '.pdf'" in said
    assert "page: a new event: 2022-05-12-" in said
    line = next(x for x in said.splitlines() if x.startswith("04_srm_ct_jakarta_working_group:"))
    assert "joined the event already reported by 002_dc5edf585ab250e2" in line and "2018-11-06" in line
    assert (seeds / "page.html").exists()
    assert main(["add", str(new), "--seeds", str(seeds), "--out", str(out)]) == 1
    assert "nothing new to add" in capsys.readouterr().out
