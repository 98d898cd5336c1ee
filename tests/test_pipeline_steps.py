"""Unit tests for each step of data_prep, each on small literal strings whose expected values were
read off the strings themselves."""
from __future__ import annotations

from datetime import date

import pytest

from data_prep.countries import asean_members_on, find_asean_groups, find_countries, is_asean
from data_prep.dates import find_dates
from data_prep.events import EventCandidate
from data_prep.load import MAX_BYTES, clean_text, decode_bytes
from data_prep.merge import group_articles, same_event
from data_prep.metadata import detect_language, extract_metadata, find_url
from data_prep.participants import countries_in_sentence
from data_prep.people import find_people
from data_prep.sentences import Sentence, split_sentences
from data_prep.themes import find_themes

ASEAN_2019 = {"BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"}


def sent(text: str) -> Sentence:
    return Sentence(text, 0, len(text))


# --- load: decode -------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_decode_rejects_empty(data):
    dec = decode_bytes(data)
    assert dec.text is None
    assert "empty" in dec.reason


def test_decode_rejects_binary_with_nul_bytes():
    dec = decode_bytes(b"%PDF-1.4\x00\x01\x02\x00binary\x00stream" * 20)
    assert dec.text is None
    assert "not text" in dec.reason and "NUL" in dec.reason


