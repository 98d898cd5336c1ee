"""People and participating countries: titles, honorifics, ranks, lists, co-chair/host cues and
counted group phrases. Sentences are written for these tests, not copied from any article."""
from __future__ import annotations

from datetime import date

import pytest

from data_prep.countries import find_asean_groups, group_members
from data_prep.participants import countries_in_sentence, countries_of_people
from data_prep.people import find_people
from data_prep.sentences import Sentence

DAY = date(2022, 3, 1)
ASEAN10 = {"BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"}


def sent(text: str) -> Sentence:
    return Sentence(text, 0, len(text))


def people(text: str) -> dict[str, object]:
    return {p.name: p for p in find_people(sent(text), text)}


# --- people: titles ------------------------------------------------------------------------------

def test_long_title_with_bracketed_acronym_before_name():
    (p,) = people("Kepala Badan Statistik dan Data Nasional (BSDN) Rudi Hartono membuka acara itu.").values()
    assert p.name == "Rudi Hartono"
    assert p.title.startswith("Kepala Badan Statistik")
    assert p.method == "title_before_name" and 0 < p.confidence <= 1


def test_title_with_acronym_then_ministry_then_name():
    found = people("Delegasi dipimpin Direktur Jenderal Informasi Publik (Dirjen IP) Kementerian "
                   "Komunikasi dan Digital Sari Wulandari Putri.")
    assert list(found) == ["Sari Wulandari Putri"]


def test_modifier_makes_a_title_and_country_comes_from_the_possessive():
    found = people("Thailand's Acting High Commissioner, Ms Nattaya Boonmee, welcomed the delegates.")
    p = found["Nattaya Boonmee"]
    assert p.iso3 == "THA" and "Ms" not in p.name


def test_name_then_lowercase_title_with_country_possessive():
    p = people("The talks were chaired by Somchai Wongsa, Laos's deputy prime minister, on Monday.")["Somchai Wongsa"]
    assert p.method == "name_then_title" and p.iso3 == "LAO" and p.official


def test_name_with_title_in_brackets_and_country_after():
    found = people("The session was led by Mr. Kenta Mori (Director, Kyoto Policy Institute) for Japan.")
    p = found["Kenta Mori"]
    assert p.method == "name_bracket_title" and p.iso3 == "JPN"
    assert "Kyoto Policy Institute" not in found


@pytest.mark.parametrize("text, name, rank_word", [
    ("Pertemuan dibuka Kepala Kepolisian Daerah Irjen Pol Budi Prasetyo.", "Budi Prasetyo", "Irjen"),
    ("Menteri Pertahanan Laksamana TNI (Purn) Agus Salim hadir.", "Agus Salim", "Laksamana"),
    ("The delegation was headed by Lieutenant General (Ret.) Arif Nugroho, chief of the cyber agency.",
     "Arif Nugroho", "General"),
    ("Deputy Minister Lieut. Gen. Tran Van Binh told the meeting that cooperation matters.", "Tran Van Binh", "Gen."),
])
def test_ranks_are_stripped_from_the_name_and_kept_in_the_title(text, name, rank_word):
    found = people(text)
    assert name in found
    assert rank_word in (found[name].title or "")


@pytest.mark.parametrize("text, name", [
    ("HE Daniel Brooks, Ambassador for Cyber Affairs, spoke first.", "Daniel Brooks"),
    ("Her Excellency Maria Lopez addressed the forum.", "Maria Lopez"),
    ("Dato' Sri Ahmad Rahman opened the workshop.", "Ahmad Rahman"),
    ("Pehin Abdul Karim and Prof. Lina Hartati attended the dialogue.", "Lina Hartati"),
    ("Mrs Grace Tan said the plan was ready.", "Grace Tan"),
])
def test_english_and_malay_honorifics_are_stripped(text, name):
    assert name in people(text)


def test_middle_initial_is_kept():
    found = people("Minister for Trade, R. Kumar, urged members to act.")
    assert "R. Kumar" in found


@pytest.mark.parametrize("text", [
    "The ASEAN Secretariat and the Ministry of Communications and Information hosted the talks.",
    "Officials from Kyoto Global University attended the session.",
    "Peraturan Presiden Nomor 5 Tahun 2023 mengatur hal itu.",
    "Menlu Ajak Negara Tetangga Perangi Hoaks dan Penipuan Daring",
])
def test_organisation_words_and_headlines_are_not_people(text):
    assert people(text) == {}


