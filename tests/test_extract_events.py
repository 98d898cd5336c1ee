"""Event detection, dates, places and merging on short sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from data_prep.dates import context_year, find_dates, find_relative_days, find_weekdays, weekday_year
from data_prep.events import extract_event
from data_prep.merge import group_articles, same_event
from data_prep.metadata import extract_metadata
from data_prep.places import find_places, place_coordinates, place_country
from data_prep.sentences import split_sentences


def _event(text: str, published: date | None = None):
    return extract_event(text, split_sentences(text), None, published, context_year(text, published))


# --- dates -------------------------------------------------------------------------------------

def test_yearless_range_takes_the_publication_year_and_fills_both_ends():
    (d,) = find_dates("Rapat itu berlangsung pada 14-16 Oktober di Medan.", published=date(2022, 11, 5))
    assert (d.start, d.end, d.has_year) == (date(2022, 10, 14), date(2022, 10, 16), False)


def test_a_month_after_the_publication_month_belongs_to_the_year_before():
    (d,) = find_dates("The talks were held on December 9-10.", published=date(2021, 1, 12))
    assert d.start == date(2020, 12, 9)


@pytest.mark.parametrize("text, start, end", [
    ("Delegates met from the 21st – 23rd March 2023.", date(2023, 3, 21), date(2023, 3, 23)),
    ("Officials gathered from 4th to 6th June.", date(2019, 6, 4), date(2019, 6, 6)),
    ("It was held on the 2nd of May.", date(2019, 5, 2), date(2019, 5, 2)),
    ("The forum ran from 3 to 5 April.", date(2019, 4, 3), date(2019, 4, 5)),
])
def test_english_ordinal_dates_and_ranges(text, start, end):
    (d,) = find_dates(text, published=date(2019, 8, 1))
    assert (d.start, d.end) == (start, end)


def test_weekday_only_references_resolve_to_the_latest_such_day_on_or_before_publication():
    published = date(2024, 3, 8)   # a Friday
    found = find_weekdays("Para menteri bertemu Rabu pagi; the report came out on Friday.", published)
    assert [d.start for d in found] == [date(2024, 3, 6), date(2024, 3, 8)]
    (nxt,) = find_weekdays("They meet again next Monday.", published)
    assert nxt.start == date(2024, 3, 11)


def test_a_weekday_inside_a_full_date_is_not_counted_twice():
    text = "Rapat digelar Selasa (5/3/2024)."
    full = find_dates(text)
    assert find_weekdays(text, date(2024, 3, 8), full) == []


def test_year_from_weekday_when_only_bare_years_are_given():
    text = ("HANOI, Mar 6 - Officials met on Wednesday to plan for 2024 and beyond; "
            "targets run to 2028 and a review in 2026.")
    assert weekday_year(text) == 2024   # 6 March fell on a Wednesday in 2024 only


@pytest.mark.parametrize("line, expected", [
    ("Warta.com - 05/11/2022, 09:30 WIB", date(2022, 11, 5)),
    ("Posted on 2 Oct 2019", date(2019, 10, 2)),
    ("Published on 6 Nov 2020", date(2020, 11, 6)),
    ("Senin, 4 Maret 2024 10:12 WIB", date(2024, 3, 4)),
    ("Thursday, October 08, 2020 10:21", date(2020, 10, 8)),
    ("26/7/2017 11:18", date(2017, 7, 26)),
])
def test_publication_lines_in_outlet_styles(line, expected):
    meta = extract_metadata(["A headline about a regional meeting", line, "Body text follows here."], [])
    assert meta.published_date == expected
    assert meta.author != "Warta.com"


# --- event detection ---------------------------------------------------------------------------

def test_indonesian_word_order_name_with_ordinal():
    text = ("Jakarta – Pertemuan Menteri Energi ASEAN ke-4 digelar di Manila, Kamis (6/6). "
            "Para menteri membahas jaringan listrik kawasan.")
    ev = _event(text, date(2019, 6, 7))
    assert ev.name == "Pertemuan Menteri Energi ASEAN ke-4"
    assert ev.method == "id_proper_name" and ev.start_date == date(2019, 6, 6) and ev.city == "Manila"


def test_event_given_only_by_acronym_and_ordinal():
    text = ("Delegasi Indonesia hadir dalam SOMRI ke-9 di Vientiane, Selasa (3/9). "
            "Delegasi membahas literasi media bersama negara tetangga.")
    ev = _event(text, date(2019, 9, 4))
    assert (ev.name, ev.method, ev.city) == ("SOMRI ke-9", "acronym_ordinal", "Vientiane")


def test_english_series_name_with_ordinal_word_and_acronym():
    text = ("Officials joined the fourth ASEAN Ministerial Forum on Data Protection (AMFDP-4) in Hanoi "
            "on May 14. The forum agreed a common template.")
    ev = _event(text, date(2021, 5, 20))
    assert ev.name.startswith("fourth ASEAN Ministerial Forum on Data Protection")
    assert ev.acronym == "AMFDP-4" and ev.start_date == date(2021, 5, 14)


def test_described_meeting_without_a_proper_name():
    text = ("Kementerian menggelar lokakarya penguatan humas digital di Kota Bogor, Senin (3/4). "
            "Lokakarya diikuti pejabat dari berbagai kantor perwakilan.")
    ev = _event(text, date(2023, 4, 4))
    assert ev.method == "meeting_description" and ev.name.startswith("lokakarya penguatan humas digital")
    assert ev.city == "Bogor" and ev.start_date == date(2023, 4, 3)


def test_statistics_story_and_press_conference_give_no_event():
    text = ("Survei terbaru menunjukkan pengguna internet naik menjadi 80 persen. Angka itu disampaikan "
            "dalam konferensi pers, Rabu (31/1). Desa masih tertinggal dibandingkan kota.")
    assert _event(text, date(2024, 2, 1)) is None


def test_opinion_piece_naming_only_past_meetings_gives_no_event():
    text = ("Cyber ties deserve more attention. A memorandum was signed in Bogor in August 2018, and "
            "talks have continued since. Leaders should now give the issue a permanent place.")
    assert _event(text, date(2022, 6, 8)) is None


def test_a_planned_meeting_named_later_is_not_the_event():
    text = ("Kampus menggelar webinar literasi digital, Jumat (5/11), secara hibrida di Denpasar. "
            "Webinar itu menjadi pemanasan menjelang Global Digital Forum (GDF) yang dijadwalkan "
            "berlangsung Selasa (9/11) di Nusa Dua.")
    ev = _event(text, date(2021, 11, 6))
    assert ev.start_date == date(2021, 11, 5) and ev.city == "Denpasar"


# --- places ------------------------------------------------------------------------------------

def test_places_from_geonames_and_venue_areas():
    found = {(p.name, p.iso3) for p in find_places("Talks moved from Hà Nội to Nusa Dua, Bali, and Danang.")}
    assert {("Hanoi", "VNM"), ("Nusa Dua", "IDN"), ("Da Nang", "VNM")} <= found
    assert ("Bali", "IDN") not in found     # `Nusa Dua, Bali`: Bali only says where Nusa Dua is
    assert ("Bali", "IDN") in {(p.name, p.iso3) for p in find_places("The workshop was held in Bali.")}
    assert place_country("Nusa Dua") == "IDN" and place_country("Bandar Seri Begawan") == "BRN"
    lat, lon = place_coordinates("Bogor")
    assert -7 < lat < -6 and 106 < lon < 107


def test_ordinary_words_and_surnames_are_not_places():
    text = "Kota itu ramai. Kota Bogor menjadi tuan rumah. George Smith met Riverside officials."
    assert [p.name for p in find_places(text)] == ["Bogor"]


def test_an_online_meeting_has_no_city_and_a_dateline_is_not_the_venue():
    text = ("CANBERRA, Sept 3 - The second Regional Data Dialogue was held virtually on 2 September. "
            "Officials from the embassy in Canberra took part.")
    ev = _event(text, date(2020, 9, 3))
    assert ev.online and ev.city is None
    text = ("JAKARTA - Para menteri bertemu dalam Pertemuan ke-12 Dewan Ekonomi Digital ASEAN "
            "yang digelar Sabtu (25/10) di Kuala Lumpur, Malaysia.")
    assert _event(text, date(2025, 10, 26)).city == "Kuala Lumpur"


def test_an_online_meeting_held_from_a_city_keeps_it():
    text = "The first ASEAN Data Ministers' Meeting (ADAMM) was hosted by Laos and held virtually from Vientiane on Jan 5-6, 2022."
    assert _event(text).city == "Vientiane"


# --- merging -----------------------------------------------------------------------------------

def test_same_event_in_two_languages_merges_and_different_days_do_not():
    en = _event("The third Australia-Indonesia Cyber Policy Dialogue was held in Jakarta on 2 September.",
                date(2020, 9, 3))
    id_ = _event("Indonesia dan Australia menggelar Cyber Policy Dialogue (CPD) ketiga di Jakarta, Rabu (2/9).",
                 date(2020, 9, 2))
    assert same_event(en, id_)
    other = _event("Kampus menggelar seminar literasi digital di Jakarta, Jumat (4/9).", date(2020, 9, 5))
    assert not same_event(en, other)
    assert group_articles({"a": en, "b": id_, "c": other}) == [["a", "b"], ["c"]]


# --- the reported meeting against its setting ----------------------------------------------------

def test_a_side_meeting_wins_over_the_summit_it_was_held_beside():
    text = ("Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Laos di Vientiane pada Kamis (7/9).\n\n"
            "Pertemuan bilateral itu digelar di sela Konferensi Tingkat Tinggi (KTT) ke-43 ASEAN yang "
            "berlangsung pada 5-7 September.")
    ev = _event(text, date(2023, 9, 8))
    assert ev.name.lower().startswith("pertemuan bilateral")
    assert ev.start_date == date(2023, 9, 7)


def test_a_lead_dated_to_another_day_than_the_named_summit_reports_the_talks():
    text = ("HANOI - The two trade ministers agreed on March 14 to widen cooperation on e-commerce.\n\n"
            "They held talks in Hanoi as part of a visit for the 12th Mekong Business Summit, which ran "
            "from March 12 to 13.")
    ev = _event(text, date(2024, 3, 15))
    assert ev.start_date == date(2024, 3, 14)
    assert ev.name == "talks"


def test_a_past_meeting_named_with_its_month_and_year_is_no_event():
    text = ("Jumlah aduan warga tentang penipuan daring naik tajam, kata juru bicara kementerian pada Senin (3/3).\n\n"
            "Para pemimpin ASEAN sudah membahas soal itu saat KTT ke-40 di Phnom Penh, November 2022.")
    assert _event(text, date(2025, 3, 4)) is None


def test_a_person_at_another_meeting_in_a_reference_sentence_is_not_an_attendee():
    from data_prep.article import process_article

    text = ("Ministers hold digital talks\n\nJAKARTA - The 3rd ASEAN Digital Forum opened in Jakarta on "
            "Tuesday, March 5, 2024, and Minister Budi Arie Setiadi said the region must cooperate.\n\n"
            "When President Joko Widodo met Prime Minister Hun Manet the previous evening, they discussed trade. "
            "Delegates from five countries attended the forum, which closes on Wednesday.")
    result = process_article("t", "t.txt", text.encode())
    names = {p.name for p in result.people}
    assert "Budi Arie Setiadi" in names
    assert not names & {"Joko Widodo", "Hun Manet"}


@pytest.mark.parametrize("text, start, end", [
    ("Sidang digelar di Phnom Penh pada 30 November - 1 Desember 2017.", date(2017, 11, 30), date(2017, 12, 1)),
    ("The meetings ran from 30 January - 2 February in Manila.", date(2024, 1, 30), date(2024, 2, 2)),
    ("Delegates met on 30 December - 2 January 2020.", date(2019, 12, 30), date(2020, 1, 2)),
])
def test_ranges_across_months(text, start, end):
    (d,) = find_dates(text, published=date(2024, 3, 1))
    assert (d.start, d.end) == (start, end)


def test_an_exonym_takes_the_places_own_name():
    assert [(p.name, p.iso3) for p in find_places("Sidang digelar di Singapura, lalu di Jenewa.")] == [
        ("Singapore", "SGP"), ("Geneva", "CHE")]


def test_today_and_yesterday_count_from_the_publication_date():
    text = ("Ministers from all 10 ASEAN Member States convened today at the ASEAN Ministerial Conference "
            "on Cybersecurity (AMCC) in Singapore.")
    ev = _event(text, date(2016, 10, 11))
    assert (ev.name, ev.start_date) == ("ASEAN Ministerial Conference on Cybersecurity", date(2016, 10, 11))
    (d,) = find_relative_days("Para menteri bertemu kemarin di Hanoi.", date(2024, 5, 3))
    assert d.start == date(2024, 5, 2)


def test_without_a_publication_date_the_year_fits_the_weekdays_not_a_recalled_meeting():
    text = ("Kemlu akan menggelar Forum Diplomasi Publik ASEAN pada Selasa (15/10) di Jakarta.\n\n"
            "Forum itu tindak lanjut dari lokakarya yang diadakan di Bandung pada 3 Mei 2023, ujar juru bicara "
            "dalam konferensi pers, Kamis (10/10).")
    assert context_year(text, None) == 2024
    ev = _event(text, None)
    assert ev.start_date == date(2024, 10, 15)  # not the press briefing's Thursday


def test_a_tie_between_host_cues_goes_to_the_country_it_met_in():
    from data_prep.build import assemble
    from data_prep.article import process_article

    text = ("Menteri ASEAN bertemu di Siem Reap\n\nSiem Reap - Pertemuan Menteri Telekomunikasi ASEAN ke-9 "
            "digelar di Siem Reap, Kamboja, pada 30 November 2017. Kamboja menjadi tuan rumah pertemuan itu.\n\n"
            "Para menteri membahas jaringan pita lebar, keamanan siber dan layanan pemerintah berbasis digital "
            "selama dua hari penuh di sebuah hotel di pusat kota.\n\n"
            "Indonesia kelak menjadi tuan rumah pertemuan berikutnya di Bali, ujar Menteri Komunikasi Budi Santoso.")
    tables, _, _ = assemble([process_article("a", "a.txt", text.encode())])
    assert tables["events"].loc[0, "host_iso3"] == "KHM"


@pytest.mark.parametrize("text, day", [
    ("Published July 30,2017", date(2017, 7, 30)),
    ("Ismira Tisna\n2017.07.29\nManado", date(2017, 7, 29)),
    ("Updated 2021-01-22 08:00", date(2021, 1, 22)),
])
def test_dates_written_without_a_space_or_year_first(text, day):
    (d,) = find_dates(text)
    assert d.start == day


def test_a_described_meeting_keeps_its_subject():
    text = ("JAKARTA - Ministers from nine countries held a subregional meeting on counterterrorism in Jakarta "
            "on Tuesday, November 6, 2018, to discuss how terrorist groups use social media.")
    assert _event(text, date(2018, 11, 7)).name == "meeting on counterterrorism"