def test_decode_rejects_oversized_input():
    data = b"Pertemuan diplomasi digital. " * (MAX_BYTES // 29 + 10)
    assert len(data) > MAX_BYTES
    dec = decode_bytes(data)
    assert dec.text is None
    assert "too large" in dec.reason


def test_decode_accepts_utf8_with_bom():
    dec = decode_bytes("\ufeffMenlu membuka Konferensi di Jakarta — “diplomasi”".encode("utf-8"))
    assert dec.reason is None and dec.warnings == []
    assert dec.text == "Menlu membuka Konferensi di Jakarta — “diplomasi”"


def test_decode_falls_back_to_cp1252_with_a_warning():
    dec = decode_bytes("The minister’s “café” talk – in Hanoi".encode("cp1252"))
    assert dec.text == "The minister’s “café” talk – in Hanoi"
    assert len(dec.warnings) == 1
    assert "not valid UTF-8" in dec.warnings[0] and "Windows-1252" in dec.warnings[0]


def test_decode_utf16_with_bom():
    dec = decode_bytes("Seminar tentang diplomasi digital di Bangkok".encode("utf-16"))
    assert dec.text == "Seminar tentang diplomasi digital di Bangkok"
    assert any("UTF-16" in w for w in dec.warnings)


# --- load: clean --------------------------------------------------------------------------------

def test_clean_normalises_nbsp_and_double_spaces():
    cleaned = clean_text("Menteri\u00a0Luar Negeri   RI  membuka\u2009acara itu.")
    assert cleaned.paragraphs == ["Menteri Luar Negeri RI membuka acara itu."]


def test_clean_joins_hard_wrapped_paragraph():
    text = ("The forum brought together diplomats from across the region to discuss\n"
            "how social media is changing the way embassies speak to the public and\n"
            "how ministries can train their staff for the new digital environment.\n")
    cleaned = clean_text(text)
    assert cleaned.paragraphs == [
        "The forum brought together diplomats from across the region to discuss how social media is "
        "changing the way embassies speak to the public and how ministries can train their staff for "
        "the new digital environment."]


def test_clean_keeps_web_copy_lines_separate():
    text = ("Menlu membuka pertemuan itu pada Selasa pagi di Jakarta.\n"
            "Delegasi dari sepuluh negara hadir dalam pertemuan tersebut hari ini.\n"
            "Pertemuan ditutup dengan pernyataan bersama.\n")
    cleaned = clean_text(text)
    assert cleaned.paragraphs == [
        "Menlu membuka pertemuan itu pada Selasa pagi di Jakarta.",
        "Delegasi dari sepuluh negara hadir dalam pertemuan tersebut hari ini.",
        "Pertemuan ditutup dengan pernyataan bersama.",
    ]


def test_clean_drops_furniture_with_reasons():
    text = ("logo beritakita.id\n\nSponsored\n\nA\n\nA\n\nMenlu membuka pertemuan itu di Jakarta.\n\n"
            "Baca juga: Menlu ASEAN bertemu di Bali\n\nBerita Lainnya\n\n"
            "Pertemuan ditutup pada sore hari.\n")
    cleaned = clean_text(text)
    assert cleaned.paragraphs == ["Menlu membuka pertemuan itu di Jakarta.", "Pertemuan ditutup pada sore hari."]
    dropped = dict(cleaned.dropped)
    assert set(dropped) == {"logo beritakita.id", "Sponsored", "A", "Baca juga: Menlu ASEAN bertemu di Bali",
                            "Berita Lainnya"}
    assert "logo" in dropped["logo beritakita.id"]
    assert "advert" in dropped["Sponsored"]
    assert "related" in dropped["Berita Lainnya"] and "related" in dropped["Baca juga: Menlu ASEAN bertemu di Bali"]
    assert all(reason for _, reason in cleaned.dropped)


def test_clean_drops_verbatim_repeated_paragraph():
    para = "Seminar itu dihadiri oleh para diplomat dari negara-negara sahabat."
    cleaned = clean_text(f"{para}\n\nMenlu memberikan sambutan.\n\n{para}\n")
    assert cleaned.paragraphs == [para, "Menlu memberikan sambutan."]
    assert (para, "repeats an earlier paragraph") in cleaned.dropped


# --- metadata -----------------------------------------------------------------------------------

BODY_ID = ("Menteri Luar Negeri RI membuka pertemuan itu di Jakarta dan mengatakan bahwa kerja sama "
           "digital akan terus diperkuat oleh negara-negara di kawasan untuk masa depan.")
BODY_EN = ("The foreign minister opened the meeting in Jakarta and said that digital cooperation "
           "in the region would be strengthened by the ministers of all member states for the future.")


def test_metadata_penulis_line_outlet_and_title():
    paras = ["Menlu ajak ASEAN perkuat diplomasi digital",
             "Penulis: Dewi Lestari | Rabu, 11 September 2019 | 18:10 WIB", BODY_ID]
    meta = extract_metadata(paras, ["logo beritakita.id", *paras])
    assert meta.outlet == "beritakita.id"
    assert meta.title == "Menlu ajak ASEAN perkuat diplomasi digital"
    assert meta.author == "Dewi Lestari"
    assert meta.published_date == date(2019, 9, 11)
    assert meta.language == "id"
    assert 1 in meta.metadata_paragraphs


def test_metadata_bullet_byline():
    paras = ["Budi Santoso • Kamis, 12 Jul 2018 10:40 WIB", "Seminar diplomasi digital digelar di Jakarta", BODY_ID]
    meta = extract_metadata(paras, paras)
    assert meta.author == "Budi Santoso"
    assert meta.published_date == date(2018, 7, 12)
    assert meta.title == "Seminar diplomasi digital digelar di Jakarta"


def test_metadata_editor_line_at_end():
    paras = ["Ministers back digital diplomacy", BODY_EN, "Editor: Rina Wulandari"]
    meta = extract_metadata(paras, paras)
    assert meta.author == "Rina Wulandari"
    assert meta.language == "en"
    assert 2 in meta.metadata_paragraphs


def test_metadata_nulls_when_absent():
    paras = ["Ministers back digital diplomacy", BODY_EN]
    meta = extract_metadata(paras, paras)
    assert meta.outlet is None
    assert meta.author is None
    assert meta.published_date is None


def test_language_detection():
    assert detect_language(BODY_ID) == "id"
    assert detect_language(BODY_EN) == "en"


# --- dates --------------------------------------------------------------------------------------

def test_date_weekday_with_full_numeric_date():
    text = "Konferensi itu digelar Selasa (10/9/2019) di Jakarta."
    (d,) = find_dates(text)
    assert (d.start, d.end, d.has_year) == (date(2019, 9, 10), date(2019, 9, 10), True)
    assert text[d.char_start:d.char_end] == "Selasa (10/9/2019)"
    assert d.weekday == "Selasa" and d.weekday_matches is True


def test_date_without_year_takes_default_year():
    text = "Seminar dibuka Kamis (12/7) di Jakarta."
    assert find_dates(text) == []          # no year anywhere: not guessed
    (d,) = find_dates(text, default_year=2018)
    assert d.start == date(2018, 7, 12) and d.has_year is False
    assert d.weekday_matches is True       # 12 July 2018 was a Thursday


@pytest.mark.parametrize("text, expected", [
    ("pada 12 Juli 2018 di Jakarta", date(2018, 7, 12)),
    ("Acara berlangsung 06 November 2018 di Manado.", date(2018, 11, 6)),
    ("The conference opened on Sept 10, 2019 in Jakarta.", date(2019, 9, 10)),
])
def test_date_written_forms(text, expected):
    (d,) = find_dates(text)
    assert d.start == d.end == expected


def test_date_range():
    (d,) = find_dates("Ministers met in Kuala Lumpur on Jan 21-22, 2021.")
    assert d.start == date(2021, 1, 21) and d.end == date(2021, 1, 22)


def test_impossible_date_is_skipped():
    assert find_dates("Rapat semula dijadwalkan Rabu (31/2) lalu.", default_year=2019) == []


def test_weekday_mismatch_is_flagged():
    (d,) = find_dates("Senin (10/9/2019)")          # 10 September 2019 was a Tuesday
    assert d.weekday_matches is False


# --- sentences ----------------------------------------------------------------------------------

def test_sentence_offsets_point_at_exact_text():
    text = ("Menkominfo Johnny G. Plate hadir di Jakarta. Ia berbicara tentang literasi digital!\n\n"
            "Dr. Siti Rahma dari UNDP juga hadir. Apakah itu penting?")
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Menkominfo Johnny G. Plate hadir di Jakarta.",
        "Ia berbicara tentang literasi digital!",
        "Dr. Siti Rahma dari UNDP juga hadir.",
        "Apakah itu penting?",
    ]
    for s in sents:
        assert text[s.start:s.end] == s.text