def test_enumeration_with_countries():
    text = ("Kamboja diwakili Menteri Pos dan Telekomunikasi Chea Vandeth, sedangkan Laos oleh "
            "Wakil Menteri Teknologi Bounkong Vongsa.")
    found = people(text)
    assert found["Chea Vandeth"].iso3 == "KHM"
    assert found["Bounkong Vongsa"].iso3 == "LAO"


def test_english_enumeration_represented_by():
    text = ("Malaysia was represented by its Minister of Communications, Mr Hafiz Yusof, and Brunei "
            "by General Hamid Salleh, the defence minister.")
    found = people(text)
    assert found["Hafiz Yusof"].iso3 == "MYS"
    assert found["Hamid Salleh"].iso3 == "BRN"


def test_speaker_list_with_occupation_words():
    text = ("Narasumber yang tampil antara lain Dewi Lestari (Staf Khusus Menteri), penulis Bayu K. Santosa, "
            "serta pegiat literasi Made Ayu Sri Wahyuni Kartika.")
    found = people(text)
    assert {"Dewi Lestari", "Bayu K. Santosa", "Made Ayu Sri Wahyuni Kartika"} <= set(found)
    assert found["Bayu K. Santosa"].method == "enumeration"


def test_person_represented_by_someone_else_is_absent():
    text = "Rina hadir mewakili Menteri Perdagangan Hendra Wijaya dalam pertemuan itu."
    assert "Hendra Wijaya" not in people(text)


def test_side_phrase_gives_the_country():
    p = people("Di pihak Australia, delegasi dipimpin Duta Besar untuk Urusan Siber Mark Ellis.")["Mark Ellis"]
    assert p.iso3 == "AUS"


# --- countries -----------------------------------------------------------------------------------

def roles(text: str, day: date = DAY) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in countries_in_sentence(sent(text), day):
        assert f.method and 0 < f.confidence <= 1
        out.setdefault(f.iso3, f.role)
    return out


@pytest.mark.parametrize("text, expected", [
    ("Pertemuan itu dipimpin bersama Filipina dan Jepang.", {"PHL": "co_chair", "JPN": "co_chair"}),
    ("Filipina dan Jepang bertindak sebagai ketua bersama forum itu.", {"PHL": "co_chair", "JPN": "co_chair"}),
    ("Vietnam menjadi tuan rumah bersama Selandia Baru.", {"VNM": "co_chair", "NZL": "co_chair"}),
    ("Indonesia dan Jepang menggelar dialog siber secara daring.", {"IDN": "participant", "JPN": "participant"}),
    ("The seminar was organised jointly by Thailand and Canada.", {"THA": "co_chair", "CAN": "co_chair"}),
    ("The dialogue was hosted virtually by Korea Selatan.", {"KOR": "host"}),
    ("Laos hosted by video link on Tuesday.", {"LAO": "host"}),
    ("Kamboja bertindak selaku tuan rumah tahun ini, melanjutkan dari Filipina.", {"KHM": "host", "PHL": "participant"}),
    ("Mereka berterima kasih kepada Brunei Darussalam yang memimpin forum tahun ini.", {"BRN": "host"}),
])
def test_host_and_co_chair_phrasings(text, expected):
    assert {k: v for k, v in roles(text).items() if k in expected} == expected


def test_delegation_led_by_is_not_a_chair():
    assert roles("Delegasi Singapura dipimpin Menteri Komunikasi Lee Wen.") == {"SGP": "participant"}


def test_future_event_is_not_hosted_here():
    assert roles("Filipina akan menggelar lokakarya lanjutan tahun depan.") == {}


def test_country_as_speaking_subject():
    assert roles("Malaysia, the current chair, outlined three new projects.") == {"MYS": "speaker_country"}


def test_demonym_delegation():
    assert roles("Minh led the Vietnamese delegation to the meeting.") == {"VNM": "participant"}


