"""Step 4, countries: who took part, in what role. A country counts only where a sentence says it
attended, co-chaired or hosted (the nearest such cue governs it), or where a person who spoke at the
event holds an official post of that country. A country merely mentioned (a trade war, a former
posting, a regulation abroad) is kept as a mention, not a participant."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from .countries import find_asean_groups, find_countries, group_members
from .events import cue_pattern, future_pattern, is_reference
from .people import PersonMention, inside_org_name, side_countries, speech_pattern
from .resources import read_rows
from .sentences import Sentence

# A sole chair hosts (`chaired by X, with Y as vice-chair`: X hosts); a vice-chair shares the chair.
ROLE_OF_CUE = {"participation": "participant", "co_chair": "co_chair", "host": "host", "chair": "host",
               "vice_chair": "co_chair"}
_CHAIR_KINDS = ("co_chair", "host", "chair", "vice_chair")
ROLE_RANK = {"host": 0, "co_chair": 1, "participant": 2, "speaker_country": 3, "implied_member": 4}
# A country right after one of these is a place or a destination, not a delegation.
_LOCATIVE = re.compile(r"(?:\b(?:di|ke|untuk|in|to|at|against|towards)\s+(?:the\s+)?"
                       r"(?-i:(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*,\s*)?)$", re.IGNORECASE)
# A cue this close after a country (`Singapore hosted`, `Thailand bertindak selaku tuan rumah`,
# `Brunei Darussalam yang memimpin`) is that country's own role.
_OWN_CUE_GAP = re.compile(r"^(?:\s+[\w'’-]+){0,3}\s+$")
# Two countries joined by a dash (`Amerika Serikat-China`, `US–China`) name a relation between them
# (a trade war, bilateral ties), not two delegations; only a co-chairing pair is written that way.
_PAIR_JOIN = re.compile(r"\s*[-–—]\s*")
# A dateline (`HÀ NỘI -`, `Jakarta (ANTARA) -`) before a sentence's subject.
_DATELINE = re.compile(r"^[^-–—.]{0,40}?\s[-–—]\s+")
# How reliable each rule is (the `confidence` of its CountryFact).
CONFIDENCE = {"host_cue": 0.9, "co_chair_cue": 0.9, "participation_cue": 0.85, "delegation_phrase": 0.85,
              "counted_group": 0.85, "counted_group_no_cue": 0.6, "country_as_speaker": 0.6,
              "official_of_country": 0.75, "implied_by_meeting": 0.5}
METHOD_OF_ROLE = {"host": "host_cue", "co_chair": "co_chair_cue", "participant": "participation_cue"}


@dataclass(frozen=True)
class CountryFact:
    """A country's part in the event, with the sentence that shows it."""
    iso3: str
    role: str
    sentence: Sentence
    method: str = "role_cue"   # the rule that made it a participant (see codebook: method)
    confidence: float = 0.8
    article_id: str | None = None  # the article the sentence is in (set when an event's articles are merged)


@lru_cache(maxsize=1)
def _delegation_words() -> re.Pattern[str]:
    """`Delegasi Indonesia dipimpin`, `Australia's side was led by`: a leading cue after one of these
    says who led a delegation, not who chaired the meeting."""
    words = [r["word"] for r in read_rows("side_words") if r["position"] in ("before", "after")]
    return re.compile(rf"(?i:\b(?:{'|'.join(map(re.escape, words))}))\b")


def _cues(sentence: Sentence) -> list[tuple[int, str]]:
    """(start, kind) of every role cue; a cue overlapping an earlier or longer one (`tuan rumah` in
    `tuan rumah bersama`, `hosted by` in `co-hosted by`) is dropped; a leading cue next to a
    delegation word counts as participation, and a host cue after `akan`/`will` is dropped."""
    spans = []
    for kind in ROLE_OF_CUE:
        spans += [(m.start(), m.end(), kind) for m in cue_pattern(kind).finditer(sentence.text)]
    kept, last_end = [], -1
    for span in sorted(spans, key=lambda sp: (sp[0], -sp[1])):  # leftmost, then longest, wins
        if span[0] >= last_end:
            kept.append(span)
            last_end = span[1]
    out = []
    text = sentence.text
    for start, end, kind in sorted(kept):
        if future_pattern().search(" ".join(text[:start].split()[-2:])):
            continue  # `Indonesia akan menggelar ...`, `berpeluang bergabung`: a future event or role, not this one
        near = text[max(0, start - 80):start].split(",")[-1] + " " + " ".join(text[end:].split()[:2])
        if kind in _CHAIR_KINDS and _delegation_words().search(near):
            kind = "participation"  # `Delegasi RI dipimpin ...`, `yang memimpin delegasi`
        elif kind == "chair" and _shared(re.split(r"[,;.]", text[end:], maxsplit=1)[0]):
            kind = "co_chair"       # `dipimpin X bersama Y`, `chaired by Indonesia and Australia`
        out.append((start, kind))
    return out


