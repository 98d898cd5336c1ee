"""Extraction round two (issue 16): kinds of miss seen on unseen reports. Each sentence is made up
for these tests, in the ways the press writes; none is copied from an article."""
from __future__ import annotations

import pytest

from data_prep.article import process_article
from data_prep.people import find_people, with_rank
from data_prep.sentences import Sentence, split_sentences


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory):
    """The dev corpus (tests/dev_corpus, read while tuning) built once for this module."""
    from data_prep import build
    from data_prep.resources import DATA_DIR
    out = tmp_path_factory.mktemp("dev_build")
    build(DATA_DIR.parents[1] / "tests" / "dev_corpus" / "articles", out)
    return out


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


# --- outcomes: adopted, signed, agreed, launched; named documents first ---------------------------

def _outcome(text: str, about: str | None = "outcome_meeting_word", headline: str | None = None):
    from data_prep.outcomes import find_outcome
    return find_outcome(sent(text), about, headline)


def test_an_outcome_is_something_adopted_signed_or_launched():
    o = _outcome("The ministers wrapped up the meeting by adopting the Hanoi Digital Declaration on Friday.")
    assert (o.cue, o.document, o.method) == ("adopting", "Hanoi Digital Declaration", "outcome_named_document")
    o = _outcome("Para menteri mengesahkan Rencana Kerja Keamanan Siber ASEAN 2024-2026 dalam pertemuan itu.")
    assert o.document == "Rencana Kerja Keamanan Siber ASEAN 2024-2026"
    o = _outcome("Kedua pihak menandatangani nota kesepahaman kerja sama siber dalam pertemuan itu.")
    assert o.cue == "menandatangani" and o.document is None


def test_a_forecast_a_headline_or_a_noun_alone_is_not_an_outcome():
    assert _outcome("Participants were expected to agree on an outcome document at the meeting.") is None
    assert _outcome("Konferensi ini akan ditutup dengan pengesahan pesan bersama para menteri.") is None
    assert _outcome("Indonesia menilai deklarasi itu sejalan dengan upaya menghadirkan ruang digital aman.") is None
    headline = "Menteri Digital ASEAN Sepakati Pedoman Penanganan Hoaks di Pertemuan Hanoi"
    assert _outcome(headline, headline=headline) is None
    assert _outcome("The officials agreed on a joint work plan at the meeting.", about=None) is None


def test_named_documents_rank_first():
    from data_prep.outcomes import rank_outcomes
    rows = [{"document": None, "confidence": 0.85, "id": 1}, {"document": "Bangkok Digital Declaration",
            "confidence": 0.9, "id": 2}, {"document": None, "confidence": 0.7, "id": 3}]
    assert [r["id"] for r in rank_outcomes(rows)] == [2, 1, 3]
    assert [r["rank"] for r in rank_outcomes(rows)] == [1, 2, 3]


