"""Extraction round two (issue 16): kinds of miss seen on unseen reports. Each sentence is made up
for these tests, in the ways the press writes; none is copied from an article."""
from __future__ import annotations

from data_prep.article import process_article
from data_prep.people import find_people, with_rank
from data_prep.sentences import Sentence, split_sentences


def sent(text: str) -> Sentence:
    return Sentence(text, 0, len(text))


def people(text: str) -> dict[str, object]:
    return {p.name: p for p in find_people(sent(text), text)}


# --- people: honorific chains, abbreviations, titles ---------------------------------------------

def test_cambodian_honorific_chain_is_not_part_of_the_name():
    found = people("Menurut Samdech Akka Moha Sena Padei Techo Hun Manet, kerja sama harus diperkuat.")
    assert list(found) == ["Hun Manet"]


def test_malay_style_chain_before_a_name():
    found = people("Yang Amat Berhormat Dato' Seri Anwar Ibrahim berkata kerja sama digital penting.")
    assert list(found) == ["Anwar Ibrahim"]


def test_a_dotted_honorific_does_not_end_the_sentence():
    text = "Speakers included Hon. Maria Santos (Undersecretary, DICT) and Dr. Lim Wei (Director, X Institute)."
    assert len(split_sentences(text)) == 1
    found = people(text)
    assert set(found) == {"Maria Santos", "Lim Wei"}
    assert found["Maria Santos"].iso3 == "PHL"      # DICT is the Philippine ICT department


def test_indonesian_office_shorthand_is_a_title_of_indonesia():
    (p,) = people("Wamenlu Arif Havas Oegroseno mengatakan kerja sama itu penting.").values()
    assert (p.name, p.title, p.iso3) == ("Arif Havas Oegroseno", "Wamenlu", "IDN")


def test_a_verb_before_another_office_is_not_a_title_of_the_name_before_it():
    found = people("Pertemuan dipimpin oleh Menkominfo Budi Setiawan, didampingi Menteri Teknologi Laos "
                   "Boviengkham Vongdara.")
    assert found["Budi Setiawan"].iso3 == "IDN"
    assert found["Boviengkham Vongdara"].iso3 == "LAO"


def test_titles_carry_no_trailing_honorific_and_keep_the_rank():
    found = people("Singapore's Minister for Digital Development and Information Mrs Josephine Teo spoke.")
    assert found["Josephine Teo"].title == "Singapore's Minister for Digital Development and Information"
    found = people("Vietnam's Deputy Minister of Public Security Lieut. Gen. Luong Tam Quang spoke.")
    assert found["Luong Tam Quang"].title == "Vietnam's Deputy Minister of Public Security (Lieut. Gen.)"
    found = people("Direktur Jenderal Aptika Kominfo Semuel Pangerapan membuka acara.")
    assert found["Semuel Pangerapan"].title.startswith("Direktur Jenderal")


def test_with_rank_drops_courtesy_keeps_rank():
    assert with_rank("Minister of Defence Dato'", None) == "Minister of Defence"
    assert with_rank("deputy prime minister", ["General"]) == "deputy prime minister (General)"


def test_organisation_is_the_named_body_not_a_portfolio():
    assert people("Kepala Badan Siber dan Sandi Negara (BSSN) Hinsa Siburian hadir.")["Hinsa Siburian"] \
        .organization == "Badan Siber dan Sandi Negara (BSSN)"
    assert people("Menteri Informasi dan Komunikasi Vietnam Nguyen Manh Hung hadir.")["Nguyen Manh Hung"] \
        .organization is None
    found = people("Direktur Eksekutif ASEAN Foundation Piti Srisangnam berbicara.")
    assert found["Piti Srisangnam"].organization == "ASEAN Foundation"
    found = people("Ms Ana Reyes (Deputy Chief Executive, Cyber Security Agency of Singapore) spoke.")
    assert found["Ana Reyes"].organization == "Cyber Security Agency of Singapore"


def test_speakers_in_a_list_attended():
    text = ("Pakar siber berkumpul di Jakarta\n\nJakarta (ANTARA) - Seminar Keamanan Siber Regional digelar "
            "di Jakarta pada Selasa (12/3/2024) dengan peserta dari berbagai lembaga pemerintah dan swasta.\n\n"
            "Speakers included Nezar Patria (Vice Minister of Communication and Informatics) and "
            "Dr Lim Chee Keong (Deputy Chief Executive, Cyber Security Agency of Singapore).\n\n"
            "Para peserta membahas ancaman siber yang terus berkembang di kawasan Asia Tenggara.")
    r = process_article("t", "t.txt", text.encode())
    assert r.event is not None
    assert {p.name for p in r.people} >= {"Nezar Patria", "Lim Chee Keong"}