@lru_cache(maxsize=1)
def _joint_words() -> re.Pattern[str]:
    words = [r["word"] for r in read_rows("partner_words") if r.get("joint") == "true"]
    return re.compile(rf"(?i:\b(?:{'|'.join(map(re.escape, words))}))\b")


def _shared(clause: str) -> bool:
    """A chair cue's clause names two chairs: a joint word (`bersama`, `together with`) or two countries,
    unless it names one of them vice-chair (`chaired by X with Y as vice-chair`)."""
    if cue_pattern("vice_chair").search(clause):
        return False
    return bool(_joint_words().search(clause)) or len({m.iso3 for m in find_countries(clause)}) > 1


@lru_cache(maxsize=1)
def _partner_words() -> re.Pattern[str]:
    words = [r["word"] for r in read_rows("partner_words")]
    return re.compile(rf"(?i:\b(?:{'|'.join(map(re.escape, words))}))\b")


def _governing_role(cues: list[tuple[int, str]], pos: int, text: str = "", end: int = 0) -> str:
    """The role a country takes from the cues of its sentence: a cue right after it, else the last
    cue before it, else the nearest."""
    after = [c for c in cues if c[0] >= end and _OWN_CUE_GAP.match(" " + text[end:c[0]])
             and not find_countries(text[end:c[0]])] if text else []   # `X with Y as vice-chair`: Y's cue
    if after:
        return ROLE_OF_CUE[after[0][1]]
    before = [c for c in cues if c[0] < pos]
    if not before:
        return ROLE_OF_CUE[min(cues, key=lambda c: abs(c[0] - pos))[1]]
    role = ROLE_OF_CUE[before[-1][1]]
    between = text[before[-1][0]:pos] if text else ""
    if role == "host" and ("," in between or _partner_words().search(" ".join(between.split()[-2:]))):
        return "participant"  # `tuan rumah ..., melanjutkan dari Singapura`, `menggelar sesi bersama India`
    return role


def _country_as_speaker(text: str, mentions) -> list[tuple[str, int]]:
    """`Indonesia meminta ...`, `Malaysia, this year's chair, outlined ...`, `HÀ NỘI - Việt Nam will
    ..., Minister X told ...`: the sentence's subject is a country and the sentence reports speech."""
    body_at = (_DATELINE.match(text).end() if _DATELINE.match(text) else 0)
    head = text[body_at:]
    first = next((m for m in mentions if m.start >= body_at), None)
    if first is None or not speech_pattern().search(text, first.end):
        return []
    lead = head[:first.start - body_at].split()
    if len(lead) > 1 or any(not w[:1].isupper() for w in lead) or text[first.end:first.end + 2] in ("'s", "’s"):
        return []
    return [(first.iso3, first.start)]


def countries_in_sentence(sentence: Sentence, event_date: date) -> list[CountryFact]:
    """Countries that a sentence says took part: after a host, co-chair or participation cue, in a
    delegation phrase, as the speaking subject, or as a counted group (`sembilan negara anggota
    ASEAN lainnya`, expanded to ASEAN's members on the event date; a generic `negara-negara ASEAN`
    counts for nothing)."""
    if is_reference(sentence) or cue_pattern("comparison").search(sentence.text):
        return []  # another event, or countries cited as examples or for comparison
    text = sentence.text
    cues = _cues(sentence)
    facts = []
    mentions = [m for m in find_countries(text) if not inside_org_name(text, m.start, m.end)]
    paired = {x.start for a, b in zip(mentions, mentions[1:])
              if _PAIR_JOIN.fullmatch(text[a.end:b.start]) for x in (a, b)}
    if cues:
        for m in mentions:
            if _LOCATIVE.search(text[max(0, m.start - 20):m.start]):
                continue
            role = _governing_role(cues, m.start, text, m.end)
            if m.start in paired and role != "co_chair":
                continue
            method = METHOD_OF_ROLE[role]
            facts.append(CountryFact(m.iso3, role, sentence, method, CONFIDENCE[method]))
    hosts = {f.iso3 for f in facts if f.role == "host"}
    if len(hosts) > 1:
        # `Indonesia dan Australia menggelar dialog ...`: a plain host verb with two subjects says
        # both held it (a bilateral), not who hosted; only a co-host cue makes co-chairs.
        facts = [replace(f, role="participant", method="joint_subject_host_cue", confidence=0.7)
                 if f.role == "host" else f for f in facts]
    for iso3, start, _ in side_countries(text):
        facts.append(CountryFact(iso3, "participant", sentence, "delegation_phrase", CONFIDENCE["delegation_phrase"]))
    for iso3, _ in _country_as_speaker(text, mentions):
        facts.append(CountryFact(iso3, "speaker_country", sentence, "country_as_speaker",
                                 CONFIDENCE["country_as_speaker"]))
    for g in find_asean_groups(text):
        members = group_members(g, event_date)
        if not members:
            continue  # a generic phrase: the members are not said to take part
        role = _governing_role(cues, g.start) if cues else "participant"
        method = "counted_group" if cues else "counted_group_no_cue"
        facts += [CountryFact(iso3, role, sentence, method, CONFIDENCE[method]) for iso3 in members]
    return facts