def test_dev_corpus_outcomes_are_things_adopted_or_agreed(dev_build):
    """Every outcome row of the dev corpus, checked by hand against its article: each says what the
    event agreed, adopted, issued or launched. Left out on purpose (and so absent here): the RCDD's
    forecast (`expected to agree`), the ICDD's planned closing (`akan ditutup dengan pengesahan`), the
    Safe Travel app launched in April 2018 before the July seminar, `deklarasi itu` restated, the
    AMRI declaration of 2018 recalled in a 2020 report, `82 approved projects in 2021-25`, sessions
    `scheduled to ... agree`, and a summit's joint statement an AMRI speaker recalled."""
    import pandas as pd

    o = pd.read_csv(dev_build / "outcomes.csv", keep_default_na=False)
    got = {(r.article_id, r.cue, r.document) for r in o.itertuples()}
    assert got == {
        ("05_manado_ftf_marawi_en", "agreed", ""),              # agreed to set up a forum on foreign fighters
        ("03_srm_ct_twitter_akun", "menyepakati", ""),          # agreed on technical help against radicalisation
        ("02_rcdd_empat_manfaat", "menghasilkan", ""),          # RCDD produced three concrete cooperations
        ("12_cpd3_joint_statement_en", "issued", ""),           # a joint statement issued after the talks
        ("23_ajcpm13_online_en", "agreed", ""),                 # agreed on a new collaborative activity
        ("08_adgmin1_kuala_lumpur_en", "launching", ""),        # launched a five-year masterplan
        ("29_ri_vietnam_labuan_bajo", "sepakat", ""),           # agreed to widen cooperation
        ("27_dlp_forum_nusa_dua", "diluncurkan", ""),           # a learning platform launched at the forum
        ("09_adgmin5_bangkok_scams_en", "adopting", "Bangkok Digital Declaration"),
        ("10_adgmin5_paetongtarn_penipuan", "disepakati", "Deklarasi Digital Bangkok"),
        ("10_adgmin5_paetongtarn_penipuan", "pengesahan", ""),  # work plan and budget for 2025 adopted
        ("18_amri17_bsb_maju", "menghasilkan", "Deklarasi Bandar Seri Begawan"),
        # blind batch D, read after its unread measurement
        ("50_detik_telmin15_danang", "pengesahan", "ASEAN ICT Masterplan 2020"),
        ("51_vna_telmin15_closing", "agreed", ""),              # a new five-year roadmap; ICT Fund activities
        ("52_st_amcc_singapore", "issued", ""),                 # member states agreed on tighter coordination
        ("53_kominfo_suzhou_media", "disepakati", ""),          # adopted as a joint statement
        ("53_kominfo_suzhou_media", "menyepakati", ""),         # agreed cooperation proposals
        ("55_benar_oureyes_nusadua", "launching", ""),          # the soft launch of the Our Eyes initiative
        ("56_medcom_ri_inggris_siber", "ditandatangani", ""),   # the MoU signed at the Foreign Ministry
        ("58_liputan6_telmin18_ubud", "menghasilkan", ""),      # agreements on the digital ecosystem
        ("58_liputan6_telmin18_ubud", "menyepakati", ""),       # a framework on digital data governance
        ("61_ammtc19_melaka", "mengesahkan", "Rencana Aksi ASEAN untuk Memerangi Kejahatan Lintas Negara 2026-2035"),
        ("63_vns_adgmin6_hanoi", "approving", "ASEAN Digital Masterplan 2030"),
        ("63_vns_adgmin6_hanoi", "agreed", ""),                 # to amend the IT Centre's terms of reference
        # blind batch F, read after its unread measurement
        ("94_forum_pelabuhan_informasi_nanning", "menandatangani", ""),   # an MoU signed at the forum
        ("99_lokakarya_ekraf_asean_nusadua", "sepakat", ""),    # agreed to propose a creative-economy committee
        ("97_adgmin3_boracay", "adopted", "Boracay Digital Declaration 2023"),
        ("101_indonesia_timorleste_mou_antara", "signing", ""),  # the MoU signing the leaders witnessed
        ("101_indonesia_timorleste_mou_antara", "signed", ""),
    }
    lead = o[o["rank"] == 1].set_index("event_id")["document"]
    assert lead[lead.index.str.contains("adgmin")].tolist()[-1] == "Bangkok Digital Declaration"


# --- themes said in other words (cues written from the codebook's definitions) --------------------

def _themes(text: str) -> set[str]:
    from data_prep.themes import find_themes
    return {h.theme for h in find_themes(sent(text))}


def test_themes_in_other_words():
    assert "digital_divide" in _themes("Masih banyak desa yang belum menikmati internet cepat.")
    assert "digital_divide" in _themes("Millions in rural provinces remain unconnected.")
    assert "citizen_protection" in _themes("Sindikat itu menipu warga lewat pesan singkat.")
    assert "citizen_protection" in _themes("Scam centres that defraud the public must be shut down.")
    assert "platform_governance" in _themes("Berita bohong menyebar cepat menjelang pemilu.")
    assert "capacity_building" in _themes("Kursus itu diikuti 30 diplomat muda dari kawasan.")
    assert "peace_messaging" in _themes("Intoleransi di dunia maya harus dilawan bersama.")
    assert _themes("Cuaca cerah menyambut para delegasi di bandara.") == set()


# --- event names ---------------------------------------------------------------------------------