# --- countries: chair and vice-chair ------------------------------------------------------------

def _roles(text: str) -> dict[str, str]:
    from datetime import date

    from data_prep.participants import best_role, countries_in_sentence, countries_of_people
    s = sent(text)
    facts = countries_in_sentence(s, date(2024, 3, 5)) + countries_of_people(find_people(s, text))
    return {iso: f.role for iso, f in best_role(facts).items()}


def test_a_sole_chair_hosts_and_the_vice_chair_co_chairs():
    assert _roles("The talks were chaired by Indonesia with Laos as vice-chair.") == {"IDN": "host", "LAO": "co_chair"}
    roles = _roles("Pertemuan dipimpin oleh Menteri Luar Negeri Malaysia Mohamad Hasan, didampingi Menteri "
                   "Luar Negeri Filipina Enrique Manalo sebagai wakil ketua.")
    assert roles == {"MYS": "host", "PHL": "co_chair"}


def test_a_chair_shared_by_two_is_a_co_chair():
    roles = _roles("Pertemuan dipimpin Menteri Luar Negeri Thailand Don Pramudwinai bersama Menteri Luar Negeri "
                   "Jepang Yoko Kamikawa.")
    assert roles == {"THA": "co_chair", "JPN": "co_chair"}
    assert _roles("The forum was co-chaired by Singapore and Australia.") == {"SGP": "co_chair", "AUS": "co_chair"}


def test_a_delegation_led_by_someone_is_not_a_chair():
    roles = _roles("Delegasi Vietnam dipimpin oleh Wakil Menteri Keamanan Publik Vietnam Le Quoc Hung.")
    assert roles.get("VNM") != "host"


# --- places below the city -----------------------------------------------------------------------

def test_a_place_written_inside_a_known_one_is_the_place():
    from data_prep.places import find_places
    names = [p.name for p in find_places("Pertemuan berlangsung di Sanur, Denpasar, pekan lalu.")]
    assert names == ["Sanur"]            # GeoNames town next to Denpasar
    names = [p.name for p in find_places("Forum digelar di Nusa Lembongan, Kabupaten Klungkung, Bali.")]
    assert names == ["Nusa Lembongan"]   # not in GeoNames, but the text gives its regency
    assert [p.name for p in find_places("Acara di Hotel Mulia, Jakarta.")] == ["Jakarta"]
    assert [p.name for p in find_places("di Kabupaten Badung, Bali")] == ["Bali"]


# --- multi-day meetings reported on different days -----------------------------------------------

def test_a_meeting_dated_by_its_last_day_starts_n_days_earlier():
    from datetime import date

    from data_prep.dates import DateMention, opening_day
    thursday = DateMention(date(2024, 3, 7), date(2024, 3, 7), 0, 8, False, "Thursday", True)
    day = opening_day(thursday, "The four-day talks wrapped up on Thursday.", "")
    assert (day.start, day.end) == (date(2024, 3, 4), date(2024, 3, 7))
    day = opening_day(thursday, "Pertemuan ditutup pada Kamis (7/3).", "Pertemuan tiga hari itu membahas ...")
    assert (day.start, day.end) == (date(2024, 3, 5), date(2024, 3, 7))
    assert opening_day(thursday, "The talks opened on Thursday.", "a four-day meeting") == thursday


def test_reports_of_one_meeting_on_different_days_merge_and_start_on_the_opening_day():
    from datetime import date

    from data_prep.events import EventCandidate
    from data_prep.merge import group_articles, merge_group
    s = sent("x")

    def cand(start, end, name):
        return EventCandidate(name, None, "en", "meeting", start, end, "Jakarta", None, None, s, s)
    cands = {"a": cand(date(2025, 3, 3), date(2025, 3, 6), "ASEAN Cyber Dialogue"),
             "b": cand(date(2025, 3, 6), date(2025, 3, 6), "ASEAN Cyber Dialogue"),
             "c": cand(date(2025, 3, 6), date(2025, 3, 6), "ASEAN Cyber Dialogue"),
             "d": cand(date(2025, 3, 9), date(2025, 3, 9), "ASEAN Cyber Dialogue")}
    groups = group_articles(cands)
    assert groups == [["a", "b", "c"], ["d"]]
    merged = merge_group(groups[0], cands)
    assert (merged.start_date, merged.end_date) == (date(2025, 3, 3), date(2025, 3, 6))