# --- countries ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, iso3", [
    ("Delegasi Selandia Baru tiba kemarin.", "NZL"),
    ("Korea Selatan mengirim wakilnya.", "KOR"),
    ("Tiongkok hadir.", "CHN"),
    ("Utusan Cina hadir.", "CHN"),
    ("Wakil RRT hadir.", "CHN"),
    ("Menlu RI hadir.", "IDN"),
    ("Amerika Serikat tidak hadir.", "USA"),
])
def test_country_names_and_aliases(text, iso3):
    assert [m.iso3 for m in find_countries(text)] == [iso3]


def test_country_mention_offsets():
    text = "Delegasi Selandia Baru dan Korea Selatan hadir."
    for m in find_countries(text):
        assert text[m.start:m.end] == m.surface


def test_asean_group_phrase_expands_by_event_date():
    text = "Pertemuan itu dihadiri oleh 10 negara ASEAN."
    (g,) = find_asean_groups(text)
    assert g.surface == "10 negara ASEAN"
    assert set(asean_members_on(date(2019, 9, 10))) == ASEAN_2019
    assert set(asean_members_on(date(2025, 11, 1))) == ASEAN_2019 | {"TLS"}
    assert "TLS" not in asean_members_on(date(2025, 10, 25))
    assert is_asean("TLS", date(2025, 10, 26)) and not is_asean("TLS", date(2025, 10, 25))
    facts = countries_in_sentence(sent(text), date(2019, 9, 10))
    assert {f.iso3 for f in facts} == ASEAN_2019
    facts = countries_in_sentence(sent(text), date(2025, 11, 1))
    assert {f.iso3 for f in facts} == ASEAN_2019 | {"TLS"}