def test_an_indonesian_name_keeps_its_subject_and_ordinal():
    from data_prep.events import find_event_names
    text = "Pertemuan Pejabat Senior ASEAN tentang Keamanan Siber ke-4 berlangsung di Bali."
    assert [m.name for m in find_event_names(split_sentences(text)) if m.method == "id_proper_name"] == [
        "Pertemuan Pejabat Senior ASEAN tentang Keamanan Siber ke-4"]


def test_an_acronym_dated_in_the_next_sentence_names_the_event():
    text = ("Menteri bertemu di Siem Reap\n\nSabtu, 2 Desember 2017 | 14:20 WIB\n\n"
            "Siem Reap - Pertemuan para menteri pos se-ASEAN, POSMIN ke-9, rampung digelar di Siem Reap. "
            "Kamboja menjadi tuan rumah pertemuan yang berlangsung pada 30 November hingga 1 Desember 2017 itu.\n\n"
            "Para menteri membahas layanan pos digital dan kerja sama logistik di kawasan Asia Tenggara.")
    r = process_article("t", "t.txt", text.encode())
    assert (r.event.name, str(r.event.start_date)) == ("POSMIN ke-9", "2017-11-30")


# --- outlets: one name each, from the domain or the agency's dateline ---------------------------

def test_one_name_per_outlet_from_domain_or_dateline():
    from data_prep.metadata import find_outlet
    assert find_outlet(["JAKARTA, KOMPAS.com - Menteri ..."]) == "Kompas.com"
    assert find_outlet(["Sumber: kompas.com"]) == "Kompas.com"
    assert find_outlet(["en.antaranews.com"]) == "Antara"
    assert find_outlet(["Judul", "Jakarta (ANTARA) - Menteri Luar Negeri ..."]) == "Antara"
    assert find_outlet(["HANOI (VNA) - Viet Nam will host ..."]) == "Vietnam News Agency"
    assert find_outlet(["Portal berita contohberita.id"]) == "contohberita.id"   # not listed: as written
    assert find_outlet(["Jakarta (Sumber) - tanpa kantor berita"]) is None


# --- ASEAN-wide meetings: members implied, shown apart ---------------------------------------------

def test_meetings_of_asean_bodies_are_recognised():
    from data_prep.participants import is_asean_body_meeting
    assert is_asean_body_meeting("AMRI ke-17", "AMRI ke-17")
    assert is_asean_body_meeting("Pertemuan Menteri Informasi ASEAN ke-16", None)
    assert is_asean_body_meeting("Fifth ASEAN Digital Ministers' Meeting", "ADGMIN-5")
    assert not is_asean_body_meeting("Regional Conference on Digital Diplomacy", "RCDD")
    assert not is_asean_body_meeting("Pertemuan bilateral", None)


def test_asean_wide_meetings_list_their_members_as_implied(dev_build):
    """On the dev corpus, AMRI-16, AMRI-17 and the 30th APSC Council name two or three countries each;
    every other member is listed as implied, apart from the named ones."""
    import pandas as pd

    from data_prep.countries import asean_members_on
    ev = pd.read_csv(dev_build / "events.csv").set_index("event_id")
    p = pd.read_csv(dev_build / "participants.csv")
    for acronym in ("AMRI ke-16", "AMRI ke-17", "APSC"):
        (eid,) = ev.index[ev["acronym"] == acronym]
        rows = p[p["event_id"] == eid]
        day = pd.Timestamp(ev.loc[eid, "start_date"]).date()
        assert set(rows["iso3"]) >= set(asean_members_on(day))
        implied = rows[rows["role"] == "implied_member"]
        assert set(implied["method"]) == {"implied_by_meeting"} and (implied["confidence"] < 0.6).all()
        assert not implied.empty and len(rows) - len(implied) >= 2      # the named ones keep their roles
    rcdd = p[p["event_id"].str.endswith("rcdd")]
    assert "implied_member" not in set(rcdd["role"])


def test_a_member_said_to_be_absent_is_not_implied():
    from data_prep.participants import absent_countries, implied_members
    from datetime import date
    absent = absent_countries(split_sentences("Myanmar was not represented at the meeting in Vientiane."))
    assert "MMR" in absent
    assert "MMR" not in implied_members(date(2024, 10, 1), {"LAO"}, absent)