def official_fact(iso3: str, person: PersonMention) -> CountryFact:
    """The country an official who spoke at or led the event represents: co-chair when their sentence
    has a co-chair cue, else speaker_country; as sure as the person was found."""
    text, cues = person.sentence.text, _cues(person.sentence)
    at = text.find(person.name)
    governed = _governing_role(cues, at, text, at + len(person.name)) if cues and at >= 0 else None
    if any(k in ("chair", "vice_chair") for _, k in cues) and governed in ("host", "co_chair"):
        role = governed   # `dipimpin oleh Menteri X, didampingi Menteri Y sebagai wakil ketua`
    else:
        role = "co_chair" if any(k == "co_chair" for _, k in cues) else "speaker_country"
    return CountryFact(iso3, role, person.sentence, "official_of_country",
                       round(CONFIDENCE["official_of_country"] * person.confidence / 0.85, 2))


def countries_of_people(people: list[PersonMention]) -> list[CountryFact]:
    """Countries represented by officials who spoke at or led the event."""
    return [official_fact(p.iso3, p) for p in people if p.iso3 and p.official]


def best_role(facts: list[CountryFact]) -> dict[str, CountryFact]:
    """One fact per country: its strongest role (host > co-chair > participant > speaker), first
    evidence sentence for that role."""
    out: dict[str, CountryFact] = {}
    for f in facts:
        cur = out.get(f.iso3)
        if cur is None or ROLE_RANK[f.role] < ROLE_RANK[cur.role]:
            out[f.iso3] = f
    return out


@lru_cache(maxsize=1)
def _body_acronyms() -> frozenset[str]:
    """Acronyms of ASEAN's own ministerial and senior officials' bodies (data/asean_bodies.csv)."""
    return frozenset(r["acronym"] for r in read_rows("asean_bodies"))


@lru_cache(maxsize=1)
def _ministers_words() -> re.Pattern[str]:
    return re.compile(r"(?i)\b(?:menteri|ministers?|ministerial|pejabat senior|senior officials?)\b")


def is_asean_body_meeting(name: str, acronym: str | None) -> bool:
    """A meeting of an ASEAN body, which the member states attend: its acronym is one of the bodies
    (`AMRI ke-17`, `ADGMIN-5`), or its name joins ASEAN with ministers or senior officials
    (`Pertemuan Menteri Informasi ASEAN`, `ASEAN Digital Ministers' Meeting`)."""
    base = re.sub(r"[-\s].*$", "", acronym or "").rstrip("0123456789")
    if base in _body_acronyms() or any(re.search(rf"(?<![\w-]){a}(?![\w])", name) for a in _body_acronyms()):
        return True
    return "ASEAN" in name and bool(_ministers_words().search(name))


def absent_countries(sentences: list[Sentence]) -> set[str]:
    """Countries a sentence says did not attend (`Myanmar was not represented`, `tidak hadir`)."""
    out = set()
    for s in sentences:
        if cue_pattern("absent").search(s.text):
            out |= {m.iso3 for m in find_countries(s.text)}
    return out


def implied_members(day: date, named: set[str], absent: set[str]) -> list[str]:
    """ASEAN's members on `day` that an ASEAN body's meeting implies, less those named or absent."""
    from .countries import asean_members_on
    return [iso3 for iso3 in asean_members_on(day) if iso3 not in named and iso3 not in absent]