@pytest.mark.parametrize("text, n", [
    ("Ia berbicara di hadapan para menteri dari sembilan negara anggota ASEAN lainnya.", 10),
    ("Pertemuan diikuti kesepuluh negara anggota ASEAN.", 10),
    ("Ministers from all 10 ASEAN member states took part.", 10),
    ("Negara-negara anggota ASEAN diharapkan mendukung usulan itu.", 0),
    ("Delegates from ASEAN member states attended.", 0),
    ("Lima negara ASEAN hadir.", 0),
])
def test_counted_groups_expand_generic_ones_do_not(text, n):
    iso = set(roles(text))
    assert len(iso & ASEAN10) == n


def test_counted_group_after_timor_leste_joined():
    (g,) = find_asean_groups("kesepuluh negara anggota ASEAN")
    assert "TLS" in group_members(g, date(2025, 11, 1)) and "TLS" not in group_members(g, DAY)


@pytest.mark.parametrize("text", [
    "Para peserta dari Universitas Indonesia hadir dalam diskusi itu.",
    "Speakers from the Singapore Management University attended.",
    "The delegates cited Estonia as a model of online services.",
])
def test_country_inside_an_organisation_name_or_example_is_not_a_participant(text):
    assert roles(text) == {}


def test_official_of_country_gives_a_speaker_country():
    text = "Vietnam's Deputy Minister of Information Pham Duc Long told the meeting that data matters."
    facts = countries_of_people(find_people(sent(text), text))
    assert [(f.iso3, f.method) for f in facts] == [("VNM", "official_of_country")]


# --- names with particles, job titles, Philippine honorifics, countries spoken for -----------------

def test_a_malay_name_with_bin_keeps_the_particle():
    found = people("Pembicaranya adalah Ahmad Faiz bin Hassan Basri (Senior Officer di Sekretariat ASEAN).")
    assert "Ahmad Faiz bin Hassan Basri" in found
    assert found["Ahmad Faiz bin Hassan Basri"].method == "name_bracket_title"


def test_a_philippine_honorific_is_kept_out_of_the_name():
    found = people("Leading the delegation was Atty. Maria Clara D. Santos, who heads the legal office.")
    assert "Maria Clara D. Santos" in found


def test_a_country_spoken_for_by_a_group_takes_part():
    text = "Two civic groups are speaking for Malaysia at the workshop."
    assert {f.iso3 for f in countries_in_sentence(sent(text), DAY)} == {"MYS"}


def test_a_short_name_the_text_defines_in_brackets_is_an_organisation_not_a_person():
    text = ("Delegasi Republik Indonesia (Delri) hadir di Manila. Sebagai ketua Delri, "
            "Menteri Komunikasi Budi Santoso menyampaikan usulan Indonesia.")
    found = {p.name for s in (text.split(". ")[1],) for p in find_people(sent(s), text)}
    assert "Delri" not in found and "Budi Santoso" in found


def test_a_delegation_led_by_an_official_is_no_chair_even_far_from_the_verb():
    text = "Delegasi Republik Indonesia (Delri) di sidang itu dipimpin Menteri Luar Negeri RI Budi Santoso."
    assert roles(text).get("IDN") == "participant"


def test_the_indonesian_press_name_of_the_uae_is_a_country():
    text = "Negara undangan yang hadir antara lain Spanyol, Rwanda, dan Persatuan Arab Emirat (UEA)."
    assert {f.iso3 for f in countries_in_sentence(sent(text), DAY)} == {"ESP", "RWA", "ARE"}


def test_a_hyphenated_singapore_portfolio_title_and_mixed_case_asean():
    found = people("The forum was opened by Minister-in-charge of Smart Nation and Cybersecurity Jane Tan on Monday.")
    assert list(found) == ["Jane Tan"]
    assert "Member States" not in people("ASEAN Member States called for closer cooperation.")
    (g,) = find_asean_groups("Ministers from all 10 Asean member states met.")
    assert g.count == 10


def test_a_typographic_apostrophe_in_an_honorific_and_an_attorney_general():
    found = people("Delegasi Malaysia diwakili Wakil Menteri Dalam Negeri Dato’ Razak Yusof, "
                   "sedangkan delegasi Australia dipimpin Jaksa Agung Tom Miller.")
    assert {"Razak Yusof", "Tom Miller"} <= set(found)
    assert found["Tom Miller"].iso3 == "AUS"