def test_the_card_shows_implied_members_apart_and_last(dev_build):
    from dashboard.data import read_tables
    from dashboard.labels import role_label
    from dashboard.queries import event_card
    tables = read_tables(dev_build)
    (eid,) = tables["events"].loc[tables["events"]["acronym"] == "AMRI ke-17", "event_id"]
    roles = event_card(tables, eid, {}).countries["role"].tolist()
    implied = role_label("implied_member")
    assert roles[0] == "Host" and implied in roles
    assert roles.index(implied) == len(roles) - roles[::-1].index(implied) - roles.count(implied)  # one block
    assert roles[-1] == implied and "implied" in implied and role_label("co_chair") == "Co-chair"


def test_a_surname_alone_later_is_the_same_person_and_attended():
    text = ("Pakar siber berkumpul di Singapura\n\nSINGAPORE (CNA) - The ASEAN Cyber Norms Workshop opened "
            "in Singapore on Tuesday (12/3/2024) with officials from across the region.\n\n"
            "Dr Lim Chee Keong, a deputy chief executive of the Cyber Security Agency of Singapore, was among "
            "those in the hall.\n\nLim said the region needed shared rules for critical infrastructure.")
    r = process_article("t", "t.txt", text.encode())
    assert "Lim Chee Keong" in {p.name for p in r.people}
    assert {p.method for p in r.people if p.name == "Lim Chee Keong"} >= {"surname_reference"}


def test_one_person_spelt_two_ways_is_one_attendee():
    from data_prep.people import canonical_names
    canon = canonical_names(["Nezar Patria", "Nezar Patria", "Nezar Patri", "Budi Santoso", "Budi Susanto"])
    assert canon["Nezar Patri"] == "Nezar Patria"
    assert canon["Budi Susanto"] == "Budi Susanto"     # more than one letter apart: two people


# --- kinds found on blind batch D (after its unread measurement) ---------------------------------

def test_a_day_of_a_stated_range_gives_the_range():
    text = ("Menteri ASEAN sepakat\n\nUbud - 07 Des 2018, 09:15 WIB\n\n"
            "Pertemuan para menteri pos se-ASEAN ke-9 menghasilkan sejumlah kesepakatan. "
            "Rangkaian pertemuan yang digelar di Ubud, Bali, itu berlangsung pada 3-6 Desember 2018.\n\n"
            "\"Kita sepakat,\" ujar Menteri Komunikasi dan Informatika Rudiantara dalam konferensi pers bersama "
            "para menteri di Ubud, Kamis (6/12/2018).")
    r = process_article("t", "t.txt", text.encode())
    assert (str(r.event.start_date), str(r.event.end_date), r.event.city) == ("2018-12-03", "2018-12-06", "Ubud")


def test_an_editorial_reports_no_event():
    text = ("TAJUK RENCANA: Melindungi Warga dari Penipuan\n\nSelasa, 21 Oktober 2025 06:00 WIB\n\n"
            "Konferensi Tingkat Tinggi ke-47 ASEAN di Kuala Lumpur, 26 Oktober mendatang, akan membahas penipuan "
            "daring. Pertemuan Menteri Digital ASEAN ke-5 pada Kamis (16/1/2025) sudah menyinggungnya.\n\n"
            "Kejahatan di ruang digital kini tak mengenal batas negara, sehingga kerja sama kawasan menjadi kunci. "
            "Pemerintah perlu bergerak lebih cepat agar warga tidak terus menjadi korban sindikat lintas negara.")
    r = process_article("t", "t.txt", text.encode())
    assert r.status == "rejected" and "opinion" in r.reason


def test_a_meeting_dated_after_publication_is_still_to_come():
    from datetime import date

    from data_prep.events import find_event_names
    s = split_sentences("Pernyataan itu dirundingkan untuk Konferensi Tingkat Tinggi ke-47 ASEAN di Kuala Lumpur, "
                        "26 Oktober mendatang.")
    (m,) = [m for m in find_event_names(s, published=date(2025, 10, 21)) if m.method == "id_proper_name"]
    assert m.background


