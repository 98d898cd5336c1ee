"""Themes: cues match word families in both languages, a cue inside an organisation's or office's name
is no evidence, the longest cue wins, and every hit says how it was found. Sentences are our own."""
from __future__ import annotations

import pytest

from data_prep.sentences import Sentence
from data_prep.themes import find_themes


def themes(text: str) -> dict[str, tuple[str, str]]:
    return {h.theme: (h.cue, h.method) for h in find_themes(Sentence(text, 100, 100 + len(text)))}


@pytest.mark.parametrize("text, theme, cue", [
    # Indonesian affixes: one root, many words.
    ("Pemerintah berupaya melindungi WNI yang bekerja di kapal asing.", "citizen_protection", "melindungi WNI"),
    ("Kedua menteri membahas pelindungan WNI di kawasan.", "citizen_protection", "pelindungan WNI"),
    ("Para diplomat muda dilatih membuat konten video.", "capacity_building", "dilatih"),
    ("Forum itu membahas cara memperdagangkan produk secara daring.", "economy", "memperdagangkan"),
    ("Jaringan serat optik diharapkan mempersempit kesenjangan antarwilayah.", "digital_divide", "kesenjangan"),
    ("Peserta sepakat memperkuat kontra-narasi di ruang digital.", "peace_messaging", "kontra-narasi"),
    # English inflections.
    ("The ministers pledged to protect nationals working overseas.", "citizen_protection", "protect nationals"),
    ("Officials were trained in open-source investigation.", "capacity_building", "trained"),
    ("Delegates discussed moderating content with platform providers.", "platform_governance", "platform providers"),
    ("Rural schools still lack internet access.", "digital_divide", "internet access"),
])
def test_word_families_find_the_theme(text, theme, cue):
    found = themes(text)
    assert theme in found, found
    assert found[theme][0] == cue


def test_an_inflection_is_a_word_family_match_and_the_cue_as_written_is_a_cue_match():
    assert themes("Para diplomat muda dilatih membuat konten.")["capacity_building"] == ("dilatih", "word_family")
    assert themes("Ada pelatihan bagi diplomat muda.")["capacity_building"] == ("pelatihan", "cue")


def test_offsets_point_at_the_cue_in_the_article():
    text = "Kedua negara sepakat melindungi WNI di luar negeri."
    hit = next(h for h in find_themes(Sentence(text, 40, 40 + len(text))) if h.theme == "citizen_protection")
    assert (hit.cue_start, hit.cue_end) == (40 + text.index("melindungi"), 40 + text.index(" di luar"))


@pytest.mark.parametrize("text", [
    "Menteri Ekonomi Digital Thailand membuka pertemuan itu.",
    "The delegation included staff of the Department of Foreign Affairs and Trade.",
    "Wakil dari Ministry of Economy, Trade and Industry ikut hadir.",
])
def test_a_theme_word_inside_an_organisation_or_office_name_is_no_evidence(text):
    assert "economy" not in themes(text)


def test_a_theme_word_opening_a_sentence_still_counts():
    assert "economy" in themes("Ekonomi digital kawasan tumbuh pesat tahun ini.")


def test_the_longest_cue_wins():
    found = themes("Sindikat perdagangan orang memakai lowongan kerja palsu.")
    assert "citizen_protection" in found and "economy" not in found


def test_a_bare_platform_name_is_not_enough_but_two_weak_groups_are():
    assert "platform_governance" not in themes("Video itu diunggah ke YouTube.")
    found = themes("Pemerintah meminta YouTube menurunkan video itu.")
    assert found["platform_governance"][1] == "weak_cues"


def test_no_theme_in_a_plain_sentence():
    assert themes("Pertemuan berlangsung di sebuah hotel di tepi sungai.") == {}


def test_a_cue_inside_a_ministry_name_is_no_evidence_through_the_whole_pipeline():
    # A whole article through process_article (cleaning, sentence split, event, themes), as the build runs it.
    # The names of Australia's and Japan's ministries hold `Trade` and `Economy`, but only the last paragraph
    # says anything about the economy.
    from data_prep.article import process_article

    text = ("Australia and Japan join ASEAN cyber dialogue\n\n"
            "JAKARTA, 12 March 2024 - The 3rd ASEAN Cyber Policy Dialogue was held in Jakarta on Tuesday "
            "(12 March 2024), attended by officials from Indonesia, Australia and Japan.\n\n"
            "Australia was represented by the Department of Foreign Affairs and Trade, while Japan sent a "
            "delegation from the Ministry of Economy, Trade and Industry.\n\n"
            "Australia's Department of Foreign Affairs and Trade (DFAT) and Japan's Ministry of Economy, Trade "
            "and Industry (METI) said they would stay in touch with the ASEAN Secretariat.\n\n"
            "Delegates discussed how to expand trade and investment between the two regions.\n")
    result = process_article("t", "t.txt", text.encode("utf-8"))
    assert result.event is not None, "the article reports an event, so its themes are read"
    economy = [h for h in result.themes if h.theme == "economy"]
    assert [h.sentence.text for h in economy] == [
        "Delegates discussed how to expand trade and investment between the two regions."]
    assert economy[0].cue == "trade"