# --- people -------------------------------------------------------------------------------------

def test_person_title_before_name():
    (p,) = find_people(sent("Menteri Luar Negeri RI Retno Marsudi membuka konferensi itu."))
    assert (p.name, p.title, p.iso3, p.official) == ("Retno Marsudi", "Menteri Luar Negeri RI", "IDN", True)


def test_person_name_first():
    (p,) = find_people(sent("Allaster Cox, Wakil Duta Besar Kedutaan Australia, mengatakan hal itu."))
    assert p.name == "Allaster Cox"
    assert p.title == "Wakil Duta Besar Kedutaan Australia"
    assert p.iso3 == "AUS"


def test_person_honorific_stripped():
    (p,) = find_people(sent("Menteri Luar Negeri Malaysia Datuk Saifuddin Abdullah berbicara di forum itu."))
    assert p.name == "Saifuddin Abdullah"
    assert p.iso3 == "MYS"


@pytest.mark.parametrize("text", [
    "Para peserta berfoto bersama usai pembukaan. (Foto: Sonya Michaella)",
    "Para peserta berfoto bersama (Foto: Sonya Michaella).",
])
def test_photo_credit_is_not_a_person(text):
    assert find_people(sent(text)) == []


# --- participants -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # as the seeds write it: no participation cue
    "Menlu menjelaskan bahwa tidak ada negara yang kebal terhadap perang dagang antara Amerika "
    "Serikat-China yang masih berlanjut.",
    # with a participation cue in the same sentence, the trade war still names no delegation
    "Perang dagang antara Amerika Serikat-China yang turut dibahas para peserta masih berlanjut.",
    "The delegates discussed the US-China trade war.",
    "Mantan duta besar RI untuk Belanda itu juga menyeru komunitas internasional untuk bekerja sama.",
])
def test_mere_mentions_are_not_participants(text):
    assert countries_in_sentence(sent(text), date(2019, 9, 10)) == []


def test_former_ambassador_posting_is_not_a_participant():
    facts = countries_in_sentence(sent("Mantan duta besar RI untuk Belanda itu turut hadir dalam seminar."),
                                  date(2019, 9, 10))
    assert "NLD" not in {f.iso3 for f in facts}


def test_co_chairs_and_participant():
    text = "Pertemuan itu diketuai oleh Indonesia dan Australia, dan turut diikuti oleh Malaysia."
    facts = {f.iso3: f.role for f in countries_in_sentence(sent(text), date(2019, 11, 6))}
    assert facts == {"IDN": "co_chair", "AUS": "co_chair", "MYS": "participant"}


# --- themes -------------------------------------------------------------------------------------

def test_peace_messaging_with_cue_and_offsets():
    text = "Pertama, diplomasi digital digunakan untuk menyebarkan pesan perdamaian."
    base = 100                                   # the sentence's offset in its article
    hits = find_themes(Sentence(text, base, base + len(text)))
    (hit,) = [h for h in hits if h.theme == "peace_messaging"]
    assert hit.cue == "pesan perdamaian"
    assert (hit.cue_start - base, hit.cue_end - base) == (text.index("pesan perdamaian"),
                                                          text.index("pesan perdamaian") + len("pesan perdamaian"))


def test_bare_twitter_account_is_not_platform_governance():
    hits = find_themes(sent("Kementerian itu kini memiliki akun Twitter resmi."))
    assert "platform_governance" not in {h.theme for h in hits}


def test_tech_giants_are_platform_governance():
    hits = find_themes(sent("Negara perlu melibatkan raksasa teknologi seperti Facebook dan Google."))
    (hit,) = [h for h in hits if h.theme == "platform_governance"]
    assert hit.cue == "raksasa teknologi"