def test_particles_stay_inside_malay_names_after_a_title():
    found = people("Hadir Wakil Menteri Pertahanan Malaysia YB Dato Sri Mohd Johari bin Baharum dan Menteri "
                   "Senior Singapura Dr Mohammad Maliki bin Osman.")
    assert {"Mohd Johari bin Baharum", "Mohammad Maliki bin Osman"} <= set(found)


def test_a_rank_after_an_office_is_kept_apart_from_it():
    found = people("Indonesia diwakili Kepala Badan Siber dan Sandi Negara (BSSN) Mayor Jenderal TNI Djoko Setiadi.")
    assert found["Djoko Setiadi"].title == "Kepala Badan Siber dan Sandi Negara (BSSN) (Mayor Jenderal TNI)"


def test_a_future_participant_is_not_a_participant():
    assert "USA" not in _roles("Amerika Serikat dan Jepang juga berpeluang bergabung di kemudian hari.")
    assert "USA" in _roles("Amerika Serikat dan Jepang juga bergabung dalam pertemuan itu.")


def test_an_acronym_alone_is_not_a_name_and_a_disease_is_not_an_event():
    assert "RA" not in people("Menteri yang dijuluki Chief RA itu berbicara.")
    from data_prep.events import find_event_names
    assert not [m for m in find_event_names(split_sentences("Pandemi COVID-19 mengubah cara kerja diplomat."))]


def test_a_country_after_and_in_the_title_clause_is_the_persons():
    found = people("The workshop was chaired by H.E. Phan Tam, Vice Minister of Information and Communications "
                   "of Viet Nam, which holds the chair.")
    assert found["Phan Tam"].iso3 == "VNM"


def test_agency_datelines_are_publication_lines():
    from data_prep.metadata import extract_metadata
    meta = extract_metadata(["Officials meet online", "Phnom Penh, July 24, 2020 AKP --", "ASEAN held a workshop."],
                            ["Officials meet online", "Phnom Penh, July 24, 2020 AKP --"])
    assert str(meta.published_date) == "2020-07-24" and meta.outlet == "Agence Kampuchea Presse"


def test_a_deputy_head_is_not_shown_as_the_head():
    found = people("Deputi Kepala BSSN Bidang Operasi Budi Santoso hadir dalam pertemuan itu.")
    assert found["Budi Santoso"].title.startswith("Deputi Kepala") and found["Budi Santoso"].iso3 == "IDN"


def test_no_dev_corpus_title_ends_in_an_honorific_or_drops_its_rank(dev_build):
    """Every attendee title on the dev corpus: no honorific at its end (`... Information Mrs`), and a
    rank the text puts before the name is kept, in brackets (`... (Lieut. Gen.)`, `... (Komjen Pol)`)."""
    import pandas as pd

    from data_prep.resources import read_rows
    honorifics = {w.replace("’", "'") for r in read_rows("honorifics") for w in r["honorific"].split()}
    a = pd.read_csv(dev_build / "attendees.csv", keep_default_na=False)
    trailing = [t for t in a["title"] if t and t.split()[-1].replace("’", "'") in honorifics]
    assert not trailing
    titles = dict(zip(a["name"], a["title"]))
    assert titles["Luong Tam Quang"].endswith("(Lieut. Gen.)")
    assert titles["Wahyu Widada"].endswith("(Komjen Pol)")
    assert titles["Djoko Setiadi"].endswith("(Mayor Jenderal TNI)")


def test_a_smaller_town_the_dated_sentence_places_the_meeting_in():
    text = ("Pejabat siber bertemu\n\nKamis, 12 Mei 2022 14:05 WIB\n\n"
            "Lokakarya Keamanan Siber ASEAN-Jepang ke-3 digelar di Legian pada Rabu (11/5/2022). Delegasi Jepang "
            "dan Indonesia hadir bersama perwakilan negara anggota lainnya.\n\n"
            "Lokakarya berikutnya direncanakan berlangsung di Ubud pada tahun depan.\n\n"
            "Para peserta membahas perlindungan infrastruktur kritis dan kerja sama tanggap insiden di kawasan "
            "Asia Tenggara, termasuk latihan bersama yang akan digelar secara berkala.")
    r = process_article("t", "t.txt", text.encode())
    assert r.event.city == "Legian"     # a GeoNames town in Indonesia, a country the text names


