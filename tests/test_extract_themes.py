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