# --- merge --------------------------------------------------------------------------------------

def cand(name: str, day: date, *, lang: str, acronym: str | None = None, city: str | None = "Jakarta",
         event_type: str = "seminar") -> EventCandidate:
    return EventCandidate(name=name, acronym=acronym, name_lang=lang, event_type=event_type, start_date=day,
                          end_date=day, city=city, venue=None, tagline=None, anchor=sent(name),
                          name_sentence=sent(name))


def test_merge_same_seminar_in_two_languages():
    a = cand("International Seminar on Digital Diplomacy", date(2018, 7, 12), lang="en")
    b = cand("seminar internasional tentang diplomasi digital", date(2018, 7, 12), lang="id", city=None)
    assert same_event(a, b)
    assert group_articles({"a": a, "b": b}) == [["a", "b"]]


def test_different_dates_never_merge():
    a = cand("Regional Conference on Digital Diplomacy", date(2019, 9, 10), lang="en", acronym="RCDD")
    b = cand("Regional Conference on Digital Diplomacy", date(2020, 9, 10), lang="en", acronym="RCDD")
    assert not same_event(a, b)
    assert group_articles({"a": a, "b": b}) == [["a"], ["b"]]


def test_same_acronym_merges():
    a = cand("Regional Conference on Digital Diplomacy", date(2019, 9, 10), lang="en", acronym="RCDD",
             event_type="conference")
    b = cand("konferensi regional diplomasi digital hari kedua", date(2019, 9, 10), lang="id", acronym="RCDD",
             city=None, event_type="conference")
    assert same_event(a, b)


def test_different_events_same_day_other_city_do_not_merge():
    a = cand("Workshop on Digital Literacy", date(2024, 3, 13), lang="en", city="Hanoi", event_type="workshop")
    b = cand("Forum on Consular Services", date(2024, 3, 13), lang="en", city="Manila", event_type="forum")
    assert not same_event(a, b)


def test_untitled_speakers_are_found_but_capitalised_common_words_are_not():
    from data_prep.people import find_people
    from data_prep.sentences import split_sentences

    text = ("Menurut Siti Rahmawati, literasi digital harus diperluas. "
            "Perusahaan Teknologi mengatakan akan membantu. "
            "Banyak perusahaan teknologi hadir.")
    sentences = split_sentences(text)
    first = [p.name for p in find_people(sentences[0], text)]
    second = [p.name for p in find_people(sentences[1], text)]
    assert first == ["Siti Rahmawati"]
    assert second == []  # "perusahaan" and "teknologi" are written in lower case elsewhere


def test_video_teasers_and_scroll_prompts_are_site_furniture():
    from data_prep.load import clean_text

    cleaned = clean_text("Para menteri bertemu di Jakarta.\n\nSCROLL TO CONTINUE WITH CONTENT\n\n"
                         "Saksikan juga video 'Bertemu Menlu Saudi, Retno Bahas Soal Teroris':\n\nMereka sepakat.")
    assert cleaned.paragraphs == ["Para menteri bertemu di Jakarta.", "Mereka sepakat."]


def test_an_article_s_own_address_is_kept_and_a_bare_domain_is_not() -> None:
    """`Sumber: https://…` or a pasted address bar gives the article's address; `Antaranews.com` is the outlet."""
    assert find_url(["Antaranews.com", "Sumber: https://www.antaranews.com/berita/1053342/retno-diplomasi-digital."]) \
        == "https://www.antaranews.com/berita/1053342/retno-diplomasi-digital"
    assert find_url(["(https://kemlu.go.id/portal/id/read/568)", "Jakarta - ..."]) == "https://kemlu.go.id/portal/id/read/568"
    assert find_url(["Kompas.com - 02/02/2024, 14:05 WIB", "JAKARTA, KOMPAS.com - Menteri ..."]) is None