def test_a_short_form_completed_at_its_end_is_the_full_name():
    from data_prep.people import canonical_names
    canon = canonical_names(["Listyo Sigit", "Listyo Sigit", "Listyo Sigit Prabowo",
                             "Retno Marsudi", "Retno Marsudi", "Retno Lestari Priansari Marsudi"])
    assert canon["Listyo Sigit"] == canon["Listyo Sigit Prabowo"] == "Listyo Sigit Prabowo"
    assert canon["Retno Lestari Priansari Marsudi"] == "Retno Marsudi"   # middle names: the usual form


def test_a_form_of_address_is_not_a_name_and_pm_is_a_title():
    assert not people("Yang Berhormat noted that information flows had changed.")
    found = people("Lao Deputy PM Sonexay Siphandone opened the meeting.")
    assert "Sonexay Siphandone" in found


def test_a_remote_opening_does_not_make_the_meeting_online():
    text = ("Presiden buka pertemuan\n\nLabuan Bajo (ANTARA) - Senin, 21 Agustus 2023 10:00 WIB\n\n"
            "Presiden membuka secara virtual Pertemuan Menteri ASEAN tentang Kejahatan Lintas Negara ke-17 yang "
            "digelar di Labuan Bajo, Senin (21/8/2023).\n\n"
            "Pertemuan itu dipimpin Kapolri dan membahas perdagangan orang serta penipuan daring di kawasan. "
            "Para menteri juga menyoroti pencucian uang dan penyelundupan narkoba yang melibatkan jaringan "
            "lintas negara di Asia Tenggara.")
    r = process_article("t", "t.txt", text.encode())
    assert not r.event.online and r.event.city == "Labuan Bajo"


def test_a_dateline_town_and_a_place_recalled_from_years_before():
    text = ("Ministers retreat to the island\n\nPHUKET: Ministers and senior officials from Southeast Asia gathered "
            "at a resort on Friday (Mar 29, 2019) for the ASEAN Digital Ministers Retreat, hosted by Thailand.\n\n"
            "Ten years ago, in April 2009, protesters burst into a hotel in Pattaya where leaders were meeting.\n\n"
            "The retreat discussed digital agility and data flows across the region's economies.")
    r = process_article("t", "t.txt", text.encode())
    assert r.event.city == "Phuket"


def test_a_meeting_recalled_from_months_before_publication_is_background():
    from datetime import date

    from data_prep.events import find_event_names
    s = split_sentences("The work is consistent with the Declaration adopted at the Special ASEAN Summit on "
                        "14 April 2020.")
    (m,) = [m for m in find_event_names(s, published=date(2021, 3, 13)) if "Summit" in m.name]
    assert m.background


def test_a_double_dash_dateline_is_a_dateline():
    from data_prep.events import _is_dateline, all_dates
    text = "SEOUL, Oct. 27 (Yonhap) -- South Korea hosted a seminar for ASEAN officials."
    (d,) = [d for d in all_dates(text, 2023, None) if d.start.day == 27]
    assert _is_dateline(text, d, split_sentences(text), 0)


def test_the_build_is_the_same_whatever_the_hash_seed(tmp_path):
    """Byte-identical tables from the same articles in two processes with different string hashing
    (a set's iteration order once decided which theme cue an evidence row named)."""
    import os
    import subprocess
    import sys

    from data_prep.resources import DATA_DIR
    corpus = DATA_DIR.parents[1] / "tests" / "dev_corpus" / "articles"
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-m", "data_prep", "build", "--seeds", str(corpus),
                        "--out", str(tmp_path / seed), "--quiet"], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}, cwd=DATA_DIR.parents[1])
    for table in ("events", "participants", "attendees", "evidence", "outcomes"):
        assert (tmp_path / "1" / f"{table}.csv").read_bytes() == (tmp_path / "2" / f"{table}.csv").read_bytes(), table
